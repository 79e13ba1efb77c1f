//! Required words of patterns, for the prefilter.
//!
//! Input: the syntax tree of a rule's pattern. Output: its [`Factors`], a set of
//! strings such that every match of the pattern holds one of them, compared without
//! ASCII case ("said", "told", … for a speech-tag pattern), or none when the pattern
//! needs no such string. The prefilter finds every factor of a file's rules in one
//! Aho-Corasick pass; a rule none of whose factors occurs in a sentence cannot match
//! there.
//!
//! The factors of a pattern are built bottom up:
//!
//! - a literal is itself, and is *exact*: its whole match is one of the strings;
//! - a class of a few characters is those characters (exact); a larger class, an
//!   assertion, or a part that may match nothing needs nothing;
//! - a repeat needs what one copy needs (not exact unless it is one copy);
//! - an alternation needs one of what each alternative needs (exact if all are);
//! - a concatenation joins runs of exact neighbours into longer strings ("t" then
//!   "old" is "told") and keeps the most selective of its runs and parts.
//!
//! Each step only widens what counts as a hit, so a sentence without any factor holds
//! no match. ASCII letters are lower-cased, since the search ignores ASCII case.

use std::collections::BTreeSet;

use regex_syntax::hir::{Class, Hir, HirKind};

/// A class with at most this many characters is its characters.
const SMALL_CLASS: usize = 8;

/// A larger class is its ASCII characters and lead bytes when they are at most this
/// many strings (`\d`); else it needs nothing.
const LARGE_CLASS: usize = 24;

/// Joining exact neighbours stops when the set would exceed this many strings.
const MAX_STRINGS: usize = 4096;

/// A factor set must not grow beyond this many strings (a word list may be this large).
const MAX_SET: usize = 100_000;

/// Strings one of which every match holds, compared without ASCII case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Factors {
    /// The strings, ASCII letters lower-cased.
    pub strings: BTreeSet<Vec<u8>>,
    /// True when every match is, entirely, one of the strings.
    exact: bool,
}

impl Factors {
    fn exact(strings: BTreeSet<Vec<u8>>) -> Factors {
        Factors { strings, exact: true }
    }

    fn inexact(self) -> Factors {
        Factors { exact: false, ..self }
    }

    /// How rarely the set is expected to hit: higher is better. A set is as weak as
    /// its shortest string; among sets of equally short strings, fewer is better.
    fn selectivity(&self) -> (usize, std::cmp::Reverse<usize>) {
        let shortest = self.strings.iter().map(|string| rarity(string)).min().unwrap_or(0);
        (shortest, std::cmp::Reverse(self.strings.len()))
    }
}

/// How rare a string is expected to be: its length, capped, where a space or a
/// common punctuation mark counts as nothing and a digit or a byte beyond ASCII,
/// rarer than a letter in English prose, counts twice.
pub fn rarity(string: &[u8]) -> usize {
    let weight = |byte: &u8| match byte {
        b' ' | b',' | b'.' | b'\'' | b'-' | b'\n' => 0,
        b'0'..=b'9' | 0x80..=0xFF => 2,
        _ => 1,
    };
    string.iter().map(weight).sum::<usize>().min(6)
}

/// The factors of `hir`, or none when a match need hold no particular string.
pub fn factors(hir: &Hir) -> Option<Factors> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(literal) => Some(Factors::exact(BTreeSet::from([lowered(&literal.0)]))),
        HirKind::Class(class) => class_factors(class),
        HirKind::Capture(capture) => factors(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min == 0 => None,
        HirKind::Repetition(repetition) => {
            let one = factors(&repetition.sub)?;
            Some(if repetition.min == 1 && repetition.max == Some(1) { one } else { one.inexact() })
        }
        HirKind::Alternation(parts) => alternation(parts, factors),
        HirKind::Concat(parts) => concatenation(parts),
    }
}

/// The leading factors of `hir`: strings one of which every match starts with,
/// compared without ASCII case; none when a match may start otherwise (with a large
/// class, an optional part) or be empty. A match can then start only where one of
/// them occurs, so the pattern need be tried, anchored, only there.
pub fn leading(hir: &Hir) -> Option<Factors> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(_) | HirKind::Class(_) => factors(hir),
        HirKind::Capture(capture) => leading(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min == 0 => None,
        HirKind::Repetition(repetition) => leading(&repetition.sub).map(Factors::inexact),
        HirKind::Alternation(parts) => alternation(parts, leading).map(Factors::inexact),
        HirKind::Concat(parts) => {
            // Assertions add no text; the first part must not be able to match nothing,
            // and when it is exact, the exact parts after it lengthen its strings.
            let mut parts = parts.iter().filter(|part| part.properties().maximum_len() != Some(0));
            let first = parts.next()?;
            let Some(mut run) = factors(first).filter(|factors| factors.exact) else {
                return leading(first).map(Factors::inexact);
            };
            for part in parts {
                match factors(part).filter(|factors| factors.exact).and_then(|next| joined(&run, &next)) {
                    Some(longer) => run = longer,
                    None => break,
                }
            }
            Some(run.inexact())
        }
    }
}

/// True when every match of `hir` holds two ASCII capital letters in a row (`[A-Z]{2,6}`,
/// `AL|AK|…`, `[A-Z][A-Z]`): a text without such a pair then holds no match. Parts that
/// ignore case never count (their classes hold lower-case letters too).
pub fn capital_pair(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Literal(literal) => literal.0.windows(2).any(|pair| pair.iter().all(u8::is_ascii_uppercase)),
        HirKind::Capture(capture) => capital_pair(&capture.sub),
        HirKind::Repetition(repetition) => {
            // Two copies side by side: one's last character meets the next one's first.
            let copies_meet = repetition.min >= 2 && is_capital(&repetition.sub, Edge::Last) && is_capital(&repetition.sub, Edge::First);
            repetition.min >= 1 && (capital_pair(&repetition.sub) || copies_meet)
        }
        HirKind::Alternation(parts) => parts.iter().all(capital_pair),
        HirKind::Concat(parts) => {
            // Assertions add no text: the parts around one are still side by side.
            let texts: Vec<&Hir> = parts.iter().filter(|part| part.properties().maximum_len() != Some(0)).collect();
            texts.iter().any(|part| capital_pair(part)) || texts.windows(2).any(|pair| is_capital(pair[0], Edge::Last) && is_capital(pair[1], Edge::First))
        }
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(_) => false,
    }
}

/// Which end of a match [`is_capital`] looks at.
#[derive(Clone, Copy)]
enum Edge {
    First,
    Last,
}

/// True when every match of `hir` is not empty and its character at `edge` is an ASCII
/// capital letter.
fn is_capital(hir: &Hir, edge: Edge) -> bool {
    match hir.kind() {
        HirKind::Literal(literal) => {
            let byte = match edge {
                Edge::First => literal.0.first(),
                Edge::Last => literal.0.last(),
            };
            byte.is_some_and(u8::is_ascii_uppercase)
        }
        HirKind::Class(Class::Unicode(class)) => !class.ranges().is_empty() && class.ranges().iter().all(|range| range.start() >= 'A' && range.end() <= 'Z'),
        HirKind::Class(Class::Bytes(class)) => !class.ranges().is_empty() && class.ranges().iter().all(|range| range.start() >= b'A' && range.end() <= b'Z'),
        HirKind::Capture(capture) => is_capital(&capture.sub, edge),
        HirKind::Repetition(repetition) => repetition.min >= 1 && is_capital(&repetition.sub, edge),
        HirKind::Alternation(parts) => parts.iter().all(|part| is_capital(part, edge)),
        HirKind::Concat(parts) => {
            let mut texts = parts.iter().filter(|part| part.properties().maximum_len() != Some(0));
            let end = match edge {
                Edge::First => texts.next(),
                Edge::Last => texts.next_back(),
            };
            end.is_some_and(|part| part.properties().minimum_len().is_some_and(|length| length > 0) && is_capital(part, edge))
        }
        HirKind::Empty | HirKind::Look(_) => false,
    }
}

/// One of the alternatives' factors (or leading factors, as `each` gives them); none
/// when an alternative has none.
fn alternation(parts: &[Hir], each: fn(&Hir) -> Option<Factors>) -> Option<Factors> {
    let mut strings = BTreeSet::new();
    let mut exact = true;
    for part in parts {
        let factors = each(part)?;
        exact &= factors.exact;
        strings.extend(factors.strings);
        if strings.len() > MAX_SET {
            return None;
        }
    }
    Some(Factors { strings, exact })
}

/// The most selective of a concatenation's parts and of its runs of exact parts
/// joined; exact when the whole concatenation is one joined run.
fn concatenation(parts: &[Hir]) -> Option<Factors> {
    let mut best: Option<Factors> = None;
    let mut run: Option<Factors> = None;
    let mut whole_run = true;
    let keep = |candidate: Factors, best: &mut Option<Factors>| {
        if best.as_ref().is_none_or(|kept| candidate.selectivity() > kept.selectivity()) {
            *best = Some(candidate);
        }
    };
    for part in parts {
        let zero_width = part.properties().maximum_len() == Some(0);
        match factors(part) {
            Some(factors) if factors.exact => {
                run = Some(match run.take() {
                    Some(before) => joined(&before, &factors).unwrap_or_else(|| {
                        whole_run = false;
                        keep(before.inexact(), &mut best);
                        factors
                    }),
                    None => factors,
                });
            }
            // An assertion neither adds text nor breaks a run.
            None if zero_width => {}
            other => {
                whole_run = false;
                if let Some(before) = run.take() {
                    keep(before.inexact(), &mut best);
                }
                if let Some(factors) = other {
                    keep(factors.inexact(), &mut best);
                }
            }
        }
    }
    if let Some(last) = run {
        keep(if whole_run { last } else { last.inexact() }, &mut best);
    }
    best
}

/// Every string of `before` followed by every string of `after`, unless there would
/// be too many.
fn joined(before: &Factors, after: &Factors) -> Option<Factors> {
    if before.strings.len().saturating_mul(after.strings.len()) > MAX_STRINGS {
        return None;
    }
    let strings = before.strings.iter().flat_map(|head| after.strings.iter().map(move |tail| [head.as_slice(), tail.as_slice()].concat())).collect();
    Some(Factors::exact(strings))
}

/// A class's factors: its characters, each as a string, when there are only a few
/// (exact); else, when its ASCII characters are few, those and the first bytes of the
/// UTF-8 encodings of the others (`\d`: the ten digits and the lead bytes of the other
/// scripts' digits; not exact); none for a larger class.
fn class_factors(class: &Class) -> Option<Factors> {
    match class {
        Class::Unicode(class) => {
            let characters = class.ranges().iter().map(|range| range.len()).sum::<usize>();
            if characters <= SMALL_CLASS {
                let strings = class.iter().flat_map(|range| range.start()..=range.end()).map(|c| lowered(c.to_string().as_bytes())).collect();
                return Some(Factors::exact(strings));
            }
            let mut strings = BTreeSet::new();
            for range in class.ranges() {
                if range.start().is_ascii() {
                    let last = range.end().min('\u{7f}');
                    strings.extend((range.start()..=last).map(|c| lowered(&[c as u8])));
                }
                if !range.end().is_ascii() {
                    let first = range.start().max('\u{80}');
                    strings.extend((lead_byte(first)..=lead_byte(range.end())).map(|byte| vec![byte]));
                }
                if strings.len() > LARGE_CLASS {
                    return None;
                }
            }
            Some(Factors { strings, exact: false })
        }
        Class::Bytes(class) => {
            let bytes = class.ranges().iter().map(|range| usize::from(range.end() - range.start()) + 1).sum::<usize>();
            (bytes <= SMALL_CLASS).then(|| Factors::exact(class.iter().flat_map(|range| range.start()..=range.end()).map(|byte| lowered(&[byte])).collect()))
        }
    }
}

/// The first byte of the UTF-8 encoding of `c`.
fn lead_byte(c: char) -> u8 {
    let mut buffer = [0; 4];
    c.encode_utf8(&mut buffer);
    buffer[0]
}

fn lowered(bytes: &[u8]) -> Vec<u8> {
    bytes.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings_of(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::parse(pattern).expect("parses");
        factors(&hir).map(|factors| factors.strings.iter().map(|string| String::from_utf8_lossy(string).into_owned()).collect())
    }

    fn needs_pair(pattern: &str) -> bool {
        capital_pair(&regex_syntax::parse(pattern).expect("parses"))
    }

    #[test]
    fn two_capitals_in_a_row_are_needed_only_when_every_match_has_them() {
        for pattern in [r"\b[A-Z]{2,6}\b", r"\b(?:AL|AK|TX)\b", r"[A-Z]\b[A-Z]", r"x(?P<code>[A-Z]{2})y", r"(?:[A-Z]x[A-Z]){2}"] {
            assert!(needs_pair(pattern), "{pattern}");
        }
        for pattern in [r"(?i)[A-Z]{2}", r"\b(?:A|AL)\b", r"[A-Z][a-z]+", r"(?:[A-Z][a-z]){2}", r"[A-Z]{0,2}", r"[A-Z]?[A-Z]", r"\p{Lu}{2}"] {
            assert!(!needs_pair(pattern), "{pattern}");
        }
    }

    #[test]
    fn case_variants_join_into_one_word() {
        assert_eq!(strings_of(r"\b[Tt]old\b"), Some(vec!["told".to_string()]));
    }

    #[test]
    fn the_rarest_part_of_a_concatenation_is_kept() {
        assert_eq!(strings_of(r"(?P<source>[A-Z]\w+)\s+(?P<cue>said|says)\b"), Some(vec!["said".to_string(), "says".to_string()]));
    }

    #[test]
    fn an_alternative_that_needs_nothing_makes_the_whole_need_nothing() {
        assert_eq!(strings_of(r"said|\w+"), None);
        assert_eq!(strings_of(r"said|\w+ly"), Some(vec!["ly".to_string(), "said".to_string()]));
        assert_eq!(strings_of(r"(?:said)?"), None);
    }

    fn leading_of(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::parse(pattern).expect("parses");
        leading(&hir).map(|factors| factors.strings.iter().map(|string| String::from_utf8_lossy(string).into_owned()).collect())
    }

    #[test]
    fn leading_factors_start_every_match() {
        assert_eq!(leading_of(r"\b(?P<title>Gov\.|[Ss]en\.)\s+[A-Z]\w+"), Some(vec!["gov.".to_string(), "sen.".to_string()]));
        assert_eq!(leading_of(r"(?:about|some)\s+\d+"), Some(vec!["about".to_string(), "some".to_string()]));
        assert_eq!(leading_of(r"(?:the\s+)?said"), None);
        assert_eq!(leading_of(r"[A-Z]\w+\s+said"), None);
    }

    #[test]
    fn a_digit_is_an_ascii_digit_or_the_lead_byte_of_another() {
        let digits = strings_of(r"\d").expect("digits are factors");
        assert!(digits.contains(&"7".to_string()) && digits.len() > 10 && digits.len() <= LARGE_CLASS);
        assert_eq!(strings_of(r"[A-Z]\w+"), None);
    }

    #[test]
    fn a_word_list_is_its_words() {
        assert_eq!(strings_of(r"\b(?:according to|citing)\s"), Some(vec!["according to".to_string(), "citing".to_string()]));
    }
}
