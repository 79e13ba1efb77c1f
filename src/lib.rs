//! claimex: checkable claims, with exact provenance, from news HTML or text.
//!
//! The pipeline runs four stages over one [`Document`]:
//!
//! 1. [`clean`]: the page → [`clean::CleanText`], the article body without
//!    navigation, ads, widgets, comment forms and related-story lists; title apart.
//! 2. [`segment`]: the body → [`segment::Sentence`] spans.
//! 3. [`extract`]: sentences × rules → [`claim::Claim`]s (counts, places, actors,
//!    attributions), linked to each other.
//! 4. [`output`]: the result as `claimex/1` JSON, JSONL or a review rendering.
//!
//! Rules are data ([`ruleset`]): TOML files with examples and word lists, compiled
//! once into a [`ruleset::RuleSet`]. The library does no file I/O and never prints.
//!
//! ```
//! use claimex::{document::{Document, Format}, ruleset::RuleSet, process, Options};
//!
//! let rules = RuleSet::embedded().expect("built-in rules compile");
//! let text = "Officials in Italy said at least 53 countries were involved.";
//! let document = Document::from_text("-", text, Format::Text);
//! // The text is already the article: skip boilerplate removal.
//! let extraction = process(&document, &rules, Options { no_clean: true, ..Options::default() });
//! for claim in &extraction.claims {
//!     // Provenance is exact: every span slices its claim's text.
//!     assert_eq!(&extraction.text[claim.span.start..claim.span.end], claim.text);
//! }
//! assert!(extraction.claims.iter().any(|c| c.text == "at least 53 countries"));
//! ```

#![deny(missing_docs)]

pub mod claim;
pub mod clean;
pub mod document;
pub mod error;
pub mod eval;
pub mod extract;
pub mod output;
pub mod ruleset;
pub mod segment;
pub mod span;

pub use extract::Options;

use claim::Claim;
use document::Document;
use ruleset::RuleSet;
use segment::Sentence;

/// Everything the pipeline found in one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The input document (path, hash, format, encoding).
    pub document: Document,
    /// The headline, when found.
    pub title: Option<String>,
    /// The cleaned main text; every span points into it.
    pub text: String,
    /// The sentences of `text`.
    pub sentences: Vec<Sentence>,
    /// The claims, in text order.
    pub claims: Vec<Claim>,
}

/// Run the whole pipeline over one document.
pub fn process(document: &Document, rules: &RuleSet, options: Options) -> Extraction {
    process_many(std::slice::from_ref(document), rules, options).remove(0)
}

/// How many documents the command line gives [`process_many`] at once (per thread):
/// enough for each rule's automaton to stay warm across them, few enough to keep
/// memory small.
pub const BATCH_DOCUMENTS: usize = 64;

/// Run the whole pipeline over each of `documents`: what [`process`] gives for each,
/// in order, faster for a batch (see [`extract::extract_many`]).
pub fn process_many(documents: &[Document], rules: &RuleSet, options: Options) -> Vec<Extraction> {
    let cleaned: Vec<(clean::CleanText, Vec<Sentence>)> = documents
        .iter()
        .map(|document| {
            let clean = if options.no_clean { clean::CleanText::verbatim(&document.text) } else { clean::clean(document, &rules.clean) };
            let sentences = segment::split(&clean, &rules.segment);
            (clean, sentences)
        })
        .collect();
    let inputs: Vec<extract::Input> = cleaned.iter().map(|(clean, sentences)| extract::Input { text: &clean.text, sentences }).collect();
    let claims = extract::extract_many(&inputs, &rules.claims, options);
    documents
        .iter()
        .zip(cleaned)
        .zip(claims)
        .map(|((document, (clean, sentences)), mut claims)| {
            if let Some(map) = &clean.source_map {
                for claim in &mut claims {
                    claim.source_span = map.to_source(claim.span);
                }
            }
            Extraction { document: document.clone(), title: clean.title, text: clean.text, sentences, claims }
        })
        .collect()
}
