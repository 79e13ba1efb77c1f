//! Structured data: JSON-LD script texts → the longest `articleBody` as paragraphs.
//!
//! Input: the texts of `<script type="application/ld+json">`. Output: the article body
//! they declare (searched through arrays, `@graph` and nested objects), split into
//! paragraphs at line breaks, with any markup inside it removed. Unparsable scripts
//! are ignored.

use serde_json::Value;

use super::blocks::fold_space;

/// Deepest nesting searched, so a hostile script cannot run away.
const MAX_DEPTH: usize = 12;

/// The longest `articleBody` of all scripts, as paragraphs.
pub fn article_body(scripts: &[String]) -> Vec<String> {
    let mut best = String::new();
    for script in scripts {
        if !script.contains("articleBody") {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(script.trim()) else { continue };
        find_body(&value, 0, &mut best);
    }
    paragraphs(&best)
}

fn find_body(value: &Value, depth: usize, best: &mut String) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|item| find_body(item, depth + 1, best)),
        Value::Object(map) => {
            if let Some(Value::String(body)) = map.get("articleBody") {
                if body.len() > best.len() {
                    best.clone_from(body);
                }
            }
            map.values().for_each(|item| find_body(item, depth + 1, best));
        }
        _ => {}
    }
}

/// Split at line breaks (and `<p>`/`<br>` when the body holds markup) into folded paragraphs.
fn paragraphs(body: &str) -> Vec<String> {
    let text = if body.contains('<') { strip_markup(body) } else { body.to_string() };
    text.split('\n').map(fold_space).filter(|line| !line.is_empty()).collect()
}

/// Remove tags, turning block tags into line breaks.
fn strip_markup(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let tag = rest[open + 1..open + close].trim_start_matches('/').to_ascii_lowercase();
        if tag.starts_with('p') || tag.starts_with("br") || tag.starts_with("div") || tag.starts_with('h') || tag.starts_with("li") {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}
