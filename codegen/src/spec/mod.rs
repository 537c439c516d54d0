//! Parsing: Flow Service connection-spec JSON into a plain model with source locations.
//!
//! This is the only part of the generator that knows JSON.

pub mod locate;
mod model;
mod parse;
mod path;

pub use model::{AuthSpec, ConnectionSpec, Literal, Located, Property, Schema, SpecFile, Unreadable};
pub use parse::{Parsed, parse_bytes};
pub use path::{JsonPath, Segment};
