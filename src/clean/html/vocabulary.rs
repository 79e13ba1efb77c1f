//! Compiled class/id vocabularies: [`HtmlRules`] → fast matchers.
//!
//! Input: the rule lists of `clean-html.toml`. Output: [`Vocabulary`] (compiled once
//! and kept in the rules, see `HtmlRules::vocabulary`), which answers
//! "is this element furniture?", "does it mark the article body?" and "is this block a
//! promo line?" without allocating for elements that carry no class or id.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use crate::clean::rules::HtmlRules;

/// What an element's tag, role, class and id say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// Furniture by tag, role or class/id vocabulary.
    pub furniture: bool,
    /// Furniture whatever its size (comments, related links).
    pub always_furniture: bool,
    /// A class token or id names the article body.
    pub content: bool,
}

/// The compiled vocabularies, built once per loaded [`HtmlRules`].
#[derive(Debug, Clone)]
pub struct Vocabulary {
    drop_tags: HashSet<String>,
    furniture_tags: HashSet<String>,
    furniture_roles: HashSet<String>,
    furniture_words: HashSet<String>,
    furniture_fragments: Option<AhoCorasick>,
    always_fragments: Option<AhoCorasick>,
    content_classes: HashSet<String>,
    furniture_lines: HashSet<String>,
    promo_prefixes: Vec<String>,
    byline_prefixes: Vec<String>,
    promo_max_words: usize,
    byline_max_words: usize,
}

fn set(list: &[String]) -> HashSet<String> {
    list.iter().map(|item| item.to_lowercase()).collect()
}

fn automaton(list: &[String]) -> Option<AhoCorasick> {
    AhoCorasick::new(list.iter().map(|item| item.to_lowercase())).ok()
}

impl Vocabulary {
    /// Compile the lists of `rules`.
    pub fn new(rules: &HtmlRules) -> Vocabulary {
        Vocabulary {
            drop_tags: set(&rules.drop_tags),
            furniture_tags: set(&rules.boilerplate_tags),
            furniture_roles: set(&rules.boilerplate_roles),
            furniture_words: set(&rules.boilerplate_words),
            furniture_fragments: automaton(&rules.boilerplate_fragments),
            always_fragments: automaton(&rules.never_content_fragments),
            content_classes: set(&rules.content_classes),
            furniture_lines: set(&rules.furniture_lines),
            promo_prefixes: rules.promo_prefixes.iter().map(|item| item.to_lowercase()).collect(),
            byline_prefixes: rules.byline_prefixes.iter().map(|item| item.to_lowercase()).collect(),
            promo_max_words: rules.promo_max_words,
            byline_max_words: rules.byline_max_words,
        }
    }

    /// Whether elements named `tag` are removed with their content.
    pub fn is_dropped(&self, tag: &str) -> bool {
        self.drop_tags.contains(tag)
    }

    /// Marks of an element from its tag, role and lower-cased "class id" string.
    pub fn marks(&self, tag: &str, role: Option<&str>, names: &str) -> Marks {
        let content = names.split_ascii_whitespace().any(|token| self.content_classes.contains(token));
        let by_tag = self.furniture_tags.contains(tag) || role.is_some_and(|role| self.furniture_roles.contains(role));
        if names.is_empty() || matches!(tag, "html" | "body") {
            return Marks { furniture: by_tag, always_furniture: false, content: false };
        }
        let always = self.always_fragments.as_ref().is_some_and(|matcher| matcher.is_match(names));
        let by_words = names.split(|c: char| !c.is_ascii_alphanumeric()).any(|part| self.furniture_words.contains(part));
        let by_fragment = self.furniture_fragments.as_ref().is_some_and(|matcher| matcher.is_match(names));
        Marks { furniture: by_tag || ((by_words || by_fragment) && !content), always_furniture: always && !content, content }
    }

    /// Whether a whole block (already lower-cased) is furniture such as "Advertisement".
    pub fn is_furniture_line(&self, lower: &str) -> bool {
        let trimmed = lower.trim_matches(|c: char| !c.is_alphanumeric());
        self.furniture_lines.contains(lower) || self.furniture_lines.contains(trimmed)
    }

    /// Whether a short block (already lower-cased) starts like an in-body promo.
    pub fn is_promo(&self, lower: &str, words: usize) -> bool {
        words <= self.promo_max_words && self.promo_prefixes.iter().any(|prefix| lower.starts_with(prefix.as_str()))
    }

    /// Whether a short block (already lower-cased) starts like a byline or date line.
    pub fn is_byline(&self, lower: &str, words: usize) -> bool {
        words <= self.byline_max_words && self.byline_prefixes.iter().any(|prefix| lower.starts_with(prefix.as_str()))
    }
}
