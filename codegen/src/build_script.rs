//! The one-line build script: generate, then speak cargo's build-script protocol
//! (`cargo::rerun-if-changed` for every input, `cargo::warning` for every warning line).

use std::io::{self, Write};
use std::path::Path;

use crate::{Config, Error, Generated};

/// Generates Rust for every connection spec under `spec_dir` into `$OUT_DIR/flow_connectors`, for
/// a `build.rs`, in one line:
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), flow_codegen::Error> {
///     flow_codegen::compile_specs("specs")
/// }
/// ```
///
/// ```ignore
/// // src/lib.rs (with `flow-connectors` as a dependency, for the runtime)
/// include!(concat!(env!("OUT_DIR"), "/flow_connectors/mod.rs"));
/// ```
///
/// It prints `cargo::rerun-if-changed` for every spec file and directory read (so an added,
/// changed or removed spec reruns the build script, and nothing else does) and each line of every
/// warning as a `cargo::warning`. An error's `Debug` is the displayed report (file, line, column,
/// the quoted line and a help line), so returning it from `main` shows what to fix. For more
/// control (strict mode, several directories, another runtime path) use [`Config::compile`]; to
/// print nothing, [`Config::generate`].
pub fn compile_specs(spec_dir: impl AsRef<Path>) -> Result<(), Error> {
    Config::new().spec_dir(spec_dir.as_ref()).compile().map(drop)
}

impl Config {
    /// [`Config::generate`] for a build script: generates (into `$OUT_DIR/flow_connectors` unless
    /// [`Config::out_dir`] says otherwise), then prints `cargo::rerun-if-changed=<path>` for
    /// every input and `cargo::warning=<line>` for every line of every warning. On error nothing
    /// is printed and nothing is written; the error's `Debug` is the displayed report.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), flow_codegen::Error> {
    ///     flow_codegen::Config::new().spec_dir("specs").strict(true).compile()?;
    ///     Ok(())
    /// }
    /// ```
    pub fn compile(&self) -> Result<Generated, Error> {
        let generated = self.generate()?;
        let mut stdout = io::stdout().lock();
        write_instructions(&generated, &mut stdout)
            .and_then(|()| stdout.flush())
            .map_err(|source| Error::Io {
                path: "<stdout>".into(),
                source,
            })?;
        Ok(generated)
    }
}

/// Cargo's instructions for `generated`, one per line. A warning of several lines (a report with
/// its quoted source line and caret) becomes one `cargo::warning` per line, since cargo reads an
/// instruction up to the end of its line; an empty line becomes a lone space so it still shows.
fn write_instructions(generated: &Generated, out: &mut impl Write) -> io::Result<()> {
    for input in generated.inputs() {
        writeln!(out, "cargo::rerun-if-changed={}", input.display())?;
    }
    for warning in generated.warnings() {
        for line in warning.trim_end().lines() {
            let line = if line.is_empty() { " " } else { line };
            writeln!(out, "cargo::warning={line}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes the specs into a spec directory, generates from it, and returns what the build
    /// script would print.
    fn compiled(specs: &[(&str, &str)]) -> (Generated, String, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let spec_dir = dir.path().join("specs");
        std::fs::create_dir(&spec_dir).expect("spec directory");
        for (name, text) in specs {
            std::fs::write(spec_dir.join(name), text).expect("spec written");
        }
        let generated = Config::new()
            .spec_dir(&spec_dir)
            .out_dir(dir.path().join("out"))
            .generate()
            .expect("specs generate");
        let mut printed = Vec::new();
        write_instructions(&generated, &mut printed).expect("writes to memory");
        (generated, String::from_utf8(printed).expect("UTF-8"), dir)
    }

    #[test]
    fn every_input_reruns_the_build_script() {
        let clean = r#"{"id": "00000000-0000-0000-0000-000000000002", "name": "clean", "version": "1.0",
            "authSpec": [{"name": "Key", "spec": {"type": "object", "properties": {"key": {"type": "string"}}}}]}"#;
        let (generated, printed, dir) = compiled(&[("clean.json", clean)]);
        assert!(generated.warnings().is_empty());
        let specs = dir.path().join("specs");
        assert_eq!(
            printed,
            format!(
                "cargo::rerun-if-changed={}\ncargo::rerun-if-changed={}\n",
                specs.display(),
                specs.join("clean.json").display()
            )
        );
    }

    /// With the `pattern` feature a spec's `pattern` is checked and generated; without it, the
    /// spec is an error that names the feature of both crates (`.ci/run` tests the library both
    /// ways).
    #[test]
    fn a_pattern_needs_the_pattern_feature() {
        let spec = r#"{"id": "00000000-0000-0000-0000-000000000003", "name": "patterned", "version": "1.0",
            "authSpec": [{"name": "Key", "spec": {"type": "object",
                "properties": {"key": {"type": "string", "pattern": "^[a-z]+$"}}}}]}"#;
        let rendered = Config::new().spec_source("specs/patterned.json", spec).render();
        #[cfg(feature = "pattern")]
        assert!(rendered.expect("a pattern renders").files["patterned.rs"].contains("^[a-z]+$"));
        #[cfg(not(feature = "pattern"))]
        {
            let report = rendered.expect_err("a pattern needs the feature").to_string();
            assert!(
                report.contains("`pattern` needs the `pattern` feature of flow-codegen"),
                "{report}"
            );
            assert!(report.contains("and of flow-connectors"), "{report}");
            assert!(report.contains("specs/patterned.json:3:"), "{report}");
        }
    }

    #[test]
    fn every_warning_line_is_a_cargo_warning() {
        let no_auth = r#"{"id": "00000000-0000-0000-0000-000000000001", "name": "plain", "version": "1.0",
            "authSpec": []}"#;
        let (generated, printed, _dir) = compiled(&[("plain.json", no_auth)]);
        let warnings = generated.warnings();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let expected: Vec<String> = warnings[0]
            .trim_end()
            .lines()
            .map(|line| format!("cargo::warning={}", if line.is_empty() { " " } else { line }))
            .collect();
        assert!(
            expected.len() > 2,
            "the whole report, quoted line included: {expected:?}"
        );
        let printed_warnings: Vec<&str> = printed
            .lines()
            .filter(|line| !line.contains("rerun-if-changed"))
            .collect();
        assert_eq!(printed_warnings, expected);
        assert!(printed.contains("plain.json:"), "{printed}");
    }
}
