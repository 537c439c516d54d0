//! Reads spec files: bytes -> text -> JSON, with a diagnostic for every way that can fail; the
//! JSON document is then read into the model by [`walk`](super::walk).

use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use super::model::{DocumentKind, SpecFile};
use super::{flow, walk};
use crate::diagnostic::{Anchor, Diagnostic, Severity};
/// The outcome of reading one file: the specs it holds (if it could be read at all), the text for
/// quoting, and every diagnostic found.
pub struct Parsed {
    /// The file, when its JSON was well-formed.
    pub file: Option<SpecFile>,
    /// The text as read (lossy for non-UTF-8 input), for diagnostics.
    pub text: Arc<str>,
    /// Everything found wrong.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses the bytes of one spec file holding documents of `kind`.
pub fn parse_document(path: &Path, bytes: &[u8], kind: DocumentKind) -> Parsed {
    let mut diagnostics = Vec::new();
    let text: Arc<str> = match std::str::from_utf8(bytes) {
        Ok(text) => Arc::from(text),
        Err(err) => {
            let lossy: Arc<str> = Arc::from(String::from_utf8_lossy(bytes).into_owned());
            let offset = String::from_utf8_lossy(&bytes[..err.valid_up_to()]).len();
            diagnostics.push(
                Diagnostic::new(
                    Severity::Error,
                    path,
                    Some(Anchor::Offset(offset)),
                    format!("the file is not valid UTF-8 (bad byte at offset {})", err.valid_up_to()),
                )
                .with_help("save the spec file as UTF-8"),
            );
            return Parsed {
                file: None,
                text: lossy,
                diagnostics,
            };
        }
    };
    let body = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    path,
                    Some(Anchor::Offset(0)),
                    "the file starts with a byte-order mark; it was ignored",
                )
                .with_help("save the file as UTF-8 without a byte-order mark"),
            );
            rest
        }
        None => &text[..],
    };
    if body.trim().is_empty() {
        diagnostics.push(
            Diagnostic::new(Severity::Error, path, None, "the spec file is empty").with_help(match kind {
                DocumentKind::ConnectionSpecs => {
                    "a spec file holds a connection spec object, an array of them, or {\"items\": [...]}"
                }
                DocumentKind::FlowSpecs => {
                    "a flow spec file holds a flow spec object, an array of them, or {\"items\": [...]}"
                }
            }),
        );
        return Parsed {
            file: None,
            text,
            diagnostics,
        };
    }
    let value: Value = match serde_json::from_str(body) {
        Ok(value) => value,
        Err(err) => {
            let bom = usize::from(body.len() != text.len());
            let (message, help) = syntax_message(&err);
            diagnostics.push(
                Diagnostic::new(
                    Severity::Error,
                    path,
                    Some(syntax_error_anchor(body, &err, bom)),
                    format!("malformed JSON: {message}"),
                )
                .with_help(help),
            );
            return Parsed {
                file: None,
                text,
                diagnostics,
            };
        }
    };
    let (specs, flow_specs) = match kind {
        DocumentKind::ConnectionSpecs => (walk::document(path, &value, &mut diagnostics), Vec::new()),
        DocumentKind::FlowSpecs => (Vec::new(), flow::document(path, &value, &mut diagnostics)),
    };
    Parsed {
        file: Some(SpecFile {
            path: path.to_path_buf(),
            specs,
            flow_specs,
        }),
        text,
        diagnostics,
    }
}

/// Where a syntax error is. serde_json counts a newline before reporting it, so an error *at* a
/// newline (a string left open at the end of a line) comes as column 0 of the next line: point
/// at the end of the line it is on instead.
fn syntax_error_anchor(body: &str, err: &serde_json::Error, bom: usize) -> Anchor {
    let (line, column) = (err.line().max(1), err.column());
    if column == 0 && line > 1 {
        let previous = body.lines().nth(line - 2).unwrap_or_default();
        return Anchor::LineColumn {
            line: line - 1,
            column: previous.chars().count() + 1 + if line == 2 { bom } else { 0 },
        };
    }
    Anchor::LineColumn {
        line,
        column: column.max(1) + if line == 1 { bom } else { 0 },
    }
}

/// serde_json's message without its trailing " at line L column C" (the report shows the
/// location), and what to do about it.
fn syntax_message(err: &serde_json::Error) -> (String, &'static str) {
    let full = err.to_string();
    let message = match full.rfind(" at line ") {
        Some(index) => full[..index].to_owned(),
        None => full,
    };
    let help = match message.as_str() {
        "recursion limit exceeded" => {
            return (
                "arrays and objects nest more than 128 levels deep".into(),
                "a connection spec nests a few levels deep; check that this is a spec file",
            );
        }
        "trailing comma" => "remove the comma after the last member",
        "key must be a string" => "write keys in double quotes; JSON has no comments and no single-quoted strings",
        "trailing characters" => {
            "the spec ended before this point; remove what follows, or put several specs in an array"
        }
        m if m.starts_with("EOF while parsing") => "the file ends early: close every open `{`, `[` and string",
        m if m.starts_with("control character") => {
            "a string is not closed on its line, or holds a raw control character; close it with `\"` or \
             escape the character (`\\n`, `\\t`)"
        }
        m if m.starts_with("expected") => "add the missing punctuation at the marked location",
        _ => "fix the JSON syntax at the marked location",
    };
    (message, help)
}
