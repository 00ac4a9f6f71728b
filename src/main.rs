//! The `communique` binary: a thin layer over the library. Everything that
//! reads argv, the environment or the terminal lives in `cli`.

mod cli;

// A long diff allocates and frees hundreds of thousands of short strings and
// vectors on several threads; with mimalloc's per-thread free lists best-of and
// median runs are ~5-10% faster than with glibc's allocator (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's C interface (linked in by the `mimalloc` crate, whose Rust
// binding does not expose options).
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in the `mi_option_t` enum of the mimalloc that
/// libmimalloc-sys 0.1.49 bundles (v3 and v2 alike; Cargo.lock pins it).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Milliseconds before mimalloc hands freed pages back to the system. Its
/// default (1 s, ten times that for whole arenas) outlives a diff, so every
/// page the diff ever touched counted in its peak. With no delay the peak is
/// what is live at once, whatever the load: 61 MB (seed 1) and 71 MB (seed 2,
/// rate 0.4) on the 5 MB pairs against 82–100 MB by default, and 63–78 MB
/// with 20 ms, for about 0.05 s more system time on the heavier pair
/// (docs/performance.md, "Issue 18: the 5 MB diff").
const PURGE_DELAY_MS: std::ffi::c_long = 0;

fn main() -> std::process::ExitCode {
    // SAFETY: `mi_option_set` only stores an integer in mimalloc's option
    // table; any value of the purge delay is valid, and the option is read
    // on each free that may purge, so setting it before any thread starts is
    // enough.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    cli::run()
}
