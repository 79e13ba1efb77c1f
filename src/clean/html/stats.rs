//! Per-node measures of the arena: [`Page`] → [`Stats`].
//!
//! Input: the page arena and its marks. Output: for every node its visible characters,
//! characters inside links, commas, the prose it holds (paragraph-sized runs of text
//! that are not mostly links), whether it lies inside furniture, and a readability-style
//! content score that paragraphs hand to their nearest ancestors. All passes are linear.

use super::dom::{Page, Tag};

/// Shortest run of text (visible characters) that counts as a paragraph.
const PARAGRAPH_CHARS: u32 = 25;
/// Furniture marks are ignored on an element holding at least this share of the prose.
const PROSE_GUARD: f32 = 0.5;
/// Prose a marked article body needs to lift the furniture mark of its wrapper.
const WRAPPED_BODY_CHARS: u32 = 300;
/// Prose an `<article>` needs to count as one story of a list.
const ARTICLE_PROSE: u32 = 200;
/// How much of a paragraph's score each ancestor level receives.
const LEVEL_SHARES: [f32; 4] = [1.0, 0.5, 1.0 / 6.0, 1.0 / 9.0];

/// Measures of every node, indexed like [`Page::nodes`].
#[derive(Debug, Default)]
pub struct Stats {
    /// Visible (non-space) characters in the subtree.
    pub chars: Vec<u32>,
    /// Visible characters inside links.
    pub link_chars: Vec<u32>,
    /// Commas in the subtree.
    pub commas: Vec<u32>,
    /// Visible characters of the paragraphs in the subtree.
    pub prose: Vec<u32>,
    /// Inside (or itself) furniture, after the prose guard.
    pub furniture: Vec<bool>,
    /// Content score handed up by paragraphs.
    pub score: Vec<f32>,
    /// Articles (`<article>`, `itemprop=articleBody`) with prose below each node, itself excluded.
    pub articles_below: Vec<u32>,
}

/// One run of text that may be a paragraph: where its score goes and its size.
struct Run {
    owner: usize,
    chars: u32,
    links: u32,
    commas: u32,
}

impl Stats {
    /// Measure `page`.
    pub fn measure(page: &Page) -> Stats {
        let count = page.nodes.len();
        let mut stats = Stats { chars: vec![0; count], link_chars: vec![0; count], commas: vec![0; count], prose: vec![0; count], furniture: vec![false; count], score: vec![0.0; count], articles_below: vec![0; count] };
        let mut inline = vec![(0u32, 0u32, 0u32); count];
        let mut has_block_child = vec![false; count];
        stats.count_text(page, &mut inline, &mut has_block_child);
        let runs: Vec<Option<Run>> = (0..count).map(|index| stats.run_at(page, index, &inline, &has_block_child)).collect();
        stats.add_prose(page, &runs);
        stats.mark_furniture(page);
        stats.add_scores(page, &runs);
        stats.count_articles(page);
        stats
    }

    /// Characters, link characters and commas, bottom-up; inline totals per element.
    fn count_text(&mut self, page: &Page, inline: &mut [(u32, u32, u32)], has_block_child: &mut [bool]) {
        for index in (1..page.nodes.len()).rev() {
            let node = &page.nodes[index];
            if node.tag == Tag::Text {
                let text = page.text_of(index);
                self.chars[index] = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
                self.commas[index] = text.chars().filter(|c| matches!(c, ',' | '，' | '、' | '،')).count() as u32;
            }
            if node.tag == Tag::Link {
                self.link_chars[index] = self.chars[index];
            }
            let parent = node.parent;
            self.chars[parent] += self.chars[index];
            self.link_chars[parent] += self.link_chars[index];
            self.commas[parent] += self.commas[index];
            if node.tag.is_block() || has_block_child[index] {
                has_block_child[parent] = true;
            } else {
                let run = &mut inline[parent];
                *run = (run.0 + self.chars[index], run.1 + self.link_chars[index], run.2 + self.commas[index]);
            }
        }
    }

    /// The paragraph-sized run of text an element makes, if any.
    fn run_at(&self, page: &Page, index: usize, inline: &[(u32, u32, u32)], has_block_child: &[bool]) -> Option<Run> {
        let node = &page.nodes[index];
        if !node.tag.is_block() || matches!(node.tag, Tag::Heading(_)) || index == 0 {
            return None;
        }
        let run = if has_block_child[index] {
            Run { owner: index, chars: inline[index].0, links: inline[index].1, commas: inline[index].2 }
        } else {
            Run { owner: node.parent, chars: self.chars[index], links: self.link_chars[index], commas: self.commas[index] }
        };
        (run.chars >= PARAGRAPH_CHARS && run.links * 2 < run.chars).then_some(run)
    }

    fn add_prose(&mut self, page: &Page, runs: &[Option<Run>]) {
        for index in (1..page.nodes.len()).rev() {
            if let Some(run) = &runs[index] {
                self.prose[index] += run.chars;
            }
            let parent = page.nodes[index].parent;
            self.prose[parent] += self.prose[index];
        }
    }

    /// Inherit furniture top-down. A mark gives way on an element holding most of the
    /// page's prose, or wrapping a marked article body that holds most of its own.
    fn mark_furniture(&mut self, page: &Page) {
        let guard = self.prose[0] as f32 * PROSE_GUARD;
        let body_prose = self.body_prose(page);
        for (index, (node, &held)) in page.nodes.iter().zip(&body_prose).enumerate().skip(1) {
            let prose = self.prose[index] as f32;
            let wraps_body = held as f32 >= prose * PROSE_GUARD && held >= WRAPPED_BODY_CHARS;
            let own = node.marks.always_furniture || (node.marks.furniture && prose < guard.max(1.0) && !wraps_body);
            self.furniture[index] = own || self.furniture[node.parent];
        }
    }

    /// The most prose held by one element marked as article body, at or below each node.
    fn body_prose(&self, page: &Page) -> Vec<u32> {
        let mut body = vec![0u32; page.nodes.len()];
        for index in (1..page.nodes.len()).rev() {
            let node = &page.nodes[index];
            if node.marks.content || node.semantic {
                body[index] = body[index].max(self.prose[index]);
            }
            body[node.parent] = body[node.parent].max(body[index]);
        }
        body
    }

    /// Each paragraph outside furniture hands its score to its owner and three ancestors.
    fn add_scores(&mut self, page: &Page, runs: &[Option<Run>]) {
        for (index, run) in runs.iter().enumerate() {
            let Some(run) = run else { continue };
            if self.furniture[index] {
                continue;
            }
            let value = 1.0 + run.commas as f32 + (run.chars as f32 / 100.0).min(3.0);
            let mut target = run.owner;
            for share in LEVEL_SHARES {
                self.score[target] += value * share;
                if target == 0 {
                    break;
                }
                target = page.nodes[target].parent;
            }
        }
    }

    /// How many articles with prose each node holds, so a list of stories is not taken for one.
    fn count_articles(&mut self, page: &Page) {
        for index in (1..page.nodes.len()).rev() {
            let node = &page.nodes[index];
            let own = u32::from(node.semantic && self.prose[index] >= ARTICLE_PROSE && !self.furniture[index]);
            self.articles_below[node.parent] += self.articles_below[index] + own;
        }
    }

    /// Share of visible characters inside links.
    pub fn link_density(&self, index: usize) -> f32 {
        self.link_chars[index] as f32 / self.chars[index].max(1) as f32
    }
}
