//! The `claimex` binary: parse the command line, run it, map errors to exit codes.
//!
//! Input: process arguments. Output: the command's output on standard output,
//! messages on standard error, and a documented exit code (see README.md).

#[allow(clippy::print_stdout, clippy::print_stderr)]
mod cli;

fn main() {
    std::process::exit(cli::run());
}
