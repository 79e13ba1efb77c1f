//! Spans: half-open UTF-8 byte ranges into a text.
//!
//! Input: byte offsets found by a stage. Output: a [`Span`] that every later stage
//! and the JSON output use unchanged. `text[span.start..span.end]` is always the
//! text the span names; line and column are derived only for messages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The slice of `text` this span names (empty if out of range).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span moved right by `offset` bytes.
    pub fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The span with leading and trailing white space of `text` removed.
    pub fn trimmed(&self, text: &str) -> Span {
        let slice = self.slice(text);
        let start = self.start + (slice.len() - slice.trim_start().len());
        let end = self.end - (slice.len() - slice.trim_end().len());
        Span::new(start, end.max(start))
    }
}

/// Spans that do not overlap one another, none empty, answering "does this span
/// overlap one of them?" in logarithmic time.
#[derive(Debug, Clone, Default)]
pub struct DisjointSpans {
    /// End of each span, by start.
    ends: BTreeMap<usize, usize>,
}

impl DisjointSpans {
    /// True when `span` overlaps a span of the set. Since the spans are disjoint, only
    /// the last one starting before `span` ends can reach into it.
    pub fn overlaps(&self, span: Span) -> bool {
        self.ends.range(..span.end).next_back().is_some_and(|(start, end)| Span::new(*start, *end).overlaps(span))
    }

    /// Add `span`, which overlaps none of the set; an empty span is not kept.
    pub fn insert(&mut self, span: Span) {
        if !span.is_empty() {
            self.ends.insert(span.start, span.end);
        }
    }
}

/// Spans with a value each, sorted by start, to find quickly those that may overlap
/// or hold a given span.
#[derive(Debug, Clone)]
pub struct SpanIndex<T> {
    /// The entries by start; entries with one start keep their order.
    by_start: Vec<(Span, T)>,
    /// The length of the longest span.
    longest: usize,
}

impl<T> SpanIndex<T> {
    /// The index of `entries`.
    pub fn new(entries: impl IntoIterator<Item = (Span, T)>) -> SpanIndex<T> {
        let mut by_start: Vec<(Span, T)> = entries.into_iter().collect();
        by_start.sort_by_key(|(span, _)| span.start);
        let longest = by_start.iter().map(|(span, _)| span.len()).max().unwrap_or(0);
        SpanIndex { by_start, longest }
    }

    /// The entries that may overlap, hold or lie in `span`: every span that does starts
    /// within the longest span's length before `span` and no later than its end.
    pub fn near(&self, span: Span) -> &[(Span, T)] {
        let from = self.by_start.partition_point(|(entry, _)| entry.start < span.start.saturating_sub(self.longest));
        let to = self.by_start.partition_point(|(entry, _)| entry.start <= span.end);
        self.by_start.get(from..to).unwrap_or_default()
    }

    /// Every entry, by start.
    pub fn entries(&self) -> &[(Span, T)] {
        &self.by_start
    }

    /// True when an entry overlaps `span`.
    pub fn overlaps(&self, span: Span) -> bool {
        self.near(span).iter().any(|(entry, _)| entry.overlaps(span))
    }
}

/// A 1-based line and column (in characters), for messages only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineColumn {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl LineColumn {
    /// The line and column of byte `offset` in `text`.
    pub fn of(text: &str, offset: usize) -> LineColumn {
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        LineColumn { line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_drops_outer_space() {
        let text = "  a b  ";
        assert_eq!(Span::new(0, 7).trimmed(text).slice(text), "a b");
        assert_eq!(Span::new(0, 2).trimmed(text), Span::new(2, 2));
    }

    #[test]
    fn disjoint_spans_find_overlaps() {
        let mut spans = DisjointSpans::default();
        spans.insert(Span::new(2, 5));
        spans.insert(Span::new(8, 9));
        assert!(spans.overlaps(Span::new(4, 6)));
        assert!(spans.overlaps(Span::new(0, 3)));
        assert!(spans.overlaps(Span::new(0, 20)));
        assert!(!spans.overlaps(Span::new(5, 8)));
        assert!(!spans.overlaps(Span::new(9, 12)));
    }

    #[test]
    fn span_index_finds_near_spans() {
        let index = SpanIndex::new([(Span::new(10, 20), 'a'), (Span::new(0, 3), 'b'), (Span::new(30, 31), 'c')]);
        let near: Vec<char> = index.near(Span::new(18, 19)).iter().map(|(_, value)| *value).collect();
        assert_eq!(near, vec!['a']);
        assert!(index.near(Span::new(21, 22)).iter().all(|(span, _)| !span.overlaps(Span::new(21, 22))));
    }

    #[test]
    fn line_column_counts_characters() {
        let text = "ab\n\u{e9}cd";
        assert_eq!(LineColumn::of(text, 0), LineColumn { line: 1, column: 1 });
        assert_eq!(LineColumn::of(text, 5), LineColumn { line: 2, column: 2 });
    }
}
