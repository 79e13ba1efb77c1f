//! Typed errors of the library.
//!
//! Input: failures found while reading input or loading rules. Output: [`Error`],
//! which names the file (and, for rule files, line and column). Extraction itself
//! never fails: odd text gives fewer claims, not an error.

use std::path::PathBuf;

pub use crate::ruleset::RuleError;

/// Any error the library reports.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input document could not be used.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A rule file is broken.
    #[error(transparent)]
    Rules(#[from] RuleError),
}

/// Why an input document could not be used.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: String,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The input holds no text.
    #[error("{path}: empty input (no text to extract from)")]
    Empty {
        /// The file.
        path: String,
    },
    /// The input is not text (NUL bytes or control characters).
    #[error("{path}: binary input (not HTML or text)")]
    Binary {
        /// The file.
        path: String,
    },
    /// A folder holds no .html, .htm, .xhtml, .txt or .text file.
    #[error("{}: no .html, .htm, .xhtml, .txt or .text files in this folder", path.display())]
    NoInputs {
        /// The folder.
        path: PathBuf,
    },
}

impl InputError {
    /// The file or folder the error is about.
    pub fn path(&self) -> String {
        match self {
            InputError::Read { path, .. } | InputError::Empty { path } | InputError::Binary { path } => path.clone(),
            InputError::NoInputs { path } => path.display().to_string(),
        }
    }

    /// A short machine-readable name for the error (used in JSONL error records).
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Read { .. } => "unreadable",
            InputError::Empty { .. } => "empty",
            InputError::Binary { .. } => "binary",
            InputError::NoInputs { .. } => "no-inputs",
        }
    }
}
