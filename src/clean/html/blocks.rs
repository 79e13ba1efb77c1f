//! Text blocks of the chosen container: arena nodes → paragraphs.
//!
//! Input: the page, its measures and the container roots. Output: one [`Block`] per
//! paragraph, heading, list item, cell or `<br><br>`-separated run, with white space
//! folded, skipping furniture subtrees, the headline (`h1`) and link lists. The walk
//! is a linear scan of each root's index range, with a stack of open block ends.

use super::dom::{Page, Tag};
use super::stats::Stats;

/// One paragraph of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The text, white space folded.
    pub text: String,
    /// Whether it came from a heading (`h2`…`h6`).
    pub heading: bool,
    /// Visible characters inside links.
    pub link_chars: u32,
    /// Visible characters.
    pub chars: u32,
}

/// The block being assembled.
#[derive(Default)]
struct Builder {
    raw: String,
    heading: bool,
    link_chars: u32,
    chars: u32,
    after_break: bool,
    blocks: Vec<Block>,
}

impl Builder {
    fn flush(&mut self) {
        let text = fold_space(&self.raw);
        if !text.is_empty() {
            self.blocks.push(Block { text, heading: self.heading, link_chars: self.link_chars, chars: self.chars });
        }
        self.raw.clear();
        self.link_chars = 0;
        self.chars = 0;
        self.after_break = false;
    }

    fn start(&mut self, heading: bool) {
        self.flush();
        self.heading = heading;
    }
}

/// Fold runs of white space into one space and trim.
pub fn fold_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a subtree is left out of the text.
fn is_skipped(page: &Page, stats: &Stats, index: usize) -> bool {
    let node = &page.nodes[index];
    match node.tag {
        Tag::Text => false,
        Tag::Heading(1) => true,
        Tag::Block | Tag::Item | Tag::Cell => stats.furniture[index] || (stats.chars[index] > 0 && stats.link_density(index) > 0.5),
        _ => stats.furniture[index],
    }
}

/// The blocks under `roots`, in order.
pub fn collect(page: &Page, stats: &Stats, roots: &[usize]) -> Vec<Block> {
    let mut builder = Builder::default();
    for &root in roots {
        walk(page, stats, root, &mut builder);
        builder.start(false);
    }
    builder.blocks
}

fn walk(page: &Page, stats: &Stats, root: usize, builder: &mut Builder) {
    let mut open_ends: Vec<usize> = Vec::new();
    let mut link_until = 0;
    let mut index = root;
    let end = page.nodes[root].end;
    while index < end {
        while open_ends.last().is_some_and(|&block_end| block_end <= index) {
            open_ends.pop();
            builder.start(false);
        }
        let node = &page.nodes[index];
        if index != root && is_skipped(page, stats, index) {
            index = node.end;
            continue;
        }
        match node.tag {
            Tag::Text => add_text(page, stats, index, index < link_until, builder),
            Tag::Break if builder.after_break => builder.start(false),
            Tag::Break => {
                builder.raw.push(' ');
                builder.after_break = true;
            }
            Tag::Link => link_until = link_until.max(node.end),
            Tag::Inline => {}
            tag => {
                builder.start(matches!(tag, Tag::Heading(_)));
                open_ends.push(node.end);
            }
        }
        index += 1;
    }
}

fn add_text(page: &Page, stats: &Stats, index: usize, in_link: bool, builder: &mut Builder) {
    let chars = stats.chars[index];
    builder.raw.push_str(page.text_of(index));
    builder.chars += chars;
    if in_link {
        builder.link_chars += chars;
    }
    if chars > 0 {
        builder.after_break = false;
    }
}
