//! Counts: candidates of `counts.toml` → count findings.
//!
//! Input: settled candidates with the captures `number` (required), and optionally
//! `max` (a range's upper end), `per` (a ratio's denominator), `qualifier`,
//! `currency`, `percent` and `unit`. Output: findings with value, value_max, unit,
//! qualifier and vague. A candidate whose number does not parse is dropped.

use super::matching::Candidate;
use crate::span::Span;
use super::numbers::{self, Number};
use super::Finding;
use crate::claim::{ClaimKind, CountFields, Fields};
use crate::ruleset::{RuleFileRules, Vocabulary};

/// The longest abbreviation of a scale (`bn`, `lac`); a longer scale word is a word.
const MOST_SCALE_ABBREVIATION: usize = 3;

/// The vocabulary of bare currency words that several countries share, by family.
const CURRENCY_FAMILY: &str = "currency-family";

/// The vocabulary of the countries whose currency has such a word (`family:code`).
const LOCAL_CURRENCY: &str = "local-currency";

/// Give each amount written with a bare currency word that several countries share
/// (`pesos`, `shillings`, `kroner`, `francs`, `rupees`, `kwacha`) the code of the
/// country the document names most often (first named on a tie) among those whose
/// currency has that word (`local-currency`); without one, the amount keeps its unit.
/// An explicit currency (`US$`, `Mexican pesos`, `Swedish kronor`) is of no family.
pub fn localise_currencies(text: &str, findings: &mut [(ClaimKind, Finding)], vocabulary: &Vocabulary) {
    let places = findings.iter().filter_map(|(_, finding)| match &finding.fields {
        Fields::Place(place) => Some(place.name.as_str()),
        _ => None,
    });
    let tally = local_currencies(places, vocabulary);
    if tally.is_empty() {
        return;
    }
    for (_, Finding { captures, fields, .. }) in findings.iter_mut() {
        let Fields::Count(count) = fields else { continue };
        let currency = captures.iter().find(|(name, _)| name == "currency").map(|(_, span)| span.slice(text).trim());
        let family = currency.or(count.unit.as_deref()).and_then(|word| vocabulary.lookup(CURRENCY_FAMILY, word));
        if let Some(code) = family.and_then(|family| most_named(&tally, family)) {
            count.unit = Some(code.to_string());
        }
    }
}

/// A currency of `local-currency` (family, code) that a place of the document has, with
/// how many of the places in `names` have it, in the order first named.
type Tally<'v> = Vec<(&'v str, &'v str, usize)>;

/// The currencies the places in `names` have (see [`Tally`]).
fn local_currencies<'v, 'n>(names: impl Iterator<Item = &'n str>, vocabulary: &'v Vocabulary) -> Tally<'v> {
    let mut tally: Tally<'v> = Vec::new();
    for (family, code) in names.filter_map(|name| vocabulary.lookup(LOCAL_CURRENCY, name)?.split_once(':')) {
        match tally.iter_mut().find(|(_, known, _)| *known == code) {
            Some((_, _, count)) => *count += 1,
            None => tally.push((family, code, 1)),
        }
    }
    tally
}

/// The code of `family` named most often in `tally`, the first named on a tie.
fn most_named<'v>(tally: &Tally<'v>, family: &str) -> Option<&'v str> {
    // The last of equal maxima is kept: reversed, that is the first named.
    tally.iter().rev().filter(|(of, _, _)| *of == family).max_by_key(|(_, _, count)| *count).map(|(_, code, _)| *code)
}

/// Build count findings.
pub fn findings(text: &str, candidates: &[Candidate<'_>], file: &RuleFileRules) -> Vec<Finding> {
    candidates
        .iter()
        .filter_map(|candidate| {
            let fields = fields(text, candidate, &file.vocabulary)?;
            Some(Finding { span: candidate.span, rule: candidate.rule.id.clone(), fields: Fields::Count(fields), captures: candidate.owned_captures() })
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
    let mut unit = unit(text, candidate, vocabulary).or_else(|| candidate.constant("unit").map(str::to_string));
    // A rule may set a scale for its unit (`scale = 0.01`: cents in dollars); a scale
    // word taken as the unit scales the number instead (`well over 1,200 crore.`), but
    // not an abbreviation, which is also a unit's (`800 m`).
    let mut scale = candidate.rule.set.get("scale").and_then(serde_json::Value::as_f64).unwrap_or(1.0);
    let scale_word = unit.as_deref().filter(|unit| unit.len() > MOST_SCALE_ABBREVIATION).and_then(|unit| vocabulary.lookup("scale", unit));
    if let Some(word_scale) = scale_word.and_then(|scale| scale.parse::<f64>().ok()) {
        scale *= word_scale;
        unit = None;
    }
    value *= scale;
    let value_max = parse("max").map(|n| n.value * scale);
    let qualifier = if value_max.is_some() {
        "range".to_string()
    } else {
        candidate
            .capture_text("qualifier", text)
            .and_then(|q| vocabulary.lookup("qualifier", q))
            .map(str::to_string)
            .or_else(|| candidate.constant("qualifier").map(str::to_string))
            .unwrap_or_else(|| "exact".into())
    };
    let vague = vague || candidate.flag("vague");
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

/// Cut the unit before its first word of the list `not-units`, shrink the claim to
/// match, and refuse candidates whose number does not parse or that need a unit and
/// have none left.
pub fn refine<'r>(text: &str, mut candidate: Candidate<'r>, file: &RuleFileRules) -> Option<Candidate<'r>> {
    numbers::parse(candidate.capture_text("number", text)?, &file.vocabulary)?;
    if let Some(index) = candidate.captures.iter().position(|(name, _)| *name == "unit") {
        let unit = candidate.captures[index].1;
        let kept = kept_unit(text, unit, file);
        if kept.is_empty() {
            candidate.captures.remove(index);
        } else {
            candidate.captures[index].1 = kept;
        }
        if candidate.span.end == unit.end {
            let end = candidate.captures.iter().filter(|(name, _)| *name != "claim").map(|(_, span)| span.end).max();
            candidate.span.end = end.unwrap_or(candidate.span.end).min(candidate.span.end);
        }
    }
    (!candidate.flag("needs-unit") || candidate.capture("unit").is_some()).then_some(candidate)
}

/// The unit cut before its first word of the list `not-units`, and after its first
/// plural noun (a word ending in -s, or one of the list `plural-nouns`).
fn kept_unit(text: &str, unit: Span, file: &RuleFileRules) -> Span {
    let in_list = |list: &str, word: &str| file.in_list(list, &word.to_lowercase());
    let slice = unit.slice(text);
    let mut end = unit.start;
    let mut first_end = None;
    for (offset, word) in word_offsets(slice) {
        if in_list("not-units", word) {
            break;
        }
        end = unit.start + offset + word.len();
        first_end.get_or_insert(end);
        if is_plural(word) || in_list("plural-nouns", word) {
            return Span::new(unit.start, end);
        }
    }
    // No plural noun: a singular unit is one word ("contract", "meeting").
    Span::new(unit.start, first_end.unwrap_or(end))
}

/// A word ending in -s, not -ss, -us or -is, and not an acronym (`CLPS`).
fn is_plural(word: &str) -> bool {
    if word.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let word = word.to_lowercase();
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is")
}

fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}
