//! Code generated at build time from `fixtures/generate/` (as a downstream build script would):
//! it must compile warning-free and behave, for the shapes the real catalogue does not have.

// A test binary uses only part of the generated API; clippy still checks all of it.
#[allow(dead_code)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/fixture_catalogue/mod.rs"));
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
fn the_fixture_catalogue_lists_both_connectors() {
    let catalog = generated::catalog();
    let names: Vec<&str> = catalog.connectors().iter().map(|c| c.name).collect();
    assert_eq!(names, ["2nd-edge-cases", "no-auth-source"]);
    assert!(catalog.by_name("no-auth-source").expect("listed").auth_specs.is_empty());
}
