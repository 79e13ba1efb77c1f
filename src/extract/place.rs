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
            let name = candidate.field("name", text).unwrap_or_else(|| candidate.span.slice(text).to_string());
            let place_type = candidate.field("place_type", text).unwrap_or_else(|| "other".into());
            Finding {
                span: candidate.span,
                rule: candidate.rule.id.clone(),
                fields: Fields::Place(PlaceFields { name, place_type }),
                captures: candidate.owned_captures(),
            }
        })
        .collect()
}
