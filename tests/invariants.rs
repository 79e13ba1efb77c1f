//! Invariants over the whole corpus: exact provenance, stable ids, byte-identical output,
//! the same output whether documents are extracted alone or in a batch.

mod common;

use claimex::claim::Fields;
use claimex::document::Document;
use claimex::{output, process, process_many, Options};

#[test]
fn spans_slice_claim_text() {
    let rules = common::rules();
    let mut claims = 0;
    for path in common::corpus_files() {
        let (_, extraction) = common::extract(&path, &rules);
        let text = &extraction.text;
        for claim in &extraction.claims {
            claims += 1;
            assert_eq!(claim.span.slice(text), claim.text, "{}: claim {}", path.display(), claim.id);
            let sentence = extraction.sentences[claim.sentence];
            assert!(sentence.start <= claim.span.start && claim.span.start < sentence.end.max(sentence.start + 1), "{}: claim {} starts outside its sentence", path.display(), claim.id);
            if let Fields::Attribution(attribution) = &claim.fields {
                assert_eq!(attribution.source.span.slice(text), attribution.source.text, "{}: source of {}", path.display(), claim.id);
                assert_eq!(attribution.cue.span.slice(text), attribution.cue.text, "{}: cue of {}", path.display(), claim.id);
                assert_eq!(attribution.content.span.slice(text), attribution.content.text, "{}: content of {}", path.display(), claim.id);
                assert!(claim.span.contains(attribution.content.span), "{}: content outside claim {}", path.display(), claim.id);
            }
        }
    }
    assert!(claims > 200, "the corpus should give many claims, got {claims}");
}

#[test]
fn source_spans_slice_input() {
    let rules = common::rules();
    let mut checked = 0;
    for path in common::corpus_files().into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let (bytes, extraction) = common::extract(&path, &rules);
        for claim in &extraction.claims {
            let Some(span) = claim.source_span else { continue };
            let slice = bytes.get(span.start..span.end).expect("source span inside the input");
            assert_eq!(std::str::from_utf8(slice).expect("utf-8 slice"), claim.text, "{}: claim {}", path.display(), claim.id);
            checked += 1;
        }
    }
    assert!(checked > 50, "text documents should give source spans, got {checked}");
}

#[test]
fn output_is_deterministic() {
    let rules = common::rules();
    for path in common::corpus_files() {
        let first = output::to_json(&common::extract(&path, &rules).1);
        let second = output::to_json(&common::extract(&path, &rules).1);
        assert!(first == second, "{}: two runs differ", path.display());
    }
}

#[test]
fn a_batch_gives_what_each_document_gives_alone() {
    let rules = common::rules();
    let paths = common::corpus_files();
    let documents: Vec<Document> = paths
        .iter()
        .map(|path| Document::decode(&common::relative(path), &std::fs::read(path).expect("reads"), None).expect("decodes"))
        .collect();
    let batch = process_many(&documents, &rules, Options::default());
    assert_eq!(batch.len(), documents.len());
    for ((path, document), together) in paths.iter().zip(&documents).zip(&batch) {
        let alone = output::to_json(&process(document, &rules, Options::default()));
        assert!(alone == output::to_json(together), "{}: differs in a batch", path.display());
    }
}

#[test]
fn ids_are_unique_and_sorted() {
    let rules = common::rules();
    for path in common::corpus_files() {
        let (_, extraction) = common::extract(&path, &rules);
        let mut ids: Vec<&str> = extraction.claims.iter().map(|c| c.id.as_str()).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "{}: duplicate ids", path.display());
        let starts: Vec<usize> = extraction.claims.iter().map(|c| c.span.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{}: claims out of order", path.display());
        for claim in &extraction.claims {
            for linked in claim.context.places.iter().chain(&claim.context.actors).chain(&claim.context.attributed_to) {
                assert!(extraction.claims.iter().any(|c| &c.id == linked), "{}: {} links to missing {linked}", path.display(), claim.id);
            }
        }
    }
}

#[test]
fn extraction_never_fails_on_odd_text() {
    let rules = common::rules();
    let odd = ["\u{201c}", "\"\"\"", "...", "$", "1,", "a\u{0}b", "\u{feff}", "“Why?” asked", "\n\n\n.", "-- -- --", "according to", "Dr."];
    for text in odd {
        let document = claimex::document::Document::from_text("odd", text, claimex::document::Format::Text);
        let extraction = claimex::process(&document, &rules, claimex::Options::default());
        for claim in &extraction.claims {
            assert_eq!(claim.span.slice(&extraction.text), claim.text);
        }
    }
}
