//! `AnyConnection`: one enum over every (connector, auth spec), read back by spec id and auth spec name.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::names::ident;
use crate::ir::Model;

/// The enum, its accessors and its serde implementations.
pub fn emit(model: &Model) -> TokenStream {
    // (variant, params type path, connector, auth spec name or None for a connector without auth)
    let entries: Vec<_> = model
        .connectors
        .iter()
        .flat_map(|connector| {
            let module = ident(&connector.module);
            let auth_specs = connector.auth_specs.iter().map(move |auth_spec| {
                let ty = ident(&auth_spec.params.type_name);
                (
                    ident(&auth_spec.variant),
                    quote!(#module::#ty),
                    connector,
                    Some(auth_spec.spec_name.as_str()),
                )
            });
            let module = ident(&connector.module);
            let no_auth = connector.no_auth.iter().map(move |no_auth| {
                let ty = ident(&no_auth.type_name);
                (ident(&no_auth.variant), quote!(#module::#ty), connector, None)
            });
            auth_specs.chain(no_auth)
        })
        .collect();

    let variants = entries.iter().map(|(variant, path, connector, spec_name)| {
        let doc = docs::attrs(&match spec_name {
            Some(spec_name) => format!(
                "A {} connection authenticated with {}.",
                docs::code(&connector.machine_name),
                docs::code(spec_name)
            ),
            None => format!("A {} connection (no `auth`).", docs::code(&connector.machine_name)),
        });
        quote!(#doc #variant(__rt::CreateConnection<#path>),)
    });
    let froms = entries.iter().map(|(variant, path, _, _)| {
        quote! {
            impl __rt::From<__rt::CreateConnection<#path>> for AnyConnection {
                fn from(connection: __rt::CreateConnection<#path>) -> Self {
                    Self::#variant(connection)
                }
            }
        }
    });
    let as_dyn_connection = entries
        .iter()
        .map(|(variant, ..)| quote!(Self::#variant(ref connection) => connection,));
    let serialize = entries.iter().map(
        |(variant, ..)| quote!(Self::#variant(ref connection) => __rt::serde::Serialize::serialize(connection, serializer),),
    );

    // One flat match on (spec id, auth spec name): an arm per variant. What matches no arm is
    // told apart (unknown id, or unknown auth spec of a known connector) by the runtime, from the
    // catalog.
    let arms = entries.iter().map(|(variant, _, connector, spec_name)| {
        let id = &connector.spec_id;
        match spec_name {
            Some(name) => quote!((#id, __rt::Some(#name)) => __rt::decode_as(raw, mode, Self::#variant),),
            None => quote!((#id, _) => __rt::decode_as(raw, mode, Self::#variant),),
        }
    });
    let miss = quote!(__rt::Err(__rt::DecodeError::not_in_catalog(raw, catalog())));
    let from_raw_body = if entries.is_empty() {
        quote! {
            let _ = mode;
            #miss
        }
    } else {
        quote! {
            match (raw.connection_spec.id.as_str(), raw.auth_spec_name()) {
                #(#arms)*
                _ => #miss,
            }
        }
    };
    // With no connector, `serialize` matches on an empty enum and never uses its serializer.
    let allow_unused = if entries.is_empty() {
        quote!(#[allow(unused_variables)])
    } else {
        quote!()
    };
    quote! {
        /// Any base connection of this catalog: one variant per connector and auth spec.
        ///
        /// Deserializing picks the variant from `connectionSpec.id` and `auth.specName`, and rejects
        /// unknown ids, unknown auth spec names, and missing, unknown or mistyped params with an
        /// error that names them. Serializing gives the same JSON back. What the service returns
        /// is read with [`Connection::<AnyConnection>::from_item`](__rt::Connection::from_item), in
        /// lenient mode.
        // Variants are as large as their connectors' params; boxing them would cost every user an
        // allocation for the sake of the largest one.
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)]
        pub enum AnyConnection {
            #(#variants)*
        }

        impl AnyConnection {
            /// Reads a body that was already split into its parts, in strict mode (see
            /// [`ReadConnection`](__rt::ReadConnection) for the lenient read of what the service returns).
            pub fn from_raw(raw: __rt::RawConnection) -> __rt::Result<Self, __rt::DecodeError> {
                <Self as __rt::ReadConnection>::read(raw, __rt::DecodeMode::Strict)
            }

            /// The variant's connection, seen through the methods every variant shares.
            fn as_dyn_connection(&self) -> &dyn __rt::DynConnection {
                match *self {
                    #(#as_dyn_connection)*
                }
            }

            /// The connection spec id (`connectionSpec.id`).
            pub fn connection_spec_id(&self) -> &'static str {
                self.as_dyn_connection().connection_spec_id()
            }

            /// The auth spec name (`auth.specName`), or `None` for a connector without auth specs.
            pub fn auth_spec_name(&self) -> __rt::Option<&'static str> {
                self.as_dyn_connection().auth_spec_name()
            }

            /// The connection's name.
            pub fn name(&self) -> &str {
                self.as_dyn_connection().name()
            }

            /// The connection's description, if any.
            pub fn description(&self) -> __rt::Option<&str> {
                self.as_dyn_connection().description()
            }

            /// The connection's top-level `providerId`, if the body has one.
            pub fn provider_id(&self) -> __rt::Option<&str> {
                self.as_dyn_connection().provider_id()
            }

            /// The `POST {base}/connections` request that creates this connection.
            pub fn to_http_request(
                &self,
                context: &__rt::RequestContext,
            ) -> __rt::Result<__rt::http::Request<__rt::Vec<u8>>, __rt::RequestError> {
                self.as_dyn_connection().to_http_request(context)
            }
        }

        #(#froms)*

        impl __rt::ReadConnection for AnyConnection {
            fn read(raw: __rt::RawConnection, mode: __rt::DecodeMode) -> __rt::Result<Self, __rt::DecodeError> {
                #from_raw_body
            }
        }

        #allow_unused
        impl __rt::serde::Serialize for AnyConnection {
            fn serialize<S: __rt::serde::Serializer>(&self, serializer: S) -> __rt::Result<S::Ok, S::Error> {
                match *self {
                    #(#serialize)*
                }
            }
        }

        impl<'de> __rt::serde::Deserialize<'de> for AnyConnection {
            fn deserialize<D: __rt::serde::Deserializer<'de>>(deserializer: D) -> __rt::Result<Self, D::Error> {
                let raw = <__rt::RawConnection as __rt::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_raw(raw).map_err(<D::Error as __rt::serde::de::Error>::custom)
            }
        }
    }
}
