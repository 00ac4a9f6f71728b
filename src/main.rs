//! The `communique` binary: a thin layer over the library. Everything that
//! reads argv, the environment or the terminal lives in `cli`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
