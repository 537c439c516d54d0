//! What a spec change does to code using the generated crate: `flow-codegen diff OLD NEW`.
//!
//! [`diff`] compares two validated catalogs ([`crate::Config::catalog`]) and lists every change
//! in the names users see (connector module, params type, Rust field and wire name), each
//! classified as [`Impact::Breaking`] or [`Impact::Compatible`] with a reason. [`text`] and
//! [`json`] render the result.
//!
//! ```no_run
//! let (old, _) = flow_codegen::Config::new().spec_dir("specs").validate()?;
//! let (new, _) = flow_codegen::Config::new().spec_dir("pulled").validate()?;
//! let changes = flow_codegen::diff::diff(&old, &new);
//! print!("{}", flow_codegen::diff::text(&changes));
//! if changes.has_breaking() {
//!     std::process::exit(1);
//! }
//! # Ok::<(), flow_codegen::Error>(())
//! ```

mod classify;
mod compare;
mod model;
mod render;

pub use compare::diff;
pub use model::{AuthRef, Change, ChangeKind, ConnectorRef, Impact, ParamRef, SpecDiff, Value};
pub use render::{json, message, text};
