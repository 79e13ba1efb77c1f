//! The rule loader: rule files → a compiled [`RuleSet`].
//!
//! Input: a [`RuleSource`], the files of a rules folder (read from disk with
//! `--rules DIR`, or compiled into the binary from `rules/`). Output: a [`RuleSet`]
//! holding the compiled configuration of every stage: clean vocabularies, sentence
//! exceptions and the claim rules. Loading is the only fallible step for rules: a
//! defect is a [`RuleError`] naming file, line and column. Stages only ever see
//! compiled rules.

mod compile;
pub mod pattern;
pub mod prefilter;
pub mod prefixes;
mod tail;
pub mod factors;
mod error;
pub mod raw;
pub mod words;

use std::collections::BTreeMap;
use std::path::Path;

pub use compile::{ClaimRules, CompiledRule, Example, Matcher, RuleFileRules, Scope, Vocabulary};
pub use error::RuleError;

use crate::clean::CleanRules;
use crate::segment::SegmentRules;
use pattern::Build;

/// One rule file: its path relative to the rules folder and its text.
#[derive(Debug, Clone)]
pub struct RuleFile {
    /// Path relative to the rules folder, with `/` separators.
    pub path: String,
    /// The file's contents.
    pub text: String,
}

impl RuleFile {
    /// An error at byte `offset` of this file.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> RuleError {
        RuleError::at(&self.path, &self.text, offset, message)
    }

    /// Parse this file as TOML into `T`, locating any error.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, RuleError> {
        toml::from_str(&self.text).map_err(|error| {
            let offset = error.span().map_or(0, |span| span.start);
            self.error_at(offset, error.message().trim_end_matches('.').to_lowercase())
        })
    }

    /// The file's entries: non-blank lines not starting with `#`, with their byte offsets.
    pub fn entries(&self) -> impl Iterator<Item = (usize, &str)> {
        let mut offset = 0;
        self.text.split('\n').filter_map(move |line| {
            let start = offset;
            offset += line.len() + 1;
            let line = line.trim_end_matches('\r');
            let trimmed = line.trim();
            (!trimmed.is_empty() && !trimmed.starts_with('#')).then_some((start, line))
        })
    }
}

/// The files of a rules folder, by relative path.
#[derive(Debug, Clone, Default)]
pub struct RuleSource {
    files: BTreeMap<String, RuleFile>,
    /// Where the files came from, for messages ("rules" or the folder given).
    pub origin: String,
    /// When patterns build their engines for text beyond plain characters: on demand
    /// for the built-in rules (`tests/patterns.rs` builds them all at once, to show
    /// they can be), at once for any other source, so that its errors show on loading.
    pub build: Build,
}

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

impl RuleSource {
    /// The rules of `rules/` compiled into the binary.
    pub fn embedded() -> RuleSource {
        let files = EMBEDDED_RULES
            .iter()
            .map(|(path, text)| (path.to_string(), RuleFile { path: format!("rules/{path}"), text: text.to_string() }))
            .collect();
        RuleSource { files, origin: "rules (built in)".into(), build: Build::OnDemand }
    }

    /// A source made of the given (path, text) pairs (tests and tools).
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> RuleSource {
        let files = files
            .into_iter()
            .map(|(path, text)| (path.to_string(), RuleFile { path: path.to_string(), text: text.to_string() }))
            .collect();
        RuleSource { files, origin: "memory".into(), build: Build::Now }
    }

    /// Read every `.toml`, `.txt` and `.tsv` file below `folder`.
    pub fn from_folder(folder: &Path) -> Result<RuleSource, RuleError> {
        let mut files = BTreeMap::new();
        read_folder(folder, folder, &mut files)?;
        if files.is_empty() {
            return Err(RuleError::whole(&folder.display().to_string(), "no rule files (.toml, .txt, .tsv) in this folder"));
        }
        Ok(RuleSource { files, origin: folder.display().to_string(), build: Build::Now })
    }

    /// The file at `relative` (for example `counts.toml` or `lists/places.tsv`).
    pub fn file(&self, relative: &str) -> Result<&RuleFile, RuleError> {
        self.files
            .get(relative)
            .ok_or_else(|| RuleError::whole(&format!("{}/{relative}", self.origin), "missing rule file"))
    }

    /// The file at `relative`, if present.
    pub fn optional_file(&self, relative: &str) -> Option<&RuleFile> {
        self.files.get(relative)
    }

}

fn read_folder(root: &Path, folder: &Path, files: &mut BTreeMap<String, RuleFile>) -> Result<(), RuleError> {
    let unreadable = |path: &Path, error: std::io::Error| RuleError::whole(&path.display().to_string(), format!("cannot read: {error}"));
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .map_err(|error| unreadable(folder, error))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_folder(root, &path, files)?;
            continue;
        }
        let wanted = matches!(path.extension().and_then(|e| e.to_str()), Some("toml" | "txt" | "tsv"));
        if !wanted {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|error| unreadable(&path, error))?;
        let relative = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        files.insert(relative, RuleFile { path: path.display().to_string(), text });
    }
    Ok(())
}

/// The compiled rules of every stage.
#[derive(Debug)]
pub struct RuleSet {
    /// Vocabularies of the clean stage (`clean-html.toml`, `clean-text.toml`).
    pub clean: CleanRules,
    /// Sentence-boundary exceptions (`segment.toml`).
    pub segment: SegmentRules,
    /// Claim rules of the four kinds.
    pub claims: ClaimRules,
}

impl RuleSet {
    /// Compile every rule file of `source`.
    pub fn load(source: &RuleSource) -> Result<RuleSet, RuleError> {
        Ok(RuleSet {
            clean: CleanRules::load(source)?,
            segment: SegmentRules::load(source)?,
            claims: ClaimRules::load(source)?,
        })
    }

    /// The rules compiled into the binary.
    pub fn embedded() -> Result<RuleSet, RuleError> {
        RuleSet::load(&RuleSource::embedded())
    }
}
