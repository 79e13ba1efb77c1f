//! Other mentions of a found name: where a name's surface occurs again in a text.
//!
//! Input: a text and the surfaces of names found in it. Output: for each surface,
//! where it starts at word starts, in one pass over the text; and whether a
//! capitalised word stands right beside a span (then it is part of a longer name).
//! Used by the actors (surnames, short names) and the places (a place named once by
//! its context, `the island of Sifnos`, is a place wherever else the text names it);
//! and the members of a list of names (`Newport, Cwmbran and Abergavenny`).

use std::collections::BTreeMap;

use crate::span::Span;

/// True when a capitalised word stands right before or after `span`, one space
/// apart and with no punctuation between: `span` is then part of a longer name
/// (`Blue` of `Blue Moon`, `Air` of `Kestrel Air`), unlike after `Frankfurt.`.
pub fn beside_capitalised(text: &str, span: Span) -> bool {
    word_before(text, span).is_some_and(is_capitalised) || word_after(text, span).is_some_and(is_capitalised)
}

/// The word right before `span`, one space apart and ending in a letter or digit.
pub fn word_before(text: &str, span: Span) -> Option<&str> {
    let before = text[..span.start].strip_suffix(' ')?;
    Some(before.rsplit(' ').next().unwrap_or(before)).filter(|word| word.chars().next_back().is_some_and(char::is_alphanumeric))
}

/// The word right after `span`, one space apart.
pub fn word_after(text: &str, span: Span) -> Option<&str> {
    let after = text[span.end..].strip_prefix(' ')?;
    Some(after.split(' ').next().unwrap_or(after))
}

/// True when `the` or `The` stands right before `span`, one space apart.
pub fn after_the(text: &str, span: Span) -> bool {
    word_before(text, span).is_some_and(|word| word == "the" || word == "The")
}

/// True when `word` starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// For each surface, where it starts in `text` at the start of a word (after no
/// letter, digit or `_`), left to right, none overlapping the one before. One pass
/// over the text: surfaces are looked up by their first character.
pub fn occurrences(text: &str, surfaces: &[&str]) -> Vec<Vec<usize>> {
    let mut by_ascii: Vec<Vec<usize>> = vec![Vec::new(); 128];
    let mut by_other: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for (index, surface) in surfaces.iter().enumerate() {
        match surface.chars().next() {
            Some(first) if first.is_ascii() => by_ascii[first as usize].push(index),
            Some(first) => by_other.entry(first).or_default().push(index),
            None => {}
        }
    }
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); surfaces.len()];
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        let candidates = match byte {
            0..=127 => &by_ascii[usize::from(byte)],
            _ if by_other.is_empty() || !text.is_char_boundary(at) => continue,
            _ => match text[at..].chars().next().and_then(|c| by_other.get(&c)) {
                Some(candidates) => candidates,
                None => continue,
            },
        };
        if candidates.is_empty() || text[..at].chars().next_back().is_some_and(|before| before.is_alphanumeric() || before == '_') {
            continue;
        }
        for &index in candidates {
            let surface = surfaces[index];
            let free = starts[index].last().is_none_or(|last| at >= last + surface.len());
            if free && text[at..].starts_with(surface) {
                starts[index].push(at);
            }
        }
    }
    starts
}

/// The members of a list: the pieces between commas, ` and ` and ` or `, trimmed.
pub fn list_members(text: &str, list: Span) -> Vec<Span> {
    const SEPARATORS: [&str; 3] = [",", " and ", " or "];
    let slice = list.slice(text);
    let mut members = Vec::new();
    let mut start = 0;
    while start < slice.len() {
        let next = SEPARATORS.iter().filter_map(|sep| slice[start..].find(sep).map(|at| (start + at, sep.len()))).min();
        let (end, skip) = next.unwrap_or((slice.len(), 0));
        let member = Span::new(list.start + start, list.start + end).trimmed(text);
        if !member.is_empty() {
            members.push(member);
        }
        start = end + skip;
    }
    members
}
