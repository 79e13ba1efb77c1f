//! Places: candidates of `places.toml` → place findings.
//!
//! Input: settled candidates from list rules (columns `name`, `place_type`) or
//! pattern rules (captures or constants `name`, `place_type`, and `code`, a postal
//! code looked up in the list `postal-codes`). Output: findings with the canonical
//! name and type; without a name the matched text is the name. A candidate whose
//! `code` is not in the list is dropped.

use super::matching::Candidate;
use super::Finding;
use crate::claim::{Fields, PlaceFields};
use crate::ruleset::RuleFileRules;

/// The list that a `code` capture is looked up in: code, name, country.
const POSTAL_CODES: &str = "postal-codes";

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
    let name = candidate
        .field("name", text)
        .or_else(|| code_name.filter(|_| code_is_claim))
        .unwrap_or_else(|| candidate.span.slice(text).to_string());
    let place_type = candidate.field("place_type", text).unwrap_or_else(|| "other".into());
    Some(Finding {
        span: candidate.span,
        rule: candidate.rule.id.clone(),
        fields: Fields::Place(PlaceFields { name, place_type }),
        captures: candidate.owned_captures(),
    })
}

/// The name of a state or province by its postal code (`VA` → `Virginia`).
fn postal_code_name(file: &RuleFileRules, code: &str) -> Option<String> {
    let rows = file.lists.get(POSTAL_CODES)?;
    rows.iter().find(|row| row.first().is_some_and(|first| first == code)).and_then(|row| row.get(1)).cloned()
}
