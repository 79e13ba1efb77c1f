//! The `[[example]]` tables of `segment.toml`, run against the segmenter.
//!
//! Input: [`SegmentRules`] with their examples. Output: one message per example whose
//! sentences differ from the expected ones (white space collapsed), empty when all pass.

use super::{split_text, SegmentRules};

/// A description of every failing example (empty when all pass).
pub fn example_failures(rules: &SegmentRules) -> Vec<String> {
    rules
        .examples()
        .iter()
        .filter_map(|example| {
            let got: Vec<String> = split_text(&example.text, rules).iter().map(|span| collapse(span.slice(&example.text))).collect();
            let want: Vec<String> = example.sentences.iter().map(|s| collapse(s)).collect();
            (got != want).then(|| format!("segment.toml (line {}): example {:?}\n  want {want:?}\n  got  {got:?}", example.line, example.text))
        })
        .collect()
}

/// The text with runs of white space collapsed to one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
