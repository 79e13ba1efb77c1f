//! Clean HTML pages: markup → the article's paragraphs.
//!
//! Input: an HTML page as text. Output: [`CleanText`] with one block per paragraph,
//! heading or list item of the article, and the headline apart in `title`.
//!
//! Steps: parse (scraper) → copy into an arena without scripts, styles and hidden
//! elements ([`dom`]) → measure text, links and paragraph scores per node ([`stats`])
//! → choose the container and the siblings that continue it ([`container`]) →
//! collect its blocks ([`blocks`]) → drop furniture blocks ([`prune`]). When no
//! container yields text, the whole page's blocks are pruned instead; the JSON-LD
//! `articleBody` ([`jsonld`]) replaces the result when that comes out much shorter.

mod blocks;
mod container;
mod dom;
mod jsonld;
mod prune;
mod stats;
pub(super) mod vocabulary;

use scraper::Html;

use super::rules::HtmlRules;
use super::CleanText;
use dom::{Page, Tag};
use stats::Stats;

use blocks::fold_space as normalise;

/// The DOM result gives way to JSON-LD when it has less than this share of its length.
const STRUCTURED_SHARE: f32 = 0.5;

/// Clean one HTML page.
pub fn clean_html(html: &str, rules: &HtmlRules) -> CleanText {
    let vocabulary = rules.vocabulary();
    let parsed = Html::parse_document(html);
    let page = dom::build(&parsed, vocabulary);
    drop(parsed);
    let stats = Stats::measure(&page);
    let first_h1 = first_headline(&page, &stats);
    let roots = container::best(&page, &stats, first_h1).map(|top| container::with_siblings(&page, &stats, top)).unwrap_or_default();
    let title = headline(&page, first_h1);
    let titles: Vec<String> = [title.clone(), page.meta_title.clone(), page.document_title.clone()].into_iter().flatten().collect();
    let mut paragraphs = prune::prune(blocks::collect(&page, &stats, &roots), vocabulary, &titles);
    if paragraphs.is_empty() {
        paragraphs = prune::prune(blocks::collect(&page, &stats, &[0]), vocabulary, &titles);
    }
    let structured = jsonld::article_body(&page.json_ld);
    let paragraphs = if length(&paragraphs) < length(&structured) * STRUCTURED_SHARE { structured } else { paragraphs };
    CleanText::from_blocks(&paragraphs, title)
}

fn length(paragraphs: &[String]) -> f32 {
    paragraphs.iter().map(String::len).sum::<usize>() as f32
}

/// The first `h1` with text whose parent is not furniture (its own class may say "title").
fn first_headline(page: &Page, stats: &Stats) -> Option<usize> {
    (0..page.nodes.len()).find(|&index| page.nodes[index].tag == Tag::Heading(1) && !stats.furniture[page.nodes[index].parent] && stats.chars[index] > 0)
}

/// The headline: the first `h1` outside furniture, else `og:title`, else `<title>`.
fn headline(page: &Page, first_h1: Option<usize>) -> Option<String> {
    first_h1
        .map(|index| text_below(page, index))
        .or_else(|| page.meta_title.as_deref().map(normalise))
        .or_else(|| page.document_title.as_deref().map(normalise))
        .filter(|title| !title.is_empty())
}

fn text_below(page: &Page, index: usize) -> String {
    let raw: String = (index..page.nodes[index].end).filter(|&node| page.nodes[node].tag == Tag::Text).map(|node| page.text_of(node)).collect();
    normalise(&raw)
}
