//! The boundary scanner: one block → the byte positions where its sentences end.
//!
//! Input: a block of cleaned text (no block break inside) and the [`SegmentRules`].
//! Output: ascending split points; the text between two of them, trimmed, is one
//! sentence. The scanner walks the bytes once and stops only at bytes that can
//! matter (terminal punctuation, line breaks, colons, the first byte of a bullet or
//! an ellipsis, and the first dash of the block), so it runs at memory speed on
//! ordinary prose. Two splits are found ahead of the scan and taken when it gets
//! there: the next marker of an inline list, and the end of a dateline that opens the
//! block ("Marlow, Ohio, United States —"), looked for once, at the block's first dash.

use super::chars::{self, Next};
use super::lists;
use super::rules::{Abbreviation, SegmentRules};

/// Shortest line, in characters, that can be a hard-wrapped one.
const WRAPPED_LINE: usize = 40;
/// Fewest lines for a block to show its wrap width.
const WRAPPED_LINES: usize = 3;
/// Most words before an abbreviation in an introductory phrase ("At 5 a.m.").
const INTRO_WORDS: usize = 2;
/// Most capitalised words between a quoted question and its speech verb.
const TAG_WORDS: usize = 4;
/// Most words in a dateline ("Kinshasa, Democratic Republic of the Congo —").
const DATELINE_WORDS: usize = 6;
/// Most bytes before the first comma of a dateline ("Rio Grande do Sul, Brazil —").
const DATELINE_NAME_BYTES: usize = 40;
/// Most bytes before the first dash of a block for it to be looked at as a dateline.
const DATELINE_BYTES: usize = 96;
/// Most bytes inside the brackets of a news agency's credit in a dateline ("(AP)").
const CREDIT_BYTES: usize = 40;

/// Split points of one block.
pub(super) fn split_points(block: &str, rules: &SegmentRules) -> Vec<usize> {
    Scanner::new(block, rules).run()
}

/// A run of terminal punctuation: "." "?!" "..." ". . . ." "…".
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    dots: usize,
    marks: bool,
    spaced: bool,
}

impl Run {
    fn read(bytes: &[u8], start: usize) -> Run {
        let mut run = Run { start, end: start, dots: 0, marks: false, spaced: false };
        loop {
            match bytes.get(run.end..) {
                Some([b'.', ..]) => run.dots += 1,
                Some([b'!' | b'?', ..]) => run.marks = true,
                Some([0xE2, 0x80, 0xA6, ..]) => {
                    run.dots += 3;
                    run.end += 2;
                }
                Some([b' ', b'.', after @ ..]) if run.dots > 0 && !run.marks && !after.first().is_some_and(u8::is_ascii_alphanumeric) => {
                    run.spaced = true;
                }
                _ => return run,
            }
            run.end += 1;
        }
    }

    fn is_ellipsis(&self) -> bool {
        self.dots >= 2
    }
}

struct Scanner<'a> {
    text: &'a str,
    rules: &'a SegmentRules,
    interesting: [bool; 256],
    /// `interesting` without the dateline dashes, once the block's first dash is seen.
    past_dateline: [bool; 256],
    /// True until the first dateline dash of the block has been looked at.
    dateline_open: bool,
    splits: Vec<usize>,
    sentence_start: usize,
    line_start: usize,
    wrap_width: Option<usize>,
    in_list: bool,
    /// A split found ahead: the next inline list marker, or the end of a dateline.
    pending_split: Option<usize>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, rules: &'a SegmentRules) -> Scanner<'a> {
        let mut interesting = [false; 256];
        for byte in [b'.', b'!', b'?', b'\n', 0xE2] {
            interesting[usize::from(byte)] = true;
        }
        interesting[usize::from(b':')] = rules.has_credit_labels();
        for bullet in rules.bullets() {
            let mut buffer = [0u8; 4];
            interesting[usize::from(bullet.encode_utf8(&mut buffer).as_bytes()[0])] = true;
        }
        let past_dateline = interesting;
        for dash in rules.dateline_dashes() {
            let mut buffer = [0u8; 4];
            interesting[usize::from(dash.encode_utf8(&mut buffer).as_bytes()[0])] = true;
        }
        let wrap_width = wrap_width(text);
        Scanner {
            text,
            rules,
            interesting,
            past_dateline,
            dateline_open: !rules.dateline_dashes().is_empty(),
            splits: Vec::new(),
            sentence_start: 0,
            line_start: 0,
            wrap_width,
            in_list: false,
            pending_split: None,
        }
    }

    fn run(mut self) -> Vec<usize> {
        self.start_sentence(0);
        let bytes = self.text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            if !self.interesting[usize::from(byte)] {
                at += 1;
                continue;
            }
            self.flush_item(at);
            at = match byte {
                b'.' | b'!' | b'?' => self.punctuation(at),
                b'\n' => self.line_break(at),
                b':' => self.colon(at),
                _ => self.special_character(at),
            };
        }
        self.flush_item(bytes.len());
        self.splits
    }

    /// End the current sentence at `at` and start the next one after it.
    fn split(&mut self, at: usize) {
        let has_text = self.text.get(self.sentence_start..at).is_some_and(|s| !s.trim().is_empty());
        if has_text {
            self.splits.push(at);
            self.start_sentence(at);
        }
    }

    /// Record a sentence start; when it is a list item, find the next item on its line.
    fn start_sentence(&mut self, at: usize) {
        self.sentence_start = chars::skip_space(self.text, at);
        self.pending_split = None;
        let item = self.skip_bullets(self.sentence_start);
        let marker = lists::marker_at(self.text, item);
        let in_list = std::mem::replace(&mut self.in_list, marker.is_some());
        if let Some(marker) = marker.filter(|marker| in_list || marker.opens_list()) {
            let line_end = self.text[marker.end..].find('\n').map_or(self.text.len(), |offset| marker.end + offset);
            self.pending_split = lists::next_marker(self.text, &marker, line_end);
        }
    }

    fn flush_item(&mut self, at: usize) {
        while let Some(item) = self.pending_split.filter(|&item| item <= at) {
            self.pending_split = None;
            self.split(item);
        }
    }

    fn skip_bullets(&self, at: usize) -> usize {
        let rest = self.text.get(at..).unwrap_or("");
        at + rest.len() - rest.trim_start_matches(|c: char| self.rules.is_bullet(c) || self.rules.is_line_bullet(c) || chars::is_space(c)).len()
    }

    /// A lead byte: an ellipsis character, a bullet, a dash, or nothing of interest.
    fn special_character(&mut self, at: usize) -> usize {
        let Some(c) = chars::char_at(self.text, at) else { return at + 1 };
        if self.dateline_open && self.rules.is_dateline_dash(c) {
            self.first_dash(at);
        }
        if c == '…' {
            return self.punctuation(at);
        }
        let after_space = at == 0 || chars::char_before(self.text, at).is_some_and(chars::is_space);
        if self.rules.is_bullet(c) && after_space && at > self.sentence_start {
            self.split(at);
        }
        at + c.len_utf8()
    }

    /// The block's first dash, at `at`: when it comes early in the first sentence, the
    /// block may open with a dateline that ends at it or at a later dash. Dashes stop
    /// the scan no more after this.
    fn first_dash(&mut self, at: usize) {
        self.dateline_open = false;
        self.interesting = self.past_dateline;
        if at <= DATELINE_BYTES && self.splits.is_empty() && self.pending_split.is_none() {
            self.pending_split = dateline_end(self.text, self.rules);
        }
    }

    /// A colon at `at`: a capitalised credit label before it, after the end of a phrase,
    /// starts a new sentence ("... the nucleus Image: NASA/JPL."). Returns where
    /// scanning goes on.
    fn colon(&mut self, at: usize) -> usize {
        if !at.checked_sub(1).and_then(|before| self.text.as_bytes().get(before)).is_some_and(u8::is_ascii_alphabetic) {
            return at + 1;
        }
        let length = self.rules.credit_label_before(&self.text[..at]);
        if length == 0 {
            return at + 1;
        }
        let label = at - length;
        let capital = chars::char_at(self.text, label).is_some_and(char::is_uppercase);
        let spaced = chars::char_before(self.text, label).is_some_and(chars::is_space);
        let previous = self.text[self.sentence_start.min(label)..label].trim_end().chars().next_back();
        let ends_phrase = previous.is_some_and(|c| c.is_alphanumeric() || chars::is_closer(c) || chars::is_terminal(c));
        let credit_follows = self.text[at + 1..].starts_with([' ', '\t']) && chars::skip_space(self.text, at + 1) < self.text.len();
        if capital && spaced && ends_phrase && credit_follows {
            self.split(label);
        }
        at + 1
    }

    /// Terminal punctuation at `at`; returns where scanning goes on.
    fn punctuation(&mut self, at: usize) -> usize {
        let run = Run::read(self.text.as_bytes(), at);
        let closed = chars::skip_closers(self.text, run.end);
        let next = chars::skip_space(self.text, closed);
        if next >= self.text.len() {
            return run.end;
        }
        if next == closed {
            if self.is_joined_boundary(run, closed) {
                self.split(closed);
            }
            return run.end;
        }
        if let Some(point) = self.spaced_boundary(run, closed, next) {
            self.split(point);
        }
        run.end
    }

    /// Where the sentence ends when white space follows the run, if it ends there.
    fn spaced_boundary(&self, run: Run, closed: usize, next: usize) -> Option<usize> {
        let class = match chars::next_class(self.text, next, self.rules) {
            Next::LineBullet if !self.text[closed..next].contains('\n') => Next::Other,
            class => class,
        };
        if run.is_ellipsis() {
            return self.ellipsis_boundary(run, closed, class);
        }
        if run.marks {
            let quoted = self.text[run.end..closed].contains(['"', '”', '\'', '’']);
            let tagged = quoted && self.speech_tag_follows(next);
            let starts = matches!(class, Next::Capital | Next::Digit | Next::Bullet);
            return (starts && !tagged).then_some(closed);
        }
        self.period_ends_sentence(run.start, next, class).then_some(closed)
    }

    /// "hours... Finally" ends; "going ... no" and "is . . . I didn't" do not;
    /// "compounds. . . . The" ends after its first period; "[...]" never ends.
    fn ellipsis_boundary(&self, run: Run, closed: usize, class: Next) -> Option<usize> {
        let before = chars::char_before(self.text, run.start);
        if matches!(before, Some('[' | '(')) || !matches!(class, Next::Capital | Next::Bullet) {
            return None;
        }
        let attached = before.is_some_and(|c| !chars::is_space(c));
        match (attached, run.spaced && run.dots >= 4) {
            (true, true) => Some(run.start + 1),
            (true, false) => Some(closed),
            (false, _) => (run.dots >= 4).then_some(closed),
        }
    }

    /// Does the single period at `period` end a sentence, given what follows?
    fn period_ends_sentence(&self, period: usize, next: usize, class: Next) -> bool {
        let token_start = chars::token_start(self.text, period, self.sentence_start);
        let token = &self.text[token_start..period];
        let word = chars::bare_word(token, self.rules);
        if self.is_first_token(token_start) && lists::is_marker_word(word) {
            return false;
        }
        if class == Next::Bullet {
            return true;
        }
        if self.credit_and_dash_follow(next) {
            return false;
        }
        if chars::is_address(token) {
            return matches!(class, Next::Capital | Next::Digit);
        }
        match self.rules.abbreviation(word) {
            Some(kind) => self.abbreviation_ends(kind, token_start, next, class),
            None if chars::is_single_letter(word) || chars::is_dotted_abbreviation(word) => {
                class == Next::Capital && self.starter_follows(next) && !self.is_intro_phrase(token_start)
            }
            None => matches!(class, Next::Capital | Next::Digit | Next::LineBullet),
        }
    }

    fn abbreviation_ends(&self, kind: Abbreviation, token_start: usize, next: usize, class: Next) -> bool {
        match kind {
            Abbreviation::Title | Abbreviation::NeverEnd => false,
            Abbreviation::BeforeNumber => class == Next::Capital,
            Abbreviation::MayEnd => class == Next::Capital && !self.is_intro_phrase(token_start) && !self.continuation_follows(next),
            Abbreviation::StreetOrSaint => self.follows_name(token_start) && self.abbreviation_ends(Abbreviation::MayEnd, token_start, next, class),
        }
    }

    /// True when a news agency's credit in brackets and a dateline dash follow at `next`
    /// ("BARRE, Vt. (Green Mountain Wire) — A year"): the period ends an abbreviation of
    /// the dateline, no sentence.
    fn credit_and_dash_follow(&self, next: usize) -> bool {
        let Some(inside) = self.text[next..].strip_prefix('(') else { return false };
        let Some(close) = inside.find([')', '(', '\n']).filter(|close| inside[*close..].starts_with(')')) else { return false };
        let after = inside[close + 1..].trim_start_matches([' ', '\t']);
        close <= CREDIT_BYTES && after.starts_with(|c| self.rules.is_dateline_dash(c))
    }

    /// True when the word at `next` continues a sentence after a `may-end` abbreviation
    /// ("9 a.m. Monday", "6:15 a.m. Central time", "Hanjin Co. Ltd.").
    fn continuation_follows(&self, next: usize) -> bool {
        self.rules.is_continuation(chars::letters_at(self.text, chars::skip_openers(self.text, next)))
    }

    /// True when only bullets and white space stand between the sentence start and `at`.
    fn is_first_token(&self, at: usize) -> bool {
        self.skip_bullets(self.sentence_start) >= at
    }

    /// True when the word before `token_start` in this sentence is capitalised ("Main St.").
    fn follows_name(&self, token_start: usize) -> bool {
        let head = self.text[self.sentence_start..token_start].trim_end();
        let previous = head.rsplit(chars::is_space).next().unwrap_or("");
        chars::starts_capitalised(chars::bare_word(previous, self.rules))
    }

    /// True when the sentence so far is a short phrase opened by a preposition.
    fn is_intro_phrase(&self, token_start: usize) -> bool {
        let head = &self.text[self.sentence_start..token_start];
        let mut words = head.split_whitespace();
        let first = words.next().unwrap_or("");
        words.count() < INTRO_WORDS && self.rules.is_intro_preposition(chars::bare_word(first, self.rules))
    }

    /// True when the word at `next` typically opens a sentence and is not an initial.
    fn starter_follows(&self, next: usize) -> bool {
        let start = chars::skip_openers(self.text, next);
        let word = chars::letters_at(self.text, start);
        let word_end = start + word.len();
        let initial = word.chars().count() == 1 && self.text.as_bytes().get(word_end) == Some(&b'.');
        !initial && self.rules.is_sentence_starter(word)
    }

    /// True when capitalised words and then a speech verb follow ("Mayor Lin asked").
    fn speech_tag_follows(&self, next: usize) -> bool {
        let rest = self.text.get(next..).unwrap_or("");
        for (index, token) in rest.split_whitespace().take(TAG_WORDS + 1).enumerate() {
            let word = token.trim_matches(|c: char| !c.is_alphanumeric());
            if chars::starts_capitalised(word) {
                continue;
            }
            return index > 0 && self.rules.is_speech_verb(word);
        }
        false
    }

    /// No space after the run: "failed.Officials" ends, "U.S.A." and "Jane.Doe@x" do not.
    fn is_joined_boundary(&self, run: Run, closed: usize) -> bool {
        if run.end - run.start != 1 {
            return false;
        }
        let capital_word = chars::char_at(self.text, closed).is_some_and(char::is_uppercase)
            && chars::letters_at(self.text, closed).chars().nth(1).is_some_and(char::is_lowercase);
        if !capital_word {
            return false;
        }
        let token_start = chars::token_start(self.text, run.start, self.sentence_start);
        let token = &self.text[token_start..chars::token_end(self.text, closed)];
        let word = chars::bare_word(&self.text[token_start..run.start], self.rules);
        let tail = word.rsplit(['.', ',']).next().unwrap_or("");
        tail.chars().count() >= 2
            && tail.chars().all(char::is_alphanumeric)
            && !word.contains('.')
            && !chars::is_address(token)
            && self.rules.abbreviation(word).is_none()
    }

    /// True when `line` was broken only because the next word did not fit the block's
    /// width (a hard-wrapped paragraph), not by its author.
    fn is_wrapped(&self, line: &str, next: usize) -> bool {
        let Some(width) = self.wrap_width else { return false };
        let length = line.chars().count();
        let next_word = chars::token_end(self.text, next) - next;
        length >= WRAPPED_LINE && length + 1 + next_word > width
    }

    /// A line break inside the block; returns where scanning goes on.
    fn line_break(&mut self, at: usize) -> usize {
        let line_start = self.line_start;
        self.line_start = at + 1;
        let next = chars::skip_space(self.text, at);
        if next < self.text.len() && self.line_ends_sentence(line_start, at, next) {
            self.split(at);
        }
        at + 1
    }

    /// Does a line without final punctuation end its sentence? Headlines, list items and
    /// captions do; a sentence broken across lines ("a cold \nnight") does not.
    fn line_ends_sentence(&self, line_start: usize, line_end: usize, next: usize) -> bool {
        let line = self.text[line_start..line_end].trim_end();
        let Some(last) = line.trim_end_matches(chars::is_closer).chars().next_back() else { return false };
        if chars::is_terminal(last) {
            return false;
        }
        let next_item = lists::marker_at(self.text, next).is_some();
        let class = chars::next_class(self.text, next, self.rules);
        if matches!(class, Next::Bullet | Next::LineBullet) || next_item {
            return true;
        }
        if self.is_wrapped(line, next) || matches!(last, ',' | ';' | '-' | '–' | '—' | '(' | '&' | '/') {
            return false;
        }
        match class {
            Next::Lower => self.sentence_start >= line_start && chars::char_at(self.text, self.sentence_start).is_some_and(char::is_lowercase),
            _ => true,
        }
    }
}

/// The longest line of a block of at least [`WRAPPED_LINES`] lines, in characters.
fn wrap_width(block: &str) -> Option<usize> {
    if !block.contains('\n') {
        return None;
    }
    let lengths = block.lines().map(|line| line.trim_end().chars().count());
    let (count, longest) = lengths.fold((0, 0), |(count, longest), length| (count + 1, longest.max(length)));
    (count >= WRAPPED_LINES).then_some(longest)
}

/// Where a dateline that opens the block ends, when a sentence with final punctuation
/// follows it: capitalised place names in two or more comma-separated parts, then a
/// dateline dash ("Marlow, Ohio, United States — Voters ... Saturday."; short lower-case
/// words such as "of" may stand inside a name). A first word in capitals is a wire
/// dateline ("WASHINGTON (Reuters) - The", "HERSHEY, Pa. - Voters") and stays in its
/// sentence; a title-case headline has no final punctuation and stays whole.
fn dateline_end(block: &str, rules: &SegmentRules) -> Option<usize> {
    if !may_open_with_dateline(block.as_bytes()) {
        return None;
    }
    let mut parts = 1;
    let mut previous: Option<&str> = None;
    for (index, token) in block.split_whitespace().take(DATELINE_WORDS + 1).enumerate() {
        let start = token.as_ptr() as usize - block.as_ptr() as usize;
        let mut characters = token.chars();
        let dash = characters.next().is_some_and(|c| rules.is_dateline_dash(c)) && characters.next().is_none();
        if dash {
            let after = start + token.len();
            let last_ok = previous.is_some_and(|word| !word.ends_with(','));
            let capital_follows = chars::char_at(block, chars::skip_space(block, after)).is_some_and(char::is_uppercase);
            let sentence_follows = capital_follows && block[after..].contains(chars::is_terminal);
            return (parts >= 2 && last_ok && sentence_follows).then_some(after);
        }
        let word = token.strip_suffix(',').unwrap_or(token);
        parts += usize::from(word.len() < token.len());
        let first = word.chars().next()?;
        let letters = word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        let connector = first.is_lowercase() && index > 0 && word.chars().count() <= 3 && !token.ends_with(',');
        let shouted = index == 0 && word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase);
        if !letters || shouted || !(first.is_uppercase() || connector) {
            return None;
        }
        previous = Some(token);
    }
    None
}

/// A cheap test run before [`dateline_end`] on every block: the block opens with a
/// capital (or a non-ASCII letter), and a comma comes within [`DATELINE_NAME_BYTES`]
/// bytes after only letters, spaces, hyphens and apostrophes, with no lower-case word of
/// four letters or more ("Isle of Wight," and "Marlow," pass; "Some of the steepest",
/// "Dr. Chiara" and "Must Read" do not).
fn may_open_with_dateline(bytes: &[u8]) -> bool {
    if !bytes.first().is_some_and(|b| b.is_ascii_uppercase() || *b >= 0x80) {
        return false;
    }
    let mut lower_word = 0;
    let mut word_start = true;
    for &byte in &bytes[..bytes.len().min(DATELINE_NAME_BYTES)] {
        match byte {
            b',' => return true,
            b' ' => {
                word_start = true;
                lower_word = 0;
                continue;
            }
            b'a'..=b'z' if word_start || lower_word > 0 => {
                lower_word += 1;
                if lower_word > 3 {
                    return false;
                }
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'-' | b'\'' | 0x80.. => {}
            _ => return false,
        }
        word_start = false;
    }
    false
}
