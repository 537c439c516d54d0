//! "A sample of them compiles": random catalogs from a fixed seed, half of them renamed to
//! plain names, rendered and compiled together as one crate against the runtime crate
//! (`flow-connectors`, without its own catalog) with `cargo clippy --offline -- -D warnings`
//! (`cargo check` where clippy is not installed).
//! The crate also denies missing docs, as a downstream crate may. Every spec under
//! `tests/fixtures/compile-regressions/` (shapes the sample once failed on) is compiled with it, and
//! so is an empty catalog.
//!
//! The check builds into `packages::downstream_target_dir()`, so only the first run compiles the
//! runtime's dependencies (later runs take 1-4 s).

use std::fmt::Write as _;
use std::path::Path;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

use crate::packages;
use crate::specs;

/// How many accepted catalogs go into the sample crate.
const SAMPLE: usize = 8;

#[test]
fn a_sample_of_random_catalogs_compiles_warning_free() {
    let mut runner = TestRunner::deterministic();
    let strategy = specs::catalog();
    let krate = tempfile::tempdir().expect("temp dir");
    let src = krate.path().join("src");
    let mut lib =
        String::from("//! Random catalogs from flow-codegen's property test.\n#![deny(warnings, missing_docs)]\n");
    let mut add_module = |module: &str, rendered: &flow_codegen::Rendered| {
        let dir = src.join(module);
        std::fs::create_dir_all(&dir).expect("module dir");
        for (name, text) in &rendered.files {
            std::fs::write(dir.join(name), text).expect("write generated file");
        }
        writeln!(
            lib,
            "/// Catalog `{module}`.\npub mod {module} {{\n    include!(\"{module}/mod.rs\");\n}}"
        )
        .expect("write to a string");
    };
    let mut accepted = 0;
    for attempt in 0..200 {
        if accepted == SAMPLE {
            break;
        }
        let catalog = strategy.new_tree(&mut runner).expect("a catalog").current();
        let catalog = if attempt % 2 == 0 { catalog } else { catalog.plain() };
        let specs = tempfile::tempdir().expect("temp dir");
        catalog.write(specs.path());
        if let Ok(rendered) = flow_codegen::Config::new().spec_dir(specs.path()).render() {
            add_module(&format!("random_{accepted}"), &rendered);
            accepted += 1;
        }
    }
    assert_eq!(accepted, SAMPLE, "too few random catalogs were accepted");
    let regressions = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compile-regressions");
    let rendered = flow_codegen::Config::new()
        .spec_dir(&regressions)
        .render()
        .unwrap_or_else(|err| panic!("the regression specs must render:\n{err}"));
    add_module("regressions", &rendered);
    // A directory without specs is a valid, empty catalog: its `AnyConnection` has no variant.
    let empty = tempfile::tempdir().expect("temp dir");
    let rendered = flow_codegen::Config::new()
        .spec_dir(empty.path())
        .render()
        .unwrap_or_else(|err| panic!("an empty catalog must render:\n{err}"));
    add_module("empty", &rendered);
    std::fs::write(src.join("lib.rs"), lib).expect("write lib.rs");
    let manifest = packages::package_manifest(
        "flow-codegen-property-sample",
        &format!("[dependencies]\n{}\n\n[workspace]\n", packages::runtime_dependency()),
    );
    std::fs::write(krate.path().join("Cargo.toml"), manifest).expect("write Cargo.toml");
    packages::copy_lock(krate.path());
    // Clippy when installed (CI installs it), else the compiler's own warnings.
    let has_clippy = packages::cargo(krate.path(), &packages::downstream_target_dir())
        .args(["clippy", "--version"])
        .output()
        .is_ok_and(|out| out.status.success());
    // The sample's `#![deny(warnings)]` covers rustc's lints; clippy's need `-D warnings`.
    let args: &[&str] = if has_clippy {
        &[
            "clippy",
            "--offline",
            "--quiet",
            "--message-format=short",
            "--",
            "-D",
            "warnings",
        ]
    } else {
        eprintln!("cargo clippy is not installed: checking the sample with rustc's warnings only");
        &["check", "--offline", "--quiet", "--message-format=short"]
    };
    let output = packages::cargo(krate.path(), &packages::downstream_target_dir())
        .args(args)
        .output()
        .expect("run cargo");
    assert!(
        output.status.success(),
        "the sample does not compile:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
