//! Run compiled rules over a piece of text and collect candidate matches.
//!
//! Input: a compiled rule and a text [`Window`] (a sentence, or the text beside a
//! quotation) with its offset in the document. Output: [`Candidate`]s whose spans are
//! document offsets, as the regex crate would find them on the window (the engines
//! behind [`Pattern`] only make it faster). List rules match whole words only. Capture
//! names are the rule's own strings, not copies; an exclusion rule's groups are not
//! recorded unless it has a `claim` group.

use crate::ruleset::pattern::{Found, Pattern, Record, Window};
use crate::ruleset::{CompiledRule, Matcher};
use crate::span::Span;

/// One match of one rule.
#[derive(Debug, Clone)]
pub struct Candidate<'r> {
    /// The rule that matched.
    pub rule: &'r CompiledRule,
    /// The claim span: the `claim` capture, else the whole match.
    pub span: Span,
    /// The whole match.
    pub whole: Span,
    /// Named captures that took part, by field name, with document spans.
    pub captures: Vec<(&'r str, Span)>,
    /// For list rules: the matched row's columns after the first, by name.
    pub columns: Vec<(&'r str, &'r str)>,
}

impl Candidate<'_> {
    /// The span of capture `name`, if it took part.
    pub fn capture(&self, name: &str) -> Option<Span> {
        self.captures.iter().find(|(n, _)| *n == name).map(|(_, span)| *span)
    }

    /// The captures with owned names, as a finding keeps them.
    pub fn owned_captures(&self) -> Vec<(String, Span)> {
        self.captures.iter().map(|(name, span)| (name.to_string(), *span)).collect()
    }

    /// The text of capture `name` in `text`.
    pub fn capture_text<'t>(&self, name: &str, text: &'t str) -> Option<&'t str> {
        self.capture(name).map(|span| span.slice(text))
    }

    /// The value of column `name` (list rules).
    pub fn column(&self, name: &str) -> Option<&str> {
        self.columns.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    /// A constant string the rule sets (`set = { name = "..." }`).
    pub fn constant(&self, name: &str) -> Option<&str> {
        self.rule.set.get(name).and_then(|v| v.as_str())
    }

    /// A constant flag the rule sets (`set = { name = true }`); false when absent.
    pub fn flag(&self, name: &str) -> bool {
        self.rule.flag(name)
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
/// Pattern rules of kind attribution, and rules that set `every-start`, are tried from
/// every match start onward, so a wrong early match ("On reports that…", a count's
/// unit running on into the next count) cannot hide a later one.
pub fn find<'r>(rule: &'r CompiledRule, window: Window<'_>, offset: usize) -> Vec<Candidate<'r>> {
    find_from(rule, window, offset, None)
}

/// As [`find`], given where the rule's matches can start (document offsets inside the
/// window, in order; see [`Possible::starts`](crate::ruleset::prefilter::Possible::starts)):
/// the pattern is tried anchored there instead of searched for.
pub fn find_from<'r>(rule: &'r CompiledRule, window: Window<'_>, offset: usize, starts: Option<&[usize]>) -> Vec<Candidate<'r>> {
    match &rule.matcher {
        Matcher::Pattern(pattern) => {
            let every_start = rule.tries_every_start();
            let record = record(rule, pattern);
            let found = match starts {
                Some(starts) => matches_at(pattern, window, starts.iter().map(|start| start - offset), every_start, record),
                None => matches(pattern, window, every_start, record),
            };
            found.into_iter().filter_map(|found| candidate(rule, pattern, &found, offset)).collect()
        }
        Matcher::List { automaton, rows, columns } => automaton
            .find_iter(window.text())
            .filter(|found| is_whole_word(window.text(), found.start(), found.end()))
            .map(|found| {
                let row = &rows[found.pattern().as_usize()];
                let columns = columns.iter().map(String::as_str).zip(row.iter().skip(1).map(String::as_str)).collect();
                let span = Span::new(found.start(), found.end()).shifted(offset);
                Candidate { rule, span, whole: span, captures: vec![], columns }
            })
            .collect(),
    }
}

/// The candidate of one match: the claim span is the first `claim` group that took
/// part, else the whole match; an empty claim is no candidate.
fn candidate<'r>(rule: &'r CompiledRule, pattern: &'r Pattern, found: &Found, offset: usize) -> Option<Candidate<'r>> {
    let whole = found.span()?.shifted(offset);
    let span_of = |index: usize| found.group(index).map(|span| span.shifted(offset));
    let groups = pattern.groups();
    let claim = groups.iter().filter(|group| group.field == "claim").find_map(|group| span_of(group.index));
    let span = claim.unwrap_or(whole);
    let captures = groups.iter().filter_map(|group| Some((group.field.as_str(), span_of(group.index)?))).collect();
    (!span.is_empty()).then_some(Candidate { rule, span, whole, captures, columns: vec![] })
}

/// What to record of a rule's matches: an exclusion rule needs only its claim span,
/// so its groups only when it has a `claim` group.
fn record(rule: &CompiledRule, pattern: &Pattern) -> Record {
    let has_claim = pattern.groups().iter().any(|group| group.field == "claim");
    if rule.exclude && !has_claim {
        Record::Match
    } else {
        Record::Groups
    }
}

/// The matches of `pattern` in `window`: leftmost non-overlapping ones, or with
/// `every_start`, also those starting inside an earlier match.
fn matches(pattern: &Pattern, window: Window<'_>, every_start: bool, record: Record) -> Vec<Found> {
    if !every_start {
        return pattern.matches(window, record);
    }
    let mut found = Vec::new();
    let mut start = 0;
    while let Some(next) = pattern.match_at(window, start, record) {
        let Some(whole) = next.span() else { break };
        found.push(next);
        let Some(after) = next_word(window, whole) else { break };
        start = after;
    }
    found
}

/// Where the search for the next match of an every-start rule goes on: the next word
/// after the match's start, so each possible start (a source, a number) is tried once.
fn next_word(window: Window<'_>, whole: Span) -> Option<usize> {
    let space = window.text()[whole.start..].find(char::is_whitespace)?;
    Some(whole.start + space + 1)
}

/// The matches [`matches`] gives, when every match starts at one of `starts` (window
/// offsets, in order): each start at or after the end of the last match (or, with
/// `every_start`, its next word) is tried anchored. The first start where the pattern
/// matches is the leftmost match.
fn matches_at(pattern: &Pattern, window: Window<'_>, starts: impl Iterator<Item = usize>, every_start: bool, record: Record) -> Vec<Found> {
    let mut found = Vec::new();
    let mut from = 0;
    for start in starts {
        if start < from {
            continue;
        }
        let Some(next) = pattern.match_anchored(window, start, record) else { continue };
        let Some(whole) = next.span() else { continue };
        found.push(next);
        from = if every_start {
            match next_word(window, whole) {
                Some(after) => after,
                None => break,
            }
        } else {
            whole.end
        };
    }
    found
}

/// True when `text[start..end]` is not glued to a letter or digit on either side.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !glued(before) && !glued(after)
}
