//! Identifiers and runtime paths used by every template.

use proc_macro2::{Ident, Span, TokenStream};

/// An identifier the naming policy has already made valid.
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

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

    /// `root::item`.
    pub fn item(&self, item: &str) -> TokenStream {
        let root = &self.root;
        let item = ident(item);
        quote::quote!(#root::#item)
    }

    /// `root::__private::item`: re-exported dependencies.
    pub fn private(&self, path: TokenStream) -> TokenStream {
        let root = &self.root;
        quote::quote!(#root::__private::#path)
    }
}
