//! The Rust spelling of a param's type and values, shared by every template that holds one.

use proc_macro2::TokenStream;
use quote::quote;

use super::names::ident;
use crate::ir::{DefaultValue, Param, ParamDefault, ParamType, RustType};

/// The tokens of a Rust type: runtime types through `__rt`, generated ones by their bare name.
pub fn tokens(ty: &RustType<'_>) -> TokenStream {
    match ty {
        RustType::Primitive(name) | RustType::Generated(name) => {
            let name = ident(name);
            quote!(#name)
        }
        RustType::Runtime(name) => {
            let name = ident(name);
            quote!(__rt::#name)
        }
        RustType::Vec(item) => {
            let item = tokens(item);
            quote!(__rt::Vec<#item>)
        }
    }
}

/// The Rust type of a param's value (without `Option`).
pub fn param_type(param: &Param) -> TokenStream {
    tokens(&param.rust_type())
}

/// The type a setter accepts, and the expression that turns the argument `value` into the field's
/// value: `impl Into<T>`, or for arrays any iterator of `impl Into<T>`.
pub fn setter_input(param: &Param) -> (TokenStream, TokenStream) {
    match &param.ty {
        ParamType::Array(item) => {
            let item = tokens(&item.rust_type(param.secret));
            (
                quote!(impl __rt::IntoIterator<Item = impl __rt::Into<#item>>),
                quote!(value.into_iter().map(__rt::Into::into).collect()),
            )
        }
        _ => {
            let value = param_type(param);
            (quote!(impl __rt::Into<#value>), quote!(value.into()))
        }
    }
}

/// The expression of a param's default value.
pub fn default_value(param: &Param, default: &ParamDefault) -> TokenStream {
    match &default.value {
        DefaultValue::Variant { type_name, variant } => {
            let ty = ident(type_name);
            let variant = ident(variant);
            quote!(#ty::#variant)
        }
        DefaultValue::String(text) if param.secret => quote!(__rt::SecretString::from(#text)),
        DefaultValue::String(text) => quote!(__rt::String::from(#text)),
        DefaultValue::Integer(int) => quote!(#int),
        DefaultValue::Number(float) => quote!(#float),
        DefaultValue::Boolean(flag) => quote!(#flag),
    }
}
