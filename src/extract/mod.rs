//! STAGE 3, extract: sentences × claim rules → [`Claim`]s.
//!
//! Input: the cleaned text, its sentences and the compiled [`ClaimRules`]. Output:
//! claims of the four kinds, each with an exact span, its sentence, the rule that
//! found it, its fields and its links (`context`), sorted by position with stable
//! ids. Per kind, exclusion rules veto what they cover and overlapping matches are
//! settled by priority, then length. Extraction never fails.
//!
//! A file's rules run one after another, each over the sentences where the file's
//! prefilter ([`crate::ruleset::prefilter`]) says it may match (anchored at the starts
//! it found, for a rule with leading factors); the candidates are then put back in
//! text order, so the result is that of every rule run on every
//! sentence. Later steps compare only spans of one sentence, or look spans up by
//! position, so no step grows with the square of a long document.

mod actor;
mod attribution;
mod count;
pub mod examples;
mod link;
pub mod matching;
mod mentions;
pub mod numbers;
mod place;
mod quotes;

use std::collections::HashMap;

use crate::claim::{Capture, Claim, ClaimKind, Context, Fields};
use crate::ruleset::pattern::Window;
use crate::ruleset::prefilter::Possible;
use crate::ruleset::{ClaimRules, CompiledRule, Matcher, RuleFileRules, Scope};
use crate::segment::Sentence;
use crate::span::{Span, SpanIndex};
use matching::Candidate;

/// Options of the extract stage.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Record what each capture of the firing rule held (`--explain`).
    pub explain: bool,
    /// Treat the input as the article text itself: no boilerplate removal.
    pub no_clean: bool,
}

/// A claim before linking: its kind's fields and the captures behind it.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The claim span.
    pub span: Span,
    /// The rule id.
    pub rule: String,
    /// The fields.
    pub fields: Fields,
    /// The captures, for `--explain`.
    pub captures: Vec<(String, Span)>,
}

/// One document to extract from: its cleaned text and the sentences of it.
#[derive(Debug, Clone, Copy)]
pub struct Input<'t> {
    /// The cleaned text.
    pub text: &'t str,
    /// Its sentences, in order.
    pub sentences: &'t [Sentence],
}

/// Extract every claim from `text`.
pub fn extract(text: &str, sentences: &[Sentence], rules: &ClaimRules, options: Options) -> Vec<Claim> {
    extract_many(&[Input { text, sentences }], rules, options).pop().unwrap_or_default()
}

/// Extract every claim from each of `documents`: what [`extract`] gives for each, in
/// order, faster for a batch. Each sentence rule runs over the sentences of every
/// document before the next rule starts, so that its automaton stays in the
/// processor's cache; the rest of the work is done document by document.
pub fn extract_many(documents: &[Input<'_>], rules: &ClaimRules, options: Options) -> Vec<Vec<Claim>> {
    let windows: Vec<Vec<Window>> = documents.iter().map(|document| windows(*document)).collect();
    let mut matched: Vec<Vec<Unvetoed>> = documents.iter().map(|_| Vec::with_capacity(rules.files.len())).collect();
    for file in &rules.files {
        for (document, candidates) in matched.iter_mut().zip(unvetoed(file, documents, &windows)) {
            document.push(candidates);
        }
    }
    documents.iter().zip(matched).map(|(document, matched)| extract_matched(*document, rules, matched, options)).collect()
}

/// The claims of one document, given the unvetoed sentence-rule matches of each rule
/// file (in the order of `rules.files`).
fn extract_matched<'r>(document: Input<'_>, rules: &'r ClaimRules, matched: Vec<Unvetoed<'r>>, options: Options) -> Vec<Claim> {
    let Input { text, sentences } = document;
    let mut findings: Vec<(ClaimKind, Finding)> = Vec::new();
    let mut attribution_matches = Vec::new();
    // Where place exclusions matched: place words inside longer names (`Amphitheater at
    // Virginia Beach`), which hold no person either.
    let mut place_words: Vec<Span> = Vec::new();
    let mut attribution_possible = None;
    for (file, Unvetoed { candidates, blocked, possible }) in rules.files.iter().zip(matched) {
        let kind_findings = match file.kind {
            ClaimKind::Count => count::findings(text, &settle(candidates, sentences, |c| count::refine(text, c, file)), file),
            ClaimKind::Place => {
                place_words = blocked.iter().map(|(span, _)| *span).collect();
                place::findings(text, &settle(candidates, sentences, |c| place::refine(text, c, file)), file, &blocked)
            }
            ClaimKind::Actor => {
                let places = SpanIndex::new(findings.iter().filter(|(kind, _)| *kind == ClaimKind::Place).map(|(_, f)| (f.span, ())));
                let refined = settle(candidates, sentences, |c| actor::refine(text, c, file, &places));
                let actors = actor::findings(text, &refined, file, &places, &place_words);
                drop_places_inside(text, &mut findings, &actors);
                actors
            }
            ClaimKind::Attribution => {
                attribution_matches = candidates;
                attribution_possible = Some(possible);
                continue;
            }
        };
        findings.extend(kind_findings.into_iter().map(|finding| (file.kind, finding)));
    }
    if let (Some(file), Some(possible)) = (rules.of_kind(ClaimKind::Attribution), &attribution_possible) {
        let attributions = attribution::findings(text, sentences, file, possible, attribution_matches, &findings);
        if let Some(actors) = rules.of_kind(ClaimKind::Actor) {
            let sources: Vec<Span> = attributions.iter().filter_map(source_span).collect();
            let spans = |wanted: ClaimKind| findings.iter().filter(|(kind, _)| *kind == wanted).map(|(_, f)| f.span).collect::<Vec<Span>>();
            let named = actor::named_sources(text, &sources, &spans(ClaimKind::Actor), &spans(ClaimKind::Place), actors);
            drop_places_inside(text, &mut findings, &named);
            findings.extend(named.into_iter().map(|finding| (ClaimKind::Actor, finding)));
        }
        findings.extend(attributions.into_iter().map(|finding| (ClaimKind::Attribution, finding)));
    }
    if let Some(counts) = rules.of_kind(ClaimKind::Count) {
        count::localise_currencies(text, &mut findings, &counts.vocabulary);
    }
    let claims = findings.into_iter().map(|(kind, finding)| to_claim(text, sentences, kind, finding, options)).collect();
    link::link(claims)
}

/// Drop the places that lie inside an actor's name or are one of its mentions: a place
/// word inside a longer proper name (`Norland` of `Norland Foods Inc.`, the town
/// `Salcedo` of `Ruby Salcedo` and her later mentions) is no place. A place joined by
/// a hyphen to a word in lower case (`Madrid-based`) is the base of a compound and
/// stays; joined to a capital, it is part of a name (the `Bello` of `Aisha Bello-Kuti`).
fn drop_places_inside(text: &str, findings: &mut Vec<(ClaimKind, Finding)>, actors: &[Finding]) {
    let actors = SpanIndex::new(actors.iter().map(|actor| (actor.span, ())));
    findings.retain(|(kind, finding)| {
        let inside = || actors.near(finding.span).iter().any(|(actor, _)| actor.contains(finding.span));
        *kind != ClaimKind::Place || bases_a_compound(text, finding.span) || !inside()
    });
}

/// True when the word at `span` is joined by a hyphen to a word in lower case after it
/// (`Madrid-based`, `Paris-bound`).
fn bases_a_compound(text: &str, span: Span) -> bool {
    text[span.end..].strip_prefix('-').is_some_and(|rest| rest.starts_with(char::is_lowercase))
}

fn source_span(finding: &Finding) -> Option<Span> {
    match &finding.fields {
        Fields::Attribution(attribution) => Some(attribution.source.span),
        _ => None,
    }
}

fn to_claim(text: &str, sentences: &[Sentence], kind: ClaimKind, finding: Finding, options: Options) -> Claim {
    let explain = options.explain.then(|| {
        finding.captures.iter().map(|(name, span)| Capture { name: name.clone(), text: span.slice(text).to_string(), span: *span }).collect()
    });
    Claim {
        id: String::new(),
        kind,
        text: finding.span.slice(text).to_string(),
        span: finding.span,
        source_span: None,
        sentence: sentence_of(sentences, finding.span.start),
        rule: finding.rule,
        fields: finding.fields,
        context: Context::default(),
        explain,
    }
}

/// Index of the sentence holding byte `offset` (the last one starting at or before it).
pub fn sentence_of(sentences: &[Sentence], offset: usize) -> usize {
    sentences.partition_point(|s| s.start <= offset).saturating_sub(1)
}

/// Let the kind refine or refuse each unvetoed candidate, then settle overlaps.
fn settle<'r>(
    candidates: Vec<Candidate<'r>>,
    sentences: &[Sentence],
    refine: impl Fn(Candidate<'r>) -> Option<Candidate<'r>>,
) -> Vec<Candidate<'r>> {
    non_overlapping(candidates.into_iter().filter_map(refine).collect(), sentences)
}

/// The matches of a file's sentence-scope rules in every sentence of a document, minus
/// those whose core an exclusion rule of equal or higher priority covers; and what the
/// exclusion rules matched.
struct Unvetoed<'r> {
    /// The candidates no exclusion vetoes, in text order (sentence, then rule).
    candidates: Vec<Candidate<'r>>,
    /// The spans exclusion rules matched, with their priorities, in text order.
    blocked: Vec<(Span, i32)>,
    /// Which rules of the file may match in which sentence (for the rules of
    /// quotations' tags, searched later).
    possible: Possible<'r>,
}

/// The `set` flag of a rule whose matches are lists of names, not claims: the kind's
/// step reads the lists over the whole text (the members of a list that holds a found
/// organisation or place), so the sentence pass leaves the rule out.
const MEMBERS_OF_LIST: &str = "members-of-list";

/// The [`Unvetoed`] matches of each document (searched in `windows`, those of
/// [`windows`]). Each rule runs over the sentences where the file's prefilter says it
/// may match, in every document, before the next rule.
fn unvetoed<'r>(file: &'r RuleFileRules, documents: &[Input<'_>], windows: &[Vec<Window<'_>>]) -> Vec<Unvetoed<'r>> {
    let mut matches: Vec<Matches> = documents.iter().zip(windows).map(|(document, windows)| Matches::new(file, *document, windows)).collect();
    let searched = |rule: &CompiledRule| rule.scope == Scope::Sentence && !rule.flag(MEMBERS_OF_LIST);
    for (index, rule) in file.rules.iter().enumerate().filter(|(_, rule)| searched(rule)) {
        for (document, found) in documents.iter().zip(&mut matches) {
            found.run(*document, index, rule);
        }
    }
    matches.into_iter().map(Matches::unvetoed).collect()
}

/// A window over each sentence of `document`, for the rules to search (whether it is
/// plain text is worked out once for all rule files).
fn windows(document: Input<'_>) -> Vec<Window<'_>> {
    document.sentences.iter().map(|sentence| Window::new(sentence.span().slice(document.text))).collect()
}

/// The sentence-rule matches of one document, as the rules run.
struct Matches<'r, 'w, 't> {
    windows: &'w [Window<'t>],
    possible: Possible<'r>,
    /// Candidates with their sentence numbers.
    candidates: Vec<(usize, Candidate<'r>)>,
    /// Per sentence, what exclusion rules matched.
    blocked: Vec<Vec<Exclusion>>,
}

impl<'r, 'w, 't> Matches<'r, 'w, 't> {
    fn new(file: &'r RuleFileRules, document: Input<'_>, windows: &'w [Window<'t>]) -> Matches<'r, 'w, 't> {
        let Input { text, sentences } = document;
        Matches {
            windows,
            possible: file.prefilter.possible(text, sentences),
            candidates: Vec::new(),
            blocked: vec![Vec::new(); sentences.len()],
        }
    }

    /// Run rule `index` (`rule`) over the sentences where it may match.
    fn run(&mut self, document: Input<'_>, index: usize, rule: &'r CompiledRule) {
        for (number, sentence) in document.sentences.iter().enumerate().filter(|(number, _)| self.possible.contains(*number, index)) {
            let found = matching::find_from(rule, self.windows[number], sentence.start, self.possible.starts(index, sentence.span()));
            if rule.exclude {
                self.blocked[number].extend(found.iter().map(|c| Exclusion { span: c.span, whole: c.whole, priority: rule.priority }));
            } else {
                self.candidates.extend(found.into_iter().map(|candidate| (number, candidate)));
            }
        }
    }

    /// The candidates no exclusion vetoes, in text order (sentence, then rule): the
    /// order later ties are settled in; and the exclusions' spans.
    fn unvetoed(mut self) -> Unvetoed<'r> {
        self.candidates.sort_by_key(|(number, _)| *number);
        let blocked = self.blocked;
        let candidates = self
            .candidates
            .into_iter()
            .filter(|(number, c)| !blocked[*number].iter().any(|exclusion| exclusion.vetoes(c)))
            .map(|(_, candidate)| candidate)
            .collect();
        Unvetoed {
            candidates,
            blocked: blocked.into_iter().flatten().map(|exclusion| (exclusion.span, exclusion.priority)).collect(),
            possible: self.possible,
        }
    }
}

/// What an exclusion rule matched.
#[derive(Debug, Clone, Copy)]
struct Exclusion {
    /// Its claim span: the `claim` capture, else the whole match.
    span: Span,
    /// The whole match.
    whole: Span,
    /// The rule's priority.
    priority: i32,
}

impl Exclusion {
    /// True when the exclusion vetoes `candidate`: its priority is not lower and its
    /// span overlaps the candidate's core, unless the candidate is a word-list entry
    /// that holds the whole match and more (the gazetteer's `National Capital Region`
    /// is a place although `National Capital` reads like a firm's name, as in
    /// `National Capital Partners`): a listed name is known whole.
    fn vetoes(&self, candidate: &Candidate<'_>) -> bool {
        let listed_whole = matches!(candidate.rule.matcher, Matcher::List { .. }) && candidate.span.contains(self.whole) && candidate.span != self.whole;
        candidate.rule.priority <= self.priority && self.span.overlaps(candidate.core()) && !listed_whole
    }
}

/// Keep the best of overlapping candidates: higher priority, then longer, then earlier.
pub fn non_overlapping<'r>(mut candidates: Vec<Candidate<'r>>, sentences: &[Sentence]) -> Vec<Candidate<'r>> {
    candidates.sort_by(|a, b| {
        b.rule.priority.cmp(&a.rule.priority).then(b.span.len().cmp(&a.span.len())).then(a.span.start.cmp(&b.span.start))
    });
    let mut kept = first_disjoint(candidates, sentences, |candidate| Some(candidate.span));
    kept.sort_by_key(|c| (c.span.start, c.span.end));
    kept
}

/// The items, in order, whose span overlaps the span of no item kept before them (an
/// item without a span is kept and blocks nothing). Spans lie inside sentences, so
/// only spans of one sentence are compared.
pub fn first_disjoint<T>(items: Vec<T>, sentences: &[Sentence], span: impl Fn(&T) -> Option<Span>) -> Vec<T> {
    let mut taken: HashMap<usize, Vec<Span>> = HashMap::new();
    items
        .into_iter()
        .filter(|item| {
            let Some(span) = span(item) else { return true };
            let spans = taken.entry(sentence_of(sentences, span.start)).or_default();
            let free = !spans.iter().any(|kept| kept.overlaps(span));
            if free {
                spans.push(span);
            }
            free
        })
        .collect()
}
