//! STAGE 2, segment: [`CleanText`] → sentences.
//!
//! Input: the cleaned text and its blocks. Output: [`Sentence`]s, byte spans into the
//! text, in order, not overlapping, trimmed of white space. Every block end is a
//! sentence end. Abbreviations, titles and other exceptions come from
//! `rules/segment.toml` ([`SegmentRules`]).

mod rules;

pub use rules::SegmentRules;

use serde::Serialize;

use crate::clean::CleanText;
use crate::span::Span;

/// One sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// First byte of the sentence in the cleaned text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

impl Sentence {
    /// The sentence as a span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Split cleaned text into sentences.
pub fn split(clean: &CleanText, rules: &SegmentRules) -> Vec<Sentence> {
    let blocks = if clean.blocks.is_empty() { vec![Span::new(0, clean.text.len())] } else { clean.blocks.clone() };
    let mut sentences = Vec::new();
    for block in blocks {
        for span in split_block(block.slice(&clean.text), rules) {
            let span = span.shifted(block.start).trimmed(&clean.text);
            if !span.is_empty() {
                sentences.push(Sentence { start: span.start, end: span.end });
            }
        }
    }
    sentences
}

/// Split text as given: paragraphs (runs of non-blank lines) are blocks, and spans
/// are offsets into `text` itself.
pub fn split_text(text: &str, rules: &SegmentRules) -> Vec<Span> {
    let clean = CleanText { text: text.to_string(), blocks: paragraphs(text), ..CleanText::default() };
    split(&clean, rules).into_iter().map(|s| s.span()).collect()
}

/// Spans of paragraphs: runs of lines that are not blank, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        match (line.trim().is_empty(), start) {
            (true, Some(s)) => {
                spans.push(Span::new(s, offset));
                start = None;
            }
            (false, None) => start = Some(offset),
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        spans.push(Span::new(s, text.len()));
    }
    spans.into_iter().map(|span| span.trimmed(text)).filter(|span| !span.is_empty()).collect()
}

fn split_block(block: &str, rules: &SegmentRules) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = block.as_bytes();
    for (index, c) in block.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = index + c.len_utf8();
        let next_is_space = bytes.get(after).is_some_and(|b| b.is_ascii_whitespace());
        if !next_is_space {
            continue;
        }
        let word = block[start..index].split_whitespace().last().unwrap_or("");
        if c == '.' && rules.is_abbreviation(word) {
            continue;
        }
        let rest = block[after..].trim_start();
        if rest.chars().next().is_some_and(|c| c.is_lowercase()) {
            continue;
        }
        spans.push(Span::new(start, after));
        start = after;
    }
    if start < block.len() {
        spans.push(Span::new(start, block.len()));
    }
    spans
}
