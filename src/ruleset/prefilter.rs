//! The prefilter: which sentence rules of a file can match in which sentence, in one
//! pass over the text.
//!
//! Input: the compiled rules of one file. Output: a [`Prefilter`] that reads a text
//! once and names, for each of its sentences, the sentence-scope rules that may match
//! in it. It never leaves out a rule that matches: every match of a pattern holds one
//! of the pattern's [`Factors`](super::factors) ("said", "told", … for a speech
//! tag), and one Aho-Corasick automaton finds every factor of the file's rules, so a
//! rule may match only in a sentence where one of its factors starts. A list rule, or
//! a rule whose factors are too common to say anything, may match anywhere.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::compile::{CompiledRule, Matcher, Scope};
use super::factors::Factors;
use crate::segment::Sentence;

/// Factors whose shortest string has less rare text than this (a letter, a comma) are
/// found everywhere: asking for them would only slow the pass down.
const RAREST_NEEDED: usize = 2;

/// One pass over a text that names the sentence rules of a file that may match in
/// each sentence.
#[derive(Debug)]
pub struct Prefilter {
    /// Every factor of the asked-for rules, without ASCII case.
    automaton: AhoCorasick,
    /// For each factor of `automaton`, the asked-for rules (their columns) that need it.
    needed_by: Vec<Vec<usize>>,
    /// For each rule of the file, its column (none when it is not asked for).
    members: Vec<Option<usize>>,
    /// How many rules are asked for.
    width: usize,
}

/// For each sentence of a text, the rules of a file that may match in it.
#[derive(Debug)]
pub struct Possible<'p> {
    prefilter: &'p Prefilter,
    /// Row per sentence, a column per asked-for rule.
    found: Vec<bool>,
}

impl Prefilter {
    /// The prefilter of `rules` (a file's rules, in order).
    pub fn new(rules: &[CompiledRule]) -> Result<Prefilter, String> {
        let mut needers: BTreeMap<&[u8], Vec<usize>> = BTreeMap::new();
        let mut width = 0;
        let members = rules
            .iter()
            .map(|rule| match &rule.matcher {
                Matcher::Pattern(pattern) if rule.scope == Scope::Sentence => {
                    let factors = pattern.factors().filter(|factors| is_selective(factors))?;
                    for string in &factors.strings {
                        needers.entry(string.as_slice()).or_default().push(width);
                    }
                    width += 1;
                    Some(width - 1)
                }
                _ => None,
            })
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(needers.keys())
            .map_err(|error| format!("cannot build the prefilter of the file's patterns: {error}"))?;
        let needed_by = needers.into_values().collect();
        Ok(Prefilter { automaton, needed_by, members, width })
    }

    /// For each of `sentences` (spans of `text`, in order), the rules that may match in it.
    pub fn possible(&self, text: &str, sentences: &[Sentence]) -> Possible<'_> {
        let mut found = vec![false; sentences.len() * self.width];
        let mut sentence = 0;
        for hit in self.automaton.find_overlapping_iter(text) {
            while sentences.get(sentence + 1).is_some_and(|next| next.start <= hit.start()) {
                sentence += 1;
            }
            for column in &self.needed_by[hit.pattern().as_usize()] {
                if let Some(cell) = found.get_mut(sentence * self.width + column) {
                    *cell = true;
                }
            }
        }
        Possible { prefilter: self, found }
    }
}

/// True when hits of `factors` are rare enough to be worth asking for.
fn is_selective(factors: &Factors) -> bool {
    factors.strings.iter().all(|string| super::factors::rarity(string) >= RAREST_NEEDED)
}

impl Possible<'_> {
    /// True when rule `index` of the file may match in sentence `sentence`.
    pub fn contains(&self, sentence: usize, index: usize) -> bool {
        match self.prefilter.members.get(index) {
            Some(Some(column)) => self.found.get(sentence * self.prefilter.width + column).copied().unwrap_or(true),
            _ => true,
        }
    }
}
