//! `AnyFlow`: one enum over every flow spec, read back by flow spec id. Emitted only when there is
//! at least one flow spec.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::names::ident;
use crate::ir::{FLOW_SPECS_MODULE, Model};

/// The enum, its accessors and its serde implementations, or nothing without flow specs.
pub fn emit(model: &Model) -> TokenStream {
    if model.flow_specs.is_empty() {
        return TokenStream::new();
    }
    let module = ident(FLOW_SPECS_MODULE);
    // (variant, flow spec type path, flow spec), in catalog (name) order.
    let entries: Vec<_> = model
        .flow_specs
        .iter()
        .map(|flow_spec| {
            let ty = ident(&flow_spec.type_name);
            (ty.clone(), quote!(#module::#ty), flow_spec)
        })
        .collect();

    let variants = entries.iter().map(|(variant, path, flow_spec)| {
        let doc = docs::attrs(&format!(
            "A flow of the {} flow spec ([`{ty}`]({FLOW_SPECS_MODULE}::{ty})).",
            docs::code(&flow_spec.name),
            ty = flow_spec.type_name,
        ));
        quote!(#doc #variant(__rt::CreateFlow<#path>),)
    });
    let froms = entries.iter().map(|(variant, path, _)| {
        quote! {
            impl __rt::From<__rt::CreateFlow<#path>> for AnyFlow {
                fn from(flow: __rt::CreateFlow<#path>) -> Self {
                    Self::#variant(flow)
                }
            }
        }
    });
    let as_dyn = entries
        .iter()
        .map(|(variant, ..)| quote!(Self::#variant(ref flow) => flow,));
    // What matches no arm gets the error the catalog's `check_flow` gives: the same flow spec
    // names, in the same (catalog) order.
    let arms = entries.iter().map(|(variant, _, flow_spec)| {
        let id = &flow_spec.id;
        quote!(__rt::Some(#id) => __rt::decode_flow_as(value, mode, Self::#variant),)
    });
    let known = entries.iter().map(|(_, _, flow_spec)| &flow_spec.name);

    quote! {
        /// Any flow (`POST /flows` body) of this catalog: one variant per flow spec.
        ///
        /// Reading picks the variant from `flowSpec.id` and checks the body against that flow
        /// spec (connection ids, transformations, schedule), naming what is wrong; deserializing
        /// reads in strict mode, [`from_value`](Self::from_value) in the mode given. Serializing
        /// gives the same JSON back.
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub enum AnyFlow {
            #(#variants)*
        }

        impl AnyFlow {
            /// Reads a flow body in `mode` (strict for what you send, lenient for what the service
            /// returns).
            pub fn from_value(
                value: __rt::serde_json::Value,
                mode: __rt::DecodeMode,
            ) -> __rt::Result<Self, __rt::DecodeError> {
                <Self as __rt::ReadFlow>::read(value, mode)
            }

            /// The variant's flow, seen through the methods every variant shares.
            fn as_dyn_flow(&self) -> &dyn __rt::DynFlow {
                match *self {
                    #(#as_dyn)*
                }
            }

            /// The flow spec id (`flowSpec.id`).
            pub fn flow_spec_id(&self) -> &'static str {
                self.as_dyn_flow().flow_spec_id()
            }

            /// The flow spec name, such as `CRMToAEP`.
            pub fn flow_spec_name(&self) -> &'static str {
                self.as_dyn_flow().flow_spec_name()
            }

            /// The JSON body as a value.
            pub fn to_value(&self) -> __rt::serde_json::Value {
                self.as_dyn_flow().to_value()
            }

            /// The `POST {base}/flows` request that creates this flow.
            pub fn to_http_request(
                &self,
                context: &__rt::RequestContext,
            ) -> __rt::Result<__rt::http::Request<__rt::Vec<u8>>, __rt::RequestError> {
                self.as_dyn_flow().to_http_request(context)
            }
        }

        #(#froms)*

        impl __rt::ReadFlow for AnyFlow {
            fn read(value: __rt::serde_json::Value, mode: __rt::DecodeMode) -> __rt::Result<Self, __rt::DecodeError> {
                match __rt::flow_spec_id(&value) {
                    #(#arms)*
                    _ => __rt::Err(__rt::unknown_flow(&value, &[#(#known),*])),
                }
            }
        }

        impl __rt::serde::Serialize for AnyFlow {
            fn serialize<S: __rt::serde::Serializer>(&self, serializer: S) -> __rt::Result<S::Ok, S::Error> {
                __rt::serde::Serialize::serialize(&self.to_value(), serializer)
            }
        }

        impl<'de> __rt::serde::Deserialize<'de> for AnyFlow {
            fn deserialize<D: __rt::serde::Deserializer<'de>>(deserializer: D) -> __rt::Result<Self, D::Error> {
                let value = <__rt::serde_json::Value as __rt::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_value(value, __rt::DecodeMode::Strict).map_err(<D::Error as __rt::serde::de::Error>::custom)
            }
        }
    }
}
