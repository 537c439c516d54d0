//! `Catalog::check_connection` (the catalog-driven check `flow-codegen validate` uses) against the
//! typed read-back: for every documented body and for systematic breakages of each, in both modes,
//! the two must give the same verdict and the same error text.

use flow_connectors::{Catalog, DecodeError, DecodeMode, ParamInfo, ParamType, RawConnection, ReadConnection};
use serde_json::{Map, Value, json};

use crate::corpus::bodies;

use crate::fixture_catalog::generated;

fn typed<T: ReadConnection>(body: &Value, mode: DecodeMode) -> Result<(), DecodeError> {
    let raw = RawConnection::from_value(body.clone(), mode)?;
    T::read(raw, mode).map(drop)
}

/// Variants of `body` that break one rule each: a param removed, a param of the wrong JSON type, an
/// unknown param, an unknown member, a wrong version, an unknown auth spec name.
fn breakages(catalog: &Catalog, body: &Value) -> Vec<(String, Value)> {
    let mut out = vec![("as documented".to_owned(), body.clone())];
    let mut add = |what: String, edit: &dyn Fn(&mut Value)| {
        let mut broken = body.clone();
        edit(&mut broken);
        out.push((what, broken));
    };
    add("unknown member".into(), &|b| b["extra"] = json!(1));
    add("other version".into(), &|b| {
        b["connectionSpec"]["version"] = json!("9.9")
    });
    add("unknown auth spec".into(), &|b| {
        b["auth"]["specName"] = json!("No Such Auth")
    });
    add("unknown param".into(), &|b| {
        b["auth"]["params"]["noSuchParam"] = json!("x")
    });
    add("params not an object".into(), &|b| b["auth"]["params"] = json!([]));
    let connector = catalog.by_id(body["connectionSpec"]["id"].as_str().unwrap_or_default());
    let auth = connector.and_then(|c| c.auth_spec(body["auth"]["specName"].as_str().unwrap_or_default()));
    for param in auth.map_or(&[][..], |a| a.params) {
        let key = param.wire_name;
        add(format!("`{key}` removed"), &|b| {
            if let Some(params) = b["auth"]["params"].as_object_mut() {
                params.remove(key);
            }
        });
        for wrong in [
            json!(12),
            json!("text"),
            json!(true),
            json!([1]),
            json!({"x": 1}),
            json!(null),
        ] {
            add(format!("`{key}` = {wrong}"), &|b| {
                b["auth"]["params"][key] = wrong.clone()
            });
        }
        if let ParamType::Object(nested) = param.param_type {
            nested_breakages(nested, key, &mut add);
        }
    }
    out
}

/// Records one breakage: what it is, and the edit that makes it.
type AddBreakage<'a> = &'a mut dyn FnMut(String, &dyn Fn(&mut Value));

fn nested_breakages(nested: &'static [ParamInfo], key: &'static str, add: AddBreakage<'_>) {
    add(format!("`{key}` with an unknown member"), &|b| {
        b["auth"]["params"][key]["noSuchMember"] = json!(1);
    });
    for inner in nested {
        let inner_key = inner.wire_name;
        add(format!("`{key}.{inner_key}` = \"text\""), &|b| {
            if let Some(object) = b["auth"]["params"][key].as_object_mut() {
                object.insert(inner_key.to_owned(), json!("text"));
            }
        });
        add(format!("`{key}.{inner_key}` removed"), &|b| {
            if let Some(object) = b["auth"]["params"][key].as_object_mut() {
                object.remove(inner_key);
            }
        });
    }
}

fn assert_agree(
    catalog: &Catalog,
    body: &Value,
    typed_read: fn(&Value, DecodeMode) -> Result<(), DecodeError>,
    name: &str,
) -> usize {
    let mut compared = 0;
    for (what, broken) in breakages(catalog, body) {
        for mode in [DecodeMode::Strict, DecodeMode::Lenient] {
            let by_catalog = catalog
                .check_connection(broken.clone(), mode)
                .map(drop)
                .map_err(|e| e.to_string());
            let by_type = typed_read(&broken, mode).map_err(|e| e.to_string());
            assert_eq!(
                by_catalog, by_type,
                "{name}, {what}, {mode:?}: the catalog check and the typed read-back disagree"
            );
            compared += 1;
        }
    }
    compared
}

#[test]
fn the_catalog_check_agrees_with_the_typed_read_back_on_every_documented_body_and_its_breakages() {
    let catalog = flow_connectors::catalog();
    let mut compared = 0;
    for body in bodies() {
        let name = format!("{}#{}", body.folder, body.index);
        compared += assert_agree(catalog, &body.body, typed::<flow_connectors::AnyConnection>, &name);
    }
    assert!(compared > 1000, "only {compared} comparisons");
}

#[test]
fn the_catalog_check_agrees_on_nested_objects_arrays_enums_and_patterns() {
    let catalog = generated::catalog();
    let params: Map<String, Value> = serde_json::from_value(json!({
        "type": "kind", "self": "me", "client_id": "plain-id", "clientID": "secret-id", "buildValue": 7,
        "3rdParty": true, "regions": ["us-east", "eu-west"], "tokens": ["t1", "t2"], "options": {"retries": 3}
    }))
    .expect("an object");
    let fixture = generated::n2nd_edge_cases::CONNECTION_SPEC_ID;
    let body = json!({
        "name": "edge",
        "auth": {"specName": "2-legged OAuth & Keys", "params": params},
        "connectionSpec": {"id": fixture, "version": "1.0"}
    });
    let compared = assert_agree(catalog, &body, typed::<generated::AnyConnection>, "edge-cases");
    assert!(compared > 50, "only {compared} comparisons");
}
