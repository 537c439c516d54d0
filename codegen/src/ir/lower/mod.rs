//! Lowering: the parsed spec model -> the validated [`Model`], with every problem reported.
//!
//! [`connector`] walks each connection spec and its auth specs, [`source`] its source params,
//! [`params`] checks the params of an object schema, [`types`] gives each param its type
//! (generating nested structs and enums), [`flow`] checks the flow specs and links them to the
//! connectors they accept, and [`collisions`] reports names that would clash in generated code.

mod collisions;
mod connector;
mod flow;
mod params;
mod source;
mod types;

use std::collections::BTreeSet;
use std::path::Path;

pub use flow::FLOW_SPECS_MODULE;

use super::model::{Location, Model};
use crate::diagnostic::Diagnostic;
use crate::json_path::JsonPath;
use crate::spec::SpecFile;

/// The type name generated for a connector whose connections carry no `auth`.
const NO_AUTH: &str = "NoAuth";

/// The most params one object schema (an auth spec or a nested object) may have. Real auth specs
/// have fewer than 30; the limit keeps a runaway spec from generating megabytes of code.
pub const MAX_PARAMS_PER_OBJECT: usize = 256;

/// The most required params without a default one object may have. Each is a type parameter of
/// the builder, and every setter names all of them, so generated code grows with the square of
/// this number (64 of them is already ~330 KB of source).
pub const MAX_REQUIRED_PER_OBJECT: usize = 64;

/// Builds the model from parsed files. Diagnostics (errors and warnings) are appended to
/// `diagnostics`; the model is only meaningful when none of them is an error.
pub fn lower(files: &[SpecFile], diagnostics: &mut Vec<Diagnostic>) -> Model {
    let mut connectors = Vec::new();
    for file in files {
        for spec in &file.specs {
            if let Some(connector) = connector::connector(&file.path, spec, diagnostics) {
                connectors.push(connector);
            }
        }
    }
    connectors.sort_by(|a, b| (&a.module, &a.spec_id).cmp(&(&b.module, &b.spec_id)));
    collisions::model(&connectors, diagnostics);
    let flow_specs = flow::flow_specs(files, &mut connectors, diagnostics);
    Model { connectors, flow_specs }
}

/// The location of the value at `path` in `file`.
fn location(file: &Path, path: &JsonPath) -> Location {
    Location {
        file: file.to_path_buf(),
        path: path.clone(),
    }
}

/// What lowering one connector accumulates.
struct ConnectorCx<'a> {
    file: &'a Path,
    /// Type names claimed more than once in the connector, prefixed with their parent's name.
    shared_names: BTreeSet<String>,
    /// Every type name the connector module will define, with where it comes from.
    types: Vec<(String, Location)>,
    /// Whether the params being lowered are source params, which may also be free-form objects
    /// and arrays of table columns.
    source_params: bool,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl ConnectorCx<'_> {
    /// Reports an error at `path` of the connector's file.
    fn error(&mut self, path: &JsonPath, message: impl Into<String>, help: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(self.file, path, message).with_help(help));
    }

    /// Records that the connector module will define the type `name`, claimed at `path`.
    fn claim(&mut self, name: &str, path: &JsonPath) {
        self.types.push((name.to_owned(), location(self.file, path)));
    }
}
