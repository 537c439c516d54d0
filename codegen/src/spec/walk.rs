//! Reads a well-formed JSON document into [`ConnectionSpec`]s: the members the generator reads
//! ([`fields`](super::fields)), with a diagnostic for each that is missing or of the wrong type.
//! Schemas are read by [`schema`](super::schema).

use std::path::Path;

use serde_json::{Map, Value};

use super::fields;
use super::model::{AuthSpec, ConnectionSpec, Located};
use super::reader::{Walker, kind_of};
use crate::diagnostic::Diagnostic;
use crate::json_path::JsonPath;

/// The connection specs of a document (one object, an array, or an `{"items": [...]}` envelope)
/// in `file`; problems are appended to `diagnostics`.
pub fn document(file: &Path, value: &Value, diagnostics: &mut Vec<Diagnostic>) -> Vec<ConnectionSpec> {
    Walker { file, diagnostics }.document(value)
}

impl Walker<'_> {
    fn document(&mut self, value: &Value) -> Vec<ConnectionSpec> {
        self.items(value, "connection spec")
            .into_iter()
            .filter_map(|(object, path)| self.spec(object, &path))
            .collect()
    }

    /// The item objects of a document (one object, an array, or an `{"items": [...]}` envelope),
    /// with their paths; `what` names an item in messages (`connection spec`, `flow spec`).
    pub(super) fn items<'v>(&mut self, value: &'v Value, what: &str) -> Vec<(&'v Map<String, Value>, JsonPath)> {
        let root = JsonPath::root();
        match value {
            Value::Array(items) => self.item_list(items, &root, what),
            Value::Object(object) if !object.contains_key(fields::ID) && object.contains_key("items") => {
                let path = root.key("items");
                match &object["items"] {
                    Value::Array(items) => self.item_list(items, &path, what),
                    other => {
                        self.error(
                            &path,
                            format!("`items` must be an array of {what}s, found {}", kind_of(other)),
                            "write the envelope as {\"items\": [ {...}, ... ]}",
                        );
                        Vec::new()
                    }
                }
            }
            Value::Object(object) => vec![(object, root)],
            other => {
                self.error(
                    &root,
                    format!("expected a {what} object, found {}", kind_of(other)),
                    &format!("a spec file holds a {what} object, an array of them, or {{\"items\": [...]}}"),
                );
                Vec::new()
            }
        }
    }

    fn item_list<'v>(
        &mut self,
        items: &'v [Value],
        path: &JsonPath,
        what: &str,
    ) -> Vec<(&'v Map<String, Value>, JsonPath)> {
        if items.is_empty() {
            self.error(
                path,
                format!("the file holds no {what}"),
                &format!("add at least one {what} object"),
            );
        }
        let mut objects = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let item_path = path.index(index);
            match item {
                Value::Object(object) => objects.push((object, item_path)),
                other => self.error(
                    &item_path,
                    format!("expected a {what} object, found {}", kind_of(other)),
                    &format!("each element must be a {what} object"),
                ),
            }
        }
        objects
    }

    fn spec(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Option<ConnectionSpec> {
        let id = self.string(object, fields::ID, path, "the connection spec id, a UUID");
        let name = self.string(
            object,
            fields::NAME,
            path,
            "the connector's machine name, such as \"dynamics-online\"",
        );
        let version = match object.get(fields::VERSION) {
            Some(Value::Number(n)) => {
                self.error(
                    &path.key(fields::VERSION),
                    format!("`version` must be a string, found the number {n}"),
                    &format!("requests send the version as a string: write \"{n}\""),
                );
                None
            }
            _ => self.string(
                object,
                fields::VERSION,
                path,
                "the connection spec version, such as \"1.0\"",
            ),
        };
        let description = self.optional_string(object, fields::DESCRIPTION, path).map(|d| d.value);
        let provider_id = self.optional_string(object, fields::PROVIDER_ID, path).map(|p| p.value);
        // A display name is UI metadata: read it when it is plain text, ignore any other shape.
        let display_name = fields::display_name(object).and_then(Value::as_str).map(str::to_owned);
        let source = self.source_spec(object, path);
        let explore = self.explore_spec(object, path);
        let auth_path = path.key(fields::AUTH_SPEC);
        let auth_specs = match object.get(fields::AUTH_SPEC) {
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
        let declared_auth_specs = object
            .get(fields::AUTH_SPEC)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let complete = id.is_some() && name.is_some() && version.is_some();
        let missing = |key: &str| Located {
            value: String::new(),
            path: path.key(key),
        };
        Some(ConnectionSpec {
            path: path.clone(),
            id: id.unwrap_or_else(|| missing(fields::ID)),
            name: name.unwrap_or_else(|| missing(fields::NAME)),
            version: version.unwrap_or_else(|| missing(fields::VERSION)),
            provider_id,
            display_name,
            description,
            auth_specs,
            declared_auth_specs,
            source,
            explore,
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
            fields::NAME,
            path,
            "the auth spec name requests send as `auth.specName`",
        );
        let auth_type = self.optional_string(object, fields::AUTH_TYPE, path).map(|t| t.value);
        let schema = match object.get(fields::AUTH_SCHEMA) {
            Some(Value::Object(spec)) => Some(self.schema(spec, &path.key(fields::AUTH_SCHEMA))),
            Some(other) => {
                self.error(
                    &path.key(fields::AUTH_SCHEMA),
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
}
