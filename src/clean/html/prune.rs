//! Cleaning the extracted blocks: raw [`Block`]s → the article's paragraphs.
//!
//! Input: blocks from the container and the page's titles. Output: paragraph texts
//! without link-dense blocks, furniture lines ("Advertisement"), in-body promos
//! ("Read more: ..."), bylines and dates at the top, copies of the headline,
//! repeated blocks and headings left dangling at the end.

use std::collections::HashSet;

use super::blocks::Block;
use super::vocabulary::Vocabulary;

/// A block repeated anywhere is dropped when at least this long (bytes, compared form);
/// shorter ones only when they repeat the block just before (a list may repeat short lines).
const DEDUPE_CHARS: usize = 200;
/// Blocks this close to the top may be bylines or date lines.
const BYLINE_REACH: usize = 4;

/// The kept paragraphs, in order.
pub fn prune(blocks: Vec<Block>, vocabulary: &Vocabulary, titles: &[String]) -> Vec<String> {
    let titles: HashSet<String> = titles.iter().map(|title| comparable(title)).collect();
    let mut seen: HashSet<String> = HashSet::new();
    let mut kept: Vec<Block> = Vec::new();
    for block in blocks {
        let key = comparable(&block.text);
        if titles.contains(&key) || is_furniture(&block, &key, kept.len(), vocabulary) {
            continue;
        }
        let repeats_last = kept.last().is_some_and(|last| last.text == block.text);
        if repeats_last || (key.len() >= DEDUPE_CHARS && !seen.insert(key)) {
            continue;
        }
        kept.push(block);
    }
    while kept.last().is_some_and(|block| block.heading) {
        kept.pop();
    }
    kept.into_iter().map(|block| block.text).collect()
}

/// Lower case, alphanumerics only: how blocks are compared.
fn comparable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn is_furniture(block: &Block, key: &str, position: usize, vocabulary: &Vocabulary) -> bool {
    if block.link_chars * 2 > block.chars {
        return true;
    }
    let lower = block.text.to_lowercase();
    let words = key.split(' ').count();
    vocabulary.is_furniture_line(&lower)
        || vocabulary.is_furniture_line(key)
        || vocabulary.is_promo(&lower, words)
        || (position < BYLINE_REACH && vocabulary.is_byline(&lower, words))
}
