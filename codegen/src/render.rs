//! Rendering every output file: emit + parse + format, spread over the machine's cores.
//!
//! Formatting dominates generation (syn parsing the emitted tokens and prettyplease printing them,
//! file by file), and files are independent, so they are rendered in parallel. Token streams
//! cannot cross threads, so each worker builds its own runtime path and emits the files it
//! renders; the result does not depend on which thread rendered what.

use std::collections::BTreeMap;

use crate::emit::{self, Runtime};
use crate::{Error, ir, parallel, write};

/// The runtime path as tokens; `None` when it is not a Rust path.
pub fn runtime(path: &str) -> Option<Runtime> {
    let root: syn::Path = syn::parse_str(path).ok()?;
    Some(Runtime::new(quote::quote!(#root)))
}

/// File name -> formatted content, for every file of `catalog`; `runtime_path` must be valid
/// (see [`runtime`]). On failure, the error of the first failing file in output order.
pub fn files(model: &ir::Model, runtime_path: &str) -> Result<BTreeMap<String, String>, Error> {
    let rendered = parallel::map(
        emit::file_count(model),
        || runtime(runtime_path).expect("the runtime path was checked before rendering"),
        |runtime, index| {
            let file = emit::emit_file(model, runtime, index);
            let name = file.name.clone();
            let text = write::render(file).map_err(|err| Error::Internal {
                file: name.clone(),
                message: err.to_string(),
            });
            (name, text)
        },
    );
    rendered.into_iter().map(|(name, text)| Ok((name, text?))).collect()
}
