//! `flow-codegen diff OLD NEW`: what each kind of spec change is reported as, in text and JSON,
//! and the exit codes CI relies on.
//!
//! Each case under `tests/fixtures/diff/<case>/{old,new}/` is a pair of spec sets; the reports
//! are reviewed as insta snapshots (`cargo insta review`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CASES: [&str; 7] = [
    "connectors",
    "auth_specs",
    "params",
    "values",
    "compatible",
    "unchanged",
    "workflow",
];

fn case_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(case)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flow-codegen"))
        .args(args)
        .output()
        .expect("runs")
}

fn diff_case(case: &str, extra: &[&str]) -> Output {
    let dir = case_dir(case);
    let old = dir.join("old");
    let new = dir.join("new");
    let mut args = vec!["diff", old.to_str().expect("utf-8"), new.to_str().expect("utf-8")];
    args.extend_from_slice(extra);
    run(&args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn text_reports() {
    for case in CASES {
        let output = diff_case(case, &[]);
        assert_eq!(output.status.code(), Some(0), "{case}: {}", stderr(&output));
        insta::assert_snapshot!(format!("{case}_text"), stdout(&output));
    }
}

#[test]
fn json_reports() {
    for case in CASES {
        let output = diff_case(case, &["--format", "json"]);
        assert_eq!(output.status.code(), Some(0), "{case}: {}", stderr(&output));
        let text = stdout(&output);
        let report: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let changes = report["changes"].as_array().expect("changes array");
        let breaking = changes.iter().filter(|c| c["impact"] == "breaking").count();
        assert_eq!(report["breaking"], breaking, "{case}");
        assert_eq!(report["compatible"], changes.len() - breaking, "{case}");
        insta::assert_snapshot!(format!("{case}_json"), text);
    }
}

/// The fixtures exercise every kind of change the diff knows, so each is reviewed in a snapshot.
#[test]
fn fixtures_cover_every_kind_of_change() {
    let mut seen = BTreeSet::new();
    for case in CASES {
        let output = diff_case(case, &["--format", "json"]);
        let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
        for change in report["changes"].as_array().expect("changes") {
            seen.insert(change["change"].as_str().expect("code").to_owned());
        }
    }
    let all = [
        "auth_dropped",
        "auth_introduced",
        "auth_spec_added",
        "auth_spec_removed",
        "auth_spec_renamed",
        "connector_added",
        "connector_removed",
        "default_changed",
        "doc_changed",
        "enum_value_added",
        "enum_value_removed",
        "name_changed",
        "param_added",
        "param_removed",
        "pattern_changed",
        "required_changed",
        "rust_name_changed",
        "secret_changed",
        "spec_id_changed",
        "type_changed",
        "version_changed",
        "source_added",
        "source_removed",
        "source_family_changed",
        "base_connection_changed",
        "flow_spec_added",
        "flow_spec_removed",
        "flow_spec_changed",
        "accepts_added",
        "accepts_removed",
    ];
    let all: BTreeSet<String> = all.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(seen, all);
}

#[test]
fn fail_on_breaking_fails_only_for_breaking_changes() {
    let breaking = diff_case("params", &["--fail-on", "breaking"]);
    assert_eq!(breaking.status.code(), Some(1));
    // The report is printed all the same, so CI logs show what broke.
    assert!(
        stdout(&breaking).contains("required param added"),
        "{}",
        stdout(&breaking)
    );

    let compatible = diff_case("compatible", &["--fail-on", "breaking"]);
    assert_eq!(compatible.status.code(), Some(0), "{}", stderr(&compatible));
    assert_eq!(diff_case("compatible", &["--fail-on", "any"]).status.code(), Some(1));
    assert_eq!(diff_case("unchanged", &["--fail-on", "any"]).status.code(), Some(0));
}

#[test]
fn the_same_specs_in_another_layout_have_no_changes() {
    let output = diff_case("unchanged", &[]);
    assert_eq!(stdout(&output), "no changes: both spec sets generate the same API\n");
}

#[test]
fn single_spec_files_can_be_compared() {
    let dir = case_dir("params");
    let output = run(&[
        "diff",
        dir.join("old/shop.json").to_str().expect("utf-8"),
        dir.join("new/shop.json").to_str().expect("utf-8"),
    ]);
    assert_eq!(stdout(&output), stdout(&diff_case("params", &[])));
}

#[test]
fn spec_errors_are_displayed_and_exit_1() {
    let temp = tempfile::tempdir().expect("temp dir");
    let bad = temp.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"id\": \"11111111-1111-1111-1111-111111111111\",\n  \"name\": \"bad\",\n  \"version\": \"1.0\",\n  \"authSpec\": [{\"name\": \"Basic\", \"spec\": {\"type\": \"object\", \"properties\": {\"x\": {\"oneOf\": []}}}}]\n}\n",
    )
    .expect("write");
    let old = case_dir("params").join("old");
    let output = run(&["diff", old.to_str().expect("utf-8"), bad.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("bad.json:5:"), "{err}");
    assert!(err.contains("oneOf"), "{err}");
    assert!(stdout(&output).is_empty(), "no report for specs that do not load");
}

#[test]
fn usage_errors_exit_2() {
    let old = case_dir("params").join("old");
    assert_eq!(run(&["diff", old.to_str().expect("utf-8")]).status.code(), Some(2));
    let new = case_dir("params").join("new");
    let output = run(&[
        "diff",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
        "--fail-on",
        "sometimes",
    ]);
    assert_eq!(output.status.code(), Some(2));
}
