//! Property tests of the whole generator (`Config::render`):
//! - random well-formed catalogs either render to Rust that `syn` parses, with one module per
//!   connector and one params type per auth spec, or are rejected only by the naming policy, with a
//!   located error; with distinct simple names they are always accepted;
//! - arbitrary bytes and mutated specs (truncated, retyped, members deleted) never panic and never
//!   fail internally: the outcome is parsing code or a diagnostic naming the file;
//! - a fixed sample of random catalogs compiles warning-free against the runtime crate
//!   (`compile.rs`).

mod compile;
#[path = "../support/packages.rs"]
mod packages;
mod specs;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use flow_codegen::{Config, Error, Rendered, Report, Severity};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestRunner;
use serde_json::Value;

use specs::Catalog;

/// Renders the given spec files.
fn render(files: &[PathBuf]) -> Result<Rendered, Error> {
    files
        .iter()
        .fold(Config::new(), |config, file| config.spec_file(file))
        .render()
}

/// Every rendered file parses as a Rust file, under a two-line header of line comments that spec
/// text cannot break out of.
fn assert_parses(rendered: &Rendered) {
    assert!(rendered.files.contains_key(flow_codegen::ROOT_FILE), "no root file");
    for (name, text) in &rendered.files {
        if let Err(err) = syn::parse_file(text) {
            panic!("{name} does not parse: {err}\n{text}");
        }
        let lines: Vec<&str> = text.splitn(4, '\n').take(3).collect();
        assert!(
            lines.len() == 3
                && lines[0] == flow_codegen::HEADER
                && lines[1].starts_with("// Source: ")
                && lines[2].is_empty(),
            "{name} has a broken header:\n{text}"
        );
    }
}

/// The report has at least one error, every error names one of `files`, and the rendered text
/// shows an error line and the file's location.
fn assert_located(report: &Report, files: &[PathBuf]) {
    let text = report.to_string();
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(!errors.is_empty(), "rejected without an error:\n{text}");
    for error in &errors {
        let file = error
            .file
            .as_deref()
            .unwrap_or_else(|| panic!("error without a file:\n{text}"));
        assert!(
            files.iter().any(|f| f == file),
            "error in an unknown file {file:?}:\n{text}"
        );
        assert!(
            text.contains(&format!("--> {}", file.display())),
            "file not shown:\n{text}"
        );
    }
    assert!(
        text.lines().any(|line| line.starts_with("error")),
        "no error line:\n{text}"
    );
}

/// What a rejection of a well-formed catalog may be about: names that collide or give no
/// identifier, never the shape of the schema.
const NAMING_ERRORS: &[&str] = &[
    "would both",
    "would share",
    "gives no usable",
    "appears twice",
    "is listed twice",
    "both declare",
    "the auth spec name is empty",
];

/// Accepted and parsing, or rejected with located errors; never another kind of error.
fn check_outcome(outcome: Result<Rendered, Error>, files: &[PathBuf]) -> Result<Rendered, Report> {
    match outcome {
        Ok(rendered) => {
            assert_parses(&rendered);
            Ok(rendered)
        }
        Err(Error::Spec(report)) => {
            assert_located(&report, files);
            Err(report)
        }
        Err(other) => panic!("neither code nor a spec diagnostic: {other}"),
    }
}

/// Checks one well-formed catalog; true if it was accepted.
fn check_catalog(catalog: &Catalog) -> bool {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = catalog.write(dir.path());
    match check_outcome(render(&files), &files) {
        Ok(rendered) => {
            assert_eq!(rendered.connector_count(), catalog.connectors.len());
            assert_eq!(rendered.auth_spec_count(), catalog.auth_spec_count());
            assert_eq!(
                rendered.files.len(),
                catalog.connectors.len() + 1,
                "root + one per connector"
            );
            true
        }
        Err(report) => {
            for error in report.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
                assert!(
                    NAMING_ERRORS.iter().any(|kind| error.message.contains(kind)),
                    "a well-formed catalog was rejected for something other than naming:\n{report}"
                );
            }
            false
        }
    }
}

/// How many random catalogs each property runs on.
const CASES: u32 = 128;

#[test]
fn well_formed_catalogs_render_or_fail_only_on_names() {
    let mut runner = TestRunner::new(ProptestConfig {
        cases: CASES,
        source_file: Some(file!()),
        ..ProptestConfig::default()
    });
    let accepted = AtomicU32::new(0);
    let outcome = runner.run(&specs::catalog(), |catalog| {
        if check_catalog(&catalog) {
            accepted.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
    // Hostile names are meant to reach the emitter, not only the naming policy's rejections.
    let accepted = accepted.into_inner();
    assert!(
        accepted * 3 >= CASES,
        "only {accepted} of {CASES} hostile catalogs were accepted"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn catalogs_with_distinct_simple_names_always_render(catalog in specs::catalog()) {
        let plain = catalog.plain();
        prop_assert!(check_catalog(&plain), "rejected: {plain:#?}");
    }
}

/// Writes `bytes` as one spec file and checks the outcome.
fn check_bytes(bytes: &[u8]) -> Result<Rendered, Report> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("spec.json");
    std::fs::write(&path, bytes).expect("write spec");
    check_outcome(render(std::slice::from_ref(&path)), &[path])
}

/// Inputs the fuzzer (`fuzz/`) crashed on, minimized: each renders parsing code or gets a
/// diagnostic.
#[test]
fn fuzz_regressions_render_or_get_a_diagnostic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the regression directory")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no regression inputs in {}", dir.display());
    for input in inputs {
        check_bytes(&std::fs::read(&input).expect("read the input")).ok();
    }
}

/// The text of a one-file layout of the catalog.
fn one_file(catalog: &Catalog) -> Value {
    let mut files = catalog.files();
    if files.len() == 1 {
        files.remove(0).1
    } else {
        Value::Array(files.into_iter().map(|(_, value)| value).collect())
    }
}

/// Every value in `value`, as a JSON pointer (the root is `""`).
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                pointers(
                    member,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// A value of a different kind from `value`.
fn retyped(value: &Value, pick: u8) -> Value {
    let candidates = [
        Value::Null,
        Value::Bool(pick.is_multiple_of(2)),
        serde_json::json!(-1.5),
        serde_json::json!(42),
        serde_json::json!("text"),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!([{"type": "string"}]),
    ];
    let offset = usize::from(pick) % candidates.len();
    candidates
        .iter()
        .cycle()
        .skip(offset)
        .take(candidates.len())
        .find(|candidate| std::mem::discriminant(*candidate) != std::mem::discriminant(value))
        .cloned()
        .expect("another kind exists")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_get_a_diagnostic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check_bytes(&bytes).ok();
    }

    #[test]
    fn truncated_specs_are_malformed(catalog in specs::catalog(), cut in any::<Index>()) {
        let text = serde_json::to_string_pretty(&one_file(&catalog)).expect("JSON");
        let mut end = cut.index(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let report = check_bytes(&text.as_bytes()[..end]).expect_err("a strict prefix is not JSON");
        let text = report.to_string();
        prop_assert!(text.contains("malformed JSON") || text.contains("the spec file is empty"), "{}", text);
    }

    #[test]
    fn retyped_values_never_panic(catalog in specs::catalog(), at in any::<Index>(), pick in any::<u8>()) {
        let mut spec = one_file(&catalog);
        let mut all = Vec::new();
        pointers(&spec, String::new(), &mut all);
        let pointer = &all[at.index(all.len())];
        let target = spec.pointer_mut(pointer).expect("pointer exists");
        *target = retyped(target, pick);
        check_bytes(serde_json::to_string(&spec).expect("JSON").as_bytes()).ok();
    }

    #[test]
    fn deleted_members_never_panic(catalog in specs::catalog(), at in any::<Index>()) {
        let mut spec = one_file(&catalog);
        let mut all = Vec::new();
        pointers(&spec, String::new(), &mut all);
        let members: Vec<&String> = all.iter().filter(|p| !p.is_empty()).collect();
        let pointer = members[at.index(members.len())];
        let (parent, key) = pointer.rsplit_once('/').expect("not the root");
        let key = key.replace("~1", "/").replace("~0", "~");
        match spec.pointer_mut(parent).expect("parent exists") {
            Value::Object(object) => _ = object.shift_remove(&key),
            Value::Array(items) => _ = items.remove(key.parse::<usize>().expect("an index")),
            _ => unreachable!("a member's parent is an object or array"),
        }
        check_bytes(serde_json::to_string(&spec).expect("JSON").as_bytes()).ok();
    }

    #[test]
    fn missing_required_fields_are_errors(
        catalog in specs::catalog(),
        field in proptest::sample::select(&["id", "name", "version", "authSpec"][..]),
        connector in any::<Index>(),
    ) {
        let mut specs: Vec<Value> = catalog.connectors.iter().map(specs::Connector::json).collect();
        let index = connector.index(specs.len());
        specs[index].as_object_mut().expect("an object").shift_remove(field);
        let report = check_bytes(serde_json::to_string(&specs).expect("JSON").as_bytes())
            .expect_err("a spec without a required field is rejected");
        let expected = format!("missing required field `{field}`");
        prop_assert!(report.diagnostics.iter().any(|d| d.message == expected), "{}", report);
    }
}
