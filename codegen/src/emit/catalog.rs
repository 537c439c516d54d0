//! The runtime catalog: `const` metadata of every connector, and the `catalog()` function that
//! looks connectors up by spec id or machine name.

use proc_macro2::TokenStream;
use quote::quote;

use super::names::{Runtime, ident};
use crate::ir::{Connector, Model, Param, ParamType};

/// `.method(value)` when `value` is there, nothing otherwise: the constructors default every
/// optional field to `None`, so the constant states only what the spec says.
fn with(method: &str, value: Option<&str>) -> TokenStream {
    match value {
        Some(value) => {
            let method = ident(method);
            quote!(.#method(#value))
        }
        None => TokenStream::new(),
    }
}

/// `.method()` when `flag` is set.
fn flag(method: &str, flag: bool) -> TokenStream {
    if flag {
        let method = ident(method);
        quote!(.#method())
    } else {
        TokenStream::new()
    }
}

fn param_type(ty: &ParamType, rt: &Runtime) -> TokenStream {
    let rt_type = rt.item("ParamType");
    match ty {
        ParamType::String => quote!(#rt_type::String),
        ParamType::Integer => quote!(#rt_type::Integer),
        ParamType::Number => quote!(#rt_type::Number),
        ParamType::Boolean => quote!(#rt_type::Boolean),
        ParamType::Enum(enum_type) => {
            let values = enum_type.values.iter().map(|v| &v.wire);
            quote!(#rt_type::Enum(&[#(#values),*]))
        }
        ParamType::Array(item) => {
            let item = self::param_type(item, rt);
            quote!(#rt_type::Array(&#item))
        }
        ParamType::Object(object) => {
            let params = object.params.iter().map(|p| param_info(p, rt));
            quote!(#rt_type::Object(&[#(#params),*]))
        }
    }
}

fn param_info(param: &Param, rt: &Runtime) -> TokenStream {
    let info = rt.item("ParamInfo");
    let wire = &param.wire_name;
    let field = &param.field;
    let ty = param_type(&param.ty, rt);
    let required = flag("mark_required", param.required);
    let secret = flag("mark_secret", param.secret);
    let format = with("with_format", param.format.as_deref());
    let pattern = with("with_pattern", param.pattern.as_deref());
    let default = param.default.as_ref().map(ToString::to_string);
    let default = with("with_default", default.as_deref());
    let description = with("with_description", param.description.as_deref());
    quote!(#info::new(#wire, #field, #ty) #required #secret #format #pattern #default #description)
}

/// The `ConnectorInfo` expression of one connector.
pub fn connector_info(connector: &Connector, rt: &Runtime) -> TokenStream {
    let info = rt.item("ConnectorInfo");
    let auth_info = rt.item("AuthSpecInfo");
    let display_name = &connector.display_name;
    let provider_id = with("with_provider_id", connector.provider_id.as_deref());
    let description = with("with_description", connector.description.as_deref());
    let auth_specs = connector.auth_specs.iter().map(|auth_spec| {
        let name = &auth_spec.spec_name;
        let auth_type = with("with_auth_type", auth_spec.auth_type.as_deref());
        let description = with("with_description", auth_spec.description.as_deref());
        let params = auth_spec.params.params.iter().map(|p| param_info(p, rt));
        quote!(#auth_info::new(#name, &[#(#params),*]) #auth_type #description)
    });
    quote! {
        #info::new(
            self::NAME,
            #display_name,
            self::CONNECTION_SPEC_ID,
            self::CONNECTION_SPEC_VERSION,
            &[#(#auth_specs),*],
        )
        #provider_id
        #description
    }
}

/// The root file's `catalog()` function.
pub fn emit(model: &Model, rt: &Runtime) -> TokenStream {
    let catalog_type = rt.item("Catalog");
    let entries = model.connectors.iter().map(|connector| {
        let module = ident(&connector.module);
        quote!(self::#module::CONNECTOR)
    });
    quote! {
        /// The runtime catalog of every connector in this module tree: look connectors up by
        /// connection spec id or machine name, and read their auth specs and params.
        pub fn catalog() -> &'static #catalog_type {
            static CATALOG: #catalog_type = #catalog_type::new(&[#(#entries),*]);
            &CATALOG
        }
    }
}
