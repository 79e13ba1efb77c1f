//! Rule-file errors with a location.
//!
//! Input: a rule file's path and text and the byte offset of a defect. Output: a
//! [`RuleError`] that prints `file:line:col`, the offending line with a caret, and
//! what was expected.

use std::fmt;

use crate::span::LineColumn;

/// A defect in a rule file, located to the line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The rule file, relative to the rules folder (or the folder itself).
    pub path: String,
    /// 1-based line of the defect (0 when the error is about the whole file).
    pub line: usize,
    /// 1-based column of the defect.
    pub column: usize,
    /// The text of the offending line.
    pub source_line: String,
    /// What is wrong and what was expected, in lower case, no trailing period.
    pub message: String,
}

impl RuleError {
    /// An error at byte `offset` of `text`, the contents of the file `path`.
    pub fn at(path: &str, text: &str, offset: usize, message: impl Into<String>) -> RuleError {
        let position = LineColumn::of(text, offset);
        let source_line = text.lines().nth(position.line - 1).unwrap_or("").to_string();
        RuleError {
            path: path.to_string(),
            line: position.line,
            column: position.column,
            source_line,
            message: message.into(),
        }
    }

    /// An error about a whole file or folder, with no position.
    pub fn whole(path: &str, message: impl Into<String>) -> RuleError {
        RuleError { path: path.to_string(), line: 0, column: 0, source_line: String::new(), message: message.into() }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            return write!(f, "{}: {}", self.path, self.message);
        }
        let (first, rest) = match self.message.split_once('\n') {
            Some((first, rest)) => (first, Some(rest)),
            None => (self.message.as_str(), None),
        };
        writeln!(f, "{}:{}:{}: {}", self.path, self.line, self.column, first)?;
        let gutter = " ".repeat(self.line.to_string().len());
        writeln!(f, "{gutter} |")?;
        writeln!(f, "{} | {}", self.line, self.source_line)?;
        write!(f, "{gutter} | {}^", " ".repeat(self.column.saturating_sub(1)))?;
        if let Some(rest) = rest {
            write!(f, "\n{rest}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleError {}
