//! The Rust enum of a string param with `enum`: one variant per allowed value, written and read
//! as the exact wire string.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::names::ident;
use crate::ir::EnumType;

/// The enum and its wire conversions (the runtime makes every `WireEnum` a `ParamValue`).
pub fn emit(enum_type: &EnumType) -> TokenStream {
    let ty = ident(&enum_type.type_name);
    let variants: Vec<_> = enum_type.values.iter().map(|v| ident(&v.variant)).collect();
    let wires: Vec<_> = enum_type.values.iter().map(|v| v.wire.as_str()).collect();
    let docs = wires
        .iter()
        .map(|wire| docs::attrs(&format!("Sent as {}.", docs::code(wire))));
    let summary = docs::attrs(&format!(
        "The allowed values of the {} param.",
        docs::code(&enum_type.dotted_name)
    ));
    quote! {
        #summary
        #[doc = ""]
        #[doc = " Non-exhaustive: a spec may add values, and that must not break a `match`."]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #(#docs #variants,)*
        }

        impl #ty {
            /// The exact string sent on the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    #(Self::#variants => #wires,)*
                }
            }
        }

        impl __rt::fmt::Display for #ty {
            fn fmt(&self, f: &mut __rt::fmt::Formatter<'_>) -> __rt::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl __rt::WireEnum for #ty {
            const VALUES: &'static [&'static str] = &[#(#wires),*];

            fn as_wire(&self) -> &'static str {
                self.as_str()
            }

            fn from_wire(value: &str) -> __rt::Option<Self> {
                match value {
                    #(#wires => __rt::Some(Self::#variants),)*
                    _ => __rt::None,
                }
            }
        }
    }
}
