//! Rendering every output file: emit + parse + format, spread over the machine's cores.
//!
//! Formatting dominates generation (syn parsing the emitted tokens and prettyplease printing them,
//! file by file), and files are independent, so worker threads take files one at a time from a
//! shared counter. Token streams cannot cross threads, so each worker builds its own runtime path
//! and emits the files it renders; the result does not depend on which thread rendered what.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::emit::{self, Runtime};
use crate::{Error, ir, write};

/// The runtime path as tokens; `None` when it is not a Rust path.
pub fn runtime(path: &str) -> Option<Runtime> {
    let root: syn::Path = syn::parse_str(path).ok()?;
    Some(Runtime::new(quote::quote!(#root)))
}

/// File name -> formatted content, for every file of `catalog`; `runtime_path` must be valid
/// (see [`runtime`]). On failure, the error of the first failing file in output order.
pub fn files(catalog: &ir::Catalog, runtime_path: &str) -> Result<BTreeMap<String, String>, Error> {
    let count = emit::file_count(catalog);
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(count);
    let next = AtomicUsize::new(0);
    let work = || {
        let runtime = runtime(runtime_path).expect("the runtime path was checked before rendering");
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            if index >= count {
                return done;
            }
            let file = emit::emit_file(catalog, &runtime, index);
            let name = file.name.clone();
            let text = write::render(file).map_err(|err| Error::Internal {
                file: name.clone(),
                message: err.to_string(),
            });
            done.push((index, name, text));
        }
    };
    let mut rendered: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut rendered = work();
        for worker in workers {
            match worker.join() {
                Ok(done) => rendered.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        rendered
    });
    rendered.sort_by_key(|(index, _, _)| *index);
    rendered.into_iter().map(|(_, name, text)| Ok((name, text?))).collect()
}
