//! What the benchmarks share: timing a run as MB/s.
//!
//! Input: the size of the text a run reads and the run itself. Output: the best rate
//! over the rounds, and what the last run returned (so the work cannot be optimised
//! away and the caller can print a count).

use std::hint::black_box;
use std::time::Instant;

/// The best MB/s of `rounds` runs, and what the last run returned.
pub fn best_rate(megabytes: f64, rounds: usize, mut run: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = 0.0_f64;
    let mut result = 0;
    for _ in 0..rounds {
        let started = Instant::now();
        result = black_box(run());
        best = best.max(megabytes / started.elapsed().as_secs_f64());
    }
    (best, result)
}
