//! What reading a spec document needs at every level: the reader that collects diagnostics for one
//! file, its typed-member helpers, and how JSON values are named in messages. Shared by
//! [`walk`](super::walk) (documents and connection specs) and [`schema`](super::schema).

use std::path::Path;

use serde_json::{Map, Value};

use super::model::Located;
use crate::diagnostic::Diagnostic;
use crate::json_path::JsonPath;

/// How a JSON value is named in messages (`a string`, `an array`).
pub(super) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads one file's document, reporting into `diagnostics`.
pub(super) struct Walker<'a> {
    pub(super) file: &'a Path,
    pub(super) diagnostics: &'a mut Vec<Diagnostic>,
}

impl Walker<'_> {
    pub(super) fn error(&mut self, path: &JsonPath, message: String, help: &str) {
        self.diagnostics
            .push(Diagnostic::error(self.file, path, message).with_help(help));
    }

    /// An optional string member.
    pub(super) fn optional_string(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        path: &JsonPath,
    ) -> Option<Located<String>> {
        match object.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(Located {
                value: s.clone(),
                path: path.key(key),
            }),
            Some(other) => {
                self.error(
                    &path.key(key),
                    format!("`{key}` must be a string, found {}", kind_of(other)),
                    "write it as a JSON string or remove it",
                );
                None
            }
        }
    }

    /// A required string member.
    pub(super) fn string(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        path: &JsonPath,
        what: &str,
    ) -> Option<Located<String>> {
        let member_path = path.key(key);
        match object.get(key) {
            Some(Value::String(s)) => Some(Located {
                value: s.clone(),
                path: member_path,
            }),
            Some(other) => {
                let help = format!("write {what} as a JSON string");
                self.error(
                    &member_path,
                    format!("`{key}` must be a string, found {}", kind_of(other)),
                    &help,
                );
                None
            }
            None => {
                let help = format!("add `\"{key}\"`: {what}");
                self.error(path, format!("missing required field `{key}`"), &help);
                None
            }
        }
    }
}
