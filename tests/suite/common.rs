//! Paths and helpers shared by the tests.

use std::path::{Path, PathBuf};

/// The repository's root directory.
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
}

/// The repository's `specs/` directory.
pub fn specs_dir() -> PathBuf {
    repo_root().join("specs")
}

/// A fixture under `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(relative)
}

/// A fixture parsed as JSON.
pub fn json_fixture(relative: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(fixture(relative)).expect("fixture exists");
    serde_json::from_str(&text).expect("fixture is JSON")
}

/// Prints a conformance report past the test harness's capture, so every run shows it (one
/// `  quirk: ...` line per documented quirk after `headline`), then fails naming every problem.
pub fn report_conformance(headline: String, quirks: &[String], problems: &[String]) {
    use std::io::Write as _;
    let mut report = headline;
    for line in quirks {
        report.push_str(&format!("  quirk: {line}\n"));
    }
    let _ = std::io::stderr().write_all(report.as_bytes());
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}
