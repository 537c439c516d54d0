//! Identifiers and runtime paths used by every template.

use proc_macro2::{Ident, Span, TokenStream};

/// An identifier the naming policy has already made valid.
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The name every generated file gives the runtime's `__private` module. Generated code reaches
/// the runtime, its dependencies and even `Option` or `String` through it, so a spec-derived type
/// named `Option` or `Result` cannot capture a path, and paths stay a few tokens long (which keeps
/// generation and compilation fast: cost follows the number of tokens). The naming policy never
/// produces a name starting with `__`.
pub const ALIAS: &str = "__rt";

/// Paths into the runtime crate that generated code calls into (`::flow_connectors` by default).
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
        let alias = ident(ALIAS);
        quote::quote!(use #root::__private as #alias;)
    }

    /// `use super::__rt;`, for a module nested in a generated file.
    pub fn parent_import(&self) -> TokenStream {
        let alias = ident(ALIAS);
        quote::quote!(use super::#alias;)
    }

    /// `__rt::item`: a runtime item, or a `core`/`std` item the runtime re-exports.
    pub fn item(&self, item: &str) -> TokenStream {
        let alias = ident(ALIAS);
        let item = ident(item);
        quote::quote!(#alias::#item)
    }

    /// `__rt::path`: a path into a re-exported dependency (`serde`, `serde_json`, `http`).
    pub fn private(&self, path: TokenStream) -> TokenStream {
        let alias = ident(ALIAS);
        quote::quote!(#alias::#path)
    }
}
