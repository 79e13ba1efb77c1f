//! Clean pasted plain text: page lines → the article's paragraphs and headline.
//!
//! Input: a page's text as pasted (menus, weather, dates, teasers, comment prompts,
//! footers, all as lines). Output: [`CleanText`] whose blocks are the article's
//! paragraphs, each copied verbatim from the input (inner newlines of a hard-wrapped
//! paragraph kept), with a [`SourceMap`] back to the input, and the headline apart.
//!
//! Steps: [`units`] splits the page into lines (hard-wrapped paragraphs whole);
//! [`classify`] judges each by itself (length, function words, button words, patterns,
//! repetition); [`context`] lets neighbours decide doubtful lines and finds the main
//! contiguous article region; [`title`] picks the headline before it. Linear in the
//! input.

mod classify;
mod context;
mod title;
mod units;

use super::rules::TextRules;
use super::{CleanText, SourceMap};
use crate::span::Span;

/// Clean one pasted page.
pub fn clean_text(input: &str, rules: &TextRules) -> CleanText {
    let units = units::units(input, &rules.thresholds);
    let lines = classify::classify(input, &units, rules);
    let good = context::smooth(&lines, rules.thresholds.entry_min_run);
    let thresholds = &rules.thresholds;
    let costs = context::RegionCosts { bad_line: thresholds.bad_line_cost, wall: thresholds.end_marker_cost, start_bonus: thresholds.start_bonus };
    let end = context::before_comments(&lines, &good, thresholds.comments_min_prose);
    let (lines, good) = (&lines[..end], &good[..end]);
    let start = context::article_start(lines, good, thresholds.start_distance);
    let region = context::main_region(lines, good, start, costs);
    let region = context::trim_islands(lines, good, region, start, thresholds.island_gap, thresholds.island_chars);
    let title = title::find(input, &units, lines, region.start, &rules.thresholds);
    let mut clean = CleanText {
        title: title.map(|index| title::text(input, units[index])),
        source_map: Some(SourceMap::default()),
        ..CleanText::default()
    };
    for index in region.filter(|&index| good[index] && Some(index) != title) {
        push_verbatim(&mut clean, input, units[index], rules);
    }
    if clean.blocks.is_empty() {
        keep_all_but_furniture(&mut clean, input, &units, lines, rules);
    }
    clean
}

/// A text with no article region (a pasted sentence or two, a list of short lines)
/// is all article: keep every line that is not furniture, the headline included
/// (`lines` ends before the readers' comments, if the page has them).
fn keep_all_but_furniture(clean: &mut CleanText, input: &str, units: &[Span], lines: &[classify::Line], rules: &TextRules) {
    clean.title = None;
    for (unit, line) in units.iter().zip(lines) {
        if !line.furniture {
            push_verbatim(clean, input, *unit, rules);
        }
    }
}

/// Append the unit (without its list marker) as a block, recording where it came from.
fn push_verbatim(clean: &mut CleanText, input: &str, unit: Span, rules: &TextRules) {
    let text = classify::strip_marker(unit.slice(input), rules);
    let start = unit.end - text.len();
    if let Some(span) = clean.push_block(text) {
        if let Some(map) = clean.source_map.as_mut() {
            map.pieces.push((span, start));
        }
    }
}
