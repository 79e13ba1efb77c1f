//! List markers: "1.", "2)", "3.)", "a.", "b)".
//!
//! Input: a block and the position where a sentence starts. Output: the marker found
//! there, and where the next marker of the same list starts on the same line
//! ("1) The first item 2) The second item"), so the scanner can break before it.

/// A list marker: its value and the separator written after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Marker {
    value: Value,
    separator: &'static str,
    /// One past the separator.
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Number(u32),
    Letter(u8),
    Roman { value: u32, upper: bool },
}

/// Roman numerals a list counts with, in order.
const ROMANS: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

impl Marker {
    /// True when a list can start with this marker ("1.", "a)", "i."), not only go on with it.
    pub fn opens_list(&self) -> bool {
        match self.value {
            Value::Number(_) | Value::Roman { .. } => true,
            Value::Letter(letter) => matches!(letter.to_ascii_lowercase(), b'a' | b'i'),
        }
    }
}

/// Separators, longest first.
const SEPARATORS: [&str; 3] = [".)", ".", ")"];

/// The marker at `at`: one or two digits or one ASCII letter, a separator, then a space.
pub(super) fn marker_at(text: &str, at: usize) -> Option<Marker> {
    let rest = text.get(at..)?;
    let (value, length) = value_at(rest)?;
    let after = &rest[length..];
    let separator = SEPARATORS.into_iter().find(|s| after.starts_with(s))?;
    let end = at + length + separator.len();
    let spaced = text.as_bytes().get(end).is_some_and(|b| *b == b' ' || *b == b'\t');
    spaced.then_some(Marker { value, separator, end })
}

/// The value at the start of `rest` and its length: 1–2 digits, a roman numeral of
/// two or more letters, or one ASCII letter.
fn value_at(rest: &str) -> Option<(Value, usize)> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        return Some((Value::Number(rest[..digits].parse().ok()?), digits));
    }
    if digits > 0 {
        return None;
    }
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &rest[..letters];
    let roman = ROMANS.iter().position(|r| r.eq_ignore_ascii_case(word));
    match (letters, roman) {
        (1, _) => Some((Value::Letter(rest.as_bytes()[0]), 1)),
        (_, Some(index)) => Some((Value::Roman { value: index as u32, upper: word.as_bytes()[0].is_ascii_uppercase() }, letters)),
        _ => None,
    }
}

/// The values that may follow `value` ("i" is a letter or a roman one).
fn followers(value: Value) -> Vec<String> {
    match value {
        Value::Number(n) => vec![(n + 1).to_string()],
        Value::Letter(letter) => {
            let mut next: Vec<String> = letter.checked_add(1).filter(u8::is_ascii_alphabetic).map(|l| char::from(l).to_string()).into_iter().collect();
            if letter.eq_ignore_ascii_case(&b'i') {
                next.push(if letter.is_ascii_uppercase() { "II" } else { "ii" }.to_string());
            }
            next
        }
        Value::Roman { value, upper } => ROMANS
            .get(value as usize + 1)
            .map(|r| if upper { r.to_ascii_uppercase() } else { r.to_string() })
            .into_iter()
            .collect(),
    }
}

/// Where the marker after `marker` starts, searching `text[marker.end..line_end]`.
pub(super) fn next_marker(text: &str, marker: &Marker, line_end: usize) -> Option<usize> {
    let line = text.get(marker.end..line_end)?;
    followers(marker.value)
        .iter()
        .filter_map(|following| line.find(&format!(" {following}{} ", marker.separator)))
        .min()
        .map(|offset| marker.end + offset + 1)
}

/// True when a sentence-initial word before a period is a list marker ("1", "a", "iv").
pub(super) fn is_marker_word(word: &str) -> bool {
    let digits = !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
    let letter = word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = !word.is_empty() && word.len() <= 4 && word.bytes().all(|b| matches!(b.to_ascii_lowercase(), b'i' | b'v' | b'x'));
    digits || letter || roman
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_following_marker_on_the_line() {
        let text = "1.) First 2.) Second";
        let marker = marker_at(text, 0).expect("a marker");
        assert_eq!(next_marker(text, &marker, text.len()), Some(10));
        let text = "a. One b. Two";
        let marker = marker_at(text, 0).expect("a marker");
        assert_eq!(next_marker(text, &marker, text.len()), Some(7));
    }

    #[test]
    fn rejects_numbers_that_are_not_markers() {
        assert_eq!(marker_at("2019. The year", 0), None);
        assert_eq!(marker_at("12 people", 0), None);
        assert_eq!(marker_at("3.2% growth", 0), None);
    }
}
