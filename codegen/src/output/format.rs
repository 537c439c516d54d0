//! Rendering every output file: emit, then format (syn parses the tokens, prettyplease prints
//! them), spread over the machine's cores.
//!
//! Formatting dominates generation, and files are independent, so they are rendered in parallel.
//! Token streams cannot cross threads, so each worker builds its own runtime path and emits the
//! files it formats; the result does not depend on which thread did what.

use std::collections::BTreeMap;

use super::HEADER;
use crate::emit::{self, EmittedFile, Runtime};
use crate::{Error, ir, parallel};

/// Checks that `runtime_path` is a Rust path, as [`render`] needs.
pub fn check_runtime_path(runtime_path: &str) -> Result<(), Error> {
    match Runtime::parse(runtime_path) {
        Some(_) => Ok(()),
        None => Err(Error::Config(format!(
            "runtime path `{runtime_path}` is not a Rust path"
        ))),
    }
}

/// File name -> formatted content, for every file of `model`; `runtime_path` must be valid
/// (see [`check_runtime_path`]). On failure, the error of the first failing file in output order.
pub fn render(model: &ir::Model, runtime_path: &str) -> Result<BTreeMap<String, String>, Error> {
    let files = parallel::map(
        emit::file_count(model),
        || Runtime::parse(runtime_path).expect("the runtime path was checked before rendering"),
        |runtime, index| {
            let file = emit::emit_file(model, runtime, index);
            let name = file.name.clone();
            let text = format(file).map_err(|err| Error::Internal {
                file: name.clone(),
                message: err.to_string(),
            });
            (name, text)
        },
    );
    files.into_iter().map(|(name, text)| Ok((name, text?))).collect()
}

/// Formats one file with prettyplease, under the generated-code header.
fn format(file: EmittedFile) -> Result<String, syn::Error> {
    let parsed: syn::File = syn::parse2(file.tokens)?;
    Ok(format!(
        "{HEADER}\n// Source: {}.\n\n{}",
        crate::text::one_line_escaped(&file.source),
        prettyplease::unparse(&parsed)
    ))
}
