//! The marker traits of required params, one per param name in the whole module tree (a
//! `__required` module in the root file): a builder's `build()` requires its tracked type
//! parameters to implement them, and their `#[diagnostic::on_unimplemented]` messages name the
//! missing param in the compile error. They depend only on the name, so connectors share them.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::names::{REQUIRED_MODULE, ident};
use crate::ir::{Connector, Model};

/// The module, with one trait per tracked param name, implemented only by a set value (no module
/// when no param is tracked).
pub fn emit(model: &Model) -> TokenStream {
    let names: BTreeSet<&str> = model
        .connectors
        .iter()
        .flat_map(Connector::params_structs)
        .flat_map(|object| object.params.iter().filter(|p| p.tracked()).map(|p| p.field.as_str()))
        .collect();
    if names.is_empty() {
        return TokenStream::new();
    }
    let items = names.iter().map(|name| {
        let marker = ident(name);
        let message = format!("missing required auth param `{name}`");
        let label = format!("`{name}` is required by this auth spec and was never set");
        let note = format!("call `.{name}(...)` on the builder before `.build()`");
        quote! {
            #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
            pub trait #marker<T>: __rt::IsSet<T> {}
            impl<T> #marker<T> for __rt::Set<T> {}
        }
    });
    let module = ident(REQUIRED_MODULE);
    quote! {
        /// One trait per required param name, implemented only by a set value: `build()` requires
        /// them, and their messages name the missing param in compile errors.
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        pub mod #module {
            use super::__rt;
            #(#items)*
        }
    }
}
