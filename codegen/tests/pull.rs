//! `flow-codegen pull` against a local stand-in for Flow Service on 127.0.0.1: headers, paging,
//! retries, the three error body shapes, byte-stable files, a changed spec, and `diff` of the
//! pulled specs against `specs/`. The token never appears in any output.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use serde_json::{Value, json};
use specs::{spec_files, specs_dir};

#[path = "support/specs.rs"]
mod specs;
#[path = "support/stand_in.rs"]
mod stand_in;

use stand_in::{SERVICE_ROOT, Server};

const TOKEN: &str = "eyJ-test-token-7f3a9c";

/// Every spec of `specs/` as Flow Service would serve it: with fields the generator ignores.
fn served_specs() -> Vec<Value> {
    spec_files()
        .iter()
        .map(|path| {
            let mut spec: Value = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("spec JSON");
            spec["updatedAt"] = json!(1_700_000_000_000_u64);
            // The service's sourceSpec carries UI attributes the generator does not read.
            if let Some(source) = spec.get_mut("sourceSpec").and_then(Value::as_object_mut) {
                source.insert("attributes".into(), json!({"uiAttributes": {"category": "database"}}));
            }
            spec["permissionsInfo"] = json!({"view": [{"@type": "lowLevel"}]});
            spec
        })
        .collect()
}

/// `mysql` as served after a spec change: a new required param.
fn changed(mut specs: Vec<Value>) -> Vec<Value> {
    let mysql = specs.iter_mut().find(|s| s["name"] == "mysql").expect("mysql");
    let basic = &mut mysql["authSpec"][1]["spec"];
    basic["properties"]["charset"] = json!({"type": "string", "description": "Character set."});
    basic["required"]
        .as_array_mut()
        .expect("required")
        .push(json!("charset"));
    specs
}

/// The two pages of `GET /connectionSpecs`; the second answers 503 the first time it is asked.
/// `GET /flowSpecs` lists the flow specs of `specs/flows/`, as the service would (with fields the
/// generator ignores).
fn paging_server(specs: Arc<Mutex<Vec<Value>>>) -> Server {
    let flow_specs: Vec<Value> = specs::flow_spec_files()
        .iter()
        .map(|path| {
            let mut spec: Value = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("flow spec JSON");
            spec["updatedAt"] = json!(1_700_000_000_000_u64);
            spec
        })
        .collect();
    let flow_specs = json!({"items": flow_specs}).to_string();
    Server::start(move |request, earlier| {
        let specs = specs.lock().expect("lock");
        let half = specs.len() / 2;
        match request.target.as_str() {
            "/data/foundation/flowservice/connectionSpecs" => (
                200,
                json!({
                    "items": specs[..half],
                    "_links": {"next": {"href": "/connectionSpecs?continuationToken=page2"}}
                })
                .to_string(),
            ),
            "/data/foundation/flowservice/connectionSpecs?continuationToken=page2" if earlier % 2 == 0 => (
                503,
                json!({"type": "https://ns.adobe.com/aep/errors/FLOW-1000-503", "title": "Service Unavailable", "status": 503})
                    .to_string(),
            ),
            "/data/foundation/flowservice/connectionSpecs?continuationToken=page2" => {
                (200, json!({"items": specs[half..], "_links": {}}).to_string())
            }
            "/data/foundation/flowservice/flowSpecs" => (200, flow_specs.clone()),
            _ => (404, json!({"error_code": "404", "message": "no such path"}).to_string()),
        }
    })
}

fn pull(base_url: &str, out: &Path, extra: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_flow-codegen"));
    command
        .args(["pull", "--out", out.to_str().expect("utf-8"), "--retry-delay-ms", "1"])
        .args(extra)
        .env("FLOW_BASE_URL", base_url)
        .env("FLOW_ACCESS_TOKEN", TOKEN)
        .env("FLOW_API_KEY", "test-client-id")
        .env("FLOW_ORG_ID", "0123456789ABCDEF@AdobeOrg")
        .env("FLOW_SANDBOX_NAME", "from-env");
    for proxy in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        command.env_remove(proxy);
    }
    command.output().expect("runs")
}

/// `flow-codegen diff specs/ DIR --fail-on FAIL_ON`.
fn diff_with_specs(dir: &Path, fail_on: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flow-codegen"))
        .args([
            "diff",
            specs_dir().to_str().expect("utf-8"),
            dir.to_str().expect("utf-8"),
        ])
        .args(["--fail-on", fail_on])
        .output()
        .expect("runs")
}

/// Asserts that `output` (stdout and stderr) says `needle`.
fn assert_said(output: &Output, needle: &str) {
    let all = all_output(output);
    assert!(all.contains(needle), "{all}");
}

fn all_output(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every file of `dir` with its bytes and mtime (not the `flows/` directory).
fn files(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    std::fs::read_dir(dir)
        .expect("dir")
        .filter(|e| e.as_ref().map_or(true, |e| e.path().is_file()))
        .map(|e| {
            let e = e.expect("entry");
            let meta = e.metadata().expect("metadata");
            (
                e.file_name().to_string_lossy().into_owned(),
                (std::fs::read(e.path()).expect("read"), meta.modified().expect("mtime")),
            )
        })
        .collect()
}

#[test]
fn pulls_every_page_retries_keeps_bytes_stable_and_diffs_against_specs() {
    let specs = Arc::new(Mutex::new(served_specs()));
    let count = specs.lock().expect("lock").len();
    let server = paging_server(specs.clone());
    let out = tempfile::tempdir().expect("temp dir");
    let mut outputs = Vec::new();

    // First pull: both pages, page 2 after one 503; the flag beats the environment variable.
    let first = pull(&server.base_url(), out.path(), &["--sandbox-name", "from-flag"]);
    assert!(first.status.success(), "{}", all_output(&first));
    let text = all_output(&first);
    assert!(text.contains("status 503; retrying"), "{text}");
    assert!(
        text.contains(&format!("{count} connection spec(s) (2 page(s))")),
        "{text}"
    );
    outputs.push(first);
    let seen = server.seen();
    assert_eq!(seen.len(), 4, "page 1, page 2 (503), page 2, flow specs");
    for request in &seen {
        let header = |name: &str| request.headers.get(name).map(String::as_str);
        assert_eq!(header("authorization"), Some(format!("Bearer {TOKEN}").as_str()));
        assert_eq!(header("x-api-key"), Some("test-client-id"));
        assert_eq!(header("x-gw-ims-org-id"), Some("0123456789ABCDEF@AdobeOrg"));
        assert_eq!(header("x-sandbox-name"), Some("from-flag"));
        assert!(!request.headers.contains_key("x-sandbox-id"));
    }

    // One file per connector, named like specs/, holding only what the generator reads.
    let pulled = files(out.path());
    let expected: Vec<String> = spec_files()
        .iter()
        .map(|path| path.file_name().expect("named").to_string_lossy().into_owned())
        .collect();
    assert_eq!(pulled.keys().cloned().collect::<Vec<_>>(), expected);
    let mysql = String::from_utf8(pulled["mysql.json"].0.clone()).expect("utf-8");
    assert!(mysql.starts_with("{\n  \"id\": \"26d738e0-8963-47ea-aadf-c60de735468a\",\n  \"name\": \"mysql\",\n"));
    assert!(mysql.ends_with("}\n"));
    for ignored in ["updatedAt", "permissionsInfo", "uiAttributes\": {\"category"] {
        assert!(!mysql.contains(ignored), "{mysql}");
    }

    // The pulled specs generate exactly what specs/ generates.
    let same = diff_with_specs(out.path(), "any");
    assert_eq!(
        String::from_utf8_lossy(&same.stdout),
        "no changes: both spec sets generate the same API\n"
    );
    assert_eq!(same.status.code(), Some(0));

    // Re-pulling unchanged specs changes no byte and no mtime.
    std::thread::sleep(Duration::from_millis(20));
    let again = pull(&server.base_url(), out.path(), &[]);
    assert!(again.status.success(), "{}", all_output(&again));
    let flow_count = specs::flow_spec_files().len();
    assert_said(&again, &format!("0 written, {} unchanged", count + flow_count));
    outputs.push(again);
    assert_eq!(files(out.path()), pulled);

    // A changed spec rewrites its file only, and `diff` names what it breaks.
    let served = changed(specs.lock().expect("lock").clone());
    *specs.lock().expect("lock") = served;
    let third = pull(&server.base_url(), out.path(), &[]);
    assert!(third.status.success(), "{}", all_output(&third));
    assert_said(&third, "written:      mysql.json");
    outputs.push(third);
    let now = files(out.path());
    for (name, before) in &pulled {
        if name != "mysql.json" {
            assert_eq!(&now[name], before, "{name} untouched");
        }
    }
    assert_ne!(now["mysql.json"].0, pulled["mysql.json"].0);
    let diff = diff_with_specs(out.path(), "breaking");
    assert_eq!(diff.status.code(), Some(1));
    let report = String::from_utf8_lossy(&diff.stdout);
    assert!(
        report.starts_with("1 breaking and 0 compatible change(s) in 1 connector(s)\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "breaking    auth spec \"Basic Authentication\" (`BasicAuthentication`), param `charset` (field `charset`): required param added"
        ),
        "{report}"
    );

    for output in &outputs {
        assert!(!all_output(output).contains(TOKEN));
    }
    for (name, (bytes, _)) in files(out.path()) {
        assert!(!String::from_utf8_lossy(&bytes).contains(TOKEN), "{name}");
    }
}

#[test]
fn names_and_keeps_files_the_service_no_longer_returns() {
    let server = paging_server(Arc::new(Mutex::new(served_specs())));
    let out = tempfile::tempdir().expect("temp dir");
    std::fs::write(out.path().join("retired-connector.json"), "{}\n").expect("write");
    let output = pull(&server.base_url(), out.path(), &[]);
    assert!(output.status.success(), "{}", all_output(&output));
    assert_said(&output, "not returned: retired-connector.json (kept");
    assert!(out.path().join("retired-connector.json").exists());

    // With --name only the named specs are kept, and a name the service lacks is an error.
    let only = tempfile::tempdir().expect("temp dir");
    let output = pull(
        &server.base_url(),
        only.path(),
        &["--name", "mysql", "--name", "oracle"],
    );
    assert!(output.status.success(), "{}", all_output(&output));
    assert_eq!(
        files(only.path()).into_keys().collect::<Vec<_>>(),
        ["mysql.json", "oracle.json"]
    );
    let missing = pull(&server.base_url(), only.path(), &["--name", "no-such-connector"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(all_output(&missing).contains("no connection spec named `no-such-connector`"));
}

/// An error body in each documented shape, and the summary line flow-connectors' `ApiError` reading
/// gives (the same precedence as `tests/suite/http_request.rs` asserts of the library); the
/// gateway one echoes the token, as a careless proxy might.
fn error_body(shape: &str, status: u16) -> (String, String) {
    match shape {
        "flow" => (
            json!({
                "type": format!("https://ns.adobe.com/aep/errors/FLOW-2105-{status}"),
                "title": "Request failed",
                "status": status,
                "report": {"detailed-message": "The sandbox `dev` is not reachable", "request-id": "req-42"},
                "errorMessage": "The sandbox is not reachable"
            })
            .to_string(),
            format!(
                "\n  error FLOW-2105-{status}: Request failed: The sandbox `dev` is not reachable (request id req-42)\n"
            ),
        ),
        "gateway" => (
            json!({"error_code": format!("{status}013"), "message": format!("Oauth token {TOKEN} is not valid")}).to_string(),
            format!("\n  error {status}013: Oauth token [REDACTED] is not valid\n"),
        ),
        _ => (
            json!({"type": "/placeholder/type/uri", "status": status, "title": "BadRequestError", "detail": "A valid content-type must be specified"})
                .to_string(),
            "\n  BadRequestError: A valid content-type must be specified\n".to_owned(),
        ),
    }
}

#[test]
fn error_statuses_show_the_service_error_and_write_nothing() {
    for status in [401_u16, 403, 500] {
        for shape in ["flow", "gateway", "bad-request"] {
            let (body, summary) = error_body(shape, status);
            let server = Server::start(move |_, _| (status, body.clone()));
            let out = tempfile::tempdir().expect("temp dir");
            let output = pull(&server.base_url(), out.path(), &["--retries", "2"]);
            let text = all_output(&output);
            assert_eq!(output.status.code(), Some(1), "{status} {shape}: {text}");
            assert!(text.contains(&format!("Flow Service answered {status}")), "{text}");
            assert!(text.contains(&summary), "{status} {shape}: {text}");
            assert!(text.contains("response body: {"), "{text}");
            assert!(text.contains("help: "), "{text}");
            assert!(!text.contains(TOKEN), "{status} {shape}: {text}");
            assert!(files(out.path()).is_empty(), "nothing written");
            // 5xx is retried (1 + 2 retries); 401 and 403 are not.
            let expected = if status == 500 { 3 } else { 1 };
            assert_eq!(server.seen().len(), expected, "{status} {shape}");
            if status == 500 {
                assert!(text.contains("(after 3 attempts)"), "{text}");
            }
        }
    }
}

#[test]
fn network_errors_are_retried_then_reported() {
    // A port that was just free: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let out = tempfile::tempdir().expect("temp dir");
    let output = pull(
        &format!("http://127.0.0.1:{port}{SERVICE_ROOT}"),
        out.path(),
        &["--retries", "1"],
    );
    let text = all_output(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("retrying in 1 ms (attempt 2 of 2)"), "{text}");
    assert!(text.contains("failed after 2 attempt(s)"), "{text}");
    assert!(files(out.path()).is_empty());
}

#[test]
fn missing_credentials_are_named_before_any_request() {
    let out = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_flow-codegen"))
        .args(["pull", "--out", out.path().to_str().expect("utf-8"), "--api-key", "k"])
        .env_remove("FLOW_ACCESS_TOKEN")
        .env_remove("FLOW_ORG_ID")
        .env_remove("FLOW_SANDBOX_NAME")
        .env_remove("FLOW_API_KEY")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let text = all_output(&output);
    assert!(
        text.contains(
            "--access-token or FLOW_ACCESS_TOKEN, --org-id or FLOW_ORG_ID, --sandbox-name or FLOW_SANDBOX_NAME"
        ),
        "{text}"
    );
    assert!(!text.contains("FLOW_API_KEY"), "the key was given: {text}");
}

/// A flow spec as the service serves it, with members the generator does not read.
fn served_flow_spec(id: &str, name: &str, sources: &[&str]) -> Value {
    json!({
        "id": id, "name": name, "version": "1.0", "providerId": "0ed90a81-07f4-4586-8190-b40eccef1c5a",
        "attributes": {"isSourceFlow": true}, "updatedAt": 1_700_000_000_000_u64,
        "sourceConnectionSpecIds": sources,
        "targetConnectionSpecIds": ["c604ff05-7f1a-43c0-8e18-33bf874cb11c"],
        "transformationSpecs": [{"name": "Mapping", "extra": 1, "spec": {"type": "object", "properties": {"mappingVersion": {"type": "string"}}}}],
        "scheduleSpec": {"name": "PeriodicSchedule", "type": "Periodic", "spec": {
            "type": "object",
            "properties": {"startTime": {"type": "integer"}, "frequency": {"type": "string", "enum": ["once", "minute"]}, "interval": {"type": "integer"}},
            "if": {"properties": {"frequency": {"const": "minute"}}},
            "then": {"properties": {"interval": {"minimum": 15}}}
        }},
        "runSpec": {"name": "ProviderParams"}
    })
}

#[test]
fn pulls_flow_specs_page_by_page_into_flows() {
    let mysql = "26d738e0-8963-47ea-aadf-c60de735468a";
    let crm = served_flow_spec("14518937-270c-4525-bdec-c2ba7cce3860", "CRMToAEP", &[mysql]);
    let other = served_flow_spec(
        "6499120c-0b15-42dc-936e-847ea3c24d72",
        "RestStorageToPlatform",
        &["4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62"],
    );
    let specs = served_specs();
    let server = Server::start(move |request, _| match request.target.as_str() {
        "/data/foundation/flowservice/connectionSpecs" => (200, json!({"items": specs}).to_string()),
        "/data/foundation/flowservice/flowSpecs" => (
            200,
            json!({"items": [crm], "_links": {"next": {"href": "/flowSpecs?continuationToken=f2"}}}).to_string(),
        ),
        "/data/foundation/flowservice/flowSpecs?continuationToken=f2" => (200, json!({"items": [other]}).to_string()),
        _ => (404, json!({"message": "no such path"}).to_string()),
    });
    let out = tempfile::tempdir().expect("temp dir");
    let full = pull(&server.base_url(), out.path(), &[]);
    assert!(full.status.success(), "{}", all_output(&full));
    assert_said(&full, "and 2 flow spec(s) (2 page(s))");
    assert_said(&full, "written:      flows/crmtoaep.json");
    let flows = files(&out.path().join("flows"));
    assert_eq!(
        flows.keys().collect::<Vec<_>>(),
        ["crmtoaep.json", "reststoragetoplatform.json"]
    );
    let text = String::from_utf8(flows["crmtoaep.json"].0.clone()).expect("utf-8");
    for ignored in [
        "updatedAt",
        "providerId",
        "attributes",
        "runSpec",
        "extra",
        "PeriodicSchedule",
    ] {
        assert!(!text.contains(ignored), "{ignored} kept: {text}");
    }
    // What was pulled generates: the flow spec accepts nothing (no spec has a sourceSpec yet) but
    // is a type of its own.
    let rendered = flow_codegen_render(out.path());
    assert!(rendered.contains("pub struct CrmToAep;"), "{rendered}");

    // With --name, only the flow specs that accept a named connector.
    let only = tempfile::tempdir().expect("temp dir");
    let output = pull(&server.base_url(), only.path(), &["--name", "mysql"]);
    assert!(output.status.success(), "{}", all_output(&output));
    assert_eq!(
        files(&only.path().join("flows")).into_keys().collect::<Vec<_>>(),
        ["crmtoaep.json"]
    );
    for output in [&full, &output] {
        assert!(!all_output(output).contains(TOKEN));
    }
}

/// `flow-codegen generate --specs DIR` into a temporary directory; its `flow_specs.rs`.
fn flow_codegen_render(dir: &Path) -> String {
    let out = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_flow-codegen"))
        .args([
            "generate",
            "--specs",
            dir.to_str().expect("utf-8"),
            "--out",
            out.path().to_str().expect("utf-8"),
        ])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", all_output(&output));
    std::fs::read_to_string(out.path().join("flow_specs.rs")).expect("flow_specs.rs written")
}
