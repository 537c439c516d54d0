//! Random connection specs that are well-formed by construction: every type, `required`, secret,
//! default, pattern and enum is one the generator supports. Names and descriptions come from a
//! hostile alphabet (keywords, digits, punctuation, unicode, bidi marks, comment and attribute
//! syntax), so a catalog may still be rejected by the naming policy; [`Catalog::plain`]
//! renames everything to distinct simple identifiers, which must always be accepted.
//!
//! This file is the model of such a catalog and its JSON; `strategy.rs` makes random ones.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

mod strategy;

pub use strategy::catalog;

/// The type of one param (with what its schema says besides `type`).
#[derive(Clone, Debug)]
pub enum ParamType {
    /// A string, maybe with a `pattern`.
    String {
        pattern: Option<&'static str>,
    },
    Integer,
    Number,
    Boolean,
    /// A string enum; `typed` says whether `"type": "string"` is written (it may be left out).
    Enum {
        values: Vec<String>,
        typed: bool,
    },
    /// An array of a scalar or enum type.
    Array(Box<ParamType>),
    /// A nested object; `typed` as for enums.
    Object {
        params: Vec<Param>,
        typed: bool,
    },
}

/// One member of `properties`.
#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub ty: ParamType,
    pub required: bool,
    /// `format: password`; only ever set on strings and arrays of strings.
    pub secret: bool,
    pub default: Option<Value>,
    pub description: Option<String>,
}

/// One entry of `authSpec`.
#[derive(Clone, Debug)]
pub struct AuthSpec {
    pub name: String,
    /// The free-text `type`.
    pub auth_type: Option<String>,
    pub description: Option<String>,
    pub params: Vec<Param>,
}

/// One connection spec.
#[derive(Clone, Debug)]
pub struct Connector {
    pub id: String,
    pub name: String,
    pub version: String,
    /// The human name, written as `attributes.uiAttributes.label`.
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub auth_specs: Vec<AuthSpec>,
}

/// How the connectors are laid out in files.
#[derive(Clone, Copy, Debug)]
pub enum Layout {
    /// One object per file.
    FilePerConnector,
    /// All in one file, as an array.
    Array,
    /// All in one file, as `{"items": [...]}`.
    Envelope,
}

/// A catalog: 1-3 connectors.
#[derive(Clone, Debug)]
pub struct Catalog {
    pub connectors: Vec<Connector>,
    pub layout: Layout,
}

impl ParamType {
    fn schema(&self) -> Map<String, Value> {
        let mut schema = Map::new();
        match self {
            ParamType::String { pattern } => {
                schema.insert("type".into(), json!("string"));
                if let Some(pattern) = pattern {
                    schema.insert("pattern".into(), json!(pattern));
                }
            }
            ParamType::Integer => _ = schema.insert("type".into(), json!("integer")),
            ParamType::Number => _ = schema.insert("type".into(), json!("number")),
            ParamType::Boolean => _ = schema.insert("type".into(), json!("boolean")),
            ParamType::Enum { values, typed } => {
                if *typed {
                    schema.insert("type".into(), json!("string"));
                }
                schema.insert("enum".into(), json!(values));
            }
            ParamType::Array(item) => {
                schema.insert("type".into(), json!("array"));
                schema.insert("items".into(), Value::Object(item.schema()));
            }
            ParamType::Object { params, typed } => {
                if *typed {
                    schema.insert("type".into(), json!("object"));
                }
                schema.extend(object_members(params));
            }
        }
        schema
    }
}

/// `properties` and `required` of an object schema.
fn object_members(params: &[Param]) -> Map<String, Value> {
    let mut properties = Map::new();
    for param in params {
        let mut schema = param.ty.schema();
        if param.secret {
            match &param.ty {
                ParamType::Array(_) => {
                    if let Some(Value::Object(items)) = schema.get_mut("items") {
                        items.insert("format".into(), json!("password"));
                    }
                }
                _ => _ = schema.insert("format".into(), json!("password")),
            }
        }
        if let Some(default) = &param.default {
            schema.insert("default".into(), default.clone());
        }
        if let Some(description) = &param.description {
            schema.insert("description".into(), json!(description));
        }
        properties.insert(param.name.clone(), Value::Object(schema));
    }
    let required: Vec<&str> = params.iter().filter(|p| p.required).map(|p| p.name.as_str()).collect();
    let mut members = Map::new();
    members.insert("properties".into(), Value::Object(properties));
    members.insert("required".into(), json!(required));
    members
}

impl Connector {
    /// The connection spec as JSON.
    pub fn json(&self) -> Value {
        let auth_specs: Vec<Value> = self
            .auth_specs
            .iter()
            .map(|auth| {
                let mut schema = Map::new();
                schema.insert("$schema".into(), json!("http://json-schema.org/draft-07/schema#"));
                schema.insert("type".into(), json!("object"));
                if let Some(description) = &auth.description {
                    schema.insert("description".into(), json!(description));
                }
                schema.extend(object_members(&auth.params));
                let mut entry = Map::new();
                entry.insert("name".into(), json!(auth.name));
                if let Some(auth_type) = &auth.auth_type {
                    entry.insert("type".into(), json!(auth_type));
                }
                entry.insert("spec".into(), Value::Object(schema));
                Value::Object(entry)
            })
            .collect();
        let mut spec = Map::new();
        spec.insert("id".into(), json!(self.id));
        spec.insert("name".into(), json!(self.name));
        spec.insert("version".into(), json!(self.version));
        if let Some(description) = &self.description {
            spec.insert("description".into(), json!(description));
        }
        if let Some(display_name) = &self.display_name {
            spec.insert("attributes".into(), json!({"uiAttributes": {"label": display_name}}));
        }
        spec.insert("authSpec".into(), Value::Array(auth_specs));
        Value::Object(spec)
    }
}

impl Catalog {
    /// The same catalog with every connector, auth spec, param and enum value renamed to a
    /// distinct simple identifier, and distinct UUIDs: the generator must accept it.
    pub fn plain(mut self) -> Self {
        fn rename(params: &mut [Param], counter: &mut usize) {
            for param in params {
                *counter += 1;
                param.name = format!("p{counter}");
                match &mut param.ty {
                    ParamType::Enum { values, .. } => rename_values(values, &mut param.default, counter),
                    ParamType::Array(item) => {
                        if let ParamType::Enum { values, .. } = &mut **item {
                            rename_values(values, &mut None, counter);
                        }
                    }
                    ParamType::Object { params, .. } => rename(params, counter),
                    _ => {}
                }
            }
        }
        fn rename_values(values: &mut [String], default: &mut Option<Value>, counter: &mut usize) {
            for value in values.iter_mut() {
                *counter += 1;
                let plain = format!("v{counter}");
                if default.as_ref().and_then(Value::as_str) == Some(value.as_str()) {
                    *default = Some(json!(plain));
                }
                *value = plain;
            }
        }
        let mut counter = 0;
        for (index, connector) in self.connectors.iter_mut().enumerate() {
            connector.id = format!("00000000-0000-4000-8000-{index:012}");
            connector.name = format!("c{index}-src");
            for auth in &mut connector.auth_specs {
                counter += 1;
                auth.name = format!("Auth {counter}");
                rename(&mut auth.params, &mut counter);
            }
        }
        self
    }

    /// Every spec file of the catalog: name and JSON.
    pub fn files(&self) -> Vec<(String, Value)> {
        let specs = self.connectors.iter().map(Connector::json);
        match self.layout {
            Layout::FilePerConnector => specs
                .enumerate()
                .map(|(index, spec)| (format!("spec-{index}.json"), spec))
                .collect(),
            Layout::Array => vec![("specs.json".into(), Value::Array(specs.collect()))],
            Layout::Envelope => vec![("specs.json".into(), json!({ "items": specs.collect::<Vec<_>>() }))],
        }
    }

    /// Writes the spec files into `dir`; returns their paths.
    pub fn write(&self, dir: &Path) -> Vec<PathBuf> {
        self.files()
            .into_iter()
            .map(|(name, value)| {
                let path = dir.join(name);
                let text = serde_json::to_string_pretty(&value).expect("JSON");
                std::fs::write(&path, text).expect("write spec");
                path
            })
            .collect()
    }

    /// How many auth specs there are in all.
    pub fn auth_spec_count(&self) -> usize {
        self.connectors.iter().map(|c| c.auth_specs.len()).sum()
    }
}
