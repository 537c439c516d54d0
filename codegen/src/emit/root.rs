//! The root file: one `pub mod` per connector (each `include!`ing its own file), the marker traits
//! of required params, `AnyConnection` and `catalog()`.

use proc_macro2::TokenStream;
use quote::quote;

use super::names::{self, ident};
use super::{any_connection, catalog, connector, docs, markers};
use crate::ir::{Connector, Model};

/// The file name of a connector's module (module names never equal `mod`, so never the root's).
pub fn file_name(connector: &Connector) -> String {
    format!("{}.rs", connector.module)
}

/// The root file's items.
pub fn emit(model: &Model) -> TokenStream {
    let modules = model.connectors.iter().map(|connector| {
        let module = ident(&connector.module);
        let file = file_name(connector);
        let doc =
            docs::summary_and_description(&connector::module_summary(connector), connector.description.as_deref());
        quote! {
            #doc
            pub mod #module {
                include!(#file);
            }
        }
    });
    let markers = markers::emit(model);
    let any = any_connection::emit(model);
    let lookup = catalog::emit(model);
    let guard = ident(names::FORMAT_GUARD);
    quote! {
        const _: () = __rt::#guard;
        #(#modules)*
        #markers
        #any
        #lookup
    }
}
