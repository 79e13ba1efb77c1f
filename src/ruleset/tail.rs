//! A pattern's tail that runs to the end of the window.
//!
//! Input: a pattern's syntax tree. Output: when the pattern ends in a group of at
//! least `n` characters taken lazily, an optional closing mark and the end of the
//! text (`(?P<content>.{12,}?)[.!?]?$`, how attribution rules take what was said),
//! the pattern without that tail, its group left empty where the group's text starts
//! (the head), and the [`Tail`] that finishes a match of the head.
//!
//! Why: once the group's start is known its text is fixed, yet the regex engines
//! find it by walking to the end of the window (for a rule tried from every start,
//! once per start) and place captures over all of it. Matches of the head are short.
//!
//! Why it is exact: the tail matches the text from a position `p` to the end exactly
//! when that text holds no line break and at least `n` characters. When no line break
//! follows the search start, the positions allowed are those up to the `n`-th
//! character from the end (the limit), so the pattern's leftmost-first match is the
//! head's leftmost-first match in the text up to the limit (assertions still see the
//! text beyond it), with the group run on to the end. A window with a line break after
//! the search start is searched with the whole pattern.

use regex_automata::util::captures::Captures;
use regex_automata::util::primitives::NonMaxUsize;
use regex_syntax::hir::{self, Class, ClassUnicode, Dot, Hir, HirKind, Look};

/// The tail of a pattern: its group, the fewest characters the group holds, and the
/// closing characters the pattern may end with outside the group.
#[derive(Debug)]
pub struct Tail {
    group: usize,
    minimum: usize,
    closing: ClassUnicode,
}

impl Tail {
    /// The head and tail of `hir`, when it ends in such a tail.
    pub fn split(hir: &Hir) -> Option<(Hir, Tail)> {
        let HirKind::Concat(parts) = hir.kind() else { return None };
        let [before @ .., group, closing, end] = parts.as_slice() else { return None };
        if *end.kind() != HirKind::Look(Look::End) {
            return None;
        }
        let closing = optional_class(closing)?;
        let HirKind::Capture(capture) = group.kind() else { return None };
        let minimum = lazy_line_run(&capture.sub)?;
        let empty = Hir::capture(hir::Capture { index: capture.index, name: capture.name.clone(), sub: Box::new(Hir::empty()) });
        let head = Hir::concat(before.iter().cloned().chain(std::iter::once(empty)).collect());
        Some((head, Tail { group: capture.index as usize, minimum, closing }))
    }

    /// Where a match of the head may end at the latest, searching `text` from `start`:
    /// before the last `minimum` characters; none when fewer follow `start`.
    pub fn limit(&self, text: &str, start: usize) -> Option<usize> {
        text[start..].char_indices().rev().nth(self.minimum - 1).map(|(at, _)| start + at)
    }

    /// Turn a match of the head in `text` into the pattern's: the match and the group
    /// run to the end, the group without a closing character the pattern ends with
    /// when it keeps its fewest characters without it (the group is lazy).
    pub fn finish(&self, text: &str, captures: &mut Captures) {
        let Some(found) = captures.get_match() else { return };
        let end = text.len();
        let group_end = match text.chars().next_back() {
            Some(last) if self.closes(last) && self.holds_minimum(&text[found.end()..end - last.len_utf8()]) => end - last.len_utf8(),
            _ => end,
        };
        let slots = captures.slots_mut();
        slots[1] = NonMaxUsize::new(end);
        if let Some(slot) = slots.get_mut(2 * self.group + 1) {
            *slot = NonMaxUsize::new(group_end);
        }
    }

    fn closes(&self, character: char) -> bool {
        self.closing.ranges().iter().any(|range| range.start() <= character && character <= range.end())
    }

    fn holds_minimum(&self, text: &str) -> bool {
        text.chars().nth(self.minimum - 1).is_some()
    }
}

/// The class of `[...]?`, greedy.
fn optional_class(hir: &Hir) -> Option<ClassUnicode> {
    let HirKind::Repetition(repetition) = hir.kind() else { return None };
    let HirKind::Class(Class::Unicode(class)) = repetition.sub.kind() else { return None };
    (repetition.min == 0 && repetition.max == Some(1) && repetition.greedy).then(|| class.clone())
}

/// The fewest characters of `.{n,}?` (n at least one, any character but a line break).
fn lazy_line_run(hir: &Hir) -> Option<usize> {
    let HirKind::Repetition(repetition) = hir.kind() else { return None };
    let any = *repetition.sub == Hir::dot(Dot::AnyCharExceptLF);
    (any && !repetition.greedy && repetition.max.is_none() && repetition.min >= 1).then_some(repetition.min as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(pattern: &str) -> Option<(Hir, Tail)> {
        Tail::split(&regex_syntax::parse(pattern).expect("parses"))
    }

    #[test]
    fn only_a_lazy_group_to_the_end_is_a_tail() {
        assert!(split(r"(?P<source>\w+) said (?P<content>.{12,}?)[.!?]?$").is_some());
        assert!(split(r"(?P<source>\w+) said (?P<content>.{12,})[.!?]?$").is_none(), "greedy");
        assert!(split(r"(?P<source>\w+) said (?P<content>.{12,}?)[.!?]?").is_none(), "no end");
        assert!(split(r"(?P<source>\w+) said (?s:(?P<content>.{12,}?))[.!?]?$").is_none(), "line breaks too");
    }

    #[test]
    fn the_limit_leaves_the_fewest_characters() {
        let (_, tail) = split(r"a (?P<content>.{3,}?)[.!?]?$").expect("a tail");
        assert_eq!(tail.limit("a bcd", 0), Some(2));
        assert_eq!(tail.limit("a b’d", 0), Some(2));
        assert_eq!(tail.limit("a b", 0), Some(0));
        assert_eq!(tail.limit("ab", 0), None);
        assert_eq!(tail.limit("a bcd", 2), Some(2));
    }
}
