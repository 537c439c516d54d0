//! `flow-codegen validate`: one line per body file, with the verdict the typed read-back gives
//! (the documented base-connection bodies: ok, or the quirk's error), exit codes, and no value
//! ever printed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

#[path = "support/specs.rs"]
mod specs;

fn validate(files: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flow-codegen"))
        .arg("validate")
        .arg("--specs")
        .arg(specs::specs_dir())
        .args(files)
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &Path, name: &str, body: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(body).expect("JSON")).expect("write");
    path
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// `folder#index` -> the error substring of each documented base-connection quirk.
fn corpus_quirks() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(fixtures().join("corpus/quirks.json")).expect("quirks.json");
    let value: Value = serde_json::from_str(&text).expect("JSON");
    value["bodies"]
        .as_array()
        .expect("bodies")
        .iter()
        .map(|q| {
            let field = |key: &str| q[key].as_str().expect("string").to_owned();
            (field("body"), field("decode_error"))
        })
        .collect()
}

#[test]
fn every_documented_base_connection_body_gets_the_typed_read_backs_verdict() {
    let dir = tempfile::tempdir().expect("temp dir");
    let quirks = corpus_quirks();
    let mut files = Vec::new();
    let mut expected = Vec::new();
    let mut folders: Vec<PathBuf> = std::fs::read_dir(fixtures().join("corpus"))
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("requests.json").is_file())
        .collect();
    folders.sort();
    for folder in folders {
        let name = folder.file_name().expect("name").to_string_lossy().into_owned();
        let requests: Value =
            serde_json::from_slice(&std::fs::read(folder.join("requests.json")).expect("read")).expect("JSON");
        for (index, request) in requests["requests"].as_array().expect("requests").iter().enumerate() {
            let key = format!("{name}#{index}");
            let path = write(dir.path(), &format!("{name}-{index}.json"), &request["body"]);
            expected.push((path.clone(), quirks.get(&key).cloned(), request["authSpecName"].clone()));
            files.push(path);
        }
    }
    let output = validate(&files);
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), files.len(), "{stdout}");
    for ((path, quirk, spec_name), line) in expected.iter().zip(&lines) {
        match quirk {
            None => {
                assert!(line.starts_with("ok connection "), "{}: {line}", path.display());
                assert!(line.ends_with(&format!(" {spec_name}")), "{line}");
            }
            Some(error) => {
                let prefix = format!("error {}: ", path.display());
                assert!(line.starts_with(&prefix) && line.contains(error.as_str()), "{line}");
            }
        }
    }
    assert_eq!(output.status.code(), Some(1), "some documented bodies are quirks");
    assert!(quirks.len() > 5 && lines.iter().filter(|l| l.starts_with("ok ")).count() > 50);
}

#[test]
fn each_kind_of_body_is_recognised_and_checked_and_no_value_is_printed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mysql = json!({"id": "26d738e0-8963-47ea-aadf-c60de735468a", "version": "1.0"});
    let secret = "hunter2-never-printed";
    let files = [
        write(
            dir.path(),
            "connection.json",
            &json!({
                "name": "db", "connectionSpec": mysql,
                "auth": {"specName": "Connection String Based Authentication", "params": {"connectionString": secret}}
            }),
        ),
        write(
            dir.path(),
            "source.json",
            &json!({
                "name": "orders", "baseConnectionId": "6990abad-977d-41b9-a85d-17ea8cf1c0e4",
                "data": {"format": "tabular"}, "params": {"tableName": "shop.orders"}, "connectionSpec": mysql
            }),
        ),
        write(
            dir.path(),
            "target.json",
            &json!({
                "name": "lake", "data": {"schema": {"id": "https://ns.adobe.com/acme/schemas/1", "version": "application/vnd.adobe.xed-full+json;version=1"}},
                "params": {"dataSetId": "6019e0e7c5dcf718db5ebc71"},
                "connectionSpec": {"id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0"}
            }),
        ),
        write(
            dir.path(),
            "flow.json",
            &json!({
                "name": "orders flow", "flowSpec": {"id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0"},
                "sourceConnectionIds": ["b7581b59-c603-4df1-a689-d23d7ac440f3"],
                "targetConnectionIds": ["320f119a-5ac1-4ab1-88ea-eb19e674ea2e"],
                "scheduleParams": {"startTime": 1612310466, "frequency": "minute", "interval": 5}
            }),
        ),
        write(
            dir.path(),
            "secret-wrong-type.json",
            &json!({
                "name": "db", "connectionSpec": mysql,
                "auth": {"specName": "Connection String Based Authentication", "params": {"connectionString": [secret]}}
            }),
        ),
    ];
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, format!("{{\"name\": \"{secret}")).expect("write");
    let mut all = files.to_vec();
    all.push(broken.clone());
    let output = validate(&all);
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "ok connection mysql \"Connection String Based Authentication\""
    );
    assert_eq!(lines[1], "ok source mysql -");
    assert_eq!(lines[2], "ok target data-lake -");
    assert!(
        lines[3].starts_with(&format!("error {}: ", files[3].display()))
            && lines[3].contains("scheduleParams.interval"),
        "{}",
        lines[3]
    );
    assert!(lines[4].contains("`connectionString`"), "{}", lines[4]);
    assert!(lines[5].starts_with(&format!("error {}: the file is not valid JSON", broken.display())));
    let everything = format!("{stdout}{}", text(&output.stderr));
    assert!(!everything.contains(secret), "{everything}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn all_passing_exits_zero_and_usage_errors_exit_two() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = write(
        dir.path(),
        "ok.json",
        &json!({
            "name": "orders", "baseConnectionId": "b",
            "data": {"format": "tabular"}, "params": {"tableName": "shop.orders"},
            "connectionSpec": {"id": "26d738e0-8963-47ea-aadf-c60de735468a", "version": "1.0"}
        }),
    );
    assert_eq!(validate(std::slice::from_ref(&body)).status.code(), Some(0));
    let no_specs = Command::new(env!("CARGO_BIN_EXE_flow-codegen"))
        .args(["validate"])
        .arg(&body)
        .output()
        .expect("runs");
    assert_eq!(no_specs.status.code(), Some(2));
    let no_files = Command::new(env!("CARGO_BIN_EXE_flow-codegen"))
        .args(["validate", "--specs"])
        .arg(specs::specs_dir())
        .output()
        .expect("runs");
    assert_eq!(no_files.status.code(), Some(2));
}

/// Every documented source connection, target connection and flow body of the workflow fixtures,
/// as `(label, kind, body)`.
fn workflow_bodies() -> Vec<(String, &'static str, Value)> {
    let root = fixtures().join("workflow");
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(&root).expect("workflow fixtures") {
        let path = entry.expect("entry").path();
        if path.join("workflow.json").is_file() {
            files.push(path.join("workflow.json"));
        } else if path.is_dir() {
            for inner in std::fs::read_dir(&path).expect("dir") {
                let inner = inner.expect("entry").path();
                if inner.extension().is_some_and(|e| e == "json") {
                    files.push(inner);
                }
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let value: Value = serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("JSON");
        for (key, kind) in [
            ("sourceConnections", "source"),
            ("targetConnections", "target"),
            ("flows", "flow"),
        ] {
            for (index, request) in value[key].as_array().into_iter().flatten().enumerate() {
                if request["body"].is_object() {
                    let label = format!("{}/{key}#{index}", file.display());
                    out.push((label, kind, request["body"].clone()));
                }
            }
        }
    }
    out
}

/// The typed read-back's verdict on `body` as a `kind` body: `Ok(())` or its error text.
fn typed(kind: &str, body: &Value) -> Result<(), String> {
    use flow_connectors::{AnyFlow, AnySourceConnection, CreateTargetConnection, DecodeMode};
    let mode = DecodeMode::Strict;
    match kind {
        "source" => AnySourceConnection::from_value(body.clone(), mode).map(drop),
        "target" => CreateTargetConnection::from_value(body.clone(), mode).map(drop),
        _ => AnyFlow::from_value(body.clone(), mode).map(drop),
    }
    .map_err(|error| error.to_string())
}

#[test]
fn the_command_and_the_typed_read_back_agree_on_every_documented_workflow_body() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bodies = workflow_bodies();
    let files: Vec<PathBuf> = bodies
        .iter()
        .enumerate()
        .map(|(index, (_, _, body))| write(dir.path(), &format!("{index:03}.json"), body))
        .collect();
    let output = validate(&files);
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), bodies.len(), "{stdout}");
    let mut passed = 0;
    for ((label, kind, body), (file, line)) in bodies.iter().zip(files.iter().zip(&lines)) {
        let by_type = typed(kind, body);
        match &by_type {
            Ok(()) => {
                passed += 1;
                assert!(
                    line.starts_with(&format!("ok {kind} ")),
                    "{label}: typed read-back accepts it, the command says {line}"
                );
            }
            Err(error) => {
                let prefix = format!("error {}: ", file.display());
                assert!(
                    line.starts_with(&prefix),
                    "{label}: typed read-back says {error}, the command says {line}"
                );
                // A body the command reads as another kind (a target connection sending a source's spec
                // id) fails for that kind's reason; the same kind fails with the same words.
                if kind::read_as(body) == *kind {
                    assert!(
                        line.ends_with(&format!(": {error}")),
                        "{label}: typed read-back says {error}, the command says {line}"
                    );
                }
            }
        }
    }
    assert!(
        bodies.len() > 100 && passed > 50,
        "{} bodies, {passed} pass",
        bodies.len()
    );
}

/// The kind the command tells from the body's shape (the rule of `validate/kind.rs`, restated).
mod kind {
    use serde_json::Value;

    pub fn read_as(body: &Value) -> &'static str {
        let has = |key: &str| body.get(key).is_some();
        if has("flowSpec") {
            "flow"
        } else if body.pointer("/connectionSpec/id").and_then(Value::as_str) == Some(flow_connectors::DATA_LAKE_SPEC_ID)
        {
            "target"
        } else {
            "source"
        }
    }
}

#[test]
fn a_value_breaking_its_pattern_fails_naming_the_pattern_never_the_value() {
    let dir = tempfile::tempdir().expect("temp dir");
    let value = "not-a-jdbc-string-s3cr3t";
    let body = write(
        dir.path(),
        "mariadb.json",
        &json!({
            "name": "db", "connectionSpec": {"id": "3000eb99-cd47-43f3-827c-43caf170f015", "version": "1.0"},
            "auth": {"specName": "Connection String Based Authentication", "params": {"connectionString": value}}
        }),
    );
    let output = validate(&[body]);
    let stdout = text(&output.stdout);
    assert!(stdout.contains("does not match the pattern"), "{stdout}");
    assert!(!stdout.contains(value), "{stdout}");
    assert_eq!(output.status.code(), Some(1));
}
