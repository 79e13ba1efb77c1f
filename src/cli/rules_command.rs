//! `claimex rules check` and `claimex rules test`.
//!
//! Input: a rules folder (or the built-in rules). Output: a report on standard
//! output; exit 3 when a file is broken, 4 when examples fail.

use std::path::Path;

use anyhow::Result;
use claimex::extract::examples;

use super::{load_rules, EXIT_EXAMPLES};

/// Validate the rule files and print a summary.
pub fn check(dir: Option<&Path>) -> Result<i32> {
    let rules = load_rules(dir)?;
    let count = rules.claims.rules().count();
    let origin = dir.map_or("built-in rules".to_string(), |d| d.display().to_string());
    println!("{origin}: {count} claim rules in {} files compile", rules.claims.files.len());
    Ok(0)
}

/// Run every rule's examples and counter-examples; print failures with differences.
pub fn test(dir: Option<&Path>) -> Result<i32> {
    let rules = load_rules(dir)?;
    let mut failures = examples::failures(&rules);
    failures.extend(claimex::segment::example_failures(&rules.segment));
    let total: usize = rules.claims.rules().map(|r| r.examples.len() + r.counter_examples.len()).sum::<usize>() + rules.segment.examples().len();
    for failure in &failures {
        println!("FAIL {failure}\n");
    }
    let failed = failures.len();
    println!("rule examples: {} passed, {failed} failed", total.saturating_sub(failed));
    Ok(if failed == 0 { 0 } else { EXIT_EXAMPLES })
}

