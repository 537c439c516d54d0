//! Reads spec files: bytes -> text -> JSON -> [`SpecFile`], collecting every problem on the way.

use std::path::Path;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::model::{AuthSpec, ConnectionSpec, Literal, Located, Property, Schema, SpecFile};
use crate::json_path::JsonPath;
use crate::diagnostic::{Anchor, Diagnostic, Severity};

/// JSON Schema keywords that change what a value may be and that the generator cannot express.
/// Meeting one is an error: silently dropping it would generate a client that sends wrong bodies.
const UNSUPPORTED_KEYWORDS: &[&str] = &[
    "$ref",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
    "const",
    "patternProperties",
    "dependencies",
    "dependentRequired",
    "dependentSchemas",
    "propertyNames",
    "contains",
    "prefixItems",
    "additionalItems",
    "unevaluatedProperties",
    "unevaluatedItems",
];

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

/// Parses the bytes of one spec file.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Parsed {
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
            Diagnostic::new(Severity::Error, path, None, "the spec file is empty")
                .with_help("a spec file holds a connection spec object, an array of them, or {\"items\": [...]}"),
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
                    Some(syntax_error_place(body, &err, bom)),
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
    let mut walker = Walker {
        file: path,
        diagnostics: &mut diagnostics,
    };
    let specs = walker.document(&value);
    Parsed {
        file: Some(SpecFile {
            path: path.to_path_buf(),
            specs,
        }),
        text,
        diagnostics,
    }
}

/// Where a syntax error is. serde_json counts a newline before reporting it, so an error *at* a
/// newline (a string left open at the end of a line) comes as column 0 of the next line: point
/// at the end of the line it is on instead.
fn syntax_error_place(body: &str, err: &serde_json::Error, bom: usize) -> Anchor {
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

/// serde_json's message without its trailing " at line L column C" (the renderer shows the
/// place), and what to do about it.
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
        m if m.starts_with("expected") => "add the missing punctuation at the marked place",
        _ => "fix the JSON syntax at the marked place",
    };
    (message, help)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn literal(value: &Value) -> Literal {
    match value {
        Value::Null => Literal::Null,
        Value::Bool(b) => Literal::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Literal::Integer(i),
            None => Literal::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Literal::String(s.clone()),
        other => Literal::Compound(other.to_string()),
    }
}

struct Walker<'a> {
    file: &'a Path,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Walker<'_> {
    fn error(&mut self, path: &JsonPath, message: String, help: &str) {
        self.diagnostics
            .push(Diagnostic::error(self.file, path, message).with_help(help));
    }

    fn document(&mut self, value: &Value) -> Vec<ConnectionSpec> {
        let root = JsonPath::root();
        match value {
            Value::Array(items) => self.spec_list(items, &root),
            Value::Object(object) if !object.contains_key("id") && object.contains_key("items") => {
                let path = root.key("items");
                match &object["items"] {
                    Value::Array(items) => self.spec_list(items, &path),
                    other => {
                        self.error(
                            &path,
                            format!("`items` must be an array of connection specs, found {}", kind_of(other)),
                            "write the envelope as {\"items\": [ {...}, ... ]}",
                        );
                        Vec::new()
                    }
                }
            }
            Value::Object(object) => self.spec(object, &root).into_iter().collect(),
            other => {
                self.error(
                    &root,
                    format!("expected a connection spec object, found {}", kind_of(other)),
                    "a spec file holds a connection spec object, an array of them, or {\"items\": [...]}",
                );
                Vec::new()
            }
        }
    }

    fn spec_list(&mut self, items: &[Value], path: &JsonPath) -> Vec<ConnectionSpec> {
        if items.is_empty() {
            self.error(
                path,
                "the file holds no connection spec".into(),
                "add at least one connection spec object",
            );
        }
        let mut specs = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let item_path = path.index(index);
            match item {
                Value::Object(object) => specs.extend(self.spec(object, &item_path)),
                other => self.error(
                    &item_path,
                    format!("expected a connection spec object, found {}", kind_of(other)),
                    "each element must be a connection spec object",
                ),
            }
        }
        specs
    }

    /// A required string member.
    fn string(
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

    /// An optional string member.
    fn optional_string(&mut self, object: &Map<String, Value>, key: &str, path: &JsonPath) -> Option<Located<String>> {
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

    fn spec(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Option<ConnectionSpec> {
        let id = self.string(object, "id", path, "the connection spec id, a UUID");
        let name = self.string(
            object,
            "name",
            path,
            "the connector's machine name, such as \"dynamics-online\"",
        );
        let version = match object.get("version") {
            Some(Value::Number(n)) => {
                self.error(
                    &path.key("version"),
                    format!("`version` must be a string, found the number {n}"),
                    &format!("requests send the version as a string: write \"{n}\""),
                );
                None
            }
            _ => self.string(object, "version", path, "the connection spec version, such as \"1.0\""),
        };
        let description = self.optional_string(object, "description", path).map(|d| d.value);
        let provider_id = self.optional_string(object, "providerId", path).map(|p| p.value);
        // A display name is UI metadata: read it when it is plain text, ignore any other shape.
        let display_name = object
            .get("attributes")
            .and_then(|attributes| attributes.get("uiAttributes"))
            .and_then(|ui| ui.get("label"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let auth_path = path.key("authSpec");
        let auth_specs = match object.get("authSpec") {
            Some(Value::Array(entries)) => entries
                .iter()
                .enumerate()
                .filter_map(|(index, entry)| self.auth_spec(entry, &auth_path.index(index)))
                .collect(),
            Some(other) => {
                self.error(
                    &auth_path,
                    format!("`authSpec` must be an array, found {}", kind_of(other)),
                    "write `\"authSpec\": [ {\"name\": ..., \"spec\": {...}} ]`",
                );
                return None;
            }
            None => {
                self.error(
                    path,
                    "missing required field `authSpec`".into(),
                    "add `\"authSpec\": [...]` listing the ways to authenticate (`[]` for a source without credentials)",
                );
                return None;
            }
        };
        let declared_auth_specs = object.get("authSpec").and_then(Value::as_array).map_or(0, Vec::len);
        let complete = id.is_some() && name.is_some() && version.is_some();
        let missing = |key: &str| Located {
            value: String::new(),
            path: path.key(key),
        };
        Some(ConnectionSpec {
            path: path.clone(),
            id: id.unwrap_or_else(|| missing("id")),
            name: name.unwrap_or_else(|| missing("name")),
            version: version.unwrap_or_else(|| missing("version")),
            provider_id,
            display_name,
            description,
            auth_specs,
            declared_auth_specs,
            complete,
        })
    }

    fn auth_spec(&mut self, entry: &Value, path: &JsonPath) -> Option<AuthSpec> {
        let Value::Object(object) = entry else {
            self.error(
                path,
                format!("an auth spec must be an object, found {}", kind_of(entry)),
                "write `{\"name\": \"...\", \"spec\": {...}}`",
            );
            return None;
        };
        let name = self.string(
            object,
            "name",
            path,
            "the auth spec name requests send as `auth.specName`",
        );
        let auth_type = self.optional_string(object, "type", path).map(|t| t.value);
        let schema = match object.get("spec") {
            Some(Value::Object(spec)) => Some(self.schema(spec, &path.key("spec"))),
            Some(other) => {
                self.error(
                    &path.key("spec"),
                    format!("`spec` must be a JSON Schema object, found {}", kind_of(other)),
                    "write `\"spec\": {\"type\": \"object\", \"properties\": {...}}`",
                );
                None
            }
            None => {
                self.error(
                    path,
                    "missing required field `spec`".into(),
                    "add `\"spec\": {\"type\": \"object\", \"properties\": {...}}` describing the params",
                );
                None
            }
        };
        Some(AuthSpec {
            path: path.clone(),
            name: name?,
            auth_type,
            schema: schema?,
        })
    }

    fn schema(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Schema {
        let mut schema = Schema {
            path: path.clone(),
            ..Schema::default()
        };
        for (key, value) in object {
            let key_path = path.key(key);
            match key.as_str() {
                "type" => match value {
                    Value::String(s) => {
                        schema.ty = Some(Located {
                            value: s.clone(),
                            path: key_path,
                        })
                    }
                    Value::Array(_) => schema.unsupported.push(Located {
                        value: "type (as an array)".into(),
                        path: key_path,
                    }),
                    other => self.error(
                        &key_path,
                        format!("`type` must be a string, found {}", kind_of(other)),
                        "use one of \"string\", \"integer\", \"number\", \"boolean\", \"object\", \"array\"",
                    ),
                },
                "description" => schema.description = self.optional_string(object, key, path).map(|d| d.value),
                "title" => schema.title = self.optional_string(object, key, path).map(|d| d.value),
                "format" => schema.format = self.optional_string(object, key, path),
                "pattern" => schema.pattern = self.optional_string(object, key, path),
                "default" => {
                    schema.default = Some(Located {
                        value: literal(value),
                        path: key_path,
                    })
                }
                "enum" => match value {
                    Value::Array(values) => {
                        let values = values
                            .iter()
                            .enumerate()
                            .map(|(i, v)| Located {
                                value: literal(v),
                                path: key_path.index(i),
                            })
                            .collect();
                        schema.enum_values = Some(Located {
                            value: values,
                            path: key_path,
                        });
                    }
                    other => self.error(
                        &key_path,
                        format!("`enum` must be an array of allowed values, found {}", kind_of(other)),
                        "write `\"enum\": [\"a\", \"b\"]`",
                    ),
                },
                "properties" => match value {
                    Value::Object(properties) => {
                        for (name, property) in properties {
                            let property_path = key_path.key(name);
                            match property {
                                Value::Object(property_object) => schema.properties.push(Property {
                                    name: Located {
                                        value: name.clone(),
                                        path: property_path.clone(),
                                    },
                                    schema: self.schema(property_object, &property_path),
                                }),
                                other => {
                                    schema.unreadable.names.push(name.clone());
                                    self.error(
                                        &property_path,
                                        format!("property `{name}` must be a schema object, found {}", kind_of(other)),
                                        "write `{\"type\": \"string\", \"description\": \"...\"}`",
                                    )
                                }
                            }
                        }
                    }
                    other => {
                        schema.unreadable.all = true;
                        self.error(
                            &key_path,
                            format!("`properties` must be an object, found {}", kind_of(other)),
                            "map each param name to its schema: `\"properties\": {\"host\": {\"type\": \"string\"}}`",
                        )
                    }
                },
                "required" => match value {
                    Value::Array(names) => {
                        for (index, name) in names.iter().enumerate() {
                            match name {
                                Value::String(s) => schema.required.push(Located {
                                    value: s.clone(),
                                    path: key_path.index(index),
                                }),
                                other => self.error(
                                    &key_path.index(index),
                                    format!("`required` must list property names, found {}", kind_of(other)),
                                    "write the name of a property as a string",
                                ),
                            }
                        }
                    }
                    other => self.error(
                        &key_path,
                        format!(
                            "`required` must be an array of property names, found {}",
                            kind_of(other)
                        ),
                        "write `\"required\": [\"host\", \"password\"]`",
                    ),
                },
                "items" => match value {
                    Value::Object(items) => schema.items = Some(Box::new(self.schema(items, &key_path))),
                    _ => schema.unsupported.push(Located {
                        value: "items (as a list of schemas)".into(),
                        path: key_path,
                    }),
                },
                "additionalProperties" | "additionalItems" if value.is_boolean() => {}
                "additionalProperties" => schema.unsupported.push(Located {
                    value: "additionalProperties (as a schema)".into(),
                    path: key_path,
                }),
                other if UNSUPPORTED_KEYWORDS.contains(&other) => schema.unsupported.push(Located {
                    value: other.to_owned(),
                    path: key_path,
                }),
                // Everything else (`$schema`, `examples`, `uiAttributes`, `restAttributes`, ...) is
                // documentation or UI hinting that does not change what the service accepts.
                _ => {}
            }
        }
        schema
    }
}
