//! Parsing: Flow Service connection-spec JSON into a plain model with source locations.
//!
//! This is the only part of the generator that knows JSON.

mod fields;
mod locate;
mod model;
mod parse;
mod reader;
mod schema;
mod walk;

#[cfg(feature = "cli")]
pub use fields::trim;
pub use locate::locate_all;
pub use model::{AuthSpec, ConnectionSpec, Literal, Located, Schema, SpecFile};
pub use parse::{Parsed, parse_bytes};
