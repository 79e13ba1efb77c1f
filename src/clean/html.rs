//! Clean HTML pages: markup → the article's paragraphs.
//!
//! Input: an HTML page as text. Output: [`CleanText`] with one block per paragraph,
//! heading or list item of the chosen content container, and the title apart.

use scraper::{ElementRef, Html, Node, Selector};

use super::rules::HtmlRules;
use super::CleanText;

/// Clean one HTML page.
pub fn clean_html(html: &str, rules: &HtmlRules) -> CleanText {
    let page = Html::parse_document(html);
    let title = page_title(&page);
    let root = content_root(&page, rules).unwrap_or_else(|| page.root_element());
    let mut blocks = Vec::new();
    collect_blocks(root, rules, &mut blocks);
    let blocks: Vec<String> = blocks.into_iter().filter(|block| Some(block) != title.as_ref()).collect();
    CleanText::from_blocks(&blocks, title)
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| Selector::parse("*").expect("`*` is a valid selector"))
}

fn page_title(page: &Html) -> Option<String> {
    let from = |css: &str| page.select(&selector(css)).next().map(|e| normalise(&e.text().collect::<String>()));
    from("h1").filter(|t| !t.is_empty()).or_else(|| from("title").filter(|t| !t.is_empty()))
}

fn content_root<'a>(page: &'a Html, rules: &HtmlRules) -> Option<ElementRef<'a>> {
    if let Some(article) = page.select(&selector("article")).next() {
        return Some(article);
    }
    page.select(&selector("[class], [id]")).find(|element| {
        let names = class_and_id(element);
        rules.content_classes.iter().any(|fragment| names.contains(fragment.as_str()))
    })
}

fn class_and_id(element: &ElementRef) -> String {
    let value = element.value();
    format!("{} {}", value.attr("class").unwrap_or(""), value.attr("id").unwrap_or("")).to_ascii_lowercase()
}

fn is_boilerplate(element: &ElementRef, rules: &HtmlRules) -> bool {
    let name = element.value().name();
    if rules.drop_tags.iter().any(|tag| tag == name) {
        return true;
    }
    let names = class_and_id(element);
    rules.boilerplate_classes.iter().any(|fragment| names.contains(fragment.as_str()))
}

const BLOCK_TAGS: [&str; 11] = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd"];

fn collect_blocks(element: ElementRef, rules: &HtmlRules, blocks: &mut Vec<String>) {
    for child in element.children() {
        let Some(child) = ElementRef::wrap(child) else { continue };
        if is_boilerplate(&child, rules) || child.value().name() == "h1" {
            continue;
        }
        if BLOCK_TAGS.contains(&child.value().name()) && !has_block_child(&child) {
            let text = normalise(&inline_text(child, rules));
            if !text.is_empty() {
                blocks.push(text);
            }
        } else {
            collect_blocks(child, rules, blocks);
        }
    }
}

fn has_block_child(element: &ElementRef) -> bool {
    element.descendants().skip(1).any(|node| node.value().as_element().is_some_and(|e| BLOCK_TAGS.contains(&e.name()) || e.name() == "div"))
}

fn inline_text(element: ElementRef, rules: &HtmlRules) -> String {
    let mut out = String::new();
    for node in element.children() {
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(node) {
                    if !is_boilerplate(&child, rules) {
                        out.push_str(&inline_text(child, rules));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Fold runs of white space into one space and trim.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
