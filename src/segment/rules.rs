//! The segmenter's exception lists, from `rules/segment.toml`.
//!
//! Input: the rule source. Output: [`SegmentRules`]: word lists keyed by lower-case
//! words without their final period, the credit labels, the bullet and dateline-dash
//! characters, and the file's examples.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use crate::ruleset::{RuleError, RuleSource};
use crate::span::LineColumn;

/// Longest listed word, in bytes; longer words are never looked up.
const LONGEST_WORD: usize = 24;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSegmentRules {
    titles: Vec<String>,
    before_numbers: Vec<String>,
    never_end: Vec<String>,
    may_end: Vec<String>,
    continuations: Vec<String>,
    street_or_saint: Vec<String>,
    sentence_starters: Vec<String>,
    intro_prepositions: Vec<String>,
    speech_verbs: Vec<String>,
    credit_labels: Vec<String>,
    dateline_dashes: Vec<String>,
    bullets: Vec<String>,
    line_bullets: Vec<String>,
    #[serde(default)]
    example: Vec<Spanned<RawExample>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    text: String,
    sentences: Vec<String>,
}

/// What a period after a listed word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// "Gov.": never ends a sentence.
    Title,
    /// "No.", "Dec.": no end before a number.
    BeforeNumber,
    /// "vs.": never ends a sentence.
    NeverEnd,
    /// "Inc.", "p.m.": ends before a capitalised word.
    MayEnd,
    /// "St.": a street after a capitalised word, else a title.
    StreetOrSaint,
}

/// One `[[example]]` of `segment.toml`.
#[derive(Debug, Clone)]
pub struct SegmentExample {
    /// Line of the example in the file.
    pub line: usize,
    /// The input text.
    pub text: String,
    /// The sentences it must split into.
    pub sentences: Vec<String>,
}

/// Sentence-boundary exceptions.
#[derive(Debug, Clone, Default)]
pub struct SegmentRules {
    titles: HashSet<String>,
    before_numbers: HashSet<String>,
    never_end: HashSet<String>,
    may_end: HashSet<String>,
    continuations: HashSet<String>,
    street_or_saint: HashSet<String>,
    sentence_starters: HashSet<String>,
    intro_prepositions: HashSet<String>,
    speech_verbs: HashSet<String>,
    credit_labels: Vec<String>,
    dateline_dashes: Vec<char>,
    bullets: Vec<char>,
    line_bullets: Vec<char>,
    examples: Vec<SegmentExample>,
}

impl SegmentRules {
    /// Load `segment.toml`.
    pub fn load(source: &RuleSource) -> Result<SegmentRules, RuleError> {
        let file = source.file("segment.toml")?;
        let raw: RawSegmentRules = file.parse()?;
        let bullets = single_characters(&raw.bullets).map_err(|bullet| file.error_at(0, format!("bullet {bullet:?} must be one character")))?;
        let line_bullets = single_characters(&raw.line_bullets).map_err(|bullet| file.error_at(0, format!("line bullet {bullet:?} must be one character")))?;
        let dateline_dashes = single_characters(&raw.dateline_dashes).map_err(|dash| file.error_at(0, format!("dateline dash {dash:?} must be one character")))?;
        let credit_labels = raw.credit_labels.iter().map(|label| label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()).filter(|label| !label.is_empty()).collect();
        let examples = raw
            .example
            .iter()
            .map(|example| SegmentExample {
                line: LineColumn::of(&file.text, example.span().start).line,
                text: example.get_ref().text.clone(),
                sentences: example.get_ref().sentences.clone(),
            })
            .collect();
        Ok(SegmentRules {
            titles: word_set(&raw.titles),
            before_numbers: word_set(&raw.before_numbers),
            never_end: word_set(&raw.never_end),
            may_end: word_set(&raw.may_end),
            continuations: word_set(&raw.continuations),
            street_or_saint: word_set(&raw.street_or_saint),
            sentence_starters: word_set(&raw.sentence_starters),
            intro_prepositions: word_set(&raw.intro_prepositions),
            speech_verbs: word_set(&raw.speech_verbs),
            credit_labels,
            dateline_dashes,
            bullets,
            line_bullets,
            examples,
        })
    }

    /// The kind of abbreviation `word` (without its final period) is, if listed.
    pub fn abbreviation(&self, word: &str) -> Option<Abbreviation> {
        let mut buffer = [0u8; LONGEST_WORD];
        let key = lower_key(word, &mut buffer)?;
        let lists = [
            (&self.never_end, Abbreviation::NeverEnd),
            (&self.titles, Abbreviation::Title),
            (&self.street_or_saint, Abbreviation::StreetOrSaint),
            (&self.before_numbers, Abbreviation::BeforeNumber),
            (&self.may_end, Abbreviation::MayEnd),
        ];
        lists.into_iter().find(|(list, _)| list.contains(key)).map(|(_, kind)| kind)
    }

    /// True when `word` typically opens a sentence.
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        contains(&self.sentence_starters, word)
    }

    /// True when a phrase opened by `word` is no sentence on its own ("At 5 a.m.").
    pub fn is_intro_preposition(&self, word: &str) -> bool {
        contains(&self.intro_prepositions, word)
    }

    /// True when `word` continues a sentence after a `may-end` abbreviation ("p.m. Monday").
    pub fn is_continuation(&self, word: &str) -> bool {
        contains(&self.continuations, word)
    }

    /// True when some credit labels are listed.
    pub fn has_credit_labels(&self) -> bool {
        !self.credit_labels.is_empty()
    }

    /// The length in bytes of the longest credit label ("Image", "Photo credit") that
    /// ends `head`, compared without case; 0 when none does.
    pub fn credit_label_before(&self, head: &str) -> usize {
        let mut longest = 0;
        for label in &self.credit_labels {
            let tail = head.len().checked_sub(label.len()).and_then(|start| head.get(start..));
            if label.len() > longest && tail.is_some_and(|tail| tail.eq_ignore_ascii_case(label)) {
                longest = label.len();
            }
        }
        longest
    }

    /// True when `c` separates a dateline from the story ("Marlow, Ohio —").
    pub fn is_dateline_dash(&self, c: char) -> bool {
        self.dateline_dashes.contains(&c)
    }

    /// The dateline dashes.
    pub fn dateline_dashes(&self) -> &[char] {
        &self.dateline_dashes
    }

    /// True when `word` is a verb of speech ("said", "asked").
    pub fn is_speech_verb(&self, word: &str) -> bool {
        contains(&self.speech_verbs, word)
    }

    /// True when `c` opens a list item.
    pub fn is_bullet(&self, c: char) -> bool {
        self.bullets.contains(&c)
    }

    /// True when `c` opens a list item at a line start or after a sentence end ("* ").
    pub fn is_line_bullet(&self, c: char) -> bool {
        self.line_bullets.contains(&c)
    }

    /// The bullet characters.
    pub fn bullets(&self) -> &[char] {
        &self.bullets
    }

    /// The `[[example]]` tables of the file.
    pub fn examples(&self) -> &[SegmentExample] {
        &self.examples
    }
}

/// The one character of each string, or the first string that is not one character.
fn single_characters(strings: &[String]) -> Result<Vec<char>, &str> {
    strings
        .iter()
        .map(|string| {
            let mut chars = string.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(string.as_str()),
            }
        })
        .collect()
}

fn word_set(words: &[String]) -> HashSet<String> {
    words.iter().map(|word| word.trim().trim_end_matches('.').to_ascii_lowercase()).collect()
}

fn contains(set: &HashSet<String>, word: &str) -> bool {
    let mut buffer = [0u8; LONGEST_WORD];
    lower_key(word, &mut buffer).is_some_and(|key| set.contains(key))
}

/// `word` with ASCII letters lowered, in `buffer` (no allocation); `None` when too long.
fn lower_key<'b>(word: &str, buffer: &'b mut [u8; LONGEST_WORD]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let target = buffer.get_mut(..bytes.len())?;
    for (slot, byte) in target.iter_mut().zip(bytes) {
        *slot = byte.to_ascii_lowercase();
    }
    std::str::from_utf8(target).ok()
}
