//! `claimex eval`: measure a stage on a data set with the reference metrics.
//!
//! Input: a data folder laid out as in `shared/data`. Output: the scores on standard
//! output, and exit 5 when a `--min-*` threshold is not met.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::Subcommand;
use rayon::prelude::*;

use claimex::clean;
use claimex::document::{Document, Format};
use claimex::eval;

use super::{load_rules, EXIT_EVAL};

#[path = "eval_claims.rs"]
mod eval_claims;
#[path = "eval_split.rs"]
mod eval_split;

/// The stages that can be measured.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Boilerplate removal on the article-extraction benchmark layout
    /// (DIR/ground-truth.json, DIR/html/<id>.html.gz, DIR/text/<id>.txt)
    Clean {
        /// The data folder
        #[arg(long)]
        data: PathBuf,
        /// Score the pasted-text version of each page (DIR/text/<id>.txt)
        #[arg(long)]
        text_input: bool,
        /// Exit 5 when F1 is below this
        #[arg(long)]
        min_f1: Option<f64>,
        /// Exit 5 when precision is below this
        #[arg(long)]
        min_precision: Option<f64>,
        /// List the N worst pages
        #[arg(long, default_value_t = 0)]
        worst: usize,
        /// Rules folder to use instead of the built-in rules
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Sentence splitting on the golden rules and news probes
    /// (DIR/golden_rules_en.json, DIR/news_probes_en.json) and on a treebank file
    /// (--treebank FILE: boundary precision, recall and F1)
    Split(eval_split::SplitArgs),
    /// Claims against gold annotations (a folder of <id>.txt and <id>.json)
    Claims(eval_claims::ClaimsArgs),
}

/// Run one evaluation.
pub fn run(command: EvalCommand) -> Result<i32> {
    match command {
        EvalCommand::Clean { data, text_input, min_f1, min_precision, worst, rules } => {
            clean_eval(&data, text_input, [min_f1, min_precision], worst, rules.as_deref())
        }
        EvalCommand::Split(args) => eval_split::run(&args),
        EvalCommand::Claims(args) => eval_claims::run(args),
    }
}

/// Read a gzip-compressed file.
pub fn read_gzip(path: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut bytes).with_context(|| format!("{}: not gzip", path.display()))?;
    Ok(bytes)
}

fn clean_eval(data: &Path, text_input: bool, minimums: [Option<f64>; 2], worst: usize, rules: Option<&Path>) -> Result<i32> {
    let rules = load_rules(rules)?;
    let truth_path = data.join("ground-truth.json");
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(&truth_path).with_context(|| format!("{}: cannot read", truth_path.display()))?,
    )
    .with_context(|| format!("{}: not JSON", truth_path.display()))?;
    let ids: Vec<&String> = truth.keys().collect();
    let started = std::time::Instant::now();
    let predictions: Vec<(String, String)> = ids
        .par_iter()
        .map(|id| -> Result<(String, String)> {
            let (path, bytes, format) = if text_input {
                let path = data.join("text").join(format!("{id}.txt"));
                let bytes = std::fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
                (path, bytes, Format::Text)
            } else {
                let path = data.join("html").join(format!("{id}.html.gz"));
                let bytes = read_gzip(&path)?;
                (path, bytes, Format::Html)
            };
            let body = match Document::decode(&path.to_string_lossy(), &bytes, Some(format)) {
                Ok(document) => clean::clean(&document, &rules.clean).text,
                Err(_) => String::new(),
            };
            Ok(((*id).clone(), body))
        })
        .collect::<Result<_>>()?;
    let seconds = started.elapsed().as_secs_f64();
    let pairs: Vec<(&str, &str)> = predictions
        .iter()
        .map(|(id, body)| (truth[id].get("articleBody").and_then(|v| v.as_str()).unwrap_or(""), body.as_str()))
        .collect();
    let score = eval::clean::score(pairs.iter().copied());
    let kind = if text_input { "text" } else { "html" };
    println!("clean ({kind}) {} pages: F1 {:.3}  precision {:.3}  recall {:.3}  ({seconds:.1} s)", score.pages, score.f1, score.precision, score.recall);
    if worst > 0 {
        let mut per_page: Vec<(f64, &str)> = predictions
            .iter()
            .zip(&pairs)
            .map(|((id, _), (t, p))| (eval::clean::score([(*t, *p)]).f1, id.as_str()))
            .collect();
        per_page.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f1, id) in per_page.iter().take(worst) {
            println!("  {f1:.3} {id}");
        }
    }
    let [min_f1, min_precision] = minimums;
    let below = min_f1.is_some_and(|m| score.f1 < m) || min_precision.is_some_and(|m| score.precision < m);
    if below {
        println!("below threshold (F1 >= {min_f1:?}, precision >= {min_precision:?})");
    }
    Ok(if below { EXIT_EVAL } else { 0 })
}
