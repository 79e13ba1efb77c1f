//! The pipeline's input: a named byte buffer, decoded to text.
//!
//! Input: a path (or "-") and the raw bytes read by the caller. Output: a
//! [`Document`] with the decoded text, its SHA-256, its format (HTML or text) and
//! how its encoding was found. Decoding fails only for empty or binary input; a
//! legacy encoding is decoded and reported, never refused. This module does no I/O.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::InputError;

/// Whether a document is an HTML page or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// An HTML page: the clean stage parses markup.
    Html,
    /// Plain text: the clean stage classifies lines.
    Text,
}

impl Format {
    /// The format a file name suggests, if any (`.html`, `.htm`, `.txt`).
    pub fn from_path(path: &str) -> Option<Format> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            Some(Format::Html)
        } else if lower.ends_with(".txt") || lower.ends_with(".text") {
            Some(Format::Text)
        } else {
            None
        }
    }

    /// The format the content suggests: markup near the start means HTML.
    pub fn sniff(text: &str) -> Format {
        let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
        let trimmed = head.trim_start_matches('\u{feff}').trim_start();
        let looks_like_markup = trimmed.starts_with("<!doctype html")
            || trimmed.starts_with("<html")
            || trimmed.starts_with("<?xml")
            || trimmed.starts_with("<!--")
            || head.contains("<body")
            || head.contains("<head")
            || (trimmed.starts_with('<') && (head.contains("<p>") || head.contains("<div")));
        if looks_like_markup {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// How the text was decoded from the input bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Encoding {
    /// The encoding's WHATWG name, such as `UTF-8` or `windows-1252`.
    pub name: String,
    /// What told us: `utf-8` (valid UTF-8), `bom`, `meta charset` or `content`.
    pub found_by: String,
}

impl Encoding {
    /// True for UTF-8 input, the case where text offsets are input offsets.
    pub fn is_utf8(&self) -> bool {
        self.name == "UTF-8"
    }
}

/// One input document, decoded.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given by the user; "-" for standard input.
    pub path: String,
    /// Lower-case hex SHA-256 of the input bytes.
    pub sha256: String,
    /// HTML or text.
    pub format: Format,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// The decoded text.
    pub text: String,
    /// Byte offset in the input where `text` starts (3 after a UTF-8 BOM, else 0).
    /// When the input is UTF-8, `input[text_offset + i]` is `text[i]`.
    pub text_offset: usize,
}

impl Document {
    /// Decode `bytes` read from `path`. `format` overrides detection when given.
    pub fn decode(path: &str, bytes: &[u8], format: Option<Format>) -> Result<Document, InputError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(InputError::Empty { path: path.to_string() });
        }
        let (text, encoding, text_offset) = decode_bytes(bytes);
        if looks_binary(bytes, &text, &encoding) {
            return Err(InputError::Binary { path: path.to_string() });
        }
        if text.trim().is_empty() {
            return Err(InputError::Empty { path: path.to_string() });
        }
        let format = format
            .or_else(|| Format::from_path(path))
            .unwrap_or_else(|| Format::sniff(&text));
        Ok(Document {
            path: path.to_string(),
            sha256: sha256_hex(bytes),
            format,
            encoding,
            text,
            text_offset,
        })
    }

    /// A document made directly from text (tests, library callers).
    pub fn from_text(path: &str, text: &str, format: Format) -> Document {
        Document {
            path: path.to_string(),
            sha256: sha256_hex(text.as_bytes()),
            format,
            encoding: Encoding { name: "UTF-8".into(), found_by: "utf-8".into() },
            text: text.to_string(),
            text_offset: 0,
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Decode by BOM, then as UTF-8, then by meta charset, then by content.
fn decode_bytes(bytes: &[u8]) -> (String, Encoding, usize) {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        let offset = if encoding == encoding_rs::UTF_8 { bom_length } else { 0 };
        return (text.into_owned(), named(encoding, "bom"), offset);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), named(encoding_rs::UTF_8, "utf-8"), 0);
    }
    let (encoding, found_by) = match meta_charset(bytes) {
        Some(encoding) => (encoding, "meta charset"),
        None => (guess_encoding(bytes), "content"),
    };
    let (text, _, _) = encoding.decode(bytes);
    (text.into_owned(), named(encoding, found_by), 0)
}

fn named(encoding: &'static encoding_rs::Encoding, found_by: &str) -> Encoding {
    Encoding { name: encoding.name().to_string(), found_by: found_by.to_string() }
}

fn guess_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// The encoding named by `<meta charset=...>` or `content="...; charset=..."` in the first 4 KiB.
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    // A page that says UTF-8 but is not valid UTF-8 is decoded by content instead.
    (encoding != encoding_rs::UTF_8).then_some(encoding)
}

/// Binary input: NUL bytes, or many control characters, in text that is not UTF-16.
fn looks_binary(bytes: &[u8], text: &str, encoding: &Encoding) -> bool {
    if encoding.name.starts_with("UTF-16") {
        return text.chars().take(4096).any(|c| c == '\0');
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|b| b.is_ascii_control() && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_meta_charset_windows_1252() {
        let bytes = b"<html><head><meta charset=\"windows-1252\"></head><p>caf\xe9 \x93quoted\x94</p>";
        let document = Document::decode("page.html", bytes, None).expect("decodes");
        assert!(document.text.contains("caf\u{e9} \u{201c}quoted\u{201d}"));
        assert_eq!(document.encoding.name, "windows-1252");
        assert_eq!(document.encoding.found_by, "meta charset");
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert!(matches!(Document::decode("x.bin", b"\x00\x01\x02PNG", None), Err(InputError::Binary { .. })));
        assert!(matches!(Document::decode("x.txt", b" \n\n ", None), Err(InputError::Empty { .. })));
    }

    #[test]
    fn utf8_bom_sets_offset() {
        let document = Document::decode("a.txt", "\u{feff}Hello.".as_bytes(), None).expect("decodes");
        assert_eq!(document.text, "Hello.");
        assert_eq!(document.text_offset, 3);
    }

    #[test]
    fn sniffs_markup() {
        assert_eq!(Format::sniff("<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff("A <b>plain</b> story."), Format::Text);
    }
}
