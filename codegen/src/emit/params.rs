//! A params struct (an auth spec's params or a nested object param): the struct, its wire form and
//! its checks.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::names::{Runtime, ident};
use crate::ir::{AuthSpec, Connector, DefaultValue, Param, ParamDefault, ParamType, ParamsStruct};

/// The Rust type that holds a value of `ty` (without `Option`).
pub fn value_type(ty: &ParamType, secret: bool, rt: &Runtime) -> TokenStream {
    match ty {
        ParamType::String if secret => rt.item("SecretString"),
        ParamType::String => quote!(__rt::String),
        ParamType::Integer => quote!(i64),
        ParamType::Number => quote!(f64),
        ParamType::Boolean => quote!(bool),
        ParamType::Enum(enum_type) => {
            let ty = ident(&enum_type.type_name);
            quote!(self::#ty)
        }
        ParamType::Array(item) => {
            let item = value_type(item, secret, rt);
            quote!(__rt::Vec<#item>)
        }
        ParamType::Object(object) => {
            let ty = ident(&object.type_name);
            quote!(self::#ty)
        }
    }
}

/// The Rust type of a param's value (without `Option`).
pub fn param_type(param: &Param, rt: &Runtime) -> TokenStream {
    value_type(&param.ty, param.secret, rt)
}

/// The type a setter accepts, and the expression that turns the argument `value` into the field's
/// value: `impl Into<T>`, or for arrays any iterator of `impl Into<T>`.
pub fn setter_input(param: &Param, rt: &Runtime) -> (TokenStream, TokenStream) {
    match &param.ty {
        ParamType::Array(item) => {
            let item = value_type(item, param.secret, rt);
            (
                quote!(impl __rt::IntoIterator<Item = impl __rt::Into<#item>>),
                quote!(value.into_iter().map(__rt::Into::into).collect()),
            )
        }
        _ => {
            let value = param_type(param, rt);
            (quote!(impl __rt::Into<#value>), quote!(value.into()))
        }
    }
}

/// The expression of a param's default value.
pub fn default_value(param: &Param, default: &ParamDefault, rt: &Runtime) -> TokenStream {
    match &default.value {
        DefaultValue::Variant { type_name, variant } => {
            let ty = ident(type_name);
            let variant = ident(variant);
            quote!(self::#ty::#variant)
        }
        DefaultValue::String(text) if param.secret => {
            let secret = rt.item("SecretString");
            quote!(#secret::from(#text))
        }
        DefaultValue::String(text) => quote!(__rt::String::from(#text)),
        DefaultValue::Integer(int) => quote!(#int),
        DefaultValue::Number(float) => quote!(#float),
        DefaultValue::Boolean(flag) => quote!(#flag),
    }
}

/// One line saying what a param is: wire name, type, required or optional, secret, default.
pub fn param_summary(param: &Param) -> String {
    let ty = match &param.ty {
        ParamType::Enum(enum_type) => format!("one of [`{}`]", enum_type.type_name),
        ParamType::Object(object) => format!("object [`{}`]", object.type_name),
        ParamType::Array(item) => match &**item {
            ParamType::Enum(enum_type) => format!("array of [`{}`]", enum_type.type_name),
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

fn check_patterns(object: &ParamsStruct, rt: &Runtime) -> TokenStream {
    let build_error = rt.item("BuildError");
    let pattern = rt.item("Pattern");
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
                static #name: #pattern = #pattern::new(#source);
                #check
            })
        })
        .collect();
    if checks.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn check_patterns(&self) -> __rt::Result<(), #build_error> {
            #(#checks)*
            __rt::Ok(())
        }
    }
}

/// The struct, its `builder()`, pattern checks and `ParamObject` implementation.
pub fn emit_struct(object: &ParamsStruct, doc: TokenStream, rt: &Runtime) -> TokenStream {
    let ty = ident(&object.type_name);
    let builder = ident(&object.builder_name);
    let fields = object.params.iter().map(|param| {
        let field = ident(&param.field);
        let value = param_type(param, rt);
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
            let unset = rt.item("Unset");
            quote!(#field: #unset,)
        } else {
            quote!(#field: __rt::None,)
        }
    });
    let wire = rt.item("Wire");
    let writes = object.params.iter().map(|param| {
        let field = ident(&param.field);
        let key = &param.wire_name;
        if param.required {
            quote!(map.serialize_entry(#key, &#wire(&self.#field))?;)
        } else {
            quote!(if let __rt::Some(value) = &self.#field { map.serialize_entry(#key, &#wire(value))?; })
        }
    });
    let reads = object.params.iter().map(|param| {
        let field = ident(&param.field);
        let key = &param.wire_name;
        let dotted_name = &param.dotted_name;
        let method = ident(if param.required { "required" } else { "optional" });
        quote!(#field: reader.#method(#key, #dotted_name)?,)
    });
    let patterns = check_patterns(object, rt);
    let check = check_call(object);
    let param_object = rt.item("ParamObject");
    let reader = rt.item("ParamReader");
    let decode_error = rt.item("DecodeError");
    let serialize_map = quote!(__rt::serde::ser::SerializeMap);
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
            pub fn builder() -> self::#builder {
                self::#builder { #(#builder_init)* }
            }

            #patterns
        }

        impl #param_object for #ty {
            fn write_params<M: #serialize_map>(&self, #map: &mut M) -> __rt::Result<(), M::Error> {
                #(#writes)*
                __rt::Ok(())
            }

            fn read_params(#reader_arg: &mut #reader) -> __rt::Result<Self, #decode_error> {
                let value = Self { #(#reads)* };
                #check
                __rt::Ok(value)
            }
        }
    }
}

/// An auth spec's params type: the struct plus its `AuthParams` implementation.
pub fn emit_auth_spec(connector: &Connector, auth_spec: &AuthSpec, rt: &Runtime) -> TokenStream {
    let object = &auth_spec.params;
    let summary = format!(
        "Credentials for the {} auth spec of {}.\n\nBuild it with [`{}::builder`]; every required param must be set before `build()` compiles.",
        docs::code(&auth_spec.spec_name),
        docs::code(&connector.machine_name),
        object.type_name,
    );
    let doc = docs::summary_and_description(&summary, auth_spec.description.as_deref());
    let body = emit_struct(object, doc, rt);
    let ty = ident(&object.type_name);
    let spec_name = &auth_spec.spec_name;
    let auth_params = rt.item("AuthParams");
    quote! {
        #body

        impl #auth_params for #ty {
            const CONNECTION_SPEC_ID: &'static str = self::CONNECTION_SPEC_ID;
            const CONNECTION_SPEC_VERSION: &'static str = self::CONNECTION_SPEC_VERSION;
            const AUTH_SPEC_NAME: &'static str = #spec_name;
        }
    }
}

/// A nested object param's type: the struct plus its `ParamValue` implementation.
pub fn emit_nested(param: &Param, object: &ParamsStruct, rt: &Runtime) -> TokenStream {
    let summary = format!(
        "The {} object param.\n\nBuild it with [`{}::builder`].",
        docs::code(&param.dotted_name),
        object.type_name
    );
    let doc = docs::summary_and_description(&summary, param.description.as_deref());
    let body = emit_struct(object, doc, rt);
    let ty = ident(&object.type_name);
    let param_value = rt.item("ParamValue");
    let decode_error = rt.item("DecodeError");
    let read_object = rt.item("read_object");
    let write_object = rt.item("write_object");
    let serde = quote!(__rt::serde);
    let value = quote!(__rt::serde_json::Value);
    quote! {
        #body

        impl #param_value for #ty {
            fn expected() -> __rt::String {
                __rt::String::from("an object")
            }

            fn from_json(
                value: #value,
                auth_spec: &'static str,
                param: &'static str,
            ) -> __rt::Result<Self, #decode_error> {
                #read_object(value, auth_spec, param)
            }

            fn write<S: #serde::Serializer>(&self, serializer: S) -> __rt::Result<S::Ok, S::Error> {
                #write_object(self, serializer)
            }
        }
    }
}
