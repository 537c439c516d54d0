//! One connector's module file: its constants and catalog entry, its enums, and per auth spec a
//! params type and builder (with the nested object types they hold).

use proc_macro2::TokenStream;
use quote::quote;

use super::builder;
use super::names::{Runtime, ident};
use super::{catalog, docs, enums, params};
use crate::ir::{Connector, NoAuth, ParamType, ParamsStruct};

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

/// Every params struct of the connector, auth specs' first, each followed by its nested ones.
pub fn structs(connector: &Connector) -> Vec<&ParamsStruct> {
    fn nested<'a>(object: &'a ParamsStruct, out: &mut Vec<&'a ParamsStruct>) {
        out.push(object);
        for param in &object.params {
            if let ParamType::Object(inner) = &param.ty {
                nested(inner, out);
            }
        }
    }
    let mut out = Vec::new();
    for auth_spec in &connector.auth_specs {
        nested(&auth_spec.params, &mut out);
    }
    out
}

fn no_auth(no_auth: &NoAuth, rt: &Runtime) -> TokenStream {
    let ty = ident(&no_auth.type_name);
    let param_object = rt.item("ParamObject");
    let auth_params = rt.item("AuthParams");
    let reader = rt.item("ParamReader");
    let decode_error = rt.item("DecodeError");
    let serialize_map = quote!(__rt::serde::ser::SerializeMap);
    quote! {
        /// The credentials of this connector's connections: none. Its bodies carry no `auth`.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct #ty;

        impl #param_object for #ty {
            fn write_params<M: #serialize_map>(&self, _map: &mut M) -> __rt::Result<(), M::Error> {
                __rt::Ok(())
            }

            fn read_params(_reader: &mut #reader) -> __rt::Result<Self, #decode_error> {
                __rt::Ok(Self)
            }
        }

        impl #auth_params for #ty {
            const CONNECTION_SPEC_ID: &'static str = self::CONNECTION_SPEC_ID;
            const CONNECTION_SPEC_VERSION: &'static str = self::CONNECTION_SPEC_VERSION;
            const AUTH_SPEC_NAME: &'static str = "";
            const HAS_AUTH: bool = false;
        }
    }
}

/// The items inside the connector's module.
pub fn emit(connector: &Connector, rt: &Runtime) -> TokenStream {
    let id = &connector.spec_id;
    let version = &connector.version;
    let name = &connector.machine_name;
    let enum_items = connector.enums().into_iter().map(|e| enums::emit(e, rt));
    let auth_specs = connector.auth_specs.iter().map(|auth_spec| {
        let params = params::emit_auth_spec(connector, auth_spec, rt);
        let builder = builder::emit(&auth_spec.params, rt);
        quote!(#params #builder)
    });
    let nested = structs(connector).into_iter().flat_map(|object| {
        object.params.iter().filter_map(|param| match &param.ty {
            ParamType::Object(inner) => {
                let body = params::emit_nested(param, inner, rt);
                let builder = builder::emit(inner, rt);
                Some(quote!(#body #builder))
            }
            _ => None,
        })
    });
    let no_auth = connector.no_auth.as_ref().map(|n| no_auth(n, rt));
    let names = connector.auth_specs.iter().map(|auth_spec| &auth_spec.spec_name);
    let info = catalog::connector_info(connector, rt);
    let info_type = rt.item("ConnectorInfo");
    quote! {
        /// The connection spec id, sent as `connectionSpec.id`.
        pub const CONNECTION_SPEC_ID: &str = #id;
        /// The connection spec version, sent as `connectionSpec.version`.
        pub const CONNECTION_SPEC_VERSION: &str = #version;
        /// The connector's machine name in Flow Service.
        pub const NAME: &str = #name;
        /// The names of the connector's auth specs, as sent in `auth.specName`.
        pub const AUTH_SPEC_NAMES: &[&str] = &[#(#names),*];
        /// The connector's entry in the runtime catalog.
        pub const CONNECTOR: #info_type = #info;

        #(#enum_items)*

        #(#auth_specs)*

        #(#nested)*

        #no_auth
    }
}
