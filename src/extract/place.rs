//! Places: candidates of `places.toml` → place findings.
//!
//! Input: settled candidates from list rules (columns `name`, `place_type`) or
//! pattern rules (captures or constants `name`, `place_type`). Output: findings with
//! the canonical name and type; without a name the matched text is the name.

use super::matching::Candidate;
use super::Finding;
use crate::claim::{Fields, PlaceFields};

/// Build place findings.
pub fn findings(text: &str, candidates: &[Candidate<'_>]) -> Vec<Finding> {
    candidates
        .iter()
        .map(|candidate| {
            let field = |name: &str| {
                candidate
                    .column(name)
                    .map(str::to_string)
                    .or_else(|| candidate.capture_text(name, text).map(str::to_string))
                    .or_else(|| candidate.rule.set.get(name).and_then(|v| v.as_str()).map(str::to_string))
            };
            let name = field("name").unwrap_or_else(|| candidate.span.slice(text).to_string());
            let place_type = field("place_type").unwrap_or_else(|| "other".into());
            Finding {
                span: candidate.span,
                rule: candidate.rule.id.clone(),
                fields: Fields::Place(PlaceFields { name, place_type }),
                captures: candidate.captures.clone(),
            }
        })
        .collect()
}
