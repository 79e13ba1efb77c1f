//! Attributions: quotations with their speech tags, and reported speech.
//!
//! Input: the cleaned text, its sentences, the rules of `attributions.toml`, the
//! unvetoed matches of its sentence rules, and the actors and places found so far.
//! Output: attribution findings with source, cue and content spans. Direct
//! quotations take their tag from `after-quote` rules (text after the closing mark)
//! or `before-quote` rules (text before the opening mark); an untagged quotation
//! that opens a sentence continues the previous speaker's words. `sentence` rules
//! find reported speech. Pronoun and description sources are resolved with the
//! vocabulary `refers-to` to the nearest fitting name before them.

use super::matching::{self, Candidate};
use super::mentions::is_capitalised;
use super::quotes::{self, Quotation};
use super::{actor, first_disjoint, sentence_of, Finding};
use crate::claim::{AttributionFields, ClaimKind, Fields, Part, Source};
use crate::ruleset::pattern::Window;
use crate::ruleset::prefilter::Possible;
use crate::ruleset::{RuleFileRules, Scope, Vocabulary};
use crate::segment::Sentence;
use crate::span::{Span, SpanIndex};

/// A quotation of at most this many words inside a sentence is a scare quote or a
/// title, not speech that ends the window of a later tag.
const SCARE_QUOTE_WORDS: usize = 4;

/// The flag of rules whose source is a delimited phrase that may hold prepositions
/// (`according to people familiar with the matter`).
const PHRASE_SOURCE: &str = "phrase-source";

/// Everything the attribution builder reads.
struct Input<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    file: &'a RuleFileRules,
    /// Which of the file's rules may match in which sentence.
    possible: &'a Possible<'a>,
    known: &'a [(ClaimKind, Finding)],
    /// The spans of `known`, with their positions in it.
    known_spans: SpanIndex<usize>,
    /// Positions in `known`, by start (then position).
    known_by_start: Vec<usize>,
}

/// Build attribution findings.
pub fn findings<'r>(
    text: &str,
    sentences: &[Sentence],
    file: &'r RuleFileRules,
    possible: &Possible<'_>,
    matched: Vec<Candidate<'r>>,
    known: &[(ClaimKind, Finding)],
) -> Vec<Finding> {
    let known_spans = SpanIndex::new(known.iter().enumerate().map(|(position, (_, finding))| (finding.span, position)));
    let mut known_by_start: Vec<usize> = (0..known.len()).collect();
    known_by_start.sort_by_key(|position| (known[*position].1.span.start, *position));
    let input = Input { text, sentences, file, possible, known, known_spans, known_by_start };
    let quotations = quotes::find(text);
    let tagged = input.tagged(&quotations);
    let reported = input.reported(matched, &quotations, &tagged);
    let mut reported = reported;
    cut_before_joined_tags(text, &mut reported);
    let mut found = input.direct(&quotations, &tagged, &reported);
    found.extend(reported);
    for finding in &mut found {
        input.resolve(finding);
    }
    found.sort_by_key(|f| (f.span.start, f.span.end));
    found
}

/// A speech tag: the source and cue spans of a rule match.
#[derive(Debug, Clone)]
struct Tag {
    source: Span,
    cue: Span,
    rule: String,
    captures: Vec<(String, Span)>,
}

impl Input<'_> {
    fn sentence_span(&self, offset: usize) -> Span {
        self.sentence_at(sentence_of(self.sentences, offset))
    }

    /// The span of sentence number `index` (the whole text when there are no sentences).
    fn sentence_at(&self, index: usize) -> Span {
        self.sentences.get(index).map_or(Span::new(0, self.text.len()), Sentence::span)
    }

    /// The speech tag of each quotation that has one of its own.
    fn tagged(&self, quotations: &[Quotation]) -> Vec<Option<Tag>> {
        quotations
            .iter()
            .map(|quotation| {
                let words = quotation.content.slice(self.text).split_whitespace().count();
                if words < 3 {
                    // A short quotation is speech only when it ends like speech
                    // (“That’s correct,” Volker said.), not a title or a scare quote.
                    return self.ends_like_speech(quotation).then(|| self.tag_after(quotation)).flatten();
                }
                self.tag_after(quotation).or_else(|| self.tag_before(quotation))
            })
            .collect()
    }

    /// Attributions of quotations: tagged ones, and untagged ones that open a sentence
    /// right after an attribution (they continue that speaker's words) unless reported
    /// speech holds them (“…” mutually shared by both, he warned.).
    fn direct(&self, quotations: &[Quotation], tagged: &[Option<Tag>], reported: &[Finding]) -> Vec<Finding> {
        let mut found: Vec<Finding> = Vec::new();
        let mut last: Option<(Tag, usize)> = None;
        let mut reported_by_end: Vec<&Finding> = reported.iter().collect();
        reported_by_end.sort_by_key(|finding| finding.span.end);
        let reported_spans = SpanIndex::new(reported.iter().map(|finding| (finding.span, ())));
        for (quotation, tag) in quotations.iter().zip(tagged) {
            let earlier = || self.latest_before(quotation.outer.start, last.as_ref(), &reported_by_end);
            let covered = || reported_spans.near(quotation.outer).iter().any(|(span, _)| span.contains(quotation.outer));
            let continued = || if covered() { None } else { self.continued(quotation, earlier().as_ref()) };
            let tag = match tag.clone().or_else(continued) {
                Some(tag) => tag,
                None => continue,
            };
            found.push(self.finding(&tag, quotation.content, true));
            last = Some((tag, quotation.outer.end));
        }
        found
    }

    /// The latest attribution ending before `offset`: the last quotation's tag or a
    /// reported-speech attribution (the last of them on a tie), whichever ends later.
    /// `reported` is sorted by end, ties in their order.
    fn latest_before(&self, offset: usize, last: Option<&(Tag, usize)>, reported: &[&Finding]) -> Option<(Tag, usize)> {
        let before = reported.partition_point(|f| f.span.end <= offset);
        let from_reported = before
            .checked_sub(1)
            .and_then(|index| reported.get(index))
            .and_then(|f| match &f.fields {
                Fields::Attribution(a) => Some((Tag { source: a.source.span, cue: a.cue.span, rule: f.rule.clone(), captures: f.captures.clone() }, f.span.end)),
                _ => None,
            });
        match (last.cloned(), from_reported) {
            (Some(a), Some(b)) => Some(if a.1 >= b.1 { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// The words inside the marks end with a comma, question or exclamation mark.
    fn ends_like_speech(&self, quotation: &Quotation) -> bool {
        let inner = &self.text[quotation.content.start..quotation.outer.end];
        quotation.closed && ends_in_speech_mark(inner.trim_end_matches(['\u{201d}', '"', '\u{2019}', '\'']))
    }

    fn tag_after(&self, quotation: &Quotation) -> Option<Tag> {
        if !quotation.closed {
            return None;
        }
        let sentence = sentence_of(self.sentences, quotation.outer.end.saturating_sub(1));
        let end = self.sentence_at(sentence).end;
        self.first_tag(Scope::AfterQuote, Span::new(quotation.outer.end, end.max(quotation.outer.end)), sentence)
    }

    fn tag_before(&self, quotation: &Quotation) -> Option<Tag> {
        let sentence = sentence_of(self.sentences, quotation.outer.start);
        let start = self.previous_quotation_end(quotation, self.sentence_at(sentence).start);
        self.first_tag(Scope::BeforeQuote, Span::new(start, quotation.outer.start), sentence)
    }

    /// The start of the before-quote window: the sentence start, or the end of the
    /// last quotation before it in the sentence that is longer than a scare quote
    /// (Volker said he never used the term “three amigos” and added, “…”) or ends like
    /// speech (“We welcome the jobs,” said …, “but …”).
    fn previous_quotation_end(&self, quotation: &Quotation, sentence_start: usize) -> usize {
        let mut before = &self.text[sentence_start..quotation.outer.start];
        while let Some(close) = before.rfind(['\u{201d}', '"']) {
            let open = before[..close].rfind(['\u{201c}', '"']);
            let words = open.map_or(usize::MAX, |open| before[open..close].split_whitespace().count());
            let speech = ends_in_speech_mark(&before[..close]);
            match open {
                Some(open) if words <= SCARE_QUOTE_WORDS && !speech => before = &before[..open],
                // Past the closing mark, which may be a curly one of three bytes.
                _ => return sentence_start + close + before[close..].chars().next().map_or(1, char::len_utf8),
            }
        }
        sentence_start
    }

    /// The best tag of rules of `scope` in `window`, which lies inside sentence
    /// number `sentence`.
    fn first_tag(&self, scope: Scope, window: Span, sentence: usize) -> Option<Tag> {
        let text = Window::new(window.slice(self.text));
        let mut candidates: Vec<Candidate> = self
            .file
            .rules
            .iter()
            .enumerate()
            .filter(|(index, rule)| rule.scope == scope && !rule.exclude && self.possible.contains(sentence, *index))
            .flat_map(|(_, rule)| matching::find(rule, text, window.start))
            .collect();
        candidates.sort_by(|a, b| b.rule.priority.cmp(&a.rule.priority).then(b.span.len().cmp(&a.span.len())));
        candidates.into_iter().filter_map(|c| self.refine(c)).find_map(|c| tag(&c, self.text))
    }

    /// An untagged quotation opening a sentence right after an attribution continues it.
    fn continued(&self, quotation: &Quotation, last: Option<&(Tag, usize)>) -> Option<Tag> {
        if quotation.content.slice(self.text).split_whitespace().count() < 3 {
            return None;
        }
        let (tag, last_end) = last?;
        let sentence = sentence_of(self.sentences, quotation.outer.start);
        let previous = sentence_of(self.sentences, last_end.saturating_sub(1));
        let opens_sentence = self.sentence_span(quotation.outer.start).start == quotation.outer.start;
        (opens_sentence && sentence <= previous + 2 && sentence >= previous).then(|| tag.clone())
    }

    /// Reported speech from sentence rules, minus cues already used by quotations and
    /// cues inside a quotation (the quoted speaker's own words).
    fn reported(&self, matched: Vec<Candidate<'_>>, quotations: &[Quotation], tagged: &[Option<Tag>]) -> Vec<Finding> {
        let used_cues = SpanIndex::new(tagged.iter().flatten().map(|tag| (tag.cue, ())));
        let quoted = SpanIndex::new(quotations.iter().map(|quotation| (quotation.content, ())));
        let candidates: Vec<Candidate> = matched
            .into_iter()
            .filter(|c| !used_cues.overlaps(c.core()) && !quoted.overlaps(c.core()))
            .filter_map(|c| self.refine(c))
            .collect();
        let tags: Vec<(Span, Tag)> = distinct_cues(candidates, self.sentences)
            .iter()
            .filter_map(|candidate| Some((candidate.capture("content")?.trimmed(self.text), tag(candidate, self.text)?)))
            .collect();
        tags.iter()
            .map(|(content, tag)| {
                let own_cues: Vec<Span> = tags.iter().filter(|(_, other)| other.source == tag.source).map(|(_, other)| other.cue).collect();
                let content = trim_final_period(self.text, before_next_cue(self.text, *content, &own_cues));
                self.finding(tag, content, false)
            })
            .collect()
    }

    /// Drop leading joiners from the source ("as one neo-bank CEO" → "one neo-bank
    /// CEO"); refuse a source that holds a word of the list `not-in-source` (a verb or
    /// preposition: the match was not a speaker) outside a phrase of the vocabulary
    /// `source-phrase` (`a person familiar with the matter`) unless, as written, it is in
    /// `first-names` (the `Will` of Will Moy) or in capitals (`The WHO said`) or the rule sets `phrase-source` (what
    /// follows `according to` is the source, prepositions and all), ends in a word of `not-source-end`
    /// or a possessive, or starts inside a contraction (the `ve` of `I’ve`); refuse
    /// content that starts with a word of `not-content-start` (`earlier`: no statement)
    /// or is only a time (`on Wednesday`) or a frame (`In a statement`), and a source a
    /// `where` or `when` clause follows (the speaker is in the clause).
    fn refine<'r>(&self, mut candidate: Candidate<'r>) -> Option<Candidate<'r>> {
        let index = candidate.captures.iter().position(|(name, _)| *name == "source")?;
        let mut source = trim_source(self.text, candidate.captures[index].1);
        let in_list = |list: &str, word: &str| self.file.in_list(list, &word.to_lowercase());
        while let Some(word) = source.slice(self.text).split_whitespace().next() {
            if !in_list("source-joiners", word) || source.slice(self.text).split_whitespace().count() == 1 {
                break;
            }
            source = Span::new(source.start + word.len(), source.end).trimmed(self.text);
        }
        source = without_trailing_adverbs(self.text, source, self.file);
        source = without_trailing_place(self.text, source);
        let slice = source.slice(self.text);
        let last_word = slice.split_whitespace().next_back().unwrap_or_default();
        let content = candidate.capture_text("content", self.text);
        let content_start = content.and_then(|c| c.split_whitespace().next());
        let refused = slice.is_empty()
            || in_list("source-joiners", slice)
            || (!candidate.flag(PHRASE_SOURCE) && words_outside_phrases(slice, &self.file.vocabulary).any(|word| in_list("not-in-source", word) && !self.file.in_list("first-names", word) && !is_acronym(word)))
            || in_list("not-source-end", last_word)
            || slice.ends_with(['\'', '\u{2019}'])
            || actor::is_possessive(slice)
            || self.text[..source.start].ends_with(['\'', '\u{2019}'])
            || (is_one_name(slice) && after_place_preposition(&self.text[..source.start]))
            || content_start.is_some_and(|word| in_list("not-content-start", word))
            || content.is_some_and(is_time_only)
            || content.is_some_and(|content| self.is_frame_only(content))
            || opens_where_clause(&self.text[source.end..])
            || !is_lone_source(slice, &self.file.vocabulary);
        if refused {
            return None;
        }
        candidate.captures[index].1 = source;
        Some(candidate)
    }

    /// True for content of at most four words that opens with a word of the list
    /// `frame-openers`: a frame around what was said, not a statement (`In a
    /// statement`, before `, the coastguard said the boat …`).
    fn is_frame_only(&self, content: &str) -> bool {
        let mut words = content.split_whitespace();
        let opens_frame = words.next().is_some_and(|word| self.file.in_list("frame-openers", &word.to_lowercase()));
        opens_frame && words.count() < 4
    }

    fn finding(&self, tag: &Tag, content: Span, direct: bool) -> Finding {
        let part = |span: Span| Part { text: span.slice(self.text).to_string(), span };
        let source = Source { text: tag.source.slice(self.text).to_string(), span: tag.source, resolved: None };
        Finding {
            span: claim_span(tag.source, tag.cue, content),
            rule: tag.rule.clone(),
            fields: Fields::Attribution(AttributionFields { source, cue: part(tag.cue), content: part(content), direct }),
            captures: tag.captures.clone(),
        }
    }

    /// Name the referent of a pronoun or description source, or the full name of a surname.
    fn resolve(&self, finding: &mut Finding) {
        let Fields::Attribution(fields) = &mut finding.fields else { return };
        let source = &mut fields.source;
        if let Some(name) = self.named_within(source.span) {
            if name != source.text {
                source.resolved = Some(name);
            }
            return;
        }
        let Some(wanted) = self.file.vocabulary.lookup("refers-to", &source.text) else { return };
        source.resolved = self.nearest_before(source.span.start, wanted);
    }

    /// The name of an actor (or place) found inside `span`: the last one, which heads
    /// the phrase ("Safeguard Defenders campaign director Laura Harth"), the longest on a
    /// tie; never an owner before a possessive ("Hammond's lawyer" is not Hammond).
    fn named_within(&self, span: Span) -> Option<String> {
        self.known_spans
            .near(span)
            .iter()
            .filter(|(inner, _)| span.contains(*inner) && !is_owner(&self.text[inner.end..span.end]))
            .max_by_key(|(inner, position)| (inner.end, inner.len(), *position))
            .and_then(|(_, position)| name_of(&self.known[*position].1))
    }

    /// The nearest actor (person or organization, as `wanted` says) before `offset`:
    /// the one starting last, the last found on a tie.
    fn nearest_before(&self, offset: usize, wanted: &str) -> Option<String> {
        let upto = self.known_by_start.partition_point(|position| self.known[*position].1.span.start <= offset);
        self.known_by_start[..upto]
            .iter()
            .rev()
            .map(|position| &self.known[*position])
            .find(|(kind, f)| f.span.end <= offset && fits(*kind, f, wanted))
            .and_then(|(_, f)| name_of(f))
    }
}

fn fits(kind: ClaimKind, finding: &Finding, wanted: &str) -> bool {
    match (&finding.fields, wanted) {
        (Fields::Actor(actor), "person") => actor.actor_type == "person",
        (Fields::Actor(actor), "organization") => actor.actor_type == "organization",
        (Fields::Actor(_), "any") => true,
        (Fields::Place(place), "organization" | "any") => kind == ClaimKind::Place && place.place_type == "country",
        _ => false,
    }
}

fn name_of(finding: &Finding) -> Option<String> {
    match &finding.fields {
        Fields::Actor(actor) => Some(actor.name.clone()),
        Fields::Place(place) => Some(place.name.clone()),
        _ => None,
    }
}

/// `content` up to the first of `cues` (the same speaker's) inside it that `and` or
/// `but` joins to it, the speaker's next statement (`said the government would respect
/// the ruling` of `… said the government would respect the ruling but warned that …`,
/// whose `warned` is a finding of its own); all of `content` when there is none.
fn before_next_cue(text: &str, content: Span, cues: &[Span]) -> Span {
    let joined_before = |cue: &Span| {
        let mut before = text[content.start..cue.start].trim_end();
        for adverb in [" also", " later", " then"] {
            before = before.strip_suffix(adverb).unwrap_or(before);
        }
        let head = before.strip_suffix(" and").or_else(|| before.strip_suffix(" but"))?;
        Some(Span::new(content.start, content.start + head.trim_end_matches(',').len()).trimmed(text))
    };
    cues.iter().filter(|cue| content.contains(**cue) && cue.start > content.start).filter_map(joined_before).find(|head| !head.is_empty()).unwrap_or(content)
}

fn tag(candidate: &Candidate, text: &str) -> Option<Tag> {
    Some(Tag {
        source: trim_source(text, candidate.capture("source")?),
        cue: candidate.capture("cue")?,
        rule: candidate.rule.id.clone(),
        captures: candidate.owned_captures(),
    })
}

/// True when the words inside a quotation's marks end like speech, with a comma,
/// question or exclamation mark (`“That’s correct,” Volker said.`).
fn ends_in_speech_mark(inner: &str) -> bool {
    inner.trim_end().ends_with([',', '?', '!'])
}

/// True when what follows a source opens a clause about a place or a time (`In the
/// United States, where Coinwell … reported`): the speaker is inside the clause.
fn opens_where_clause(after: &str) -> bool {
    after.starts_with(", where ") || after.starts_with(", when ")
}

/// True for content that is only a time (`reported on Wednesday.`), or a date and where
/// (`concludes October 10th in Houston, Texas`): the cue has no statement after it.
fn is_time_only(content: &str) -> bool {
    const OPENERS: [&str; 7] = ["on", "last", "this", "early", "late", "earlier", "later"];
    const TIMES: [&str; 14] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "week", "month", "year", "night", "morning", "afternoon", "evening"];
    let words: Vec<&str> = content.trim_end_matches(['.', '!', '?']).split_whitespace().collect();
    let time = matches!(words.as_slice(), [opener, .., time] if words.len() <= 3 && OPENERS.contains(opener) && TIMES.contains(time));
    time || is_date_and_place(&words)
}

/// True for the words of a date, with a place after `in` or not: `October 10th`,
/// `Oct. 10 in Houston, Texas`.
fn is_date_and_place(words: &[&str]) -> bool {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let [month, day, rest @ ..] = words else { return false };
    let is_month = MONTHS.iter().any(|name| month.trim_end_matches('.').len() >= 3 && name.starts_with(month.trim_end_matches('.')));
    let is_day = day.trim_end_matches([',', '.']).trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u8>().is_ok_and(|day| (1..=31).contains(&day));
    let placed = match rest {
        [] => true,
        ["in", place @ ..] => !place.is_empty() && place.len() <= 4 && place.iter().all(|word| is_capitalised(word)),
        _ => false,
    };
    is_month && is_day && placed
}

/// True for a word in capitals, an acronym: `WHO` is no relative pronoun (`The WHO said`).
fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// A source without the sentence's final period or a trailing comma ("the mayor.").
fn trim_source(text: &str, mut span: Span) -> Span {
    let slice = span.slice(text);
    let last_word = slice.rsplit(char::is_whitespace).next().unwrap_or("");
    let abbreviation = last_word.len() <= 4 && last_word.matches('.').count() >= 2;
    if slice.ends_with([',', ';', ':']) || (slice.ends_with('.') && !abbreviation) {
        span.end -= 1;
    }
    span.trimmed(text)
}

/// An attribution's claim span: from the first to the last of its source, cue and content.
fn claim_span(source: Span, cue: Span, content: Span) -> Span {
    Span::new(source.start.min(cue.start).min(content.start), source.end.max(cue.end).max(content.end))
}

/// Words that join a second attribution onto a sentence's first: its source follows one
/// after a comma (`…, while organisers said …`, `…, but she said …`).
const JOINERS: [&str; 3] = ["while", "whereas", "but"];

/// Cut reported content before a second attribution that a comma and a joining word
/// attach to it: in `Police estimated the crowd at 22,000, while organisers said more
/// than 150,000 had marched`, the police said only `the crowd at 22,000`.
fn cut_before_joined_tags(text: &str, reported: &mut [Finding]) {
    let sources: Vec<usize> = reported.iter().filter_map(|finding| match &finding.fields {
        Fields::Attribution(fields) => Some(fields.source.span.start),
        _ => None,
    }).collect();
    for finding in reported.iter_mut() {
        let Fields::Attribution(fields) = &mut finding.fields else { continue };
        let content = fields.content.span;
        let cut = sources
            .iter()
            .filter(|start| content.start < **start && **start < content.end)
            .filter_map(|start| joined_at(text, content.start, *start))
            .min();
        if let Some(end) = cut {
            let span = Span::new(content.start, end).trimmed(text);
            fields.content = Part { text: span.slice(text).to_string(), span };
            finding.span = claim_span(fields.source.span, fields.cue.span, span);
        }
    }
}

/// Where the comma before `, while <source>` ends the text from `from` to the source at
/// `source`; none when no comma and joining word come right before the source.
fn joined_at(text: &str, from: usize, source: usize) -> Option<usize> {
    let before = text[from..source].trim_end();
    let (rest, joiner) = before.rsplit_once(char::is_whitespace)?;
    let rest = rest.trim_end();
    (JOINERS.contains(&joiner) && rest.ends_with(',')).then(|| from + rest.len() - 1)
}

/// Whether the text before a source ends with a preposition of place. A name of one
/// word there is where the speakers are, and they are named before it (`Rafting
/// operators in Konjic, who …, warned`; `the mayor of Bida as saying`).
fn after_place_preposition(before: &str) -> bool {
    let last = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or_default();
    before.ends_with(char::is_whitespace) && ["in", "near", "from", "of"].contains(&last)
}

/// Whether a source is one capitalised word.
fn is_one_name(source: &str) -> bool {
    !source.contains(char::is_whitespace) && is_capitalised(source)
}

/// True when `after` (the source's text after a name in it) starts with a possessive
/// ending: the name owns what the source is.
fn is_owner(after: &str) -> bool {
    ["'s", "\u{2019}s", "'", "\u{2019}"].iter().any(|ending| after.starts_with(ending))
}

fn trim_final_period(text: &str, mut span: Span) -> Span {
    while span.slice(text).ends_with(['.', ',', ';', ':']) {
        span.end -= 1;
    }
    span.trimmed(text)
}

/// `source` without the adverbs that end it and belong to the cue (`The founder
/// always` → `The founder`, `Thomas allegedly` → `Thomas`): lower-case words of the
/// list `source-adverbs`, or ending in `-ly` but not in the vocabulary `ly-noun`
/// (`family`, `daily`), while a word is left.
fn without_trailing_adverbs(text: &str, mut source: Span, file: &RuleFileRules) -> Span {
    loop {
        let slice = source.slice(text);
        let Some((rest, last)) = slice.trim_end().rsplit_once(char::is_whitespace) else { return source };
        let lower = last.starts_with(|c: char| c.is_lowercase());
        let ly_adverb = last.ends_with("ly") && !file.vocabulary.contains("ly-noun", last);
        let adverb = lower && (ly_adverb || file.in_list("source-adverbs", last));
        if !adverb {
            return source;
        }
        source = Span::new(source.start, source.start + rest.trim_end().len());
    }
}

/// `source` without the place or month that ends it after `in` (`The Lee County
/// Sheriff’s Office in Leesburg`, `A police spokesman in Mwanza`, `Clark in October`):
/// where or when the source spoke, not who.
fn without_trailing_place(text: &str, source: Span) -> Span {
    let slice = source.slice(text);
    let Some(at) = slice.rfind(" in ") else { return source };
    let (head, place) = (&slice[..at], &slice[at + " in ".len()..]);
    let place_words = place.split_whitespace().count();
    let names_a_place = (1..=3).contains(&place_words) && place.split_whitespace().all(is_capitalised);
    if names_a_place && !head.trim().is_empty() {
        Span::new(source.start, source.start + head.len())
    } else {
        source
    }
}

/// The words of `source` outside the phrases of the vocabulary `source-phrase` (the
/// `familiar with` of `a person familiar with the matter`).
fn words_outside_phrases<'s>(source: &'s str, vocabulary: &Vocabulary) -> impl Iterator<Item = &'s str> {
    let words: Vec<&str> = source.split_whitespace().collect();
    let mut inside = vec![false; words.len()];
    for start in 0..words.len() {
        for end in (start + 2..=words.len().min(start + 4)).rev() {
            if vocabulary.contains("source-phrase", &words[start..end].join(" ")) {
                inside[start..end].iter_mut().for_each(|flag| *flag = true);
                break;
            }
        }
    }
    words.into_iter().zip(inside).filter_map(|(word, inside)| (!inside).then_some(word))
}

/// False for a source of one lower-case word that is neither a plural in -s nor in
/// the vocabulary `lone-source` (`credible`, `reportedly`); true for any other source.
fn is_lone_source(source: &str, vocabulary: &Vocabulary) -> bool {
    let mut words = source.split_whitespace();
    let (Some(word), None) = (words.next(), words.next()) else { return true };
    if !word.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    let plural = word.ends_with('s') && !word.ends_with("ss") && word.chars().count() > 3;
    plural || vocabulary.contains("lone-source", word)
}

/// One candidate per cue: higher priority, then longer content.
fn distinct_cues<'r>(mut candidates: Vec<Candidate<'r>>, sentences: &[Sentence]) -> Vec<Candidate<'r>> {
    candidates.sort_by(|a, b| b.rule.priority.cmp(&a.rule.priority).then(b.span.len().cmp(&a.span.len())).then(a.span.start.cmp(&b.span.start)));
    first_disjoint(candidates, sentences, |candidate| candidate.capture("cue"))
}
