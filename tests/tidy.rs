//! Hygiene checked by `cargo test`: module docs, rules as data, canonical rule ids,
//! and a corpus README that lists every document.

mod common;

use std::path::{Path, PathBuf};

fn rust_files(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("folder reads").filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&common::root().join("src"), &mut files);
    files.sort();
    files
}

#[test]
fn every_source_file_opens_with_a_module_doc() {
    for path in sources() {
        let text = std::fs::read_to_string(&path).expect("reads");
        assert!(text.trim_start().starts_with("//!"), "{} does not open with a //! module doc", path.display());
    }
}

#[test]
fn extraction_code_builds_no_regex() {
    let mut folder = Vec::new();
    rust_files(&common::root().join("src/extract"), &mut folder);
    for path in folder {
        let text = std::fs::read_to_string(&path).expect("reads");
        assert!(!text.contains("Regex::new") && !text.contains("RegexBuilder::new"), "{}: patterns belong in rules/", path.display());
    }
}

#[test]
fn rule_ids_are_unique_kebab_case() {
    let rules = common::rules();
    let mut ids: Vec<&str> = rules.claims.rules().map(|r| r.id.as_str()).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate rule ids");
    for id in ids {
        let (file, name) = id.split_once('/').expect("file/id");
        assert!(!file.is_empty() && name.split('-').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())), "{id}");
    }
}

#[test]
fn corpus_readme_lists_every_document() {
    let readme = std::fs::read_to_string(common::root().join("corpus/README.md")).expect("corpus/README.md");
    for path in common::corpus_files() {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(readme.contains(name), "corpus/README.md does not list {name}");
    }
}
