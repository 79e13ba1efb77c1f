//! Speed of the clean stage: the benchmark's HTML pages → pages/s, MB/s and peak memory.
//!
//! Input: `../shared/data/article-extraction-benchmark/html/*.html.gz` relative to the
//! project (skipped with a message when absent). Output: one line on stdout with the
//! throughput of `clean::clean` over all pages on one thread, in process, after the
//! pages are read, decompressed and decoded; and the process's peak resident memory
//! (VmHWM). `CLAIMEX_BENCH_ROUNDS` sets how many passes over the pages are timed.

#![allow(clippy::print_stdout)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use claimex::clean::{self, CleanRules};
use claimex::document::{Document, Format};
use claimex::ruleset::RuleSource;

fn data_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/article-extraction-benchmark/html")
}

fn read_pages(folder: &Path) -> Vec<Document> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).filter(|path| path.to_string_lossy().ends_with(".html.gz")).collect();
    paths.sort();
    paths.iter().filter_map(|path| read_page(path)).collect()
}

fn read_page(path: &Path) -> Option<Document> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut bytes).ok()?;
    Document::decode(&path.to_string_lossy(), &bytes, Some(Format::Html)).ok()
}

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes / 1024.0)
}

fn main() {
    let folder = data_folder();
    let pages = read_pages(&folder);
    if pages.is_empty() {
        println!("clean bench skipped: no pages in {}", folder.display());
        return;
    }
    let rules = match CleanRules::load(&RuleSource::embedded()) {
        Ok(rules) => rules,
        Err(error) => {
            println!("clean bench skipped: rules do not load: {error}");
            return;
        }
    };
    let rounds: usize = std::env::var("CLAIMEX_BENCH_ROUNDS").ok().and_then(|value| value.parse().ok()).unwrap_or(3);
    let bytes: usize = pages.iter().map(|page| page.text.len()).sum();
    let mut kept = 0usize;
    let started = Instant::now();
    for _ in 0..rounds {
        for page in &pages {
            kept += clean::clean(page, &rules).text.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let pages_per_second = (pages.len() * rounds) as f64 / seconds;
    let megabytes_per_second = (bytes * rounds) as f64 / 1e6 / seconds;
    let peak = peak_memory_mb().map_or("unknown".to_string(), |mb| format!("{mb:.0} MB"));
    println!(
        "claimex clean: {} pages x {rounds} rounds, {:.1} MB: {pages_per_second:.1} pages/s, {megabytes_per_second:.1} MB/s, peak memory {peak} (kept {} bytes/round)",
        pages.len(),
        bytes as f64 / 1e6,
        kept / rounds
    );
}
