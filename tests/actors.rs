//! The built-in actor steps that have no rule of their own in actors.toml: list
//! members, persons inside place names, later mentions (also an organisation's by its
//! first word, a person's by the first of two family names), programmes defined with an acronym, matches that cut a place, places
//! inside actors' names, listed places that hold a name, a country's later
//! mentions as its team, and a team's by its place or nickname alone.
//!
//! Input: short texts run through the whole pipeline (no cleaning). Output: test
//! failures when the actors found differ from the expected (text, name, rule).

mod common;

use claimex::claim::ClaimKind;
use common::{snippet_claims, snippet_names};

/// (text, name, rule) of every actor found in `text`.
fn actors(text: &str) -> Vec<(String, String, String)> {
    snippet_names(text, ClaimKind::Actor)
}

fn has(found: &[(String, String, String)], text: &str, rule: &str) -> bool {
    found.iter().any(|(t, _, r)| t == text && r == rule)
}

/// True when `text` is found as a mention of `name` by `rule`.
fn mentions(found: &[(String, String, String)], text: &str, name: &str, rule: &str) -> bool {
    found.iter().any(|(t, n, r)| t == text && n == name && r == rule)
}

/// True when `rule` found anything.
fn fired(found: &[(String, String, String)], rule: &str) -> bool {
    found.iter().any(|(_, _, r)| r == rule)
}

#[test]
fn names_listed_with_an_organisation_are_organisations() {
    let found = actors("NASA picked SpaceX, Blue Origin, Sierra Nevada Corp., Ceres Robotics and Tyvak Nano-Satellite Systems to bid.");
    assert!(has(&found, "Blue Origin", "actors/listed-with-organization"), "{found:?}");
    assert!(has(&found, "Tyvak Nano-Satellite Systems", "actors/listed-with-organization"), "{found:?}");
    assert!(has(&found, "Ceres Robotics", "actors/organization-by-keyword-end"), "split at `and`: {found:?}");
    assert!(found.iter().any(|(t, _, r)| t.starts_with("Sierra Nevada Corp") && r == "actors/organization-by-keyword-end"), "not a person: {found:?}");
}

#[test]
fn a_list_without_a_known_organisation_adds_nothing() {
    let found = actors("The tour visits Tampa, Bristow, Holmdel and Wantagh in June.");
    assert!(!fired(&found, "actors/listed-with-organization"), "{found:?}");
}

#[test]
fn a_person_name_inside_a_place_is_no_person() {
    let found = actors("The band plays Virginia Beach and St. Louis in June, then meets Virginia Smith.");
    assert!(!found.iter().any(|(t, _, _)| t == "Virginia Beach" || t == "Louis"), "{found:?}");
    assert!(found.iter().any(|(t, _, _)| t == "Virginia Smith"), "{found:?}");
}

#[test]
fn later_mentions_link_to_the_full_name() {
    let found = actors("Laura Harth spoke first. Later, Harth said the group would publish more.");
    assert!(mentions(&found, "Harth", "Laura Harth", "actors/surname"), "{found:?}");
}

#[test]
fn an_organisation_is_mentioned_by_its_first_word_alone() {
    let found = actors("Silverleaf Home Health Services billed Medicare. In Ohio, Silverleaf, which employed 85 people, closed.");
    assert!(mentions(&found, "Silverleaf", "Silverleaf Home Health Services", "actors/short-name"), "{found:?}");
    let found = actors("Blue Origin showed its Blue Moon lander. National Grid said the National power cut was short.");
    assert!(!fired(&found, "actors/short-name"), "part of a longer name, or a general word: {found:?}");
    let found = actors("The Berrien County Health Department reported cases in Berrien on Monday.");
    assert!(!fired(&found, "actors/short-name"), "a place before a place word: {found:?}");
    let found = actors("Teachers marched in Córdoba and Mendoza. The Mendoza Public Employees' Association said 9,000 marched.");
    assert!(!fired(&found, "actors/short-name"), "joined to a place by `and`: {found:?}");
    let found = actors("The Lahore High Court acquitted them. Crowds gathered in Lahore and Islamabad. Police estimated the crowd on Lahore's Mall Road at 4,000.");
    assert!(!fired(&found, "actors/short-name"), "a short name the text uses as a place stays the place's: {found:?}");
}

#[test]
fn a_family_name_written_first_is_a_mention() {
    let found = actors("Chinese President Xi Jinping met the delegation. Xi said the talks were useful.");
    assert!(mentions(&found, "Xi", "Xi Jinping", "actors/surname"), "{found:?}");
}

#[test]
fn the_first_of_two_family_names_is_a_mention_and_both_together_are_one() {
    let found = actors("Rodrigo Amezcua Villalobos won the vote. Amezcua said he was grateful, and Amezcua Villalobos thanked the party.");
    assert!(mentions(&found, "Amezcua", "Rodrigo Amezcua Villalobos", "actors/surname"), "{found:?}");
    assert!(mentions(&found, "Amezcua Villalobos", "Rodrigo Amezcua Villalobos", "actors/surname"), "{found:?}");
    assert!(!has(&found, "Villalobos", "actors/surname"), "inside the two names: {found:?}");
    // A middle given name is no family name.
    let found = actors("Mary Jane Smith voted. Jane left early.");
    assert!(!has(&found, "Jane", "actors/surname"), "{found:?}");
}

#[test]
fn an_organisation_is_mentioned_by_its_keyword_after_the() {
    let found = actors("The Atlantic Alliance won 12 seats. The vote showed that the Alliance still leads.");
    assert!(mentions(&found, "Alliance", "Atlantic Alliance", "actors/keyword-name"), "{found:?}");
    let found = actors("The Atlantic Alliance and the Pacific Alliance met. Voters said the Alliance had won.");
    assert!(!fired(&found, "actors/keyword-name"), "the keyword ends two names: {found:?}");
    let found = actors("The Atlantic Alliance won. Then the Alliance Party lost.");
    assert!(!fired(&found, "actors/keyword-name"), "part of a longer name: {found:?}");
}

#[test]
fn a_club_is_mentioned_by_its_town_unless_a_place_preposition_comes_before() {
    let found = actors("Tucson Sidewinders FC beat Albuquerque Mesa SC 3-2. Tucson came back in the second half in Albuquerque.");
    let clubs: Vec<&str> = found.iter().filter(|(_, _, r)| r == "actors/short-name").map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(clubs, ["Tucson"], "{found:?}");
    assert!(places("Tucson came back in the second half in Albuquerque.").iter().any(|p| p == "Albuquerque"));
}

#[test]
fn a_country_found_as_its_team_is_the_team_where_no_place_preposition_or_list_places_it() {
    let text = "Ireland beat Wales 27-19 in Dublin. Ireland's defence held, and fans travelled from Wales. Keane has won titles in Portugal, Wales and Spain.";
    let found = actors(text);
    let teams: Vec<&str> = found.iter().filter(|(_, _, r)| r == "actors/repeated-name").map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(teams, ["Ireland"], "{found:?}");
    assert_eq!(places(text), ["Dublin", "Wales", "Portugal", "Wales", "Spain"]);
}

#[test]
fn a_place_of_several_words_before_an_organisation_is_cut_from_its_name() {
    let found = actors("Loopr is owned by San Francisco-based Brightpath Inc. and sells through South Korea’s Hanbit Electronics.");
    assert!(has(&found, "Brightpath Inc", "actors/organization-by-keyword-end"), "{found:?}");
    assert!(has(&found, "Hanbit Electronics", "actors/organization-by-keyword-end"), "{found:?}");
    assert!(!found.iter().any(|(text, _, _)| text.contains("San Francisco") || text.contains("Korea")), "{found:?}");
    // A possessive inside a name is kept when no found place makes it: a person's
    // given name is never cut, nor is a hyphenated given name taken for a compound.
    let found = actors("The European People’s Party met Chen Yu-ting in Taipei.");
    assert!(has(&found, "European People’s Party", "actors/organization-by-keyword-end"), "{found:?}");
    assert!(found.iter().any(|(text, _, _)| text == "Chen Yu-ting"), "{found:?}");
}

#[test]
fn a_credit_lines_place_and_for_are_no_part_of_the_agency() {
    let text = "(Reporting by Beatrice Achieng in Kisumu for Savanna News Agency; editing by Ruth Kariuki)";
    assert!(has(&actors(text), "Savanna News Agency", "actors/organization-by-keyword-end"), "{:?}", actors(text));
    assert_eq!(places(text), ["Kisumu"]);
}

#[test]
fn a_person_named_only_as_a_source_is_an_actor() {
    // A given name no list holds (`Tanvir` is listed; `Moinul` is not).
    let found = actors("Moinul Hossain, a hydrologist at the institute, said the river would crest on Friday. Hossain said more rain was due.");
    assert!(has(&found, "Moinul Hossain", "actors/named-source"), "{found:?}");
    assert!(mentions(&found, "Hossain", "Moinul Hossain", "actors/surname"), "{found:?}");
}

/// The text of every place found in `text`.
fn places(text: &str) -> Vec<String> {
    snippet_claims(text, ClaimKind::Place).into_iter().map(|claim| claim.text).collect()
}

#[test]
fn a_programme_defined_with_an_acronym_is_no_actor() {
    let text = "NASA added five companies to its Commercial Lunar Payload Services (CLPS) contracts. The CLPS firms can bid.";
    let found = actors(text);
    assert!(!found.iter().any(|(t, _, _)| t.contains("CLPS") || t.contains("Payload Services")), "{found:?}");
    assert!(has(&found, "NASA", "actors/known-organization"), "{found:?}");
}

#[test]
fn a_listed_organisations_acronym_is_no_programme() {
    let found = actors("The World Food Programme (WFP) said it needed $186 million. WFP staff left.");
    assert!(has(&found, "World Food Programme", "actors/known-organization"), "{found:?}");
    assert!(found.iter().filter(|(t, _, _)| t == "WFP").count() == 2, "{found:?}");
}

#[test]
fn a_match_that_cuts_a_place_in_two_is_no_actor() {
    let found = actors("Tariffs strengthened the United States while the United States Senate waited.");
    assert!(!found.iter().any(|(t, _, _)| t == "the United"), "{found:?}");
}

#[test]
fn a_dateline_in_capitals_is_a_place_not_an_acronym() {
    let text = "LONDON (AP) — The party said it would appeal.";
    assert!(!actors(text).iter().any(|(t, _, _)| t == "LONDON"));
    let found = places(text);
    assert!(found.iter().any(|t| t == "LONDON"), "{found:?}");
}

#[test]
fn a_place_word_inside_a_name_is_no_place_but_a_compound_base_is() {
    let text = "Ruby Salcedo scored twice. Salcedo said Madrid-based Grupo Altamar SA would pay.";
    let found = places(text);
    assert!(!found.iter().any(|t| t == "Salcedo"), "{found:?}");
    assert!(found.iter().any(|t| t == "Madrid"), "{found:?}");
    assert!(actors(text).iter().any(|(t, n, r)| t == "Salcedo" && n == "Ruby Salcedo" && r == "actors/surname"));
}

#[test]
fn a_listed_place_holding_a_firm_like_name_is_a_place_and_no_organisation() {
    let text = "Schools in the National Capital Region (NCR) closed, as did one in the Amazon rainforest. The NCR has 30 million people.";
    let found = places(text);
    assert!(found.iter().any(|t| t == "National Capital Region"), "{found:?}");
    assert!(found.iter().any(|t| t == "Amazon rainforest"), "{found:?}");
    assert_eq!(found.iter().filter(|t| *t == "NCR").count(), 2, "the acronym the place is defined with is a place: {found:?}");
    let found = actors(text);
    assert!(!found.iter().any(|(t, _, _)| t == "National Capital" || t == "Amazon" || t == "NCR"), "{found:?}");
}

#[test]
fn a_mention_may_hold_a_place_and_a_name_headed_by_an_organisation_word_is_shortened() {
    let text = "Commissioner Folasade Adeyemi-Bello spoke. Adeyemi-Bello said Banco Altivo S.A. would close. Altivo agreed.";
    assert!(!places(text).iter().any(|t| t == "Bello"));
    let found = actors(text);
    assert!(mentions(&found, "Adeyemi-Bello", "Folasade Adeyemi-Bello", "actors/surname"), "{found:?}");
    assert!(found.iter().any(|(t, n, r)| t == "Altivo" && n.starts_with("Banco Altivo") && r == "actors/short-name"), "{found:?}");
}

#[test]
fn a_team_is_mentioned_by_its_place_or_its_nickname_alone() {
    let text = "The votes against came from the Tampa Bay Barracudas and the Montreal Voyageurs.\n\nTampa Bay argued against the move, and the Voyageurs agreed.\n\nThe Montreal-based owner, a Tampa developer, lives in Montreal.";
    let found = actors(text);
    let places = snippet_names(text, ClaimKind::Place);
    assert!(has(&found, "Tampa Bay Barracudas", "actors/team-by-city"), "{found:?}");
    assert!(mentions(&found, "Tampa Bay", "Tampa Bay Barracudas", "actors/short-name"), "the place alone: {found:?}");
    assert!(mentions(&found, "Voyageurs", "Montreal Voyageurs", "actors/short-name"), "the nickname alone: {found:?}");
    // The place inside the team's name is no place; `Montreal-based`, `in Montreal`
    // and `Tampa` (not the team's place) are places.
    assert!(!places.iter().any(|(t, ..)| t == "Tampa Bay"), "{places:?}");
    assert_eq!(places.iter().filter(|(t, ..)| t == "Montreal").count(), 2, "{places:?}");
    assert!(places.iter().any(|(t, ..)| t == "Tampa"), "{places:?}");
    assert!(!found.iter().any(|(t, ..)| t == "Montreal" || t == "Tampa"), "{found:?}");
}
