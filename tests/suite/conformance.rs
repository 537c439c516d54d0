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

/// The decode error of `body` (row `row` of a table), the same by `from_raw` and by serde.
fn decode_error(body: Value, row: &str) -> String {
    let raw: flow_connectors::RawConnection =
        serde_json::from_value(body.clone()).unwrap_or_else(|err| panic!("row `{row}`: not an envelope: {err}"));
    let Err(direct) = AnyConnection::from_raw(raw) else {
        panic!("row `{row}`: accepted, must be rejected");
    };
    let Err(via_serde) = serde_json::from_value::<AnyConnection>(body) else {
        panic!("row `{row}`: accepted by serde, must be rejected");
    };
    assert_eq!(via_serde.to_string(), direct.to_string(), "row `{row}`");
    direct.to_string()
}

/// A seed body with one mistake, and what its decode error must say.
struct BadBody {
    name: &'static str,
    seed: &'static str,
    /// Makes the mistake.
    edit: fn(&mut Value),
    /// The whole message, where the row states it.
    message: Option<&'static str>,
    /// Parts of the message.
    says: &'static [&'static str],
    /// What the message must not show (the value).
    hides: Option<&'static str>,
}

/// What an error about a body without a known auth spec lists.
const DYNAMICS_AUTH_SPECS: &str =
    "\"Basic Authentication for Dynamics-Online\", \"Service Principal Key Based Authentication\"";

const BAD_BODIES: &[BadBody] = &[
    BadBody {
        name: "unknown spec id",
        seed: "seeds/dynamics-basic.json",
        edit: |body| body["connectionSpec"]["id"] = json!("00000000-0000-0000-0000-000000000000"),
        message: Some("unknown connection spec id `00000000-0000-0000-0000-000000000000`"),
        says: &[],
        hides: None,
    },
    BadBody {
        name: "unknown auth spec name: the known names are listed",
        seed: "seeds/dynamics-basic.json",
        edit: |body| body["auth"]["specName"] = json!("basic authentication for dynamics-online"),
        message: None,
        says: &[
            "no auth spec named `basic authentication for dynamics-online`",
            DYNAMICS_AUTH_SPECS,
        ],
        hides: None,
    },
    BadBody {
        name: "missing required param",
        seed: "seeds/dynamics-basic.json",
        edit: |body| {
            _ = body["auth"]["params"]
                .as_object_mut()
                .expect("object")
                .remove("password")
        },
        message: Some(
            "auth spec `Basic Authentication for Dynamics-Online` requires the param `password`, which is missing",
        ),
        says: &[],
        hides: None,
    },
    BadBody {
        name: "unknown param",
        seed: "seeds/azure-data-explorer.json",
        edit: |body| body["auth"]["params"]["servicePrincipalSecret"] = json!("x"),
        message: Some("auth spec `Service Principal Based Authentication` has no param named `servicePrincipalSecret`"),
        says: &[],
        hides: None,
    },
    BadBody {
        name: "mistyped param: its value is not shown",
        seed: "seeds/dynamics-basic.json",
        edit: |body| body["auth"]["params"]["password"] = json!(12345),
        message: Some("auth param `password` of `Basic Authentication for Dynamics-Online` must be a string"),
        says: &[],
        hides: Some("12345"),
    },
    BadBody {
        name: "missing auth: the expected auth specs are named",
        seed: "seeds/dynamics-basic.json",
        edit: |body| _ = body.as_object_mut().expect("object").remove("auth"),
        message: None,
        says: &["has no `auth`", DYNAMICS_AUTH_SPECS],
        hides: None,
    },
    BadBody {
        name: "wrong version",
        seed: "seeds/dynamics-basic.json",
        edit: |body| body["connectionSpec"]["version"] = json!("2.0"),
        message: None,
        says: &["has version `1.0`, but the body says `2.0`"],
        hides: None,
    },
];

#[test]
fn bad_bodies_are_rejected_naming_what_is_wrong() {
    for row in BAD_BODIES {
        let mut body = json_fixture(row.seed);
        (row.edit)(&mut body);
        let name = row.name;
        let message = decode_error(body, name);
        if let Some(expected) = row.message {
            assert_eq!(message, expected, "row `{name}`");
        }
        for part in row.says {
            assert!(message.contains(part), "row `{name}`: {part:?} in {message}");
        }
        if let Some(hidden) = row.hides {
            assert!(!message.contains(hidden), "row `{name}`: {hidden:?} shown in {message}");
        }
    }
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
