//! One connector's module file: its constants, and per auth spec a params type and builder.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::builder::{self, MARKERS};
use super::names::{Runtime, ident};
use super::{docs, params};
use crate::ir::Connector;

/// The text of the `///` line on the connector's `mod` item.
pub fn module_summary(connector: &Connector) -> String {
    format!(
        "The {} connector: connection spec {}, version {}.",
        docs::code(&connector.machine_name),
        docs::code(&connector.spec_id),
        docs::code(&connector.version),
    )
}

/// The items inside the connector's module.
pub fn emit(connector: &Connector, rt: &Runtime) -> TokenStream {
    let id = &connector.spec_id;
    let version = &connector.version;
    let name = &connector.machine_name;
    let markers = ident(MARKERS);
    let marker_names: BTreeSet<&str> = connector
        .auth_schemes
        .iter()
        .flat_map(|scheme| scheme.params.iter().filter(|p| p.required).map(|p| p.field.as_str()))
        .collect();
    let set = rt.item("Set");
    let marker_items = marker_names.iter().map(|name| {
        let marker = ident(name);
        let message = format!("missing required auth param `{name}`");
        let label = format!("`{name}` is required by this auth spec and was never set");
        let note = format!("call `.{name}(...)` on the builder before `.build()`");
        quote! {
            #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
            pub trait #marker<T> {
                /// The value that was set.
                fn into_value(self) -> T;
            }
            impl<T> #marker<T> for #set<T> {
                fn into_value(self) -> T {
                    self.into_inner()
                }
            }
        }
    });
    let schemes = connector.auth_schemes.iter().map(|scheme| {
        let params = params::emit(connector, scheme, rt);
        let builder = builder::emit(scheme, rt);
        quote!(#params #builder)
    });
    let names = connector.auth_schemes.iter().map(|scheme| &scheme.spec_name);
    quote! {
        /// The connection spec id, sent as `connectionSpec.id`.
        pub const CONNECTION_SPEC_ID: &str = #id;
        /// The connection spec version, sent as `connectionSpec.version`.
        pub const CONNECTION_SPEC_VERSION: &str = #version;
        /// The connector's machine name in Flow Service.
        pub const NAME: &str = #name;
        /// The names of the connector's auth specs, as sent in `auth.specName`.
        pub const AUTH_SPEC_NAMES: &[&str] = &[#(#names),*];

        /// One trait per required param, implemented only by a set value: `build()` requires them,
        /// and their messages name the missing param in compile errors.
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        pub mod #markers {
            #(#marker_items)*
        }

        #(#schemes)*
    }
}
