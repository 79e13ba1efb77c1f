//! Alternations with their shared leading characters factored out.
//!
//! Input: a pattern's syntax tree. Output: a tree that matches exactly as the input
//! does (same matches, same captures, same leftmost-first preferences), in which the
//! alternatives of each alternation that start with the same character share it:
//! `Adviser|Admiral|Agent` becomes `A(?:d(?:viser|miral)|gent)`.
//!
//! Why: word lists expand to alternations of hundreds of words (titles, first names,
//! cue verbs). The regex engines try an alternation's branches one by one: the
//! backtracking engine that places captures pushes every branch at every position it
//! reaches the list, and each new lazy-DFA state gathers every branch's first state.
//! After factoring, a position meets one branch per distinct first character, then
//! only the branches that continue what was read.
//!
//! Why it is exact: two alternatives whose first characters are disjoint sets can
//! never both match at one position, so their relative order does not matter and an
//! alternative may move forward past them to join an earlier alternative with the
//! same first character. It never moves past an alternative that could start with the
//! same character (a different but overlapping class, an empty or zero-width start),
//! and alternatives that share a first character keep their relative order inside the
//! group. Alternatives holding a capture group are never moved.
//!
//! An alternation of literals alone is left as it is: the regex compiler already
//! builds it as a trie, with one state per character read.

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Literal};

/// `hir` with the shared first characters of alternatives factored out.
pub fn factored(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
        HirKind::Repetition(repetition) => {
            let mut repetition = repetition.clone();
            repetition.sub = Box::new(factored(&repetition.sub));
            Hir::repetition(repetition)
        }
        HirKind::Capture(capture) => {
            let mut capture = capture.clone();
            capture.sub = Box::new(factored(&capture.sub));
            Hir::capture(capture)
        }
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(factored).collect()),
        HirKind::Alternation(alternatives) => alternation(alternatives.iter().map(factored).collect()),
    }
}

/// An alternative split into its first character (as a set, for comparing) and the
/// rest; `first` is how the first character is written.
struct Split {
    set: ClassUnicode,
    first: Hir,
    rest: Hir,
}

/// One entry of the factored alternation: alternatives sharing a first character, or
/// one alternative that could not be split.
enum Entry {
    Group { set: ClassUnicode, first: Hir, rests: Vec<Hir> },
    Alone(Hir),
}

fn alternation(alternatives: Vec<Hir>) -> Hir {
    if alternatives.iter().all(|alternative| matches!(alternative.kind(), HirKind::Literal(_))) {
        // The regex compiler builds an alternation of literals alone as a trie.
        return Hir::alternation(alternatives);
    }
    let mut entries: Vec<Entry> = Vec::new();
    for alternative in alternatives {
        match split(&alternative) {
            Some(split) => join(&mut entries, split),
            None => entries.push(Entry::Alone(alternative)),
        }
    }
    let rebuilt = entries.into_iter().map(|entry| match entry {
        Entry::Alone(alternative) => alternative,
        Entry::Group { first, mut rests, .. } if rests.len() == 1 => Hir::concat(vec![first, rests.remove(0)]),
        Entry::Group { first, rests, .. } => Hir::concat(vec![first, alternation(rests)]),
    });
    Hir::alternation(rebuilt.collect())
}

/// Add `split` to the latest group with its first character, when every entry after
/// that group starts with a character it cannot start with; else open a new group.
fn join(entries: &mut Vec<Entry>, split: Split) {
    for entry in entries.iter_mut().rev() {
        match entry {
            Entry::Group { set, rests, .. } if *set == split.set => {
                rests.push(split.rest);
                return;
            }
            Entry::Group { set, .. } if is_disjoint(set, &split.set) => continue,
            _ => break,
        }
    }
    entries.push(Entry::Group { set: split.set, first: split.first, rests: vec![split.rest] });
}

fn is_disjoint(a: &ClassUnicode, b: &ClassUnicode) -> bool {
    let mut both = a.clone();
    both.intersect(b);
    both.ranges().is_empty()
}

/// The first character of `hir` and what follows it, when `hir` starts with a literal
/// or a character class and holds no capture group.
fn split(hir: &Hir) -> Option<Split> {
    if hir.properties().explicit_captures_len() > 0 {
        return None;
    }
    let (head, tail): (&Hir, &[Hir]) = match hir.kind() {
        HirKind::Concat(parts) => (parts.first()?, &parts[1..]),
        _ => (hir, &[]),
    };
    let (set, first, rest_of_head) = match head.kind() {
        HirKind::Literal(Literal(bytes)) => {
            let text = std::str::from_utf8(bytes).ok()?;
            let character = text.chars().next()?;
            let width = character.len_utf8();
            let set = ClassUnicode::new([ClassUnicodeRange::new(character, character)]);
            (set, Hir::literal(&bytes[..width]), (width < bytes.len()).then(|| Hir::literal(&bytes[width..])))
        }
        HirKind::Class(Class::Unicode(class)) => (class.clone(), head.clone(), None),
        _ => return None,
    };
    let rest = Hir::concat(rest_of_head.into_iter().chain(tail.iter().cloned()).collect());
    Some(Split { set, first, rest })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_syntax::parse;

    fn rewritten(pattern: &str) -> String {
        factored(&parse(pattern).expect("parses")).to_string()
    }

    #[test]
    fn words_share_their_first_characters() {
        let expected = parse(r"A(?:d(?:viser|miral)|ir\s+Marshal|gent)").expect("parses").to_string();
        assert_eq!(rewritten(r"Adviser|Air\s+Marshal|Admiral|Agent"), expected);
    }

    #[test]
    fn literals_alone_are_left_to_the_compiler() {
        assert_eq!(rewritten("Adviser|Admiral|Agent"), parse("Adviser|Admiral|Agent").expect("parses").to_string());
    }

    #[test]
    fn an_alternative_that_may_start_alike_is_never_passed() {
        // `[a-c]x` could start like `ab`, so `ac` must stay behind it.
        assert_eq!(rewritten("ab|[a-c]x|ac"), parse("ab|[a-c]x|ac").expect("parses").to_string());
        // An empty alternative matches anywhere: nothing moves past it.
        assert_eq!(rewritten("ab|(?:)|ac"), parse("ab|(?:)|ac").expect("parses").to_string());
    }

    #[test]
    fn captures_stay_in_place() {
        assert_eq!(rewritten("ab|(?P<x>ac)"), parse("ab|(?P<x>ac)").expect("parses").to_string());
    }
}
