//! Pasted-text cleaning: corpus/*.txt and small inline pages → provenance and content checks.
//!
//! Input: every plain-text page of corpus/ and a few inline pages. Output: test
//! failures when a block or a claim does not map back verbatim to the input bytes, or
//! when furniture (weather, dates, "Must Read", comment prompts, teasers, readers'
//! comments, a footer notice longer than the article) is kept, or an article line that
//! reads like no prose (a closing credit line) is dropped.

use std::path::PathBuf;

use claimex::clean::{self, CleanText};
use claimex::document::{Document, Format};
use claimex::ruleset::RuleSet;
use claimex::{process, Options};

fn corpus_texts() -> Vec<(PathBuf, Vec<u8>)> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("corpus/ exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "corpus/ has .txt pages");
    files.into_iter().map(|path| (path.clone(), std::fs::read(&path).expect("readable page"))).collect()
}

fn clean_page(text: &str) -> CleanText {
    let rules = RuleSet::embedded().expect("built-in rules compile");
    clean::clean(&Document::from_text("page.txt", text, Format::Text), &rules.clean)
}

#[test]
fn blocks_map_back_verbatim() {
    let rules = RuleSet::embedded().expect("built-in rules compile");
    for (path, bytes) in corpus_texts() {
        let document = Document::decode(&path.to_string_lossy(), &bytes, Some(Format::Text)).expect("decodable");
        let cleaned = clean::clean(&document, &rules.clean);
        let map = cleaned.source_map.as_ref().expect("text input has a source map");
        assert!(!cleaned.blocks.is_empty(), "{}: no article found", path.display());
        assert_eq!(map.pieces.len(), cleaned.blocks.len(), "{}: one piece per block", path.display());
        for (span, start) in &map.pieces {
            let source = &bytes[*start..*start + span.len()];
            assert_eq!(source, span.slice(&cleaned.text).as_bytes(), "{}: piece {span:?}", path.display());
        }
    }
}

#[test]
fn claims_map_back_verbatim() {
    let rules = RuleSet::embedded().expect("built-in rules compile");
    for (path, bytes) in corpus_texts() {
        let document = Document::decode(&path.to_string_lossy(), &bytes, Some(Format::Text)).expect("decodable");
        let extraction = process(&document, &rules, Options::default());
        let mapped = extraction.claims.iter().filter_map(|claim| claim.source_span.map(|span| (claim, span)));
        let mut count = 0;
        for (claim, span) in mapped {
            assert_eq!(&bytes[span.start..span.end], claim.text.as_bytes(), "{}: claim {}", path.display(), claim.text);
            count += 1;
        }
        assert!(count > 0, "{}: some claim carries a source span", path.display());
    }
}

const PAGE: &str = "Home\nNews\nSport\n\n34.1 C\nNew Delhi\nThursday, September 28, 2023\n\n\
City council approves new budget for parks\n\nMust Read\n\n\
The city council on Tuesday approved a budget that sets aside more money for the parks of the city than in any of the last ten years, officials said.\n\n\
The plan, which was debated for more than four hours, will be paid for by a small rise in the tax on hotel rooms, which the mayor had proposed in the spring.\n\n\
Several residents who spoke at the meeting said that they were worried about the state of the playgrounds in their neighbourhoods.\n\n\
Please enter your comment!\nPlease enter your name here\n\n\
Latest News\n\nMayor opens new library in the east of the city\n\nMore Articles Like This\n";

#[test]
fn keeps_the_article_and_drops_the_furniture() {
    let cleaned = clean_page(PAGE);
    assert_eq!(cleaned.title.as_deref(), Some("City council approves new budget for parks"));
    assert_eq!(cleaned.blocks.len(), 3, "{}", cleaned.text);
    assert!(cleaned.text.starts_with("The city council on Tuesday"));
    assert!(cleaned.text.ends_with("in their neighbourhoods."));
    for furniture in ["34.1 C", "New Delhi", "September 28", "Must Read", "Please enter", "Latest News", "library"] {
        assert!(!cleaned.text.contains(furniture), "kept {furniture:?}");
    }
}

#[test]
fn hard_wrapped_paragraphs_stay_whole_and_verbatim() {
    let page = "Menu\n\nThe survey found that the glaciers of the region had lost a larger share\nof their ice than in any year since the records began, and that the\nlosses were spread across all of the main valleys of the range.\n\nThe authors said that they expected the losses to continue in the\nnext decade unless the summers of the region became cooler again.\n";
    let cleaned = clean_page(page);
    assert_eq!(cleaned.blocks.len(), 2, "{}", cleaned.text);
    assert!(cleaned.text.contains("larger share\nof their ice"), "inner newlines kept");
}

#[test]
fn crlf_and_bom_input_maps_back() {
    let page = "\u{feff}Home\r\n\r\nThe council said on Monday that it would close two of its care homes, because the cost of running them had risen by more than a third.\r\n\r\nThe union said that the decision would leave many of the residents and their families without a home near the town where they had lived.\r\n";
    let rules = RuleSet::embedded().expect("built-in rules compile");
    let document = Document::decode("page.txt", page.as_bytes(), Some(Format::Text)).expect("decodable");
    let cleaned = clean::clean(&document, &rules.clean);
    assert_eq!(cleaned.blocks.len(), 2, "{}", cleaned.text);
    for (span, start) in &cleaned.source_map.expect("source map").pieces {
        assert_eq!(&page.as_bytes()[*start..*start + span.len()], span.slice(&cleaned.text).as_bytes());
    }
}

#[test]
fn a_list_that_a_heading_introduces_after_the_article_is_kept() {
    let page = "Home | Music | Tours\n\nThe band said on Monday that it would play thirty cities next summer, starting in the south and ending on the west coast in the autumn.\n\nTickets go on sale to the general public on Friday morning through the band's website and the usual outlets.\n\nThe Summer Tour Dates\n\nJune 9 – Tampa, FL @ Harbour Amphitheatre\nJune 12 – Bristow, VA @ Lakeside Pavilion\nJune 14 – Holmdel, NJ @ Garden Arts Center\n\nShare this article\n";
    let cleaned = clean_page(page);
    for kept in ["The Summer Tour Dates", "Tampa, FL", "Bristow, VA", "Holmdel, NJ"] {
        assert!(cleaned.text.contains(kept), "dropped {kept:?}: {}", cleaned.text);
    }
    assert!(!cleaned.text.contains("Share this"), "kept furniture: {}", cleaned.text);
}

#[test]
fn a_pasted_sentence_is_all_article() {
    let cleaned = clean_page("China has 48 police stations in Italy, said Laura Harth.\n");
    assert_eq!(cleaned.text, "China has 48 police stations in Italy, said Laura Harth.");
}

#[test]
fn a_short_last_sentence_of_the_article_is_kept() {
    let page = "The committee heard from the former envoy for most of the afternoon, and members of both parties pressed him on the timeline of the aid.\n\n\"So the hold was never explained to you, not even once?\" the chairman asked.\n\n\"That's correct,\" the envoy said.\n";
    let cleaned = clean_page(page);
    assert!(cleaned.text.ends_with("\"That's correct,\" the envoy said."), "{}", cleaned.text);
}

#[test]
fn a_wire_story_keeps_its_closing_credit_line() {
    let page = "The court fined him 5 million shillings on Monday, and the prosecutor said she would appeal the sentence.\n\nThe sentences come two weeks after the government launched a crackdown on smuggling at the port.\n\n(Reporting by Amina Odhiambo in Mombasa for Equator News Agency; editing by Peter Mwangi)\n\nShare this article\n";
    let cleaned = clean_page(page);
    assert!(cleaned.text.ends_with("editing by Peter Mwangi)"), "{}", cleaned.text);
}

/// A short article right after its byline and date, and a longer notice in the footer.
const SHORT_ARTICLE_LONG_FOOTER: &str = "News\nSport\nOpinion\n\n\
Ferry service to the outer islands suspended after storm\n\nBy Staff Reporter\nMARCH 4, 2024 09:15\n\n\
The ferry service to the outer islands was suspended on Monday after a storm damaged the pier at the harbour, the port authority said in a statement.\n\n\
Repairs to the pier are expected to take at least two weeks, and a smaller boat will carry food and medicine to the islands in the meantime, it said.\n\n\
Latest from the islands\nCouncil approves budget for the new year\n* By Staff Reporter\n* 03/04/2024 00:10\nSchool reopens after the floods\n* By Staff Reporter\n* 03/04/2024 01:10\nNew bus timetable from April\n* By Staff Reporter\n* 03/04/2024 02:10\nFishermen protest quota cuts\n* By Staff Reporter\n* 03/04/2024 03:10\nHospital wing to close for repairs\n* By Staff Reporter\n* 03/04/2024 04:10\nHarbour master retires after 30 years\n* By Staff Reporter\n* 03/04/2024 05:10\nStorm warning for the weekend\n* By Staff Reporter\n* 03/04/2024 06:10\nLifeboat crew rescues two walkers\n* By Staff Reporter\n* 03/04/2024 07:10\nIsland school wins science prize\n* By Staff Reporter\n* 03/04/2024 08:10\n\nSubscribe to our newsletter\n\n\
The Harbour Times customer service centre can be contacted with any questions or requests about subscriptions by telephone or by email, and it is staffed on weekdays between nine in the morning and five in the afternoon, except on public holidays, when the office is closed and the answering service takes messages for the next working day. Letters to the editor may be sent to the same address, and they may be shortened for reasons of space; we regret that we cannot answer every letter, and that we cannot return photographs or other material that readers send to us without being asked for it.\n\
Terms of Use\nPrivacy Policy\n";

#[test]
fn prose_right_after_the_byline_and_date_beats_a_longer_footer() {
    let cleaned = clean_page(SHORT_ARTICLE_LONG_FOOTER);
    assert!(cleaned.text.starts_with("The ferry service to the outer islands"), "{}", cleaned.text);
    assert!(cleaned.text.ends_with("in the meantime, it said."), "{}", cleaned.text);
    assert!(!cleaned.text.contains("customer service"), "{}", cleaned.text);
}

/// A Portuguese page: the article, then "you may also like" and a teaser.
const PORTUGUESE_PAGE: &str = "Início\nNotícias\nEsportes\n\n\
A prefeitura anunciou nesta terça-feira que as obras da nova ponte sobre o rio serão concluídas até o fim do ano, segundo o secretário de obras.\n\n\
O custo total da obra é de cerca de 40 milhões de reais, e a ponte vai ligar os dois bairros mais populosos da cidade, que hoje dependem de balsas.\n\n\
Moradores disseram que esperam pela ponte há mais de dez anos e que a travessia de balsa leva quase uma hora nos dias de chuva.\n\n\
Whatsapp Facebook\n\nVocê pode gostar...\n\n\
A cidade vizinha também prometeu uma ponte para o ano que vem, mas as obras ainda não começaram e não há data para o início, disse o prefeito da cidade na semana passada.\n";

#[test]
fn a_related_heading_in_portuguese_ends_the_article() {
    let cleaned = clean_page(PORTUGUESE_PAGE);
    assert!(cleaned.text.ends_with("nos dias de chuva."), "{}", cleaned.text);
    assert!(!cleaned.text.contains("cidade vizinha"), "{}", cleaned.text);
}

/// An article, then readers' comments longer than it.
const LONG_COMMENTS: &str = "Home\nLocal\n\n\
The county will close the old bridge on Route 9 for three months from next Monday while workers replace its deck, the highway department said on Friday.\n\n\
Drivers will be sent on a detour through the village of Millbrook, which adds about ten minutes to the trip, and the department asked them to allow extra time.\n\n\
The bridge was built in 1958 and carries about 6,000 vehicles a day, according to the department's most recent count.\n\n\
3 Comments\n\n\
1. riverwatcher says:\n\
It is about time that they fixed this bridge, because I have been driving over it every day for twenty years and the holes in the deck have only been getting bigger and bigger every single winter. Somebody should have done something about it a long time ago, and the people who are in charge of the roads in this county should be asked why it has taken them so long to get around to it.\n\n\
2. millbrook_mom says:\n\
The detour through the village is going to be a disaster for those of us who live on the main street, since the trucks will be rumbling past our houses all day and all night for the whole three months. Somebody should have done something about it a long time ago, and the people who are in charge of the roads in this county should be asked why it has taken them so long to get around to it.\n\n\
3. oldtimer says:\n\
I remember when they opened that bridge and everybody from the town came out to see it, and I hope that the new deck will last as long as the old one did, though I have my doubts about that. Somebody should have done something about it a long time ago, and the people who are in charge of the roads in this county should be asked why it has taken them so long to get around to it.\n";

#[test]
fn readers_comments_are_no_article_however_long() {
    let cleaned = clean_page(LONG_COMMENTS);
    assert!(cleaned.text.starts_with("The county will close the old bridge"), "{}", cleaned.text);
    assert!(cleaned.text.ends_with("most recent count."), "{}", cleaned.text);
}
