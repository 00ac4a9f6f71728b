//! The `communique` binary: a thin layer over the library. Everything that
//! reads argv, the environment or the terminal lives in `cli`.

mod cli;

// A long diff allocates and frees hundreds of thousands of short strings and
// vectors on several threads; mimalloc's per-thread free lists make that
// ~10% faster end to end than glibc's allocator (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
