//! Units → classes: what each line of a pasted page looks like on its own.
//!
//! Input: the page and its units. Output: one [`Line`] per unit: its class in the
//! manner of jusText (good prose, near good, short, bad), whether it is furniture for
//! sure (vocabulary, pattern, button words, repetition, teaser), and whether it marks
//! the end of the article. Vocabularies and thresholds come from [`TextRules`].

use std::collections::HashMap;

use crate::clean::rules::TextRules;
use crate::span::Span;

/// What a unit looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Prose: long and dense in function words.
    Good,
    /// Prose-like but shorter or less dense: good when near good lines.
    NearGood,
    /// Too short to judge: its neighbours decide.
    Short,
    /// Furniture.
    Bad,
}

/// One classified unit.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// Its class before context.
    pub class: Class,
    /// Furniture for sure: by vocabulary, pattern, button words or as a teaser (a
    /// line only repeated is bad but may be the headline).
    pub furniture: bool,
    /// The article cannot run across this line (a comment prompt, "Related").
    pub wall: bool,
    /// A wall that opens the readers' comments ("34 responses to …", "Leave a Reply").
    pub opens_comments: bool,
    /// The line ends in a colon: it may introduce a list that belongs to the article.
    pub opens_list: bool,
    /// A short line with an entry separator: one entry of a list or schedule.
    pub entry: bool,
    /// The line ends with a sentence's final punctuation (closing quotes aside).
    pub ends_sentence: bool,
    /// A byline or date line: an article often begins right after it.
    pub starts_article: bool,
    /// Length in characters.
    pub chars: usize,
    /// Words.
    pub words: usize,
}

/// The measures of one unit's text.
struct Measures {
    chars: usize,
    words: usize,
    function_words: usize,
    button_words: usize,
}

/// Classify every unit of `input`.
pub fn classify(input: &str, units: &[Span], rules: &TextRules) -> Vec<Line> {
    let texts: Vec<&str> = units.iter().map(|unit| strip_marker(unit.slice(input), rules)).collect();
    let measures: Vec<Measures> = texts.iter().map(|text| measure(text, rules)).collect();
    let unknown_language = is_unknown_language(&measures, rules);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for text in &texts {
        *counts.entry(text).or_default() += 1;
    }
    texts
        .iter()
        .zip(&measures)
        .map(|(text, measures)| {
            let repeated = counts.get(text).is_some_and(|&count| count > 1);
            classify_one(text, measures, repeated, unknown_language, rules)
        })
        .collect()
}

/// `text` without a leading list marker ("* ").
pub fn strip_marker<'t>(text: &'t str, rules: &TextRules) -> &'t str {
    let stripped = rules.list_markers.iter().find_map(|marker| text.strip_prefix(marker.as_str()));
    stripped.map_or(text, str::trim_start)
}

fn measure(text: &str, rules: &TextRules) -> Measures {
    let lower = text.to_lowercase();
    let ideographs = text.chars().filter(|&c| is_ideographic(c)).count();
    // A CJK character carries about a word's worth of text: count it three times, and
    // two of them as a word, so that length and word thresholds mean the same.
    let chars = text.chars().count() + 2 * ideographs;
    let mut measures = Measures { chars, words: ideographs / 2, function_words: 0, button_words: 0 };
    for token in lower.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        measures.words += 1;
        measures.function_words += usize::from(rules.function_words.contains(word));
        measures.button_words += usize::from(rules.button_words.contains(word));
    }
    measures
}

/// Han, kana and hangul: scripts written without spaces between words (or short ones).
fn is_ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// Whether the page's long lines have too few function words for the known languages.
fn is_unknown_language(measures: &[Measures], rules: &TextRules) -> bool {
    let long = measures.iter().filter(|m| m.chars >= rules.thresholds.length_high);
    let (words, function_words) = long.fold((0, 0), |(w, f), m| (w + m.words, f + m.function_words));
    words > 0 && (function_words as f64) < rules.thresholds.unknown_language * words as f64
}

fn classify_one(text: &str, measures: &Measures, repeated: bool, unknown_language: bool, rules: &TextRules) -> Line {
    let repeated = repeated && measures.words < rules.thresholds.repeated_max_words;
    let opens_list = text.trim_end().ends_with(':');
    let entry = is_entry(text, measures, rules);
    let ends_sentence = text.trim_end().trim_end_matches(['"', '\u{201d}', '\u{2019}', ')']).ends_with(['.', '?', '!']);
    let starts_article = rules.start_patterns.is_match(text);
    let line = |class, furniture, wall: bool| Line {
        class,
        furniture,
        wall,
        opens_comments: wall && rules.comment_patterns.is_match(text),
        opens_list,
        entry,
        ends_sentence,
        starts_article,
        chars: measures.chars,
        words: measures.words,
    };
    let whole = whole_line_key(text);
    if rules.end_markers.contains(&whole) || rules.end_patterns.is_match(text) {
        return line(Class::Bad, true, true);
    }
    if is_furniture(text, &whole, measures, rules) {
        return line(Class::Bad, true, false);
    }
    if repeated {
        return line(Class::Bad, false, false);
    }
    if rules.article_patterns.is_match(text) {
        return line(Class::NearGood, false, false);
    }
    line(prose_class(text, measures, unknown_language, rules), false, false)
}

/// The line as looked up in whole-line vocabularies: lower case, no trailing colon or
/// ellipsis ("Você pode gostar...").
fn whole_line_key(text: &str) -> String {
    let text = text.trim_end_matches([':', ' ', '\t']);
    let text = text.strip_suffix("...").or_else(|| text.strip_suffix('…')).unwrap_or(text);
    text.trim_end().to_lowercase()
}

fn is_furniture(text: &str, whole: &str, measures: &Measures, rules: &TextRules) -> bool {
    let thresholds = &rules.thresholds;
    let buttons = measures.words <= thresholds.button_max_words
        && measures.button_words as f64 >= thresholds.button_share * measures.words as f64;
    let teaser = ends_with_ellipsis(text) && measures.words < thresholds.teaser_max_words;
    buttons || teaser || rules.boilerplate_lines.contains(whole) || rules.furniture_patterns.is_match(text)
}

fn is_entry(text: &str, measures: &Measures, rules: &TextRules) -> bool {
    measures.words <= rules.thresholds.entry_max_words && rules.entry_separators.iter().any(|separator| text.contains(separator.as_str()))
}

fn ends_with_ellipsis(text: &str) -> bool {
    text.ends_with("...") || text.ends_with('…')
}

/// jusText's classes from length and function-word density; for a page in an unknown
/// language, sentence punctuation stands in for density.
fn prose_class(text: &str, measures: &Measures, unknown_language: bool, rules: &TextRules) -> Class {
    let thresholds = &rules.thresholds;
    if measures.chars < thresholds.length_low {
        return Class::Short;
    }
    let density = if unknown_language {
        if ends_like_sentence(text) { 1.0 } else { 0.0 }
    } else {
        measures.function_words as f64 / measures.words.max(1) as f64
    };
    if density >= thresholds.function_high {
        if measures.chars >= thresholds.length_high { Class::Good } else { Class::NearGood }
    } else if density >= thresholds.function_low || is_sentence_like(text, measures, density, rules) {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// A line of prose a little thin in function words: enough words, some function
/// words, and a sentence's ending.
fn is_sentence_like(text: &str, measures: &Measures, density: f64, rules: &TextRules) -> bool {
    let thresholds = &rules.thresholds;
    measures.words >= thresholds.sentence_min_words && density >= thresholds.function_sentence && ends_like_sentence(text)
}

/// Whether `text` ends as a sentence does (terminal punctuation, maybe inside quotes).
pub fn ends_like_sentence(text: &str) -> bool {
    let text = text.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', '»', ')', ']']);
    text.ends_with(['.', '!', '?', '。', '！', '？', ':', ';'])
}
