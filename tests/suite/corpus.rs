//! Conformance over the whole documented catalog: every `POST /connections` body of the corpus
//! fixtures (copied from Adobe's tutorials) is built through the typed builders and read back
//! through `AnyConnection`. A body either passes both ways or fails for a documented quirk listed
//! in `fixtures/corpus/quirks.json`, with the decode error the quirk must produce.

use std::collections::BTreeMap;

use flow_connectors::AnyConnection;
use serde_json::Value;

use crate::common::fixture;

include!(concat!(env!("OUT_DIR"), "/corpus_builders.rs"));

/// One documented body.
pub(crate) struct Body {
    pub(crate) folder: String,
    pub(crate) index: usize,
    spec_name: String,
    pub(crate) body: Value,
}

pub(crate) fn bodies() -> Vec<Body> {
    let mut folders: Vec<_> = std::fs::read_dir(fixture("corpus"))
        .expect("fixtures/corpus exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.join("requests.json").is_file())
        .collect();
    folders.sort();
    let mut out = Vec::new();
    for folder in folders {
        let name = folder.file_name().expect("name").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(folder.join("requests.json")).expect("readable");
        let value: Value = serde_json::from_str(&text).expect("JSON");
        for (index, request) in value["requests"].as_array().expect("requests").iter().enumerate() {
            out.push(Body {
                folder: name.clone(),
                index,
                spec_name: request["authSpecName"].as_str().expect("authSpecName").to_owned(),
                body: request["body"].clone(),
            });
        }
    }
    out
}

/// `folder#index` -> (quirk, substring of the decode error).
pub fn quirks() -> BTreeMap<String, (String, String)> {
    let text = std::fs::read_to_string(fixture("corpus/quirks.json")).expect("quirks.json");
    let value: Value = serde_json::from_str(&text).expect("quirks.json is JSON");
    value["bodies"]
        .as_array()
        .expect("bodies")
        .iter()
        .map(|q| {
            let field = |k: &str| {
                q[k].as_str()
                    .unwrap_or_else(|| panic!("quirk entry lacks `{k}`"))
                    .to_owned()
            };
            (field("body"), (field("quirk"), field("decode_error")))
        })
        .collect()
}

#[test]
fn every_documented_body_is_built_and_read_back_or_is_a_documented_quirk() {
    let quirks = quirks();
    let bodies = bodies();
    let mut passed = 0;
    let mut failed_for_quirks = Vec::new();
    let mut problems = Vec::new();
    for body in &bodies {
        let key = format!("{}#{}", body.folder, body.index);
        let builder = BUILT
            .iter()
            .find(|(folder, index, _)| *folder == body.folder && *index == body.index)
            .map(|(_, _, build)| build);
        let decoded = serde_json::from_value::<AnyConnection>(body.body.clone());
        match (builder, quirks.get(&key)) {
            (Some(build), None) => {
                let built = build();
                if built != body.body {
                    problems.push(format!(
                        "{key}: the builder gives\n{built:#}\nbut the tutorial sends\n{:#}",
                        body.body
                    ));
                    continue;
                }
                match decoded {
                    Ok(connection) => {
                        let again = serde_json::to_value(&connection).expect("serializes");
                        if again != body.body {
                            problems.push(format!("{key}: AnyConnection gives back\n{again:#}"));
                        } else if connection.auth_spec_name() != Some(body.spec_name.as_str()) {
                            problems.push(format!("{key}: decoded as {:?}", connection.auth_spec_name()));
                        } else {
                            passed += 1;
                        }
                    }
                    Err(err) => problems.push(format!(
                        "{key}: the builder expresses it but AnyConnection rejects it: {err}"
                    )),
                }
            }
            (Some(_), Some((quirk, _))) => problems.push(format!(
                "{key}: listed as quirk `{quirk}` but the typed builder reproduces it"
            )),
            (None, Some((quirk, expected))) => match decoded {
                Ok(_) => problems.push(format!("{key}: listed as quirk `{quirk}` but AnyConnection accepts it")),
                Err(err) if err.to_string().contains(expected.as_str()) => {
                    failed_for_quirks.push(format!("{key} ({quirk}): {err}"))
                }
                Err(err) => problems.push(format!(
                    "{key}: quirk `{quirk}` should fail with `{expected}`, got: {err}"
                )),
            },
            (None, None) => {
                let reason = UNBUILT
                    .iter()
                    .find(|(folder, index, _)| *folder == body.folder && *index == body.index)
                    .map_or("unknown", |(_, _, reason)| reason);
                problems.push(format!("{key}: not expressible ({reason}) and not a documented quirk"));
            }
        }
    }
    for key in quirks.keys() {
        if !bodies.iter().any(|b| &format!("{}#{}", b.folder, b.index) == key) {
            problems.push(format!("quirks.json lists `{key}`, which is no corpus body"));
        }
    }
    let headline = format!(
        "conformance: {passed}/{} documented bodies pass ({:.1}%); {} fail for documented quirks\n",
        bodies.len(),
        100.0 * passed as f64 / bodies.len() as f64,
        failed_for_quirks.len()
    );
    crate::common::report_conformance(headline, &failed_for_quirks, &problems);
    assert_eq!(passed + failed_for_quirks.len(), bodies.len());
}

/// The secret string values of `body`, found through the runtime catalog's `secret` flags
/// (nested params and arrays of secrets included).
fn secret_values(body: &Value) -> Vec<String> {
    fn collect(params: &[flow_connectors::ParamInfo], value: &Value, out: &mut Vec<String>) {
        for param in params {
            let Some(value) = value.get(param.wire_name) else {
                continue;
            };
            match (param.param_type, value) {
                (flow_connectors::ParamType::Object(nested), _) => collect(nested, value, out),
                (_, Value::String(text)) if param.secret => out.push(text.clone()),
                (_, Value::Array(items)) if param.secret => {
                    out.extend(items.iter().filter_map(Value::as_str).map(str::to_owned));
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let connector = flow_connectors::catalog().by_id(body["connectionSpec"]["id"].as_str().unwrap_or_default());
    let auth = connector.and_then(|c| c.auth_spec(body["auth"]["specName"].as_str().unwrap_or_default()));
    if let Some(auth) = auth {
        collect(auth.params, &body["auth"]["params"], &mut out);
    }
    // A placeholder that is also the value of a plain param (`xxxx`) may show through it: only
    // values that occur once in the body count.
    let text = body.to_string();
    out.retain(|value| text.matches(&serde_json::to_string(value).expect("JSON")).count() == 1);
    out
}

#[test]
fn typed_values_built_from_documented_bodies_never_show_their_secrets() {
    let bodies = bodies();
    let mut checked = 0;
    for (folder, index, show) in SHOWN {
        let body = bodies
            .iter()
            .find(|b| b.folder == *folder && b.index == *index)
            .expect("the body exists");
        let shown = show();
        for secret in secret_values(&body.body) {
            assert!(
                !shown.contains(&secret),
                "{folder}#{index}: `{secret}` shown in {shown}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} secret values checked");
}
