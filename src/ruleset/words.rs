//! Word normalisation shared by rule compilation and matching.
//!
//! Input: a word or phrase as written. Output: its key for look-ups (lower case,
//! curly apostrophes made straight, inner white space folded).

/// The look-up key of a phrase: lower case, `’` as `'`, single spaces.
pub fn key(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for word in phrase.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn key_folds_case_space_and_apostrophes() {
        assert_eq!(super::key("  At\u{a0}Least  "), "at least");
        assert_eq!(super::key("China\u{2019}s"), "china's");
    }
}
