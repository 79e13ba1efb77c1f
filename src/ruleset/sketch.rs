//! Sketches of patterns, for the prefilter.
//!
//! Input: the syntax tree of a rule's pattern. Output: its sketch, a small pattern on
//! bytes that matches somewhere inside every match of the pattern. The prefilter runs
//! the sketches of a file's rules together on one lazy DFA; where a rule's sketch does
//! not match, the rule cannot. A sketch is the pattern
//!
//! - without assertions and captures (an assertion only ever refuses a match);
//! - without, at either end, what may be left out there: parts that can match nothing,
//!   and all but one copy of a repeat;
//! - with each large alternation (a word list) replaced by the first characters of its
//!   words followed by any of the characters they hold;
//! - on bytes, every character beyond ASCII made "any run of bytes beyond ASCII".
//!
//! Each step keeps every match (or a part of it), so the sketch never misses a
//! window where the pattern matches; the last two keep the DFA small.

use std::collections::BTreeSet;

use regex_syntax::hir::{Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition};

/// An alternation with more branches than this (a word list) is replaced by a shape.
const LARGE_ALTERNATION: usize = 100;

/// How many leading characters of each word of a large alternation its shape keeps at
/// most, and how many distinct beginnings it may list.
const HEAD_CHARACTERS: usize = 3;
const MAX_HEADS: usize = 256;

/// The sketch of `hir`.
pub fn sketch(hir: &Hir) -> Hir {
    trimmed(hir, Edges { leading: true, trailing: true })
}

/// Which ends of a match a part of a pattern may be trimmed at.
#[derive(Debug, Clone, Copy)]
struct Edges {
    leading: bool,
    trailing: bool,
}

impl Edges {
    const NONE: Edges = Edges { leading: false, trailing: false };

    fn any(self) -> bool {
        self.leading || self.trailing
    }
}

/// The part of `hir` that every match holds: without assertions and captures, and at
/// a trimmable end without parts that can match nothing and with a repeat cut to one
/// copy (the match holds that copy's text, itself trimmed at the same end).
fn trimmed(hir: &Hir, edges: Edges) -> Hir {
    match hir.kind() {
        HirKind::Empty | HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Literal(literal) => bytewise_literal(&literal.0),
        HirKind::Class(Class::Unicode(class)) => bytewise_class(class),
        HirKind::Look(_) => Hir::empty(),
        HirKind::Capture(capture) => trimmed(&capture.sub, edges),
        HirKind::Repetition(repetition) if edges.any() && repetition.min == 0 => Hir::empty(),
        HirKind::Repetition(repetition) if edges.any() => trimmed(&repetition.sub, edges),
        HirKind::Repetition(repetition) => {
            let mut repetition = repetition.clone();
            repetition.sub = Box::new(trimmed(&repetition.sub, Edges::NONE));
            Hir::repetition(repetition)
        }
        HirKind::Alternation(parts) if parts.len() > LARGE_ALTERNATION => word_shape(hir),
        HirKind::Alternation(parts) => Hir::alternation(parts.iter().map(|part| trimmed(part, edges)).collect()),
        HirKind::Concat(parts) => {
            let needed = |part: &&Hir| part.properties().minimum_len() != Some(0);
            let first = if edges.leading { parts.iter().position(|part| needed(&part)) } else { Some(0) };
            let last = if edges.trailing { parts.iter().rposition(|part| needed(&part)) } else { parts.len().checked_sub(1) };
            let (Some(first), Some(last)) = (first, last) else { return Hir::empty() };
            let kept = (first..=last).map(|index| {
                trimmed(&parts[index], Edges { leading: edges.leading && index == first, trailing: edges.trailing && index == last })
            });
            Hir::concat(kept.collect())
        }
    }
}

/// The shape of a large alternation (a word list): the first characters of its words
/// (or, when a word starts with no literal text, one of the characters the words
/// start with), then any of the characters they hold. A small DFA where the list
/// itself would make a large one.
fn word_shape(hir: &Hir) -> Hir {
    let parts = match hir.kind() {
        HirKind::Alternation(parts) => parts.as_slice(),
        _ => std::slice::from_ref(hir),
    };
    let head = (2..=HEAD_CHARACTERS)
        .rev()
        .map(|length| parts.iter().map(|part| literal_head(part, length)).collect::<BTreeSet<Vec<u8>>>())
        .find(|heads| heads.len() <= MAX_HEADS && heads.iter().all(|head| !head.is_empty()))
        .map_or_else(|| bytewise_class(&first_characters(hir)), |heads| Hir::alternation(heads.iter().map(|head| bytewise_literal(head)).collect()));
    let rest = Repetition { min: 0, max: None, greedy: true, sub: Box::new(bytewise_class(&characters(hir))) };
    let shape = Hir::concat(vec![head, Hir::repetition(rest)]);
    if hir.properties().minimum_len() == Some(0) {
        Hir::repetition(Repetition { min: 0, max: Some(1), greedy: true, sub: Box::new(shape) })
    } else {
        shape
    }
}

/// The first `length` characters (or fewer) of the literal text every match of `hir`
/// starts with; empty when it starts with something else.
fn literal_head(hir: &Hir, length: usize) -> Vec<u8> {
    let leading: Vec<u8> = match hir.kind() {
        HirKind::Literal(literal) => literal.0.to_vec(),
        HirKind::Capture(capture) => return literal_head(&capture.sub, length),
        HirKind::Concat(parts) => parts
            .iter()
            .map_while(|part| match part.kind() {
                HirKind::Literal(literal) => Some(literal.0.iter().copied()),
                _ => None,
            })
            .flatten()
            .collect(),
        _ => Vec::new(),
    };
    String::from_utf8_lossy(&leading).chars().take(length).collect::<String>().into_bytes()
}

/// Every character a match of `hir` may hold.
fn characters(hir: &Hir) -> ClassUnicode {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => ClassUnicode::empty(),
        HirKind::Literal(literal) => characters_of(&literal.0),
        HirKind::Class(class) => unicode_class(class),
        HirKind::Capture(capture) => characters(&capture.sub),
        HirKind::Repetition(repetition) => characters(&repetition.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => union(parts.iter().map(characters)),
    }
}

/// Every character a match of `hir` may start with.
fn first_characters(hir: &Hir) -> ClassUnicode {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => ClassUnicode::empty(),
        HirKind::Literal(literal) => first_character_of(&literal.0),
        HirKind::Class(class) => unicode_class(class),
        HirKind::Capture(capture) => first_characters(&capture.sub),
        HirKind::Repetition(repetition) => first_characters(&repetition.sub),
        HirKind::Alternation(parts) => union(parts.iter().map(first_characters)),
        HirKind::Concat(parts) => {
            // Up to and including the first part that cannot match nothing.
            let count = parts.iter().position(|part| part.properties().minimum_len() != Some(0)).map_or(parts.len(), |index| index + 1);
            union(parts[..count].iter().map(first_characters))
        }
    }
}

/// The characters of a literal's bytes (all of them beyond ASCII if they are not UTF-8).
fn characters_of(bytes: &[u8]) -> ClassUnicode {
    let text = String::from_utf8_lossy(bytes);
    ClassUnicode::new(text.chars().map(|c| ClassUnicodeRange::new(c, c)))
}

/// The first character of a literal's bytes.
fn first_character_of(bytes: &[u8]) -> ClassUnicode {
    let text = String::from_utf8_lossy(bytes);
    ClassUnicode::new(text.chars().take(1).map(|c| ClassUnicodeRange::new(c, c)))
}

/// A class as a class of characters (bytes beyond ASCII stand for every character beyond it).
fn unicode_class(class: &Class) -> ClassUnicode {
    match class {
        Class::Unicode(class) => class.clone(),
        Class::Bytes(bytes) => {
            let ascii = bytes.ranges().iter().filter(|range| range.start().is_ascii()).map(|range| ClassUnicodeRange::new(char::from(range.start()), char::from(range.end().min(0x7F))));
            let mut class = ClassUnicode::new(ascii);
            if !bytes.is_ascii() {
                class.push(ClassUnicodeRange::new('\u{80}', char::MAX));
            }
            class
        }
    }
}

fn union(classes: impl Iterator<Item = ClassUnicode>) -> ClassUnicode {
    let mut all = ClassUnicode::empty();
    for class in classes {
        all.union(&class);
    }
    all
}

/// Any run of bytes beyond ASCII: a superset of every character beyond ASCII.
fn high_bytes() -> Hir {
    Hir::repetition(Repetition { min: 1, max: None, greedy: true, sub: Box::new(Hir::class(Class::Bytes(ClassBytes::new([ClassBytesRange::new(0x80, 0xFF)])))) })
}

/// `class` on bytes: its ASCII characters, or any run of bytes beyond ASCII when it
/// holds a character beyond ASCII.
fn bytewise_class(class: &ClassUnicode) -> Hir {
    let ascii = class.ranges().iter().filter(|range| range.start().is_ascii()).map(|range| {
        let end = if range.end().is_ascii() { range.end() as u8 } else { 0x7F };
        ClassBytesRange::new(range.start() as u8, end)
    });
    let ascii = Hir::class(Class::Bytes(ClassBytes::new(ascii)));
    if class.is_ascii() { ascii } else { Hir::alternation(vec![ascii, high_bytes()]) }
}

/// A literal on bytes, each character beyond ASCII made any run of such bytes.
fn bytewise_literal(bytes: &[u8]) -> Hir {
    if bytes.is_ascii() {
        return Hir::literal(bytes.to_vec());
    }
    let parts = bytes.chunk_by(|a, b| a.is_ascii() == b.is_ascii()).map(|run| if run.is_ascii() { Hir::literal(run.to_vec()) } else { high_bytes() });
    Hir::concat(parts.collect())
}

