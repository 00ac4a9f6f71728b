//! The `communique` binary: a thin layer over the library. Everything that
//! reads argv, the environment or the terminal lives in `cli`.

mod cli;

// A long diff allocates and frees hundreds of thousands of short strings and
// vectors on several threads; with mimalloc's per-thread free lists best-of and
// median runs are ~5-10% faster than with glibc's allocator (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
