//! The runtime: hand-written code that generated connector modules call into. Nothing under
//! `src/runtime/` is generated; everything under `src/connectors/` is (each file opens with an
//! `@generated` header) and is rewritten by `flow-codegen generate`.
//!
//! The crate root re-exports what users call or name; `__private` (in `lib.rs`) is what generated
//! code names.

/// Builder-style setters of `Option<String>` fields, each with its own doc: `x` declares
/// `pub fn x(self, x: impl Into<String>) -> Self`, which sets the field `x` to `Some(x.into())`.
macro_rules! string_setters {
    ($($(#[doc = $doc:literal])+ $name:ident),+ $(,)?) => {$(
        $(#[doc = $doc])+
        pub fn $name(mut self, $name: impl Into<String>) -> Self {
            self.$name = Some($name.into());
            self
        }
    )+};
}

pub(crate) mod builder;
pub(crate) mod catalog;
pub(crate) mod check;
pub(crate) mod connection;
pub(crate) mod context;
pub(crate) mod error;
pub(crate) mod fetched;
pub(crate) mod params;
pub(crate) mod patch;
pub(crate) mod read;
pub(crate) mod response;
pub(crate) mod workflow;
