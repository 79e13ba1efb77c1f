//! Boilerplate removal on HTML: small pages → the article's paragraphs and title.
//!
//! Input: inline HTML snippets and the project's own corpus pages (no external data).
//! Output: assertions on `CleanText`: structured data used when the markup is thin,
//! related lists and ads dropped, a body split by modules kept whole, the headline
//! kept out of the body, and every page (even hostile ones) giving a result.

use claimex::clean::{self, CleanRules, CleanText};
use claimex::document::{Document, Format};
use claimex::ruleset::RuleSource;

fn clean_page(html: &str) -> CleanText {
    let rules = CleanRules::load(&RuleSource::embedded()).expect("built-in rules load");
    let document = Document::decode("page.html", html.as_bytes(), Some(Format::Html)).expect("page decodes");
    clean::clean(&document, &rules)
}

fn clean_corpus(name: &str) -> CleanText {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(name);
    let bytes = std::fs::read(&path).expect("corpus page exists");
    let rules = CleanRules::load(&RuleSource::embedded()).expect("built-in rules load");
    let document = Document::decode(&path.to_string_lossy(), &bytes, Some(Format::Html)).expect("page decodes");
    clean::clean(&document, &rules)
}

const PARAGRAPH: &str = "The council voted on Tuesday to extend the transit levy, a decision that officials said would keep buses running, fund repairs and hire drivers across the county.";

fn story(paragraphs: usize) -> String {
    (0..paragraphs).map(|n| format!("<p>{PARAGRAPH} Paragraph number {n}, with more detail.</p>\n")).collect()
}

#[test]
fn json_ld_body_is_preferred_when_the_markup_is_thin() {
    let body = "First paragraph of the structured body, which is long enough to matter. ".repeat(8);
    let html = format!(
        r#"<html><head><title>T</title><script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"{body}\nSecond structured paragraph."}}</script></head>
        <body><h1>Headline</h1><div class="teaser"><p>Only a teaser of the story is in the page markup.</p></div></body></html>"#
    );
    let clean = clean_page(&html);
    assert!(clean.text.starts_with("First paragraph of the structured body"), "{}", clean.text);
    assert!(clean.text.ends_with("Second structured paragraph."), "{}", clean.text);
    assert_eq!(clean.blocks.len(), 2);
}

#[test]
fn related_list_and_share_bar_are_dropped() {
    let html = format!(
        r#"<html><body><h1>Levy extended</h1><div class="share-bar"><a href="/s">Share on Facebook</a></div>
        <div class="article-body">{}<div class="related-stories"><h2>Related</h2><ul><li><a href="/a">Another story about buses and trains</a></li><li><a href="/b">Yet another story about the council</a></li></ul></div></div>
        <footer><p>Copyright 2024 The Daily Example. All rights reserved, everywhere and always.</p></footer></body></html>"#,
        story(4)
    );
    let clean = clean_page(&html);
    assert_eq!(clean.blocks.len(), 4, "{}", clean.text);
    for furniture in ["Share on Facebook", "Another story", "Related", "Copyright"] {
        assert!(!clean.text.contains(furniture), "{furniture} kept in {}", clean.text);
    }
}

#[test]
fn body_split_by_ad_and_more_stories_is_kept_whole() {
    let clean = clean_corpus("markets-yields-corvane.html");
    assert!(clean.text.starts_with("NEW YORK (Meridian Wire) - U.S. stocks fell on Wednesday"), "{}", clean.text);
    assert!(clean.text.contains("Corvane shares jumped 14.6%"));
    assert!(clean.text.contains("Among other movers, Skyreach Airlines rose 4.1%"));
    assert!(clean.text.contains("Citing people familiar with the matter"));
    for furniture in ["Advertisement", "More stories", "Veloria recalls", "Got it", "Traders work on the floor"] {
        assert!(!clean.text.contains(furniture), "{furniture} kept");
    }
}

#[test]
fn split_body_parts_of_one_class_are_joined() {
    let html = format!(
        r#"<html><body><h1>Split</h1><div class="wrap"><div class="chunk"><div class="part">{}</div></div>
        <div class="promo-module"><a href="/x">Watch our latest video about something else entirely</a></div>
        <div class="chunk"><div class="part">{}<p>The last paragraph ends the story here, after the second chunk.</p></div></div></div></body></html>"#,
        story(3),
        story(2)
    );
    let clean = clean_page(&html);
    assert_eq!(clean.blocks.len(), 6, "{}", clean.text);
    assert!(clean.text.ends_with("after the second chunk."));
}

#[test]
fn headline_goes_to_title_not_body() {
    let html = format!("<html><head><title>Levy extended | Example</title></head><body><article><h1>Levy extended</h1>{}<p>Levy extended</p></article></body></html>", story(3));
    let clean = clean_page(&html);
    assert_eq!(clean.title.as_deref(), Some("Levy extended"));
    assert!(!clean.text.contains("Levy extended"), "{}", clean.text);
    assert_eq!(clean.blocks.len(), 3);
}

#[test]
fn the_article_holding_the_headline_wins_over_other_stories() {
    let other = "<p>Another story on the same page runs long, with many commas, clauses, asides, and more words than the first one has.</p>".repeat(3);
    let html = format!(
        "<html><body><main><article class=\"post\"><h1>The real story</h1><p>{PARAGRAPH}</p></article><article class=\"post\"><h2>Other</h2>{other}</article></main></body></html>"
    );
    let clean = clean_page(&html);
    assert_eq!(clean.title.as_deref(), Some("The real story"));
    assert_eq!(clean.text, PARAGRAPH);
}

#[test]
fn old_table_layout_keeps_the_story_and_drops_the_comment_form() {
    let clean = clean_corpus("charity-treasurer-verdict-table.html");
    assert!(clean.text.contains("CINCINNATI --"), "{}", clean.text);
    assert!(!clean.text.contains("Please enter your name"));
}

#[test]
fn every_block_is_one_paragraph() {
    let clean = clean_corpus("tucson-transit-levy.html");
    assert!(!clean.blocks.is_empty());
    for span in &clean.blocks {
        let block = &clean.text[span.start..span.end];
        assert!(!block.contains("\n\n") && block == block.trim());
    }
}

#[test]
fn hostile_pages_still_give_a_result() {
    let deep = format!("<html><body>{}<p>Deep text at the bottom of the nesting.</p></body></html>", "<div>".repeat(20_000));
    assert!(clean_page(&deep).text.contains("Deep text"));
    let fonts = format!("<html><body>{}text</body></html>", "<font><b>".repeat(5_000));
    let _ = clean_page(&fonts);
    let broken_json = r#"<html><head><script type="application/ld+json">{"articleBody": [[[[</script></head><body><p>x</p></body></html>"#;
    let _ = clean_page(broken_json);
    let empty = clean_page("<html><body></body></html>");
    assert!(empty.text.is_empty());
}
