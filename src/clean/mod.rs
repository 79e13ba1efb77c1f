//! STAGE 1, clean: a [`Document`] → [`CleanText`], the article's main text.
//!
//! Input: a decoded HTML page or plain-text page. Output: the article body as
//! paragraphs ("blocks") joined by blank lines, the title kept apart, and for text
//! input a [`SourceMap`] from cleaned text back to input bytes. Navigation, ads,
//! widgets, comment forms and related-story lists are dropped. The cleaned text is
//! what every span of later stages points into. Cleaning never fails: a page with no
//! recognisable article gives its best guess (possibly empty text).

mod html;
mod rules;
mod text;

pub use rules::{CleanRules, HtmlRules, TextRules};

use crate::document::{Document, Format};
use crate::span::Span;

/// The article's main text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CleanText {
    /// The body: blocks joined by `\n\n`.
    pub text: String,
    /// The headline, when found (never part of `text`).
    pub title: Option<String>,
    /// Span of each block (paragraph, heading, list item) in `text`, in order.
    pub blocks: Vec<Span>,
    /// For text input: where each piece of `text` came from in the input.
    pub source_map: Option<SourceMap>,
}

impl CleanText {
    /// Build from blocks of text, joined by blank lines.
    pub fn from_blocks<S: AsRef<str>>(blocks: &[S], title: Option<String>) -> CleanText {
        let mut clean = CleanText { title, ..CleanText::default() };
        for block in blocks {
            clean.push_block(block.as_ref());
        }
        clean
    }

    /// The text as given, unchanged: its blank-line paragraphs are the blocks and it
    /// maps to itself.
    pub fn verbatim(text: &str) -> CleanText {
        let blocks = crate::segment::paragraphs(text);
        let pieces = vec![(Span::new(0, text.len()), 0)];
        CleanText { text: text.to_string(), title: None, blocks, source_map: Some(SourceMap { pieces }) }
    }

    /// Append one block (skipped when blank), separated from the last by a blank line.
    pub fn push_block(&mut self, block: &str) -> Option<Span> {
        let block = block.trim();
        if block.is_empty() {
            return None;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(block);
        let span = Span::new(start, self.text.len());
        self.blocks.push(span);
        Some(span)
    }
}

/// Pieces of cleaned text copied verbatim from the input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceMap {
    /// (span in cleaned text, start of the same bytes in the input), in order.
    pub pieces: Vec<(Span, usize)>,
}

impl SourceMap {
    /// The input span of `span`, when it lies within one verbatim piece.
    pub fn to_source(&self, span: Span) -> Option<Span> {
        let index = self.pieces.partition_point(|(piece, _)| piece.end < span.end);
        let (piece, source_start) = self.pieces.get(index)?;
        piece.contains(span).then(|| Span::new(span.start - piece.start + source_start, span.end - piece.start + source_start))
    }

    /// The same map with every input offset moved by `offset` (a BOM before the text).
    pub fn shifted(mut self, offset: usize) -> SourceMap {
        for (_, start) in &mut self.pieces {
            *start += offset;
        }
        self
    }
}

/// Clean a document with the given vocabularies.
pub fn clean(document: &Document, rules: &CleanRules) -> CleanText {
    match document.format {
        Format::Html => html::clean_html(&document.text, &rules.html),
        Format::Text => {
            let mut clean = text::clean_text(&document.text, &rules.text);
            // Input offsets are exact only when the input bytes are the UTF-8 text.
            clean.source_map = if document.encoding.is_utf8() {
                clean.source_map.map(|map| map.shifted(document.text_offset))
            } else {
                None
            };
            clean
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_map_maps_within_a_piece_only() {
        let map = SourceMap { pieces: vec![(Span::new(0, 10), 100), (Span::new(12, 20), 200)] };
        assert_eq!(map.to_source(Span::new(2, 5)), Some(Span::new(102, 105)));
        assert_eq!(map.to_source(Span::new(12, 20)), Some(Span::new(200, 208)));
        assert_eq!(map.to_source(Span::new(8, 14)), None);
    }
}
