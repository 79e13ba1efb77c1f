//! Lines before the article → the headline.
//!
//! Input: the page's units and classes, and where the article begins. Output: the
//! index of the headline unit, when one is found: the nearest line before the article
//! that is not furniture, has a headline's number of words and does not end with a
//! full stop (a standfirst does). A headline wrapped over two lines is joined.

use crate::clean::rules::TextThresholds;
use crate::span::Span;

use super::classify::Line;

/// The headline as one line.
pub fn text(input: &str, unit: Span) -> String {
    unit.slice(input).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The headline's unit index, looked for just before `article_start`.
pub fn find(input: &str, units: &[Span], lines: &[Line], article_start: usize, thresholds: &TextThresholds) -> Option<usize> {
    let first = article_start.saturating_sub(thresholds.title_distance);
    (first..article_start).rev().find(|&index| looks_like_headline(units[index].slice(input), &lines[index], thresholds))
}

fn looks_like_headline(text: &str, line: &Line, thresholds: &TextThresholds) -> bool {
    let words = (thresholds.title_min_words..=thresholds.title_max_words).contains(&line.words);
    words && !line.furniture && !text.ends_with('.')
}
