//! Identifiers, reserved names and the runtime import used by every template.

use proc_macro2::{Ident, Span, TokenStream};

use crate::ir::Param;

/// An identifier the naming policy has already made valid.
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The runtime constant every generated root file names (`const _: () = __rt::<this>;`). Bump it
/// with the runtime's whenever generated code needs something of the runtime that an older one
/// lacks, or stops providing what older generated code names: a mismatched pair then fails to
/// compile with an error naming this constant, not somewhere deep in the generated code.
pub const FORMAT_GUARD: &str = "GENERATED_CODE_FORMAT_5";

/// The module of the marker traits of required params, in the root file.
pub const REQUIRED_MODULE: &str = "__required";

/// The module, inside [`REQUIRED_MODULE`], of the marker traits of required source params (their
/// messages say "source param"). No field name starts with `_`, so it is no auth param's trait.
pub const SOURCE_MARKERS_MODULE: &str = "__source";

/// Which marker traits a builder's `build()` requires: those of auth params or of source params.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markers {
    /// `__required::<field>`: "missing required auth param".
    Auth,
    /// `__required::__source::<field>`: "missing required source param".
    Source,
}

impl Markers {
    /// The path of the module of the traits, from a connector module.
    pub fn module_path(self) -> TokenStream {
        let required = ident(REQUIRED_MODULE);
        match self {
            Markers::Auth => quote::quote!(super::#required),
            Markers::Source => {
                let source = ident(SOURCE_MARKERS_MODULE);
                quote::quote!(super::#required::#source)
            }
        }
    }
}

/// The builder's type parameter that tracks whether `param` is set: its state name after a `_`
/// (`_SslMode`). The naming policy never starts a name with `_` and the runtime's reserved names
/// (`__rt`, `__required`) start with two, so the parameter never shadows a type it sits next to.
pub fn state_param(param: &Param) -> Ident {
    ident(&format!("_{}", param.state))
}

/// Where generated code finds the runtime crate (`::flow_connectors` by default).
///
/// Its one use is the line that opens every generated file, `use <root>::__private as __rt;`
/// ([`Runtime::import`]): templates then write runtime items, serde and even `Option` or `String`
/// as literal `__rt::...` paths in `quote!`, so a spec-derived type named `Option` or `Result`
/// cannot capture a path, and paths stay a few tokens long (generation and compile time follow
/// the number of tokens).
#[derive(Clone)]
pub struct Runtime {
    root: TokenStream,
}

impl Runtime {
    /// Runtime items live under the Rust path `path` (such as `::flow_connectors`); `None` when
    /// `path` is not a Rust path.
    pub fn parse(path: &str) -> Option<Self> {
        let root: syn::Path = syn::parse_str(path).ok()?;
        Some(Self {
            root: quote::quote!(#root),
        })
    }

    /// The `use` item that opens every generated file: `use root::__private as __rt;`.
    pub fn import(&self) -> TokenStream {
        let root = &self.root;
        quote::quote!(use #root::__private as __rt;)
    }
}
