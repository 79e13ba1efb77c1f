//! Benchmark: `segment::split` throughput against a plain UAX #29 sentence splitter.
//!
//! Input: the plain-text articles of `corpus/` and the examples of
//! `rules/segment.toml`, repeated to about 8 MB (paragraphs as blocks, as the clean
//! stage gives them). Output: MB/s of each splitter (best of several rounds) and the
//! ratio, printed. Run with `cargo bench --bench segment`.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

mod common;

use common::best_rate;

use std::hint::black_box;
use std::path::Path;

use claimex::clean::CleanText;
use claimex::ruleset::RuleSource;
use claimex::segment::{self, SegmentRules};
use unicode_segmentation::UnicodeSegmentation;

const TARGET_BYTES: usize = 8_000_000;
const ROUNDS: usize = 7;

fn main() {
    let rules = SegmentRules::load(&RuleSource::embedded()).unwrap();
    let sample = sample_text(&rules);
    let mut text = String::with_capacity(TARGET_BYTES + sample.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&sample);
        text.push_str("\n\n");
    }
    let blocks: Vec<&str> = segment::paragraphs(&text).iter().map(|span| span.slice(&text)).collect();
    let clean = CleanText::from_blocks(&blocks, None);
    let megabytes = clean.text.len() as f64 / 1e6;

    let (ours, sentences) = best_rate(megabytes, ROUNDS, || segment::split(black_box(&clean), &rules).len());
    let (uax, bounds) = best_rate(megabytes, ROUNDS, || black_box(&clean.text).split_sentence_bounds().count());
    println!("text: {megabytes:.1} MB in {} blocks", clean.blocks.len());
    println!("segment::split          {ours:8.1} MB/s  ({sentences} sentences)");
    println!("UAX #29 sentence bounds {uax:8.1} MB/s  ({bounds} pieces)");
    println!("ratio segment/UAX #29   {:8.2}", ours / uax);
}

/// Realistic text: every corpus article plus the rule examples.
fn sample_text(rules: &SegmentRules) -> String {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&corpus).unwrap().filter_map(Result::ok).map(|entry| entry.path()).collect();
    paths.sort();
    let mut sample = String::new();
    for path in paths.iter().filter(|path| path.extension().is_some_and(|e| e == "txt")) {
        sample.push_str(&std::fs::read_to_string(path).unwrap_or_default().replace('\r', ""));
        sample.push_str("\n\n");
    }
    for example in rules.examples() {
        sample.push_str(&example.text);
        sample.push_str("\n\n");
    }
    sample
}
