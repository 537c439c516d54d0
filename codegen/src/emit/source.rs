//! A connector's source params: the struct (the `params` of its `POST /sourceConnections` body),
//! its typestate builder, and its `SourceParams` implementation, whose associated types carry the
//! family and the base-connection form to the runtime's source connection and explore bodies.

use proc_macro2::TokenStream;
use quote::quote;

use super::names::{Markers, ident};
use super::{builder, docs, params};
use crate::ir::{Connector, Source};

/// The source params struct, its builder and its `SourceParams` implementation.
pub fn emit(connector: &Connector, source: &Source) -> TokenStream {
    let object = &source.params;
    let name = &connector.machine_name;
    let params_note = if source.sends_params {
        ""
    } else {
        " It has no params: the spec has no `sourceSpec.spec`, so the body has no `params`."
    };
    let base_note = if source.base_connection {
        "A source connection names the base connection it reads through (`baseConnectionId`)."
    } else {
        "The connector has no auth specs: a source connection names no base connection and sends the \
         top-level `providerId` instead."
    };
    let summary = format!(
        "Source params of {}: the `params` of its `POST /sourceConnections` body.{params_note}\n\n\
         Build it with [`{ty}::builder`]; every required param must be set before `build()` compiles. \
         The source is a {} source (`exploreSpec`). {base_note}",
        docs::code(name),
        source.family.name(),
        ty = object.type_name,
    );
    let doc = docs::summary_and_description(&summary, source.description.as_deref());
    let body = params::emit_struct(object, doc);
    let builder = builder::emit(object, Markers::Source);
    let ty = ident(&object.type_name);
    let id = &connector.spec_id;
    let version = &connector.version;
    let provider_id = match &connector.provider_id {
        Some(provider_id) => quote!(__rt::Some(#provider_id)),
        None => quote!(__rt::None),
    };
    let sends_params = source.sends_params;
    let family = ident(source.family.runtime_type());
    let base = ident(if source.base_connection {
        "WithBaseConnection"
    } else {
        "NoBaseConnection"
    });
    quote! {
        #body
        #builder

        impl __rt::SourceParams for #ty {
            const CONNECTOR: &'static str = #name;
            const CONNECTION_SPEC_ID: &'static str = #id;
            const CONNECTION_SPEC_VERSION: &'static str = #version;
            const PROVIDER_ID: __rt::Option<&'static str> = #provider_id;
            const SENDS_PARAMS: bool = #sends_params;
            type Family = __rt::#family;
            type Base = __rt::#base;
        }
    }
}
