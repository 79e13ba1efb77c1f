//! Every rule's examples and counter-examples pass, and every rule has both.

mod common;

#[test]
fn rule_examples_pass() {
    let rules = common::rules();
    let failures = claimex::extract::examples::failures(&rules);
    assert!(failures.is_empty(), "{} failing rule examples:\n{}", failures.len(), failures.join("\n\n"));
    let examples: usize = rules.claims.rules().map(|r| r.examples.len() + r.counter_examples.len()).sum();
    assert!(examples >= 2 * rules.claims.rules().count());
}
