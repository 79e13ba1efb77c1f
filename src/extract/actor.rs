//! Actors: candidates of `actors.toml` → actor findings, plus later mentions.
//!
//! Input: settled candidates with the capture `name` (else the claim text is the
//! name), optional `role`, and `actor_type` from a list column, a capture or the
//! rule's `set`. Output: actor findings; then every later whole-word mention of a
//! found name, and of a person's surname alone, becomes a finding of its own
//! (rules `actors/repeated-name` and `actors/surname`), linked to the full name.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::matching::{is_whole_word, Candidate};
use super::Finding;
use crate::claim::{ActorFields, Fields};
use crate::ruleset::RuleFileRules;
use crate::span::{DisjointSpans, Span};

/// Build actor findings, then add later mentions of the names found.
pub fn findings(text: &str, candidates: &[Candidate<'_>], file: &RuleFileRules) -> Vec<Finding> {
    let mut found: Vec<Finding> = candidates.iter().filter_map(|candidate| finding(text, candidate)).collect();
    let mentions = later_mentions(text, &found, file);
    found.extend(mentions);
    found.sort_by_key(|f| (f.span.start, f.span.end));
    found
}

fn finding(text: &str, candidate: &Candidate<'_>) -> Option<Finding> {
    let name = strip_possessive(&candidate.field("name", text).unwrap_or_else(|| candidate.span.slice(text).to_string())).to_string();
    if name.is_empty() {
        return None;
    }
    let actor_type = candidate.field("actor_type", text).unwrap_or_else(|| "organization".into());
    let role = candidate.capture_text("role", text).map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
    Some(Finding {
        span: candidate.span,
        rule: candidate.rule.id.clone(),
        fields: Fields::Actor(ActorFields { name, actor_type, role }),
        captures: candidate.owned_captures(),
    })
}

/// Drop sentence starters ("The", "However") and a leading possessive ("China’s")
/// from the front of the `name` capture, shrinking the claim with it; refuse a name
/// left empty or made only of an organisation keyword.
pub fn refine<'r>(text: &str, mut candidate: Candidate<'r>, file: &RuleFileRules) -> Option<Candidate<'r>> {
    let Some(index) = candidate.captures.iter().position(|(name, _)| *name == "name") else { return Some(candidate) };
    let name = candidate.captures[index].1;
    let start = name_start(text, name, file);
    if start >= name.end {
        return None;
    }
    let kept = Span::new(start, name.end);
    let keyword_only = file.in_list("organization-keywords", kept.slice(text));
    if keyword_only {
        return None;
    }
    candidate.captures[index].1 = kept;
    if candidate.span.start == name.start {
        candidate.span.start = start;
    }
    Some(candidate)
}

/// Where a name really starts: after leading sentence starters and possessives.
fn name_start(text: &str, name: Span, file: &RuleFileRules) -> usize {
    let is_starter = |word: &str| file.in_list("sentence-starters", word);
    let slice = name.slice(text);
    let mut start = name.start;
    for word in slice.split_whitespace() {
        let offset = word.as_ptr() as usize - slice.as_ptr() as usize;
        let possessive = word.ends_with("'s") || word.ends_with("\u{2019}s");
        if is_starter(word) || possessive {
            start = name.start + offset + word.len();
            continue;
        }
        break;
    }
    Span::new(start, name.end).trimmed(text).start.max(start)
}

/// `China’s` → `China`.
pub fn strip_possessive(name: &str) -> &str {
    let name = name.trim();
    name.strip_suffix("'s").or_else(|| name.strip_suffix("\u{2019}s")).unwrap_or(name).trim_end_matches(['\'', '\u{2019}'])
}

/// Whole-word mentions of found names (and persons' surnames) not yet covered, after
/// the first finding of the name. Longer forms are taken first; all their
/// occurrences are found in one pass over the text.
fn later_mentions(text: &str, found: &[Finding], file: &RuleFileRules) -> Vec<Finding> {
    let forms = mention_forms(found, file);
    let surfaces: Vec<&str> = forms.iter().map(|(surface, ..)| surface.as_str()).collect();
    let first_seen = first_seen(found);
    let mut covered = DisjointSpans::default();
    for finding in found {
        covered.insert(finding.span);
    }
    let mut mentions: Vec<Finding> = Vec::new();
    for ((surface, full, actor_type, rule), starts) in forms.iter().zip(occurrences(text, &surfaces)) {
        let first_seen = first_seen.get(full.as_str()).copied().unwrap_or(0);
        for start in starts {
            let span = Span::new(start, start + surface.len());
            if start < first_seen || !is_whole_word(text, span.start, span.end) || covered.overlaps(span) {
                continue;
            }
            covered.insert(span);
            let fields = Fields::Actor(ActorFields { name: full.clone(), actor_type: actor_type.clone(), role: None });
            mentions.push(Finding { span, rule: format!("{}/{rule}", file.name), fields, captures: vec![] });
        }
    }
    mentions
}

/// Where each name is first found.
fn first_seen(found: &[Finding]) -> HashMap<&str, usize> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for finding in found {
        if let Some(name) = name_of(finding) {
            let start = first.entry(name).or_insert(finding.span.start);
            *start = (*start).min(finding.span.start);
        }
    }
    first
}

/// For each surface, the starts of its occurrences in `text` as `str::match_indices`
/// gives them (left to right, none overlapping the one before), all in one pass.
fn occurrences(text: &str, surfaces: &[&str]) -> Vec<Vec<usize>> {
    // A per-document automaton: the kind that builds fastest.
    let built = AhoCorasick::builder().kind(Some(AhoCorasickKind::NoncontiguousNFA)).build(surfaces);
    let Ok(automaton) = built else {
        return surfaces.iter().map(|surface| text.match_indices(surface).map(|(start, _)| start).collect()).collect();
    };
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); surfaces.len()];
    for found in automaton.find_overlapping_iter(text) {
        let index = found.pattern().as_usize();
        let length = surfaces[index].len();
        if starts[index].last().is_none_or(|last| found.start() >= last + length) {
            starts[index].push(found.start());
        }
    }
    starts
}

fn name_of(finding: &Finding) -> Option<&str> {
    match &finding.fields {
        Fields::Actor(actor) => Some(actor.name.as_str()),
        _ => None,
    }
}

/// (surface to look for, full name, actor type, rule id) for every found name.
fn mention_forms(found: &[Finding], file: &RuleFileRules) -> Vec<(String, String, String, &'static str)> {
    let mut forms = Vec::new();
    for finding in found {
        let Fields::Actor(actor) = &finding.fields else { continue };
        forms.push((actor.name.clone(), actor.name.clone(), actor.actor_type.clone(), "repeated-name"));
        let words: Vec<&str> = actor.name.split_whitespace().collect();
        if actor.actor_type == "person" && words.len() >= 2 {
            let surname = words[words.len() - 1];
            let is_suffix = file.vocabulary.contains("name-suffix", surname);
            let surname = if is_suffix && words.len() >= 3 { words[words.len() - 2] } else { surname };
            if surname.chars().count() > 1 && !file.vocabulary.contains("not-a-surname", surname) {
                forms.push((surname.to_string(), actor.name.clone(), "person".into(), "surname"));
            }
        }
    }
    forms.sort();
    forms.dedup_by(|a, b| a.0 == b.0);
    // Longer surfaces first, so a full name is taken before its surname.
    forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    forms
}
