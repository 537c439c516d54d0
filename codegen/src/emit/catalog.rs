//! The runtime catalog: `const` metadata of every connector (its auth specs, its source and the
//! flow specs that accept it), and the `catalog()` function that looks connectors up by spec id
//! or machine name and lists the flow specs with their rules (schedule, transformations, mapping
//! version: the same expressions as their `impl FlowSpec`).

use proc_macro2::TokenStream;
use quote::quote;

use super::flow_specs;
use super::names::ident;
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

/// The runtime `ParamType` of a param type.
fn type_info(ty: &ParamType) -> TokenStream {
    match ty {
        ParamType::String => quote!(__rt::ParamType::String),
        ParamType::Integer => quote!(__rt::ParamType::Integer),
        ParamType::Number => quote!(__rt::ParamType::Number),
        ParamType::Boolean => quote!(__rt::ParamType::Boolean),
        ParamType::Enum(enum_type) => {
            let values = enum_type.values.iter().map(|v| &v.wire);
            quote!(__rt::ParamType::Enum(&[#(#values),*]))
        }
        ParamType::Array(item) => {
            let item = type_info(item);
            quote!(__rt::ParamType::Array(&#item))
        }
        ParamType::Object(object) => {
            let params = object.params.iter().map(param_info);
            quote!(__rt::ParamType::Object(&[#(#params),*]))
        }
        ParamType::JsonObject => quote!(__rt::ParamType::JsonObject),
        ParamType::Column => quote!(__rt::ParamType::Column),
    }
}

fn param_info(param: &Param) -> TokenStream {
    let wire = &param.wire_name;
    let field = &param.field;
    let ty = type_info(&param.ty);
    let required = flag("mark_required", param.required);
    let secret = flag("mark_secret", param.secret);
    let format = with("with_format", param.format.as_deref());
    let pattern = with("with_pattern", param.pattern.as_deref());
    let default = param.default.as_ref().map(ToString::to_string);
    let default = with("with_default", default.as_deref());
    let description = with("with_description", param.description.as_deref());
    // Only a nested param's dotted name differs from its wire name.
    let dotted_name = (param.dotted_name != param.wire_name).then_some(param.dotted_name.as_str());
    let dotted_name = with("with_dotted_name", dotted_name);
    quote!(__rt::ParamInfo::new(#wire, #field, #ty) #required #secret #format #pattern #default #description #dotted_name)
}

/// The `ConnectorInfo` expression of one connector.
pub fn connector_info(connector: &Connector) -> TokenStream {
    let display_name = &connector.display_name;
    let provider_id = with("with_provider_id", connector.provider_id.as_deref());
    let description = with("with_description", connector.description.as_deref());
    let auth_specs = connector.auth_specs.iter().map(|auth_spec| {
        let name = &auth_spec.spec_name;
        let auth_type = with("with_auth_type", auth_spec.auth_type.as_deref());
        let description = with("with_description", auth_spec.description.as_deref());
        let params = auth_spec.params.params.iter().map(param_info);
        quote!(__rt::AuthSpecInfo::new(#name, &[#(#params),*]) #auth_type #description)
    });
    let source = connector.source.as_ref().map(|source| {
        let family = source.family.name();
        let params = source.params.params.iter().map(param_info);
        let no_base = flag("mark_no_base_connection", !source.base_connection);
        let no_params = flag("mark_no_params", !source.sends_params);
        quote!(.with_source(__rt::SourceInfo::new(#family, &[#(#params),*]) #no_base #no_params))
    });
    let flow_specs = if connector.flow_specs.is_empty() {
        TokenStream::new()
    } else {
        let ids = &connector.flow_specs;
        quote!(.with_flow_specs(&[#(#ids),*]))
    };
    quote! {
        __rt::ConnectorInfo::new(
            NAME,
            #display_name,
            CONNECTION_SPEC_ID,
            CONNECTION_SPEC_VERSION,
            &[#(#auth_specs),*],
        )
        #provider_id
        #description
        #source
        #flow_specs
    }
}

/// The root file's `catalog()` function.
pub fn emit(model: &Model) -> TokenStream {
    let entries = model.connectors.iter().map(|connector| {
        let module = ident(&connector.module);
        quote!(#module::CONNECTOR)
    });
    let flow_specs = if model.flow_specs.is_empty() {
        TokenStream::new()
    } else {
        let infos = model.flow_specs.iter().map(|flow_spec| {
            let (id, name, version) = (&flow_spec.id, &flow_spec.name, &flow_spec.version);
            let ids = &flow_spec.source_connection_spec_ids;
            let flow_specs::Rules {
                schedule,
                transformations,
                mapping_version,
            } = flow_specs::rules(flow_spec);
            let schedule = schedule.map(|rules| quote!(.with_schedule(#rules)));
            quote! {
                __rt::FlowSpecInfo::new(#id, #name, #version, &[#(#ids),*])
                    #schedule
                    .with_transformations(#transformations)
                    .with_mapping_version(#mapping_version)
            }
        });
        quote!(.with_flow_specs(&[#(#infos),*]))
    };
    quote! {
        /// The runtime catalog of every connector in this module tree: look connectors up by
        /// connection spec id or machine name, and read their auth specs and params.
        pub fn catalog() -> &'static __rt::Catalog {
            static CATALOG: __rt::Catalog = __rt::Catalog::new(&[#(#entries),*]) #flow_specs;
            &CATALOG
        }
    }
}
