//! The `claimex` binary: parse the command line, run it, map errors to exit codes.
//!
//! Input: process arguments. Output: the command's output on standard output,
//! messages on standard error, and a documented exit code (see README.md).

#[allow(clippy::print_stdout, clippy::print_stderr)]
mod cli;

/// Compiling the rules at start-up and extracting allocate many small blocks; mimalloc
/// serves them faster than the system allocator (start-up and batch figures in README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
