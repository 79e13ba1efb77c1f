//! Pasted text → units: trimmed byte spans of its lines, hard-wrapped paragraphs whole.
//!
//! Input: the pasted page. Output: spans into the input, in order, one per non-blank
//! line, except that a paragraph whose lines were wrapped at a fixed width (prose
//! broken mid-sentence) is one unit, inner newlines included.

use crate::clean::rules::TextThresholds;
use crate::span::Span;

/// The units of `input`.
pub fn units(input: &str, thresholds: &TextThresholds) -> Vec<Span> {
    let mut units = Vec::new();
    for lines in paragraphs(input) {
        match (lines.first(), lines.last()) {
            (Some(first), Some(last)) if is_hard_wrapped(&lines, input, thresholds) => units.push(Span::new(first.start, last.end)),
            _ => units.extend(lines),
        }
    }
    units
}

/// Runs of non-blank lines, each line a trimmed span.
fn paragraphs(input: &str) -> Vec<Vec<Span>> {
    let mut paragraphs = Vec::new();
    let mut current = Vec::new();
    let mut offset = 0;
    for line in input.split_inclusive('\n') {
        let span = Span::new(offset, offset + line.len()).trimmed(input);
        offset += line.len();
        if !span.is_empty() {
            current.push(span);
        } else if !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Whether a paragraph's lines are one text wrapped at a fixed width: every line but
/// the last within the wrap widths, and enough breaks falling before a lower-case word.
fn is_hard_wrapped(lines: &[Span], input: &str, thresholds: &TextThresholds) -> bool {
    let Some((_, wrapped)) = lines.split_last() else { return false };
    if wrapped.is_empty() {
        return false;
    }
    let widths = thresholds.wrap_min..=thresholds.wrap_max;
    if !wrapped.iter().all(|line| widths.contains(&line.slice(input).chars().count())) {
        return false;
    }
    let continued = lines[1..].iter().filter(|line| continues_a_sentence(line.slice(input))).count();
    continued as f64 >= thresholds.wrap_lowercase_share * wrapped.len() as f64
}

fn continues_a_sentence(line: &str) -> bool {
    line.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}
