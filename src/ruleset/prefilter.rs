//! The prefilter: which sentence rules of a file can match in which sentence, in one
//! pass over the text.
//!
//! Input: the compiled rules of one file. Output: a [`Prefilter`] that reads a text
//! once and names, for each of its sentences, the sentence-scope rules that may match
//! in it. It never leaves out a rule that matches: it runs the sketches of the
//! pattern rules (see [`Pattern::sketch`](super::pattern::Pattern::sketch)) together
//! on one lazy DFA, reporting every place a sketch match ends, and a rule whose
//! sketch ends in a sentence may match there. A list rule, a rule whose sketch is too
//! short to say anything, and every rule when the DFA gives up, may match anywhere.

use regex_automata::hybrid::dfa::{Cache, OverlappingState, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind};
use regex_syntax::hir::Hir;

use super::compile::{CompiledRule, Matcher, Scope};
use crate::segment::Sentence;

/// Size limit of the automaton and of its lazy DFA's cache.
const SIZE_LIMIT: usize = 64 << 20;

/// A sketch shorter than this (one letter, two digits) is found everywhere: asking for
/// it would only slow the pass down.
const SHORTEST_SKETCH: usize = 3;

/// Caches of the DFA, one per thread that searches.
type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>>;

/// One pass over a text that names the sentence rules of a file that may match in
/// each sentence.
pub struct Prefilter {
    /// The sketches of the pattern rules, as one DFA.
    dfa: DFA,
    caches: CachePool,
    /// For each rule of the file, its pattern in `dfa` (none when it is not asked for).
    members: Vec<Option<usize>>,
}

impl std::fmt::Debug for Prefilter {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("Prefilter").field("members", &self.members).finish_non_exhaustive()
    }
}

/// For each sentence of a text, the rules of a file that may match in it.
#[derive(Debug)]
pub struct Possible<'p> {
    prefilter: &'p Prefilter,
    /// Row per sentence, a column per pattern of the DFA; none when everything may
    /// match (the DFA gave up).
    found: Option<Vec<bool>>,
}

impl Prefilter {
    /// The prefilter of `rules` (a file's rules, in order).
    pub fn new(rules: &[CompiledRule]) -> Result<Prefilter, String> {
        let mut sketches: Vec<&Hir> = Vec::new();
        let members = rules
            .iter()
            .map(|rule| match &rule.matcher {
                Matcher::Pattern(pattern) if rule.scope == Scope::Sentence && is_selective(pattern.sketch()) => {
                    sketches.push(pattern.sketch());
                    Some(sketches.len() - 1)
                }
                _ => None,
            })
            .collect();
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().utf8(false).which_captures(WhichCaptures::None).nfa_size_limit(Some(SIZE_LIMIT)))
            .build_many_from_hir(&sketches)
            .map_err(|error| format!("cannot build the prefilter of the file's patterns: {error}"))?;
        let config = DFA::config().match_kind(MatchKind::All).cache_capacity(SIZE_LIMIT).minimum_cache_clear_count(None);
        let dfa = DFA::builder()
            .configure(config)
            .build_from_nfa(nfa)
            .map_err(|error| format!("cannot build the prefilter of the file's patterns: {error}"))?;
        let for_caches = dfa.clone();
        let caches: CachePool = Pool::new(Box::new(move || for_caches.create_cache()));
        Ok(Prefilter { dfa, caches, members })
    }

    /// For each of `sentences` (spans of `text`, in order), the rules that may match in it.
    pub fn possible(&self, text: &str, sentences: &[Sentence]) -> Possible<'_> {
        let width = self.dfa.pattern_len();
        let mut found = vec![false; sentences.len() * width];
        let mut cache = self.caches.get();
        let mut state = OverlappingState::start();
        let input = Input::new(text);
        let mut sentence = 0;
        loop {
            if self.dfa.try_search_overlapping_fwd(&mut cache, &input, &mut state).is_err() {
                return Possible { prefilter: self, found: None };
            }
            let Some(end) = state.get_match() else { break };
            // A sketch match inside a sentence ends at or before the sentence's end.
            let last = end.offset().saturating_sub(1);
            while sentences.get(sentence + 1).is_some_and(|next| next.start <= last) {
                sentence += 1;
            }
            if let Some(cell) = found.get_mut(sentence * width + end.pattern().as_usize()) {
                *cell = true;
            }
        }
        Possible { prefilter: self, found: Some(found) }
    }
}

/// True when matches of `sketch` are rare enough to be worth asking for.
fn is_selective(sketch: &Hir) -> bool {
    sketch.properties().minimum_len().is_some_and(|length| length >= SHORTEST_SKETCH)
}

impl Possible<'_> {
    /// True when rule `index` of the file may match in sentence `sentence`.
    pub fn contains(&self, sentence: usize, index: usize) -> bool {
        match (self.prefilter.members.get(index), &self.found) {
            (Some(Some(member)), Some(found)) => found.get(sentence * self.prefilter.dfa.pattern_len() + member).copied().unwrap_or(true),
            _ => true,
        }
    }
}
