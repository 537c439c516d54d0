//! What every policy test shares: building connection specs as JSON, running the generator on a
//! temporary spec directory, looking items up in the IR, and checking tables of rejected specs
//! row by row.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use flow_codegen::model::{AuthSpec, Connector, Model, Param, ParamsStruct};
use flow_codegen::{Anchor, Related};
use flow_codegen::{Config, Diagnostic, Error, Rendered, Report, Severity};
use serde_json::{Value, json};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Connection specs
// ---------------------------------------------------------------------------------------------

/// A canonical (8-4-4-4-12) connection spec id, distinct for every `n`.
pub fn uuid(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

/// A connection spec with one auth spec per `(auth spec name, properties, required)`.
pub fn spec(id: &str, name: &str, auth_specs: &[(&str, Value, &[&str])]) -> Value {
    let auth_specs: Vec<Value> = auth_specs
        .iter()
        .map(|(auth_name, properties, required)| {
            json!({
                "name": auth_name,
                "type": "test",
                "spec": {
                    "$schema": "http://json-schema.org/draft-07/schema#",
                    "type": "object",
                    "description": format!("The params of {auth_name}."),
                    "properties": properties,
                    "required": required,
                }
            })
        })
        .collect();
    json!({
        "id": id,
        "name": name,
        "version": "1.0",
        "authSpec": auth_specs,
    })
}

/// The connection spec most tests need: `my-source` (module `my_source`) with one auth spec,
/// `Basic`, of these params.
pub fn basic(properties: Value, required: &[&str]) -> Value {
    spec(&uuid(1), "my-source", &[("Basic", properties, required)])
}

/// A connection spec with one auth spec, `Basic`, of one required string param, `host`.
pub fn host_only(id: &str, name: &str) -> Value {
    spec(id, name, &[("Basic", json!({"host": string()}), &["host"])])
}

/// The schema of a plain string param.
pub fn string() -> Value {
    json!({"type": "string"})
}

/// Writes `value` as pretty JSON to `dir/file`.
pub fn write(dir: &Path, file: &str, value: &Value) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, serde_json::to_string_pretty(value).expect("JSON")).expect("write spec");
    path
}

/// A fresh temporary directory.
pub fn tempdir() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A temporary directory holding one spec file per `(file name, JSON)`.
pub fn spec_dir(files: &[(&str, Value)]) -> TempDir {
    let dir = tempdir();
    for (file, value) in files {
        write(dir.path(), file, value);
    }
    dir
}

// ---------------------------------------------------------------------------------------------
// Running the generator
// ---------------------------------------------------------------------------------------------

/// The IR of every spec in `dir`, which must be accepted.
pub fn catalog_of(dir: &Path) -> (Model, Report) {
    Config::new()
        .spec_dir(dir)
        .validate()
        .unwrap_or_else(|err| panic!("the specs must be accepted:\n{err}"))
}

/// The rendered files of every spec in `dir`, which must be accepted (render() fails if the
/// generated code does not parse).
pub fn render_of(dir: &Path) -> Rendered {
    Config::new()
        .spec_dir(dir)
        .render()
        .unwrap_or_else(|err| panic!("the specs must render:\n{err}"))
}

/// The report of a run that must be rejected for its specs.
pub fn rejected(config: Config) -> Report {
    match config.validate() {
        Err(Error::Spec(report)) => {
            assert!(report.has_errors(), "a rejection carries errors:\n{report}");
            report
        }
        Err(other) => panic!("expected spec errors, got: {other}"),
        Ok((model, _)) => panic!(
            "expected the specs to be rejected, got connectors {:?}",
            model.connectors.iter().map(|c| &c.module).collect::<Vec<_>>()
        ),
    }
}

/// The report of the specs in `dir`, which must be rejected.
pub fn rejected_dir(dir: &Path) -> Report {
    rejected(Config::new().spec_dir(dir))
}

// ---------------------------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------------------------

/// The JSON path of a diagnostic's anchor, as displayed (`authSpec[0].spec.properties.port`).
pub fn at(diagnostic: &Diagnostic) -> String {
    match &diagnostic.anchor {
        Some(Anchor::Path(path)) => path.to_string(),
        other => panic!("expected a JSON-path anchor, got {other:?} for: {}", diagnostic.message),
    }
}

/// The JSON path of a related location's anchor, as displayed.
pub fn related_at(related: &Related) -> String {
    match &related.anchor {
        Some(Anchor::Path(path)) => path.to_string(),
        other => panic!("expected a JSON-path anchor, got {other:?}"),
    }
}

/// The one diagnostic whose message contains `needle`.
pub fn find<'a>(report: &'a Report, needle: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one diagnostic containing {needle:?} in:\n{report}"
    );
    found[0]
}

// ---------------------------------------------------------------------------------------------
// The IR
// ---------------------------------------------------------------------------------------------

/// The one of `items` whose name (`name_of`) is `name`; a failure says it looked for `what`.
fn named<'a, T>(items: &'a [T], name_of: impl Fn(&T) -> &str, name: &str, what: &str) -> &'a T {
    items.iter().find(|item| name_of(item) == name).unwrap_or_else(|| {
        let names: Vec<&str> = items.iter().map(&name_of).collect();
        panic!("no {what} `{name}` among {names:?}")
    })
}

/// The connector generating `module`.
pub fn connector<'a>(model: &'a Model, module: &str) -> &'a Connector {
    named(&model.connectors, |c| &c.module, module, "connector module")
}

/// The auth spec named `spec_name` (as in the spec) of `connector`.
pub fn auth_spec<'a>(connector: &'a Connector, spec_name: &str) -> &'a AuthSpec {
    named(&connector.auth_specs, |s| &s.spec_name, spec_name, "auth spec")
}

/// The params of auth spec `Basic` of connector `my_source` (see [`basic`]).
pub fn basic_params(model: &Model) -> &ParamsStruct {
    &auth_spec(connector(model, "my_source"), "Basic").params
}

/// The param sent as `wire_name`.
pub fn param<'a>(params: &'a ParamsStruct, wire_name: &str) -> &'a Param {
    named(&params.params, |p| &p.wire_name, wire_name, "param")
}

/// `(wire name, field)` of every param, in spec order.
pub fn fields(params: &ParamsStruct) -> Vec<(&str, &str)> {
    params
        .params
        .iter()
        .map(|p| (p.wire_name.as_str(), p.field.as_str()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/// Runs `check` on every row (named by `name`), then fails naming each row that failed and why;
/// a failing row does not hide the rows after it.
pub fn each_row<R>(rows: &[R], name: impl Fn(&R) -> &str, check: impl Fn(&R)) {
    let failed: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            let payload = catch_unwind(AssertUnwindSafe(|| check(row))).err()?;
            let why = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            Some(format!("row `{}` failed: {why}", name(row)))
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} rows failed:\n{}",
        failed.len(),
        rows.len(),
        failed.join("\n")
    );
}

/// Spec files the generator must reject, and the errors it must report: exactly these (and no
/// warnings), each found by a part of its message. Built row by row:
/// `Rejection::basic(name, properties, required).error(needle, at).message(..)`.
pub struct Rejection {
    name: &'static str,
    files: Vec<(&'static str, Value)>,
    errors: Vec<Expected>,
}

/// One expected error of a [`Rejection`].
struct Expected {
    /// A part of the message no other diagnostic of the report has.
    needle: &'static str,
    /// The whole message, where the row states it.
    message: Option<&'static str>,
    /// The file (name) the error is in.
    file: &'static str,
    /// The JSON path it points at.
    at: &'static str,
    /// The related locations, `(file name, JSON path)`.
    related: Vec<(&'static str, &'static str)>,
}

impl Rejection {
    /// The spec files `(file name, JSON)`, written together into one directory; `name` names the
    /// row in failures.
    pub fn of(name: &'static str, files: impl IntoIterator<Item = (&'static str, Value)>) -> Self {
        Self {
            name,
            files: files.into_iter().collect(),
            errors: Vec::new(),
        }
    }

    /// The one file `my-source.json` holding [`basic`] with these params.
    pub fn basic(name: &'static str, properties: Value, required: &[&str]) -> Self {
        Self::of(name, [("my-source.json", basic(properties, required))])
    }

    /// Expects an error: the one diagnostic whose message contains `needle`, in `my-source.json`
    /// (see [`Self::in_file`]) at the JSON path `at`, with no related location (see
    /// [`Self::related`]).
    pub fn error(mut self, needle: &'static str, at: &'static str) -> Self {
        self.errors.push(Expected {
            needle,
            message: None,
            file: "my-source.json",
            at,
            related: Vec::new(),
        });
        self
    }

    /// The whole message of the last error. (Left out where the message ends with a dependency's
    /// wording, such as the regex crate's error.)
    pub fn message(mut self, message: &'static str) -> Self {
        self.last().message = Some(message);
        self
    }

    /// The file the last error is in.
    pub fn in_file(mut self, file: &'static str) -> Self {
        self.last().file = file;
        self
    }

    /// A related location of the last error, in order.
    pub fn related(mut self, file: &'static str, at: &'static str) -> Self {
        self.last().related.push((file, at));
        self
    }

    fn last(&mut self) -> &mut Expected {
        self.errors.last_mut().expect("`error` comes first")
    }
}

/// Checks every row of a rejection table.
pub fn check_rejections(rows: &[Rejection]) {
    each_row(rows, |row| row.name, check_rejection);
}

fn check_rejection(row: &Rejection) {
    let dir = spec_dir(&row.files);
    let report = rejected_dir(dir.path());
    assert_eq!(report.error_count(), row.errors.len(), "{report}");
    assert_eq!(
        report.diagnostics.len(),
        row.errors.len(),
        "no warnings besides:\n{report}"
    );
    for expected in &row.errors {
        let error = find(&report, expected.needle);
        if let Some(message) = expected.message {
            assert_eq!(error.message, message);
        }
        assert_eq!(error.severity, Severity::Error, "{}", error.message);
        assert_eq!(
            error.file.as_deref(),
            Some(dir.path().join(expected.file).as_path()),
            "{}",
            error.message
        );
        assert_eq!(at(error), expected.at, "{}", error.message);
        let related: Vec<(PathBuf, String)> = error
            .related
            .iter()
            .map(|related| (related.file.clone(), related_at(related)))
            .collect();
        let expected_related: Vec<(PathBuf, String)> = expected
            .related
            .iter()
            .map(|(file, at)| (dir.path().join(file), (*at).to_owned()))
            .collect();
        assert_eq!(related, expected_related, "{}", error.message);
    }
}
