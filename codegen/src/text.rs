//! Characters that must never reach generated code, comments or a terminal as they are.

/// Whether `c` is a control character or a bidirectional formatting character (the
/// "Trojan Source" set: embeddings, overrides, isolates and marks). Such characters can make
/// text display differently from what it is, so generated comments and quoted source lines
/// replace or escape them.
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// `text` on one line, with every hidden control character written as a Rust escape (`\n`,
/// `\u{202e}`), for `//` comments.
pub fn one_line_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden_control(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_end_a_comment_line_or_reorder_text() {
        assert_eq!(
            one_line_escaped("a\nb\u{0}c\u{202e}d 🦀 */"),
            "a\\nb\\0c\\u{202e}d 🦀 */"
        );
        assert!(!is_hidden_control('é'));
    }
}
