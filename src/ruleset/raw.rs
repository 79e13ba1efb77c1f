//! Raw claim-rule files: a serde mirror of `rules/<kind>.toml`.
//!
//! Input: TOML text. Output: [`RawRuleFile`], unchecked. Unknown keys are refused
//! (`deny_unknown_fields`) so a misspelt key is an error with its location, not a
//! silently ignored setting. `compile` turns these into compiled rules.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One claim rule file, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRuleFile {
    /// The claim kind this file's rules produce: count, place, actor or attribution.
    pub kind: Spanned<String>,
    /// Named pattern pieces, used in patterns as `{name}`.
    #[serde(default)]
    pub fragments: BTreeMap<String, Spanned<String>>,
    /// Word lists, used in patterns as `{list:name}` or matched whole with `list = "name"`.
    #[serde(default)]
    pub lists: BTreeMap<String, Spanned<RawList>>,
    /// Small vocabularies mapping a value to its words, used as `{vocabulary:name}`.
    #[serde(default)]
    pub vocabulary: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// The rules, in order.
    #[serde(default, rename = "rule")]
    pub rules: Vec<RawRule>,
}

/// A word list: a file path, or a path with the names of its tab-separated columns.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawList {
    /// `name = "lists/file.txt"`: one entry per line.
    File(String),
    /// `name = { file = "lists/file.tsv", columns = ["surface", "name"] }`.
    Table {
        /// The file, relative to the rules folder.
        file: String,
        /// Column names; the first is the text matched.
        #[serde(default)]
        columns: Vec<String>,
    },
}

/// One rule, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRule {
    /// Short kebab-case id, unique in its file.
    pub id: Spanned<String>,
    /// What the rule finds, for editors.
    #[serde(default)]
    pub description: String,
    /// A regular expression with named captures (give this or `list`).
    pub pattern: Option<Spanned<String>>,
    /// Match every entry of this word list as a whole word (give this or `pattern`).
    pub list: Option<Spanned<String>>,
    /// Where the pattern is matched: `sentence` (default), `before-quote` or `after-quote`.
    pub scope: Option<Spanned<String>>,
    /// An exclusion rule: its matches (or its `claim` capture) block claims of this kind.
    #[serde(default)]
    pub exclude: bool,
    /// Higher priority wins when two claims overlap (default 0). An exclusion rule
    /// blocks only claims whose rule has a priority up to its own (default: all).
    pub priority: Option<i32>,
    /// Constant fields given to every claim of the rule.
    #[serde(default)]
    pub set: BTreeMap<String, toml::Value>,
    /// Texts the rule must find claims in, with the expected claims.
    #[serde(default)]
    pub examples: Vec<Spanned<RawExample>>,
    /// Texts in which the rule must find nothing.
    #[serde(default)]
    pub counter_examples: Vec<Spanned<String>>,
}

/// A positive example: a text and what the rule must produce from it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawExample {
    /// The example text.
    pub text: String,
    /// Claims (fields and values; `text` is the claim text) this rule must produce.
    #[serde(default)]
    pub claims: Vec<BTreeMap<String, toml::Value>>,
    /// For exclusion rules: the texts the rule must block.
    #[serde(default)]
    pub blocks: Vec<String>,
}
