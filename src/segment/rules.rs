//! The segmenter's exception lists, from `rules/segment.toml`.
//!
//! Input: the rule source. Output: [`SegmentRules`].

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::ruleset::{RuleError, RuleSource};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSegmentRules {
    abbreviations: Vec<String>,
}

/// Sentence-boundary exceptions.
#[derive(Debug, Clone)]
pub struct SegmentRules {
    abbreviations: BTreeSet<String>,
}

impl SegmentRules {
    /// Load `segment.toml`.
    pub fn load(source: &RuleSource) -> Result<SegmentRules, RuleError> {
        let raw: RawSegmentRules = source.file("segment.toml")?.parse()?;
        Ok(SegmentRules { abbreviations: raw.abbreviations.iter().map(|a| a.to_lowercase()).collect() })
    }

    /// True when `word` (with its final period) is a known abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        self.abbreviations.contains(&word.to_lowercase()) || (word.len() == 1 && word.chars().all(char::is_uppercase))
    }
}
