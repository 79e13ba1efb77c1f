//! Character classes and token helpers for the boundary scanner.
//!
//! Input: a block of text and byte positions in it. Output: positions after white
//! space or closing quotes, the words around a position, and the class of the text
//! that follows a candidate boundary. Everything works on byte offsets without
//! allocating.

use super::rules::SegmentRules;

/// What starts the text after a candidate boundary (after any opening quotes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// A capital letter, an uncased letter or a camel-case word ("iPhone").
    Capital,
    /// A lower-case word.
    Lower,
    /// A digit or a currency sign before one.
    Digit,
    /// A list bullet.
    Bullet,
    /// A character that opens a list item at a line start, then a space ("* ", "- ").
    LineBullet,
    /// Anything else: punctuation, symbols.
    Other,
}

/// True for the white space the scanner steps over.
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// True for characters that close a quotation or a bracket.
pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

/// True for characters that open a quotation or a bracket.
pub(super) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '¿' | '¡')
}

/// True for the characters that can end a sentence.
pub(super) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽')
}

/// The first position at or after `at` that is not white space.
pub(super) fn skip_space(text: &str, at: usize) -> usize {
    skip_while(text, at, is_space)
}

/// The first position at or after `at` that is not a closing quote or bracket.
pub(super) fn skip_closers(text: &str, at: usize) -> usize {
    skip_while(text, at, is_closer)
}

fn skip_while(text: &str, at: usize, skip: impl Fn(char) -> bool) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + rest.len() - rest.trim_start_matches(skip).len()
}

/// The first position at or after `at` that is not an opening quote or bracket.
pub(super) fn skip_openers(text: &str, at: usize) -> usize {
    skip_while(text, at, is_opener)
}

/// The character at byte `at`, if `at` is inside the text on a character boundary.
pub(super) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// The last character before byte `at`.
pub(super) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|head| head.chars().next_back())
}

/// Start of the white-space-delimited token that ends at `end`, not before `floor`.
pub(super) fn token_start(text: &str, end: usize, floor: usize) -> usize {
    let head = text.get(floor..end).unwrap_or("");
    floor + head.trim_end_matches(|c: char| !is_space(c)).len()
}

/// End of the white-space-delimited token that starts at `start`.
pub(super) fn token_end(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or("");
    start + rest.find(is_space).unwrap_or(rest.len())
}

/// A token without leading openers and bullets and without trailing closers.
pub(super) fn bare_word<'t>(token: &'t str, rules: &SegmentRules) -> &'t str {
    token.trim_start_matches(|c: char| is_opener(c) || rules.is_bullet(c)).trim_end_matches(is_closer)
}

/// The letters of the word starting at `at` (after openers), up to the first non-letter.
pub(super) fn letters_at(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("").trim_start_matches(is_opener);
    let length = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    &rest[..length]
}

/// The class of the text starting at `at`.
pub(super) fn next_class(text: &str, at: usize, rules: &SegmentRules) -> Next {
    let rest = text.get(at..).unwrap_or("").trim_start_matches(is_opener);
    let mut chars = rest.chars();
    let Some(first) = chars.next() else { return Next::Other };
    if rules.is_bullet(first) {
        return Next::Bullet;
    }
    if rules.is_line_bullet(first) && chars.clone().next().is_some_and(|c| c == ' ' || c == '\t') {
        return Next::LineBullet;
    }
    if first.is_lowercase() {
        let camel = chars.take_while(|c| c.is_alphanumeric()).any(char::is_uppercase);
        return if camel { Next::Capital } else { Next::Lower };
    }
    if first.is_alphabetic() {
        return Next::Capital;
    }
    let currency = matches!(first, '$' | '€' | '£' | '¥') && chars.next().is_some_and(|c| c.is_ascii_digit());
    if first.is_ascii_digit() || currency {
        return Next::Digit;
    }
    Next::Other
}

/// True when the word is an abbreviation written with inner periods ("U.S", "Ph.D").
pub(super) fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let letters = part.chars().count();
            (1..=2).contains(&letters) && part.chars().all(char::is_alphabetic)
        })
}

/// True when the word is one letter ("E" in "Jonas E. Smith").
pub(super) fn is_single_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// True when the token is part of an address (e-mail, URL, path).
pub(super) fn is_address(token: &str) -> bool {
    token.contains('@') || token.contains('/') || token.contains("www.")
}

/// True when the word starts with a capital letter or a digit.
pub(super) fn starts_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}
