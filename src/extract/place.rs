//! Places: candidates of `places.toml` → place findings.
//!
//! Input: settled candidates from list rules (columns `name`, `place_type`) or
//! pattern rules (captures or constants `name`, `place_type`; `code`, a postal
//! code looked up in the list `postal-codes`; and `town`, a town looked up in the list
//! `towns`). Output: findings with the canonical name and type; without a name the
//! matched text is the name. A candidate whose `code` or `town` is not in its list is
//! dropped (a town before overlaps are settled, so that a word that is no town, `in
//! April`, hides nothing). A pattern rule's match loses its leading
//! words of the vocabulary `leading-word` ("Two Bartholomew County" → "Bartholomew
//! County"): a run of capitalised words may start with the sentence. A name in
//! capitals (a dateline) that the gazetteer knows in title case, or any other name of a
//! pattern rule that it knows as written, takes the gazetteer's name and type
//! (`PONTA DELGADA` → Ponta Delgada, city; `Oro Valley` → city). A `kind` capture gives the
//! type through the vocabulary `place-kind` (`the village of Limni` → city). A place
//! found by a rule that sets `every-mention` (a name placed by its context, `the island
//! of Sifnos`) is also a place wherever else the text names it, as a word of its own, not
//! beside another capitalised word and not where an exclusion rule matched (rule
//! `places/other-mention`), and so is the name without its leading kind word, a rule's
//! `bare` capture (`Galibier` of `Col du Galibier`). So is the acronym a place of several words is defined with,
//! when the initials of its capitalised words spell it (`National Capital Region
//! (NCR)`): there and wherever else the text writes it. The members of a list after a
//! place preposition that holds a found place (rules that set `members-of-list`: `in
//! Newport, Cwmbran and Abergavenny`) are places too, unless found, blocked by an
//! exclusion rule, nationality words, possessive, starting with a given name or placed
//! themselves (`Peter Okafor in London`); the list itself is no place. A one-word town of
//! the gazetteer is no place when it is a word of a longer name: right beside another
//! (`Cerro Tigre`, a mine) or between two capitalised words, the first of them inside
//! the sentence (`Ysbyty Glan Usk`, a hospital).

use std::collections::{BTreeMap, BTreeSet};

use super::actor::is_possessive;
use super::matching::{self, is_whole_word, Candidate};
use super::mentions::{after_the, is_capitalised, list_members, occurrences, word_after, word_before};
use super::{Finding, MEMBERS_OF_LIST};
use crate::claim::{Fields, PlaceFields};
use crate::ruleset::pattern::Window;
use crate::ruleset::{Matcher, RuleFileRules};
use crate::span::{DisjointSpans, Span, SpanIndex};

/// The list that a `code` capture is looked up in: code, name, country.
const POSTAL_CODES: &str = "postal-codes";

/// The list that a `town` capture must be an entry of: surface, name.
const TOWNS: &str = "towns";

/// The gazetteer: surface, name, place type.
const GAZETTEER: &str = "places";

/// The capture that names a town of the list `towns`.
const TOWN: &str = "town";

/// The capture that must be a place of the gazetteer (`near Lautoka`).
const KNOWN: &str = "known";

/// The vocabulary that gives a `kind` capture's place type (`village` → `city`).
const PLACE_KIND: &str = "place-kind";

/// The `set` flag of a rule whose places are named by their context: the text's other
/// mentions of the same name are places too.
const EVERY_MENTION: &str = "every-mention";

/// The capture of an every-mention rule that holds the name without its leading kind
/// word (`Galibier` of `Col du Galibier`): it is a mention too.
const BARE: &str = "bare";

/// The rule id (after `places/`) of those other mentions.
const OTHER_MENTION: &str = "other-mention";

/// The list of nationality words, which no list makes a place.
const DEMONYMS: &str = "demonyms";

/// The list of given names: a list member that starts with one is a person.
const FIRST_NAMES: &str = "first-names";

/// The list of titles: a list with a member that holds one names people.
const PERSON_TITLES: &str = "person-titles";
/// How many words before an acronym in brackets are looked at for a word of the place's
/// name it may stand for.
const NAME_WORDS_BEFORE: usize = 8;
/// The vocabulary of abbreviations that start a town's name (`St.`), no title in a list.
const NAME_ABBREVIATION: &str = "name-abbreviation";

/// A pattern rule's candidate without its leading words of the vocabulary
/// `leading-word` (not written in capitals); none when nothing is left, when its
/// `town` is not in the list `towns` or heads a longer name elsewhere in the text
/// (`Shares in Redbank` where `Redbank Minerals` is the company), or when its `known`
/// is no place of the gazetteer. List entries are whole names ("The Hague") and stay
/// as they are.
pub fn refine<'r>(text: &str, mut candidate: Candidate<'r>, file: &RuleFileRules) -> Option<Candidate<'r>> {
    if !matches!(candidate.rule.matcher, Matcher::Pattern(_)) {
        return Some(candidate);
    }
    if candidate.capture_text(TOWN, text).is_some_and(|town| !file.in_list(TOWNS, town) || heads_a_longer_name(text, town, file)) {
        return None;
    }
    if candidate.capture_text(KNOWN, text).is_some_and(|known| known_row(file, known).is_none()) {
        return None;
    }
    let mut span = candidate.span;
    while let Some(word) = span.slice(text).split_whitespace().next() {
        // A word in capitals is a code or a name, never a sentence's first word (`ON`).
        let capitals = word.chars().count() > 1 && !word.chars().any(char::is_lowercase);
        if capitals || !file.vocabulary.contains("leading-word", word) {
            break;
        }
        span = Span::new(span.start + word.len(), span.end).trimmed(text);
    }
    candidate.span = span;
    (!span.is_empty()).then_some(candidate)
}

/// Build place findings, with the other mentions of places named by their context;
/// `blocked` holds the spans the file's exclusion rules matched, with their priorities.
pub fn findings(text: &str, candidates: &[Candidate<'_>], file: &RuleFileRules, blocked: &[(Span, i32)]) -> Vec<Finding> {
    let mut found = Vec::with_capacity(candidates.len());
    // Each surface once, with the fields and priority of its first finding.
    let mut named: BTreeMap<&str, (PlaceFields, i32)> = BTreeMap::new();
    let mut acronyms = Vec::new();
    let towns = OneWordTowns::new(text, candidates);
    for candidate in candidates {
        if towns.is_in_longer_name(text, candidate, file) || is_in_romance_name(text, candidate, file) {
            continue;
        }
        let Some(finding) = finding(text, candidate, file) else { continue };
        if let Fields::Place(fields) = &finding.fields {
            if candidate.flag(EVERY_MENTION) {
                // A name in capitals (a dateline's `BARRE`) is mentioned again in title
                // case; in capitals it may as well be an acronym elsewhere.
                let surface = finding.span.slice(text);
                let mention = if is_in_capitals(surface) { title_case_in(text, surface) } else { Some(surface) };
                if let Some(mention) = mention {
                    named.entry(mention).or_insert_with(|| (fields.clone(), candidate.rule.priority));
                }
                if let Some(bare) = candidate.capture_text(BARE, text) {
                    named.entry(bare).or_insert_with(|| (fields.clone(), candidate.rule.priority));
                }
            }
            if let Some(acronym) = defined_acronym(text, finding.span) {
                named.entry(acronym.slice(text)).or_insert_with(|| (fields.clone(), candidate.rule.priority));
                acronyms.push(Finding { span: acronym, rule: format!("{}/{OTHER_MENTION}", file.name), fields: Fields::Place(fields.clone()), captures: vec![] });
            }
        }
        found.push(finding);
    }
    let listed = listed_with_places(text, &found, file, blocked);
    found.extend(listed);
    // Few texts define a place's acronym: index the places only for those.
    if !acronyms.is_empty() {
        let places = SpanIndex::new(found.iter().map(|finding| (finding.span, ())));
        let new: Vec<Finding> = acronyms.into_iter().filter(|acronym| !places.overlaps(acronym.span)).collect();
        found.extend(new);
    }
    if !named.is_empty() {
        let mentions = other_mentions(text, &named, &found, file, blocked);
        found.extend(mentions);
        found.sort_by_key(|finding| (finding.span.start, finding.span.end));
    }
    let defined = acronyms_of_other_names(text, &found);
    found.retain(|finding| !defined.contains(finding.span.slice(text)));
    found
}

/// The acronyms the text defines in brackets right after a name that is no place
/// (`Civic Renewal Party (PRC)`): there they name that body, not the country a
/// gazetteer alias would make of them, so no mention of them is a place. An acronym
/// after a found place or after words of the place's own name (`Democratic Republic of
/// the Congo (DRC)`, `Autonomous Region in Muslim Mindanao (BARMM)` for Bangsamoro)
/// stays one.
fn acronyms_of_other_names<'t>(text: &'t str, places: &[Finding]) -> BTreeSet<&'t str> {
    // Each acronym once, with the name of its first finding: the text is searched per acronym.
    let mut acronyms: BTreeMap<&str, &str> = BTreeMap::new();
    for place in places {
        let surface = place.span.slice(text);
        if let Fields::Place(fields) = &place.fields {
            if surface.chars().all(|c| c.is_ascii_uppercase()) {
                acronyms.entry(surface).or_insert(fields.name.as_str());
            }
        }
    }
    if acronyms.is_empty() {
        return BTreeSet::new();
    }
    let ends: BTreeSet<usize> = places.iter().map(|place| place.span.end).collect();
    let after_other_name = |surface: &str, name: &str| {
        let own_words = |before: &str| before.split_whitespace().rev().take(NAME_WORDS_BEFORE).any(|word| name.split_whitespace().any(|own| own.len() >= 3 && word == own));
        text.match_indices(&format!("({surface})")).any(|(start, _)| {
            let name_end = text[..start].trim_end_matches(' ').len();
            let named = name_end < start && word_before(text, Span::new(start, start)).is_some_and(is_capitalised);
            named && !ends.contains(&name_end) && !own_words(&text[..name_end])
        })
    };
    acronyms.into_iter().filter(|(surface, name)| after_other_name(surface, name)).map(|(surface, _)| surface).collect()
}

/// Where the gazetteer's one-word towns among a document's candidates start and end.
struct OneWordTowns {
    starts: BTreeSet<usize>,
    ends: BTreeSet<usize>,
}

impl OneWordTowns {
    fn new(text: &str, candidates: &[Candidate<'_>]) -> OneWordTowns {
        let towns = candidates.iter().filter(|candidate| is_one_word_town(text, candidate));
        let (starts, ends) = towns.map(|town| (town.span.start, town.span.end)).unzip();
        OneWordTowns { starts, ends }
    }

    /// True when `candidate`, a one-word town, is a word of a longer name: one space
    /// from another such town (`Cerro Tigre`), or between two capitalised words whose
    /// first is not a leading word and does not open the sentence (`Ysbyty Glan Usk`;
    /// but `Former Lagos Governor`, `The Hague`).
    fn is_in_longer_name(&self, text: &str, candidate: &Candidate<'_>, file: &RuleFileRules) -> bool {
        if !is_one_word_town(text, candidate) {
            return false;
        }
        let span = candidate.span;
        let beside_town = self.ends.contains(&span.start.saturating_sub(1)) && text[..span.start].ends_with(' ')
            || self.starts.contains(&(span.end + 1)) && text[span.end..].starts_with(' ');
        let inside_sentence = |word: &str| {
            let before = text[..span.start - word.len() - 1].trim_end();
            !before.is_empty() && !before.ends_with(['.', '!', '?', '\n', ':', '"', '“', '”'])
        };
        let first = name_word_before(text, span, file).filter(|word| inside_sentence(word));
        beside_town || (first.is_some() && word_after(text, span).is_some_and(is_capitalised))
    }
}

/// The particles that join the words of a Spanish, Portuguese, French or Italian name.
const ROMANCE_PARTICLES: [&str; 10] = ["de", "do", "da", "dos", "das", "del", "della", "di", "du", "des"];

/// The articles that may follow a particle in a Romance name (`El Faro de los Valles`).
const ROMANCE_ARTICLES: [&str; 8] = ["la", "las", "los", "le", "les", "lo", "os", "as"];

/// True when `candidate`, a one-word place of the gazetteer, is a word of a longer
/// Romance name that the gazetteer does not hold whole (see [`is_in_romance_name_at`]).
/// A whole name of the gazetteer (`Rio de Janeiro`) is a candidate of its own and wins
/// over its words.
fn is_in_romance_name(text: &str, candidate: &Candidate<'_>, file: &RuleFileRules) -> bool {
    is_one_word_entry(text, candidate) && is_in_romance_name_at(text, candidate.span, file)
}

/// True when the one word at `span` is a word of a longer Romance name joined by a
/// particle: its first word (`Caldas` of `Caldas de Monchique`, `Centro` of `Centro de
/// Estudos`, `Faro` of `El Faro de los Valles`) or the word after the particle, when a
/// name word stands before it (`Monchique` of `Câmara Municipal de Monchique`, `Pico`
/// of `Lajes do Pico`).
fn is_in_romance_name_at(text: &str, span: Span, file: &RuleFileRules) -> bool {
    let particle = |word: &str| ROMANCE_PARTICLES.contains(&word);
    let heads_name = word_after(text, span).is_some_and(particle) && {
        let mut after = text[span.end..].split_whitespace().skip(1);
        let next = after.next();
        let named = if next.is_some_and(|word| ROMANCE_ARTICLES.contains(&word)) { after.next() } else { next };
        named.is_some_and(is_capitalised)
    };
    let ends_name = word_before(text, span).is_some_and(particle) && {
        let before_particle = text[..span.start].trim_end().rsplit_once(' ').map(|(before, _)| before);
        before_particle.and_then(|before| before.rsplit(' ').next()).is_some_and(|word| is_capitalised(word) && !file.vocabulary.contains("leading-word", word))
    };
    heads_name || ends_name
}

/// True for a candidate of the gazetteer that is a town of one word.
fn is_one_word_town(text: &str, candidate: &Candidate<'_>) -> bool {
    is_one_word_entry(text, candidate) && candidate.column("place_type") == Some("city")
}

/// True for a candidate of the gazetteer that is one word.
fn is_one_word_entry(text: &str, candidate: &Candidate<'_>) -> bool {
    matches!(candidate.rule.matcher, Matcher::List { .. }) && !candidate.span.slice(text).contains(char::is_whitespace)
}

/// The members of the lists of rules that set `members-of-list` (`in Newport, Cwmbran
/// and Abergavenny`) that hold a found place: the members not found, not where an
/// exclusion rule matched and that look like a town ([`is_town_like`], not
/// [`is_placed`]) are towns, unless a member holds a title (a list of people) other than
/// an abbreviation that starts a town's name (`St. Anton`). In text order.
fn listed_with_places(text: &str, found: &[Finding], file: &RuleFileRules, blocked: &[(Span, i32)]) -> Vec<Finding> {
    let whole = Window::new(text);
    let lists: Vec<Candidate<'_>> = file.rules.iter().filter(|rule| rule.flag(MEMBERS_OF_LIST)).flat_map(|rule| matching::find(rule, whole, 0)).collect();
    if lists.is_empty() {
        return Vec::new();
    }
    let places = SpanIndex::new(found.iter().map(|place| (place.span, ())));
    let blocked = SpanIndex::new(blocked.iter().map(|(span, _)| (*span, ())));
    let mut listed = Vec::new();
    for list in lists {
        let members = list_members(text, list.span);
        let titled = |member: &Span| {
            let mut words = member.slice(text).split_whitespace().peekable();
            words.next_if(|word| file.vocabulary.contains(NAME_ABBREVIATION, word));
            words.any(|word| file.in_list(PERSON_TITLES, word))
        };
        if !members.iter().any(|member| places.near(*member).iter().any(|(place, _)| place == member)) || members.iter().any(titled) {
            continue;
        }
        for member in members {
            let name = member.slice(text);
            if !is_town_like(name, file) || is_placed(text, member) || places.overlaps(member) || blocked.overlaps(member) {
                continue;
            }
            let fields = Fields::Place(PlaceFields { name: name.to_string(), place_type: "city".into() });
            listed.push(Finding { span: member, rule: list.rule.id.clone(), fields, captures: vec![] });
        }
    }
    listed
}

/// True when a list member can name a town: a capital and a lower-case letter, not
/// possessive, not a nationality word, not a given name and more (`Peter Okafor`; a
/// given name alone is no person's name: `in Dallas, Houston and Tyler`).
fn is_town_like(name: &str, file: &RuleFileRules) -> bool {
    let mut chars = name.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase);
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or_default();
    let person = file.in_list(FIRST_NAMES, first) && words.next().is_some();
    shaped && !is_possessive(name) && !file.in_list(DEMONYMS, name) && !person
}

/// True when a place follows `member` after `in`, `at` or `from`: a person placed
/// somewhere, as in a reporting credit (`Nguyen Thi Hanh in Can Tho`).
fn is_placed(text: &str, member: Span) -> bool {
    let after = &text[member.end..];
    ["in ", "at ", "from "].iter().any(|preposition| {
        after.strip_prefix(' ').and_then(|rest| rest.strip_prefix(preposition)).is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}

/// Every other mention of the `named` surfaces: a whole word, no part of a place found
/// or of a longer name (a capitalised word beside it that is not a `leading-word`:
/// `Bundelkhand Mutual`, but `In Sifnos`), and not where an exclusion rule of the naming
/// rule's priority or higher matched (`University of Sifnos`).
fn other_mentions(text: &str, named: &BTreeMap<&str, (PlaceFields, i32)>, found: &[Finding], file: &RuleFileRules, blocked: &[(Span, i32)]) -> Vec<Finding> {
    let blocked = SpanIndex::new(blocked.iter().copied());
    let mut covered = DisjointSpans::default();
    for finding in found {
        covered.insert(finding.span);
    }
    let surfaces: Vec<&str> = named.keys().copied().collect();
    let mut mentions = Vec::new();
    for ((surface, (fields, priority)), starts) in named.iter().zip(occurrences(text, &surfaces)) {
        for start in starts {
            let span = Span::new(start, start + surface.len());
            let vetoed = blocked.near(span).iter().any(|(block, block_priority)| block.overlaps(span) && priority <= block_priority);
            if !is_whole_word(text, span.start, span.end) || covered.overlaps(span) || vetoed || in_longer_name(text, span, file) {
                continue;
            }
            covered.insert(span);
            mentions.push(Finding { span, rule: format!("{}/{OTHER_MENTION}", file.name), fields: Fields::Place(fields.clone()), captures: vec![] });
        }
    }
    mentions
}

/// The acronym in parentheses right after the place `span` of several words, when the
/// initials of its capitalised words spell it (`National Capital Region (NCR)`,
/// `Democratic Republic of the Congo (DRC)`).
fn defined_acronym(text: &str, span: Span) -> Option<Span> {
    let name = span.slice(text);
    let inside = text[span.end..].strip_prefix(" (")?;
    let acronym = &inside[..inside.find(')')?];
    let initials: String = name.split_whitespace().filter_map(|word| word.chars().next().filter(char::is_ascii_uppercase)).collect();
    let spelled = (2..=8).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase()) && initials == acronym;
    let start = span.end + 2;
    (spelled && name.contains(' ')).then(|| Span::new(start, start + acronym.len()))
}

/// True when a capitalised word beside `span` makes it part of a longer name, or a
/// Romance particle joins it to one (`Lajes do Pico`); a `leading-word` before it
/// (`In`, `The`) does not.
fn in_longer_name(text: &str, span: Span, file: &RuleFileRules) -> bool {
    let one_word = !span.slice(text).contains(char::is_whitespace);
    name_word_before(text, span, file).is_some() || word_after(text, span).is_some_and(is_capitalised) || (one_word && is_in_romance_name_at(text, span, file))
}

/// The capitalised word right before `span` that is not a `leading-word` (`Ysbyty` of
/// `Ysbyty Glan`, not `In` of `In Sifnos`).
fn name_word_before<'t>(text: &'t str, span: Span, file: &RuleFileRules) -> Option<&'t str> {
    word_before(text, span).filter(|word| is_capitalised(word) && !file.vocabulary.contains("leading-word", word))
}

fn finding(text: &str, candidate: &Candidate<'_>, file: &RuleFileRules) -> Option<Finding> {
    let code_name = match candidate.capture_text("code", text) {
        Some(code) => Some(postal_code_name(file, code)?),
        None => None,
    };
    let code_is_claim = candidate.capture("code") == Some(candidate.span);
    let known = candidate.column("name").is_none().then(|| known_row(file, candidate.span.slice(text))).flatten();
    let town = candidate.capture_text(TOWN, text).and_then(|town| file.row(TOWNS, town)).and_then(|row| row.get(1));
    let name = candidate
        .field("name", text)
        .or_else(|| code_name.filter(|_| code_is_claim))
        .or_else(|| known.map(|row| row[1].clone()))
        .or_else(|| town.cloned())
        .unwrap_or_else(|| candidate.span.slice(text).to_string());
    let kind = || candidate.capture_text("kind", text).and_then(|kind| file.vocabulary.lookup(PLACE_KIND, kind)).map(str::to_string);
    let place_type = known.map(|row| row[2].clone()).or_else(|| candidate.field("place_type", text)).or_else(kind).unwrap_or_else(|| "other".into());
    Some(Finding {
        span: candidate.span,
        rule: candidate.rule.id.clone(),
        fields: Fields::Place(PlaceFields { name, place_type }),
        captures: candidate.owned_captures(),
    })
}

/// True when `name` stands, as a whole word, right before another capitalised word
/// somewhere in `text`: there it is the first word of a longer name (`Redbank
/// Minerals`), unless that word is one of the vocabulary `town-body` (`Grindavik Town
/// Council` is the town's) or `the` comes before (`the Campbelltown Ironbarks`, a team
/// named after the town).
fn heads_a_longer_name(text: &str, name: &str, file: &RuleFileRules) -> bool {
    text.match_indices(name).any(|(start, _)| {
        let span = Span::new(start, start + name.len());
        let other_name = |word: &str| is_capitalised(word) && !file.vocabulary.contains("town-body", word);
        is_whole_word(text, span.start, span.end) && word_after(text, span).is_some_and(other_name) && !after_the(text, span)
    })
}

/// The gazetteer row of a pattern rule's `surface`: its own (`Oro Valley`), or when it
/// is written in capitals, that of its title case (`ST. LOUIS` → the row of `St. Louis`).
fn known_row<'f>(file: &'f RuleFileRules, surface: &str) -> Option<&'f [String]> {
    let title = (!surface.chars().any(char::is_lowercase)).then(|| title_case(surface));
    file.row(GAZETTEER, title.as_deref().unwrap_or(surface)).filter(|row| row.len() >= 3)
}

/// True when `surface` has letters and none of them is in lower case.
fn is_in_capitals(surface: &str) -> bool {
    surface.chars().any(char::is_alphabetic) && !surface.chars().any(char::is_lowercase)
}

/// The title case of a name written in capitals (a dateline's `BARRE`), where the text
/// writes it so (`Barre`).
fn title_case_in<'t>(text: &'t str, surface: &str) -> Option<&'t str> {
    let title = title_case(surface);
    let start = text.find(&title)?;
    (title != surface).then(|| &text[start..start + title.len()])
}

/// Each word's first letter as it is, the others in lower case (`NEW YORK` → `New York`).
fn title_case(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    let mut word_start = true;
    for c in surface.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphanumeric();
    }
    out
}

/// The name of a state or province by its postal code (`VA` → `Virginia`).
fn postal_code_name(file: &RuleFileRules, code: &str) -> Option<String> {
    file.row(POSTAL_CODES, code)?.get(1).cloned()
}
