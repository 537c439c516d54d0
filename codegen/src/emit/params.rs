//! The params type of one auth spec: a struct, its wire form and its checks.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::names::{Runtime, ident};
use crate::ir::{AuthScheme, Connector, Param, ParamType};

/// The Rust type that holds a param's value (without `Option`).
pub fn value_type(param: &Param, rt: &Runtime) -> TokenStream {
    match param.ty {
        ParamType::String if param.secret => rt.item("SecretString"),
        ParamType::String => quote!(::std::string::String),
        ParamType::Integer => quote!(i64),
        ParamType::Number => quote!(f64),
        ParamType::Boolean => quote!(bool),
    }
}

/// The type a setter accepts: `impl Into<..>` of the value type.
pub fn setter_input(param: &Param, rt: &Runtime) -> TokenStream {
    let value = value_type(param, rt);
    quote!(impl ::core::convert::Into<#value>)
}

/// One line saying what a param is: wire name, type, required or optional, secret.
pub fn param_summary(param: &Param) -> String {
    let mut facts = vec![param.ty.schema_name().to_owned()];
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
    format!("{} ({}).", docs::code(&param.wire_name), facts.join(", "))
}

fn pattern_static(index: usize) -> proc_macro2::Ident {
    ident(&format!("PATTERN_{index}"))
}

/// `self.check_patterns()?` when the scheme has patterns, nothing otherwise.
pub fn check_call(scheme: &AuthScheme) -> TokenStream {
    if scheme.params.iter().any(|p| p.pattern.is_some()) {
        quote!(value.check_patterns()?;)
    } else {
        TokenStream::new()
    }
}

fn check_patterns(scheme: &AuthScheme, rt: &Runtime) -> TokenStream {
    let build_error = rt.item("BuildError");
    let pattern = rt.item("Pattern");
    let checks = scheme.params.iter().enumerate().filter_map(|(index, param)| {
        let source = param.pattern.as_ref()?;
        let field = ident(&param.field);
        let wire = &param.wire_name;
        let name = pattern_static(index);
        let check = if param.required {
            quote!(#name.check(#wire, &self.#field)?;)
        } else {
            quote!(if let ::core::option::Option::Some(value) = &self.#field { #name.check(#wire, value)?; })
        };
        Some(quote! {
            static #name: #pattern = #pattern::new(#source);
            #check
        })
    });
    let checks: Vec<_> = checks.collect();
    if checks.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn check_patterns(&self) -> ::core::result::Result<(), #build_error> {
            #(#checks)*
            ::core::result::Result::Ok(())
        }
    }
}

/// The params struct, its `builder()` and its `AuthParams` implementation.
pub fn emit(connector: &Connector, scheme: &AuthScheme, rt: &Runtime) -> TokenStream {
    let ty = ident(&scheme.type_name);
    let builder = ident(&scheme.builder_name);
    let summary = format!(
        "Credentials for the {} auth spec of {}.\n\nBuild it with [`{}::builder`]; every required param must be set before `build()` compiles.",
        docs::code(&scheme.spec_name),
        docs::code(&connector.machine_name),
        scheme.type_name,
    );
    let doc = docs::summary_and_description(&summary, scheme.description.as_deref());
    let fields = scheme.params.iter().map(|param| {
        let field = ident(&param.field);
        let value = value_type(param, rt);
        let ty = if param.required {
            value
        } else {
            quote!(::core::option::Option<#value>)
        };
        let doc = docs::summary_and_description(&param_summary(param), param.description.as_deref());
        quote!(#doc pub #field: #ty,)
    });
    let builder_init = scheme.params.iter().map(|param| {
        let field = ident(&param.field);
        if param.required {
            let unset = rt.item("Unset");
            quote!(#field: #unset,)
        } else {
            quote!(#field: ::core::option::Option::None,)
        }
    });
    let expose = rt.item("ExposeSecret");
    let writes = scheme.params.iter().map(|param| {
        let field = ident(&param.field);
        let wire = &param.wire_name;
        let value = |v: TokenStream| {
            if param.secret {
                quote!(#expose::expose_secret(#v))
            } else {
                v
            }
        };
        if param.required {
            let v = value(quote!(&self.#field));
            quote!(map.serialize_entry(#wire, #v)?;)
        } else {
            let v = value(quote!(value));
            quote!(if let ::core::option::Option::Some(value) = &self.#field { map.serialize_entry(#wire, #v)?; })
        }
    });
    let reads = scheme.params.iter().map(|param| {
        let field = ident(&param.field);
        let wire = &param.wire_name;
        let method = ident(if param.required { "required" } else { "optional" });
        quote!(#field: reader.#method(#wire)?,)
    });
    let patterns = check_patterns(scheme, rt);
    let check = check_call(scheme);
    let spec_name = &scheme.spec_name;
    let auth_params = rt.item("AuthParams");
    let reader = rt.item("ParamReader");
    let decode_error = rt.item("DecodeError");
    let serialize_map = rt.private(quote!(serde::ser::SerializeMap));
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

        impl #auth_params for #ty {
            const CONNECTION_SPEC_ID: &'static str = self::CONNECTION_SPEC_ID;
            const CONNECTION_SPEC_VERSION: &'static str = self::CONNECTION_SPEC_VERSION;
            const AUTH_SPEC_NAME: &'static str = #spec_name;

            fn write_params<M: #serialize_map>(&self, map: &mut M) -> ::core::result::Result<(), M::Error> {
                #(#writes)*
                ::core::result::Result::Ok(())
            }

            fn read_params(reader: &mut #reader) -> ::core::result::Result<Self, #decode_error> {
                let value = Self { #(#reads)* };
                #check
                ::core::result::Result::Ok(value)
            }
        }
    }
}
