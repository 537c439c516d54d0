//! Doc comments for generated items: spec text made safe for rustdoc, one `#[doc]` per line.

use proc_macro2::TokenStream;
use quote::quote;

use crate::text::is_hidden_control;

/// Makes free text from a spec safe as Markdown: no doctests (indented or fenced code), no
/// intra-doc links, no HTML, no headings; control characters and bidirectional overrides removed.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, word) in line.split_whitespace().enumerate() {
            if j > 0 {
                out.push(' ');
            }
            escape_word(word, &mut out);
        }
    }
    out.trim().to_owned()
}

/// A URL becomes an autolink (`<https://...>`, which rustdoc accepts); anything else is escaped.
fn escape_word(word: &str, out: &mut String) {
    if word.starts_with("https://") || word.starts_with("http://") {
        let url = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let clean = url
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '`' | '\\'));
        if clean {
            out.push('<');
            out.push_str(url);
            out.push('>');
            escape_text(&word[url.len()..], out);
            return;
        }
    }
    escape_text(word, out);
}

fn escape_text(text: &str, out: &mut String) {
    {
        for c in text.chars() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                c if c.is_control() => out.push(' '),
                c if is_hidden_control(c) => {}
                c => out.push(c),
            }
        }
    }
}

/// Quotes a literal for use inside a doc comment as inline code.
pub fn code(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() || c == '`' { ' ' } else { c })
        .filter(|&c| !is_hidden_control(c))
        .collect();
    format!("`{clean}`")
}

/// `#[doc = " line"]` attributes for already-safe Markdown, one per line.
pub fn attrs(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// Doc attributes from a summary line and, if present, the spec's own description.
pub fn summary_and_description(summary: &str, description: Option<&str>) -> TokenStream {
    let mut markdown = summary.to_owned();
    if let Some(description) = description.map(sanitize).filter(|d| !d.is_empty()) {
        markdown.push_str("\n\n");
        markdown.push_str(&description);
    }
    attrs(&markdown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralizes_markdown_and_code() {
        assert_eq!(
            sanitize("    indented code\n```rust\nx\n```"),
            "indented code\n\\`\\`\\`rust\nx\n\\`\\`\\`"
        );
        assert_eq!(sanitize("see [Foo] <b>"), "see \\[Foo\\] \\<b\\>");
        assert_eq!(sanitize("a\u{202e}b\u{0}c"), "ab c");
        assert_eq!(code("a`b"), "`a b`");
        assert_eq!(sanitize("see https://x.example/a_b."), "see <https://x.example/a_b>.");
    }
}
