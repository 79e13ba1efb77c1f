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

/// mimalloc's `mi_option_purge_delay`: the option's place in `mi_option_e` of
/// `mimalloc.h` (the number libmimalloc-sys gives no name to).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    keep_freed_memory();
    std::process::exit(cli::run());
}

/// Tell mimalloc never to hand freed memory back to the system. The regex engines'
/// automata grow as new text is read, freeing their old tables; by default mimalloc
/// returns such memory to the system a second later, and on a machine with
/// transparent huge pages every later reuse then makes the kernel clear a fresh 2 MB
/// page. On a folder of new articles this makes a third as many page faults and, in
/// most runs, less system time (README, Performance). A run is one process whose
/// memory peaks with its automata anyway: holding on to freed memory raises the peak by
/// a few per cent.
fn keep_freed_memory() {
    // SAFETY: `mi_option_set` stores an integer option; mimalloc allows it at any time
    // and reads the purge delay each time it considers purging.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
}

#[cfg(test)]
mod tests {
    use super::PURGE_DELAY;

    /// The option number names the purge delay: its value is mimalloc's default of
    /// 1000 ms until the binary sets it (a mimalloc that renumbered its options would
    /// give another option's value here).
    #[test]
    fn purge_delay_option_is_the_purge_delay() {
        // SAFETY: reading an option has no precondition.
        let delay = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(delay, 1000);
    }
}
