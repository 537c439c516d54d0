//! The template of a params struct (an auth spec's params or a nested object param): the struct,
//! its wire form and its checks.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::names::ident;
use super::types::param_type;
use crate::ir::{AuthSpec, Connector, Param, ParamType, ParamsStruct};

/// One line saying what a param is: wire name, type, required or optional, secret, default.
pub fn param_summary(param: &Param) -> String {
    let ty = match &param.ty {
        ParamType::Enum(enum_type) => format!("one of [`{}`]", enum_type.type_name),
        ParamType::Object(object) => format!("object [`{}`]", object.type_name),
        ParamType::JsonObject => "free-form object (`JsonObject`)".to_owned(),
        ParamType::Array(item) => match &**item {
            ParamType::Enum(enum_type) => format!("array of [`{}`]", enum_type.type_name),
            ParamType::Column => "array of table columns (`Column`)".to_owned(),
            other => format!("array of {}", other.schema_name()),
        },
        other => other.schema_name().to_owned(),
    };
    let mut facts = vec![ty];
    facts.push(if param.required { "required" } else { "optional" }.to_owned());
    if param.secret {
        facts.push("secret: redacted in `Debug`".to_owned());
    }
    if let Some(format) = param.format.as_deref().filter(|f| *f != "password") {
        facts.push(format!("format {}", docs::code(format)));
    }
    if let Some(pattern) = &param.pattern {
        facts.push(format!("must match {}", docs::code(pattern)));
    }
    if let Some(default) = &param.default {
        facts.push(format!("default {}", docs::code(&default.to_string())));
    }
    format!("{} ({}).", docs::code(&param.wire_name), facts.join(", "))
}

/// `value.check_patterns()?` when the struct has patterns, nothing otherwise.
pub fn check_call(object: &ParamsStruct) -> TokenStream {
    if object.has_patterns() {
        quote!(value.check_patterns()?;)
    } else {
        TokenStream::new()
    }
}

fn check_patterns(object: &ParamsStruct) -> TokenStream {
    let checks: Vec<_> = object
        .params
        .iter()
        .enumerate()
        .filter_map(|(index, param)| {
            let source = param.pattern.as_ref()?;
            let field = ident(&param.field);
            let dotted_name = &param.dotted_name;
            let name = ident(&format!("PATTERN_{index}"));
            let check = if param.required {
                quote!(#name.check(#dotted_name, &self.#field)?;)
            } else {
                quote!(if let __rt::Some(value) = &self.#field { #name.check(#dotted_name, value)?; })
            };
            Some(quote! {
                static #name: __rt::Pattern = __rt::Pattern::new(#source);
                #check
            })
        })
        .collect();
    if checks.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn check_patterns(&self) -> __rt::Result<(), __rt::BuildError> {
            #(#checks)*
            __rt::Ok(())
        }
    }
}

/// The struct, its `builder()`, pattern checks and `ParamObject` implementation.
pub fn emit_struct(object: &ParamsStruct, doc: TokenStream) -> TokenStream {
    let ty = ident(&object.type_name);
    let builder = ident(&object.builder_name);
    let fields = object.params.iter().map(|param| {
        let field = ident(&param.field);
        let value = param_type(param);
        let ty = if param.required {
            value
        } else {
            quote!(__rt::Option<#value>)
        };
        let doc = docs::summary_and_description(&param_summary(param), param.description.as_deref());
        quote!(#doc pub #field: #ty,)
    });
    let builder_init = object.params.iter().map(|param| {
        let field = ident(&param.field);
        if param.tracked() {
            quote!(#field: __rt::Unset,)
        } else {
            quote!(#field: __rt::None,)
        }
    });
    let writes = object.params.iter().map(|param| {
        let field = ident(&param.field);
        let key = &param.wire_name;
        if param.required {
            quote!(map.serialize_entry(#key, &__rt::Wire(&self.#field))?;)
        } else {
            quote!(if let __rt::Some(value) = &self.#field { map.serialize_entry(#key, &__rt::Wire(value))?; })
        }
    });
    let reads = object.params.iter().map(|param| {
        let field = ident(&param.field);
        let key = &param.wire_name;
        let dotted_name = &param.dotted_name;
        let method = ident(if param.required { "required" } else { "optional" });
        quote!(#field: reader.#method(#key, #dotted_name)?,)
    });
    let patterns = check_patterns(object);
    // What the service returns (lenient mode) was accepted by it already, and may be masked.
    let check = if object.has_patterns() {
        quote!(if reader.checks_patterns() {
            value.check_patterns()?;
        })
    } else {
        TokenStream::new()
    };
    // An auth spec may have no params: then the map and the reader go unused.
    let (map, reader_arg) = if object.params.is_empty() {
        (quote!(_), quote!(_))
    } else {
        (quote!(map), quote!(reader))
    };
    quote! {
        #doc
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub struct #ty {
            #(#fields)*
        }

        impl #ty {
            /// Starts a builder with no param set.
            pub fn builder() -> #builder {
                #builder { #(#builder_init)* }
            }

            #patterns
        }

        impl __rt::ParamObject for #ty {
            fn write_params<M: __rt::serde::ser::SerializeMap>(&self, #map: &mut M) -> __rt::Result<(), M::Error> {
                #(#writes)*
                __rt::Ok(())
            }

            fn read_params(#reader_arg: &mut __rt::ParamReader) -> __rt::Result<Self, __rt::DecodeError> {
                let value = Self { #(#reads)* };
                #check
                __rt::Ok(value)
            }
        }
    }
}

/// An auth spec's params type: the struct plus its `AuthParams` implementation.
pub fn emit_auth_spec(connector: &Connector, auth_spec: &AuthSpec) -> TokenStream {
    let object = &auth_spec.params;
    let summary = format!(
        "Credentials for the {} auth spec of {}.\n\nBuild it with [`{}::builder`]; every required param must be set before `build()` compiles. Change a stored connection's params with [`{}`].",
        docs::code(&auth_spec.spec_name),
        docs::code(&connector.machine_name),
        object.type_name,
        auth_spec.patch_name,
    );
    let doc = docs::summary_and_description(&summary, auth_spec.description.as_deref());
    let body = emit_struct(object, doc);
    let auth_params = auth_params_impl(connector, &object.type_name, Some(&auth_spec.spec_name));
    quote!(#body #auth_params)
}

/// The `AuthParams` implementation of a connector's credentials type: an auth spec's params
/// (`spec_name` given) or its `NoAuth` type. Its constants are literals, not the module's
/// constants, so rustdoc shows their values on the type's page.
pub fn auth_params_impl(connector: &Connector, type_name: &str, spec_name: Option<&str>) -> TokenStream {
    let ty = ident(type_name);
    let id = &connector.spec_id;
    let version = &connector.version;
    let (spec_name, has_auth) = match spec_name {
        Some(spec_name) => (spec_name, TokenStream::new()),
        None => (
            "",
            quote!(
                const HAS_AUTH: bool = false;
            ),
        ),
    };
    quote! {
        impl __rt::AuthParams for #ty {
            const CONNECTION_SPEC_ID: &'static str = #id;
            const CONNECTION_SPEC_VERSION: &'static str = #version;
            const AUTH_SPEC_NAME: &'static str = #spec_name;
            #has_auth
        }
    }
}

/// A nested object param's type: the struct plus its `ParamValue` implementation.
pub fn emit_nested(param: &Param, object: &ParamsStruct) -> TokenStream {
    let summary = format!(
        "The {} object param.\n\nBuild it with [`{}::builder`].",
        docs::code(&param.dotted_name),
        object.type_name
    );
    let doc = docs::summary_and_description(&summary, param.description.as_deref());
    let body = emit_struct(object, doc);
    let ty = ident(&object.type_name);
    quote! {
        #body

        impl __rt::ParamValue for #ty {
            fn expected() -> __rt::String {
                __rt::String::from("an object")
            }

            fn from_json(
                value: __rt::serde_json::Value,
                auth_spec: &'static str,
                param: &'static str,
                mode: __rt::DecodeMode,
            ) -> __rt::Result<Self, __rt::DecodeError> {
                __rt::read_object(value, auth_spec, param, mode)
            }

            fn write<S: __rt::serde::Serializer>(&self, serializer: S) -> __rt::Result<S::Ok, S::Error> {
                __rt::write_object(self, serializer)
            }
        }
    }
}
