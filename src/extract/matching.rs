//! Run compiled rules over a piece of text and collect candidate matches.
//!
//! Input: a compiled rule and a text window (a sentence, or the text beside a
//! quotation) with its offset in the document. Output: [`Candidate`]s whose spans are
//! document offsets. List rules match whole words only.

use regex::{Captures, Regex};

use crate::claim::ClaimKind;
use crate::ruleset::{CompiledRule, Matcher};
use crate::span::Span;

/// One match of one rule.
#[derive(Debug, Clone)]
pub struct Candidate<'r> {
    /// The rule that matched.
    pub rule: &'r CompiledRule,
    /// The claim span: the `claim` capture, else the whole match.
    pub span: Span,
    /// Named captures that took part, with document spans.
    pub captures: Vec<(String, Span)>,
    /// For list rules: the matched row's columns after the first, by name.
    pub columns: Vec<(String, String)>,
}

impl Candidate<'_> {
    /// The span of capture `name`, if it took part.
    pub fn capture(&self, name: &str) -> Option<Span> {
        self.captures.iter().find(|(n, _)| n == name).map(|(_, span)| *span)
    }

    /// The text of capture `name` in `text`.
    pub fn capture_text<'t>(&self, name: &str, text: &'t str) -> Option<&'t str> {
        self.capture(name).map(|span| span.slice(text))
    }

    /// The value of column `name` (list rules).
    pub fn column(&self, name: &str) -> Option<&str> {
        self.columns.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// A constant string the rule sets (`set = { name = "..." }`).
    pub fn constant(&self, name: &str) -> Option<&str> {
        self.rule.set.get(name).and_then(|v| v.as_str())
    }

    /// A constant flag the rule sets (`set = { name = true }`); false when absent.
    pub fn flag(&self, name: &str) -> bool {
        self.rule.set.get(name).and_then(|v| v.as_bool()).unwrap_or(false)
    }

    /// Field `name`: a list column, else the capture (trimmed), else the rule's constant.
    pub fn field(&self, name: &str, text: &str) -> Option<String> {
        self.column(name)
            .or_else(|| self.capture_text(name, text).map(str::trim))
            .or_else(|| self.constant(name))
            .map(str::to_string)
    }

    /// The span that decides exclusion: the `number`, `name` or `cue` capture, else the claim.
    pub fn core(&self) -> Span {
        self.capture("number").or_else(|| self.capture("name")).or_else(|| self.capture("cue")).unwrap_or(self.span)
    }
}

/// All matches of `rule` in `window`, which starts at byte `offset` of the document.
/// Pattern rules of kind attribution are tried from every match start onward, so a
/// wrong early match ("On reports that…") cannot hide a later one.
pub fn find<'r>(rule: &'r CompiledRule, window: &str, offset: usize) -> Vec<Candidate<'r>> {
    match &rule.matcher {
        Matcher::Pattern(regex) => matches(regex, window, rule.kind == ClaimKind::Attribution)
            .into_iter()
            .filter_map(|found| {
                let whole = found.get(0)?;
                let claim = regex
                    .capture_names()
                    .flatten()
                    .filter(|name| base_name(name) == "claim")
                    .find_map(|name| found.name(name))
                    .unwrap_or(whole);
                let captures = regex
                    .capture_names()
                    .flatten()
                    .filter_map(|name| found.name(name).map(|m| (base_name(name), Span::new(m.start(), m.end()).shifted(offset))))
                    .collect();
                let span = Span::new(claim.start(), claim.end()).shifted(offset);
                (!span.is_empty()).then_some(Candidate { rule, span, captures, columns: vec![] })
            })
            .collect(),
        Matcher::List { automaton, rows, columns } => automaton
            .find_iter(window)
            .filter(|found| is_whole_word(window, found.start(), found.end()))
            .map(|found| {
                let row = &rows[found.pattern().as_usize()];
                let columns = columns.iter().cloned().zip(row.iter().skip(1).cloned()).collect();
                Candidate { rule, span: Span::new(found.start(), found.end()).shifted(offset), captures: vec![], columns }
            })
            .collect(),
    }
}

/// The matches of `regex` in `window`: leftmost non-overlapping ones, or with
/// `every_start`, also those starting inside an earlier match.
fn matches<'w>(regex: &Regex, window: &'w str, every_start: bool) -> Vec<Captures<'w>> {
    if !every_start {
        return regex.captures_iter(window).collect();
    }
    let mut found = Vec::new();
    let mut start = 0;
    while let Some(captures) = regex.captures_at(window, start) {
        let Some(whole) = captures.get(0) else { break };
        found.push(captures);
        // Go on from the next word, so each possible source is tried once.
        let rest = &window[whole.start()..];
        let Some(space) = rest.find(char::is_whitespace) else { break };
        start = whole.start() + space + 1;
    }
    found
}

/// A capture's name without a trailing number: alternatives of one pattern name
/// their captures `source` and `source2`, which mean the same field.
fn base_name(name: &str) -> String {
    name.trim_end_matches(|c: char| c.is_ascii_digit()).to_string()
}

/// True when `text[start..end]` is not glued to a letter or digit on either side.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !glued(before) && !glued(after)
}
