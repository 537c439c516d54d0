//! flow-codegen turns Adobe Flow Service connection specs into typed Rust request builders.
//!
//! The pipeline: `spec` parses connection spec files (the only code that knows JSON) -> `ir`
//! validates them into a [`model::Model`] of connectors, auth specs and params (and owns the
//! naming policy) -> `emit` turns the model into tokens (the only code that knows `quote!`) ->
//! `output` formats them with prettyplease and writes only files whose content changed (the only
//! code that touches the output directory). [`Config`] runs it; problems come back as a [`Report`].
//!
//! # In a build script
//!
//! With `flow-codegen` (`default-features = false`: the library without the command) as a
//! build-dependency and `flow-connectors` (`default-features = false`: the runtime without this
//! repository's catalog) as a dependency, one line generates a module per connector of `specs/`:
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), flow_codegen::Error> {
//!     flow_codegen::compile_specs("specs")
//! }
//! ```
//!
//! ```ignore
//! // src/lib.rs
//! include!(concat!(env!("OUT_DIR"), "/flow_connectors/mod.rs"));
//! ```
//!
//! [`compile_specs`] prints `cargo::rerun-if-changed` for every spec file and directory and
//! `cargo::warning` for every warning line; an error's `Debug` is the displayed report.
//! [`Config::compile`] does the same with options (strict mode, several inputs, another runtime
//! path); [`Config::generate`] prints nothing and returns the inputs ([`Generated::inputs`]) and
//! warnings, for build scripts that speak to cargo themselves.

// The build-script examples are whole `build.rs` files, `fn main` included.
#![allow(clippy::needless_doctest_main)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod build_script;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
mod diagnostic;
#[cfg(feature = "cli")]
mod diff;
mod emit;
mod ir;
mod json_path;
mod load;
pub mod model;
mod output;
mod parallel;
#[cfg(feature = "cli")]
mod pull;
mod spec;
mod text;
#[cfg(feature = "cli")]
mod validate;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use build_script::compile_specs;
pub use diagnostic::{Anchor, Colored, Diagnostic, Related, Report, Severity};
pub use emit::ROOT_FILE;
pub use load::FLOWS_DIR;
pub use output::{Drift, HEADER, WriteSummary};

/// Everything that can stop a run.
#[derive(thiserror::Error)]
pub enum Error {
    /// The specs have errors (or warnings, in strict mode). Displays as the report.
    #[error("{0}")]
    Spec(Report),
    /// A file or directory could not be written or read.
    #[error("cannot access {}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The configuration is invalid (such as a runtime path that is not a Rust path).
    #[error("invalid configuration: {0}")]
    Config(String),
    /// Generated code failed to parse: a bug in flow-codegen, never caused by a spec.
    #[error("internal error: generated code for {file} does not parse ({message}); please report this")]
    Internal {
        /// The output file.
        file: String,
        /// The parser's message.
        message: String,
    },
}

/// `Debug` shows the same text as `Display`, so `fn main() -> Result<(), flow_codegen::Error>` in a build
/// script prints the readable report rather than a struct dump.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The generated files, in memory.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// File name (relative to the output directory) -> content.
    pub files: BTreeMap<String, String>,
    inputs: Vec<PathBuf>,
    warnings: Report,
    connectors: usize,
    auth_specs: usize,
}

impl Rendered {
    /// Every spec file and directory read.
    pub fn inputs(&self) -> &[PathBuf] {
        &self.inputs
    }

    /// The warnings, each displayed as a report of its own.
    pub fn warnings(&self) -> Vec<String> {
        self.warnings
            .diagnostics
            .iter()
            .map(|d| Report::new(vec![d.clone()], self.warnings.sources.clone()).to_string())
            .collect()
    }

    /// The warnings as a report.
    pub fn warning_report(&self) -> &Report {
        &self.warnings
    }

    /// How many connectors were generated.
    pub fn connector_count(&self) -> usize {
        self.connectors
    }

    /// How many auth specs (params types) were generated.
    pub fn auth_spec_count(&self) -> usize {
        self.auth_specs
    }
}

/// What [`Config::generate`] did.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The generated content.
    pub rendered: Rendered,
    /// What was written.
    pub summary: WriteSummary,
}

impl Generated {
    /// Every spec file and directory read: print `cargo::rerun-if-changed` for each.
    pub fn inputs(&self) -> &[PathBuf] {
        self.rendered.inputs()
    }

    /// The warnings, each displayed as a report of its own.
    pub fn warnings(&self) -> Vec<String> {
        self.rendered.warnings()
    }
}

/// Configuration of a generator run, in the style of `prost_build::Config`.
#[derive(Clone, Debug)]
pub struct Config {
    spec_dirs: Vec<PathBuf>,
    spec_files: Vec<(PathBuf, spec::DocumentKind)>,
    spec_sources: Vec<load::Source>,
    out_dir: Option<PathBuf>,
    runtime_path: String,
    strict: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

impl Config {
    /// A configuration with no inputs, output under `$OUT_DIR/flow_connectors`, and the runtime at
    /// `::flow_connectors`.
    pub fn new() -> Self {
        Self {
            spec_dirs: Vec::new(),
            spec_files: Vec::new(),
            spec_sources: Vec::new(),
            out_dir: None,
            runtime_path: "::flow_connectors".to_owned(),
            strict: false,
        }
    }

    /// Reads every `*.json` file under `dir` (recursively; hidden entries are skipped): connection
    /// specs, but for the files under `dir/flows/`, which are flow specs (items of `GET /flowSpecs`).
    pub fn spec_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.spec_dirs.push(dir.into());
        self
    }

    /// Reads one connection spec file.
    pub fn spec_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.spec_files.push((file.into(), spec::DocumentKind::ConnectionSpecs));
        self
    }

    /// Reads one flow spec file (a flow spec object, an array of them, or `GET /flowSpecs`'s
    /// `{"items": [...]}`).
    pub fn flow_spec_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.spec_files.push((file.into(), spec::DocumentKind::FlowSpecs));
        self
    }

    /// Adds a connection spec from memory: `bytes` are parsed as if read from `path` (which
    /// diagnostics name and which need not exist), replacing a file of that path. For tests,
    /// benchmarks and specs that are not files; in-memory specs are not among [`Rendered::inputs`].
    pub fn spec_source(mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Self {
        self.spec_sources.push((
            path.into(),
            Arc::from(bytes.into()),
            spec::DocumentKind::ConnectionSpecs,
        ));
        self
    }

    /// Adds a flow spec from memory, as [`spec_source`](Self::spec_source) does a connection spec.
    pub fn flow_spec_source(mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Self {
        self.spec_sources
            .push((path.into(), Arc::from(bytes.into()), spec::DocumentKind::FlowSpecs));
        self
    }

    /// Where generated files go (`$OUT_DIR/flow_connectors` by default).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The path generated code uses to reach the runtime crate (`::flow_connectors` by default).
    /// Every generated file starts with `use <path>::__private as __rt;` and names runtime items,
    /// serde and even `Option` through `__rt`. The module that `include!`s the root file receives
    /// the connector modules, `flow_specs` (when there are flow specs), `AnyConnection`, `catalog()`,
    /// `__rt` and `__required`, so it must not
    /// declare those names itself.
    pub fn runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime_path = path.into();
        self
    }

    /// Treats warnings as errors.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    fn resolved_out_dir(&self) -> Result<PathBuf, Error> {
        match (&self.out_dir, std::env::var_os("OUT_DIR")) {
            (Some(dir), _) => Ok(dir.clone()),
            (None, Some(out)) => Ok(Path::new(&out).join("flow_connectors")),
            (None, None) => Err(Error::Config(
                "no output directory: call `out_dir(..)` or run from a build script (which sets OUT_DIR)".into(),
            )),
        }
    }

    /// Parses and validates the specs into the intermediate representation, without rendering:
    /// what a build script or test needs to know about the generated names (module, type, field
    /// and variant of every connector, auth spec and param). Warnings come back with it.
    pub fn validate(&self) -> Result<(model::Model, Report), Error> {
        self.analyze().map(|(model, report, _)| (model, report))
    }

    /// Loads and lowers the specs: the model, its warnings, and every input read.
    fn analyze(&self) -> Result<(model::Model, Report, Vec<PathBuf>), Error> {
        if self.spec_dirs.is_empty() && self.spec_files.is_empty() && self.spec_sources.is_empty() {
            return Err(Error::Config("no spec directory, file or source given".into()));
        }
        let loaded = load::load(&self.spec_dirs, &self.spec_files, &self.spec_sources);
        let mut diagnostics = loaded.diagnostics;
        let model = ir::lower(&loaded.files, &mut diagnostics);
        if self.strict {
            for diagnostic in &mut diagnostics {
                diagnostic.severity = Severity::Error;
            }
        }
        let report = Report::new(diagnostics, loaded.sources);
        if report.has_errors() {
            return Err(Error::Spec(report));
        }
        Ok((model, report, loaded.inputs))
    }

    /// Parses, validates and renders everything in memory; writes nothing.
    pub fn render(&self) -> Result<Rendered, Error> {
        output::check_runtime_path(&self.runtime_path)?;
        let (model, report, inputs) = self.analyze()?;
        let files = output::render(&model, &self.runtime_path)?;
        Ok(Rendered {
            files,
            inputs,
            warnings: report,
            connectors: model.connectors.len(),
            auth_specs: model.connectors.iter().map(|c| c.auth_specs.len()).sum(),
        })
    }

    /// Renders, then writes the files whose content changed and removes generated files no spec
    /// produces any more. Nothing is written unless the whole run succeeded.
    pub fn generate(&self) -> Result<Generated, Error> {
        let out_dir = self.resolved_out_dir()?;
        let rendered = self.render()?;
        let summary = output::write(&out_dir, &rendered.files)?;
        Ok(Generated { rendered, summary })
    }

    /// Renders, then compares with the output directory: an empty list means it is current.
    pub fn check(&self) -> Result<(Rendered, Vec<Drift>), Error> {
        let out_dir = self.resolved_out_dir()?;
        let rendered = self.render()?;
        let drift = output::check(&out_dir, &rendered.files)?;
        Ok((rendered, drift))
    }
}
