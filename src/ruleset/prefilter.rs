//! The prefilter: which rules of a file can match in which sentence, and where their
//! matches can start, in one pass over the text.
//!
//! Input: the compiled rules of one file. Output: a [`Prefilter`] that reads a text
//! once and names, for each of its sentences, the rules that may match in it: the
//! sentence-scope rules, and the rules of a quotation's tag, whose window (the text
//! before or after the quote marks) lies inside one sentence. It never leaves out a
//! rule that matches: every match of a pattern holds one of the pattern's
//! [`Factors`](super::factors) ("said", "told", … for a speech tag), and one
//! Aho-Corasick automaton finds every factor of the file's rules, so a rule may match
//! only in a sentence where one of its factors starts. When every match
//! of a pattern starts with one of its *leading* factors (a title, a first name, a
//! qualifier), the pass also records where they start: the only places a match can
//! start. A list rule, or a rule whose factors are too common to say anything, may
//! match anywhere. A rule every match of which holds two ASCII capitals in a row
//! (`[A-Z]{2,6}`: acronyms, postal codes) is also left out of sentences without such a
//! pair.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::compile::{CompiledRule, Matcher, Scope};
use super::factors::{rarity, Factors};
use crate::segment::Sentence;
use crate::span::Span;

/// Factors whose shortest string has less rare text than this (a letter, a comma) are
/// found everywhere: asking for them would only slow the pass down.
const RAREST_NEEDED: usize = 2;

/// A factor set of more strings than this is a word list (the given names before a
/// surname, the nationality words, the towns before a region): the pass, which ignores ASCII case, would hit
/// it every few bytes (`al`, `ed`, `jo` are in every other word) and its automaton
/// would hold most of the prefilter's memory (the actors' file's shrinks from 31 MB
/// to 2 MB without them), so such a rule (four of the built-in ones) is tried as one
/// without factors. Measured on the corpus articles: batches about a tenth faster,
/// one article's run about 30 MB smaller.
const MOST_STRINGS: usize = 500;

/// One pass over a text that names the sentence rules of a file that may match in
/// each sentence, and where the matches of some can start.
#[derive(Debug)]
pub struct Prefilter {
    /// Every factor of the asked-for rules, without ASCII case.
    automaton: AhoCorasick,
    /// For each factor of `automaton`, the asked-for rules (their columns) that need it.
    needed_by: Vec<Vec<usize>>,
    /// For each rule of the file, its column (none when it is not asked for).
    members: Vec<Option<usize>>,
    /// For each column, true when its factors are leading ones (their starts are kept).
    leading: Vec<bool>,
    /// For each rule of the file, true when every match holds two capitals in a row.
    capital_pair: Vec<bool>,
}

/// For each sentence of a text, the rules of a file that may match in it.
#[derive(Debug)]
pub struct Possible<'p> {
    prefilter: &'p Prefilter,
    /// Row per sentence, a column per asked-for rule.
    found: Vec<bool>,
    /// For each column with leading factors, where they start in the text, in order.
    starts: Vec<Vec<usize>>,
    /// For each sentence, true when it holds two ASCII capitals in a row (all true when
    /// no rule asks).
    capitals: Vec<bool>,
}

impl Prefilter {
    /// The prefilter of `rules` (a file's rules, in order).
    pub fn new(rules: &[CompiledRule]) -> Result<Prefilter, String> {
        let mut needers: BTreeMap<&[u8], Vec<usize>> = BTreeMap::new();
        let mut leading = Vec::new();
        let members = rules
            .iter()
            .map(|rule| {
                let (factors, is_leading) = asked_factors(rule)?;
                let column = leading.len();
                leading.push(is_leading);
                for string in &factors.strings {
                    needers.entry(string.as_slice()).or_default().push(column);
                }
                Some(column)
            })
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // A full DFA: the pass reads every byte of every document, and the DFA
            // reads each in one step (about 9 MB more than the default NFA, for the
            // pass taking some 40% less time).
            .kind(Some(AhoCorasickKind::DFA))
            .build(needers.keys())
            .map_err(|error| format!("cannot build the prefilter of the file's patterns: {error}"))?;
        let needed_by = needers.into_values().collect();
        let capital_pair = rules.iter().map(needs_capital_pair).collect();
        Ok(Prefilter { automaton, needed_by, members, leading, capital_pair })
    }

    /// For each of `sentences` (spans of `text`, in order), the rules that may match in it.
    pub fn possible(&self, text: &str, sentences: &[Sentence]) -> Possible<'_> {
        let width = self.leading.len();
        let mut found = vec![false; sentences.len() * width];
        let mut starts = vec![Vec::new(); width];
        let mut sentence = 0;
        // Hits come in order of their ends; a hit starts in the sentence of its start.
        for hit in self.automaton.find_overlapping_iter(text) {
            if sentences.get(sentence).is_some_and(|current| hit.start() < current.start) {
                sentence = sentences.partition_point(|s| s.start <= hit.start()).saturating_sub(1);
            }
            while sentences.get(sentence + 1).is_some_and(|next| next.start <= hit.start()) {
                sentence += 1;
            }
            for &column in &self.needed_by[hit.pattern().as_usize()] {
                if let Some(cell) = found.get_mut(sentence * width + column) {
                    *cell = true;
                }
                if self.leading[column] {
                    starts[column].push(hit.start());
                }
            }
        }
        for column in &mut starts {
            column.sort_unstable();
            column.dedup();
        }
        let asked = self.capital_pair.iter().any(|needs| *needs);
        let capitals = sentences.iter().map(|sentence| !asked || has_capital_pair(sentence.span().slice(text))).collect();
        Possible { prefilter: self, found, starts, capitals }
    }
}

/// The factors the prefilter asks for on behalf of `rule`, and whether they are
/// leading ones; none when the rule may match anywhere.
fn asked_factors(rule: &CompiledRule) -> Option<(&Factors, bool)> {
    let Matcher::Pattern(pattern) = &rule.matcher else { return None };
    if rule.scope != Scope::Sentence {
        // A tag's window is searched whole: only whether it may match is asked.
        return pattern.factors().filter(|factors| is_selective(factors)).map(|factors| (factors, false));
    }
    match pattern.leading().filter(|factors| is_selective(factors)) {
        Some(leading) => Some((leading, true)),
        None => pattern.factors().filter(|factors| is_selective(factors)).map(|factors| (factors, false)),
    }
}

/// True when `rule` is a sentence pattern every match of which holds two capitals in a row.
fn needs_capital_pair(rule: &CompiledRule) -> bool {
    matches!(&rule.matcher, Matcher::Pattern(pattern) if rule.scope == Scope::Sentence && pattern.needs_capital_pair())
}

/// True when `text` holds two ASCII capital letters in a row.
fn has_capital_pair(text: &str) -> bool {
    text.as_bytes().windows(2).any(|pair| pair[0].is_ascii_uppercase() && pair[1].is_ascii_uppercase())
}

/// True when hits of `factors` are rare enough, and its strings few enough, to be
/// worth asking for.
fn is_selective(factors: &Factors) -> bool {
    factors.strings.len() <= MOST_STRINGS && factors.strings.iter().all(|string| rarity(string) >= RAREST_NEEDED)
}

impl Possible<'_> {
    /// True when rule `index` of the file may match in sentence `sentence`.
    pub fn contains(&self, sentence: usize, index: usize) -> bool {
        if self.prefilter.capital_pair.get(index).copied().unwrap_or(false) && !self.capitals.get(sentence).copied().unwrap_or(true) {
            return false;
        }
        match self.prefilter.members.get(index) {
            Some(Some(column)) => self.found.get(sentence * self.prefilter.leading.len() + column).copied().unwrap_or(true),
            _ => true,
        }
    }

    /// Where a match of rule `index` can start inside `span`, in order, when the rule
    /// has leading factors; none when it may start anywhere.
    pub fn starts(&self, index: usize, span: Span) -> Option<&[usize]> {
        let column = (*self.prefilter.members.get(index)?)?;
        if !self.prefilter.leading[column] {
            return None;
        }
        let starts = &self.starts[column];
        let first = starts.partition_point(|start| *start < span.start);
        let end = starts.partition_point(|start| *start < span.end);
        Some(&starts[first..end])
    }
}
