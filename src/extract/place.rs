//! Places: candidates of `places.toml` → place findings.
//!
//! Input: settled candidates from list rules (columns `name`, `place_type`) or
//! pattern rules (captures or constants `name`, `place_type`, and `code`, a postal
//! code looked up in the list `postal-codes`). Output: findings with the canonical
//! name and type; without a name the matched text is the name. A candidate whose
//! `code` is not in the list is dropped. A pattern rule's match loses its leading
//! words of the vocabulary `leading-word` ("Two Bartholomew County" → "Bartholomew
//! County"): a run of capitalised words may start with the sentence. A name in
//! capitals (a dateline) that the gazetteer knows in title case takes the gazetteer's
//! name and type (`PONTA DELGADA` → Ponta Delgada, city).

use super::matching::Candidate;
use super::Finding;
use crate::claim::{Fields, PlaceFields};
use crate::ruleset::{Matcher, RuleFileRules};
use crate::span::Span;

/// The list that a `code` capture is looked up in: code, name, country.
const POSTAL_CODES: &str = "postal-codes";

/// The gazetteer: surface, name, place type.
const GAZETTEER: &str = "places";

/// A pattern rule's candidate without its leading words of the vocabulary
/// `leading-word` (not written in capitals); none when nothing is left. List entries are whole names ("The
/// Hague") and stay as they are.
pub fn refine<'r>(text: &str, mut candidate: Candidate<'r>, file: &RuleFileRules) -> Option<Candidate<'r>> {
    if !matches!(candidate.rule.matcher, Matcher::Pattern(_)) {
        return Some(candidate);
    }
    let mut span = candidate.span;
    while let Some(word) = span.slice(text).split_whitespace().next() {
        // A word in capitals is a code or a name, never a sentence's first word (`ON`).
        let capitals = word.chars().count() > 1 && !word.chars().any(char::is_lowercase);
        if capitals || !file.vocabulary.contains("leading-word", word) {
            break;
        }
        span = Span::new(span.start + word.len(), span.end).trimmed(text);
    }
    candidate.span = span;
    (!span.is_empty()).then_some(candidate)
}

/// Build place findings.
pub fn findings(text: &str, candidates: &[Candidate<'_>], file: &RuleFileRules) -> Vec<Finding> {
    candidates.iter().filter_map(|candidate| finding(text, candidate, file)).collect()
}

fn finding(text: &str, candidate: &Candidate<'_>, file: &RuleFileRules) -> Option<Finding> {
    let code_name = match candidate.capture_text("code", text) {
        Some(code) => Some(postal_code_name(file, code)?),
        None => None,
    };
    let code_is_claim = candidate.capture("code") == Some(candidate.span);
    let known = candidate.column("name").is_none().then(|| known_in_capitals(file, candidate.span.slice(text))).flatten();
    let name = candidate
        .field("name", text)
        .or_else(|| code_name.filter(|_| code_is_claim))
        .or_else(|| known.map(|row| row[1].clone()))
        .unwrap_or_else(|| candidate.span.slice(text).to_string());
    let place_type = known.map(|row| row[2].clone()).or_else(|| candidate.field("place_type", text)).unwrap_or_else(|| "other".into());
    Some(Finding {
        span: candidate.span,
        rule: candidate.rule.id.clone(),
        fields: Fields::Place(PlaceFields { name, place_type }),
        captures: candidate.owned_captures(),
    })
}

/// The gazetteer row of `surface` when it is written in capitals and the gazetteer
/// has it in title case (`ST. LOUIS` → the row of `St. Louis`).
fn known_in_capitals<'f>(file: &'f RuleFileRules, surface: &str) -> Option<&'f [String]> {
    if surface.chars().any(char::is_lowercase) {
        return None;
    }
    file.row(GAZETTEER, &title_case(surface)).filter(|row| row.len() >= 3)
}

/// Each word's first letter as it is, the others in lower case (`NEW YORK` → `New York`).
fn title_case(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    let mut word_start = true;
    for c in surface.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphanumeric();
    }
    out
}

/// The name of a state or province by its postal code (`VA` → `Virginia`).
fn postal_code_name(file: &RuleFileRules, code: &str) -> Option<String> {
    file.row(POSTAL_CODES, code)?.get(1).cloned()
}
