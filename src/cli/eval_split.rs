//! `claimex eval split`: the sentence splitter on the golden rules and the news probes.
//!
//! Input: a folder with `golden_rules_en.json` and `news_probes_en.json`. Output:
//! "golden N/52" and "probes N/36" on standard output (the figures of
//! `shared/eval/score_split.py`), and exit 5 when a `--min-*` threshold is not met.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use claimex::eval::split::{self, SplitCase, SplitScore};
use claimex::segment::{self, SegmentRules};

use super::{load_rules, EXIT_EVAL};

/// Arguments of `claimex eval split`.
#[derive(clap::Args)]
pub struct SplitArgs {
    /// The data folder (DIR/golden_rules_en.json, DIR/news_probes_en.json)
    #[arg(long)]
    data: PathBuf,
    /// Exit 5 when fewer golden cases are right
    #[arg(long)]
    min_golden: Option<usize>,
    /// Exit 5 when fewer probe cases are right
    #[arg(long)]
    min_probes: Option<usize>,
    /// Print each failing case with the expected and found sentences
    #[arg(long)]
    show: bool,
    /// Rules folder to use instead of the built-in rules
    #[arg(long)]
    rules: Option<PathBuf>,
}

/// Score both sets and print the results.
pub fn run(args: &SplitArgs) -> Result<i32> {
    let rules = load_rules(args.rules.as_deref())?;
    let sets = [("golden", "golden_rules_en.json", args.min_golden), ("probes", "news_probes_en.json", args.min_probes)];
    let mut below = false;
    for (label, file, minimum) in sets {
        let cases = read_cases(&args.data.join(file))?;
        let score = split::score(&cases, |text| sentences(text, &rules.segment));
        println!("{label} {}/{}", score.right, score.total);
        if args.show {
            print_failures(label, &score);
        }
        if minimum.is_some_and(|m| score.right < m) {
            println!("{label} below threshold ({} < {})", score.right, minimum.unwrap_or(0));
            below = true;
        }
    }
    Ok(if below { EXIT_EVAL } else { 0 })
}

fn read_cases(path: &Path) -> Result<Vec<SplitCase>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{}: not a list of cases", path.display()))
}

fn sentences(text: &str, rules: &SegmentRules) -> Vec<String> {
    segment::split_text(text, rules).iter().map(|span| span.slice(text).to_string()).collect()
}

fn print_failures(label: &str, score: &SplitScore) {
    for failure in &score.failures {
        println!("  {label} #{} {}\n      want {:?}\n      got  {:?}", failure.id, failure.name, failure.expected, failure.found);
    }
}
