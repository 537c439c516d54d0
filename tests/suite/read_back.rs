//! Reading connections back: strict for bodies we send, lenient for what the service returns
//! (`GET /connections/{id}`), with its server fields, extra members and unlisted params, while
//! spec id, auth spec name, types, enum values and required params are still checked.

use flow_connectors::generic_rest_api::OAuth2RefreshCode;
use flow_connectors::mysql::{BasicAuthentication, SslMode};
use flow_connectors::{
    AnyConnection, Connection, ConnectionState, CreateConnection, DecodeError, DecodeMode, ExposeSecret, RawConnection,
    ReadConnection,
};
use serde_json::{Value, json};

const PASSWORD: &str = "pa55-w0rd-never-printed";
const MYSQL_ID: &str = "26d738e0-8963-47ea-aadf-c60de735468a";
const ETAG: &str = "\"1400dd53-0000-0200-0000-5f3f23450000\"";

/// A `GET /connections/{id}` item as the service documents it: every server field, `version`
/// equal to `etag`, the secret echoed, plus a member and a param no spec lists.
fn mysql_item() -> Value {
    json!({
        "id": "5b1752ec-0261-4729-8a7d-959021676230",
        "createdAt": 1597784069368_i64,
        "updatedAt": 1669238699119_i64,
        "createdBy": "acme@AdobeID",
        "updatedBy": "acme@AdobeID",
        "createdClient": "exc_app",
        "updatedClient": "acme-client",
        "sandboxId": "d537df80-c5d7-11e9-aafb-87c71c35cac8",
        "sandboxName": "prod",
        "imsOrgId": "0123456789ABCDEF@AdobeOrg",
        "name": "Orders DB",
        "description": "MySQL orders",
        "connectionSpec": {"id": MYSQL_ID, "version": "1.0"},
        "state": "enabled",
        "auth": {"specName": "Basic Authentication", "params": {
            "server": "db.example", "port": "3306", "database": "orders", "username": "etl",
            "password": PASSWORD, "sslMode": "REQUIRED", "serverOnlyFlag": true
        }},
        "version": ETAG,
        "etag": ETAG,
        "inheritedAttributes": {"properties": {"isSource": true}}
    })
}

/// What a case expects of the error.
type Expect = fn(&DecodeError) -> bool;

fn response(items: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({ "items": items })).expect("JSON")
}

fn shown(error: &DecodeError) -> String {
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains(PASSWORD), "secret leaked: {shown}");
    shown
}

#[test]
fn a_get_response_reads_into_typed_params_with_its_server_fields() {
    let fetched =
        Connection::<CreateConnection<BasicAuthentication>>::from_get_response(&response(json!([mysql_item()])))
            .expect("lenient read");
    assert_eq!(fetched.id, "5b1752ec-0261-4729-8a7d-959021676230");
    assert_eq!(fetched.etag, ETAG, "the etag is kept verbatim, quotes included");
    assert_eq!(fetched.state, Some(ConnectionState::Enabled));
    assert_eq!(fetched.created_at, Some(1_597_784_069_368));
    let created = fetched.created_time().expect("a time");
    let millis = created
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after the epoch")
        .as_millis();
    assert_eq!(millis, 1_597_784_069_368);
    assert_eq!(fetched.updated_at, Some(1_669_238_699_119));
    assert_eq!(fetched.created_client.as_deref(), Some("exc_app"));
    assert_eq!(fetched.updated_client.as_deref(), Some("acme-client"));
    assert_eq!(fetched.sandbox_name.as_deref(), Some("prod"));
    assert_eq!(fetched.ims_org_id.as_deref(), Some("0123456789ABCDEF@AdobeOrg"));
    let connection = &fetched.connection;
    assert_eq!(connection.name, "Orders DB");
    assert_eq!(connection.description.as_deref(), Some("MySQL orders"));
    assert_eq!(connection.auth.password.expose_secret(), PASSWORD);
    assert_eq!(connection.auth.ssl_mode, SslMode::Required);
    let debug = format!("{fetched:?} {fetched:#?}");
    assert!(!debug.contains(PASSWORD), "secret leaked: {debug}");

    // The same item, any connector of the catalog, or untyped.
    let any = Connection::<AnyConnection>::from_item(mysql_item()).expect("lenient read");
    assert!(matches!(any.connection, AnyConnection::MysqlBasicAuthentication(_)));
    assert!(!format!("{any:?}").contains(PASSWORD));
    let raw = Connection::<RawConnection>::from_item(mysql_item()).expect("lenient read");
    assert_eq!(raw.connection.auth_spec_name(), Some("Basic Authentication"));
    assert!(!format!("{raw:?}").contains(PASSWORD));
}

#[test]
fn strict_rejects_what_lenient_drops() {
    let mut body = mysql_item();
    for server_field in [
        "id",
        "createdAt",
        "updatedAt",
        "createdBy",
        "updatedBy",
        "createdClient",
    ] {
        body.as_object_mut().expect("object").remove(server_field);
    }
    // Strict: the first unknown body member is named.
    let error = RawConnection::from_value(body.clone(), DecodeMode::Strict).expect_err("server members");
    assert!(matches!(error, DecodeError::UnknownField(_)), "{error}");
    // Lenient: dropped; then strict typing still rejects the unlisted param, lenient drops it.
    let raw = RawConnection::from_value(body, DecodeMode::Lenient).expect("lenient split");
    let error = CreateConnection::<BasicAuthentication>::from_raw(raw.clone()).expect_err("unlisted param");
    assert!(
        matches!(&error, DecodeError::UnknownParam { param, .. } if param == "serverOnlyFlag"),
        "{}",
        shown(&error)
    );
    let error = AnyConnection::read(raw.clone(), DecodeMode::Strict).expect_err("unlisted param");
    assert!(matches!(error, DecodeError::UnknownParam { .. }), "{error}");
    CreateConnection::<BasicAuthentication>::read(raw.clone(), DecodeMode::Lenient).expect("lenient");
    AnyConnection::read(raw, DecodeMode::Lenient).expect("lenient");
}

#[test]
fn lenient_drops_unknown_members_of_nested_object_params() {
    let body = json!({
        "name": "rest",
        "auth": {"specName": "oAuth2RefreshCode", "params": {
            "host": "https://api.example", "accessToken": PASSWORD,
            "requestParameterOverride": {"authenticationMethod": "GET", "addedLater": "x"}
        }},
        "connectionSpec": {"id": "4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62", "version": "1.0"}
    });
    let raw = RawConnection::from_value(body, DecodeMode::Strict).expect("a body");
    let error = CreateConnection::<OAuth2RefreshCode>::from_raw(raw.clone()).expect_err("unknown nested");
    assert!(
        matches!(&error, DecodeError::UnknownParam { param, .. } if param == "requestParameterOverride.addedLater"),
        "{}",
        shown(&error)
    );
    let read = CreateConnection::<OAuth2RefreshCode>::read(raw, DecodeMode::Lenient).expect("lenient");
    assert!(read.auth.request_parameter_override.is_some());
}

#[test]
fn lenient_still_checks_what_makes_the_typed_value_right() {
    type Mysql = Connection<CreateConnection<BasicAuthentication>>;
    let with = |edit: fn(&mut Value)| {
        let mut item = mysql_item();
        edit(&mut item);
        item
    };
    let cases: [(&str, Value, Expect); 6] = [
        (
            "another connector's spec id",
            with(|i| i["connectionSpec"]["id"] = json!("00000000-0000-0000-0000-000000000000")),
            |e| matches!(e, DecodeError::UnknownSpecId(_)),
        ),
        (
            "another auth spec",
            with(|i| i["auth"]["specName"] = json!("Connection String Based Authentication")),
            |e| matches!(e, DecodeError::UnknownAuthSpec { .. }),
        ),
        (
            "a mistyped secret",
            with(|i| i["auth"]["params"]["password"] = json!([PASSWORD])),
            |e| matches!(e, DecodeError::InvalidParam { param: "password", .. }),
        ),
        (
            "an enum value the spec does not list",
            with(|i| i["auth"]["params"]["sslMode"] = json!("SOMETIMES")),
            |e| matches!(e, DecodeError::InvalidParam { param: "sslMode", .. }),
        ),
        (
            "a required param missing",
            with(|i| {
                i["auth"]["params"].as_object_mut().expect("object").remove("password");
            }),
            |e| matches!(e, DecodeError::MissingParam { param: "password", .. }),
        ),
        (
            "a mistyped server field",
            with(|i| i["createdAt"] = json!("yesterday")),
            |e| matches!(e, DecodeError::InvalidField { field: "createdAt", .. }),
        ),
    ];
    for (case, item, expected) in cases {
        let error = Mysql::from_item(item).expect_err(case);
        assert!(expected(&error), "{case}: {}", shown(&error));
    }
}

#[test]
fn lenient_takes_another_spec_version_and_keeps_it() {
    let item = json!({"id": "c", "etag": ETAG, "name": "n", "state": "archived",
        "connectionSpec": {"id": MYSQL_ID, "version": 1},
        "auth": {"specName": "Connection String Based Authentication", "params": {"connectionString": PASSWORD}}});
    let fetched = Connection::<AnyConnection>::from_item(item.clone()).expect("lenient");
    assert_eq!(fetched.state, Some(ConnectionState::Other("archived".into())));
    assert_eq!(
        fetched.state.as_ref().map(ToString::to_string).as_deref(),
        Some("archived")
    );
    let raw = Connection::<RawConnection>::from_item(item).expect("lenient");
    assert_eq!(raw.connection.connection_spec.version, "1");
    // Strict compares the version first.
    let error = CreateConnection::<BasicAuthentication>::from_raw(raw.connection).expect_err("strict");
    assert!(
        matches!(error, DecodeError::VersionMismatch { .. }),
        "{}",
        shown(&error)
    );
}

#[test]
fn the_response_wrapper_holds_exactly_one_item() {
    type Any = Connection<AnyConnection>;
    let cases: [(&str, Vec<u8>, Expect); 6] = [
        ("no item", response(json!([])), |e| {
            matches!(e, DecodeError::ItemCount(0))
        }),
        ("two items", response(json!([mysql_item(), mysql_item()])), |e| {
            matches!(e, DecodeError::ItemCount(2))
        }),
        ("no items member", br#"{"count": 1}"#.to_vec(), |e| {
            matches!(e, DecodeError::MissingField("items"))
        }),
        ("items not an array", br#"{"items": {}}"#.to_vec(), |e| {
            matches!(e, DecodeError::InvalidField { field: "items", .. })
        }),
        (
            "not JSON, a secret in the text",
            format!(r#"{{"items": [{{"auth": {{"params": {{"password": "{PASSWORD}"#).into_bytes(),
            |e| matches!(e, DecodeError::Json { line: 1, .. }),
        ),
        (
            "an item without etag",
            response(json!([{"id": "c", "name": "n", "connectionSpec": {"id": MYSQL_ID, "version": "1.0"}}])),
            |e| matches!(e, DecodeError::MissingField("etag")),
        ),
    ];
    for (case, body, expected) in cases {
        let error = Any::from_get_response(&body).expect_err(case);
        assert!(expected(&error), "{case}: {}", shown(&error));
    }
}

#[test]
fn strict_stays_the_default() {
    // A body with a server member: `Deserialize` (strict) refuses it, naming the member.
    let mut body = mysql_item();
    body.as_object_mut().expect("object").retain(|k, _| k != "id");
    let error = serde_json::from_value::<AnyConnection>(body).expect_err("strict");
    assert!(!error.to_string().contains(PASSWORD), "{error}");
    assert_eq!(DecodeMode::default(), DecodeMode::Strict);
}

/// Every auth spec of the catalog, fetched: server fields, an unlisted param next to the listed
/// ones, and an unlisted member in every nested object param. All read leniently into
/// `AnyConnection`, none shows a secret, and the strict read names the unlisted param.
#[test]
fn every_auth_spec_reads_back_leniently() {
    use crate::redaction::whole_catalog::{MARK, object};
    use flow_connectors::{ParamType, catalog};

    let mut checked = 0;
    for connector in catalog().connectors() {
        for auth in connector.auth_specs {
            let mut counter = 0;
            let mut params = object(auth.params, &mut counter);
            for param in auth.params {
                if let (ParamType::Object(_), Some(Value::Object(nested))) =
                    (param.param_type, params.get_mut(param.wire_name))
                {
                    nested.insert("addedByTheService".into(), json!(format!("{MARK}-nested")));
                }
            }
            params.insert("addedByTheService".into(), json!(format!("{MARK}-extra")));
            let item = json!({
                "id": "c", "etag": ETAG, "state": "enabled", "createdAt": 1, "sandboxName": "prod",
                "name": "read back", "version": ETAG,
                "auth": {"specName": auth.name, "params": params},
                "connectionSpec": {"id": connector.spec_id, "version": connector.version}
            });
            // Lenient reading checks no pattern: every auth spec reads.
            let shown = match Connection::<AnyConnection>::from_item(item.clone()) {
                Ok(fetched) => format!("{fetched:?}"),
                Err(error) => panic!("{}: {error}", auth.name),
            };
            assert!(!shown.contains(MARK), "{} leaked: {shown}", auth.name);
            let raw = Connection::<RawConnection>::from_item(item)
                .expect("lenient split")
                .connection;
            let error = AnyConnection::from_raw(raw).expect_err("strict refuses the unlisted param");
            // Strict reading refuses the unlisted param, or first a value its pattern refuses.
            let message = error.to_string();
            assert!(
                message.contains("addedByTheService") || message.contains("pattern"),
                "{}: {error}",
                auth.name
            );
            assert!(!format!("{error} {error:?}").contains(MARK), "{error}");
            checked += 1;
        }
    }
    assert!(checked >= 59, "{checked} auth specs checked");
}

#[test]
fn what_the_service_returns_is_not_checked_against_patterns_but_bodies_to_send_are() {
    // mariadb's connection string has a pattern; the service may return the stored value masked.
    let item = json!({"id": "c", "etag": ETAG, "name": "n",
        "connectionSpec": {"id": "3000eb99-cd47-43f3-827c-43caf170f015", "version": "1.0"},
        "auth": {"specName": "Connection String Based Authentication", "params": {"connectionString": "********"}}});
    let fetched = Connection::<AnyConnection>::from_item(item.clone()).expect("lenient takes a masked value");
    assert_eq!(fetched.id, "c");
    let raw = Connection::<RawConnection>::from_item(item)
        .expect("lenient")
        .connection;
    let error = AnyConnection::from_raw(raw).expect_err("a body to send must match the pattern");
    assert!(error.to_string().contains("pattern"), "{}", shown(&error));
}
