//! Compiled rule patterns: the regex as written, searched on fast engines.
//!
//! Input: a rule's pattern with its references expanded. Output: a [`Pattern`] whose
//! searches give exactly the matches, captures and order of the regex crate on the
//! pattern as written (leftmost-first, `captures_iter` and `captures_at` semantics).
//!
//! Why more than one regex: the regex crate's fast engine, a lazy DFA, cannot decide
//! a Unicode word boundary (`\b`) next to a character beyond ASCII, so on most news
//! text (curly quotes, dashes) it gives up and a slow engine runs the whole search;
//! and Unicode classes (`\w`, `.`) make large automata that are slow to walk. Each
//! pattern is therefore compiled into up to six engines:
//!
//! - `exact`: as written, with Unicode semantics.
//! - `plain`: the pattern seen on plain text, text whose characters are ASCII or
//!   common punctuation beyond it (curly quotes, dashes, no-break space, `€`; see
//!   [`is_plain`]): every class keeps only such characters, a literal with another
//!   character cannot match, and word boundaries are ASCII ones (none of those
//!   punctuation marks is a word character, so they fall at the same places). On a
//!   plain window it gives the matches of `exact`, with a much smaller automaton.
//! - `screen`: `plain` with its long counted repetitions unbounded (`{3,200}` read as
//!   `{3,}`) and without captures, for patterns that have one. The lazy DFA tracks
//!   each copy of a counted repetition apart, so such a pattern makes many large
//!   states wherever it is searched for; the screen makes few. Every match of `plain`
//!   is one of the screen at the same start, so on a plain window the screen proposes
//!   starts and `plain` decides each anchored there.
//! - `relaxed`: `exact` without look-around assertions, captures and bounds on long
//!   repetitions, for patterns with a Unicode word boundary or a long repetition: the
//!   screen of windows that are not plain. Every match of `exact` is a match of this
//!   one at the same start, so its starts are the only candidates, and each is
//!   decided by `exact` anchored there.
//!
//! A window that is not plain is searched with `exact` directly when the pattern has
//! neither.
//!
//! `exact` and `relaxed` come in two sets: one for windows of Latin text (plain text
//! and the letters of the Latin blocks: `Zoë`, `Łęcka`, `Vũ`; see [`is_latin`]), whose
//! classes keep only such characters (the automaton of `\w` shrinks to a few ranges),
//! and one for any other window (Greek, Cyrillic, …), as written. Word boundaries keep
//! their Unicode meaning in both. On a Latin window the first set gives the matches of
//! the second, as `plain` does on a plain window.
//!
//! An engine behind a screen (`plain` behind `screen`, `exact` behind `relaxed`) is
//! only tried anchored, and is built without a lazy DFA (see [`Tries`]).
//!
//! `exact` and `relaxed` cost most of a pattern's compiling, and only windows that are
//! not plain need them: with [`Build::OnDemand`] each set is built the first time a
//! window that needs it is searched.
//!
//! All of them are built from the pattern with its alternations' shared first
//! characters factored out ([`factored`]), which matches alike but lets the engines
//! read a word list one character at a time instead of word by word; and for a
//! pattern whose last group runs to the end of the window, without that group's text,
//! which is filled in after the match ([`Tail`]).

use std::sync::OnceLock;

use regex_automata::meta::{self, BuildError, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

use super::factors::{capital_pair, factors, leading, Factors};
use super::prefixes::factored;
use super::tail::Tail;
use crate::span::Span;

/// Size limit of a compiled pattern and of each lazy DFA's cache.
const SIZE_LIMIT: usize = 64 << 20;

/// A compiled rule pattern.
#[derive(Debug)]
pub struct Pattern {
    /// The pattern's text, references expanded.
    text: String,
    /// The pattern as searched (shared first characters factored out, without the
    /// tail), kept to build `unicode` when it is first needed.
    searched: Hir,
    /// True when the pattern has a Unicode word boundary, so `latin` and `unicode`
    /// need `relaxed`.
    unicode_boundary: bool,
    /// True when the pattern has a long counted repetition, so `latin` and `unicode`
    /// need `relaxed` and there is a `screen`.
    long_repetition: bool,
    /// The engines for windows of Latin text that are not plain; see [`Build`].
    latin: OnceLock<Option<Unicode>>,
    /// The engines for other windows; see [`Build`].
    unicode: OnceLock<Option<Unicode>>,
    /// The pattern on plain text.
    plain: Regex,
    /// `plain` with its long counted repetitions unbounded, for a pattern that has
    /// any: on a plain window it proposes the starts that `plain` decides.
    screen: Option<Regex>,
    /// The named capture groups, in group order.
    groups: Vec<Group>,
    /// Strings one of which every match holds, for the prefilter.
    factors: Option<Factors>,
    /// Strings one of which every match starts with, for anchored tries.
    leading: Option<Factors>,
    /// True when every match holds two ASCII capital letters in a row (`[A-Z]{2,6}`).
    capital_pair: bool,
    /// The one group, when the pattern is that group between zero-width assertions:
    /// its span is the match's, so no search needs to record it.
    whole_group: Option<usize>,
    /// The last group, when it runs to the end of the window: the engines search the
    /// pattern without it.
    tail: Option<Tail>,
    /// The pattern searched whole, for a pattern with a tail, built the first time a
    /// window holds a line break after the search start (the tail cannot cross one).
    whole: OnceLock<Option<Box<Pattern>>>,
    /// When the engines for windows that are not plain are built (`whole` too).
    when: Build,
}

/// The engines of a pattern for windows that are not plain (see [`is_plain`]): for
/// every such window, or only for those of Latin text (see [`is_latin`]).
#[derive(Debug)]
struct Unicode {
    /// The pattern as written.
    exact: Regex,
    /// Without assertions, captures and bounds on long repetitions; only for a pattern
    /// with Unicode word boundaries or long repetitions.
    relaxed: Option<Regex>,
}

impl Unicode {
    fn build(searched: &Hir, unicode_boundary: bool, long_repetition: bool) -> Result<Unicode, String> {
        let relaxed = (unicode_boundary || long_repetition).then(|| build(&relaxed(&unbounded(searched)), Tries::Searched)).transpose()?;
        let exact = build(searched, tries_behind(relaxed.as_ref()))?;
        Ok(Unicode { exact, relaxed })
    }

    /// The engines for windows of Latin text (see [`is_latin`]): the pattern's classes
    /// keep only such characters; its word boundaries keep their Unicode meaning.
    fn build_latin(searched: &Hir, unicode_boundary: bool, long_repetition: bool) -> Result<Unicode, String> {
        Unicode::build(&restricted(searched, &latin_characters(), keep_look), unicode_boundary, long_repetition)
    }
}

/// When a pattern builds its engines for windows that are not plain. They are most
/// of the time and memory of compiling a pattern (Unicode classes make large
/// automata), and most sentences are plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Build {
    /// With the pattern: a pattern that cannot be built is an error at once.
    #[default]
    Now,
    /// When a window that is not plain is first searched. Only for patterns known to
    /// build (the built-in rules, which the test suite builds with [`Build::Now`]);
    /// should one fail all the same, the pattern matches nothing in such windows.
    OnDemand,
}

/// A piece of text to search, and which engines it needs (see [`Script`]).
#[derive(Debug, Clone, Copy)]
pub struct Window<'t> {
    text: &'t str,
    script: Script,
}

/// The characters of a window, as far as the engines care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// ASCII and plain punctuation (see [`is_plain`]).
    Plain,
    /// Also letters of the Latin script beyond ASCII, and other punctuation and
    /// symbols (see [`is_latin`]).
    Latin,
    /// Any other.
    Other,
}

impl<'t> Window<'t> {
    /// The window over `text`.
    pub fn new(text: &'t str) -> Window<'t> {
        let script = if is_plain(text) {
            Script::Plain
        } else if is_latin(text) {
            Script::Latin
        } else {
            Script::Other
        };
        Window { text, script }
    }

    /// The text.
    pub fn text(&self) -> &'t str {
        self.text
    }
}

/// One match: its span and the spans of its groups, as byte offsets in the window.
#[derive(Debug, Clone)]
pub struct Found {
    captures: Captures,
    whole_group: Option<usize>,
}

impl Found {
    /// The span of the whole match.
    pub fn span(&self) -> Option<Span> {
        self.captures.get_match().map(|found| Span::new(found.start(), found.end()))
    }

    /// The span of group `index`, when it took part.
    pub fn group(&self, index: usize) -> Option<Span> {
        if self.whole_group == Some(index) {
            return self.span();
        }
        self.captures.get_group(index).map(|found| Span::new(found.start, found.end))
    }
}

/// What a search records of each match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// The match and every capture group (slower: needs a backtracking engine).
    Groups,
    /// The match alone.
    Match,
}

/// A named capture group.
#[derive(Debug)]
pub struct Group {
    /// The group's index in the pattern.
    pub index: usize,
    /// The name as written (`source2`).
    pub name: String,
    /// The field it fills: the name without a trailing number (`source`), since
    /// alternatives of one pattern name their captures `source` and `source2`.
    pub field: String,
}

impl Pattern {
    /// Compile `pattern` with all its engines; the error reads as the regex crate's would.
    pub fn new(pattern: &str) -> Result<Pattern, String> {
        Pattern::build(pattern, Build::Now)
    }

    /// Compile `pattern`, its engines for windows that are not plain `when` given.
    pub fn build(pattern: &str, when: Build) -> Result<Pattern, String> {
        Pattern::compile(pattern, true, when)
    }

    /// Compile `pattern`, without its tail when `split` is set and it has one.
    fn compile(pattern: &str, split: bool, when: Build) -> Result<Pattern, String> {
        let hir = syntax::parse(pattern).map_err(|error| error.to_string())?;
        let (head, tail) = match split.then(|| Tail::split(&hir)).flatten() {
            Some((head, tail)) => (head, Some(tail)),
            None => (hir.clone(), None),
        };
        let searched = factored(&head);
        let unicode_boundary = hir.properties().look_set().contains_word_unicode();
        let long_repetition = has_long_repetition(&searched);
        let latin = OnceLock::new();
        let unicode = OnceLock::new();
        if when == Build::Now {
            let _ = latin.set(Some(Unicode::build_latin(&searched, unicode_boundary, long_repetition)?));
            let _ = unicode.set(Some(Unicode::build(&searched, unicode_boundary, long_repetition)?));
        }
        let plain_searched = restricted(&searched, &plain_characters(), ascii_look);
        let screen = long_repetition.then(|| build(&unbounded(&plain_searched), Tries::Searched)).transpose()?;
        let plain = build(&plain_searched, tries_behind(screen.as_ref()))?;
        let groups = named_groups(&searched);
        let factors = factors(&hir);
        let capital_pair = capital_pair(&hir);
        let leading = leading(&hir);
        let whole_group = whole_group(&hir);
        Ok(Pattern {
            text: pattern.to_string(),
            searched,
            unicode_boundary,
            long_repetition,
            latin,
            unicode,
            plain,
            screen,
            groups,
            factors,
            leading,
            capital_pair,
            whole_group,
            tail,
            whole: OnceLock::new(),
            when,
        })
    }

    /// The engines for other windows than plain and Latin ones, built now if they were
    /// not yet; none if they could not be (see [`Build::OnDemand`]).
    fn unicode(&self) -> Option<&Unicode> {
        self.unicode.get_or_init(|| Unicode::build(&self.searched, self.unicode_boundary, self.long_repetition).ok()).as_ref()
    }

    /// The engines for windows of Latin text that are not plain: the pattern's classes
    /// keep only the characters such text has, so their automata are a fraction of
    /// the size of `unicode`'s; its word boundaries keep their Unicode meaning.
    fn latin(&self) -> Option<&Unicode> {
        self.latin.get_or_init(|| Unicode::build_latin(&self.searched, self.unicode_boundary, self.long_repetition).ok()).as_ref()
    }

    /// Strings one of which every match holds, compared without ASCII case (see
    /// [`factors`](super::factors)); none when a match need hold no particular string.
    pub fn factors(&self) -> Option<&Factors> {
        self.factors.as_ref()
    }

    /// Strings one of which every match starts with, compared without ASCII case:
    /// a match can start only where one of them occurs.
    pub fn leading(&self) -> Option<&Factors> {
        self.leading.as_ref()
    }

    /// True when every match holds two ASCII capital letters in a row, so a text
    /// without such a pair holds no match (`[A-Z]{2,6}`, `AL|AK`).
    pub fn needs_capital_pair(&self) -> bool {
        self.capital_pair
    }

    /// The pattern's text, references expanded.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The named capture groups, in group order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The leftmost-first matches of the pattern in `window`, each after the last,
    /// as the regex crate's `captures_iter` gives them.
    pub fn matches(&self, window: Window<'_>, record: Record) -> Vec<Found> {
        if self.tail.is_some() {
            // A match that runs to the end is the last one.
            return self.match_at(window, 0, record).into_iter().collect();
        }
        let Some(engine) = self.engine(window) else { return Vec::new() };
        // Most windows hold no match: find that out before making room for captures.
        if !engine.may_match(&Input::new(window.text)) {
            return Vec::new();
        }
        let mut searcher = Searcher::new(Input::new(window.text));
        let mut captures = self.captures(engine.capturing(), record);
        let mut found = Vec::new();
        while searcher
            .advance(|input| {
                engine.search(input, &mut captures);
                Ok(captures.get_match())
            })
            .is_some()
        {
            found.push(self.found(window, captures.clone()));
        }
        found
    }

    /// The leftmost-first match starting at or after byte `start` of `window`, as the
    /// regex crate's `captures_at` gives it (the text before `start` is still seen by
    /// assertions).
    pub fn match_at(&self, window: Window<'_>, start: usize, record: Record) -> Option<Found> {
        if let Some(whole) = self.whole_for(window, start) {
            return whole.as_ref()?.match_at(window, start, record);
        }
        let engine = self.engine(window)?;
        let input = Input::new(window.text).span(start..self.search_end(window, start)?);
        if !engine.may_match(&input) {
            return None;
        }
        let mut captures = self.captures(engine.capturing(), record);
        engine.search(&input, &mut captures);
        captures.is_match().then(|| self.found(window, captures))
    }

    /// The match starting exactly at byte `start` of `window` that a search from
    /// `start` would give (the one leftmost-first prefers among those starting there).
    pub fn match_anchored(&self, window: Window<'_>, start: usize, record: Record) -> Option<Found> {
        if let Some(whole) = self.whole_for(window, start) {
            return whole.as_ref()?.match_anchored(window, start, record);
        }
        let engine = self.engine(window)?;
        let input = Input::new(window.text).span(start..self.search_end(window, start)?).anchored(Anchored::Yes);
        // Most tries fail: find that out before making room for captures.
        if !engine.may_match(&input) {
            return None;
        }
        let regex = engine.capturing();
        let mut captures = self.captures(regex, record);
        regex.search_captures(&input, &mut captures);
        captures.is_match().then(|| self.found(window, captures))
    }

    /// Where a search of `window` from `start` ends: the window's end, or for a
    /// pattern with a tail, where a match of the rest may end at the latest (none
    /// when too little text is left).
    fn search_end(&self, window: Window<'_>, start: usize) -> Option<usize> {
        match &self.tail {
            Some(tail) => tail.limit(window.text, start),
            None => Some(window.text.len()),
        }
    }

    /// The whole pattern, when it has a tail and a line break follows `start` in
    /// `window`; inside that, none if it could not be built (it cannot exceed the
    /// limits its part without the tail kept, so in practice it always is).
    fn whole_for(&self, window: Window<'_>, start: usize) -> Option<&Option<Box<Pattern>>> {
        let breaks = self.tail.is_some() && window.text[start..].contains('\n');
        breaks.then(|| self.whole.get_or_init(|| Pattern::compile(&self.text, false, self.when).ok().map(Box::new)))
    }

    /// Room for what a search with `regex` records: only the match when the groups
    /// are not asked for, or when the one group spans the match anyway.
    fn captures(&self, regex: &Regex, record: Record) -> Captures {
        match record {
            Record::Groups if self.whole_group.is_none() => regex.create_captures(),
            _ => Captures::matches(regex.group_info().clone()),
        }
    }

    fn found(&self, window: Window<'_>, mut captures: Captures) -> Found {
        if let Some(tail) = &self.tail {
            tail.finish(window.text, &mut captures);
        }
        Found { captures, whole_group: self.whole_group }
    }

    /// How to search `window` (none when its engines could not be built).
    fn engine(&self, window: Window<'_>) -> Option<Engine<'_>> {
        let unicode = match window.script {
            Script::Plain => {
                return Some(match &self.screen {
                    Some(screen) => Engine::Confirmed { relaxed: screen, exact: &self.plain },
                    None => Engine::Direct(&self.plain),
                })
            }
            Script::Latin => self.latin()?,
            Script::Other => self.unicode()?,
        };
        Some(match &unicode.relaxed {
            None => Engine::Direct(&unicode.exact),
            Some(relaxed) => Engine::Confirmed { relaxed, exact: &unicode.exact },
        })
    }
}

/// A way to find the next match of a pattern in one window.
enum Engine<'p> {
    /// One regex gives the matches.
    Direct(&'p Regex),
    /// `relaxed` proposes starts, `exact` decides each.
    Confirmed { relaxed: &'p Regex, exact: &'p Regex },
}

impl Engine<'_> {
    /// The regex that places the captures.
    fn capturing(&self) -> &Regex {
        match self {
            Engine::Direct(regex) => regex,
            Engine::Confirmed { exact, .. } => exact,
        }
    }

    /// False when `input` surely holds no match (`relaxed` matches wherever `exact`
    /// does, so it answers for a confirmed engine).
    fn may_match(&self, input: &Input<'_>) -> bool {
        match self {
            Engine::Direct(regex) => regex.is_match(input.clone()),
            Engine::Confirmed { relaxed, .. } => relaxed.is_match(input.clone()),
        }
    }

    /// The leftmost-first match in `input`, into `captures` (no match leaves none).
    fn search(&self, input: &Input<'_>, captures: &mut Captures) {
        match self {
            Engine::Direct(regex) => regex.search_captures(input, captures),
            Engine::Confirmed { relaxed, exact } => confirmed(relaxed, exact, input, captures),
        }
    }
}

/// The leftmost match of `exact` in `input`, trying only where a match of `relaxed`
/// starts. No match of `exact` starts before the leftmost start of `relaxed`, and at
/// a start the anchored search gives the match the unanchored one would.
fn confirmed(relaxed: &Regex, exact: &Regex, input: &Input<'_>, captures: &mut Captures) {
    let mut from = input.start();
    while let Some(candidate) = relaxed.search(&input.clone().span(from..input.end())) {
        let at = candidate.start();
        exact.search_captures(&input.clone().span(at..input.end()).anchored(Anchored::Yes), captures);
        if captures.is_match() || at >= input.end() {
            return;
        }
        from = at + 1;
    }
    captures.set_pattern(None);
}

/// True when `text` is plain: every character is ASCII or plain punctuation.
pub fn is_plain(text: &str) -> bool {
    text.is_ascii() || text.chars().all(is_plain_character)
}

/// Characters beyond ASCII that count as plain: punctuation marks and symbols common
/// in news text, none of them a word character (no-break space, pound, yen,
/// copyright, guillemets, registered, degree, middle dot, dashes, curly quotes,
/// bullet, ellipsis, primes, euro, trade mark).
const PLAIN_BEYOND_ASCII: [(char, char); 16] = [
    ('\u{a0}', '\u{a0}'),
    ('\u{a3}', '\u{a3}'),
    ('\u{a5}', '\u{a5}'),
    ('\u{a9}', '\u{a9}'),
    ('\u{ab}', '\u{ab}'),
    ('\u{ae}', '\u{ae}'),
    ('\u{b0}', '\u{b0}'),
    ('\u{b7}', '\u{b7}'),
    ('\u{bb}', '\u{bb}'),
    ('\u{2010}', '\u{2015}'),
    ('\u{2018}', '\u{201f}'),
    ('\u{2022}', '\u{2022}'),
    ('\u{2026}', '\u{2026}'),
    ('\u{2032}', '\u{2033}'),
    ('\u{20ac}', '\u{20ac}'),
    ('\u{2122}', '\u{2122}'),
];

fn is_plain_character(c: char) -> bool {
    c.is_ascii() || is_within(c, &PLAIN_BEYOND_ASCII)
}

/// True when every character of `text` is plain or of the Latin blocks beyond ASCII
/// (see [`LATIN_BEYOND_ASCII`]): the accented names of most news text.
pub fn is_latin(text: &str) -> bool {
    text.chars().all(|c| is_plain_character(c) || is_within(c, &LATIN_BEYOND_ASCII))
}

/// True when `c` lies in one of `ranges` (first and last character, both included).
fn is_within(c: char, ranges: &[(char, char)]) -> bool {
    ranges.iter().any(|(first, last)| (*first..=*last).contains(&c))
}

/// The Latin blocks beyond ASCII: Latin-1 Supplement, Latin Extended-A and -B (`é`,
/// `ł`, `ș`, `ð`), the combining diacritical marks, and Latin Extended Additional
/// (Vietnamese `ơ` with its tones); and the punctuation and symbol blocks that Latin
/// text holds (`›`, thin and zero-width spaces, `₹`, `→`, `≤`), which hold almost no
/// word characters, so that they cost the engines little.
const LATIN_BEYOND_ASCII: [(char, char); 4] = [('\u{a0}', '\u{24f}'), ('\u{300}', '\u{36f}'), ('\u{1e00}', '\u{1eff}'), ('\u{2000}', '\u{2bff}')];

/// The characters of Latin text (see [`is_latin`]), as a class.
fn latin_characters() -> ClassUnicode {
    let mut class = plain_characters();
    class.union(&ClassUnicode::new(LATIN_BEYOND_ASCII.iter().map(|(first, last)| ClassUnicodeRange::new(*first, *last))));
    class
}

/// How a regex is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tries {
    /// Searched for: it needs its lazy DFAs, forward and reverse.
    Searched,
    /// Only anchored at the starts of a screen's matches, in one window: the bounded
    /// backtracker places its captures there without a lazy DFA, so none is built
    /// (nor the reverse automaton behind it), and no DFA state is made for new text.
    Anchored,
}

/// How the regex behind `screen` is tried: only anchored when there is a screen.
fn tries_behind(screen: Option<&Regex>) -> Tries {
    match screen {
        Some(_) => Tries::Anchored,
        None => Tries::Searched,
    }
}

/// Build a regex as the regex crate builds one (leftmost-first, UTF-8, no empty
/// match inside a character), with this project's size limits.
fn build(hir: &Hir, tries: Tries) -> Result<Regex, String> {
    let config = meta::Config::new()
        .hybrid(tries == Tries::Searched)
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(SIZE_LIMIT))
        .hybrid_cache_capacity(SIZE_LIMIT);
    meta::Builder::new().configure(config).build_from_hir(hir).map_err(|error| describe(&error))
}

/// A build error worded as the regex crate words it.
fn describe(error: &BuildError) -> String {
    match (error.size_limit(), error.syntax_error()) {
        (Some(limit), _) => format!("Compiled regex exceeds size limit of {limit} bytes."),
        (None, Some(syntax)) => syntax.to_string(),
        (None, None) => error.to_string(),
    }
}

/// The index of the only capture group of `hir` when nothing but zero-width
/// assertions stands beside it (`\b(?P<name>...)\b`).
fn whole_group(hir: &Hir) -> Option<usize> {
    if hir.properties().explicit_captures_len() != 1 {
        return None;
    }
    let parts = match hir.kind() {
        HirKind::Concat(parts) => parts.as_slice(),
        _ => std::slice::from_ref(hir),
    };
    let mut groups = parts.iter().filter_map(|part| match part.kind() {
        HirKind::Capture(capture) => Some(capture.index as usize),
        _ => None,
    });
    let zero_width = parts.iter().all(|part| matches!(part.kind(), HirKind::Capture(_)) || part.properties().maximum_len() == Some(0));
    groups.next().filter(|_| zero_width)
}

/// The named capture groups of `hir`, in group order (the indices the engines use).
fn named_groups(hir: &Hir) -> Vec<Group> {
    let mut groups = Vec::new();
    gather_groups(hir, &mut groups);
    groups.sort_by_key(|group| group.index);
    groups
}

/// Add the named groups of `hir` to `groups`.
fn gather_groups(hir: &Hir, groups: &mut Vec<Group>) {
    match hir.kind() {
        HirKind::Capture(capture) => {
            if let Some(name) = &capture.name {
                let field = name.trim_end_matches(|c: char| c.is_ascii_digit());
                groups.push(Group { index: capture.index as usize, name: name.to_string(), field: field.to_string() });
            }
            gather_groups(&capture.sub, groups);
        }
        HirKind::Repetition(repetition) => gather_groups(&repetition.sub, groups),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().for_each(|part| gather_groups(part, groups)),
        _ => {}
    }
}

/// `hir` as it acts on text of `characters` only: classes keep those characters, a
/// literal with another character cannot match (an alternative made only of such
/// literals is dropped), and assertions become what `look` makes of them. With the
/// plain characters and [`ascii_look`] it is the pattern on plain text (see
/// [`is_plain`]): none of them is a word character beyond ASCII, so ASCII word
/// boundaries fall where Unicode ones do.
fn restricted(hir: &Hir, characters: &ClassUnicode, look: fn(Look) -> Look) -> Hir {
    let inner = |part: &Hir| restricted(part, characters, look);
    match hir.kind() {
        HirKind::Empty | HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
            Ok(text) if !text.chars().all(|c| characters.ranges().iter().any(|range| range.start() <= c && c <= range.end())) => Hir::fail(),
            _ => hir.clone(),
        },
        HirKind::Class(Class::Unicode(class)) => {
            let mut class = class.clone();
            class.intersect(characters);
            Hir::class(Class::Unicode(class))
        }
        HirKind::Look(kind) => Hir::look(look(*kind)),
        HirKind::Repetition(repetition) => {
            let mut repetition = repetition.clone();
            repetition.sub = Box::new(inner(&repetition.sub));
            Hir::repetition(repetition)
        }
        HirKind::Capture(capture) => {
            let mut capture = capture.clone();
            capture.sub = Box::new(inner(&capture.sub));
            Hir::capture(capture)
        }
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(inner).collect()),
        HirKind::Alternation(parts) => {
            let parts: Vec<Hir> = parts.iter().map(inner).collect();
            let kept: Vec<Hir> = parts.iter().filter(|part| !is_dead(part)).cloned().collect();
            // An alternation needs its alternatives; keep them all when none can match.
            Hir::alternation(if kept.is_empty() { parts } else { kept })
        }
    }
}

/// True when `hir` can match nothing and holds no capture group (dropping it changes
/// neither the matches nor the group numbers).
fn is_dead(hir: &Hir) -> bool {
    hir.properties().minimum_len().is_none() && hir.properties().explicit_captures_len() == 0
}

/// The plain characters, as a class.
fn plain_characters() -> ClassUnicode {
    let ascii = std::iter::once(ClassUnicodeRange::new('\0', '\u{7f}'));
    ClassUnicode::new(ascii.chain(PLAIN_BEYOND_ASCII.iter().map(|(first, last)| ClassUnicodeRange::new(*first, *last))))
}

/// An assertion unchanged.
fn keep_look(look: Look) -> Look {
    look
}

/// The ASCII counterpart of a Unicode word assertion; other assertions unchanged.
fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

/// A counted repetition allowing at least this many more copies than it needs
/// (`{3,200}`) is long: the lazy DFA tracks each copy apart, in large states.
const LONG_REPETITION: u32 = 20;

/// True when `hir` holds a long counted repetition.
fn has_long_repetition(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => false,
        HirKind::Repetition(repetition) => is_long(repetition.min, repetition.max) || has_long_repetition(&repetition.sub),
        HirKind::Capture(capture) => has_long_repetition(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(has_long_repetition),
    }
}

fn is_long(min: u32, max: Option<u32>) -> bool {
    max.is_some_and(|max| max - min >= LONG_REPETITION)
}

/// `hir` with its long counted repetitions unbounded (`{3,200}` into `{3,}`) and
/// without captures: it matches wherever `hir` does, and more.
fn unbounded(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
        HirKind::Repetition(repetition) => {
            let mut repetition = repetition.clone();
            if is_long(repetition.min, repetition.max) {
                repetition.max = None;
            }
            repetition.sub = Box::new(unbounded(&repetition.sub));
            Hir::repetition(repetition)
        }
        HirKind::Capture(capture) => unbounded(&capture.sub),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(unbounded).collect()),
        HirKind::Alternation(parts) => Hir::alternation(parts.iter().map(unbounded).collect()),
    }
}

/// `hir` without assertions and captures: it matches wherever `hir` does, and more.
fn relaxed(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
        HirKind::Look(_) => Hir::empty(),
        HirKind::Repetition(repetition) => {
            let mut repetition = repetition.clone();
            repetition.sub = Box::new(relaxed(&repetition.sub));
            Hir::repetition(repetition)
        }
        HirKind::Capture(capture) => relaxed(&capture.sub),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(relaxed).collect()),
        HirKind::Alternation(parts) => Hir::alternation(parts.iter().map(relaxed).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_punctuation_is_no_word_character() {
        for (first, last) in PLAIN_BEYOND_ASCII {
            for c in first..=last {
                assert_eq!(regex_syntax::try_is_word_character(c).ok(), Some(false), "{c:?} is a word character");
            }
        }
    }

    #[test]
    fn windows_with_letters_beyond_ascii_are_not_plain() {
        assert!(is_plain("He said \u{201c}no\u{201d} \u{2014} twice."));
        assert!(!is_plain("Zo\u{eb} said no."));
        assert!(is_latin("Zo\u{eb} and \u{141}\u{119}cka said \u{201c}no\u{201d}."));
        assert!(!is_latin("\u{3bb} said no."));
    }

    #[test]
    fn one_group_between_boundaries_spans_the_match() {
        let pattern = Pattern::new(r"\b(?P<name>[A-Z]{2,6})\b").expect("builds");
        let found = pattern.matches(Window::new("The FBI and NATO."), Record::Groups);
        let names: Vec<Option<Span>> = found.iter().map(|found| found.group(1)).collect();
        assert_eq!(names, vec![Some(Span::new(4, 7)), Some(Span::new(12, 16))]);
    }

    #[test]
    fn engines_beyond_plain_text_can_wait_until_needed() {
        // Unicode `\w` makes an automaton some hundred times larger than the ASCII one.
        let pattern = r"\b(?P<word>\w{3000})\b";
        assert!(Pattern::new(pattern).expect_err("too large with Unicode classes").contains("size limit"));
        let waiting = Pattern::build(pattern, Build::OnDemand).expect("the plain engines build");
        let plain = "a".repeat(3000);
        assert_eq!(waiting.matches(Window::new(&plain), Record::Groups).len(), 1);
        // Should the engines for other text fail to build, such text holds no match.
        let other = format!("λ {plain}");
        assert!(waiting.matches(Window::new(&other), Record::Groups).is_empty());
        assert!(waiting.match_at(Window::new(&other), 0, Record::Groups).is_none());
        assert!(waiting.match_anchored(Window::new(&other), 3, Record::Groups).is_none());
        // Latin text has engines of its own, whose `\w` holds few characters: they build.
        let latin = format!("é {plain}");
        assert_eq!(waiting.matches(Window::new(&latin), Record::Groups).len(), 1);
    }

    #[test]
    fn latin_text_matches_as_written_on_engines_of_its_own() {
        let pattern = Pattern::build(r"\b(?P<name>\p{Lu}\w+(?:[ -]\p{Lu}\w+)*)\s+(?P<cue>said|sagte)\b", Build::OnDemand).expect("builds");
        let regex = regex::Regex::new(pattern.as_str()).expect("builds");
        let texts = ["Zoë Łęcka-Ørsted said so, and Ðorđe Vũ said no.", "Éowyn Ünal sagte nein; Ἀλέξης Παππάς said yes."];
        for text in texts {
            let ours: Vec<_> = pattern.matches(Window::new(text), Record::Groups).iter().map(|found| (found.span(), found.group(1))).collect();
            let theirs: Vec<_> = regex.captures_iter(text).map(|found| (found.get(0).map(|m| Span::new(m.start(), m.end())), found.get(1).map(|m| Span::new(m.start(), m.end())))).collect();
            assert_eq!(ours, theirs, "{text}");
        }
        // Only the Greek window needed the engines for any text.
        assert!(pattern.latin.get().is_some() && pattern.unicode.get().is_some());
        let latin_only = Pattern::build(pattern.as_str(), Build::OnDemand).expect("builds");
        assert_eq!(latin_only.matches(Window::new(texts[0]), Record::Groups).len(), 2);
        assert!(latin_only.latin.get().is_some() && latin_only.unicode.get().is_none());
    }

    #[test]
    fn long_repetitions_keep_their_bounds() {
        let pattern = Pattern::new(r"\b(?P<head>[A-Z]\w*)\s+[^.]{3,40}?\s+(?P<cue>said)\b").expect("builds");
        assert!(pattern.screen.is_some());
        let near = "Officials at the agency said so.";
        let far = format!("Officials {} said so.", "x ".repeat(30));
        let spans = |text: &str| pattern.matches(Window::new(text), Record::Groups).iter().map(|found| (found.span(), found.group(2))).collect::<Vec<_>>();
        assert_eq!(spans(near), vec![(Some(Span::new(0, 28)), Some(Span::new(24, 28)))]);
        assert_eq!(spans(&far), vec![]);
        assert_eq!(pattern.match_anchored(Window::new(&far), 0, Record::Match).and_then(|found| found.span()), None);
    }

    #[test]
    fn long_repetitions_are_screened_beyond_plain_text_too() {
        // No Unicode word boundary: only the long repetition asks for a screen.
        let pattern = Pattern::new(r"(?P<head>\p{Lu}\w*)\s+[^.]{3,40}?\s+(?P<cue>said)").expect("builds");
        assert!(pattern.unicode().is_some_and(|unicode| unicode.relaxed.is_some()));
        let near = "Zoë at the agency said so.";
        let far = format!("Zoë {} said so.", "x ".repeat(30));
        let regex = regex::Regex::new(pattern.as_str()).expect("builds");
        for text in [near, &far] {
            let ours: Vec<_> = pattern.matches(Window::new(text), Record::Groups).iter().map(|found| (found.span(), found.group(2))).collect();
            let theirs: Vec<_> = regex.captures_iter(text).map(|found| (found.get(0).map(|m| Span::new(m.start(), m.end())), found.get(2).map(|m| Span::new(m.start(), m.end())))).collect();
            assert_eq!(ours, theirs, "{text}");
        }
        assert_eq!(pattern.matches(Window::new(&far), Record::Groups).len(), 0);
        assert!(pattern.match_anchored(Window::new(near), 0, Record::Match).is_some());
    }
}
