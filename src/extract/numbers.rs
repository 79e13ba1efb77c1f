//! The number grammar: number text → value.
//!
//! Input: the text a count rule captured as `number` ("1,200", "3.5", "twenty-five",
//! "a quarter of a million", "5bn", "tens of thousands", "minus 10") and the
//! `counts.toml` vocabularies `number`, `times` (`once`, `twice`), `scale`, `fraction`,
//! `vague` and `sign` (`minus`, before the number).
//! Output: a [`Number`], or `None` when the text holds no number. The words live in
//! the rule file; this module only knows how they combine.

use crate::ruleset::Vocabulary;

/// A parsed number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// Its value.
    pub value: f64,
    /// True for vague round quantities (hundreds, dozens).
    pub vague: bool,
}

/// Words that join number words without changing the value.
const JOINERS: [&str; 4] = ["a", "an", "and", "of"];

/// Parse `text` with the number words of `vocabulary`.
pub fn parse(text: &str, vocabulary: &Vocabulary) -> Option<Number> {
    let mut total = 0.0;
    let mut current: Option<f64> = None;
    let mut fraction: Option<f64> = None;
    let mut vague = false;
    let mut seen = false;
    let mut sign = 1.0;
    let mut before: [String; 2] = Default::default();
    // The scale word just applied ("a million" in "a million and a half").
    let mut last_scale: Option<f64> = None;
    for token in tokens(text) {
        // "two and a half": the fraction adds to the number, it does not take a part of
        // it; after a scale word it is a part of the scale ("a million and a half").
        let after_and_a = before[0] == "and" && matches!(before[1].as_str(), "a" | "an");
        let added_fraction = current.is_some() && after_and_a;
        before = [std::mem::take(&mut before[1]), token.clone()];
        if let Some(value) = lookup(vocabulary, "sign", &token).filter(|_| !seen) {
            sign *= value;
            continue;
        }
        if let Some(value) = digits(&token) {
            current = Some(current.unwrap_or(0.0) + value);
        } else if let Some(value) = lookup(vocabulary, "vague", &token) {
            vague = true;
            if value >= 100.0 {
                total += scale(&mut current, &mut fraction, value);
            } else {
                current = Some(current.unwrap_or(0.0) + value);
            }
        } else if let Some(value) = lookup(vocabulary, "scale", &token) {
            total += scale(&mut current, &mut fraction, value);
            last_scale = Some(value);
            seen = true;
            continue;
        } else if let Some(value) = lookup(vocabulary, "fraction", &token) {
            if added_fraction {
                current = current.map(|whole| whole + value);
            } else if let Some(scale) = last_scale.filter(|_| after_and_a && current.is_none()) {
                total += value * scale;
            } else {
                fraction = Some(current.take().unwrap_or(1.0) * value);
            }
        } else if let Some(value) = lookup(vocabulary, "number", &token).or_else(|| lookup(vocabulary, "times", &token)) {
            current = Some(current.unwrap_or(0.0) + value);
        } else if JOINERS.contains(&token.as_str()) {
            continue;
        } else {
            return None;
        }
        last_scale = None;
        seen = true;
    }
    if !seen {
        return None;
    }
    let value = sign * (total + fraction.or(current).unwrap_or(0.0));
    Some(Number { value, vague })
}

/// Apply a scale word: a hundred multiplies the number being built and adds nothing
/// yet ("two hundred thousand", "hundreds of thousands"); a larger scale closes it
/// and gives what it adds to the total.
fn scale(current: &mut Option<f64>, fraction: &mut Option<f64>, factor: f64) -> f64 {
    if factor == 100.0 {
        *current = Some(current.unwrap_or(1.0) * 100.0);
        return 0.0;
    }
    apply_scale(current, fraction, factor)
}

fn apply_scale(current: &mut Option<f64>, fraction: &mut Option<f64>, scale: f64) -> f64 {
    let base = fraction.take().or(current.take()).unwrap_or(1.0);
    base * scale
}

/// The value of `token` (a [`tokens`] item) in vocabulary `name`.
fn lookup(vocabulary: &Vocabulary, name: &str, token: &str) -> Option<f64> {
    let value = match token.contains(['\u{2018}', '\u{2019}']) {
        true => vocabulary.lookup(name, token),
        // A token is lower case without white space: its own look-up key.
        false => vocabulary.lookup_key(name, token),
    };
    value?.parse().ok()
}

/// "1,200" → 1200, "3.5" → 3.5; `None` for anything else.
fn digits(token: &str) -> Option<f64> {
    if !token.starts_with(|c: char| c.is_ascii_digit()) && !token.starts_with('.') {
        return None;
    }
    token.replace(',', "").parse().ok()
}

/// Split into digit groups and words: white space and hyphens separate, and a
/// digit group glued to a word ("5bn") gives two tokens.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for piece in text.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')) {
        let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
        let split = piece.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(piece.len());
        let (number, word) = piece.split_at(split);
        for part in [number, word] {
            let part = part.trim_matches([',', '.']);
            if !part.is_empty() {
                tokens.push(part.to_lowercase());
            }
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::RuleSet;

    fn value(text: &str) -> Option<f64> {
        let rules = RuleSet::embedded().expect("built-in rules compile");
        let counts = rules.claims.of_kind(crate::claim::ClaimKind::Count).expect("counts.toml");
        parse(text, &counts.vocabulary).map(|n| n.value)
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(value("1,200"), Some(1200.0));
        assert_eq!(value("3.5"), Some(3.5));
        assert_eq!(value("1.2 million"), Some(1_200_000.0));
        assert_eq!(value("5bn"), Some(5e9));
    }

    #[test]
    fn words_and_fractions() {
        assert_eq!(value("twenty-five"), Some(25.0));
        assert_eq!(value("a quarter of a million"), Some(250_000.0));
        assert_eq!(value("two hundred"), Some(200.0));
        assert_eq!(value("tens of thousands"), Some(10_000.0));
        assert_eq!(value("hundreds of thousands"), Some(100_000.0));
        assert_eq!(value("hundreds of millions"), Some(100_000_000.0));
        assert_eq!(value("two hundred thousand"), Some(200_000.0));
        assert_eq!(value("hundreds"), Some(100.0));
        assert_eq!(value("a dozen"), Some(12.0));
        assert_eq!(value("two and a half"), Some(2.5));
        assert_eq!(value("two-and-a-half"), Some(2.5));
        assert_eq!(value("one and a half million"), Some(1_500_000.0));
        assert_eq!(value("a million and a half"), Some(1_500_000.0));
        assert_eq!(value("two million and a half"), Some(2_500_000.0));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(value("several"), None);
        assert_eq!(value("a"), None);
    }
}
