//! Classes → kept lines: context smoothing and the article region.
//!
//! Input: the [`Line`]s of a page. Output: which lines are article text. Short and
//! near-good lines take the class of their neighbours (jusText's reclassification),
//! then the article is the contiguous run of lines with the most prose once furniture
//! is charged for, end markers (comment prompt, "Related") most of all. Nothing after
//! the end marker that opens readers' comments counts, and the first prose right after
//! a byline or date line counts for more.

use std::ops::Range;

use super::classify::{Class, Line};

/// Resolve short and near-good lines by their neighbours, then keep the lists that
/// the article introduces: whether each line is good. A heading introduces a list
/// of at least `entry_min_run` entries.
pub fn smooth(lines: &[Line], entry_min_run: usize) -> Vec<bool> {
    let mut good = smooth_classes(lines);
    keep_introduced_lists(lines, &mut good, entry_min_run);
    good
}

/// Lists right after kept text: after a line ending in a colon, the lines up to the
/// first furniture line, wall or kept line ("Tour dates:" then one line per date);
/// after any other line, a run of at least `min_run` entries ("The Tour Dates", then
/// "June 9 – Tampa, FL"). The introducing line must be kept or follow a kept line.
fn keep_introduced_lists(lines: &[Line], good: &mut [bool], min_run: usize) {
    let mut index = 0;
    while index < lines.len() {
        match introduced_list_end(lines, good, index, min_run) {
            Some(end) => {
                good[index..end].fill(true);
                index = end;
            }
            None => index += 1,
        }
    }
}

/// Where the list that line `index` introduces ends, if it introduces one.
fn introduced_list_end(lines: &[Line], good: &[bool], index: usize, min_run: usize) -> Option<usize> {
    let line = &lines[index];
    let after_kept = good[index] || (index > 0 && good[index - 1]);
    if line.furniture || line.wall || !after_kept {
        return None;
    }
    if line.opens_list {
        return Some(list_end(lines, good, index + 1, |_| true));
    }
    let end = list_end(lines, good, index + 1, |line| line.entry);
    (end - index > min_run).then_some(end)
}

/// The first line from `start` that is kept, furniture, a wall or does not `fit`.
fn list_end(lines: &[Line], good: &[bool], start: usize, fits: impl Fn(&Line) -> bool) -> usize {
    let mut next = start;
    while next < lines.len() && !good[next] && !lines[next].furniture && !lines[next].wall && fits(&lines[next]) {
        next += 1;
    }
    next
}

fn smooth_classes(lines: &[Line]) -> Vec<bool> {
    let original: Vec<Class> = lines.iter().map(|line| line.class).collect();
    let shorts_resolved: Vec<Class> = original
        .iter()
        .enumerate()
        .map(|(index, &class)| match class {
            Class::Short if is_closing_sentence(lines, &original, index) => Class::Good,
            Class::Short => resolve_short(&original, index),
            _ => class,
        })
        .collect();
    shorts_resolved
        .iter()
        .enumerate()
        .map(|(index, &class)| match class {
            Class::Good => true,
            Class::NearGood => resolve_near_good(&shorts_resolved, index),
            Class::Short | Class::Bad => false,
        })
        .collect()
}

/// A short line that ends a sentence after good prose, with nothing decided after it:
/// the article's last words ("“That’s correct,” Volker said."), not page furniture.
fn is_closing_sentence(lines: &[Line], classes: &[Class], index: usize) -> bool {
    let nothing_after = !classes[index + 1..].iter().any(|&class| decided(class, true));
    let prose_before = matches!(neighbour(classes, index, Step::Back, false), Class::Good | Class::NearGood);
    lines[index].ends_sentence && nothing_after && prose_before
}

fn resolve_short(classes: &[Class], index: usize) -> Class {
    let before = neighbour(classes, index, Step::Back, true);
    let after = neighbour(classes, index, Step::Forward, true);
    match (before, after) {
        (Class::Good, Class::Good) => Class::Good,
        (Class::Bad, Class::Bad) => Class::Bad,
        _ => {
            let near_before = before == Class::Bad && neighbour(classes, index, Step::Back, false) == Class::NearGood;
            let near_after = after == Class::Bad && neighbour(classes, index, Step::Forward, false) == Class::NearGood;
            if near_before || near_after { Class::Good } else { Class::Bad }
        }
    }
}

/// A near-good line is bad only between two bad lines (a near-good neighbour counts
/// as good, unlike jusText, so that runs of plainer prose survive).
fn resolve_near_good(classes: &[Class], index: usize) -> bool {
    let before = neighbour(classes, index, Step::Back, false);
    let after = neighbour(classes, index, Step::Forward, false);
    !(before == Class::Bad && after == Class::Bad)
}

#[derive(Clone, Copy)]
enum Step {
    Back,
    Forward,
}

/// The nearest decided class (good or bad; near good too unless ignored) in one
/// direction; the page's edges count as bad.
fn neighbour(classes: &[Class], index: usize, step: Step, ignore_near_good: bool) -> Class {
    let found = match step {
        Step::Back => classes[..index].iter().rev().find(|&&class| decided(class, ignore_near_good)),
        Step::Forward => classes[index + 1..].iter().find(|&&class| decided(class, ignore_near_good)),
    };
    found.copied().unwrap_or(Class::Bad)
}

fn decided(class: Class, ignore_near_good: bool) -> bool {
    matches!(class, Class::Good | Class::Bad) || (class == Class::NearGood && !ignore_near_good)
}

/// The article region: the run of lines whose good characters, less `costs.bad_line`
/// per other line and `costs.wall` per wall, add up to the most (Kadane's maximum
/// subarray). The `start` line, the page's first good line soon after a byline or date
/// line, is worth `costs.start_bonus` more.
pub fn main_region(lines: &[Line], good: &[bool], start: Option<usize>, costs: RegionCosts) -> Range<usize> {
    let mut best = (0.0, 0..0);
    let mut current = (0.0, 0);
    for (index, (line, &is_good)) in lines.iter().zip(good).enumerate() {
        let value = match (line.wall, is_good) {
            (true, _) => -costs.wall,
            (false, true) if start == Some(index) => line.chars as f64 + costs.start_bonus,
            (false, true) => line.chars as f64,
            (false, false) => -costs.bad_line,
        };
        if current.0 + value <= 0.0 {
            current = (0.0, index + 1);
            continue;
        }
        current.0 += value;
        if current.0 > best.0 {
            best = (current.0, current.1..index + 1);
        }
    }
    best.1
}

/// The lines before the readers' comments: up to the first wall that opens them
/// after at least `min_prose` characters of good lines. Comments come after the
/// article, and long ones would otherwise pay for the wall and join it.
pub fn before_comments(lines: &[Line], good: &[bool], min_prose: usize) -> usize {
    let mut prose = 0;
    for (index, line) in lines.iter().enumerate() {
        if line.opens_comments && prose >= min_prose {
            return index;
        }
        if good[index] {
            prose += line.chars;
        }
    }
    lines.len()
}

/// The page's first good line at most `distance` lines after a byline or date line,
/// with no wall between, if there is one. Only the first: later date lines head
/// comments.
pub fn article_start(lines: &[Line], good: &[bool], distance: usize) -> Option<usize> {
    let mut since_start = None;
    for (index, line) in lines.iter().enumerate() {
        if line.wall {
            since_start = None;
        } else if good[index] && since_start.is_some_and(|lines_after| lines_after < distance) {
            return Some(index);
        } else if good[index] {
            since_start = None;
        }
        if line.starts_article {
            since_start = Some(0);
        } else if let Some(lines_after) = since_start.as_mut() {
            *lines_after += 1;
        }
    }
    None
}

/// The region without small islands of prose at its edges: runs of good lines cut
/// off from the rest by at least `gap` other lines and shorter than `island` characters
/// (teasers of related stories, a standfirst among bylines). The run that holds the
/// `start` line after a byline or date is no island.
pub fn trim_islands(lines: &[Line], good: &[bool], mut region: Range<usize>, start: Option<usize>, gap: usize, island: usize) -> Range<usize> {
    while let Some(end) = trim_end(lines, good, region.clone(), gap, island) {
        region.end = end;
    }
    while let Some(next) = trim_start(lines, good, region.clone(), gap, island) {
        if start.is_some_and(|start| (region.start..next).contains(&start)) {
            break;
        }
        region.start = next;
    }
    region
}

/// The new end of `region` when its last run of good lines is a small island.
fn trim_end(lines: &[Line], good: &[bool], region: Range<usize>, gap: usize, island: usize) -> Option<usize> {
    let last = region.clone().rev().find(|&index| good[index])?;
    let first = (region.start..=last).rev().take_while(|&index| good[index]).last()?;
    let previous = (region.start..first).rev().find(|&index| good[index])?;
    let chars: usize = lines[first..=last].iter().map(|line| line.chars).sum();
    (first - previous > gap && chars < island).then_some(previous + 1)
}

/// The new start of `region` when its first run of good lines is a small island.
fn trim_start(lines: &[Line], good: &[bool], region: Range<usize>, gap: usize, island: usize) -> Option<usize> {
    let first = region.clone().find(|&index| good[index])?;
    let last = (first..region.end).take_while(|&index| good[index]).last()?;
    let next = (last + 1..region.end).find(|&index| good[index])?;
    let chars: usize = lines[first..=last].iter().map(|line| line.chars).sum();
    (next - last > gap && chars < island).then_some(next)
}

/// What furniture costs the article region, in characters of prose.
#[derive(Debug, Clone, Copy)]
pub struct RegionCosts {
    /// One furniture line.
    pub bad_line: f64,
    /// One end marker (comment prompt, "Related").
    pub wall: f64,
    /// What the first prose soon after a byline or date line is worth beyond its length.
    pub start_bonus: f64,
}
