//! The runtime: hand-written code that generated connector modules call into. Nothing under
//! `src/runtime/` is generated; everything under `src/connectors/` is (each file opens with an
//! `@generated` header) and is rewritten by `flow-codegen generate`.
//!
//! The crate root re-exports what users call or name; `__private` (in `lib.rs`) is what generated
//! code names.

pub(crate) mod builder;
pub(crate) mod catalog;
pub(crate) mod connection;
pub(crate) mod context;
pub(crate) mod error;
pub(crate) mod params;
pub(crate) mod response;
