//! Conformance over the documented workflow (`fixtures/workflow/`, copied from Adobe's
//! tutorials): every explore call, source connection, target connection and dataflow is built
//! through the typed API (`build/workflow.rs` and `build/explore.rs` write the calls) and gives the
//! same JSON (for explore: the same path and query), and every body reads back through its typed
//! reader (`CreateSourceConnection::<P>` by connection spec id, `CreateTargetConnection`,
//! `CreateFlow::<F>` by flow spec id) to the same JSON. A request that cannot is listed in
//! `fixtures/workflow/quirks.json` with the error it gets.

use std::collections::BTreeMap;

use flow_connectors::{CreateTargetConnection, DecodeError, DecodeMode};
use serde_json::Value;

use crate::common::fixture;

include!(concat!(env!("OUT_DIR"), "/workflow_builders.rs"));

/// The request kinds, as the workflow files name them, and as the report names them.
const KINDS: [(&str, &str); 4] = [
    ("explore", "explore"),
    ("sourceConnections", "source"),
    ("targetConnections", "target"),
    ("flows", "flow"),
];

/// One documented request: `key` is `<file>/<kind>#<index>`.
pub(crate) struct Documented {
    pub(crate) key: String,
    pub(crate) kind: &'static str,
    pub(crate) entry: Value,
}

impl Documented {
    fn body(&self) -> &Value {
        &self.entry["body"]
    }
}

/// Every documented request, in the build script's order.
pub(crate) fn documented() -> Vec<Documented> {
    let read = |path: std::path::PathBuf| -> Value {
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON")
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(fixture("workflow")).expect("fixtures/workflow") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        if path.join("workflow.json").is_file() {
            files.push((name, read(path.join("workflow.json"))));
        } else if name == "_generic" {
            for generic in std::fs::read_dir(&path).expect("_generic") {
                let generic = generic.expect("entry").path();
                if generic.extension().is_some_and(|e| e == "json") {
                    let stem = generic.file_stem().expect("stem").to_string_lossy().into_owned();
                    files.push((format!("_generic/{stem}"), read(generic)));
                }
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    for (name, file) in files {
        for (kind, _) in KINDS {
            for (index, entry) in file[kind].as_array().into_iter().flatten().enumerate() {
                out.push(Documented {
                    key: format!("{name}/{kind}#{index}"),
                    kind,
                    entry: entry.clone(),
                });
            }
        }
    }
    out
}

/// One listed quirk.
pub(crate) struct Quirk {
    pub(crate) quirk: String,
    pub(crate) why: String,
    pub(crate) error: String,
}

/// `key` -> quirk, from `fixtures/workflow/quirks.json`.
pub(crate) fn quirks() -> BTreeMap<String, Quirk> {
    let text = std::fs::read_to_string(fixture("workflow/quirks.json")).expect("quirks.json");
    let value: Value = serde_json::from_str(&text).expect("quirks.json is JSON");
    let mut out = BTreeMap::new();
    for entry in value["requests"].as_array().expect("requests") {
        let field = |k: &str| {
            entry[k]
                .as_str()
                .unwrap_or_else(|| panic!("quirk entry lacks `{k}`: {entry}"))
                .to_owned()
        };
        let quirk = Quirk {
            quirk: field("quirk"),
            why: field("why"),
            error: field("error"),
        };
        assert!(out.insert(field("request"), quirk).is_none(), "listed twice: {entry}");
    }
    out
}

/// The typed read-back of a body in `mode`, serialized again; `None` when no typed reader takes
/// the body's spec id (then only the catalog check reads it).
fn typed_read(kind: &str, body: &Value, mode: DecodeMode) -> Option<Result<Value, DecodeError>> {
    let by_id = |readers: &[(&str, ReadBody)], id: &Value| {
        readers
            .iter()
            .find(|(known, _)| Some(*known) == id.as_str())
            .map(|(_, read)| read(body.clone(), mode))
    };
    match kind {
        "sourceConnections" => by_id(SOURCE_READERS, &body["connectionSpec"]["id"]),
        "targetConnections" => Some(CreateTargetConnection::from_value(body.clone(), mode).map(|t| t.to_value())),
        _ => by_id(FLOW_READERS, &body["flowSpec"]["id"]),
    }
}

/// The catalog check (what `flow-codegen validate` runs) of a body in `mode`.
fn catalog_check(kind: &str, body: &Value, mode: DecodeMode) -> Result<(), String> {
    let catalog = flow_connectors::catalog();
    let body = body.clone();
    match kind {
        "sourceConnections" => catalog.check_source_connection(body, mode).map(drop),
        "targetConnections" => catalog.check_target_connection(body, mode),
        _ => catalog.check_flow(body, mode).map(drop),
    }
    .map_err(|e| e.to_string())
}

/// `(path, query pairs)` of a path and query, each part percent-decoded, pairs sorted: the query
/// as the service reads it (`e30=` and `e30%3D` are one value).
fn decoded(path: &str, pairs: Vec<(String, String)>) -> (String, Vec<(String, String)>) {
    let decode = |text: &str| {
        percent_encoding::percent_decode_str(text)
            .decode_utf8_lossy()
            .into_owned()
    };
    let mut pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| (decode(k), decode(v))).collect();
    pairs.sort();
    (decode(path), pairs)
}

/// The documented call: its path, and its example query (else its template query).
fn documented_call(entry: &Value) -> (String, Vec<(String, String)>) {
    let query = entry.get("exampleQuery").unwrap_or(&entry["query"]);
    let pairs = query
        .as_object()
        .into_iter()
        .flatten()
        .flat_map(|(key, value)| match value {
            Value::Array(items) => items.iter().map(|v| (key.clone(), text_of(v))).collect(),
            other => vec![(key.clone(), text_of(other))],
        })
        .collect();
    decoded(entry["path"].as_str().unwrap_or_default(), pairs)
}

fn text_of(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_owned)
}

fn built_call(path_and_query: &str) -> (String, Vec<(String, String)>) {
    let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    let pairs = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key.to_owned(), value.to_owned())
        })
        .collect();
    decoded(path, pairs)
}

/// What the typed API makes of a request: `Ok` when it reproduces it both ways, else what went
/// wrong (the text a quirk's `error` must be part of).
fn outcome(request: &Documented) -> Result<(), String> {
    let build = WORKFLOW_BUILT
        .iter()
        .find(|(key, _)| *key == request.key)
        .map(|(_, build)| build);
    let built = match build {
        None => {
            let reason = WORKFLOW_UNBUILT.iter().find(|(key, _)| *key == request.key);
            Err(format!("not built: {}", reason.map_or("unknown", |(_, why)| why)))
        }
        Some(build) => build().map_err(|e| format!("the builder fails: {e}")),
    };
    if request.kind == "explore" {
        let built = built?;
        let built = built_call(built.as_str().expect("explore builders give a string"));
        let documented = documented_call(&request.entry);
        return if built == documented {
            Ok(())
        } else {
            Err(format!("the typed request is {built:?}, the docs send {documented:?}"))
        };
    }
    let body = request.body();
    match typed_read(request.kind, body, DecodeMode::Strict) {
        Some(Err(err)) => return Err(format!("strict read-back: {err}")),
        None => {
            catalog_check(request.kind, body, DecodeMode::Strict).map_err(|e| format!("strict read-back: {e}"))?;
            return Err("no typed reader takes it, yet the catalog check accepts it".into());
        }
        Some(Ok(again)) if again != *body => return Err(format!("the typed read-back gives back\n{again:#}")),
        Some(Ok(_)) => {}
    }
    match built? {
        value if value == *body => Ok(()),
        value => Err(format!("the builder gives\n{value:#}\nbut the docs send\n{body:#}")),
    }
}

#[test]
fn every_documented_workflow_request_is_built_and_read_back_or_is_a_listed_quirk() {
    let quirks = quirks();
    let requests = documented();
    let mut passed: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut quirk_lines = Vec::new();
    let mut problems = Vec::new();
    for request in &requests {
        let tally = passed.entry(request.kind).or_default();
        tally.1 += 1;
        match (outcome(request), quirks.get(&request.key)) {
            (Ok(()), None) => tally.0 += 1,
            (Ok(()), Some(quirk)) => problems.push(format!(
                "{}: listed as quirk `{}` but built and read back",
                request.key, quirk.quirk
            )),
            (Err(error), Some(quirk)) if error.contains(&quirk.error) => {
                quirk_lines.push(format!(
                    "{} ({}): {}",
                    request.key,
                    quirk.quirk,
                    error.lines().next().unwrap_or("")
                ));
            }
            (Err(error), Some(quirk)) => problems.push(format!(
                "{}: quirk `{}` should fail with `{}`, got: {error}",
                request.key, quirk.quirk, quirk.error
            )),
            (Err(error), None) => problems.push(format!("{}: {error}", request.key)),
        }
    }
    for key in quirks.keys() {
        if !requests.iter().any(|r| &r.key == key) {
            problems.push(format!("quirks.json lists `{key}`, which is no documented request"));
        }
    }
    // Written past the test harness's capture, so every run shows the pass rates.
    let rates: Vec<String> = KINDS
        .iter()
        .map(|(kind, label)| {
            let (ok, all) = passed.get(kind).copied().unwrap_or_default();
            format!("{label} {ok}/{all} ({:.1}%)", 100.0 * ok as f64 / all.max(1) as f64)
        })
        .collect();
    let headline = format!(
        "workflow conformance: {}; {} fail for listed quirks\n",
        rates.join(", "),
        quirk_lines.len()
    );
    crate::common::report_conformance(headline, &quirk_lines, &problems);
}

/// Compares the catalog check with the typed read-back on every documented body of `kind`, in
/// both modes; the number of comparisons.
fn agreement(kind: &str) -> usize {
    let mut compared = 0;
    for request in documented().iter().filter(|r| r.kind == kind) {
        for mode in [DecodeMode::Strict, DecodeMode::Lenient] {
            let by_catalog = catalog_check(request.kind, request.body(), mode);
            let Some(by_type) = typed_read(request.kind, request.body(), mode) else {
                assert!(
                    by_catalog.is_err(),
                    "{}: the catalog takes what no type reads",
                    request.key
                );
                continue;
            };
            let by_type = by_type.map(drop).map_err(|e| e.to_string());
            assert_eq!(by_catalog, by_type, "{}, {mode:?}", request.key);
            compared += 1;
        }
    }
    compared
}

#[test]
fn the_catalog_check_agrees_with_the_typed_read_back_on_every_documented_connection() {
    let compared = agreement("sourceConnections") + agreement("targetConnections");
    assert!(compared > 100, "only {compared} comparisons");
}

#[test]
fn the_catalog_check_agrees_with_the_typed_read_back_on_every_documented_flow() {
    let compared = agreement("flows");
    assert!(compared > 50, "only {compared} comparisons");
}

/// The quirk kinds README.md's policy names; `gap` is ours, not the documentation's.
const QUIRK_KINDS: &[&str] = &[
    "copied-spec-id",
    "spec-id-not-in-specs",
    "placeholder",
    "string-for-integer",
    "integer-for-string",
    "not-the-data-lake",
    "extra-member",
    "missing-member",
    "wrong-params",
    "source-params-encoding",
    "explore-query",
    "gap",
];

#[test]
fn every_listed_quirk_is_explained_and_of_a_known_kind() {
    let quirks = quirks();
    assert!(!quirks.is_empty());
    for (key, quirk) in &quirks {
        assert!(
            QUIRK_KINDS.contains(&quirk.quirk.as_str()),
            "{key}: unknown kind `{}`",
            quirk.quirk
        );
        assert!(quirk.why.len() > 20, "{key}: say why");
        assert!(!quirk.error.trim().is_empty(), "{key}: name the error");
    }
}

#[test]
fn source_connections_built_from_documented_bodies_never_show_secret_params() {
    let requests = documented();
    let mut shown = 0;
    for (key, show) in WORKFLOW_SHOWN {
        let request = requests.iter().find(|r| r.key == *key).expect("documented");
        let body = request.body();
        let text = show().unwrap_or_else(|e| panic!("{key}: {e}"));
        let connector = flow_connectors::catalog().by_id(body["connectionSpec"]["id"].as_str().unwrap_or_default());
        let params = connector.and_then(|c| c.source).map_or(&[][..], |s| s.params);
        for param in params.iter().filter(|p| p.secret) {
            if let Some(secret) = body["params"][param.wire_name].as_str() {
                assert!(!text.contains(secret), "{key}: `{}` shown in {text}", param.wire_name);
            }
        }
        // The typed value shows the params it holds (here: the documented ones that are not secret).
        if let Some(name) = body["name"].as_str() {
            assert!(text.contains(name), "{key}: Debug shows the name");
        }
        shown += 1;
    }
    assert!(shown >= 20, "only {shown} source connections built");
}
