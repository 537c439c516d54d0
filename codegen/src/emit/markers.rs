//! The marker traits of required params, one per param name in the whole module tree (a
//! `__required` module in the root file): a builder's `build()` requires its tracked type
//! parameters to implement them, and their `#[diagnostic::on_unimplemented]` messages name the
//! missing param in the compile error. They depend only on the name, so connectors share them.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::names::{REQUIRED_MODULE, SOURCE_MARKERS_MODULE, ident};
use crate::ir::{Connector, Model, ParamsStruct};

/// The tracked param names of `structs`, each once, sorted.
fn tracked<'a>(structs: impl Iterator<Item = &'a ParamsStruct>) -> BTreeSet<&'a str> {
    structs
        .flat_map(|object| object.params.iter().filter(|p| p.tracked()).map(|p| p.field.as_str()))
        .collect()
}

/// One trait per name; `what` says whose param it is (`auth param`, `source param`) and `owner`
/// what requires it (`this auth spec`).
fn traits(names: &BTreeSet<&str>, what: &str, owner: &str) -> TokenStream {
    let items = names.iter().map(|name| {
        let marker = ident(name);
        let message = format!("missing required {what} `{name}`");
        let label = format!("`{name}` is required by {owner} and was never set");
        let note = format!("call `.{name}(...)` on the builder before `.build()`");
        quote! {
            #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
            pub trait #marker<T>: __rt::IsSet<T> {}
            impl<T> #marker<T> for __rt::Set<T> {}
        }
    });
    quote!(#(#items)*)
}

/// The module, with one trait per tracked param name, implemented only by a set value, and those
/// of source params in a module of their own (no module when no param is tracked).
pub fn emit(model: &Model) -> TokenStream {
    let names = tracked(model.connectors.iter().flat_map(Connector::auth_params_structs));
    let source_names = tracked(model.connectors.iter().flat_map(Connector::source_params_structs));
    if names.is_empty() && source_names.is_empty() {
        return TokenStream::new();
    }
    let items = traits(&names, "auth param", "this auth spec");
    let source = if source_names.is_empty() {
        TokenStream::new()
    } else {
        let module = ident(SOURCE_MARKERS_MODULE);
        let items = traits(&source_names, "source param", "these source params");
        quote! {
            /// The traits of required source params.
            pub mod #module {
                use super::__rt;
                #items
            }
        }
    };
    let module = ident(REQUIRED_MODULE);
    quote! {
        /// One trait per required param name, implemented only by a set value: `build()` requires
        /// them, and their messages name the missing param in compile errors.
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        pub mod #module {
            use super::__rt;
            #items
            #source
        }
    }
}
