//! Clean pasted plain text: page lines → the article's paragraphs.
//!
//! Input: a page's text as pasted (menus, widgets and teasers included). Output:
//! [`CleanText`] whose blocks are the article's paragraphs, each copied verbatim from
//! the input, with a [`SourceMap`] back to the input.

use super::rules::TextRules;
use super::{CleanText, SourceMap};

/// Clean one pasted page.
pub fn clean_text(input: &str, rules: &TextRules) -> CleanText {
    let paragraphs = crate::segment::paragraphs(input);
    let mut clean = CleanText { source_map: Some(SourceMap::default()), ..CleanText::default() };
    for paragraph in paragraphs {
        let line = paragraph.slice(input).trim();
        let lower = line.to_lowercase();
        if rules.end_markers.iter().any(|marker| lower == *marker) && !clean.blocks.is_empty() {
            break;
        }
        if !looks_like_prose(line, rules) {
            continue;
        }
        if let Some(span) = clean.push_block(paragraph.slice(input)) {
            let source_start = paragraph.trimmed(input).start;
            if let Some(map) = clean.source_map.as_mut() {
                map.pieces.push((span, source_start));
            }
        }
    }
    clean
}

fn looks_like_prose(line: &str, rules: &TextRules) -> bool {
    let lower = line.to_lowercase();
    if rules.boilerplate_lines.iter().any(|l| lower == *l) {
        return false;
    }
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with(['.', '"', '\u{201d}', '!', '?', ':', ')']);
    words >= 12 && ends_like_sentence
}
