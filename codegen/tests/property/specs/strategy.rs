//! The proptest strategies that make random [`Catalog`]s: names and text from a hostile
//! alphabet, every param type the generator supports, with optional parts resolved so the result
//! stays well-formed.

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::string::string_regex;
use serde_json::json;

use super::{AuthSpec, Catalog, Connector, Layout, Param, ParamType};

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
    "name",
    "description",
    "params",
    "Patch",
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

fn scalar() -> impl Strategy<Value = ParamType> {
    prop_oneof![
        3 => proptest::option::of(select(PATTERNS)).prop_map(|pattern| ParamType::String { pattern }),
        1 => Just(ParamType::Integer),
        1 => Just(ParamType::Number),
        1 => Just(ParamType::Boolean),
        2 => (proptest::collection::vec(name(), 1..4), any::<bool>())
            .prop_map(|(values, typed)| ParamType::Enum { values, typed }),
    ]
}

/// Raw randomness for the optional parts of a param, resolved against its type.
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

fn param(ty: impl Strategy<Value = ParamType>) -> impl Strategy<Value = Param> {
    (name(), ty, extras()).prop_map(|(name, ty, extras)| {
        let secret = extras.secret
            && match &ty {
                ParamType::String { .. } => true,
                ParamType::Array(item) => matches!(**item, ParamType::String { .. }),
                _ => false,
            };
        let default = extras
            .default
            .and_then(|(int, float, boolean, string, index, pick)| match &ty {
                ParamType::String { pattern: None } => Some(json!(string)),
                // A default must match the pattern only at run time; keep it simple and matching.
                ParamType::String { pattern: Some(_) } => None,
                ParamType::Integer => Some(json!(int)),
                ParamType::Number if pick.is_multiple_of(2) => Some(json!(int)),
                ParamType::Number => Some(json!(float)),
                ParamType::Boolean => Some(json!(boolean)),
                ParamType::Enum { values, .. } => Some(json!(values[index.index(values.len())])),
                ParamType::Array(_) | ParamType::Object { .. } => None,
            });
        Param {
            name,
            ty,
            required: extras.required,
            secret,
            default,
            description: extras.description,
        }
    })
}

/// A param type: scalars, arrays of scalars, and objects nested up to two levels.
fn param_type() -> impl Strategy<Value = ParamType> {
    let leaf = prop_oneof![
        4 => scalar(),
        1 => scalar().prop_map(|item| match item {
            // `pattern` is not supported on array items.
            ParamType::String { .. } => ParamType::Array(Box::new(ParamType::String { pattern: None })),
            other => ParamType::Array(Box::new(other)),
        }),
    ];
    leaf.prop_recursive(2, 16, 4, |inner| {
        (proptest::collection::vec(param(inner), 1..4), any::<bool>())
            .prop_map(|(params, typed)| ParamType::Object { params, typed })
    })
}

fn auth_spec() -> impl Strategy<Value = AuthSpec> {
    (
        name(),
        proptest::option::of(select(&["OAuth2", "Basic", "KeyBased", "\"odd\" type"][..])),
        proptest::option::of(text()),
        proptest::collection::vec(param(param_type()), 0..5),
    )
        .prop_map(|(name, auth_type, description, params)| AuthSpec {
            name,
            auth_type: auth_type.map(str::to_owned),
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
        .prop_map(|(id, name, version, display_name, description, auth_specs)| Connector {
            id,
            name,
            version: version.to_owned(),
            display_name,
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
