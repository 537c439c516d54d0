//! The catalog's `AnySourceConnection` and `AnyFlow`: typed bodies read back into the right
//! variant and serialize to the same JSON, and what they reject they reject with exactly the
//! error the catalog's value checks (`check_source_connection`, `check_flow`) give.
#![cfg(feature = "catalog")]

use flow_connectors::flow_specs::CrmToAep;
use flow_connectors::{
    AnyFlow, AnySourceConnection, BaseConnectionId, Column, CreateFlow, CreateSourceConnection, DecodeMode, Frequency,
    Schedule, SourceConnectionId, StartTime, TargetConnectionId, catalog, mysql,
};
use serde_json::{Value, json};

fn mysql_source() -> CreateSourceConnection<mysql::SourceParams> {
    let params = mysql::SourceParams::builder()
        .table_name("test1.Mytable")
        .columns([Column::new("Id", "string")])
        .build()
        .expect("valid params");
    let base = BaseConnectionId::new("6990abad-977d-41b9-a85d-17ea8cf1c0e4");
    CreateSourceConnection::new("MySQL accounts", base, params)
}

fn crm_flow() -> CreateFlow<CrmToAep> {
    CreateFlow::<CrmToAep>::builder("MySQL accounts to Platform")
        .source(SourceConnectionId::<mysql::SourceParams>::new(
            "b7581b59-c603-4df1-a689-d23d7ac440f3",
        ))
        .target(TargetConnectionId::new("320f119a-5ac1-4ab1-88ea-eb19e674ea2e"))
        .mapping("0b090130b58b4819afc78b6dc98b484d", 0)
        .schedule(Schedule::every(
            15,
            Frequency::Minute,
            StartTime::from_unix_seconds(1_612_310_466),
        ))
        .build()
        .expect("valid flow")
}

#[test]
fn a_source_connection_reads_back_into_its_connector_variant() {
    let body = serde_json::to_value(mysql_source()).expect("serializes");
    let any = AnySourceConnection::from_value(body.clone(), DecodeMode::Strict).expect("reads back");
    assert!(matches!(any, AnySourceConnection::Mysql(_)));
    assert_eq!((any.connector(), any.name()), ("mysql", "MySQL accounts"));
    assert_eq!(any.connection_spec_id(), "26d738e0-8963-47ea-aadf-c60de735468a");
    assert_eq!(
        any.base_connection_id().map(BaseConnectionId::as_str),
        Some("6990abad-977d-41b9-a85d-17ea8cf1c0e4")
    );
    assert_eq!(serde_json::to_value(&any).expect("serializes"), body);
    let deserialized: AnySourceConnection = serde_json::from_value(body.clone()).expect("deserializes");
    assert_eq!(serde_json::to_value(&deserialized).expect("serializes"), body);
    let from: AnySourceConnection = mysql_source().into();
    assert_eq!(serde_json::to_value(from).expect("serializes"), body);
    assert_eq!(
        catalog()
            .check_source_connection(body, DecodeMode::Strict)
            .expect("valid")
            .name,
        "mysql"
    );
}

#[test]
fn a_flow_reads_back_into_its_flow_spec_variant() {
    let body = crm_flow().to_value();
    let any = AnyFlow::from_value(body.clone(), DecodeMode::Strict).expect("reads back");
    assert!(matches!(any, AnyFlow::CrmToAep(_)));
    assert_eq!(
        (any.flow_spec_id(), any.flow_spec_name()),
        ("14518937-270c-4525-bdec-c2ba7cce3860", "CRMToAEP")
    );
    assert_eq!(any.to_value(), body);
    assert_eq!(serde_json::to_value(&any).expect("serializes"), body);
    let deserialized: AnyFlow = serde_json::from_value(body.clone()).expect("deserializes");
    assert_eq!(deserialized.to_value(), body);
    assert_eq!(AnyFlow::from(crm_flow()).to_value(), body);
    assert_eq!(
        catalog().check_flow(body, DecodeMode::Strict).expect("valid").name,
        "CRMToAEP"
    );
}

/// `body` with the member `key` of the object at the JSON pointer `parent` set to `value` (removed
/// when `value` is `None`).
fn edited(mut body: Value, parent: &str, key: &str, value: Option<Value>) -> Value {
    let object = body
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .expect("an object");
    match value {
        Some(value) => object.insert(key.to_owned(), value),
        None => object.remove(key),
    };
    body
}

#[test]
fn source_connections_are_rejected_as_the_catalog_check_rejects_them() {
    let body = serde_json::to_value(mysql_source()).expect("serializes");
    let cases = [
        (
            "unknown id",
            edited(body.clone(), "/connectionSpec", "id", Some(json!("nope"))),
        ),
        ("no id", edited(body.clone(), "", "connectionSpec", None)),
        // A connector of the catalog that has no source.
        (
            "connector without source",
            edited(
                body.clone(),
                "/connectionSpec",
                "id",
                Some(json!("4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62")),
            ),
        ),
        ("missing param", edited(body.clone(), "/params", "tableName", None)),
        ("unknown member", edited(body, "", "extra", Some(json!(1)))),
    ];
    for (case, body) in cases {
        for mode in [DecodeMode::Strict, DecodeMode::Lenient] {
            let typed = AnySourceConnection::from_value(body.clone(), mode).map(|_| ());
            let checked = catalog().check_source_connection(body.clone(), mode).map(|_| ());
            let (typed, checked) = (typed.map_err(|e| e.to_string()), checked.map_err(|e| e.to_string()));
            assert_eq!(typed, checked, "{case} ({mode:?})");
            if mode == DecodeMode::Strict {
                assert!(typed.is_err(), "{case}");
            }
        }
    }
    let unknown = AnySourceConnection::from_value(json!({"connectionSpec": {"id": "nope"}}), DecodeMode::Strict)
        .expect_err("unknown")
        .to_string();
    assert!(
        unknown.contains("mysql") && !unknown.contains("generic-rest-api"),
        "{unknown}"
    );
}

#[test]
fn flows_are_rejected_as_the_catalog_check_rejects_them() {
    let body = crm_flow().to_value();
    let cases = [
        (
            "unknown id",
            edited(body.clone(), "/flowSpec", "id", Some(json!("nope"))),
        ),
        ("no flow spec", edited(body.clone(), "", "flowSpec", None)),
        (
            "interval below the minimum",
            edited(body.clone(), "/scheduleParams", "interval", Some(json!(5))),
        ),
        (
            "no target",
            edited(body.clone(), "", "targetConnectionIds", Some(json!([]))),
        ),
        ("unknown member", edited(body, "", "extra", Some(json!(1)))),
    ];
    for (case, body) in cases {
        for mode in [DecodeMode::Strict, DecodeMode::Lenient] {
            let typed = AnyFlow::from_value(body.clone(), mode).map(|_| ());
            let checked = catalog().check_flow(body.clone(), mode).map(|_| ());
            let (typed, checked) = (typed.map_err(|e| e.to_string()), checked.map_err(|e| e.to_string()));
            assert_eq!(typed, checked, "{case} ({mode:?})");
            if mode == DecodeMode::Strict {
                assert!(typed.is_err(), "{case}");
            }
        }
    }
    let unknown = AnyFlow::from_value(json!({"flowSpec": {"id": "nope"}}), DecodeMode::Strict)
        .expect_err("unknown")
        .to_string();
    assert!(unknown.contains("CRMToAEP"), "{unknown}");
}
