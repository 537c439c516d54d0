//! Random connection specs that are well-formed by construction: every type, `required`, secret,
//! default, pattern and enum is one the generator supports. Names and descriptions come from a
//! hostile alphabet (keywords, digits, punctuation, unicode, bidi marks, comment and attribute
//! syntax), so a catalog may still be rejected by the naming policy; [`Catalog::plain`]
//! renames everything to distinct simple identifiers, which must always be accepted.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::string::string_regex;
use serde_json::{Map, Value, json};

/// The value of one param.
#[derive(Clone, Debug)]
pub enum Kind {
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
    /// An array of a scalar or enum kind.
    Array(Box<Kind>),
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
    pub kind: Kind,
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
    pub kind: Option<String>,
    pub description: Option<String>,
    pub params: Vec<Param>,
}

/// One connection spec.
#[derive(Clone, Debug)]
pub struct Connector {
    pub id: String,
    pub name: String,
    pub version: String,
    pub label: Option<String>,
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

/// Patterns the `regex` crate accepts.
const PATTERNS: &[&str] = &[
    "^[a-z]+$",
    "^\\d{4}-\\d{2}$",
    ".*",
    "^(a|b)c?$",
    "[\\p{L}&&[^x]]+",
    "\\\\\\n\"/",
];

/// Param, auth spec and connector names chosen to stress the naming policy: keywords, method names,
/// names that fold together, leading digits, punctuation, quotes and unicode around ASCII letters.
const TRICKY_NAMES: &[&str] = &[
    "type",
    "self",
    "Self",
    "super",
    "crate",
    "gen",
    "async",
    "r#type",
    "build",
    "builder",
    "default",
    "new",
    "mod",
    "fn",
    "clientId",
    "clientID",
    "client_id",
    "client-id",
    "3rdParty",
    "2",
    "Type",
    "Build",
    "OAuth2",
    "oauth_2",
    "já",
    "a\u{202e}b",
    "\"quoted\"",
    "it's",
    "a&b",
    "x y",
    "#[x]",
    "tab\there",
    "*/x",
    "x}",
    "\\y",
    "日本x",
    "🎉z",
];

/// Names with no ASCII letter or digit: no Rust identifier can be made from them.
const UNUSABLE_NAMES: &[&str] = &["日本", "🎉", "*/", "}", "\\", "_", " ", "-"];

/// Fragments of hostile free text: comment and attribute syntax, Markdown, control characters,
/// bidi marks, emoji.
const TEXT_FRAGMENTS: &[&str] = &[
    "*/",
    "/*",
    "//",
    "\"",
    "\\",
    "#[",
    "#![deny(warnings)]",
    "}",
    "{",
    "\n",
    "\r\n",
    "\0",
    "\u{7}",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
    "🎉",
    "```",
    "    indented code",
    "<script>",
    "[link]",
    "https://x.example/a_b.",
    "r#\"",
    "# Heading",
    "| a | b |",
    "~~",
    "plain words",
    "'",
    "\t",
    "\u{feff}",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(select(TEXT_FRAGMENTS), 0..6).prop_map(|parts| parts.concat()),
        string_regex("(?s).{0,16}").expect("regex"),
    ]
}

/// Any name: mostly simple or tricky identifiers, some random hostile text, a few unusable.
pub fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        60 => string_regex("[a-z][a-zA-Z0-9]{0,8}").expect("regex"),
        30 => select(TRICKY_NAMES).prop_map(str::to_owned),
        10 => string_regex("[a-zA-Z][a-zA-Z0-9 &\"'_.#é日🎉\u{202e}-]{0,9}").expect("regex"),
        5 => string_regex("[0-9][a-z0-9_]{0,5}").expect("regex"),
        1 => select(UNUSABLE_NAMES).prop_map(str::to_owned),
    ]
}

fn uuid() -> impl Strategy<Value = String> {
    string_regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").expect("regex")
}

fn scalar() -> impl Strategy<Value = Kind> {
    prop_oneof![
        3 => proptest::option::of(select(PATTERNS)).prop_map(|pattern| Kind::String { pattern }),
        1 => Just(Kind::Integer),
        1 => Just(Kind::Number),
        1 => Just(Kind::Boolean),
        2 => (proptest::collection::vec(name(), 1..4), any::<bool>())
            .prop_map(|(values, typed)| Kind::Enum { values, typed }),
    ]
}

/// Raw randomness for the optional parts of a param, resolved against its kind.
#[derive(Clone, Debug)]
struct Extras {
    required: bool,
    secret: bool,
    default: Option<(i64, f64, bool, String, Index, u8)>,
    description: Option<String>,
}

fn extras() -> impl Strategy<Value = Extras> {
    let default = proptest::option::weighted(
        0.3,
        (
            any::<i64>(),
            prop_oneof![proptest::num::f64::NORMAL, Just(0.0), Just(-0.0), Just(f64::MAX)],
            any::<bool>(),
            text(),
            any::<Index>(),
            any::<u8>(),
        ),
    );
    (
        any::<bool>(),
        proptest::bool::weighted(0.2),
        default,
        proptest::option::of(text()),
    )
        .prop_map(|(required, secret, default, description)| Extras {
            required,
            secret,
            default,
            description,
        })
}

fn param(kind: impl Strategy<Value = Kind>) -> impl Strategy<Value = Param> {
    (name(), kind, extras()).prop_map(|(name, kind, extras)| {
        let secret = extras.secret
            && match &kind {
                Kind::String { .. } => true,
                Kind::Array(item) => matches!(**item, Kind::String { .. }),
                _ => false,
            };
        let default = extras
            .default
            .and_then(|(int, float, boolean, string, index, pick)| match &kind {
                Kind::String { pattern: None } => Some(json!(string)),
                // A default must match the pattern only at run time; keep it simple and matching.
                Kind::String { pattern: Some(_) } => None,
                Kind::Integer => Some(json!(int)),
                Kind::Number if pick.is_multiple_of(2) => Some(json!(int)),
                Kind::Number => Some(json!(float)),
                Kind::Boolean => Some(json!(boolean)),
                Kind::Enum { values, .. } => Some(json!(values[index.index(values.len())])),
                Kind::Array(_) | Kind::Object { .. } => None,
            });
        Param {
            name,
            kind,
            required: extras.required,
            secret,
            default,
            description: extras.description,
        }
    })
}

/// A param kind: scalars, arrays of scalars, and objects nested up to two levels.
fn kind() -> impl Strategy<Value = Kind> {
    let leaf = prop_oneof![
        4 => scalar(),
        1 => scalar().prop_map(|item| match item {
            // `pattern` is not supported on array items.
            Kind::String { .. } => Kind::Array(Box::new(Kind::String { pattern: None })),
            other => Kind::Array(Box::new(other)),
        }),
    ];
    leaf.prop_recursive(2, 16, 4, |inner| {
        (proptest::collection::vec(param(inner), 1..4), any::<bool>())
            .prop_map(|(params, typed)| Kind::Object { params, typed })
    })
}

fn auth_spec() -> impl Strategy<Value = AuthSpec> {
    (
        name(),
        proptest::option::of(select(&["OAuth2", "Basic", "KeyBased", "\"odd\" type"][..])),
        proptest::option::of(text()),
        proptest::collection::vec(param(kind()), 0..5),
    )
        .prop_map(|(name, kind, description, params)| AuthSpec {
            name,
            kind: kind.map(str::to_owned),
            description,
            params,
        })
}

fn connector() -> impl Strategy<Value = Connector> {
    let machine_name = prop_oneof![
        3 => string_regex("[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,6}){0,2}").expect("regex"),
        1 => name(),
    ];
    // Ids that are not UUIDs are only warned about, so any non-blank text goes through.
    let id = prop_oneof![
        4 => uuid(),
        1 => select(&["{CONNECTION_SPEC_ID}", "b66ab34-8619"][..]).prop_map(str::to_owned),
        1 => text().prop_map(|text| format!("id{text}")),
    ];
    (
        id,
        machine_name,
        select(&["1.0", "2.1", "0.1-beta"][..]),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::collection::vec(auth_spec(), 0..4),
    )
        .prop_map(|(id, name, version, label, description, auth_specs)| Connector {
            id,
            name,
            version: version.to_owned(),
            label,
            description,
            auth_specs,
        })
}

/// A catalog of 1-3 connectors with hostile names.
pub fn catalog() -> impl Strategy<Value = Catalog> {
    (
        proptest::collection::vec(connector(), 1..4),
        select(&[Layout::FilePerConnector, Layout::Array, Layout::Envelope][..]),
    )
        .prop_map(|(connectors, layout)| Catalog { connectors, layout })
}

impl Kind {
    fn schema(&self) -> Map<String, Value> {
        let mut schema = Map::new();
        match self {
            Kind::String { pattern } => {
                schema.insert("type".into(), json!("string"));
                if let Some(pattern) = pattern {
                    schema.insert("pattern".into(), json!(pattern));
                }
            }
            Kind::Integer => _ = schema.insert("type".into(), json!("integer")),
            Kind::Number => _ = schema.insert("type".into(), json!("number")),
            Kind::Boolean => _ = schema.insert("type".into(), json!("boolean")),
            Kind::Enum { values, typed } => {
                if *typed {
                    schema.insert("type".into(), json!("string"));
                }
                schema.insert("enum".into(), json!(values));
            }
            Kind::Array(item) => {
                schema.insert("type".into(), json!("array"));
                schema.insert("items".into(), Value::Object(item.schema()));
            }
            Kind::Object { params, typed } => {
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
        let mut schema = param.kind.schema();
        if param.secret {
            match &param.kind {
                Kind::Array(_) => {
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
                if let Some(kind) = &auth.kind {
                    entry.insert("type".into(), json!(kind));
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
        if let Some(label) = &self.label {
            spec.insert("attributes".into(), json!({"uiAttributes": {"label": label}}));
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
                match &mut param.kind {
                    Kind::Enum { values, .. } => rename_values(values, &mut param.default, counter),
                    Kind::Array(item) => {
                        if let Kind::Enum { values, .. } = &mut **item {
                            rename_values(values, &mut None, counter);
                        }
                    }
                    Kind::Object { params, .. } => rename(params, counter),
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
