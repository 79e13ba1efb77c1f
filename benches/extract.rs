//! Benchmark: `extract::extract` throughput (sentences → claims) against one regex scan.
//!
//! Input: the articles of `corpus/`, each decoded, cleaned and split into sentences
//! once before timing. Output, printed: MB/s of cleaned text (best of several rounds,
//! one thread) for
//!
//! - many documents: the corpus articles, the list repeated to about 4 MB, extracted
//!   in batches of [`BATCH_DOCUMENTS`] as the command line runs a folder, and one by
//!   one as it runs a single file;
//! - one large document: the corpus articles' blocks joined into a single document of
//!   about 1 MB, so that work growing faster than the text shows;
//! - the peer, over the same many documents: one `regex` `find_iter` pass per document
//!   of the ASCII number pattern `[0-9]+(?:[.,][0-9]+)*`, counting matches. It is the
//!   cheapest honest scan a claim extractor must beat to find even its numbers, and
//!   the ratio extract/peer says how many such scans one extraction costs.
//!
//! - with `CLAIMEX_BENCH_FRESH=DIR` set, text never seen before: new rules are compiled
//!   and run once over the corpus articles, then the `.txt` and `.html` files of `DIR`
//!   (for instance `../shared/data/article-extraction-benchmark/text`) are extracted
//!   once, as a batch of new articles would be, and once more. The first figure is the
//!   one a corpus run sees: the engines still build automaton states for text unlike
//!   what they have read; the second is the same text warm.
//!
//! The allocator is the command line's (mimalloc), so the figures are the tool's.
//!
//! Run with `cargo bench --bench extract`.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

mod common;

use common::best_rate;

use std::hint::black_box;
use std::path::Path;

use claimex::clean::{self, CleanText};
use claimex::document::Document;
use claimex::extract::{self, Input, Options};
use claimex::BATCH_DOCUMENTS;
use claimex::ruleset::RuleSet;
use claimex::segment::{self, Sentence};
use regex::Regex;

/// The allocator of the `claimex` binary, so that the figures are the command line's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const MANY_BYTES: usize = 4_000_000;
const LARGE_BYTES: usize = 1_000_000;
const ROUNDS: usize = 5;

/// A document ready for the extract stage.
struct Prepared {
    clean: CleanText,
    sentences: Vec<Sentence>,
}

fn main() {
    let rules = RuleSet::embedded().unwrap();
    let articles = corpus_articles(&rules);
    let many = repeated(&articles);
    let large = joined(&articles, &rules);
    let peer = Regex::new(r"[0-9]+(?:[.,][0-9]+)*").unwrap();

    let many_megabytes = many.iter().map(|document| document.clean.text.len()).sum::<usize>() as f64 / 1e6;
    let inputs: Vec<Input> = many.iter().map(|document| Input { text: &document.clean.text, sentences: &document.sentences }).collect();
    let (batched, batched_claims) = best_rate(many_megabytes, ROUNDS, || {
        inputs.chunks(BATCH_DOCUMENTS).map(|batch| extract::extract_many(black_box(batch), &rules.claims, Options::default()).iter().map(Vec::len).sum::<usize>()).sum()
    });
    let (ours, claims) = best_rate(many_megabytes, ROUNDS, || many.iter().map(|document| extract_claims(document, &rules)).sum());
    let (scan, numbers) = best_rate(many_megabytes, ROUNDS, || many.iter().map(|document| peer.find_iter(black_box(&document.clean.text)).count()).sum());
    let large_megabytes = large.clean.text.len() as f64 / 1e6;
    let (single, large_claims) = best_rate(large_megabytes, ROUNDS, || extract_claims(&large, &rules));

    println!("many documents: {many_megabytes:.1} MB in {} documents ({} articles repeated)", many.len(), articles.len());
    println!("extract::extract_many    {batched:8.1} MB/s  ({batched_claims} claims, batches of {BATCH_DOCUMENTS})");
    println!("extract::extract         {ours:8.1} MB/s  ({claims} claims, one by one)");
    println!("peer: number regex scan  {scan:8.1} MB/s  ({numbers} matches)");
    println!("ratio extract_many/peer  {:8.5}  (the peer is {:.0}x faster)", batched / scan, scan / batched);
    println!("ratio extract/peer       {:8.5}  (the peer is {:.0}x faster)", ours / scan, scan / ours);
    println!("one large document: {large_megabytes:.1} MB, {} sentences", large.sentences.len());
    println!("extract::extract         {single:8.1} MB/s  ({large_claims} claims)");
    if let Some(folder) = std::env::var_os("CLAIMEX_BENCH_FRESH") {
        fresh(Path::new(&folder), &articles);
    }
}

/// Extraction over the articles of `folder` with newly compiled rules, warmed only on
/// the corpus `articles`: once as new text, once more as text seen before.
fn fresh(folder: &Path, articles: &[Prepared]) {
    let rules = RuleSet::embedded().unwrap();
    let documents = prepared_folder(folder, &rules);
    let warmed: usize = articles.iter().map(|article| extract_claims(article, &rules)).sum();
    black_box(warmed);
    let megabytes = documents.iter().map(|document| document.clean.text.len()).sum::<usize>() as f64 / 1e6;
    println!("fresh text: {megabytes:.1} MB in {} documents of {}", documents.len(), folder.display());
    for pass in ["first pass (new text)", "second pass (seen)"] {
        let (rate, claims) = best_rate(megabytes, 1, || documents.iter().map(|document| extract_claims(document, &rules)).sum());
        println!("extract::extract {pass:>22} {rate:8.1} MB/s  ({claims} claims)");
    }
}

fn extract_claims(document: &Prepared, rules: &RuleSet) -> usize {
    extract::extract(black_box(&document.clean.text), &document.sentences, &rules.claims, Options::default()).len()
}

/// Every article of `corpus/`, decoded, cleaned and split as the pipeline does.
fn corpus_articles(rules: &RuleSet) -> Vec<Prepared> {
    prepared_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"), rules)
}

/// Every `.txt` and `.html` file of `folder`, in name order, decoded, cleaned and split.
fn prepared_folder(folder: &Path, rules: &RuleSet) -> Vec<Prepared> {
    let mut paths: Vec<_> = std::fs::read_dir(folder).unwrap().filter_map(Result::ok).map(|entry| entry.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter(|path| path.extension().is_some_and(|e| e == "txt" || e == "html"))
        .map(|path| {
            let bytes = std::fs::read(path).unwrap();
            let document = Document::decode(&path.to_string_lossy(), &bytes, None).unwrap();
            prepared(clean::clean(&document, &rules.clean), rules)
        })
        .collect()
}

fn prepared(clean: CleanText, rules: &RuleSet) -> Prepared {
    let sentences = segment::split(&clean, &rules.segment);
    Prepared { clean, sentences }
}

/// The articles over and over, to about [`MANY_BYTES`] of text.
fn repeated(articles: &[Prepared]) -> Vec<&Prepared> {
    let mut documents = Vec::new();
    let mut bytes = 0;
    while bytes < MANY_BYTES {
        for article in articles {
            documents.push(article);
            bytes += article.clean.text.len();
        }
    }
    documents
}

/// One document made of the articles' blocks over and over, to about [`LARGE_BYTES`].
fn joined(articles: &[Prepared], rules: &RuleSet) -> Prepared {
    let mut blocks: Vec<&str> = Vec::new();
    let mut bytes = 0;
    while bytes < LARGE_BYTES {
        for article in articles {
            for block in &article.clean.blocks {
                blocks.push(block.slice(&article.clean.text));
                bytes += block.len() + 2;
            }
        }
    }
    prepared(CleanText::from_blocks(&blocks, None), rules)
}
