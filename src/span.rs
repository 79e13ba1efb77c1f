//! Spans: half-open UTF-8 byte ranges into a text.
//!
//! Input: byte offsets found by a stage. Output: a [`Span`] that every later stage
//! and the JSON output use unchanged. `text[span.start..span.end]` is always the
//! text the span names; line and column are derived only for messages.

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
    fn line_column_counts_characters() {
        let text = "ab\n\u{e9}cd";
        assert_eq!(LineColumn::of(text, 0), LineColumn { line: 1, column: 1 });
        assert_eq!(LineColumn::of(text, 5), LineColumn { line: 2, column: 2 });
    }
}
