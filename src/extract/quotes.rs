//! Quotations: pair quote marks into quoted passages.
//!
//! Input: the cleaned text. Output: [`Quotation`]s, each the span of its marks and of
//! its content. Curly marks pair by direction; a straight `"` opens after white space
//! or an opening bracket and closes otherwise. A quotation left open at the end of a
//! paragraph runs to that end (the next paragraph may open its own). Apostrophes,
//! curly or straight, are never quote marks, except that two in a row close an open
//! quotation (`“…,’’ she said`, a typewriter habit).

use crate::span::Span;

/// One quoted passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// From the opening mark to past the closing mark (or the paragraph end).
    pub outer: Span,
    /// The words inside the marks, trimmed, without a trailing comma.
    pub content: Span,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
}

/// Every quotation of `text`, in order.
pub fn find(text: &str) -> Vec<Quotation> {
    let mut quotations = Vec::new();
    let mut offset = 0;
    for paragraph in text.split("\n\n") {
        quotations.extend(in_paragraph(paragraph).into_iter().map(|q| Quotation {
            outer: q.outer.shifted(offset),
            content: q.content.shifted(offset),
            closed: q.closed,
        }));
        offset += paragraph.len() + 2;
    }
    quotations
}

fn in_paragraph(paragraph: &str) -> Vec<Quotation> {
    let mut quotations = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (index, mark) in paragraph.char_indices() {
        let opening = match mark {
            '\u{201c}' | '\u{201e}' => true,
            '\u{201d}' => false,
            '"' => is_straight_opening(paragraph, index, open.is_some()),
            '\u{2019}' | '\'' if open.is_some() && paragraph[index + mark.len_utf8()..].starts_with(mark) => false,
            _ => continue,
        };
        match (opening, open) {
            (true, _) => open = Some((index, mark)),
            (false, Some((start, _))) => {
                let closing = if mark == '"' || mark == '\u{201d}' { mark.len_utf8() } else { 2 * mark.len_utf8() };
                quotations.push(quotation(paragraph, start, index + closing, closing));
                open = None;
            }
            (false, None) => {}
        }
    }
    if let Some((start, _)) = open {
        quotations.push(quotation(paragraph, start, paragraph.len(), 0));
    }
    quotations.retain(|q| !q.content.is_empty());
    quotations
}

fn is_straight_opening(paragraph: &str, index: usize, inside: bool) -> bool {
    let before = paragraph[..index].chars().next_back();
    let after = paragraph[index + 1..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}' | '\u{2013}' | '-'));
    let space_after = after.is_none_or(char::is_whitespace);
    // Inside a quotation a straight mark closes it; outside it opens one.
    !inside && (space_before || !space_after)
}

/// The quotation from the opening mark at `start` to `end`, which includes a closing
/// mark of `closing` bytes (0 when the paragraph ended first).
fn quotation(paragraph: &str, start: usize, end: usize, closing: usize) -> Quotation {
    let closed = closing > 0;
    let mark_length = paragraph[start..].chars().next().map_or(1, char::len_utf8);
    let inner_end = end - closing;
    let mut content = Span::new(start + mark_length, inner_end.max(start + mark_length)).trimmed(paragraph);
    while content.slice(paragraph).ends_with(',') {
        content.end -= 1;
    }
    Quotation { outer: Span::new(start, end), content: content.trimmed(paragraph), closed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        find(text).iter().map(|q| q.content.slice(text)).collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(contents("\u{201c}It will start,\u{201d} she said. \"Then it won't stop.\""), vec!["It will start", "Then it won't stop."]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(contents("China\u{2019}s \u{201c}Patrol\u{201d} report"), vec!["Patrol"]);
    }

    #[test]
    fn two_apostrophes_close_a_quotation() {
        let text = "\u{201c}It was an attempt,\u{2019}\u{2019} Will Moy said. She\u{2019}s \u{201c}sure\u{201d}.";
        assert_eq!(contents(text), vec!["It was an attempt", "sure"]);
        assert_eq!(&text[find(text)[0].outer.end..], " Will Moy said. She\u{2019}s \u{201c}sure\u{201d}.");
    }

    #[test]
    fn open_quotation_runs_to_paragraph_end() {
        let text = "\u{201c}First part.\n\n\u{201c}Second part.\u{201d}";
        assert_eq!(contents(text), vec!["First part.", "Second part."]);
        assert!(!find(text)[0].closed);
    }
}
