//! The boilerplate metric: word-4-gram shingles, as in the article-extraction benchmark.
//!
//! Input: (true body, predicted body) pairs. Output: [`CleanScore`] with precision,
//! recall and F1 averaged over pages exactly as `score_clean.py` does: tokens are
//! runs of word characters; each text is a multiset of 4-token shingles (a text of
//! 1–3 tokens is one short shingle); per page TP, FP, FN are normalised by their sum.

use std::collections::HashMap;

/// Scores over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CleanScore {
    /// Mean per-page precision over pages whose prediction has shingles.
    pub precision: f64,
    /// Mean per-page recall over pages whose truth has shingles.
    pub recall: f64,
    /// Harmonic mean of the two means.
    pub f1: f64,
    /// Pages scored.
    pub pages: usize,
}

/// Per-page normalised (tp, fp, fn).
pub fn page_counts(truth: &str, prediction: &str) -> (f64, f64, f64) {
    let truth = shingles(&tokens(truth));
    let prediction = shingles(&tokens(prediction));
    let mut tp = 0usize;
    let mut fp = 0usize;
    for (shingle, &count) in &prediction {
        let shared = count.min(truth.get(shingle).copied().unwrap_or(0));
        tp += shared;
        fp += count - shared;
    }
    let total_truth: usize = truth.values().sum();
    let fn_ = total_truth - tp;
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
}

/// Score pages given as (truth, prediction) pairs.
pub fn score<'a>(pages: impl IntoIterator<Item = (&'a str, &'a str)>) -> CleanScore {
    let counts: Vec<(f64, f64, f64)> = pages.into_iter().map(|(t, p)| page_counts(t, p)).collect();
    let precisions: Vec<f64> = counts.iter().filter(|c| c.0 + c.1 > 0.0).map(|&(tp, fp, fn_)| precision(tp, fp, fn_)).collect();
    let recalls: Vec<f64> = counts.iter().filter(|c| c.0 + c.2 > 0.0).map(|&(tp, fp, fn_)| recall(tp, fp, fn_)).collect();
    let precision = mean(&precisions);
    let recall = mean(&recalls);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    CleanScore { precision, recall, f1, pages: counts.len() }
}

fn precision(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else {
        tp / (tp + fp)
    }
}

fn recall(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else {
        tp / (tp + fn_)
    }
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// Runs of word characters (letters, digits, underscore), as Python's `\w+`.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (index, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(index),
            (false, Some(s)) => {
                out.push(&text[s..index]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut map = HashMap::new();
    if tokens.is_empty() {
        return map;
    }
    if tokens.len() < 4 {
        map.insert(tokens.to_vec(), 1);
        return map;
    }
    for window in tokens.windows(4) {
        *map.entry(window.to_vec()).or_insert(0) += 1;
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_pages_score_one() {
        let s = score([("one two three four five", "one two three four five")]);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn extra_text_costs_precision_only() {
        let s = score([("a b c d", "a b c d e")]);
        assert!((s.precision - 0.5).abs() < 1e-9, "{s:?}");
        assert!((s.recall - 1.0).abs() < 1e-9, "{s:?}");
    }

    #[test]
    fn empty_prediction_costs_recall_only() {
        let s = score([("a b c d", ""), ("a b c d", "a b c d")]);
        assert_eq!(s.precision, 1.0);
        assert!((s.recall - 0.5).abs() < 1e-9);
    }
}
