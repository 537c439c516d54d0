//! What a spec change does to code using the generated crate: `flow-codegen diff OLD NEW`.
//!
//! [`diff`] compares two validated models (from [`crate::Config::validate`]) and lists every
//! change in the names users see (connector module, params type, Rust field and wire name), each
//! classified as [`Impact::Breaking`](model::Impact::Breaking) or
//! [`Impact::Compatible`](model::Impact::Compatible) with a reason. [`text`] and [`json`] display
//! the result. Only the command uses it (`crate::cli`), which exits 1 on `--fail-on breaking` when
//! [`SpecDiff::has_breaking`](model::SpecDiff::has_breaking).

mod classify;
mod compare;
mod display;
mod model;
mod pairs;
mod workflow;

pub use display::{json, text};

use crate::ir::Model;

/// Lists every change from `old` to `new`: the connectors', their sources', the flow specs'.
pub fn diff(old: &Model, new: &Model) -> model::SpecDiff {
    let mut changes = compare::connectors(old, new);
    workflow::sources(old, new, &mut changes);
    workflow::flow_specs(old, new, &mut changes);
    compare::sorted(changes)
}
