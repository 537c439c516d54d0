//! The `flow_specs` module: one unit type per flow spec, its `FlowSpec` implementation (id,
//! schedule rules, transformations) and an `Accepts` implementation per connector whose source
//! connections it takes, so a flow of a connector the flow spec does not list does not compile.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs;
use super::names::ident;
use crate::ir::{FlowSpec, Model, Schedule};

/// The file name of the module (the lowering checks that no connector module takes it).
pub const FILE_NAME: &str = "flow_specs.rs";

/// The module's doc line, on its `mod` item in the root file.
pub const MODULE_SUMMARY: &str = "The flow specs: which sources a dataflow (`POST /flows`) takes, its transformations \
                                  and its schedule rules.";

/// The `ScheduleRules` expression of a schedule.
fn schedule(schedule: &Schedule) -> TokenStream {
    let frequencies = schedule.frequencies.iter().map(|f| {
        let variant = ident(f.variant());
        quote!(__rt::Frequency::#variant)
    });
    let minimums = schedule.interval_minimums.iter().map(|(f, minimum)| {
        let variant = ident(f.variant());
        let minimum = Literal::u64_unsuffixed(*minimum);
        quote!((__rt::Frequency::#variant, #minimum))
    });
    let start_time = ident(schedule.start_time.variant());
    let required = if schedule.interval_required {
        quote!(.mark_interval_required())
    } else {
        TokenStream::new()
    };
    let backfill = if schedule.backfill {
        quote!(.mark_backfill())
    } else {
        TokenStream::new()
    };
    quote! {
        __rt::ScheduleRules::new(
            &[#(#frequencies),*],
            &[#(#minimums),*],
            __rt::WireForm::#start_time,
        ) #required #backfill
    }
}

/// The rules of a flow spec as expressions, built once for both places that state them: its
/// `impl FlowSpec` and its `FlowSpecInfo` in the catalog, so the two cannot differ.
pub struct Rules {
    /// The `ScheduleRules` expression, `None` without `scheduleSpec`.
    pub schedule: Option<TokenStream>,
    /// The `&[TransformationKind]` expression.
    pub transformations: TokenStream,
    /// The `WireForm` expression of `mappingVersion`.
    pub mapping_version: TokenStream,
}

/// The rules of `flow_spec`.
pub fn rules(flow_spec: &FlowSpec) -> Rules {
    let transformations = flow_spec.transformations.iter().map(|t| {
        let variant = ident(t.name());
        quote!(__rt::TransformationKind::#variant)
    });
    let mapping_version = ident(flow_spec.mapping_version.variant());
    Rules {
        schedule: flow_spec.schedule.as_ref().map(schedule),
        transformations: quote!(&[#(#transformations),*]),
        mapping_version: quote!(__rt::WireForm::#mapping_version),
    }
}

/// The doc text of a flow spec's type.
fn summary(model: &Model, flow_spec: &FlowSpec) -> String {
    let mut text = format!(
        "The {} flow spec: id {}, version {}.",
        docs::code(&flow_spec.name),
        docs::code(&flow_spec.id),
        docs::code(&flow_spec.version)
    );
    let accepted: Vec<String> = flow_spec
        .accepts
        .iter()
        .filter_map(|module| model.connectors.iter().find(|c| &c.module == module))
        .map(|connector| {
            let ty = connector.source.as_ref().map_or("", |s| s.params.type_name.as_str());
            format!("[`{}`](super::{}::{ty})", connector.machine_name, connector.module)
        })
        .collect();
    text.push_str("\n\n");
    if accepted.is_empty() {
        text.push_str("It accepts source connections of no connector of this module tree.");
    } else {
        text.push_str(&format!("It accepts source connections of {}.", accepted.join(", ")));
    }
    let others = flow_spec.source_connection_spec_ids.len() - flow_spec.accepts.len();
    if others > 0 {
        text.push_str(&format!(
            " Its `sourceConnectionSpecIds` list {others} more connection spec(s) this module tree has no source of."
        ));
    }
    if !flow_spec.other_transformations.is_empty() {
        let names: Vec<String> = flow_spec.other_transformations.iter().map(|n| docs::code(n)).collect();
        text.push_str(&format!(
            " It also lists transformations flow-codegen does not build: {}.",
            names.join(", ")
        ));
    }
    text
}

fn flow_spec(model: &Model, flow_spec: &FlowSpec) -> TokenStream {
    let doc = docs::summary_and_description(&summary(model, flow_spec), flow_spec.description.as_deref());
    let ty = ident(&flow_spec.type_name);
    let (id, name, version) = (&flow_spec.id, &flow_spec.name, &flow_spec.version);
    let Rules {
        schedule,
        transformations,
        mapping_version,
    } = rules(flow_spec);
    let schedule = match schedule {
        Some(rules) => quote!(__rt::Some(#rules)),
        None => quote!(__rt::None),
    };
    let accepts = flow_spec
        .accepts
        .iter()
        .filter_map(|module| model.connectors.iter().find(|c| &c.module == module))
        .filter_map(|connector| {
            let module = ident(&connector.module);
            let params = ident(&connector.source.as_ref()?.params.type_name);
            Some(quote!(impl __rt::Accepts<super::#module::#params> for #ty {}))
        });
    quote! {
        #doc
        #[derive(Clone, Copy, Debug)]
        pub struct #ty;

        impl __rt::FlowSpec for #ty {
            const ID: &'static str = #id;
            const VERSION: &'static str = #version;
            const NAME: &'static str = #name;
            const SCHEDULE: __rt::Option<__rt::ScheduleRules> = #schedule;
            const TRANSFORMATIONS: &'static [__rt::TransformationKind] = #transformations;
            const MAPPING_VERSION: __rt::WireForm = #mapping_version;
        }

        #(#accepts)*
    }
}

/// The items of `flow_specs.rs`.
pub fn emit(model: &Model) -> TokenStream {
    let items = model.flow_specs.iter().map(|f| flow_spec(model, f));
    quote!(#(#items)*)
}
