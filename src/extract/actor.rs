//! Actors: candidates of `actors.toml` → actor findings, plus other mentions.
//!
//! Input: settled candidates with the capture `name` (else the claim text is the
//! name), optional `role`, and `actor_type` from a list column, a capture or the
//! rule's `set`, and the spans of the places found. Output: actor findings, minus
//! persons named inside a place's name (`Virginia Beach`, the `Louis` of `St.
//! Louis`); the other capitalised names of a list that names a found organisation
//! ("SpaceX, Blue Origin and Ceres Robotics") as organisations (rule
//! `actors/listed-with-organization`); then every other whole-word mention of a found
//! name, of a person's surname alone (also the first of two after a given name:
//! `Amezcua` of `Rodrigo Amezcua Villalobos`), of an organisation's first word alone
//! (a team's place or nickname: `Seattle`, `the Chargers`) and of its last word, a
//! keyword, after `the`, as a finding of its own (rules
//! `actors/repeated-name`, `actors/surname`, `actors/short-name` and
//! `actors/keyword-name`), linked to the full name. After the
//! attributions, [`named_sources`] turns sources that read as persons' names into
//! actors (rule `actors/named-source`).

use std::collections::{BTreeMap, BTreeSet};

use super::matching::{self, is_whole_word, Candidate};
use super::mentions::{after_the, beside_capitalised, is_capitalised, list_members, occurrences, word_after};
use crate::ruleset::pattern::Window;
use super::{Finding, MEMBERS_OF_LIST};
use crate::claim::{ActorFields, Fields};
use crate::ruleset::RuleFileRules;
use crate::span::{DisjointSpans, Span, SpanIndex};

/// The rule id (after `actors/`) of a found name's later mentions.
const REPEATED_NAME: &str = "repeated-name";

/// The rule id (after `actors/`) of a person's later surname-only mentions.
const SURNAME: &str = "surname";

/// The rule id (after `actors/`) of an organisation's mentions by its first word.
const SHORT_NAME: &str = "short-name";

/// The rule id (after `actors/`) of an organisation's mentions by its last word, an
/// organisation keyword after `the` (`the Alliance` of `Atlantic Alliance`).
const KEYWORD_NAME: &str = "keyword-name";

/// Persons named only as the source of an attribution ("Moinul Hossain, a hydrologist,
/// said"), with their other mentions: two to four capitalised name words, none an
/// organisation keyword, the first not a sentence starter, overlapping no found actor,
/// and no found place but one-word places after the first word that are no country,
/// which are then part of the name (`Mitu` of `Rokeya Sultana Mitu`, also a town in
/// Colombia; not `Elections Canada`) (rule
/// `actors/named-source`). The places such a name or its mentions hold are for the
/// caller to drop.
pub fn named_sources(text: &str, sources: &[Span], actors: &[Span], places: &[Span], file: &RuleFileRules) -> Vec<Finding> {
    let actor_index = SpanIndex::new(actors.iter().map(|&span| (span, ())));
    let place_index = SpanIndex::new(places.iter().map(|&span| (span, ())));
    let mut taken = DisjointSpans::default();
    let mut found: Vec<Finding> = Vec::new();
    for &source in sources {
        let source = after_last_title(text, source, file);
        let name_word = |place: &Span| {
            let word = place.slice(text);
            source.contains(*place) && place.start > source.start && !word.contains(char::is_whitespace) && !file.in_list("countries", word)
        };
        let placed = place_index.near(source).iter().any(|(place, _)| place.overlaps(source) && !name_word(place));
        if actor_index.overlaps(source) || placed || taken.overlaps(source) || !is_person_name(source.slice(text), file) {
            continue;
        }
        taken.insert(source);
        let name = source.slice(text).to_string();
        let fields = Fields::Actor(ActorFields { name, actor_type: "person".into(), role: None });
        found.push(Finding { span: source, rule: format!("{}/named-source", file.name), fields, captures: vec![] });
    }
    // Found actors count as places here: no mention may overlap them. A surname may
    // be a place word (`Mitu`).
    let known = SpanIndex::new(actors.iter().chain(places).map(|&span| (span, ())));
    let mentions: Vec<Finding> = other_mentions(text, &found, file, &known, &BTreeSet::new());
    found.extend(mentions);
    found.sort_by_key(|f| (f.span.start, f.span.end));
    found
}

/// The part of a source after its last word of `person-titles` (`Fed Governor Lucinda
/// Park` → `Lucinda Park`); the whole source when it has none.
fn after_last_title(text: &str, source: Span, file: &RuleFileRules) -> Span {
    let slice = source.slice(text);
    let title_end = slice
        .split_whitespace()
        .rfind(|word| file.in_list("person-titles", word))
        .map(|word| word.as_ptr() as usize - slice.as_ptr() as usize + word.len());
    title_end.map_or(source, |end| Span::new(source.start + end, source.end).trimmed(text))
}

/// Two to four words, each a capital then lower-case letters (`O’Neill`, `Smith-Jones`
/// too), none an organisation keyword, the first not a sentence starter.
fn is_person_name(name: &str, file: &RuleFileRules) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_word = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '\u{2019}'))
    };
    (2..=4).contains(&words.len())
        && words.iter().all(|word| name_word(word) && !is_organization_keyword(file, word))
        && !file.in_list("sentence-starters", words[0])
}

/// Build actor findings, then add list members and other mentions of the names found.
/// `place_words` are the spans where place exclusions matched (a place's name inside a
/// venue's or an organisation's): no person is named inside one either.
pub fn findings(text: &str, candidates: &[Candidate<'_>], file: &RuleFileRules, places: &SpanIndex<()>, place_words: &[Span]) -> Vec<Finding> {
    let place_words = SpanIndex::new(place_words.iter().map(|&span| (span, ())));
    let flagged: Vec<(bool, Finding)> = candidates.iter().filter_map(|candidate| Some((candidate.flag(STANDS_FOR_PLACE), finding(text, candidate)?))).collect();
    let stand_ins: BTreeSet<String> = flagged.iter().filter(|(stands_for_place, _)| *stands_for_place).map(|(_, finding)| actor_name(finding).to_string()).collect();
    let mut found: Vec<Finding> = flagged
        .into_iter()
        .filter(|(stands_for_place, finding)| *stands_for_place || !is_named_as_place(finding, text, places))
        .map(|(_, finding)| finding)
        .filter(|finding| !is_cut_by_place(finding, places) && !is_person_in(finding, &place_words))
        .collect();
    let programs = programs(text, file);
    found.retain(|finding| !programs.names(finding, text));
    let members = listed_with_organizations(text, &found, file, places);
    found.extend(members);
    let mentions = other_mentions(text, &found, file, places, &stand_ins);
    found.extend(mentions);
    found.sort_by_key(|f| (f.span.start, f.span.end));
    found
}

/// The name of an actor finding (empty for another kind).
fn actor_name(finding: &Finding) -> &str {
    match &finding.fields {
        Fields::Actor(actor) => &actor.name,
        _ => "",
    }
}

fn finding(text: &str, candidate: &Candidate<'_>) -> Option<Finding> {
    let name = strip_possessive(&candidate.field("name", text).unwrap_or_else(|| candidate.span.slice(text).to_string())).to_string();
    if name.is_empty() {
        return None;
    }
    let actor_type = candidate.field("actor_type", text).unwrap_or_else(|| "organization".into());
    let role = candidate.capture_text("role", text).map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
    Some(Finding {
        span: candidate.span,
        rule: candidate.rule.id.clone(),
        fields: Fields::Actor(ActorFields { name, actor_type, role }),
        captures: candidate.owned_captures(),
    })
}

/// The flag of a rule whose actor is a place's name standing for something else (a
/// country for its national team: `New Zealand captain`), kept although a found place
/// spans it.
const STANDS_FOR_PLACE: &str = "stands-for-place";

/// True for a person inside a found place (`Virginia Beach`) or holding a place of
/// several words (`Hong Kong-flagged`), for a name inside a found place of several
/// words, also joined by hyphens (`Central African Republic`, not an organisation for
/// its last word; `National Capital` of the `National Capital Region`; `KwaZulu` of
/// `KwaZulu-Natal`), and for words in capitals
/// inside a found place (the datelines `LONDON` and `NEW YORK`, no acronyms).
fn is_named_as_place(finding: &Finding, text: &str, places: &SpanIndex<()>) -> bool {
    let person = matches!(&finding.fields, Fields::Actor(actor) if actor.actor_type == "person");
    let capitals = !finding.span.slice(text).chars().any(char::is_lowercase);
    let compound = |place: &Span| place.slice(text).split(|c: char| c.is_whitespace() || c == '-').nth(1).is_some();
    (person && is_person_at_place(text, finding.span, places))
        || places.near(finding.span).iter().any(|(place, _)| (capitals && place.contains(finding.span)) || (place.contains(finding.span) && compound(place)))
}

/// True when a person's `name` lies inside a found place (`Virginia Beach`) or holds
/// one of several words (`Hong Kong-flagged`, `San Francisco-based Brightpath`).
fn is_person_at_place(text: &str, name: Span, places: &SpanIndex<()>) -> bool {
    let several_words = |place: &Span| place.slice(text).split_whitespace().nth(1).is_some();
    places.near(name).iter().any(|(place, _)| place.contains(name) || (name.contains(*place) && several_words(place)))
}

/// True for a person inside one of `spans`.
fn is_person_in(finding: &Finding, spans: &SpanIndex<()>) -> bool {
    let person = matches!(&finding.fields, Fields::Actor(actor) if actor.actor_type == "person");
    person && spans.near(finding.span).iter().any(|(span, _)| span.contains(finding.span))
}

/// Names of programmes, contracts and vehicles defined with an acronym (see the
/// vocabulary `program-head` of `actors.toml`).
#[derive(Debug, Default)]
struct Programs<'t> {
    /// The acronyms.
    acronyms: Vec<&'t str>,
    /// Where the long names end: before the parenthesis, or before the head word that
    /// stands right before it.
    name_ends: Vec<usize>,
}

impl Programs<'_> {
    /// True when `finding` is one of the acronyms, or a long name.
    fn names(&self, finding: &Finding, text: &str) -> bool {
        self.acronyms.contains(&finding.span.slice(text)) || self.name_ends.contains(&finding.span.end)
    }
}

/// Every "(ACRONYM)" of `text` with a word of vocabulary `program-head` right before or
/// right after it, unless the acronym is a listed organisation's (`World Food Programme
/// (WFP)`).
fn programs<'t>(text: &'t str, file: &RuleFileRules) -> Programs<'t> {
    let is_head = |word: &str| file.vocabulary.contains("program-head", word);
    let mut programs = Programs::default();
    for (open, _) in text.match_indices('(') {
        let rest = &text[open + 1..];
        // An acronym of at most six capitals: the `)` is within the next seven bytes.
        let Some(close) = rest.bytes().take(7).position(|byte| byte == b')') else { continue };
        let acronym = &rest[..close];
        let known = file.in_list("organizations", acronym);
        if known || !(2..=6).contains(&acronym.len()) || !acronym.bytes().all(|byte| byte.is_ascii_uppercase()) {
            continue;
        }
        let before = text[..open].trim_end();
        let previous = before.rsplit(char::is_whitespace).next().unwrap_or_default();
        let next = rest[close + 1..].split_whitespace().next().unwrap_or_default().trim_end_matches(|c: char| !c.is_alphanumeric());
        if is_head(next) {
            programs.acronyms.push(acronym);
            programs.name_ends.push(before.len());
        } else if is_head(previous) {
            programs.acronyms.push(acronym);
            programs.name_ends.push(before[..before.len() - previous.len()].trim_end().len());
        }
    }
    programs
}

/// True when a found place straddles the actor's edge (`the United` of `the United
/// States`): the match cut a place name in two, so it names no actor. An actor that
/// holds a whole place (`Bank of England`) is kept.
fn is_cut_by_place(finding: &Finding, places: &SpanIndex<()>) -> bool {
    places.near(finding.span).iter().any(|(place, _)| place.overlaps(finding.span) && !finding.span.contains(*place) && !place.contains(finding.span))
}

/// The names listed with a found organisation, not found themselves, nor places,
/// sentence starters or demonyms, are organisations. Lists are the matches of the
/// rules that set `members-of-list`.
fn listed_with_organizations(text: &str, found: &[Finding], file: &RuleFileRules, places: &SpanIndex<()>) -> Vec<Finding> {
    let actors = SpanIndex::new(found.iter().map(|f| (f.span, matches!(&f.fields, Fields::Actor(actor) if actor.actor_type == "organization"))));
    let is_organization = |span: Span| actors.near(span).iter().any(|(other, organization)| *organization && other.overlaps(span));
    let lists = file.rules.iter().filter(|rule| rule.flag(MEMBERS_OF_LIST));
    let mut members_found = Vec::new();
    let whole = Window::new(text);
    for list in lists.flat_map(|rule| matching::find(rule, whole, 0)) {
        let members = list_members(text, list.span);
        if !members.iter().any(|&member| is_organization(member)) {
            continue;
        }
        for member in members {
            let member = without_final_period(text, member, file);
            let name = strip_possessive(member.slice(text));
            let taken = actors.overlaps(member) || places.overlaps(member);
            let common = file.in_list("sentence-starters", name) || file.in_list("demonyms", name);
            if taken || common || name.is_empty() {
                continue;
            }
            let fields = Fields::Actor(ActorFields { name: name.to_string(), actor_type: "organization".into(), role: None });
            members_found.push(Finding { span: member, rule: list.rule.id.clone(), fields, captures: vec![] });
        }
    }
    members_found
}

/// The member without a sentence's final period, unless the period ends an
/// abbreviation (`U.S.`, or a keyword listed with its period: `Corp.`).
fn without_final_period(text: &str, member: Span, file: &RuleFileRules) -> Span {
    let slice = member.slice(text);
    if !slice.ends_with('.') {
        return member;
    }
    let last_word = slice.split_whitespace().next_back().unwrap_or_default();
    if last_word[..last_word.len() - 1].contains('.') || is_organization_keyword(file, last_word) {
        return member;
    }
    Span::new(member.start, member.end - 1)
}

/// Drop sentence starters ("The", "However") and a leading possessive ("China’s")
/// from the front of the `name` capture, and cut a name at `and` after an
/// organisation keyword ("Ceres Robotics and Tyvak Systems" → "Ceres Robotics"),
/// shrinking the claim with it; refuse a name left empty or made only of an
/// organisation keyword, a person whose name ends in one ("Sierra Nevada Corp."), and
/// a person named as one of the found `places` or left with one word once words were
/// cut from the front ("San Francisco-based Brightpath" of "San Francisco-based
/// Brightpath Inc."), before overlaps are settled.
pub fn refine<'r>(text: &str, mut candidate: Candidate<'r>, file: &RuleFileRules, places: &SpanIndex<()>) -> Option<Candidate<'r>> {
    if candidate.flag(TEAM) {
        return team(text, candidate, file, places);
    }
    if candidate.flag(STANDS_FOR_PLACE) {
        // A place's whole name (`New Zealand`): no sentence starter to drop from it.
        return Some(candidate);
    }
    let Some(index) = candidate.captures.iter().position(|(name, _)| *name == "name") else { return Some(candidate) };
    let name = candidate.captures[index].1;
    let person = candidate.field("actor_type", text).is_some_and(|t| t == "person");
    let start = name_start(text, name, file, person, places);
    if start >= name.end {
        return None;
    }
    let end = first_organization_end(text, Span::new(start, name.end), file);
    let kept = Span::new(start, end);
    // A keyword may be listed with its period (`Co.`) and written without it.
    let is_keyword = |word: &str| {
        let word = word.trim_end_matches('.');
        is_organization_keyword(file, word) || is_organization_keyword(file, &format!("{word}."))
    };
    let keyword_only = is_keyword(kept.slice(text));
    let next_word = text[candidate.span.end..].split_whitespace().next().unwrap_or_default();
    let last_word = kept.slice(text).split_whitespace().next_back().unwrap_or_default();
    if keyword_only || (person && (is_keyword(last_word) || is_keyword(next_word))) {
        return None;
    }
    // A person named as a place, or left with one word once a place compound is cut
    // from the front, is no person, and must not win an overlap against an
    // organisation's longer name (`San Francisco-based Brightpath Inc.`).
    let one_word_left = start > name.start && kept.slice(text).split_whitespace().nth(1).is_none();
    if person && (one_word_left || is_person_at_place(text, kept, places)) {
        return None;
    }
    candidate.captures[index].1 = kept;
    if candidate.span.start == name.start {
        candidate.span.start = start;
    }
    if candidate.span.end == name.end {
        candidate.span.end = end;
    }
    Some(candidate)
}

/// The flag of a rule whose name is a team's: a place, then a capitalised plural.
const TEAM: &str = "team";

/// The capture a team's candidate gets for its place (`Chennai`).
const TEAM_PLACE: &str = "city";

/// The capture a team's candidate gets for its nickname (`Chargers`).
const TEAM_NICKNAME: &str = "nickname";

/// A team named by its place and a plural (rule `team-by-city`): the name, cut to start
/// at the first found place inside it that one or two words follow (`The Chennai
/// Chargers` → `Chennai Chargers`), with the captures [`TEAM_PLACE`] and
/// [`TEAM_NICKNAME`]. A team's name comes after `the` (`the Dallas Stars`; `Dallas
/// Edwards` is a person, `as Guinea Pigs` a title's words); no team either when no
/// such place is found, when it is a country (national teams have a rule of their
/// own), when the plural is a word of `not-a-team-name` or an organisation keyword
/// (`the Golan Heights`, `the Texas Instruments plant`), or when the name runs on
/// (`the Hong Kong Human Rights and Democracy Act`).
fn team<'r>(text: &str, mut candidate: Candidate<'r>, file: &RuleFileRules, places: &SpanIndex<()>) -> Option<Candidate<'r>> {
    let index = candidate.captures.iter().position(|(name, _)| *name == "name")?;
    let name = candidate.captures[index].1;
    let place = team_place(text, name, places)?;
    let nickname = Span::new(place.end, name.end).trimmed(text);
    let words: Vec<&str> = nickname.slice(text).split_whitespace().collect();
    let last = words.last()?;
    let team = Span::new(place.start, name.end);
    let denied = file.vocabulary.contains("not-a-team-name", last) || is_organization_keyword(file, last);
    let after_the = after_the(text, team);
    // A plural's apostrophe does not end the name (`Education Workers' Union`).
    let longer = text[team.end..].trim_start_matches(['\'', '\u{2019}']).split_whitespace().take(2).collect::<Vec<_>>();
    let runs_on = match longer.as_slice() {
        [next, ..] if is_capitalised(next) => true,
        [joiner, next] => matches!(*joiner, "and" | "of" | "&" | "for") && is_capitalised(next),
        _ => false,
    };
    let country = file.in_list("countries", place.slice(text));
    if words.len() > 2 || denied || !after_the || runs_on || country {
        return None;
    }
    candidate.captures[index].1 = team;
    candidate.span = team;
    candidate.whole = team;
    candidate.captures.push((TEAM_PLACE, place));
    candidate.captures.push((TEAM_NICKNAME, nickname));
    Some(candidate)
}

/// The place a team's `name` starts with: the first found place inside it that a word
/// follows, else the first and longest run of its words that the text names as a place
/// elsewhere (`the Campbelltown Ironbarks`, where `in Campbelltown` is a found town
/// and its mention beside `Ironbarks` is not).
fn team_place(text: &str, name: Span, places: &SpanIndex<()>) -> Option<Span> {
    let inside = places.near(name).iter().map(|(place, _)| *place).filter(|place| name.contains(*place) && place.end < name.end).min_by_key(|place| place.start);
    inside.or_else(|| {
        let slice = name.slice(text);
        let words: Vec<Span> = slice
            .split_whitespace()
            .map(|word| {
                let start = name.start + (word.as_ptr() as usize - slice.as_ptr() as usize);
                Span::new(start, start + word.len())
            })
            .collect();
        let named = |run: &str| places.entries().iter().any(|(place, _)| place.slice(text) == run);
        words.iter().enumerate().find_map(|(first, start)| {
            words[first..words.len() - 1].iter().rev().map(|end| Span::new(start.start, end.end)).find(|run| named(run.slice(text)))
        })
    })
}

/// The end of the first organisation of a name joined by `and`: after the keyword
/// that ends it, when one comes right before ` and ` and no `of` or `for` before it
/// (that `and` joins what one body is of: `Institute of Water and Flood Studies`);
/// else the name's end.
fn first_organization_end(text: &str, name: Span, file: &RuleFileRules) -> usize {
    let slice = name.slice(text);
    for (offset, _) in slice.match_indices(" and ") {
        let head = &slice[..offset];
        let before = head.split_whitespace().next_back().unwrap_or_default();
        let remit = head.contains(" of ") || head.contains(" for ");
        if !remit && is_organization_keyword(file, before.trim_end_matches('.')) {
            return name.start + offset;
        }
    }
    name.end
}

/// True when `name` is a club's: its last word is in the vocabulary `club-word`.
fn is_club(name: &str, file: &RuleFileRules) -> bool {
    name.split_whitespace().next_back().is_some_and(|last| file.vocabulary.contains("club-word", last))
}

/// True when the word right before `span` is in the vocabulary `place-preposition`
/// (`in`, `at`, `to`): what follows names a place.
fn after_place_preposition(text: &str, span: Span, file: &RuleFileRules) -> bool {
    text[..span.start].split_whitespace().next_back().is_some_and(|word| file.vocabulary.contains("place-preposition", word))
}

/// How far apart two members of a list may be: `, and ` with some room.
const LIST_GAP: usize = 8;

/// What may stand between two members of a list.
const LIST_JOINERS: [&str; 7] = [",", "and", ", and", "or", ", or", "/", "&"];

/// True when `span` is a member of a list beside a found place that stands for nothing
/// else (`four countries (Portugal, England, Italy and Spain)`): a list of places names
/// places, although a country of it was a team elsewhere in the text.
fn listed_beside_place(text: &str, span: Span, places: &SpanIndex<()>, stand_ins: &BTreeSet<String>) -> bool {
    places_beside(text, span, places).any(|(place, gap)| LIST_JOINERS.contains(&gap.trim()) && !stand_ins.contains(place.slice(text)))
}

/// True when `and` or `or` joins `span` to a found place right before or after it
/// (`Córdoba and Mendoza`, `Mendoza or Salta`).
fn joined_to_place(text: &str, span: Span, places: &SpanIndex<()>) -> bool {
    places_beside(text, span, places).any(|(_, gap)| matches!(gap.trim(), "and" | "or" | ", and" | ", or"))
}

/// The found places within [`LIST_GAP`] before or after `span`, each with the text
/// between it and `span`.
fn places_beside<'t>(text: &'t str, span: Span, places: &'t SpanIndex<()>) -> impl Iterator<Item = (Span, &'t str)> {
    let around = Span::new(span.start.saturating_sub(LIST_GAP), (span.end + LIST_GAP).min(text.len()));
    places.near(around).iter().filter_map(move |(place, _)| {
        let gap = if place.end <= span.start {
            text.get(place.end..span.start)
        } else if place.start >= span.end {
            text.get(span.end..place.start)
        } else {
            None
        };
        Some((*place, gap?))
    })
}

/// True when `word` marks an organisation's name: a word of the lists
/// `organization-keywords` or `organization-endings`.
fn is_organization_keyword(file: &RuleFileRules, word: &str) -> bool {
    file.in_list("organization-keywords", word) || file.in_list("organization-endings", word)
}

/// Word ends that make a compound of a place (`San Francisco-based`), not a given name
/// (`Yu-ting`).
const PLACE_COMPOUND_ENDS: [&str; 6] = ["based", "listed", "owned", "headquartered", "registered", "backed"];

/// Where a name really starts: after a person's name and `of` (`Eugene Ong of
/// Harbourline Securities`), after a found place and `for` (`Kisumu for Savanna News
/// Agency`), after leading sentence starters, possessives and
/// compounds with a lower-case word (`Lisbon-based`, `London-listed`), also of a place
/// of several words (`San Francisco-based`; before an organisation, not a `person`,
/// also a found place of two words and its possessive: `South Korea’s`), and after a sentence's first word and `of` when that word
/// is no organisation keyword (`Shares of Harrow Brands`, but `Bank of England`).
fn name_start(text: &str, name: Span, file: &RuleFileRules, person: bool, places: &SpanIndex<()>) -> usize {
    let is_starter = |word: &str| file.in_list("sentence-starters", word);
    let slice = name.slice(text);
    let mut start = name.start + after_person_of(slice, file).max(after_place_and_for(text, name, places));
    let mut words = slice.split_whitespace().peekable();
    let opens_sentence = text[..name.start].trim_end().is_empty() || text[..name.start].trim_end().ends_with(['.', '!', '?', '\n']);
    let is_compound = |word: &str| word.starts_with(|c: char| c.is_uppercase()) && word.rsplit_once('-').is_some_and(|(_, last)| last.starts_with(|c: char| c.is_lowercase()));
    while let Some(word) = words.next() {
        let offset = word.as_ptr() as usize - slice.as_ptr() as usize;
        let possessive = is_possessive(word);
        // A place of several words before `-based` and the like (`San Francisco-based`),
        // or, before an organisation's name, before a possessive (`San Francisco's`).
        let place_compound = |next: &&str| {
            let next_start = next.as_ptr() as usize - slice.as_ptr() as usize;
            let owner = Span::new(name.start + offset, name.start + next_start + strip_possessive(next).len());
            next.rsplit_once('-').is_some_and(|(_, last)| PLACE_COMPOUND_ENDS.contains(&last))
                || (!person && is_possessive(next) && places.near(owner).iter().any(|(place, _)| *place == owner))
        };
        let compound = is_compound(word) || (word.starts_with(|c: char| c.is_uppercase()) && words.peek().is_some_and(place_compound));
        let part_of = start == name.start && opens_sentence && words.peek() == Some(&"of") && !is_organization_keyword(file, word);
        if part_of {
            let of = words.next().unwrap_or_default();
            start = name.start + (of.as_ptr() as usize - slice.as_ptr() as usize) + of.len();
            continue;
        }
        if is_starter(word) || possessive || compound {
            start = name.start + offset + word.len();
            continue;
        }
        break;
    }
    Span::new(start, name.end).trimmed(text).start.max(start)
}

/// The length of a whole found place and `for` that open `name`: a credit line's `in
/// Kisumu for Savanna News Agency` names the agency; 0 when there is none.
fn after_place_and_for(text: &str, name: Span, places: &SpanIndex<()>) -> usize {
    const FOR: &str = " for ";
    let opening = places.near(name).iter().find(|(place, _)| place.start == name.start && text[place.end..].starts_with(FOR) && place.end + FOR.len() < name.end);
    opening.map_or(0, |(place, _)| place.end + FOR.len() - name.start)
}

/// The length of a person's name and `of` that open `name` (`Eugene Ong of ` in
/// `Eugene Ong of Harbourline Securities`): a known first name and one or two more
/// capitalised words, none an organisation keyword; 0 when there is none.
fn after_person_of(name: &str, file: &RuleFileRules) -> usize {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(of) = words.iter().position(|word| *word == "of") else { return 0 };
    let person = &words[..of];
    let named = (2..=3).contains(&person.len())
        && file.in_list("first-names", person[0])
        && person[1..].iter().all(|word| word.starts_with(|c: char| c.is_uppercase()))
        && !person.iter().any(|word| is_organization_keyword(file, word));
    if !named || of + 1 >= words.len() {
        return 0;
    }
    let next = words[of + 1];
    next.as_ptr() as usize - name.as_ptr() as usize
}

/// True when `word` ends in a possessive `'s` (straight or curly apostrophe).
pub fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

/// `China’s` → `China`.
pub fn strip_possessive(name: &str) -> &str {
    let name = name.trim();
    name.strip_suffix("'s").or_else(|| name.strip_suffix("\u{2019}s")).unwrap_or(name).trim_end_matches(['\'', '\u{2019}'])
}

/// Whole-word mentions of found names (and persons' surnames) not yet covered by an
/// actor nor inside a longer place (the `Beach` of `Virginia Beach`), anywhere in the
/// text. Longer forms are taken first; all their occurrences are found in one pass.
/// The names in `stand_ins` were found standing for something else than the place
/// they name (a country for its national team): their other mentions are that actor
/// too, also where a place was found, unless a place preposition comes before them
/// (`Wales led 12-10`, `Ireland's defence`, but `travelled from Wales`).
fn other_mentions(text: &str, found: &[Finding], file: &RuleFileRules, places: &SpanIndex<()>, stand_ins: &BTreeSet<String>) -> Vec<Finding> {
    let forms = mention_forms(text, found, file);
    let surfaces: Vec<&str> = forms.iter().map(|(surface, ..)| surface.as_str()).collect();
    let mut covered = DisjointSpans::default();
    for finding in found {
        covered.insert(finding.span);
    }
    let teams = team_names(found);
    // A club's or team's town stands for it (`Tucson came back`).
    let town_stands_in = |full: &str| is_club(full, file) || teams.contains(full);
    // An organisation's short name that is also a place the text names as a place
    // (`Lahore` of `Lahore High Court`, where the text says `in Lahore`) is the place's
    // wherever it stands alone (`Lahore's Mall Road`), unless the organisation is a club
    // or team.
    let place_names: BTreeSet<&str> = places.entries().iter().map(|(span, _)| span.slice(text)).collect();
    let placed_short_name = |surface: &str, rule: &str, full: &str| {
        rule == SHORT_NAME && !town_stands_in(full) && place_names.contains(surface) && !never_a_place(text, surface, full, file)
    };
    // A surname may be a whole place word (`Salcedo` is also a town), and so may a short
    // name that `placed_short_name` left (a club's or team's, or an organisation's the
    // text never uses as a place) where no place preposition comes before it and no
    // hyphen after it (`Tucson came back`, not `in Tucson` nor `a Tucson-based firm`); but
    // no mention may be part of a longer place, and a repeated full name is never a
    // place. A place inside a mention is part of the name (`Bello` of the surname
    // `Adeyemi-Bello`).
    let may_be_place_word = |span: Span, rule: &str, full: &str| {
        let stands_in = rule == SHORT_NAME || (rule == REPEATED_NAME && stand_ins.contains(full));
        let compound = text[span.end..].starts_with('-');
        rule == SURNAME || (stands_in && !compound && !after_place_preposition(text, span, file) && !listed_beside_place(text, span, places, stand_ins))
    };
    let in_place = |span: Span, rule: &str, full: &str| {
        places.near(span).iter().any(|(place, _)| {
            let inside = span.contains(*place) && *place != span;
            place.overlaps(span) && !inside && (*place != span || !may_be_place_word(span, rule, full))
        })
    };
    let mut mentions: Vec<Finding> = Vec::new();
    for ((surface, full, actor_type, rule), starts) in forms.iter().zip(occurrences(text, &surfaces)) {
        if placed_short_name(surface, rule, full) {
            continue;
        }
        for start in starts {
            let span = Span::new(start, start + surface.len());
            // A short name joined by `and` or `or` to a found place (`Córdoba and
            // Mendoza`) names a town, unless the name is a club's, whose town names it
            // elsewhere. (After a place preposition it may still be the organisation: `a
            // stake in Corrow`.)
            let listed = || !town_stands_in(full) && joined_to_place(text, span, places);
            let in_longer_name = match *rule {
                SHORT_NAME => beside_capitalised(text, span) || listed(),
                KEYWORD_NAME => !after_the(text, span) || word_after(text, span).is_some_and(is_capitalised),
                _ => false,
            };
            if !is_whole_word(text, span.start, span.end) || covered.overlaps(span) || in_place(span, rule, full) || in_longer_name {
                continue;
            }
            covered.insert(span);
            let fields = Fields::Actor(ActorFields { name: full.clone(), actor_type: actor_type.clone(), role: None });
            mentions.push(Finding { span, rule: format!("{}/{rule}", file.name), fields, captures: vec![] });
        }
    }
    mentions
}

/// The word an organisation's name of two or more words may be shortened to, its
/// first (`Tyvak` of `Tyvak Nano-Satellite Systems`, `Amnesty` of `Amnesty
/// International`), or the second after an organisation word (`Altivo` of `Banco
/// Altivo S.A`): a capitalised word of three or more letters that says nothing
/// general, so not an acronym (it is a name of its own), not a word of the vocabulary
/// `not-a-short-name`, an organisation keyword, a title, a sentence starter or a
/// demonym, and not a word the text also writes in lower case; nor a place's name
/// (the next word is one of the vocabulary `place-word`: `Berrien County Health
/// Department`).
fn short_name<'w>(text: &str, actor_type: &str, words: &[&'w str], file: &RuleFileRules) -> Option<&'w str> {
    let (&first, rest) = words.split_first()?;
    // A name headed by an organisation word is shortened to the word after it
    // (`Altivo` of `Banco Altivo S.A`, `Televisa` of `Grupo Televisa`).
    let (first, rest) = match rest.split_first() {
        Some((&second, tail)) if is_organization_keyword(file, first) => (second, tail),
        _ if rest.is_empty() => return None,
        _ => (first, rest),
    };
    if rest.first().is_some_and(|next| file.vocabulary.contains("place-word", next)) {
        return None;
    }
    let letters = first.chars().all(char::is_alphabetic) && first.chars().count() >= 3;
    let capitalised = is_title_word(first);
    let general = file.vocabulary.contains("not-a-short-name", first)
        || is_organization_keyword(file, first)
        || ["person-titles", "sentence-starters", "demonyms"].iter().any(|list| file.in_list(list, first));
    (actor_type == "organization" && letters && capitalised && !general && !written_in_lower_case(text, first)).then_some(first)
}

/// An organisation's name of three words or more without the organisation word that
/// ends it, when two capitalised words or more are left (`Pacific Shield` of `Pacific
/// Shield Railway`, `Federal Reserve` of `Federal Reserve Bank`): the text names it so
/// again. Not when a place's kind word would end it (`Ukerewe District` of `Ukerewe
/// District Council` is a place), nor a link word (`Bank of`).
fn without_ending(actor_type: &str, words: &[&str], file: &RuleFileRules) -> Option<String> {
    let (last, stem) = words.split_last()?;
    let ends_well = stem.last().is_some_and(|word| is_title_word(word) && !file.vocabulary.contains("place-word", word) && !is_organization_keyword(file, word));
    let keeps = actor_type == "organization" && stem.len() >= 2 && is_organization_keyword(file, last) && stem.iter().all(|word| is_title_word(word)) && ends_well;
    keeps.then(|| stem.join(" "))
}

/// True for a word with a capital first and a lower-case letter after it: `Shield`,
/// not `IG` nor `shield`.
fn is_title_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// True when `text` also writes `word` in lower case, as a whole word: then the word
/// says something general, and alone names nothing.
fn written_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    text.match_indices(lower.as_str()).any(|(start, found)| is_whole_word(text, start, start + found.len()))
}

/// The span of capture `name` of `finding`.
fn capture_of(finding: &Finding, name: &str) -> Option<Span> {
    finding.captures.iter().find(|(capture, _)| capture == name).map(|(_, span)| *span)
}

/// True when an organisation's short name that is also a place's (`Sahab` of `Sahab
/// Airways`, a town in Jordan; `Norland` of `Norland Foods`) names only the
/// organisation in `text`: it is no country, first appears at the organisation's
/// name, and never stands after a place preposition (`of` aside: `shares of Norland`)
/// or `the` (`the Karoo` is a region, `the Andes` a range), nor before a hyphen (`a
/// Norland-based firm`).
fn never_a_place(text: &str, short: &str, full: &str, file: &RuleFileRules) -> bool {
    let starts: Vec<usize> = text.match_indices(short).map(|(start, _)| start).filter(|&start| is_whole_word(text, start, start + short.len())).collect();
    let first_at_name = starts.first().is_some_and(|&first| text[first..].starts_with(full));
    let placed = |start: usize| {
        let span = Span::new(start, start + short.len());
        let before = text[..start].split_whitespace().next_back().unwrap_or_default();
        let region = before == "the" || before == "The";
        text[span.end..].starts_with('-') || region || (before != "of" && after_place_preposition(text, span, file))
    };
    first_at_name && !file.in_list("countries", short) && !starts.iter().any(|&start| placed(start))
}

/// The names of the teams among `found` (rule `team-by-city`).
fn team_names(found: &[Finding]) -> BTreeSet<&str> {
    found.iter().filter(|finding| capture_of(finding, TEAM_PLACE).is_some()).map(actor_name).collect()
}

/// A team's other names (rule `team-by-city`): its place alone, and its nickname alone
/// unless the text also writes it in lower case (`the Miners`, not in a text about
/// miners). Both are short names: a place alone names the team where no place
/// preposition comes before it (`Seattle sent`, not `in Seattle`).
fn team_forms(text: &str, found: &[Finding]) -> Vec<(String, String, String, &'static str)> {
    let mut forms = Vec::new();
    for finding in found {
        let (Some(place), Some(nickname)) = (capture_of(finding, TEAM_PLACE), capture_of(finding, TEAM_NICKNAME)) else { continue };
        let name = actor_name(finding).to_string();
        forms.push((place.slice(text).to_string(), name.clone(), "organization".to_string(), SHORT_NAME));
        let nickname = nickname.slice(text);
        if !written_in_lower_case(text, nickname) {
            forms.push((nickname.to_string(), name, "organization".to_string(), SHORT_NAME));
        }
    }
    forms
}

/// The last word of an organisation's name of two or more words when it is an
/// organisation keyword written with a capital (`Alliance` of `Atlantic Alliance`):
/// the name `the Alliance` stands for in the same text.
fn keyword_name<'w>(actor_type: &str, words: &[&'w str], file: &RuleFileRules) -> Option<&'w str> {
    let (&last, rest) = words.split_last()?;
    let capitalised = last.chars().next().is_some_and(char::is_uppercase) && last.chars().skip(1).all(char::is_lowercase);
    (actor_type == "organization" && !rest.is_empty() && capitalised && last.len() >= 4 && file.in_list("organization-keywords", last)).then_some(last)
}

/// True when `word` is a word of a person's name among `found`
/// (`Obama` of the `Obama National Security Council` when Barack Obama is named).
fn names_person(found: &[Finding], word: &str) -> bool {
    found.iter().any(|finding| match &finding.fields {
        Fields::Actor(actor) => actor.actor_type == "person" && actor.name.split_whitespace().any(|part| part == word),
        _ => false,
    })
}

/// The first of two family names after a given name, which Spanish and Portuguese
/// names go by alone (`Amezcua` of `Rodrigo Amezcua Villalobos`): the middle word of a
/// three-word name that opens with a given name, when it is no given name itself
/// (`Mary Jane Smith`), no initial and no word of the vocabulary `middle-name`
/// (`Singh` of `Harjit Singh Bains`).
fn first_of_two_surnames<'n>(words: &[&'n str], file: &RuleFileRules) -> Option<&'n str> {
    let [given, middle, _] = words else { return None };
    let initial = middle.ends_with('.') || middle.chars().count() == 1;
    let named = file.in_list("first-names", given) && !file.in_list("first-names", middle);
    let not_family = file.vocabulary.contains("not-a-surname", middle) || file.vocabulary.contains("middle-name", middle);
    (named && !initial && is_capitalised(middle) && !not_family).then_some(*middle)
}

/// (surface to look for, full name, actor type, rule id) for every found name.
fn mention_forms(text: &str, found: &[Finding], file: &RuleFileRules) -> Vec<(String, String, String, &'static str)> {
    // Each name once: a name found many times gives the same forms.
    let actors: BTreeSet<(&str, &str)> = found
        .iter()
        .filter_map(|finding| match &finding.fields {
            Fields::Actor(actor) => Some((actor.name.as_str(), actor.actor_type.as_str())),
            _ => None,
        })
        .collect();
    let teams = team_names(found);
    let mut forms = Vec::new();
    let mut keyword_names: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (name, actor_type) in actors {
        forms.push((name.to_string(), name.to_string(), actor_type.to_string(), REPEATED_NAME));
        let words: Vec<&str> = name.split_whitespace().collect();
        if actor_type == "person" && words.len() >= 2 {
            let surname = words[words.len() - 1];
            let is_suffix = file.vocabulary.contains("name-suffix", surname);
            let surname = if is_suffix && words.len() >= 3 { words[words.len() - 2] } else { surname };
            if surname.chars().count() > 1 && !file.vocabulary.contains("not-a-surname", surname) {
                forms.push((surname.to_string(), name.to_string(), "person".into(), SURNAME));
            }
            if let Some(first_surname) = first_of_two_surnames(&words, file) {
                // Both family names together are one mention (`Hawk Sawyer`), not two.
                forms.push((words[1..].join(" "), name.to_string(), "person".into(), SURNAME));
                forms.push((first_surname.to_string(), name.to_string(), "person".into(), SURNAME));
            }
            // A family name written first (`Xi Jinping`, `Tan Mei Ling`).
            if words.len() <= 3 && file.vocabulary.contains("surname-first", words[0]) {
                forms.push((words[0].to_string(), name.to_string(), "person".into(), SURNAME));
            }
        }
        // A team's short name is its place, of one word or more (`team_forms`).
        let team = teams.contains(name);
        if let Some(short) = short_name(text, actor_type, &words, file).filter(|short| !team && !names_person(found, short)) {
            forms.push((short.to_string(), name.to_string(), actor_type.to_string(), SHORT_NAME));
        }
        if let Some(keyword) = keyword_name(actor_type, &words, file) {
            keyword_names.entry(keyword).or_default().push(name);
        }
        if let Some(stem) = without_ending(actor_type, &words, file).filter(|stem| !team && !names_person(found, stem)) {
            forms.push((stem, name.to_string(), actor_type.to_string(), SHORT_NAME));
        }
    }
    forms.extend(team_forms(text, found));
    // A keyword that ends two names found stands for neither.
    for (keyword, names) in keyword_names.into_iter().filter(|(_, names)| names.len() == 1) {
        forms.push((keyword.to_string(), names[0].to_string(), "organization".into(), KEYWORD_NAME));
    }
    forms.sort();
    forms.dedup_by(|a, b| a.0 == b.0);
    // Longer surfaces first, so a full name is taken before its surname.
    forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    forms
}
