//! Code generated at build time from `fixtures/generate/` (as a downstream build script would):
//! it must compile warning-free and behave, for the shapes the real catalog does not have.

// A test binary uses only part of the generated API; clippy still checks all of it.
#[allow(dead_code)]
pub(crate) mod generated {
    include!(concat!(env!("OUT_DIR"), "/fixture_catalog/mod.rs"));
}

use flow_connectors::{BuildError, CreateConnection};
use generated::AnyConnection;
use generated::n2nd_edge_cases::{Mode, N2LeggedOAuthKeys, Options, Regions};
use generated::no_auth_source::NoAuth;
use serde_json::{Value, json};

fn edge_auth() -> N2LeggedOAuthKeys {
    N2LeggedOAuthKeys::builder()
        .type_("kind")
        .self_("me")
        .client_id("plain-id")
        .client_i_d("secret-id")
        .build_value(7)
        .n3rd_party(true)
        .regions([Regions::UsEast, Regions::EuWest])
        .tokens(["t1", "t2"])
        .options(Options::builder().retries(3).build().expect("no pattern value set"))
        .build()
        .expect("valid")
}

#[test]
fn edge_case_names_reach_the_exact_wire_names() {
    let connection = CreateConnection::new("edge", edge_auth());
    let body = serde_json::to_value(&connection).expect("serializes");
    assert_eq!(
        body["auth"],
        json!({
            "specName": "2-legged OAuth & Keys",
            "params": {
                "type": "kind",
                "self": "me",
                "clientId": "plain-id",
                "clientID": "secret-id",
                "build": 7,
                "3rdParty": true,
                "regions": ["us-east", "eu-west"],
                "tokens": ["t1", "t2"],
                // `mode` is required with a default: build() filled it in.
                "options": {"mode": "safe", "retries": 3}
            }
        })
    );
    let decoded: AnyConnection = serde_json::from_value(body.clone()).expect("reads back");
    assert_eq!(serde_json::to_value(&decoded).expect("serializes"), body);
}

#[test]
fn secrets_in_arrays_and_folded_names_stay_redacted() {
    let debug = format!("{:?}", CreateConnection::new("edge", edge_auth()));
    for secret in ["secret-id", "\"t1\"", "\"t2\""] {
        assert!(!debug.contains(secret), "{secret} leaked: {debug}");
    }
    assert!(debug.contains("plain-id"), "non-secrets stay visible: {debug}");
}

#[test]
fn nested_params_are_checked_and_named_by_their_path() {
    let err = Options::builder()
        .retries(1)
        .label("NOT lower")
        .build()
        .expect_err("pattern");
    assert_eq!(
        err,
        BuildError::PatternMismatch {
            param: "options.label",
            pattern: "^[a-z]+$"
        }
    );
    let mut body = serde_json::to_value(CreateConnection::new("edge", edge_auth())).expect("serializes");
    body["auth"]["params"]["options"]["extra"] = json!(1);
    let err = serde_json::from_value::<AnyConnection>(body.clone()).expect_err("unknown nested param");
    assert!(err.to_string().contains("has no param named `options.extra`"), "{err}");
    body["auth"]["params"]["options"] = json!({"mode": "slow", "retries": 1});
    let err = serde_json::from_value::<AnyConnection>(body).expect_err("bad enum value");
    assert!(
        err.to_string().contains("`options.mode`") && err.to_string().contains("one of \"fast\", \"safe\""),
        "{err}"
    );
    assert_eq!(Mode::Fast.as_str(), "fast");
}

#[test]
fn a_connector_without_auth_specs_sends_no_auth() {
    let connection = CreateConnection::new("no credentials", NoAuth);
    let body = serde_json::to_value(&connection).expect("serializes");
    assert_eq!(
        body,
        json!({
            "name": "no credentials",
            "connectionSpec": {"id": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f", "version": "1.0"}
        })
    );
    assert_eq!(connection.auth_spec_name(), None);
    let decoded: AnyConnection = serde_json::from_value(body.clone()).expect("reads back");
    assert!(matches!(decoded, AnyConnection::NoAuthSourceNoAuth(_)));
    let mut with_auth: Value = body;
    with_auth["auth"] = json!({"specName": "x", "params": {}});
    let err = serde_json::from_value::<AnyConnection>(with_auth).expect_err("auth not allowed");
    assert!(err.to_string().contains("has no auth specs"), "{err}");
}

#[test]
fn the_fixture_catalog_lists_every_connector() {
    let catalog = generated::catalog();
    let names: Vec<&str> = catalog.connectors().iter().map(|c| c.name).collect();
    // In module order: `hostile_text_fn`, `n2nd_edge_cases`, `no_auth_source`.
    assert_eq!(
        names,
        [generated::hostile_text_fn::NAME, "2nd-edge-cases", "no-auth-source"]
    );
    assert!(catalog.by_name("no-auth-source").expect("listed").auth_specs.is_empty());
}

mod hostile {
    //! `fixtures/generate/hostile-text.json` puts comment closers, quotes, backslashes,
    //! attributes, braces, newlines, NUL, right-to-left marks, emoji and keywords into every name
    //! and text of a spec. The module compiled (it is included above); here the text must come
    //! back byte for byte, and only ever as data.

    use std::str::FromStr;

    use flow_connectors::{CreateConnection, SecretString};
    use proc_macro2::{TokenStream, TokenTree};
    use serde_json::json;

    use super::generated::AnyConnection;
    use super::generated::hostile_text_fn::{self, KeyQuotedAttrNulRtlType, Mode, NestedObject};

    const AUTH_NAME: &str = "Key */ \"quoted\" \\ #[attr] } \n NUL\u{0} RTL\u{202e} 🦀 type";

    fn auth() -> KeyQuotedAttrNulRtlType {
        KeyQuotedAttrNulRtlType::builder()
            .api_key(SecretString::from("hostile-secret-1"))
            .mode(Mode::LineBreak)
            .self_("a}")
            .nested_object(
                NestedObject::builder()
                    .inner_secret(SecretString::from("hostile-secret-2"))
                    .build()
                    .expect("valid"),
            )
            .build()
            .expect("valid")
    }

    #[test]
    fn hostile_names_and_values_reach_the_wire_byte_for_byte() {
        assert_eq!(hostile_text_fn::AUTH_SPEC_NAMES, [AUTH_NAME]);
        assert_eq!(
            hostile_text_fn::NAME,
            "hostile-text */ \" \\ #[ } \n \u{0} \u{202e} 🦀 fn"
        );
        let body = serde_json::to_value(CreateConnection::new("h", auth())).expect("serializes");
        assert_eq!(
            body["auth"],
            json!({
                "specName": AUTH_NAME,
                "params": {
                    "api\"Key*/": "hostile-secret-1",
                    "mode\u{202e}🦀": "line\nbreak",
                    "self": "a}",
                    // `note` is optional: its default is the service's to apply.
                    "nested\"Object": {"inner\u{0}Secret": "hostile-secret-2"}
                }
            })
        );
        let decoded: AnyConnection = serde_json::from_value(body.clone()).expect("reads back");
        assert_eq!(serde_json::to_value(&decoded).expect("serializes"), body);
        let wire: Vec<&str> = [
            Mode::Fast,
            Mode::Quoted,
            Mode::BackSlash,
            Mode::Attr,
            Mode::X,
            Mode::Nul,
            Mode::Rtl,
        ]
        .iter()
        .map(|mode| mode.as_str())
        .collect();
        assert_eq!(
            wire,
            [
                "fast */",
                "\"quoted\"",
                "back\\slash",
                "#[attr]",
                "}x",
                "nul\u{0}",
                "rtl\u{202e}"
            ]
        );
        assert_eq!(Mode::Crab.as_str(), "🦀crab");
    }

    #[test]
    fn hostile_secrets_stay_out_of_debug() {
        let debug = format!("{:?}", CreateConnection::new("h", auth()));
        assert!(!debug.contains("hostile-secret"), "{debug}");
    }

    #[test]
    fn hostile_text_is_only_ever_a_literal_or_a_doc_attribute() {
        let source = include_str!(concat!(env!("OUT_DIR"), "/fixture_catalog/hostile_text_fn.rs"));
        // The only plain comments are the two header lines, each on one line.
        let comments: Vec<&str> = source
            .lines()
            .filter(|line| line.trim_start().starts_with("//") && !line.trim_start().starts_with("///"))
            .collect();
        assert_eq!(comments.len(), 2, "{comments:?}");
        assert!(
            comments[1].contains("hostile-text */ \" \\ #[ } \\n \\0 \\u{202e} 🦀 fn"),
            "{comments:?}"
        );
        assert!(
            !source.contains(['\u{0}', '\u{202e}']),
            "raw control characters in generated source"
        );
        let tokens = TokenStream::from_str(source).expect("tokenizes");
        let mut idents = Vec::new();
        collect_idents(tokens, &mut idents);
        for ident in &idents {
            assert!(
                ident
                    .trim_start_matches("r#")
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "identifier `{ident}` is not plain ASCII"
            );
        }
        assert!(
            !idents.iter().any(|ident| ident == "compile_error" || ident == "cfg"),
            "spec text became code"
        );
    }

    fn collect_idents(tokens: TokenStream, out: &mut Vec<String>) {
        for token in tokens {
            match token {
                TokenTree::Ident(ident) => out.push(ident.to_string()),
                TokenTree::Group(group) => collect_idents(group.stream(), out),
                TokenTree::Punct(_) | TokenTree::Literal(_) => {}
            }
        }
    }
}
