//! The typestate builder of one params type: required params are tracked in type parameters, so
//! `build()` exists only once all of them are set, and a missing one is a readable compile error.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::names::{Runtime, ident};
use super::params::{check_call, param_summary, setter_input, value_type};
use crate::ir::AuthScheme;

/// The module of the per-param traits that name missing required params in compile errors.
pub const MARKERS: &str = "__required";

/// The builder struct, its setters and `build()`.
pub fn emit(scheme: &AuthScheme, rt: &Runtime) -> TokenStream {
    let ty = ident(&scheme.type_name);
    let builder = ident(&scheme.builder_name);
    let markers = ident(MARKERS);
    let unset = rt.item("Unset");
    let set = rt.item("Set");
    let build_error = rt.item("BuildError");

    let required_params: Vec<_> = scheme.params.iter().filter(|p| p.required).collect();
    let states: Vec<_> = required_params.iter().map(|p| ident(&p.state)).collect();
    let generics = if states.is_empty() {
        quote!()
    } else {
        quote!(<#(#states),*>)
    };
    let defaults = required_params.iter().map(|p| {
        let state = ident(&p.state);
        quote!(#state = #unset)
    });
    let declared = if states.is_empty() {
        quote!()
    } else {
        quote!(<#(#defaults),*>)
    };

    let fields = scheme.params.iter().map(|param| {
        let field = ident(&param.field);
        if param.required {
            let state = ident(&param.state);
            quote!(#field: #state,)
        } else {
            let value = value_type(param, rt);
            quote!(#field: ::core::option::Option<#value>,)
        }
    });

    let setters = scheme.params.iter().map(|param| {
        let field = ident(&param.field);
        let input = setter_input(param, rt);
        let doc =
            docs::summary_and_description(&format!("Sets {}", param_summary(param)), param.description.as_deref());
        if !param.required {
            return quote! {
                #doc
                pub fn #field(mut self, value: #input) -> Self {
                    self.#field = ::core::option::Option::Some(value.into());
                    self
                }
            };
        }
        let value = value_type(param, rt);
        let result_states = required_params.iter().map(|p| {
            if p.field == param.field {
                quote!(#set<#value>)
            } else {
                let s = ident(&p.state);
                quote!(#s)
            }
        });
        let moves = scheme.params.iter().map(|p| {
            let f = ident(&p.field);
            if p.field == param.field {
                quote!(#f: #set::new(value.into()),)
            } else {
                quote!(#f: self.#f,)
            }
        });
        quote! {
            #doc
            pub fn #field(self, value: #input) -> self::#builder<#(#result_states),*> {
                self::#builder { #(#moves)* }
            }
        }
    });

    let bounds = required_params.iter().map(|p| {
        let state = ident(&p.state);
        let marker = ident(&p.field);
        let value = value_type(p, rt);
        quote!(#state: self::#markers::#marker<#value>)
    });
    let where_clause = if states.is_empty() {
        quote!()
    } else {
        quote!(where #(#bounds),*)
    };
    let takes = scheme.params.iter().map(|p| {
        let f = ident(&p.field);
        if p.required {
            quote!(#f: self::#markers::#f::into_value(self.#f),)
        } else {
            quote!(#f: self.#f,)
        }
    });
    let check = check_call(scheme);
    let summary = format!(
        "Builder for [`{}`], from [`{}::builder`].\n\nIts type parameters record which required params are set; `build()` exists once all are.",
        scheme.type_name, scheme.type_name
    );
    let doc = docs::attrs(&summary);
    let build_doc = if scheme.params.iter().any(|p| p.pattern.is_some()) {
        "Finishes the params, checking every value against its spec's pattern."
    } else {
        "Finishes the params. Fails only for values that break a spec rule (none applies to this auth spec today)."
    };
    quote! {
        #doc
        #[derive(Clone, Debug)]
        #[must_use = "a builder does nothing until `build()` is called"]
        pub struct #builder #declared {
            #(#fields)*
        }

        impl #generics self::#builder #generics {
            #(#setters)*

            #[doc = #build_doc]
            pub fn build(self) -> ::core::result::Result<self::#ty, #build_error> #where_clause {
                let value = self::#ty { #(#takes)* };
                #check
                ::core::result::Result::Ok(value)
            }
        }
    }
}
