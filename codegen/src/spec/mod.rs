//! Parsing: Flow Service connection-spec and flow-spec JSON into a plain model with source locations.
//!
//! This is the only part of the generator that knows JSON.

mod fields;
mod flow;
mod locate;
mod model;
mod parse;
mod reader;
mod schema;
mod source;
mod walk;

#[cfg(feature = "cli")]
pub use fields::{SOURCE_CONNECTION_SPEC_IDS, trim, trim_flow_spec};
pub use locate::locate_all;
pub use model::{
    AuthSpec, ConnectionSpec, DocumentKind, FlowSpec, Literal, Located, ScheduleSpec, Schema, SourceSpec, SpecFile,
};
pub use parse::{Parsed, parse_document};
