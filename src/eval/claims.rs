//! The claims metric of `shared/eval/score_claims.py`, reimplemented.
//!
//! Input: predicted claims (as `claimex/1` JSON values) and a gold annotation object
//! (`counts`, `places`, `actors`, `attributions`) per document. Output: per kind the
//! true positives, predictions and gold items (and the extra unit / qualifier / type /
//! direct agreement), matched greedily one to one exactly as the reference does.

use std::collections::HashSet;

use serde_json::Value;

/// The four kinds, in report order, with their gold keys.
pub const KINDS: [(&str, &str); 4] = [("count", "counts"), ("place", "places"), ("actor", "actors"), ("attribution", "attributions")];

/// Totals of one kind: tp, predicted, gold, and the extra agreement count.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KindScore {
    /// Matched pairs.
    pub tp: usize,
    /// Predicted claims.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
    /// count: unit agreement; actor: type; attribution: direct.
    pub extra: usize,
    /// count only: qualifier agreement.
    pub qualifier: usize,
}

impl KindScore {
    /// Add another document's totals.
    pub fn add(&mut self, other: KindScore) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
        self.extra += other.extra;
        self.qualifier += other.qualifier;
    }

    /// Precision, recall and F1 as the reference computes them.
    pub fn prf(&self) -> (f64, f64, f64) {
        let (tp, predicted, gold) = (self.tp as f64, self.predicted as f64, self.gold as f64);
        let precision = if self.predicted > 0 { tp / predicted } else if self.gold == 0 { 1.0 } else { 0.0 };
        let recall = if self.gold > 0 { tp / gold } else { 1.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        (precision, recall, f1)
    }
}

const STOP: [&str; 6] = ["the", "a", "an", "of", "s", "'s"];

/// Lower-case word tokens (`[\w%$€£]+`) without stop words.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, '_' | '%' | '$' | '€' | '£') {
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.retain(|t| !STOP.contains(&t.as_str()));
    out
}

fn token_set(text: &str) -> HashSet<String> {
    tokens(text).into_iter().collect()
}

/// A name for comparison: lower case, no possessive, no leading "the", no punctuation.
pub fn normal_name(text: &str) -> String {
    let mut name = text.trim().to_lowercase().replace('\u{2019}', "'");
    if let Some(stripped) = name.strip_suffix("'s") {
        name = stripped.to_string();
    }
    if let Some(stripped) = name.strip_prefix("the ") {
        name = stripped.to_string();
    }
    name.chars().filter(|c| c.is_alphanumeric() || *c == '_' || *c == ' ').collect::<String>().trim().to_string()
}

/// True when the tokens of one name are all among the other's.
pub fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (token_set(a), token_set(b));
    !a.is_empty() && !b.is_empty() && (a.is_subset(&b) || b.is_subset(&a))
}

/// Share of gold tokens found in the prediction, and of predicted tokens found in gold.
pub fn overlap(predicted: &str, gold: &str) -> (f64, f64) {
    let (p, g) = (token_set(predicted), token_set(gold));
    if p.is_empty() || g.is_empty() {
        return (0.0, 0.0);
    }
    let shared = p.intersection(&g).count() as f64;
    (shared / g.len() as f64, shared / p.len() as f64)
}

fn string<'v>(value: &'v Value, key: &str) -> &'v str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The text of a nested part: its `resolved` name, else its `text`.
fn part_text(value: &Value) -> &str {
    match value {
        Value::Object(_) => [string(value, "resolved"), string(value, "text"), string(value, "name")].into_iter().find(|s| !s.is_empty()).unwrap_or(""),
        Value::String(s) => s,
        _ => "",
    }
}

fn values_equal(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9_f64.max(0.005 * b.abs()),
        _ => false,
    }
}

/// Greedy one-to-one matching: for each gold item, the best unused matching prediction.
fn greedy<'p>(predicted: &[&'p Value], gold: &[Value], matches: impl Fn(&Value, &Value) -> bool, score: impl Fn(&Value, &Value) -> f64) -> Vec<(&'p Value, usize)> {
    let mut used = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (gold_index, item) in gold.iter().enumerate() {
        let mut best: Option<(usize, f64)> = None;
        for (index, claim) in predicted.iter().enumerate() {
            if used[index] || !matches(claim, item) {
                continue;
            }
            let value = score(claim, item);
            if best.is_none_or(|(_, best_value)| value > best_value) {
                best = Some((index, value));
            }
        }
        if let Some((index, _)) = best {
            used[index] = true;
            pairs.push((predicted[index], gold_index));
        }
    }
    pairs
}

/// Score one document: the predicted claims against its gold annotation.
pub fn score_document(claims: &[Value], gold: &Value) -> [KindScore; 4] {
    let of_kind = |kind: &str| claims.iter().filter(|c| string(c, "kind") == kind).collect::<Vec<_>>();
    let gold_of = |key: &str| gold.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
    [score_counts(&of_kind("count"), &gold_of("counts")), score_places(&of_kind("place"), &gold_of("places")), score_actors(&of_kind("actor"), &gold_of("actors")), score_attributions(&of_kind("attribution"), &gold_of("attributions"))]
}

fn score_counts(predicted: &[&Value], gold: &[Value]) -> KindScore {
    let pairs = greedy(
        predicted,
        gold,
        |p, g| values_equal(&p["value"], &g["value"]),
        |p, g| overlap(&format!("{} {}", string(p, "unit"), string(p, "text")), string(g, "unit")).0,
    );
    let unit = pairs.iter().filter(|(p, g)| !token_set(string(&gold[*g], "unit")).is_disjoint(&token_set(string(p, "unit")))).count();
    let qualifier = pairs
        .iter()
        .filter(|(p, g)| {
            let predicted = Some(string(p, "qualifier")).filter(|q| !q.is_empty()).unwrap_or("exact");
            predicted == string(&gold[*g], "qualifier")
        })
        .count();
    KindScore { tp: pairs.len(), predicted: predicted.len(), gold: gold.len(), extra: unit, qualifier }
}

fn score_places(predicted: &[&Value], gold: &[Value]) -> KindScore {
    let matches = |p: &Value, g: &Value| {
        let wanted = [normal_name(string(g, "name")), normal_name(string(g, "surface"))];
        let name = Some(string(p, "name")).filter(|n| !n.is_empty()).unwrap_or(string(p, "text"));
        wanted.contains(&normal_name(name)) || wanted.contains(&normal_name(string(p, "text")))
    };
    let pairs = greedy(predicted, gold, matches, |_, _| 0.0);
    KindScore { tp: pairs.len(), predicted: predicted.len(), gold: gold.len(), ..KindScore::default() }
}

fn score_actors(predicted: &[&Value], gold: &[Value]) -> KindScore {
    let matches = |p: &Value, g: &Value| {
        let gold_name = Some(string(g, "name")).filter(|n| !n.is_empty()).unwrap_or(string(g, "surface"));
        let name = Some(string(p, "name")).filter(|n| !n.is_empty()).unwrap_or(string(p, "text"));
        names_match(name, gold_name) || names_match(string(p, "text"), string(g, "surface"))
    };
    let pairs = greedy(predicted, gold, matches, |_, _| 0.0);
    let typed = pairs.iter().filter(|(p, g)| string(p, "actor_type") == string(&gold[*g], "actor_type")).count();
    KindScore { tp: pairs.len(), predicted: predicted.len(), gold: gold.len(), extra: typed, qualifier: 0 }
}

fn score_attributions(predicted: &[&Value], gold: &[Value]) -> KindScore {
    let matches = |p: &Value, g: &Value| {
        let source = &p["source"];
        let sources = [part_text(source), string(source, "text")];
        let gold_sources = [string(g, "source"), string(g, "source_resolved")];
        let named = sources.iter().any(|a| gold_sources.iter().filter(|b| !b.is_empty()).any(|b| names_match(a, b)));
        let (recall, precision) = overlap(part_text(&p["content"]), string(g, "content"));
        named && recall >= 0.5 && precision >= 0.3
    };
    let score = |p: &Value, g: &Value| {
        let (a, b) = overlap(part_text(&p["content"]), string(g, "content"));
        a + b
    };
    let pairs = greedy(predicted, gold, matches, score);
    let direct = pairs.iter().filter(|(p, g)| p["direct"].as_bool().unwrap_or(false) == gold[*g]["direct"].as_bool().unwrap_or(false)).count();
    KindScore { tp: pairs.len(), predicted: predicted.len(), gold: gold.len(), extra: direct, qualifier: 0 }
}

/// Claims of a `claimex/1` document whose span does not slice its text.
pub fn bad_spans(document: &Value) -> usize {
    let text = string(document, "text").as_bytes();
    document["claims"]
        .as_array()
        .map(|claims| {
            claims
                .iter()
                .filter(|claim| {
                    let start = claim["span"]["start"].as_u64().unwrap_or(u64::MAX) as usize;
                    let end = claim["span"]["end"].as_u64().unwrap_or(0) as usize;
                    text.get(start..end).and_then(|s| std::str::from_utf8(s).ok()) != Some(string(claim, "text"))
                })
                .count()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_overlap_follow_the_reference() {
        assert!(names_match("Wray", "Christopher Wray"));
        assert!(!names_match("Wray", "Laura Harth"));
        assert_eq!(normal_name("The China\u{2019}s"), "china");
        assert_eq!(overlap("x y z", "y z w"), (2.0 / 3.0, 2.0 / 3.0));
        assert_eq!(overlap("the x y", "x y w"), (2.0 / 3.0, 1.0));
    }

    #[test]
    fn counts_match_on_value_within_half_a_percent() {
        let claims = vec![serde_json::json!({"kind": "count", "text": "about 100 people", "value": 100.4, "unit": "people", "qualifier": "approx"})];
        let gold = serde_json::json!({"counts": [{"value": 100, "unit": "people", "qualifier": "approx"}]});
        let score = score_document(&claims, &gold)[0];
        assert_eq!((score.tp, score.extra, score.qualifier), (1, 1, 1));
    }
}
