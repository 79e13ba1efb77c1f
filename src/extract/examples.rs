//! Rule examples: run every claim rule's examples and counter-examples.
//!
//! Input: a compiled [`RuleSet`]. Output: a description of each failing example
//! (empty when all pass). An example is extracted as a document of its own, with all
//! rules; it passes when a claim of the rule under test has the expected fields. A
//! counter-example passes when that rule finds nothing. Exclusion rules are checked
//! by what their pattern blocks.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::claim::Claim;
use crate::clean::CleanText;
use crate::extract::{self, matching, Options};
use crate::ruleset::pattern::Window;
use crate::ruleset::{CompiledRule, RuleSet};
use crate::segment;

/// A description of every failing example (empty when all pass).
pub fn failures(rules: &RuleSet) -> Vec<String> {
    let mut failures = Vec::new();
    for rule in rules.claims.rules() {
        if rule.examples.is_empty() || rule.counter_examples.is_empty() {
            failures.push(format!("{} (line {}): needs at least one example and one counter-example", rule.id, rule.line));
        }
        for example in &rule.examples {
            if let Some(problem) = check_example(rules, rule, &example.text, &example.claims, &example.blocks) {
                failures.push(format!("{} (line {}): example {:?}\n  {problem}", rule.id, example.line, example.text));
            }
        }
        for (line, text) in &rule.counter_examples {
            if let Some(problem) = check_counter_example(rules, rule, text) {
                failures.push(format!("{} (line {line}): counter-example {text:?}\n  {problem}", rule.id));
            }
        }
    }
    failures
}

fn claims_of(rules: &RuleSet, text: &str) -> Vec<Claim> {
    let clean = CleanText::from_blocks(&[text], None);
    let sentences = segment::split(&clean, &rules.segment);
    extract::extract(&clean.text, &sentences, &rules.claims, Options::default())
}

fn blocked_texts(rule: &CompiledRule, text: &str) -> Vec<String> {
    matching::find(rule, Window::new(text), 0).iter().map(|c| c.span.slice(text).to_string()).collect()
}

fn check_example(rules: &RuleSet, rule: &CompiledRule, text: &str, expected: &[BTreeMap<String, Value>], blocks: &[String]) -> Option<String> {
    if rule.exclude {
        let found = blocked_texts(rule, text);
        let missing: Vec<&String> = blocks.iter().filter(|b| !found.contains(b)).collect();
        return (!missing.is_empty() || blocks.is_empty()).then(|| format!("expected to block {blocks:?}, blocked {found:?}"));
    }
    let claims: Vec<Value> = claims_of(rules, text)
        .iter()
        .filter(|c| c.rule == rule.id)
        .filter_map(|c| serde_json::to_value(c).ok())
        .collect();
    if expected.is_empty() {
        return Some("an example must list the claims it expects (`claims = [...]`)".into());
    }
    for want in expected {
        if !claims.iter().any(|got| fields_match(want, got)) {
            let got: Vec<String> = claims.iter().map(|c| brief(c, want)).collect();
            return Some(format!("expected {}\n  got      {}", render(want), if got.is_empty() { "no claim from this rule".into() } else { got.join("\n           ") }));
        }
    }
    None
}

fn check_counter_example(rules: &RuleSet, rule: &CompiledRule, text: &str) -> Option<String> {
    if rule.exclude {
        let found = blocked_texts(rule, text);
        return (!found.is_empty()).then(|| format!("expected no match, blocked {found:?}"));
    }
    let claims: Vec<String> = claims_of(rules, text).iter().filter(|c| c.rule == rule.id).map(|c| format!("{:?}", c.text)).collect();
    (!claims.is_empty()).then(|| format!("expected no claim from this rule, got {}", claims.join(", ")))
}

/// True when every field of `want` equals the same field of `got` (nested fields by name).
fn fields_match(want: &BTreeMap<String, Value>, got: &Value) -> bool {
    want.iter().all(|(name, value)| field(got, name).is_some_and(|g| values_equal(value, g)))
}

fn field<'v>(claim: &'v Value, name: &str) -> Option<&'v Value> {
    match name {
        "source" | "cue" | "content" => claim.get(name).and_then(|v| v.get("text")),
        "resolved" => claim.get("source").and_then(|v| v.get("resolved")),
        _ => claim.get(name),
    }
}

fn values_equal(want: &Value, got: &Value) -> bool {
    match (want.as_f64(), got.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(1.0),
        _ => want == got,
    }
}

fn render(want: &BTreeMap<String, Value>) -> String {
    want.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ")
}

/// The fields of `got` named in `want`, for a readable difference.
fn brief(got: &Value, want: &BTreeMap<String, Value>) -> String {
    want.keys().map(|k| format!("{k}={}", field(got, k).map_or("(absent)".into(), Value::to_string))).collect::<Vec<_>>().join(" ")
}
