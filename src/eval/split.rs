//! The sentence-splitting metrics of `score_split.py`: whole cases and treebank boundaries.
//!
//! Input: cases (`{id, name, text, sentences}` as in `shared/data/sentences/*.json`)
//! or treebank documents (`{id, text, sentences, paragraph_ends}`, code-point offsets,
//! the `treebank` format of `score_split.py`), and a splitter. Output: [`SplitScore`]:
//! a case is right only when its whole list of sentences matches, after white space is
//! collapsed and empty sentences dropped; [`TreebankScore`]: boundary precision, recall
//! and F1, where a boundary is a sentence end counted in non-white-space characters
//! (Python's `str.isspace`), the end of a document is not counted, and the whole text
//! and each paragraph alone are scored as `score_split.py` does.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::span::Span;

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

/// A treebank file: documents with gold sentence spans.
#[derive(Debug, Clone, Deserialize)]
pub struct Treebank {
    /// The documents.
    pub docs: Vec<TreebankDoc>,
}

/// One treebank document.
#[derive(Debug, Clone, Deserialize)]
pub struct TreebankDoc {
    /// Document name.
    pub id: String,
    /// The text: paragraphs separated by a blank line.
    pub text: String,
    /// Gold sentences, `[start, end)` in code points.
    pub sentences: Vec<(usize, usize)>,
    /// Code-point offsets where a paragraph separator (`"\n\n"`) starts.
    #[serde(default)]
    pub paragraph_ends: Vec<usize>,
}

/// Boundary counts over a set of documents, in one input mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BoundaryCounts {
    /// Boundaries found and in the gold.
    pub true_positives: usize,
    /// Boundaries found and not in the gold.
    pub false_positives: usize,
    /// Gold boundaries not found.
    pub false_negatives: usize,
    /// The same three counts for boundaries inside paragraphs only.
    pub intra: [usize; 3],
    /// Documents whose boundaries are all right.
    pub docs_right: usize,
    /// Documents scored.
    pub docs_total: usize,
}

impl BoundaryCounts {
    /// Precision, recall and F1 over all boundaries.
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.true_positives, self.false_positives, self.false_negatives)
    }

    /// Precision, recall and F1 over boundaries inside paragraphs.
    pub fn intra_prf(&self) -> (f64, f64, f64) {
        prf(self.intra[0], self.intra[1], self.intra[2])
    }

    fn add(&mut self, gold: &BTreeSet<usize>, found: &BTreeSet<usize>, paragraph_ends: &BTreeSet<usize>) {
        self.true_positives += gold.intersection(found).count();
        self.false_positives += found.difference(gold).count();
        self.false_negatives += gold.difference(found).count();
        let gold_inside: BTreeSet<usize> = gold.difference(paragraph_ends).copied().collect();
        let found_inside: BTreeSet<usize> = found.difference(paragraph_ends).copied().collect();
        self.intra[0] += gold_inside.intersection(&found_inside).count();
        self.intra[1] += found_inside.difference(&gold_inside).count();
        self.intra[2] += gold_inside.difference(&found_inside).count();
        self.docs_right += usize::from(gold == found);
        self.docs_total += 1;
    }
}

/// A boundary the splitter missed or added (whole-text input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundaryError {
    /// The document.
    pub doc: String,
    /// True for a missed gold boundary, false for a spurious one.
    pub missed: bool,
    /// True when the boundary is a paragraph end.
    pub paragraph_end: bool,
    /// Up to 50 characters before the boundary, white space collapsed.
    pub before: String,
    /// Up to 35 characters after it, white space collapsed.
    pub after: String,
}

/// Boundary scores on a treebank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TreebankScore {
    /// Each document split as one text.
    pub text: BoundaryCounts,
    /// Each paragraph split on its own (paragraph ends count as found).
    pub para_fed: BoundaryCounts,
    /// The errors of the whole-text input, document by document (missed, then spurious).
    pub errors: Vec<BoundaryError>,
}

/// Score `split` (text → sentence byte spans) on treebank documents.
pub fn score_treebank(docs: &[TreebankDoc], split: impl Fn(&str) -> Vec<Span>) -> TreebankScore {
    let mut score = TreebankScore::default();
    for doc in docs {
        let text = doc.text.as_str();
        let index = NonSpaceIndex::new(text);
        let ends = [0, index.total];
        let gold: BTreeSet<usize> = doc.sentences.iter().map(|&(_, end)| index.at_char(end)).filter(|b| !ends.contains(b)).collect();
        let paragraph_ends: BTreeSet<usize> = doc.paragraph_ends.iter().map(|&p| index.at_char(p)).collect();
        let found = index.boundaries(&split(text));
        let mut found_para = BTreeSet::new();
        for (start, end) in paragraph_spans(doc, text.chars().count()) {
            let (start, end) = (index.byte_of(start), index.byte_of(end));
            let paragraph = text.get(start..end).unwrap_or("");
            let local = NonSpaceIndex::new(paragraph);
            let offset = index.at_byte(start);
            found_para.extend(local.boundaries(&split(paragraph)).into_iter().map(|b| b + offset));
            found_para.insert(index.at_byte(end));
        }
        found_para.retain(|b| !ends.contains(b));
        score.text.add(&gold, &found, &paragraph_ends);
        score.para_fed.add(&gold, &found_para, &paragraph_ends);
        for (missed, set) in [(true, gold.difference(&found)), (false, found.difference(&gold))] {
            for &boundary in set {
                let at = char_after(text, boundary);
                let before: String = text.chars().skip(at.saturating_sub(50)).take(at.min(50)).collect();
                let after: String = text.chars().skip(at).take(35).collect();
                score.errors.push(BoundaryError {
                    doc: doc.id.clone(),
                    missed,
                    paragraph_end: paragraph_ends.contains(&boundary),
                    before: collapse(&before),
                    after: collapse(&after),
                });
            }
        }
    }
    score
}

/// Code-point spans of the paragraphs of a document.
fn paragraph_spans(doc: &TreebankDoc, length: usize) -> Vec<(usize, usize)> {
    let starts = std::iter::once(0).chain(doc.paragraph_ends.iter().map(|end| end + 2));
    let ends = doc.paragraph_ends.iter().copied().chain(std::iter::once(length));
    starts.zip(ends).collect()
}

/// Counts of non-white-space characters before each position of a text.
struct NonSpaceIndex {
    /// Per byte offset (and one past the end): non-space characters before it.
    by_byte: Vec<usize>,
    /// Byte offset of each code point, and the text length last.
    char_bytes: Vec<usize>,
    total: usize,
}

impl NonSpaceIndex {
    fn new(text: &str) -> NonSpaceIndex {
        let mut by_byte = vec![0; text.len() + 1];
        let mut char_bytes = Vec::with_capacity(text.len() + 1);
        let mut count = 0;
        for (at, c) in text.char_indices() {
            char_bytes.push(at);
            for slot in &mut by_byte[at..at + c.len_utf8()] {
                *slot = count;
            }
            count += usize::from(!is_python_space(c));
        }
        by_byte[text.len()] = count;
        char_bytes.push(text.len());
        NonSpaceIndex { by_byte, char_bytes, total: count }
    }

    fn byte_of(&self, char_offset: usize) -> usize {
        self.char_bytes.get(char_offset).copied().unwrap_or(self.by_byte.len() - 1)
    }

    fn at_byte(&self, byte: usize) -> usize {
        self.by_byte.get(byte).copied().unwrap_or(self.total)
    }

    fn at_char(&self, char_offset: usize) -> usize {
        self.at_byte(self.byte_of(char_offset))
    }

    /// The sentence ends of `spans` as boundaries, without 0 and the text end.
    fn boundaries(&self, spans: &[Span]) -> BTreeSet<usize> {
        spans.iter().map(|span| self.at_byte(span.end.min(self.by_byte.len() - 1))).filter(|&b| b != 0 && b != self.total).collect()
    }
}

/// The code-point offset just after the `boundary`-th non-space character (0 if none).
fn char_after(text: &str, boundary: usize) -> usize {
    let mut count = 0;
    for (index, c) in text.chars().enumerate() {
        if !is_python_space(c) {
            count += 1;
            if count == boundary {
                return index + 1;
            }
        }
    }
    0
}

/// White space as Python's `str.isspace` sees it.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn prf(true_positives: usize, false_positives: usize, false_negatives: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if a + b == 0 { 0.0 } else { a as f64 / (a + b) as f64 };
    let precision = ratio(true_positives, false_positives);
    let recall = ratio(true_positives, false_negatives);
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    (precision, recall, f1)
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

    #[test]
    fn boundaries_are_counted_in_non_space_characters() {
        // gold: "Héllo there." | "Next one" || "Para two."; found: one spurious, one missed
        let text = "Héllo there. Next one\n\nPara  two.";
        let doc = TreebankDoc { id: "d".into(), text: text.into(), sentences: vec![(0, 12), (13, 21), (23, 33)], paragraph_ends: vec![21] };
        let split = |t: &str| -> Vec<Span> {
            if t == text {
                vec![Span::new(0, 6), Span::new(7, 22), Span::new(24, t.len())]
            } else {
                vec![Span::new(0, t.len())]
            }
        };
        let score = score_treebank(&[doc], split);
        assert_eq!((score.text.true_positives, score.text.false_positives, score.text.false_negatives), (1, 1, 1));
        assert_eq!(score.text.intra, [0, 1, 1]);
        assert_eq!((score.para_fed.true_positives, score.para_fed.false_positives, score.para_fed.false_negatives), (1, 0, 1));
        let missed = &score.errors[0];
        assert!(missed.missed && !missed.paragraph_end);
        assert_eq!((missed.before.as_str(), missed.after.as_str()), ("Héllo there.", "Next one Para two."));
        assert_eq!(score.errors[1].after, "there. Next one Para two.");
    }
}
