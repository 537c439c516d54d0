//! The bad-spec collection: every file (or directory) under `fixtures/bad-specs/` is a spec
//! with one kind of mistake, and its displayed report is a reviewed snapshot. Large inputs (a
//! 10 MB file, thousands of params, deep nesting) are made by the tests instead of checked in.
//!
//! Paths in the reports are shown relative to `codegen/tests/` (`fixtures/bad-specs/…`), so the
//! snapshots hold short paths that do not depend on where the repository is checked out.

use std::path::{Path, PathBuf};

use flow_codegen::{Config, Error};

/// Cases whose only findings are warnings: they still generate.
const WARNING_ONLY: &[&str] = &[
    "explore-spec-without-type.json",
    "explore-type-unknown.json",
    "id-not-a-uuid.json",
    "required-unknown-param.json",
    "source-params-type-renamed.json",
    "source-spec-without-explore-spec.json",
];

/// The directory the paths of the reports are shown relative to.
fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// A path under `tests_dir()`, as the reports show it.
fn shown(path: &Path) -> PathBuf {
    path.strip_prefix(tests_dir()).unwrap_or(path).to_path_buf()
}

/// `report` with every path under `tests_dir()` shown relative to it.
fn relative(report: &str) -> String {
    report.replace(&format!("{}/", tests_dir().display()), "")
}

/// The diagnostics of generating from `path` (a spec file or a directory), displayed plainly.
fn diagnostics(path: &Path) -> Result<String, String> {
    let config = if path.is_dir() {
        Config::new().spec_dir(path)
    } else {
        Config::new().spec_file(path)
    };
    match config.out_dir("unused").render() {
        Err(Error::Spec(report)) => Err(relative(&report.to_string())),
        Ok(rendered) => Ok(relative(&rendered.warning_report().to_string())),
        Err(other) => panic!("{}: expected spec diagnostics, got {other}", path.display()),
    }
}

/// The catalog's directory.
fn catalog_dir() -> PathBuf {
    tests_dir().join("fixtures/bad-specs")
}

/// Every case of the catalog, sorted.
fn bad_specs() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(catalog_dir())
        .expect("tests/fixtures/bad-specs exists")
        .map(|entry| entry.expect("readable entry").path())
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_bad_spec_has_a_reviewed_diagnostic() {
    let cases = bad_specs();
    assert!(cases.len() >= 30, "the catalog has {} cases", cases.len());
    for case in cases {
        let name = case.file_name().expect("named").to_string_lossy().into_owned();
        let report = match diagnostics(&case) {
            Err(report) => {
                assert!(
                    !WARNING_ONLY.contains(&name.as_str()),
                    "{name} should only warn:\n{report}"
                );
                report
            }
            Ok(warnings) => {
                assert!(WARNING_ONLY.contains(&name.as_str()), "{name} generated:\n{warnings}");
                assert!(warnings.contains("warning: "), "{name}: no warning");
                warnings
            }
        };
        // Every diagnostic says where (file and line:column) and what to do.
        assert!(
            report.contains(&format!("--> {}", shown(&case).display())),
            "{name}:\n{report}"
        );
        assert!(report.contains("help: "), "{name}:\n{report}");
        insta::assert_snapshot!(format!("bad_spec__{name}"), report);
    }
}

#[test]
fn the_errors_of_every_file_are_reported_together() {
    let report = diagnostics(&catalog_dir()).expect_err("errors");
    for case in bad_specs() {
        let name = case.file_name().expect("named").to_string_lossy().into_owned();
        assert!(
            report.contains(&format!("{}", shown(&case).display())),
            "{name} missing from the joint report"
        );
    }
    let errors = report.matches("\nerror: ").count() + usize::from(report.starts_with("error: "));
    assert!(errors >= 50, "{errors} errors");
    assert!(
        report.trim_end().ends_with("warnings"),
        "{}",
        report.lines().last().unwrap_or_default()
    );
}

/// Renders a spec made by a test in a temporary directory, with the directory's path replaced by
/// `<tmp>` so the snapshot is stable.
fn generated_case(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let report = diagnostics(&path).expect_err("rejected");
    report.replace(&dir.path().display().to_string(), "<tmp>")
}

fn spec_with_params(count: usize, required: usize) -> Vec<u8> {
    let properties: serde_json::Map<String, serde_json::Value> = (0..count)
        .map(|i| (format!("param{i}"), serde_json::json!({"type": "string"})))
        .collect();
    let required: Vec<String> = (0..required).map(|i| format!("param{i}")).collect();
    let spec = serde_json::json!({
        "id": "5d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a",
        "name": "many-params",
        "version": "1.0",
        "authSpec": [{"name": "Keys", "spec": {"type": "object", "properties": properties, "required": required}}]
    });
    serde_json::to_vec_pretty(&spec).expect("JSON")
}

#[test]
fn thousands_of_params_are_refused_quickly() {
    insta::assert_snapshot!(
        "bad_spec__thousands-of-params",
        generated_case("many.json", &spec_with_params(5000, 0))
    );
}

#[test]
fn too_many_required_params_are_refused() {
    // Each required param is a builder type parameter named by every setter: code grows with the
    // square of their number.
    insta::assert_snapshot!(
        "bad_spec__too-many-required-params",
        generated_case("required.json", &spec_with_params(100, 100))
    );
}

#[test]
fn a_ten_megabyte_file_is_refused_without_being_read() {
    let mut bytes = spec_with_params(3, 3);
    bytes.extend(std::iter::repeat_n(b' ', 10 * 1024 * 1024));
    insta::assert_snapshot!("bad_spec__ten-megabyte-file", generated_case("huge.json", &bytes));
}

#[test]
fn deep_nesting_is_a_diagnostic_not_a_stack_overflow() {
    let depth = 100_000;
    let bytes = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    insta::assert_snapshot!("bad_spec__deep-nesting", generated_case("deep.json", bytes.as_bytes()));
    let objects = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    assert!(generated_case("deep-objects.json", objects.as_bytes()).contains("nest more than 128 levels"));
}

/// The error of generating from the catalog's `param-type-unknown.json`.
fn unknown_type_error() -> Error {
    Config::new()
        .spec_file(catalog_dir().join("param-type-unknown.json"))
        .render()
        .expect_err("bad spec")
}

#[test]
fn a_build_script_that_returns_the_error_prints_the_displayed_report() {
    // `fn main() -> Result<(), flow_codegen::Error>` prints the error with `Debug`: it must be
    // the same report the command line prints, not a struct dump.
    let error = unknown_type_error();
    assert_eq!(format!("{error:?}"), format!("{error}"));
    assert!(
        relative(&format!("{error:?}"))
            .starts_with("error: unknown type `int`\n  --> fixtures/bad-specs/param-type-unknown.json:25:21\n")
    );
}

#[test]
fn colours_are_only_added_on_request() {
    let Error::Spec(report) = unknown_type_error() else {
        panic!("expected spec errors");
    };
    assert!(!report.to_string().contains('\u{1b}'));
    let colored = report.colored().to_string();
    assert!(colored.contains("\u{1b}[1;31merror\u{1b}[0m"), "{colored:?}");
    // Stripped of its escapes, the coloured report is the plain one.
    let mut plain = String::new();
    let mut chars = colored.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            plain.push(c);
        }
    }
    assert_eq!(plain, report.to_string());
}
