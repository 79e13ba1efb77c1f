//! The built-in count step that has no rule of its own in counts.toml: a bare currency
//! word that several countries share (`pesos`, `shillings`, `kroner`, `francs`,
//! `rupees`) takes the code of the country the article names most often among those
//! whose currency has that word (vocabularies `currency-family` and `local-currency`).
//!
//! Input: short texts run through the whole pipeline (no cleaning). Output: test
//! failures when the units of the amounts found differ from the expected.

mod common;

use claimex::claim::{ClaimKind, Fields};
use common::snippet_claims;

/// (text, unit) of every count found in `text`, run without cleaning.
fn units(text: &str) -> Vec<(String, Option<String>)> {
    snippet_claims(text, ClaimKind::Count)
        .into_iter()
        .map(|claim| {
            let Fields::Count(count) = &claim.fields else { unreachable!("counts have count fields") };
            (claim.text.clone(), count.unit.clone())
        })
        .collect()
}

fn unit_of<'u>(found: &'u [(String, Option<String>)], text: &str) -> Option<&'u str> {
    found.iter().find(|(claim, _)| claim == text).and_then(|(_, unit)| unit.as_deref())
}

#[test]
fn a_shared_currency_word_is_the_currency_of_the_country_named_most() {
    let found = units("Farmers in Chile earn 520 pesos a kilo. Chile exports to Mexico, and Chile buys 40 tonnes. The mill pays 1,200 rupees and US$30.");
    assert_eq!(unit_of(&found, "520 pesos"), Some("CLP"), "{found:?}");
    // No country of a rupee is named: the rules' own code stays; an explicit currency is no shared word.
    assert_eq!(unit_of(&found, "1,200 rupees"), Some("INR"), "{found:?}");
    assert_eq!(unit_of(&found, "US$30"), Some("USD"), "{found:?}");
}

#[test]
fn without_a_country_of_its_family_a_shared_word_keeps_its_unit() {
    let found = units("Traders in Lyon paid 300 pesos and 8,000 shillings.");
    assert_eq!(unit_of(&found, "300 pesos"), Some("pesos"), "{found:?}");
    let found = units("Kenya and Uganda trade. In Kenya, maize sells at 4,000 shillings a bag.");
    assert_eq!(unit_of(&found, "4,000 shillings"), Some("KES"), "{found:?}");
}

#[test]
fn each_family_takes_its_own_country() {
    // Kenya is named most, but it has no peso: the pesos are Chile's.
    let found = units("Kenya buys wine from Chile. In Kenya a bottle costs 2,500 shillings; in Kenya's ports it is taxed. Growers in Chile get 900 pesos.");
    assert_eq!(unit_of(&found, "2,500 shillings"), Some("KES"), "{found:?}");
    assert_eq!(unit_of(&found, "900 pesos"), Some("CLP"), "{found:?}");
}
