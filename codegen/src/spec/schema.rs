//! Reads a JSON Schema object (an auth spec's `spec`, a param's schema) into a [`Schema`]: the
//! keywords the generator understands, and those it meets but cannot express.

use serde_json::{Map, Value};

use super::model::{Literal, Located, Property, Schema};
use super::reader::{Walker, kind_of};
use crate::json_path::JsonPath;

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

/// A JSON value as a [`Literal`], free of `serde_json`'s types.
pub(super) fn literal(value: &Value) -> Literal {
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

impl Walker<'_> {
    /// The schema `object` at `path`, read recursively.
    pub(super) fn schema(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Schema {
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
