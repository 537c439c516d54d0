//! `AnySourceConnection`: one enum over every connector with a source, read back by connection
//! spec id. Emitted only when at least one connector has a `sourceSpec`.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::names::ident;
use crate::ir::Model;

/// The enum, its accessors and its serde implementations, or nothing when no connector has a
/// source.
pub fn emit(model: &Model) -> TokenStream {
    // (variant, source params type path, connector), in catalog (module) order.
    let entries: Vec<_> = model
        .connectors
        .iter()
        .filter_map(|connector| {
            let source = connector.source.as_ref()?;
            let module = ident(&connector.module);
            let ty = ident(&source.params.type_name);
            Some((ident(&source.variant), quote!(#module::#ty), connector))
        })
        .collect();
    if entries.is_empty() {
        return TokenStream::new();
    }

    let variants = entries.iter().map(|(variant, path, connector)| {
        let doc = docs::attrs(&format!(
            "A source connection of {} (a {} source).",
            docs::code(&connector.machine_name),
            connector.source.as_ref().map_or("", |s| s.family.name())
        ));
        quote!(#doc #variant(__rt::CreateSourceConnection<#path>),)
    });
    let froms = entries.iter().map(|(variant, path, _)| {
        quote! {
            impl __rt::From<__rt::CreateSourceConnection<#path>> for AnySourceConnection {
                fn from(connection: __rt::CreateSourceConnection<#path>) -> Self {
                    Self::#variant(connection)
                }
            }
        }
    });
    let as_dyn = entries
        .iter()
        .map(|(variant, ..)| quote!(Self::#variant(ref connection) => connection,));
    let serialize = entries.iter().map(
        |(variant, ..)| quote!(Self::#variant(ref connection) => __rt::serde::Serialize::serialize(connection, serializer),),
    );
    // One arm per connector with a source. What matches none gets the error the catalog's
    // `check_source_connection` gives: the same list of connectors, in the same (catalog) order.
    let arms = entries.iter().map(|(variant, _, connector)| {
        let id = &connector.spec_id;
        quote!(__rt::Some(#id) => __rt::decode_source_as(value, mode, Self::#variant),)
    });
    let known = entries.iter().map(|(_, _, connector)| &connector.machine_name);

    quote! {
        /// Any source connection (`POST /sourceConnections` body) of this catalog: one variant per
        /// connector with source params.
        ///
        /// Reading picks the variant from `connectionSpec.id` and checks the body against that
        /// connector (its base connection or `providerId`, `data`, `params`), naming what is wrong;
        /// deserializing reads in strict mode, [`from_value`](Self::from_value) in the mode given.
        /// Serializing gives the same JSON back.
        // Variants are as large as their connectors' params; boxing them would cost every user an
        // allocation for the sake of the largest one.
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)]
        pub enum AnySourceConnection {
            #(#variants)*
        }

        impl AnySourceConnection {
            /// Reads a source connection body in `mode` (strict for what you send, lenient for what
            /// the service returns).
            pub fn from_value(
                value: __rt::serde_json::Value,
                mode: __rt::DecodeMode,
            ) -> __rt::Result<Self, __rt::DecodeError> {
                <Self as __rt::ReadSourceConnection>::read(value, mode)
            }

            /// The variant's source connection, seen through the methods every variant shares.
            fn as_dyn_source_connection(&self) -> &dyn __rt::DynSourceConnection {
                match *self {
                    #(#as_dyn)*
                }
            }

            /// The connector's machine name.
            pub fn connector(&self) -> &'static str {
                self.as_dyn_source_connection().connector()
            }

            /// The connection spec id (`connectionSpec.id`).
            pub fn connection_spec_id(&self) -> &'static str {
                self.as_dyn_source_connection().connection_spec_id()
            }

            /// The source connection's name.
            pub fn name(&self) -> &str {
                self.as_dyn_source_connection().name()
            }

            /// The source connection's description, if any.
            pub fn description(&self) -> __rt::Option<&str> {
                self.as_dyn_source_connection().description()
            }

            /// The base connection it reads through, `None` for a connector without base
            /// connections.
            pub fn base_connection_id(&self) -> __rt::Option<&__rt::BaseConnectionId> {
                self.as_dyn_source_connection().base_connection_id()
            }

            /// The `POST {base}/sourceConnections` request that creates this source connection.
            pub fn to_http_request(
                &self,
                context: &__rt::RequestContext,
            ) -> __rt::Result<__rt::http::Request<__rt::Vec<u8>>, __rt::RequestError> {
                self.as_dyn_source_connection().to_http_request(context)
            }
        }

        #(#froms)*

        impl __rt::ReadSourceConnection for AnySourceConnection {
            fn read(value: __rt::serde_json::Value, mode: __rt::DecodeMode) -> __rt::Result<Self, __rt::DecodeError> {
                match __rt::source_connection_spec_id(&value) {
                    #(#arms)*
                    _ => __rt::Err(__rt::unknown_source_connection(&value, &[#(#known),*])),
                }
            }
        }

        impl __rt::serde::Serialize for AnySourceConnection {
            fn serialize<S: __rt::serde::Serializer>(&self, serializer: S) -> __rt::Result<S::Ok, S::Error> {
                match *self {
                    #(#serialize)*
                }
            }
        }

        impl<'de> __rt::serde::Deserialize<'de> for AnySourceConnection {
            fn deserialize<D: __rt::serde::Deserializer<'de>>(deserializer: D) -> __rt::Result<Self, D::Error> {
                let value = <__rt::serde_json::Value as __rt::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_value(value, __rt::DecodeMode::Strict).map_err(<D::Error as __rt::serde::de::Error>::custom)
            }
        }
    }
}
