//! `claimex eval split`: the sentence splitter on the golden rules and the news probes,
//! and on a treebank file.
//!
//! Input: a folder with `golden_rules_en.json` and `news_probes_en.json`, and/or a
//! treebank file in the `treebank` format of `shared/eval/score_split.py`. Output:
//! "golden N/52" and "probes N/36", and the treebank's boundary precision, recall and F1
//! (whole text, inside paragraphs, paragraph by paragraph) on standard output (the
//! figures of `score_split.py`), and exit 5 when a `--min-*` threshold is not met.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use claimex::eval::split::{self, SplitCase, SplitScore, Treebank, TreebankScore};
use claimex::segment::{self, SegmentRules};

use super::{load_rules, EXIT_EVAL};

/// Arguments of `claimex eval split`.
#[derive(clap::Args)]
pub struct SplitArgs {
    /// The data folder (DIR/golden_rules_en.json, DIR/news_probes_en.json)
    #[arg(long, required_unless_present = "treebank")]
    data: Option<PathBuf>,
    /// A treebank file as score_split.py reads it ({"docs": [{id, text, sentences,
    /// paragraph_ends}]}, code-point offsets): boundary precision, recall and F1
    #[arg(long)]
    treebank: Option<PathBuf>,
    /// Exit 5 when the treebank's boundary F1 (whole-text input) is below this
    #[arg(long, requires = "treebank")]
    min_f1: Option<f64>,
    /// Exit 5 when fewer golden cases are right
    #[arg(long)]
    min_golden: Option<usize>,
    /// Exit 5 when fewer probe cases are right
    #[arg(long)]
    min_probes: Option<usize>,
    /// Print each failing case with the expected and found sentences, and each
    /// missed or spurious treebank boundary
    #[arg(long)]
    show: bool,
    /// Rules folder to use instead of the built-in rules
    #[arg(long)]
    rules: Option<PathBuf>,
}

/// Score the sets asked for and print the results.
pub fn run(args: &SplitArgs) -> Result<i32> {
    let rules = load_rules(args.rules.as_deref())?;
    let mut below = false;
    if let Some(data) = &args.data {
        below |= score_cases(data, args, &rules.segment)?;
    }
    if let Some(path) = &args.treebank {
        below |= score_treebank(path, args, &rules.segment)?;
    }
    Ok(if below { EXIT_EVAL } else { 0 })
}

/// Golden rules and probes; true when a threshold is not met.
fn score_cases(data: &Path, args: &SplitArgs, rules: &SegmentRules) -> Result<bool> {
    let sets = [("golden", "golden_rules_en.json", args.min_golden), ("probes", "news_probes_en.json", args.min_probes)];
    let mut below = false;
    for (label, file, minimum) in sets {
        let cases = read_cases(&data.join(file))?;
        let score = split::score(&cases, |text| sentences(text, rules));
        println!("{label} {}/{}", score.right, score.total);
        if args.show {
            print_failures(label, &score);
        }
        if minimum.is_some_and(|m| score.right < m) {
            println!("{label} below threshold ({} < {})", score.right, minimum.unwrap_or(0));
            below = true;
        }
    }
    Ok(below)
}

/// Boundary scores on a treebank file; true when `--min-f1` is not met.
fn score_treebank(path: &Path, args: &SplitArgs, rules: &SegmentRules) -> Result<bool> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let treebank: Treebank = serde_json::from_str(&text).with_context(|| format!("{}: not a treebank file", path.display()))?;
    let score = split::score_treebank(&treebank.docs, |text| segment::split_text(text, rules));
    print_treebank(&score);
    if args.show {
        for error in &score.errors {
            let kind = if error.missed { "missed" } else { "spurious" };
            let place = if error.paragraph_end { "para-end" } else { "in-para" };
            println!("  {kind:8} {place:8} {}: {:?} | {:?}", error.doc, error.before, error.after);
        }
    }
    let f1 = score.text.prf().2;
    let below = args.min_f1.is_some_and(|minimum| f1 < minimum);
    if below {
        println!("treebank F1 below threshold ({f1:.4} < {})", args.min_f1.unwrap_or(0.0));
    }
    Ok(below)
}

fn print_treebank(score: &TreebankScore) {
    let rows = [("treebank", score.text.prf(), Some(score.text)), ("treebank in-paragraph", score.text.intra_prf(), None), ("treebank para-fed", score.para_fed.prf(), Some(score.para_fed))];
    for (label, (precision, recall, f1), counts) in rows {
        let tail = counts.map_or(String::new(), |c| {
            format!(" (tp {}, fp {}, fn {}; documents right {}/{})", c.true_positives, c.false_positives, c.false_negatives, c.docs_right, c.docs_total)
        });
        println!("{label} P {precision:.4} R {recall:.4} F1 {f1:.4}{tail}");
    }
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
