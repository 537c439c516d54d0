//! One connector's module file: per auth spec a params type, its builder and its patch type (or the `NoAuth`
//! type), its source params type (if the spec has a `sourceSpec`), the nested object types and enums they
//! hold, then its constants and catalog entry.

use proc_macro2::TokenStream;
use quote::quote;

use super::names::{Markers, ident};
use super::{builder, catalog, docs, enums, params, patch, source};
use crate::ir::{Connector, NoAuth, ParamType};

/// The text of the `///` line on the connector's `mod` item.
pub fn module_summary(connector: &Connector) -> String {
    format!(
        "The {} connector ({}): connection spec {}, version {}.",
        docs::code(&connector.machine_name),
        docs::sanitize(&connector.display_name),
        docs::code(&connector.spec_id),
        docs::code(&connector.version),
    )
}

fn no_auth(connector: &Connector, no_auth: &NoAuth) -> TokenStream {
    let ty = ident(&no_auth.type_name);
    let auth_params = params::auth_params_impl(connector, &no_auth.type_name, None);
    quote! {
        /// The credentials of this connector's connections: none. Its bodies carry no `auth`.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct #ty;

        impl __rt::ParamObject for #ty {
            fn write_params<M: __rt::serde::ser::SerializeMap>(&self, _map: &mut M) -> __rt::Result<(), M::Error> {
                __rt::Ok(())
            }

            fn read_params(_reader: &mut __rt::ParamReader) -> __rt::Result<Self, __rt::DecodeError> {
                __rt::Ok(Self)
            }
        }

        #auth_params
    }
}

/// The items inside the connector's module.
pub fn emit(connector: &Connector) -> TokenStream {
    let id = &connector.spec_id;
    let version = &connector.version;
    let name = &connector.machine_name;
    let enum_items = connector.enums().into_iter().map(enums::emit);
    let auth_specs = connector.auth_specs.iter().map(|auth_spec| {
        let params = params::emit_auth_spec(connector, auth_spec);
        let builder = builder::emit(&auth_spec.params, Markers::Auth);
        let patch = patch::emit(connector, auth_spec);
        quote!(#params #builder #patch)
    });
    let structs = (connector
        .auth_params_structs()
        .into_iter()
        .map(|object| (object, Markers::Auth)))
    .chain(
        connector
            .source_params_structs()
            .into_iter()
            .map(|object| (object, Markers::Source)),
    );
    let nested = structs.flat_map(|(object, markers)| {
        object.params.iter().filter_map(move |param| match &param.ty {
            ParamType::Object(inner) => {
                let body = params::emit_nested(param, inner);
                let builder = builder::emit(inner, markers);
                Some(quote!(#body #builder))
            }
            _ => None,
        })
    });
    let no_auth = connector.no_auth.as_ref().map(|n| no_auth(connector, n));
    let source = connector.source.as_ref().map(|s| source::emit(connector, s));
    let names = connector.auth_specs.iter().map(|auth_spec| &auth_spec.spec_name);
    let info = catalog::connector_info(connector);
    // What a reader came for first (the credentials types and their builders, then the types
    // they hold), the constants and the long catalog entry last.
    quote! {
        #(#auth_specs)*

        #no_auth

        #source

        #(#nested)*

        #(#enum_items)*

        /// The connection spec id, sent as `connectionSpec.id`.
        pub const CONNECTION_SPEC_ID: &str = #id;
        /// The connection spec version, sent as `connectionSpec.version`.
        pub const CONNECTION_SPEC_VERSION: &str = #version;
        /// The connector's machine name in Flow Service.
        pub const NAME: &str = #name;
        /// The names of the connector's auth specs, as sent in `auth.specName`.
        pub const AUTH_SPEC_NAMES: &[&str] = &[#(#names),*];
        /// The connector's entry in the runtime catalog.
        pub const CONNECTOR: __rt::ConnectorInfo = #info;
    }
}
