//! The documented seed bodies, built through the typed builders, and read back through
//! `AnyConnection`.

use flow_connectors::azure_data_explorer::ServicePrincipalBasedAuthentication;
use flow_connectors::dynamics_online::{BasicAuthenticationForDynamicsOnline, ServicePrincipalKeyBasedAuthentication};
use flow_connectors::{AnyConnection, AuthParams, CreateConnection, DecodeError};
use serde_json::{Value, json};

use crate::common::json_fixture;

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serializes")
}

/// Asserts that the request named `name` and described as `description`, with `auth`, is the
/// tutorial's body in `fixture`, to the byte (as JSON).
fn assert_tutorial_body(auth: impl AuthParams, name: &str, description: &str, fixture: &str) {
    let request = CreateConnection::new(name, auth).description(description);
    assert_eq!(to_json(&request), json_fixture(fixture));
}

#[test]
fn azure_data_explorer_body_matches_the_tutorial() {
    let auth = ServicePrincipalBasedAuthentication::builder()
        .endpoint("{ENDPOINT}")
        .database("{DATABASE}")
        .tenant("{TENANT}")
        .service_principal_id("{SERVICE_PRINCIPAL_ID}")
        .service_principal_key("{SERVICE_PRINCIPAL_KEY}")
        .build()
        .expect("no rule is broken");
    assert_tutorial_body(
        auth,
        "Azure Azure Data Explorer connection",
        "A connection for Azure Azure Data Explorer",
        "seeds/azure-data-explorer.json",
    );
}

#[test]
fn dynamics_basic_body_matches_the_tutorial() {
    let auth = BasicAuthenticationForDynamicsOnline::builder()
        .service_uri("{SERVICE_URI}")
        .username("{USERNAME}")
        .password("{PASSWORD}")
        .build()
        .expect("no rule is broken");
    assert_tutorial_body(
        auth,
        "Dynamics connection",
        "Dynamics connection using basic auth",
        "seeds/dynamics-basic.json",
    );
}

#[test]
fn dynamics_service_principal_body_matches_the_tutorial() {
    // Setters may come in any order.
    let auth = ServicePrincipalKeyBasedAuthentication::builder()
        .service_principal_key("{SERVICE_PRINCIPAL_KEY}")
        .service_uri("{SERVICE_URI}")
        .service_principal_id("{SERVICE_PRINCIPAL_ID}")
        .build()
        .expect("no rule is broken");
    assert_tutorial_body(
        auth,
        "Dynamics connection",
        "Dynamics connection using key-based authentication",
        "seeds/dynamics-service-principal.json",
    );
}

#[test]
fn auth_spec_names_and_ids_are_byte_exact() {
    assert_eq!(
        BasicAuthenticationForDynamicsOnline::AUTH_SPEC_NAME,
        "Basic Authentication for Dynamics-Online"
    );
    assert_eq!(
        ServicePrincipalKeyBasedAuthentication::AUTH_SPEC_NAME,
        "Service Principal Key Based Authentication"
    );
    assert_eq!(
        ServicePrincipalBasedAuthentication::AUTH_SPEC_NAME,
        "Service Principal Based Authentication"
    );
    assert_eq!(
        flow_connectors::dynamics_online::CONNECTION_SPEC_ID,
        "38ad80fe-8b06-4938-94f4-d4ee80266b07"
    );
    assert_eq!(
        flow_connectors::azure_data_explorer::CONNECTION_SPEC_ID,
        "0479cc14-7651-4354-b233-7480606c2ac3"
    );
    assert_eq!(flow_connectors::dynamics_online::CONNECTION_SPEC_VERSION, "1.0");
}

#[test]
fn body_key_order_follows_the_documentation() {
    let body = json_fixture("seeds/dynamics-basic.json");
    let connection: AnyConnection = serde_json::from_value(body).expect("known body");
    let text = serde_json::to_string(&connection).expect("serializes");
    let order: Vec<usize> = ["\"name\"", "\"description\"", "\"auth\"", "\"connectionSpec\""]
        .iter()
        .map(|key| text.find(key).expect("key present"))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(text.contains(r#""auth":{"specName":"Basic Authentication for Dynamics-Online","params":{"serviceUri""#));
}

#[test]
fn every_seed_body_round_trips_through_any_connection() {
    for (fixture, spec_name) in [
        (
            "seeds/azure-data-explorer.json",
            "Service Principal Based Authentication",
        ),
        ("seeds/dynamics-basic.json", "Basic Authentication for Dynamics-Online"),
        (
            "seeds/dynamics-service-principal.json",
            "Service Principal Key Based Authentication",
        ),
    ] {
        let body = json_fixture(fixture);
        let connection: AnyConnection = serde_json::from_value(body.clone()).expect(fixture);
        assert_eq!(connection.auth_spec_name(), Some(spec_name));
        assert_eq!(to_json(&connection), body, "{fixture}");
    }
}

#[test]
fn any_connection_picks_the_variant_by_spec_id_and_auth_spec_name() {
    let connection: AnyConnection =
        serde_json::from_value(json_fixture("seeds/dynamics-service-principal.json")).expect("known body");
    match connection {
        AnyConnection::DynamicsOnlineServicePrincipalKeyBasedAuthentication(c) => {
            assert_eq!(c.auth.service_uri, "{SERVICE_URI}");
            assert_eq!(c.auth.service_principal_id, "{SERVICE_PRINCIPAL_ID}");
            assert_eq!(c.name, "Dynamics connection");
        }
        other => panic!("wrong variant: {other:?}"),
    }
}

fn decode_error(body: Value) -> String {
    let raw: flow_connectors::RawConnection = serde_json::from_value(body.clone()).expect("well-formed envelope");
    let direct = AnyConnection::from_raw(raw).expect_err("must be rejected");
    let via_serde = serde_json::from_value::<AnyConnection>(body).expect_err("must be rejected");
    assert_eq!(via_serde.to_string(), direct.to_string());
    direct.to_string()
}

#[test]
fn unknown_spec_id_is_rejected_by_name() {
    let mut body = json_fixture("seeds/dynamics-basic.json");
    body["connectionSpec"]["id"] = json!("00000000-0000-0000-0000-000000000000");
    let message = decode_error(body);
    assert_eq!(
        message,
        "unknown connection spec id `00000000-0000-0000-0000-000000000000`"
    );
}

#[test]
fn unknown_auth_spec_name_is_rejected_with_the_known_names() {
    let mut body = json_fixture("seeds/dynamics-basic.json");
    body["auth"]["specName"] = json!("basic authentication for dynamics-online");
    let message = decode_error(body);
    assert!(
        message.contains("no auth spec named `basic authentication for dynamics-online`"),
        "{message}"
    );
    assert!(
        message
            .contains("\"Basic Authentication for Dynamics-Online\", \"Service Principal Key Based Authentication\""),
        "{message}"
    );
}

#[test]
fn missing_required_param_is_rejected_by_name() {
    let mut body = json_fixture("seeds/dynamics-basic.json");
    body["auth"]["params"]
        .as_object_mut()
        .expect("object")
        .remove("password");
    let message = decode_error(body);
    assert_eq!(
        message,
        "auth spec `Basic Authentication for Dynamics-Online` requires the param `password`, which is missing"
    );
}

#[test]
fn unknown_param_is_rejected_by_name() {
    let mut body = json_fixture("seeds/azure-data-explorer.json");
    body["auth"]["params"]["servicePrincipalSecret"] = json!("x");
    let message = decode_error(body);
    assert_eq!(
        message,
        "auth spec `Service Principal Based Authentication` has no param named `servicePrincipalSecret`"
    );
}

#[test]
fn mistyped_param_is_rejected_without_showing_its_value() {
    let mut body = json_fixture("seeds/dynamics-basic.json");
    body["auth"]["params"]["password"] = json!(12345);
    let message = decode_error(body);
    assert_eq!(
        message,
        "auth param `password` of `Basic Authentication for Dynamics-Online` must be a string"
    );
    assert!(!message.contains("12345"));
}

#[test]
fn missing_auth_and_wrong_version_are_rejected() {
    let mut body = json_fixture("seeds/dynamics-basic.json");
    body.as_object_mut().expect("object").remove("auth");
    let message = decode_error(body);
    assert!(message.contains("has no `auth`"), "{message}");
    assert!(
        message
            .contains("\"Basic Authentication for Dynamics-Online\", \"Service Principal Key Based Authentication\""),
        "names the auth specs it expected: {message}"
    );

    let mut body = json_fixture("seeds/dynamics-basic.json");
    body["connectionSpec"]["version"] = json!("2.0");
    assert!(decode_error(body).contains("has version `1.0`, but the body says `2.0`"));
}

#[test]
fn typed_request_reads_back_only_its_own_auth_spec() {
    let body = json_fixture("seeds/dynamics-basic.json");
    let typed: CreateConnection<BasicAuthenticationForDynamicsOnline> =
        serde_json::from_value(body.clone()).expect("matching auth spec");
    assert_eq!(to_json(&typed), body);
    let other = serde_json::from_value::<CreateConnection<ServicePrincipalKeyBasedAuthentication>>(body);
    assert!(
        other
            .expect_err("other auth spec")
            .to_string()
            .contains("no auth spec named")
    );
}

#[test]
fn decode_errors_are_typed() {
    let mut body = json_fixture("seeds/dynamics-basic.json");
    body["auth"]["params"]["extra"] = json!(true);
    let raw = serde_json::from_value(body).expect("envelope");
    assert!(matches!(
        AnyConnection::from_raw(raw),
        Err(DecodeError::UnknownParam { param, .. }) if param == "extra"
    ));
}
