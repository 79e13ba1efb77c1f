//! Choosing the article's container: [`Page`] + [`Stats`] → the nodes to extract from.
//!
//! Input: the measured arena. Output: the best-scoring element (paragraph scores damped
//! by link density, lifted by body class names and `<article>`/`itemprop`), followed by
//! those of its siblings that continue the article (a body split by an ad or a "more
//! stories" module), in document order.

use super::dom::{Page, Tag};
use super::stats::Stats;

/// Bonus of an element whose class or id names the article body.
const CONTENT_BONUS: f32 = 15.0;
/// Bonus of `<article>` and `itemprop="articleBody"`.
const SEMANTIC_BONUS: f32 = 15.0;
/// Bonus of an `<article>` that holds the page's headline.
const HEADLINE_BONUS: f32 = 25.0;
/// Prose an element of the winner's class needs to join it.
const KIN_PROSE: u32 = 100;
/// Highest link density of such an element.
const KIN_LINK_DENSITY: f32 = 0.3;
/// A sibling joins when its score reaches this share of the winner's.
const SIBLING_SHARE: f32 = 0.2;
/// ... and at least this much.
const SIBLING_FLOOR: f32 = 10.0;

/// The final score of one candidate element.
fn candidate_score(page: &Page, stats: &Stats, index: usize) -> f32 {
    let node = &page.nodes[index];
    if stats.score[index] <= 0.0 || stats.furniture[index] || !node.tag.is_block() || stats.articles_below[index] >= 2 {
        return 0.0;
    }
    let mut score = stats.score[index] * (1.0 - stats.link_density(index));
    if node.marks.content {
        score += CONTENT_BONUS;
    }
    if node.semantic {
        score += SEMANTIC_BONUS;
    }
    if node.marks.furniture {
        score *= 0.75;
    }
    score
}

/// The best candidate, if any element scored at all. An article holding the
/// headline (`headline`, the first `h1`) is preferred over other stories on the page.
pub fn best(page: &Page, stats: &Stats, headline: Option<usize>) -> Option<usize> {
    let holds_headline = |index: usize| headline.is_some_and(|h1| page.nodes[index].semantic && index < h1 && h1 < page.nodes[index].end);
    let scores = (0..page.nodes.len()).map(|index| {
        let score = candidate_score(page, stats, index);
        (index, if score > 0.0 && holds_headline(index) { score + HEADLINE_BONUS } else { score })
    });
    scores.filter(|(_, score)| *score > 0.0).max_by(|a, b| a.1.total_cmp(&b.1)).map(|(index, _)| index)
}

/// The winner, the siblings that continue it, and elsewhere on the page the parts of
/// a body split into several elements of the winner's class, in document order.
pub fn with_siblings(page: &Page, stats: &Stats, top: usize) -> Vec<usize> {
    if top == 0 {
        return vec![top];
    }
    let parent = page.nodes[top].parent;
    let top_score = candidate_score(page, stats, top);
    let threshold = (top_score * SIBLING_SHARE).max(SIBLING_FLOOR);
    let mut roots: Vec<usize> = page.children(parent).filter(|&sibling| sibling == top || continues(page, stats, sibling, top, threshold)).collect();
    roots.extend(kin(page, stats, top));
    roots.sort_unstable();
    roots.dedup();
    without_nested(page, roots)
}

/// Elements of the winner's tag and class outside it that hold prose of their own.
fn kin(page: &Page, stats: &Stats, top: usize) -> Vec<usize> {
    let key = page.nodes[top].class_key;
    if key == 0 {
        return Vec::new();
    }
    let is_kin = |index: usize| {
        let node = &page.nodes[index];
        node.class_key == key
            && node.tag == page.nodes[top].tag
            && !stats.furniture[index]
            && stats.prose[index] >= KIN_PROSE
            && stats.link_density(index) < KIN_LINK_DENSITY
            && stats.articles_below[index] == 0
            && !(node.semantic && page.nodes[top].semantic)
    };
    (0..page.nodes.len()).filter(|&index| index != top && is_kin(index)).collect()
}

/// Drop roots that lie inside an earlier root.
fn without_nested(page: &Page, roots: Vec<usize>) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::with_capacity(roots.len());
    for root in roots {
        if kept.last().is_none_or(|&last| root >= page.nodes[last].end) {
            kept.push(root);
        }
    }
    kept
}

fn continues(page: &Page, stats: &Stats, sibling: usize, top: usize, threshold: f32) -> bool {
    if stats.furniture[sibling] || stats.chars[sibling] == 0 {
        return false;
    }
    let node = &page.nodes[sibling];
    if node.semantic && page.nodes[top].semantic {
        return false;
    }
    if node.tag == Tag::Text {
        return stats.chars[sibling] >= 80;
    }
    let same_class = node.class_key != 0 && node.class_key == page.nodes[top].class_key;
    let bonus = if same_class { threshold } else { 0.0 };
    if candidate_score(page, stats, sibling) + bonus >= threshold {
        return true;
    }
    let density = stats.link_density(sibling);
    let chars = stats.chars[sibling];
    node.tag == Tag::Paragraph && ((chars > 80 && density < 0.25) || (chars > 0 && density == 0.0))
}
