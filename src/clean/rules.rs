//! The clean stage's vocabularies, from `rules/clean-html.toml` and `rules/clean-text.toml`.
//!
//! Input: the rule source. Output: [`CleanRules`]: words and class-name fragments
//! that mark boilerplate or content, kept as data so editors can tune them.

use serde::Deserialize;

use crate::ruleset::{RuleError, RuleSource};

/// Vocabularies of the clean stage.
#[derive(Debug, Clone)]
pub struct CleanRules {
    /// For HTML pages.
    pub html: HtmlRules,
    /// For pasted text.
    pub text: TextRules,
}

/// Vocabularies for HTML pages (`clean-html.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HtmlRules {
    /// Elements dropped with everything inside them.
    pub drop_tags: Vec<String>,
    /// Class or id fragments that mark boilerplate blocks (navigation, share bars, ads...).
    pub boilerplate_classes: Vec<String>,
    /// Class or id fragments that mark the article body.
    pub content_classes: Vec<String>,
}

/// Vocabularies for pasted text (`clean-text.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TextRules {
    /// Lines (lower case, whole line) that are page furniture.
    pub boilerplate_lines: Vec<String>,
    /// Lines that end the article (comment prompts, "Related").
    pub end_markers: Vec<String>,
}

impl CleanRules {
    /// Load `clean-html.toml` and `clean-text.toml`.
    pub fn load(source: &RuleSource) -> Result<CleanRules, RuleError> {
        Ok(CleanRules { html: source.file("clean-html.toml")?.parse()?, text: source.file("clean-text.toml")?.parse()? })
    }
}
