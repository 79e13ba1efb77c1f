//! `claimex eval claims`: the claims metric over a folder of gold annotations.
//!
//! Input: a folder of `<id>.txt` articles with `<id>.json` gold claims (and, with
//! `--html DIR`, the original pages `DIR/<id>.html.gz`). Output: the same table as
//! `shared/eval/score_claims.py`; exit 5 when macro F1 is below `--min-f1`, a kind
//! below `--min-kind-f1`, or any span is bad.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use claimex::document::{Document, Format};
use claimex::eval::claims::{self, KindScore, KINDS};
use claimex::{output, process, Options};

use super::super::{load_rules, EXIT_EVAL};

/// Arguments of `claimex eval claims`.
#[derive(clap::Args)]
pub struct ClaimsArgs {
    /// Folder of <id>.txt articles and <id>.json gold annotations
    #[arg(long)]
    gold: PathBuf,
    /// Feed the original pages from this folder (<id>.html.gz) instead of the .txt articles
    #[arg(long)]
    html: Option<PathBuf>,
    /// Exit 5 when macro F1 is below this
    #[arg(long)]
    min_f1: Option<f64>,
    /// Exit 5 when any kind's F1 is below this
    #[arg(long)]
    min_kind_f1: Option<f64>,
    /// Rules folder to use instead of the built-in rules
    #[arg(long)]
    rules: Option<PathBuf>,
}

/// Run the claims evaluation.
pub fn run(args: ClaimsArgs) -> Result<i32> {
    let rules = load_rules(args.rules.as_deref())?;
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&args.gold)
        .with_context(|| format!("{}: cannot read", args.gold.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    golds.sort();
    let results: Vec<([KindScore; 4], usize, usize)> = golds
        .par_iter()
        .map(|path| score_one(path, args.html.as_deref(), &rules))
        .collect::<Result<_>>()?;
    let mut totals = [KindScore::default(); 4];
    let (mut bad, mut claims_found) = (0, 0);
    for (scores, bad_spans, found) in &results {
        for (total, score) in totals.iter_mut().zip(scores) {
            total.add(*score);
        }
        bad += bad_spans;
        claims_found += found;
    }
    Ok(report(&totals, golds.len(), claims_found, bad, &args))
}

fn score_one(gold_path: &Path, html: Option<&Path>, rules: &claimex::ruleset::RuleSet) -> Result<([KindScore; 4], usize, usize)> {
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(gold_path).with_context(|| format!("{}: cannot read", gold_path.display()))?)
        .with_context(|| format!("{}: not JSON", gold_path.display()))?;
    let (path, bytes, format) = match html {
        Some(folder) => {
            let stem = gold_path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let path = folder.join(format!("{stem}.html.gz"));
            (path.clone(), super::read_gzip(&path)?, Format::Html)
        }
        None => {
            let path = gold_path.with_extension("txt");
            let bytes = std::fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
            (path, bytes, Format::Text)
        }
    };
    let document = Document::decode(&path.to_string_lossy(), &bytes, Some(format))?;
    let extraction = process(&document, rules, Options::default());
    let json: serde_json::Value = serde_json::from_str(&output::to_json(&extraction))?;
    let claims = json["claims"].as_array().cloned().unwrap_or_default();
    Ok((claims::score_document(&claims, &gold), claims::bad_spans(&json), claims.len()))
}

fn report(totals: &[KindScore; 4], documents: usize, claims_found: usize, bad: usize, args: &ClaimsArgs) -> i32 {
    println!("{:<12} {:>6} {:>6} {:>6}   tp/pred/gold   extra", "kind", "P", "R", "F1");
    let mut f1s = Vec::new();
    for ((kind, _), total) in KINDS.iter().zip(totals) {
        let (p, r, f) = total.prf();
        f1s.push(f);
        let extra = match (*kind, total.tp) {
            (_, 0) => String::new(),
            ("count", tp) => format!("unit {:.2} qualifier {:.2}", total.extra as f64 / tp as f64, total.qualifier as f64 / tp as f64),
            ("actor", tp) => format!("type {:.2}", total.extra as f64 / tp as f64),
            ("attribution", tp) => format!("direct {:.2}", total.extra as f64 / tp as f64),
            _ => String::new(),
        };
        println!("{kind:<12} {p:6.3} {r:6.3} {f:6.3}   {}/{}/{}   {extra}", total.tp, total.predicted, total.gold);
    }
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len() as f64;
    println!("docs {documents}  claims {claims_found}  bad spans {bad}");
    println!("macro F1 {macro_f1:.3}");
    let below = args.min_f1.is_some_and(|m| macro_f1 < m) || args.min_kind_f1.is_some_and(|m| f1s.iter().any(|f| *f < m)) || bad > 0;
    if below {
        println!("below threshold (macro F1 >= {:?}, every kind >= {:?}, no bad spans)", args.min_f1, args.min_kind_f1);
        return EXIT_EVAL;
    }
    0
}
