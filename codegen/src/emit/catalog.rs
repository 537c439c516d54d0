//! The runtime catalogue: `const` metadata of every connector, and the `catalog()` function that
//! looks connectors up by spec id or machine name.

use proc_macro2::TokenStream;
use quote::quote;

use super::names::{Runtime, ident};
use crate::ir::{Catalog, Connector, Param, ParamType};

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

fn kind(ty: &ParamType, rt: &Runtime) -> TokenStream {
    let kind = rt.item("ParamKind");
    match ty {
        ParamType::String => quote!(#kind::String),
        ParamType::Integer => quote!(#kind::Integer),
        ParamType::Number => quote!(#kind::Number),
        ParamType::Boolean => quote!(#kind::Boolean),
        ParamType::Enum(enum_type) => {
            let values = enum_type.values.iter().map(|v| &v.wire);
            quote!(#kind::Enum(&[#(#values),*]))
        }
        ParamType::Array(item) => {
            let item = self::kind(item, rt);
            quote!(#kind::Array(&#item))
        }
        ParamType::Object(object) => {
            let params = object.params.iter().map(|p| param_info(p, rt));
            quote!(#kind::Object(&[#(#params),*]))
        }
    }
}

fn param_info(param: &Param, rt: &Runtime) -> TokenStream {
    let info = rt.item("ParamInfo");
    let wire = &param.wire_name;
    let field = &param.field;
    let kind = kind(&param.ty, rt);
    let required = flag("mark_required", param.required);
    let secret = flag("mark_secret", param.secret);
    let format = with("with_format", param.format.as_deref());
    let pattern = with("with_pattern", param.pattern.as_deref());
    let default = param.default.as_ref().map(ToString::to_string);
    let default = with("with_default", default.as_deref());
    let description = with("with_description", param.description.as_deref());
    quote!(#info::new(#wire, #field, #kind) #required #secret #format #pattern #default #description)
}

/// The `ConnectorInfo` expression of one connector.
pub fn connector_info(connector: &Connector, rt: &Runtime) -> TokenStream {
    let info = rt.item("ConnectorInfo");
    let auth_info = rt.item("AuthSpecInfo");
    let display_name = &connector.display_name;
    let provider_id = with("with_provider_id", connector.provider_id.as_deref());
    let description = with("with_description", connector.description.as_deref());
    let auth_specs = connector.auth_schemes.iter().map(|scheme| {
        let name = &scheme.spec_name;
        let kind = with("with_kind", scheme.kind.as_deref());
        let description = with("with_description", scheme.description.as_deref());
        let params = scheme.params.params.iter().map(|p| param_info(p, rt));
        quote!(#auth_info::new(#name, &[#(#params),*]) #kind #description)
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
pub fn emit(catalog: &Catalog, rt: &Runtime) -> TokenStream {
    let catalog_type = rt.item("Catalog");
    let entries = catalog.connectors.iter().map(|connector| {
        let module = ident(&connector.module);
        quote!(self::#module::CONNECTOR)
    });
    quote! {
        /// The runtime catalogue of every connector in this module tree: look connectors up by
        /// connection spec id or machine name, and read their auth specs and params.
        pub fn catalog() -> &'static #catalog_type {
            static CATALOG: #catalog_type = #catalog_type::new(&[#(#entries),*]);
            &CATALOG
        }
    }
}
