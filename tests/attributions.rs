//! The built-in attribution steps that have no rule of their own in attributions.toml:
//! a quotation split by its tag (also after a short first stretch that ends like speech),
//! reported content cut before a second attribution joined on with a comma and
//! `while`, `whereas` or `but`, content that is only a time or a date and a place, and a
//! one-word name after a place preposition, which is no source.
//!
//! Input: short texts run through the whole pipeline (no cleaning). Output: test
//! failures when the attributions found differ from the expected (source, content).

mod common;

use claimex::claim::{ClaimKind, Fields};
use common::snippet_claims;

/// (source, content) of every attribution found in `text`, run without cleaning.
fn attributions(text: &str) -> Vec<(String, String)> {
    snippet_claims(text, ClaimKind::Attribution)
        .iter()
        .map(|claim| {
            let Fields::Attribution(attribution) = &claim.fields else { unreachable!("an attribution claim has attribution fields") };
            (attribution.source.text.clone(), attribution.content.text.clone())
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(source, content)| (source.to_string(), content.to_string())).collect()
}

#[test]
fn a_quotation_split_by_its_tag_gives_one_attribution_per_stretch() {
    let found = attributions("“The wind is changing direction every hour,” Kalogirou said, “and in these conditions a fire can move fast.”");
    assert_eq!(found, pairs(&[("Kalogirou", "The wind is changing direction every hour"), ("Kalogirou", "and in these conditions a fire can move fast.")]));
}

#[test]
fn reported_content_stops_before_a_second_attribution_joined_on() {
    let found = attributions("Police estimated the crowd at 22,000, while organisers said more than 150,000 people had marched.");
    assert_eq!(found, pairs(&[("Police", "the crowd at 22,000"), ("organisers", "more than 150,000 people had marched")]));
    let found = attributions("The minister said the plan was fair and quick, so officials said nothing more about it.");
    assert_eq!(found.len(), 2, "no joining word after the comma: {found:?}");
    assert!(found[0].1.contains("officials said"), "the first content runs on: {found:?}");
}

#[test]
fn a_short_first_stretch_of_a_split_quotation_is_speech_not_a_scare_quote() {
    let found = attributions("\"We welcome the jobs,\" said its general secretary, Héctor Cavazos Mora, \"but we will not accept a contract signed behind our backs.\"");
    assert_eq!(
        found,
        pairs(&[("Héctor Cavazos Mora", "We welcome the jobs"), ("Héctor Cavazos Mora", "but we will not accept a contract signed behind our backs.")])
    );
}

#[test]
fn a_date_and_a_place_are_no_statement() {
    let found = attributions("Drummer Ana Ruiz, bassist Tom Berg, and pianist Li Wei will play together for the first time on the tour, which opens May 2nd in Tampa, Florida, and concludes October 10th in Houston, Texas.");
    assert!(found.is_empty(), "a tour that concludes on a date says nothing: {found:?}");
    let found = attributions("The agency said October 10th was the driest day on record.");
    assert_eq!(found, pairs(&[("The agency", "October 10th was the driest day on record")]));
}

#[test]
fn a_one_word_name_after_a_place_preposition_is_where_the_speakers_are() {
    let found = attributions("Rafting operators in Konjic, who take thousands of visitors down the river, warned that the reservoirs would end their trade.");
    // The place after `in` is cut from the source, as elsewhere (without_trailing_place).
    assert_eq!(found, pairs(&[("Rafting operators", "the reservoirs would end their trade")]));
    let found = attributions("The paper quoted the mayor of Bida as saying that the mortuary was full.");
    assert!(found.iter().all(|(source, _)| source != "Bida"), "{found:?}");
}
