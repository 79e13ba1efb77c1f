//! STAGE 4, output: an [`Extraction`] → `claimex/1` JSON, JSONL, or text for people.
//!
//! Input: the pipeline's result. Output: strings. The JSON shape is the contract of
//! `shared/spec/output.md`:
//!
//! ```json
//! {"schema": "claimex/1",
//!  "document": {"path": "corpus/a.html", "sha256": "…", "format": "html", "title": "…", "encoding": "UTF-8"},
//!  "text": "…", "sentences": [{"start": 0, "end": 141}],
//!  "claims": [{"id": "place:12-17", "kind": "place", "text": "Italy", "span": {"start": 12, "end": 17},
//!              "sentence": 0, "rule": "places/gazetteer", "name": "Italy", "place_type": "country",
//!              "context": {"attributed_to": null, "places": [], "actors": []}}]}
//! ```
//!
//! Keys come out in a fixed order and claims in text order, so the same input and
//! rules give byte-identical output. Batch errors become JSONL error records.

use std::fmt::Write as _;

use serde::Serialize;

use crate::claim::{Claim, ClaimKind, Fields};
use crate::document::Format;
use crate::segment::Sentence;
use crate::span::Span;
use crate::Extraction;

/// The schema name every document carries.
pub const SCHEMA: &str = "claimex/1";

#[derive(Serialize)]
struct DocumentRecord<'a> {
    path: &'a str,
    sha256: &'a str,
    format: Format,
    title: Option<&'a str>,
    encoding: &'a str,
}

#[derive(Serialize)]
struct Record<'a> {
    schema: &'static str,
    document: DocumentRecord<'a>,
    text: &'a str,
    sentences: &'a [Sentence],
    claims: &'a [Claim],
}

fn record(extraction: &Extraction) -> Record<'_> {
    let document = &extraction.document;
    Record {
        schema: SCHEMA,
        document: DocumentRecord {
            path: &document.path,
            sha256: &document.sha256,
            format: document.format,
            title: extraction.title.as_deref(),
            encoding: &document.encoding.name,
        },
        text: &extraction.text,
        sentences: &extraction.sentences,
        claims: &extraction.claims,
    }
}

/// One document as pretty JSON.
pub fn to_json(extraction: &Extraction) -> String {
    serde_json::to_string_pretty(&record(extraction)).unwrap_or_default()
}

/// Several documents as one pretty JSON array.
pub fn to_json_array(extractions: &[&Extraction]) -> String {
    let records: Vec<Record> = extractions.iter().map(|e| record(e)).collect();
    serde_json::to_string_pretty(&records).unwrap_or_default()
}

/// One document as one JSON line (no trailing newline).
pub fn to_json_line(extraction: &Extraction) -> String {
    serde_json::to_string(&record(extraction)).unwrap_or_default()
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    schema: &'static str,
    document: ErrorDocument<'a>,
    error: ErrorDetail<'a>,
}

#[derive(Serialize)]
struct ErrorDocument<'a> {
    path: &'a str,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    code: &'a str,
    message: &'a str,
}

/// A JSONL record for a document that failed: its path, an error code and message,
/// keys in the same fixed order as a result (`schema` first).
pub fn error_line(path: &str, code: &str, message: &str) -> String {
    let record = ErrorRecord { schema: SCHEMA, document: ErrorDocument { path }, error: ErrorDetail { code, message } };
    serde_json::to_string(&record).unwrap_or_default()
}

/// A readable report for a person: claims grouped by kind, each with its sentence
/// and the claim marked `[[like this]]`.
pub fn to_human(extraction: &Extraction) -> String {
    let mut out = String::new();
    let title = extraction.title.as_deref().unwrap_or("(no title)");
    let _ = writeln!(out, "{}: {title}", extraction.document.path);
    let _ = writeln!(out, "{} sentences, {} claims", extraction.sentences.len(), extraction.claims.len());
    for kind in [ClaimKind::Count, ClaimKind::Place, ClaimKind::Actor, ClaimKind::Attribution] {
        let claims: Vec<&Claim> = extraction.claims.iter().filter(|c| c.kind == kind).collect();
        if claims.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({})", kind.name().to_uppercase(), claims.len());
        for claim in claims {
            let _ = writeln!(out, "  {}  [{}]", summary(claim), claim.rule);
            let _ = writeln!(out, "    {}", marked_sentence(extraction, claim));
        }
    }
    out
}

/// The review rendering used by the corpus snapshots: each claim's fields, rule and
/// sentence with the span underlined.
pub fn to_review(extraction: &Extraction) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "title: {}", extraction.title.as_deref().unwrap_or("(none)"));
    let _ = writeln!(out, "sentences: {}  claims: {}", extraction.sentences.len(), extraction.claims.len());
    for claim in &extraction.claims {
        let _ = writeln!(out, "\n{} {}  [{}]", claim.id, summary(claim), claim.rule);
        let sentence = sentence_span(extraction, claim);
        let (line, underline) = underlined(&extraction.text, sentence, claim.span);
        let _ = writeln!(out, "  | {line}");
        let _ = writeln!(out, "  | {underline}");
    }
    out
}

fn sentence_span(extraction: &Extraction, claim: &Claim) -> Span {
    let sentence = extraction.sentences.get(claim.sentence).map_or(claim.span, Sentence::span);
    Span::new(sentence.start.min(claim.span.start), sentence.end.max(claim.span.end))
}

/// The fields of a claim in one line.
pub fn summary(claim: &Claim) -> String {
    match &claim.fields {
        Fields::Count(c) => {
            let range = c.value_max.map(|m| format!("..{m}")).unwrap_or_default();
            let vague = if c.vague { " vague" } else { "" };
            format!("{:?} = {}{range} {} ({}{vague})", claim.text, c.value, c.unit.as_deref().unwrap_or("-"), c.qualifier)
        }
        Fields::Place(p) => format!("{:?} → {} ({})", claim.text, p.name, p.place_type),
        Fields::Actor(a) => {
            let role = a.role.as_deref().map(|r| format!(", role {r:?}")).unwrap_or_default();
            format!("{:?} → {} ({}{role})", claim.text, a.name, a.actor_type)
        }
        Fields::Attribution(a) => {
            let resolved = a.source.resolved.as_deref().map(|r| format!(" = {r}")).unwrap_or_default();
            let kind = if a.direct { "direct" } else { "reported" };
            format!("{:?}{resolved} –{}→ {:?} ({kind})", a.source.text, a.cue.text, a.content.text)
        }
    }
}

fn marked_sentence(extraction: &Extraction, claim: &Claim) -> String {
    let sentence = sentence_span(extraction, claim);
    let text = &extraction.text;
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{}[[{}]]{}",
        flat(&text[sentence.start..claim.span.start]),
        flat(claim.span.slice(text)),
        flat(&text[claim.span.end..sentence.end])
    )
    .replace("[[", " [[")
    .replace("]]", "]] ")
    .trim()
    .to_string()
}

/// The sentence on one line (white space folded) and a line of `^` under the span.
fn underlined(text: &str, sentence: Span, span: Span) -> (String, String) {
    let mut line = String::new();
    let mut underline = String::new();
    for (index, c) in text[sentence.start..sentence.end].char_indices() {
        let at = sentence.start + index;
        let c = if c.is_whitespace() { ' ' } else { c };
        line.push(c);
        underline.push(if at >= span.start && at < span.end { '^' } else { ' ' });
    }
    (line, underline.trim_end().to_string())
}
