//! Emission: the validated model -> Rust token streams, one per output file.
//!
//! The only part of the generator that knows `quote!`. Each fragment has its own small template:
//! [`params`] (a params struct: an auth spec's or a nested object's), [`builder`] (its typestate
//! builder), [`patch`] (an auth spec's typed JSON Patch), [`markers`] (the traits naming missing required params), [`enums`] (a string enum
//! param's type), [`connector`] (a module file), [`source`] (a connector's source params),
//! [`catalog`] (runtime metadata), [`any_connection`], [`any_source`] and [`any_flow`] (the
//! catalog-wide enums of base connections, source connections and flows), [`flow_specs`] (the
//! flow spec types) and [`root`] (the file that ties them up).

mod any_connection;
mod any_flow;
mod any_source;
mod builder;
mod catalog;
mod connector;
mod docs;
mod enums;
mod flow_specs;
mod markers;
mod names;
mod params;
mod patch;
mod root;
mod source;
mod types;

use proc_macro2::TokenStream;

pub use names::Runtime;

use crate::ir::Model;

/// The file that declares every connector module; `include!` this one.
pub const ROOT_FILE: &str = "mod.rs";

/// One output file before formatting.
pub struct EmittedFile {
    /// The file name, relative to the output directory.
    pub name: String,
    /// One line naming where the file comes from, for its header.
    pub source: String,
    /// Its items.
    pub tokens: TokenStream,
}

/// How many output files `catalog` gives: the root, one per connector, and `flow_specs.rs` when
/// there are flow specs.
pub fn file_count(model: &Model) -> usize {
    1 + model.connectors.len() + usize::from(!model.flow_specs.is_empty())
}

/// Output file number `index` (below [`file_count`]): 0 is the root, then the connectors in
/// catalog order, then the flow specs. Each file is emitted on its own, so files can be rendered
/// in parallel.
pub fn emit_file(model: &Model, runtime: &Runtime, index: usize) -> EmittedFile {
    match index.checked_sub(1) {
        Some(n) if n == model.connectors.len() => EmittedFile {
            name: flow_specs::FILE_NAME.to_owned(),
            source: format!("{} flow spec(s)", model.flow_specs.len()),
            tokens: with_import(runtime, flow_specs::emit(model)),
        },
        None => EmittedFile {
            name: ROOT_FILE.to_owned(),
            source: format!("the module tree of {} connector(s)", model.connectors.len()),
            tokens: with_import(runtime, root::emit(model)),
        },
        Some(n) => {
            let connector = &model.connectors[n];
            EmittedFile {
                name: root::file_name(connector),
                source: format!("connection spec {} ({})", connector.spec_id, connector.machine_name),
                tokens: with_import(runtime, connector::emit(connector)),
            }
        }
    }
}

/// A file's items after the `use` of the runtime alias that they all go through.
fn with_import(runtime: &Runtime, items: TokenStream) -> TokenStream {
    let import = runtime.import();
    quote::quote!(#import #items)
}
