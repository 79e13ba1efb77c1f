//! STAGE 2, segment: [`CleanText`] → sentences.
//!
//! Input: the cleaned text and its blocks. Output: [`Sentence`]s, byte spans into the
//! text, in order, not overlapping, trimmed of white space. Every block end is a
//! sentence end. Abbreviations, titles and other exceptions come from
//! `rules/segment.toml` ([`SegmentRules`]).
//!
//! How a block is split (`scan.rs`): a period, question or exclamation mark, or an
//! ellipsis ends a sentence when the next word starts it (a capital, a digit, a
//! bullet), unless the word before is an abbreviation that does not end sentences
//! there ("Gov. Ellen", "No. 2", "U.S. Senate", "9 a.m. Monday"). Sentences inside a
//! multi-sentence quotation are split; the attribution stage joins them. A line break
//! ends a sentence when the line has no final punctuation and the next line starts a
//! new one (headlines, list items), except in hard-wrapped paragraphs. Bullets, the
//! next marker of an inline list ("1) ... 2) ...") and an image credit ("... the
//! crater Image: NASA.") start new sentences; a Wikinews dateline that opens a block
//! ("Marlow, Ohio, United States —") is a sentence of its own.

mod chars;
mod examples;
mod lists;
mod rules;
mod scan;

pub use examples::example_failures;
pub use rules::{Abbreviation, SegmentExample, SegmentRules};

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
    for point in scan::split_points(block, rules) {
        spans.push(Span::new(start, point));
        start = point;
    }
    spans.push(Span::new(start, block.len()));
    spans
}
