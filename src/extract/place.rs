//! Places: candidates of `places.toml` → place findings.
//!
//! Input: settled candidates from list rules (columns `name`, `place_type`) or
//! pattern rules (captures or constants `name`, `place_type`, and `code`, a postal
//! code looked up in the list `postal-codes`). Output: findings with the canonical
//! name and type; without a name the matched text is the name. A candidate whose
//! `code` is not in the list is dropped. A pattern rule's match loses its leading
//! words of the vocabulary `leading-word` ("Two Bartholomew County" → "Bartholomew
//! County"): a run of capitalised words may start with the sentence. A name in
//! capitals (a dateline) that the gazetteer knows in title case, or any other name of a
//! pattern rule that it knows as written, takes the gazetteer's name and type
//! (`PONTA DELGADA` → Ponta Delgada, city; `Oro Valley` → city). A `kind` capture gives the
//! type through the vocabulary `place-kind` (`the village of Limni` → city). A place
//! found by a rule that sets `every-mention` (a name placed by its context, `the island
//! of Kythnos`) is also a place wherever else the text names it, as a word of its own, not
//! beside another capitalised word and not where an exclusion rule matched (rule
//! `places/other-mention`). So is the acronym a place of several words is defined with,
//! when the initials of its capitalised words spell it (`National Capital Region
//! (NCR)`): there and wherever else the text writes it.

use std::collections::BTreeMap;

use super::matching::{is_whole_word, Candidate};
use super::mentions::{is_capitalised, occurrences, word_after, word_before};
use super::Finding;
use crate::claim::{Fields, PlaceFields};
use crate::ruleset::{Matcher, RuleFileRules};
use crate::span::{DisjointSpans, Span, SpanIndex};

/// The list that a `code` capture is looked up in: code, name, country.
const POSTAL_CODES: &str = "postal-codes";

/// The gazetteer: surface, name, place type.
const GAZETTEER: &str = "places";

/// The vocabulary that gives a `kind` capture's place type (`village` → `city`).
const PLACE_KIND: &str = "place-kind";

/// The `set` flag of a rule whose places are named by their context: the text's other
/// mentions of the same name are places too.
const EVERY_MENTION: &str = "every-mention";

/// The rule id (after `places/`) of those other mentions.
const OTHER_MENTION: &str = "other-mention";

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

/// Build place findings, with the other mentions of places named by their context;
/// `blocked` holds the spans the file's exclusion rules matched, with their priorities.
pub fn findings(text: &str, candidates: &[Candidate<'_>], file: &RuleFileRules, blocked: &[(Span, i32)]) -> Vec<Finding> {
    let mut found = Vec::with_capacity(candidates.len());
    // Each surface once, with the fields and priority of its first finding.
    let mut named: BTreeMap<&str, (PlaceFields, i32)> = BTreeMap::new();
    let mut acronyms = Vec::new();
    for candidate in candidates {
        let Some(finding) = finding(text, candidate, file) else { continue };
        if let Fields::Place(fields) = &finding.fields {
            if candidate.flag(EVERY_MENTION) {
                named.entry(finding.span.slice(text)).or_insert_with(|| (fields.clone(), candidate.rule.priority));
            }
            if let Some(acronym) = defined_acronym(text, finding.span) {
                named.entry(acronym.slice(text)).or_insert_with(|| (fields.clone(), candidate.rule.priority));
                acronyms.push(Finding { span: acronym, rule: format!("{}/{OTHER_MENTION}", file.name), fields: Fields::Place(fields.clone()), captures: vec![] });
            }
        }
        found.push(finding);
    }
    // Few texts define a place's acronym: index the places only for those.
    if !acronyms.is_empty() {
        let places = SpanIndex::new(found.iter().map(|finding| (finding.span, ())));
        let new: Vec<Finding> = acronyms.into_iter().filter(|acronym| !places.overlaps(acronym.span)).collect();
        found.extend(new);
    }
    if !named.is_empty() {
        let mentions = other_mentions(text, &named, &found, file, blocked);
        found.extend(mentions);
        found.sort_by_key(|finding| (finding.span.start, finding.span.end));
    }
    found
}

/// Every other mention of the `named` surfaces: a whole word, no part of a place found
/// or of a longer name (a capitalised word beside it that is not a `leading-word`:
/// `Bundelkhand Mutual`, but `In Kythnos`), and not where an exclusion rule of the naming
/// rule's priority or higher matched (`University of Kythnos`).
fn other_mentions(text: &str, named: &BTreeMap<&str, (PlaceFields, i32)>, found: &[Finding], file: &RuleFileRules, blocked: &[(Span, i32)]) -> Vec<Finding> {
    let blocked = SpanIndex::new(blocked.iter().copied());
    let mut covered = DisjointSpans::default();
    for finding in found {
        covered.insert(finding.span);
    }
    let surfaces: Vec<&str> = named.keys().copied().collect();
    let mut mentions = Vec::new();
    for ((surface, (fields, priority)), starts) in named.iter().zip(occurrences(text, &surfaces)) {
        for start in starts {
            let span = Span::new(start, start + surface.len());
            let vetoed = blocked.near(span).iter().any(|(block, block_priority)| block.overlaps(span) && priority <= block_priority);
            if !is_whole_word(text, span.start, span.end) || covered.overlaps(span) || vetoed || in_longer_name(text, span, file) {
                continue;
            }
            covered.insert(span);
            mentions.push(Finding { span, rule: format!("{}/{OTHER_MENTION}", file.name), fields: Fields::Place(fields.clone()), captures: vec![] });
        }
    }
    mentions
}

/// The acronym in parentheses right after the place `span` of several words, when the
/// initials of its capitalised words spell it (`National Capital Region (NCR)`,
/// `Democratic Republic of the Congo (DRC)`).
fn defined_acronym(text: &str, span: Span) -> Option<Span> {
    let name = span.slice(text);
    let inside = text[span.end..].strip_prefix(" (")?;
    let acronym = &inside[..inside.find(')')?];
    let initials: String = name.split_whitespace().filter_map(|word| word.chars().next().filter(char::is_ascii_uppercase)).collect();
    let spelled = (2..=8).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase()) && initials == acronym;
    let start = span.end + 2;
    (spelled && name.contains(' ')).then(|| Span::new(start, start + acronym.len()))
}

/// True when a capitalised word beside `span` makes it part of a longer name; a
/// `leading-word` before it (`In`, `The`) does not.
fn in_longer_name(text: &str, span: Span, file: &RuleFileRules) -> bool {
    let name_before = word_before(text, span).is_some_and(|word| is_capitalised(word) && !file.vocabulary.contains("leading-word", word));
    name_before || word_after(text, span).is_some_and(is_capitalised)
}

fn finding(text: &str, candidate: &Candidate<'_>, file: &RuleFileRules) -> Option<Finding> {
    let code_name = match candidate.capture_text("code", text) {
        Some(code) => Some(postal_code_name(file, code)?),
        None => None,
    };
    let code_is_claim = candidate.capture("code") == Some(candidate.span);
    let known = candidate.column("name").is_none().then(|| known_row(file, candidate.span.slice(text))).flatten();
    let name = candidate
        .field("name", text)
        .or_else(|| code_name.filter(|_| code_is_claim))
        .or_else(|| known.map(|row| row[1].clone()))
        .unwrap_or_else(|| candidate.span.slice(text).to_string());
    let kind = || candidate.capture_text("kind", text).and_then(|kind| file.vocabulary.lookup(PLACE_KIND, kind)).map(str::to_string);
    let place_type = known.map(|row| row[2].clone()).or_else(|| candidate.field("place_type", text)).or_else(kind).unwrap_or_else(|| "other".into());
    Some(Finding {
        span: candidate.span,
        rule: candidate.rule.id.clone(),
        fields: Fields::Place(PlaceFields { name, place_type }),
        captures: candidate.owned_captures(),
    })
}

/// The gazetteer row of a pattern rule's `surface`: its own (`Oro Valley`), or when it
/// is written in capitals, that of its title case (`ST. LOUIS` → the row of `St. Louis`).
fn known_row<'f>(file: &'f RuleFileRules, surface: &str) -> Option<&'f [String]> {
    let title = (!surface.chars().any(char::is_lowercase)).then(|| title_case(surface));
    file.row(GAZETTEER, title.as_deref().unwrap_or(surface)).filter(|row| row.len() >= 3)
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
