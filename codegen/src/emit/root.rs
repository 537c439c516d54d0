//! The root file: one `pub mod` per connector (each `include!`ing its own file), `flow_specs` when
//! there are flow specs, the marker traits of required params, `AnyConnection`, `AnySourceConnection`
//! (when a connector has a source), `AnyFlow` (when there are flow specs) and `catalog()`.

use proc_macro2::TokenStream;
use quote::quote;

use super::names::{self, ident};
use super::{any_connection, any_flow, any_source, catalog, connector, docs, flow_specs, markers};
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
    let flow_specs = (!model.flow_specs.is_empty()).then(|| {
        let module = ident(crate::ir::FLOW_SPECS_MODULE);
        let file = flow_specs::FILE_NAME;
        let doc = docs::attrs(flow_specs::MODULE_SUMMARY);
        quote! {
            #doc
            pub mod #module {
                include!(#file);
            }
        }
    });
    let markers = markers::emit(model);
    // The catalog-wide dispatch enums, each from its own template: `AnyConnection` (a variant per
    // connector and auth spec), `AnySourceConnection` (a variant per connector with a source, over
    // `CreateSourceConnection<module::SourceParams>`) and `AnyFlow` (a variant per flow spec, over
    // `CreateFlow<flow_specs::X>`); the last two only when they have a variant.
    let any = any_connection::emit(model);
    let any_source = any_source::emit(model);
    let any_flow = any_flow::emit(model);
    let lookup = catalog::emit(model);
    let guard = ident(names::FORMAT_GUARD);
    // How every generated file names things. Runtime items, serde and even `Option` or `String`
    // are literal `__rt::X` paths, so a spec-derived type named `Option` cannot capture one. Its
    // own items it names bare, without `self::`: besides them only `__rt`, `__required`, the
    // builders' type parameters and the one-letter generics of trait methods (`S`, `D`, `M`, whose
    // bodies name no generated item) are in scope, and the builders' parameters start with `_`
    // (`_SslMode`, see `names::state_param`), which no generated name does. They were once named
    // like their params (`SslMode`) and hid the enum of that name inside the builder, which is
    // why every path used to write `self::`.
    quote! {
        const _: () = __rt::#guard;
        #(#modules)*
        #flow_specs
        #markers
        #any
        #any_source
        #any_flow
        #lookup
    }
}
