//! The fast matching engines give the regex crate's answers: every rule pattern, run
//! with `Pattern` on the sentences of the corpus (and on sentences with letters beyond
//! ASCII), finds the matches and captures `regex::Regex` finds; every match holds one
//! of its pattern's factors; the prefilter never hides a sentence where a rule
//! matches; and trying a rule only at the starts the prefilter gives finds what a
//! search finds.

mod common;

use claimex::extract::matching;
use claimex::ruleset::pattern::{Build, Found, Record, Window};
use claimex::ruleset::{Matcher, RuleSet, RuleSource, Scope};
use claimex::segment::Sentence;

/// Sentences that make the engines disagree if anything is off: letters beyond ASCII
/// beside word boundaries, curly quotes, symbols that are not plain punctuation; what
/// a speaker said with a line break in it, or only just long enough to count.
const HARD_SENTENCES: &[&str] = &[
    "Zoë Ekström said the café had 12 cafés.",
    "MONTRÉAL — Officials said 4 élèves died, according to the ministry.",
    "Dr. José Núñez, 45, told Reuters the 3 men fled.",
    "é1 2é 3 éé a1é",
    "He said “no” to Ms. Brandão’s 5 offers, the report noted.",
    "The naïve Mr. Ødegaard said 1,200 people were hurt ✓",
    "★ 12 stars ✓ said Tom Hanks of the Kelvin \u{212a} unit.",
    "“It will start with phone calls,” Harth has said.",
    "The group has said its findings\nare based on official documents.",
    "Officials said the bridge\nwould close. Wray told a committee that he was concerned.",
    "He said it was fine.",
    "He said it was fine!?",
    "He said it was finé.",
    "Mr. Núñez said it was a fine day",
];

fn rules() -> RuleSet {
    common::rules()
}

/// The built-in rules build their engines for text beyond plain characters only when
/// such text first needs them, trusting that they can: this is where that is checked.
#[test]
fn built_in_rules_build_every_engine_at_once() {
    let mut source = RuleSource::embedded();
    assert_eq!(source.build, Build::OnDemand);
    source.build = Build::Now;
    if let Err(error) = RuleSet::load(&source) {
        panic!("a built-in rule does not build:\n{error}");
    }
}

/// Every sentence of the corpus documents, as cleaned, plus the hard ones.
fn sentences(rules: &RuleSet) -> Vec<String> {
    let mut all: Vec<String> = HARD_SENTENCES.iter().map(|s| s.to_string()).collect();
    for path in common::corpus_files() {
        let (_, extraction) = common::extract(&path, rules);
        all.extend(extraction.sentences.iter().map(|sentence| sentence.span().slice(&extraction.text).to_string()));
    }
    all
}

fn groups(found: &Found, count: usize) -> Vec<Option<(usize, usize)>> {
    (0..count).map(|index| found.group(index).map(|span| (span.start, span.end))).collect()
}

fn reference_groups(captures: &regex::Captures) -> Vec<Option<(usize, usize)>> {
    captures.iter().map(|group| group.map(|m| (m.start(), m.end()))).collect()
}

#[test]
fn patterns_match_as_the_regex_crate_does() {
    let rules = rules();
    let sentences = sentences(&rules);
    for rule in rules.claims.rules() {
        let Matcher::Pattern(pattern) = &rule.matcher else { continue };
        let reference = regex::RegexBuilder::new(pattern.as_str()).size_limit(64 << 20).dfa_size_limit(64 << 20).build().expect("builds");
        for sentence in &sentences {
            let window = Window::new(sentence);
            let count = reference.captures_len();
            let ours: Vec<_> = pattern.matches(window, Record::Groups).iter().map(|found| groups(found, count)).collect();
            let theirs: Vec<_> = reference.captures_iter(sentence).map(|captures| reference_groups(&captures)).collect();
            assert_eq!(ours, theirs, "{} on {sentence:?}", rule.id);
            if !rule.tries_every_start() {
                continue;
            }
            for (start, _) in sentence.match_indices(' ') {
                let ours = pattern.match_at(window, start + 1, Record::Groups).map(|found| groups(&found, count));
                let theirs = reference.captures_at(sentence, start + 1).map(|captures| reference_groups(&captures));
                assert_eq!(ours, theirs, "{} from byte {} of {sentence:?}", rule.id, start + 1);
            }
        }
    }
}

/// The claim span and the captures of each candidate.
fn spans(candidates: &[matching::Candidate<'_>]) -> Vec<(claimex::span::Span, Vec<(String, claimex::span::Span)>)> {
    candidates.iter().map(|candidate| (candidate.span, candidate.owned_captures())).collect()
}

#[test]
fn prefilter_never_hides_a_match() {
    let rules = rules();
    for path in common::corpus_files() {
        let (_, extraction) = common::extract(&path, &rules);
        let mut sentences: Vec<Sentence> = extraction.sentences.clone();
        // The hard sentences, appended as one more paragraph.
        let mut text = extraction.text.clone();
        for hard in HARD_SENTENCES {
            text.push_str("\n\n");
            sentences.push(Sentence { start: text.len(), end: text.len() + hard.len() });
            text.push_str(hard);
        }
        for file in &rules.claims.files {
            let possible = file.prefilter.possible(&text, &sentences);
            for (index, rule) in file.rules.iter().enumerate().filter(|(_, rule)| rule.scope == Scope::Sentence) {
                for (number, sentence) in sentences.iter().enumerate() {
                    let window = Window::new(sentence.span().slice(&text));
                    let found = matching::find(rule, window, sentence.start);
                    assert!(found.is_empty() || possible.contains(number, index), "{} matches {:?} but the prefilter hid it", rule.id, sentence.span().slice(&text));
                    let tried = matching::find_from(rule, window, sentence.start, possible.starts(index, sentence.span()));
                    assert_eq!(spans(&tried), spans(&found), "{} tried at the prefilter's starts in {:?}", rule.id, sentence.span().slice(&text));
                }
            }
        }
    }
}

#[test]
fn every_match_holds_its_patterns_factors_and_starts_with_a_leading_one() {
    let rules = rules();
    let sentences = sentences(&rules);
    for rule in rules.claims.rules() {
        let Matcher::Pattern(pattern) = &rule.matcher else { continue };
        for sentence in &sentences {
            for found in pattern.matches(Window::new(sentence), Record::Match) {
                let matched = found.span().expect("a match has a span").slice(sentence).to_ascii_lowercase();
                if let Some(factors) = pattern.factors() {
                    let held = factors.strings.iter().any(|factor| matched.as_bytes().windows(factor.len()).any(|window| window == factor.as_slice()));
                    assert!(held, "{} matched {matched:?}, which holds none of its factors", rule.id);
                }
                if let Some(leading) = pattern.leading() {
                    let starts = leading.strings.iter().any(|factor| matched.as_bytes().starts_with(factor));
                    assert!(starts, "{} matched {matched:?}, which starts with none of its leading factors", rule.id);
                }
                if pattern.needs_capital_pair() {
                    let text = found.span().expect("a match has a span").slice(sentence);
                    let pair = text.as_bytes().windows(2).any(|pair| pair[0].is_ascii_uppercase() && pair[1].is_ascii_uppercase());
                    assert!(pair, "{} matched {text:?}, which holds no two capitals in a row", rule.id);
                }
            }
        }
    }
}
