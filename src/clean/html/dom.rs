//! A compact copy of the parsed page: scraper's tree → [`Page`], an arena in document order.
//!
//! Input: a parsed [`Html`] and the vocabularies. Output: [`Page`] whose nodes are in
//! pre-order (a node's subtree is the index range `index..node.end`), with dropped
//! elements (scripts, styles, hidden elements, form controls) already left out, each
//! element's [`Marks`] and [`Tag`], and the JSON-LD scripts and meta titles kept aside.
//! The walk is iterative, so no depth of nesting can overflow the stack.

use scraper::node::Element;
use scraper::{ElementRef, Html, Node as TreeNode};

use super::vocabulary::{Marks, Vocabulary};

/// What an element does to the text flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A text node.
    Text,
    /// `p`: a paragraph.
    Paragraph,
    /// `h1`…`h6`, with the level.
    Heading(u8),
    /// `li`, `dt`, `dd`: a list item.
    Item,
    /// `td`, `th`: a table cell.
    Cell,
    /// `blockquote`, `pre`: a quoted or preformatted block.
    Quote,
    /// Any other element that starts a new block (`div`, `section`, `ul`, `table`...).
    Block,
    /// `br`: a line break.
    Break,
    /// `a` with an `href`: a link.
    Link,
    /// Everything else: flows with the text around it.
    Inline,
}

impl Tag {
    fn of(name: &str, element: &Element) -> Tag {
        match name {
            "p" => Tag::Paragraph,
            "h1" => Tag::Heading(1),
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "li" | "dt" | "dd" => Tag::Item,
            "td" | "th" => Tag::Cell,
            "blockquote" | "pre" => Tag::Quote,
            "br" => Tag::Break,
            "a" if element.attr("href").is_some() => Tag::Link,
            "div" | "section" | "article" | "main" | "ul" | "ol" | "dl" | "table" | "tbody" | "thead" | "tfoot" | "tr"
            | "form" | "center" | "details" | "summary" | "address" | "hr" | "body" | "html" | "header" | "footer" | "nav"
            | "aside" | "figure" | "figcaption" | "fieldset" | "menu" | "caption" | "hgroup" | "legend" | "frameset"
            | "frame" => Tag::Block,
            _ => Tag::Inline,
        }
    }

    /// Whether the tag starts a block of its own.
    pub fn is_block(self) -> bool {
        !matches!(self, Tag::Text | Tag::Break | Tag::Link | Tag::Inline)
    }
}

/// One node of the arena.
#[derive(Debug, Clone)]
pub struct Node {
    /// Index of the parent (the root is its own parent).
    pub parent: usize,
    /// One past the last index of this node's subtree.
    pub end: usize,
    /// The node's role in the text flow.
    pub tag: Tag,
    /// What tag, role, class and id say (elements only).
    pub marks: Marks,
    /// `<article>` or `itemprop="articleBody"`/`text`.
    pub semantic: bool,
    /// Hash of the class attribute (0 without one), to find siblings of one kind.
    pub class_key: u64,
    /// Byte range of a text node's text in [`Page::text`].
    pub text: (usize, usize),
}

/// The page as an arena in document order.
#[derive(Debug, Default)]
pub struct Page {
    /// Nodes in pre-order; index 0 is the root.
    pub nodes: Vec<Node>,
    /// All text of all text nodes, concatenated.
    pub text: String,
    /// Texts of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `og:title` or `twitter:title`.
    pub meta_title: Option<String>,
    /// `<title>`.
    pub document_title: Option<String>,
}

impl Page {
    /// The text of a text node.
    pub fn text_of(&self, index: usize) -> &str {
        let (start, end) = self.nodes[index].text;
        &self.text[start..end]
    }

    /// Indexes of the children of `index`, in order.
    pub fn children(&self, index: usize) -> Children<'_> {
        Children { page: self, next: index + 1, end: self.nodes[index].end }
    }
}

/// Iterator over the children of one node.
pub struct Children<'p> {
    page: &'p Page,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        (self.next < self.end).then(|| {
            let child = self.next;
            self.next = self.page.nodes[child].end;
            child
        })
    }
}

/// Copy the parsed page into an arena, leaving dropped and hidden elements out.
pub fn build(html: &Html, vocabulary: &Vocabulary) -> Page {
    let mut page = Page::default();
    let mut open: Vec<usize> = Vec::new();
    let mut stack = vec![(html.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        if closing {
            if let Some(index) = open.pop() {
                page.nodes[index].end = page.nodes.len();
            }
            continue;
        }
        let parent = open.last().copied().unwrap_or(0);
        let Some(slot) = new_node(&mut page, parent, node.value(), ElementRef::wrap(node), vocabulary) else { continue };
        open.push(page.nodes.len());
        page.nodes.push(slot);
        stack.push((node, true));
        stack.extend(node.children().rev().map(|child| (child, false)));
    }
    page
}

/// The arena node for one tree node; `None` when its subtree is left out.
fn new_node(page: &mut Page, parent: usize, node: &TreeNode, element: Option<ElementRef>, vocabulary: &Vocabulary) -> Option<Node> {
    let slot = |tag, marks, semantic, text| Node { parent, end: 0, tag, marks, semantic, class_key: 0, text };
    match (node, element) {
        (TreeNode::Document | TreeNode::Fragment, _) => Some(slot(Tag::Block, Marks::default(), false, (0, 0))),
        (TreeNode::Text(text), _) => {
            let start = page.text.len();
            page.text.push_str(text);
            Some(slot(Tag::Text, Marks::default(), false, (start, page.text.len())))
        }
        (TreeNode::Element(value), Some(element)) => {
            let name = value.name();
            if vocabulary.is_dropped(name) || is_hidden(value) {
                keep_aside(page, element);
                return None;
            }
            let names = class_and_id(value);
            let marks = vocabulary.marks(name, value.attr("role"), &names);
            let class_key = value.attr("class").map_or(0, class_hash);
            Some(Node { class_key, ..slot(Tag::of(name, value), marks, is_semantic(name, value), (0, 0)) })
        }
        _ => None,
    }
}

fn class_and_id(element: &Element) -> String {
    match (element.attr("class"), element.attr("id")) {
        (None, None) => String::new(),
        (class, id) => format!("{} {}", class.unwrap_or(""), id.unwrap_or("")).to_lowercase(),
    }
}

/// FNV-1a: a fast hash, enough to tell class attributes apart.
fn class_hash(class: &str) -> u64 {
    let hash = class.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    hash.max(1)
}

fn is_semantic(name: &str, element: &Element) -> bool {
    name == "article" || element.attr("itemprop").is_some_and(|prop| prop.contains("articleBody") || prop == "text")
}

fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        if !(style.contains("none") || style.contains("hidden")) {
            return false;
        }
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Keep what a dropped `head`, `script`, `title` or `meta` still tells: JSON-LD, titles.
fn keep_aside(page: &mut Page, dropped: ElementRef) {
    if !matches!(dropped.value().name(), "head" | "script" | "title" | "meta") {
        return;
    }
    for element in dropped.descendants().filter_map(ElementRef::wrap) {
        let value = element.value();
        match value.name() {
            "script" if value.attr("type").is_some_and(|kind| kind.contains("ld+json")) => page.json_ld.push(element.text().collect()),
            "title" if page.document_title.is_none() => page.document_title = Some(element.text().collect()),
            "meta" if page.meta_title.is_none() => page.meta_title = meta_title(value),
            _ => {}
        }
    }
}

fn meta_title(element: &Element) -> Option<String> {
    let key = element.attr("property").or_else(|| element.attr("name"))?;
    matches!(key, "og:title" | "twitter:title").then(|| element.attr("content").unwrap_or("").to_string())
}
