//! Counts: candidates of `counts.toml` → count findings.
//!
//! Input: settled candidates with the captures `number` (required), and optionally
//! `max` (a range's upper end), `per` (a ratio's denominator), `qualifier`,
//! `currency`, `percent` and `unit`. Output: findings with value, value_max, unit,
//! qualifier and vague. A candidate whose number does not parse is dropped.

use super::matching::Candidate;
use super::numbers::{self, Number};
use super::Finding;
use crate::claim::{CountFields, Fields};
use crate::ruleset::{RuleFileRules, Vocabulary};

/// Build count findings.
pub fn findings(text: &str, candidates: &[Candidate<'_>], file: &RuleFileRules) -> Vec<Finding> {
    candidates
        .iter()
        .filter_map(|candidate| {
            let fields = fields(text, candidate, &file.vocabulary)?;
            Some(Finding { span: candidate.span, rule: candidate.rule.id.clone(), fields: Fields::Count(fields), captures: candidate.captures.clone() })
        })
        .collect()
}

fn fields(text: &str, candidate: &Candidate<'_>, vocabulary: &Vocabulary) -> Option<CountFields> {
    let parse = |name: &str| candidate.capture_text(name, text).and_then(|t| numbers::parse(t, vocabulary));
    let Number { mut value, vague } = parse("number")?;
    if let Some(per) = parse("per") {
        if per.value == 0.0 {
            return None;
        }
        value /= per.value;
    }
    let value_max = parse("max").map(|n| n.value);
    let constant = |name: &str| candidate.rule.set.get(name).and_then(|v| v.as_str()).map(str::to_string);
    let qualifier = if value_max.is_some() {
        "range".to_string()
    } else {
        candidate
            .capture_text("qualifier", text)
            .and_then(|q| vocabulary.lookup("qualifier", q))
            .map(str::to_string)
            .or_else(|| constant("qualifier"))
            .unwrap_or_else(|| "exact".into())
    };
    let unit = unit(text, candidate, vocabulary).or_else(|| constant("unit"));
    let vague = vague || candidate.rule.set.get("vague").and_then(|v| v.as_bool()).unwrap_or(false);
    Some(CountFields { value, value_max, unit, qualifier, vague })
}

fn unit(text: &str, candidate: &Candidate<'_>, vocabulary: &Vocabulary) -> Option<String> {
    if let Some(currency) = candidate.capture_text("currency", text) {
        if let Some(code) = vocabulary.lookup("currency", currency) {
            return Some(code.to_string());
        }
    }
    if candidate.capture("percent").is_some() {
        return Some("%".into());
    }
    let unit = candidate.capture_text("unit", text)?.trim();
    (!unit.is_empty()).then(|| unit.to_string())
}
