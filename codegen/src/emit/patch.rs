//! The typed JSON Patch builder of one auth spec (`{params type}Patch`): the body of
//! `PATCH /connections/{id}` for a connection of that auth spec, one setter per param.
//!
//! A setter takes its value exactly as the builder's setter does and sends `replace` of
//! `/auth/params/<wire name>` (the wire name escaped as a JSON Pointer, RFC 6901). An object
//! param is replaced whole at its path: its own params are not patched one by one, so a patch
//! never leaves an object half old, half new. `params(..)` replaces `/auth/params` whole.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::names::ident;
use super::params::param_summary;
use super::types::{param_type, setter_input};
use crate::ir::{AuthSpec, Connector, Param, ParamType};

/// The JSON Pointer of a top-level param: `/auth/params/` and its wire name, `~` escaped as `~0`
/// and `/` as `~1`.
pub fn pointer(param: &Param) -> String {
    format!("/auth/params/{}", param.wire_name.replace('~', "~0").replace('/', "~1"))
}

/// Whether `Debug` of a patch hides the param's value: a secret, or an object (which may hold
/// secrets of its own).
fn redacted(param: &Param) -> bool {
    param.secret || matches!(param.ty, ParamType::Object(_))
}

/// The patch struct, its setters and its conversion into the runtime's `Patch`.
pub fn emit(connector: &Connector, auth_spec: &AuthSpec) -> TokenStream {
    let params_type = ident(&auth_spec.params.type_name);
    let patch = ident(&auth_spec.patch_name);
    let setters = auth_spec.params.params.iter().map(|param| {
        let field = ident(&param.field);
        let (input, convert) = setter_input(param);
        let value = param_type(param);
        let path = pointer(param);
        let redacted = redacted(param);
        let mut summary = format!(
            "Replaces {} Sent as `replace` of {}",
            param_summary(param),
            docs::code(&path)
        );
        summary.push_str(if matches!(param.ty, ParamType::Object(_)) {
            ", the whole object at once."
        } else {
            "."
        });
        let doc = docs::summary_and_description(&summary, param.description.as_deref());
        quote! {
            #doc
            pub fn #field(self, value: #input) -> Self {
                let value: #value = #convert;
                Self { patch: self.patch.replace_param(#path, value, #redacted) }
            }
        }
    });
    let doc = docs::attrs(&format!(
        "A JSON Patch for a connection of the {} auth spec of {}: the body of `PATCH /connections/{{id}}`.\n\n\
         Each setter replaces one param (`replace` of `/auth/params/<wire name>`), [`params`](Self::params) \
         replaces them all, [`name`](Self::name) and [`description`](Self::description) the connection's own; \
         operations are sent in the order they were set. Send it with `.into()` as a [`Patch`](__rt::Patch), \
         with the connection's etag as `If-Match`. `Debug` never shows a secret.",
        docs::code(&auth_spec.spec_name),
        docs::code(&connector.machine_name),
    ));
    quote! {
        #doc
        #[derive(Clone, Debug, Default)]
        #[must_use = "a patch does nothing until it is sent"]
        pub struct #patch {
            patch: __rt::Patch,
        }

        impl #patch {
            /// An empty patch.
            pub fn new() -> Self {
                Self { patch: __rt::Patch::new() }
            }

            #(#setters)*

            /// Replaces every param at once: `replace` of `/auth/params` with `params`.
            pub fn params(self, params: #params_type) -> Self {
                Self { patch: self.patch.replace_params(params) }
            }

            /// Replaces the connection's name: `replace` of `/name`.
            pub fn name(self, name: impl __rt::Into<__rt::String>) -> Self {
                Self { patch: self.patch.replace_name(name) }
            }

            /// Sets the connection's description: `add` of `/description` (which replaces one that exists).
            pub fn description(self, description: impl __rt::Into<__rt::String>) -> Self {
                Self { patch: self.patch.replace_description(description) }
            }
        }

        impl __rt::From<#patch> for __rt::Patch {
            fn from(patch: #patch) -> Self {
                patch.patch
            }
        }
    }
}
