//! Shared helpers of the integration tests: the corpus, the built-in rules, the
//! one `extract` helper every corpus test goes through, and the claims of a snippet
//! (with their names, for places and actors).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use claimex::claim::{Claim, ClaimKind, Fields};
use claimex::document::{Document, Format};
use claimex::ruleset::RuleSet;
use claimex::{process, Extraction, Options};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every corpus document (.html, .htm, .txt), sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus/ exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| matches!(path.extension().and_then(|e| e.to_str()), Some("html" | "htm" | "txt")))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "the corpus should hold at least 12 documents, found {}", files.len());
    files
}

/// The rules compiled into the library.
pub fn rules() -> RuleSet {
    RuleSet::embedded().expect("built-in rules compile")
}

/// The path as the tests name it: relative to the repository root.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// Run the whole pipeline over one file.
pub fn extract(path: &Path, rules: &RuleSet) -> (Vec<u8>, Extraction) {
    let bytes = std::fs::read(path).expect("corpus file reads");
    let document = Document::decode(&relative(path), &bytes, None).expect("corpus file decodes");
    let extraction = process(&document, rules, Options::default());
    (bytes, extraction)
}

/// The claims of kind `kind` that the whole pipeline finds in `text`, run without
/// cleaning (the snippets of the tests of one step).
pub fn snippet_claims(text: &str, kind: ClaimKind) -> Vec<Claim> {
    let document = Document::from_text("snippet.txt", text, Format::Text);
    let extraction = process(&document, &rules(), Options { no_clean: true, ..Options::default() });
    extraction.claims.into_iter().filter(|claim| claim.kind == kind).collect()
}

/// (text, name, rule) of every place or actor of kind `kind` that the whole pipeline
/// finds in `text`, run without cleaning.
pub fn snippet_names(text: &str, kind: ClaimKind) -> Vec<(String, String, String)> {
    snippet_claims(text, kind)
        .into_iter()
        .map(|claim| {
            let name = match &claim.fields {
                Fields::Place(place) => place.name.clone(),
                Fields::Actor(actor) => actor.name.clone(),
                _ => unreachable!("only places and actors have names"),
            };
            (claim.text, name, claim.rule)
        })
        .collect()
}
