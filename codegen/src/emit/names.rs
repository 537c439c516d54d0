//! Identifiers and runtime paths used by every template.

use proc_macro2::{Ident, Span, TokenStream};

/// An identifier the naming policy has already made valid.
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The runtime constant every generated root file names (`const _: () = __rt::<this>;`). Bump it
/// with the runtime's whenever generated code needs something of the runtime that an older one
/// lacks, or stops providing what older generated code names: a mismatched pair then fails to
/// compile with an error naming this constant, not somewhere deep in the generated code.
pub const FORMAT_GUARD: &str = "GENERATED_CODE_FORMAT_2";

/// Paths into the runtime crate that generated code calls into (`::flow_connectors` by default).
///
/// Every generated file starts with `use <runtime>::__private as __rt;` ([`Runtime::import`]), and
/// templates name runtime items, serde and even `Option` or `String` as `__rt::...`: a
/// spec-derived type named `Option` or `Result` cannot capture a path, and paths stay a few tokens
/// long (generation and compile time follow the number of tokens). The naming policy never
/// produces a name starting with `_`, so `__rt` and the root's `__required` cannot collide.
#[derive(Clone)]
pub struct Runtime {
    root: TokenStream,
}

impl Runtime {
    /// Runtime items live under `root`.
    pub fn new(root: TokenStream) -> Self {
        Self { root }
    }

    /// The `use` item that opens every generated file: `use root::__private as __rt;`.
    pub fn import(&self) -> TokenStream {
        let root = &self.root;
        quote::quote!(use #root::__private as __rt;)
    }

    /// `__rt::item`: a runtime item, or a `core`/`std` item the runtime re-exports.
    pub fn item(&self, item: &str) -> TokenStream {
        let item = ident(item);
        quote::quote!(__rt::#item)
    }
}
