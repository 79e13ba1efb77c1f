//! The clean stage's vocabularies, from `rules/clean-html.toml` and `rules/clean-text.toml`.
//!
//! Input: the rule source. Output: [`CleanRules`]: words and class-name fragments
//! that mark boilerplate or content, kept as data so editors can tune them.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::RegexSet;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

use super::html::vocabulary::Vocabulary;
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
///
/// Class and id attributes are lower-cased before matching; `*_words` match a whole
/// part of the attribute split at non-alphanumerics, `*_fragments` match anywhere.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HtmlRules {
    /// Elements dropped with everything inside them before any analysis.
    pub drop_tags: Vec<String>,
    /// Elements that are furniture unless they hold most of the page's prose.
    pub boilerplate_tags: Vec<String>,
    /// ARIA roles of furniture.
    pub boilerplate_roles: Vec<String>,
    /// Whole class/id parts that mark furniture (navigation, share bars, ads...).
    pub boilerplate_words: Vec<String>,
    /// Class/id fragments that mark furniture.
    pub boilerplate_fragments: Vec<String>,
    /// Class/id fragments that mark furniture even around most of the page's prose.
    pub never_content_fragments: Vec<String>,
    /// Whole class tokens (or ids) that mark the article body.
    pub content_classes: Vec<String>,
    /// Lower-cased whole blocks that are furniture.
    pub furniture_lines: Vec<String>,
    /// Lower-cased starts of short in-body promo blocks ("read more:").
    pub promo_prefixes: Vec<String>,
    /// Lower-cased starts of short byline or date blocks near the top.
    pub byline_prefixes: Vec<String>,
    /// Most words a promo block may have.
    pub promo_max_words: usize,
    /// Most words a byline block may have.
    pub byline_max_words: usize,
    /// The lists compiled into matchers, on first use.
    #[serde(skip)]
    compiled: OnceLock<Vocabulary>,
}

impl HtmlRules {
    /// The compiled matchers of these lists (built on the first call, then shared).
    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        self.compiled.get_or_init(|| Vocabulary::new(self))
    }
}

/// Vocabularies and thresholds for pasted text (`clean-text.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TextRules {
    /// Function words of the expected languages: prose is dense in them, menus are not.
    pub function_words: WordSet,
    /// Words of links and buttons ("share", "subscribe"): short lines made of them are furniture.
    pub button_words: WordSet,
    /// Whole lines that are page furniture ("must read", "advertisement").
    pub boilerplate_lines: WordSet,
    /// Whole lines after which the article has ended (comment prompts, "related").
    pub end_markers: WordSet,
    /// Patterns of lines after which the article has ended ("34 responses to", "Ann says:").
    pub end_patterns: PatternSet,
    /// Patterns of the end markers that open readers' comments ("Leave a Reply").
    pub comment_patterns: PatternSet,
    /// Whole-line patterns of furniture: dates, weather widgets, bylines, captions, copyright.
    pub furniture_patterns: PatternSet,
    /// Whole-line patterns of lines that belong to the article though they read like
    /// no prose: a wire story's closing credit line ("(Reporting by …; Editing by …)").
    pub article_patterns: PatternSet,
    /// Patterns of lines after which an article usually begins: a byline, a date of
    /// publication, or both ("September 10, 2018 | by Catherine").
    pub start_patterns: PatternSet,
    /// Prefixes that mark list items in pasted text ("* "), left out of kept blocks.
    pub list_markers: Vec<String>,
    /// Separators inside the entries of a schedule or list ("June 9 – Tampa, FL").
    pub entry_separators: Vec<String>,
    /// Numbers that tune the classification.
    pub thresholds: TextThresholds,
}

/// Thresholds of the pasted-text classifier (lengths in characters).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TextThresholds {
    /// Below this length a line is "short": its neighbours decide.
    pub length_low: usize,
    /// From this length a line dense in function words is "good" outright.
    pub length_high: usize,
    /// Function-word share from which a line is "near good".
    pub function_low: f64,
    /// Function-word share from which a line is "good" (when long enough).
    pub function_high: f64,
    /// Function-word share from which a line with a sentence's ending is "near good".
    pub function_sentence: f64,
    /// Fewest words of such a line.
    pub sentence_min_words: usize,
    /// Function-word share of a page's long lines below which the page's language
    /// is taken as unknown, and sentence punctuation stands in for function words.
    pub unknown_language: f64,
    /// Lines of at most this many words made mostly of button words are furniture.
    pub button_max_words: usize,
    /// Share of button words that makes such a line furniture.
    pub button_share: f64,
    /// A line ending in an ellipsis with fewer words than this is a teaser.
    pub teaser_max_words: usize,
    /// A line with an entry separator and at most this many words is a list entry.
    pub entry_max_words: usize,
    /// A short heading followed by at least this many entries introduces a list.
    pub entry_min_run: usize,
    /// A line repeated on the page with fewer words than this is furniture.
    pub repeated_max_words: usize,
    /// What one furniture line costs the article region, in characters of prose.
    pub bad_line_cost: f64,
    /// What one end marker costs the article region, in characters of prose.
    pub end_marker_cost: f64,
    /// After this many characters of prose, the first end marker that opens the
    /// comments ends the page: nothing after it is article.
    pub comments_min_prose: usize,
    /// What the first prose after a byline or date line is worth beyond its length,
    /// in characters: the article begins there more often than anywhere else.
    pub start_bonus: f64,
    /// How many lines after the byline or date line that prose may begin.
    pub start_distance: usize,
    /// Prose at the article's edge cut off by at least this many other lines...
    pub island_gap: usize,
    /// ...and shorter than this is dropped (teasers, standfirsts).
    pub island_chars: usize,
    /// Lines of a hard-wrapped paragraph are at least this long (except the last)...
    pub wrap_min: usize,
    /// ...and at most this long.
    pub wrap_max: usize,
    /// Share of line breaks followed by a lower-case start that marks hard wrapping.
    pub wrap_lowercase_share: f64,
    /// How many lines before the article the headline is looked for.
    pub title_distance: usize,
    /// Fewest words of a headline.
    pub title_min_words: usize,
    /// Most words of a headline.
    pub title_max_words: usize,
}

/// A set of lower-case words or lines, read from a list of strings.
#[derive(Debug, Clone, Default)]
pub struct WordSet(HashSet<String>);

impl WordSet {
    /// Whether `word` (already lower case) is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

impl<'de> Deserialize<'de> for WordSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<WordSet, D::Error> {
        let words = Vec::<String>::deserialize(deserializer)?;
        Ok(WordSet(words.into_iter().map(|word| word.trim().to_lowercase()).collect()))
    }
}

/// Regular expressions compiled when the rules load (a bad one fails the load).
#[derive(Debug, Clone)]
pub struct PatternSet(RegexSet);

impl PatternSet {
    /// Whether any pattern matches `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

impl<'de> Deserialize<'de> for PatternSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PatternSet, D::Error> {
        let patterns = Vec::<String>::deserialize(deserializer)?;
        RegexSet::new(&patterns).map(PatternSet).map_err(|error| D::Error::custom(format!("bad pattern: {error}")))
    }
}

impl CleanRules {
    /// Load `clean-html.toml` and `clean-text.toml`.
    pub fn load(source: &RuleSource) -> Result<CleanRules, RuleError> {
        Ok(CleanRules { html: source.file("clean-html.toml")?.parse()?, text: source.file("clean-text.toml")?.parse()? })
    }
}
