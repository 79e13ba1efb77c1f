//! The sentence-splitting metric of `score_split.py` for the golden and probe sets.
//!
//! Input: cases (`{id, name, text, sentences}` as in `shared/data/sentences/*.json`)
//! and a splitter. Output: [`SplitScore`]: a case is right only when its whole list of
//! sentences matches, after white space is collapsed and empty sentences dropped.

use serde::Deserialize;

/// One test case.
#[derive(Debug, Clone, Deserialize)]
pub struct SplitCase {
    /// Case number.
    pub id: u64,
    /// Case name or error category.
    #[serde(default)]
    pub name: String,
    /// The input text.
    pub text: String,
    /// The expected sentences.
    pub sentences: Vec<String>,
}

/// A case the splitter got wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitFailure {
    /// Case number.
    pub id: u64,
    /// Case name.
    pub name: String,
    /// Expected sentences, white space collapsed.
    pub expected: Vec<String>,
    /// Sentences found, white space collapsed.
    pub found: Vec<String>,
}

/// Score over a set of cases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitScore {
    /// Cases whose sentence list matched.
    pub right: usize,
    /// Cases scored.
    pub total: usize,
    /// The cases that did not match, in order.
    pub failures: Vec<SplitFailure>,
}

/// Score `split` (text → sentence strings) on `cases`.
pub fn score<S: AsRef<str>>(cases: &[SplitCase], split: impl Fn(&str) -> Vec<S>) -> SplitScore {
    let mut score = SplitScore { total: cases.len(), ..SplitScore::default() };
    for case in cases {
        let found = normalised(&split(&case.text));
        let expected = normalised(&case.sentences);
        if found == expected {
            score.right += 1;
        } else {
            score.failures.push(SplitFailure { id: case.id, name: case.name.clone(), expected, found });
        }
    }
    score
}

/// Sentences with white space collapsed, empty ones dropped (as `norm_ws` in Python).
fn normalised<S: AsRef<str>>(sentences: &[S]) -> Vec<String> {
    sentences
        .iter()
        .map(|sentence| sentence.as_ref().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|sentence| !sentence.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_lists_match_after_collapsing_space() {
        let cases = vec![
            SplitCase { id: 1, name: "a".into(), text: "A b.  C d.".into(), sentences: vec!["A b.".into(), "C  d.".into()] },
            SplitCase { id: 2, name: "b".into(), text: "E. F".into(), sentences: vec!["E. F".into()] },
        ];
        let score = score(&cases, |text| text.split_inclusive(". ").map(str::to_string).collect::<Vec<_>>());
        assert_eq!((score.right, score.total), (1, 2));
        assert_eq!(score.failures[0].id, 2);
    }
}
