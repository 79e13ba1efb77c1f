//! The built-in place steps that have no rule of their own in places.toml: the other
//! mentions of a feature's bare name and of a dateline's town, the members of a list
//! that holds a found place, the one-word towns that are words of a longer name, and the
//! place words of a Romance name made with `de` or `do` (`Centro de Estudos`).
//!
//! Input: short texts run through the whole pipeline (no cleaning). Output: test
//! failures when the places found differ from the expected (text, name, rule).

mod common;

use claimex::claim::ClaimKind;
use common::snippet_names;

/// (text, name, rule) of every place found in `text`, run without cleaning.
fn places(text: &str) -> Vec<(String, String, String)> {
    snippet_names(text, ClaimKind::Place)
}

#[test]
fn a_features_bare_name_is_a_mention_of_it() {
    let found = places("The stage crossed the Col du Granon. Riders said the Granon was colder than Mount Egon. Egon’s slopes were dry.");
    let expected = [
        ("Col du Granon", "Col du Granon", "places/named-feature"),
        ("Granon", "Col du Granon", "places/other-mention"),
        ("Mount Egon", "Mount Egon", "places/named-feature"),
        ("Egon", "Mount Egon", "places/other-mention"),
    ];
    for (text, name, rule) in expected {
        assert!(found.iter().any(|(t, n, r)| t == text && n == name && r == rule), "{text} ({name}, {rule}) not in {found:?}");
    }
}

#[test]
fn a_list_holding_a_found_place_names_more_towns() {
    let found = places("The board runs hospitals in Newport, Cwmbran and Abergavenny. Reporting by Ana Ruiz in London and Peter Okafor in Lagos.");
    assert!(found.iter().any(|(t, _, r)| t == "Abergavenny" && r == "places/listed-with-place"), "{found:?}");
    assert!(!found.iter().any(|(t, _, _)| t == "Peter Okafor"), "a person placed in a credit line is no place: {found:?}");
}

#[test]
fn a_one_word_town_inside_a_longer_name_is_no_place() {
    let found = places("Workers at Cerro Tigre struck. She waits at Ysbyty Glan Usk in Newport. Tigre is far away.");
    let texts: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
    assert!(!texts.contains(&"Cerro") && !texts.contains(&"Glan"), "{texts:?}");
    assert!(texts.contains(&"Newport") && texts.contains(&"Tigre"), "a town alone stays a place: {texts:?}");
}

#[test]
fn a_place_joined_to_a_capital_inside_a_name_is_no_place() {
    let found = places("Justice Aisha Bello-Kuti adjourned the case. Agence France-Presse reported it. A Madrid-based lender, Banco Ferrer, said so.");
    assert!(!found.iter().any(|(t, _, _)| t == "Bello" || t == "France"), "a place word joined to a capital inside a name: {found:?}");
    assert!(found.iter().any(|(t, _, _)| t == "Madrid"), "the base of a compound stays a place: {found:?}");
}

#[test]
fn a_datelines_town_is_a_place_where_the_text_names_it_again() {
    let found = places("BARRE, Vt. (Green Mountain Wire) — Homes flooded. In Barre, 58 homes are in the program. Barre’s manager spoke.");
    let mentions = found.iter().filter(|(t, _, r)| t == "Barre" && r == "places/other-mention").count();
    assert!(found.iter().any(|(t, _, r)| t == "BARRE" && r == "places/dateline"), "{found:?}");
    assert_eq!(mentions, 2, "{found:?}");
}

#[test]
fn an_acronym_defined_after_another_name_is_no_place() {
    let found = places("Senator Ana Ruiz of the Civic Renewal Party (PRC) spoke. The PRC will appeal. Talks in the Democratic Republic of the Congo (DRC) stalled. The DRC said no. The Bangsamoro Autonomous Region in Muslim Mindanao (BARMM) voted.");
    assert!(!found.iter().any(|(t, _, _)| t == "PRC"), "a party's acronym is no country: {found:?}");
    assert_eq!(found.iter().filter(|(t, _, _)| t == "DRC").count(), 2, "a place's acronym stays a place: {found:?}");
    assert!(found.iter().any(|(t, _, _)| t == "BARMM"), "after words of the place's own name: {found:?}");
}

#[test]
fn a_place_word_of_a_romance_name_is_no_place() {
    let found = places("Villagers from Caldas de Monchique met the Câmara Municipal de Monchique and the Centro de Estudos in Lisbon. The stage of the Tour de France left Rio de Janeiro.");
    let texts: Vec<&str> = found.iter().map(|(text, _, _)| text.as_str()).collect();
    for inside in ["Caldas", "Monchique", "Centro", "France"] {
        assert!(!texts.contains(&inside), "{inside} found in {found:?}");
    }
    assert!(texts.contains(&"Lisbon") && texts.contains(&"Rio de Janeiro"), "{found:?}");
}

#[test]
fn a_found_place_inside_a_romance_name_is_no_mention_of_it() {
    // Pico is a place (an island), but not inside the town's name, nor Faro inside the
    // newspaper's (a particle then an article: `de los`).
    let found = places("Licences on Pico island were cut. The mayor of Lajes do Pico objected, and El Faro de los Valles reported it.");
    let spans: Vec<&str> = found.iter().map(|(text, _, _)| text.as_str()).collect();
    assert_eq!(spans.iter().filter(|text| **text == "Pico").count(), 1, "{found:?}");
    assert!(!spans.contains(&"Faro"), "{found:?}");
}
