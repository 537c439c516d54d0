//! Finding and reading spec files.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Severity, Sources};
use crate::parallel;
use crate::spec::{self, DocumentKind, SpecFile};

/// The largest spec file read. The whole `GET /connectionSpecs` answer for every connector is
/// well under this; a larger file is almost surely not a spec, and reading it would only waste
/// memory and time in every build.
pub const MAX_SPEC_FILE_BYTES: u64 = 8 << 20;

/// What reading the inputs produced.
pub struct Loaded {
    /// The files whose JSON was well-formed.
    pub files: Vec<SpecFile>,
    /// Every file and directory read, for `cargo::rerun-if-changed`.
    pub inputs: Vec<PathBuf>,
    /// Their texts, for diagnostics.
    pub sources: Sources,
    /// Everything found wrong while reading and parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// The diagnostic for a spec file larger than [`MAX_SPEC_FILE_BYTES`].
fn too_large(path: &Path, len: u64) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        path,
        None,
        format!(
            "the spec file is {len} bytes; flow-codegen reads spec files of at most {} MiB",
            MAX_SPEC_FILE_BYTES >> 20
        ),
    )
    .with_help(
        "a connection spec is a few kilobytes; check that this is a spec file, or split a large \
         `{\"items\": [...]}` file into one file per connector (`flow-codegen pull` writes them so)",
    )
}

/// The directory under a spec directory whose files are flow specs.
pub const FLOWS_DIR: &str = "flows";

/// Every `*.json` file under `dir`, recursively, skipping hidden entries, with what it holds:
/// `kind`, but flow specs under the top spec directory's [`FLOWS_DIR`]. Directories are recorded in
/// `inputs` so that adding a file is noticed.
fn collect_dir(
    dir: &Path,
    kind: DocumentKind,
    top: bool,
    files: &mut Vec<(PathBuf, DocumentKind)>,
    loaded: &mut Loaded,
) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            loaded.diagnostics.push(
                Diagnostic::general(format!("cannot read the spec directory {}: {err}", dir.display()))
                    .with_help("pass a directory that exists and holds connection spec `.json` files"),
            );
            return;
        }
    };
    loaded.inputs.push(dir.to_path_buf());
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            let flows = top && path.file_name().is_some_and(|name| name == FLOWS_DIR);
            let kind = if flows { DocumentKind::FlowSpecs } else { kind };
            collect_dir(&path, kind, false, files, loaded);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            files.push((path, kind));
        }
    }
}

/// Parses `source`, or the file at `path` when there is no in-memory source; a file that cannot be
/// read (or is too large) is one diagnostic.
fn read_and_parse(path: &Path, kind: DocumentKind, source: Option<&[u8]>) -> Result<spec::Parsed, Box<Diagnostic>> {
    let read;
    let bytes: &[u8] = match source {
        Some(bytes) => bytes,
        None => {
            if let Ok(metadata) = fs::metadata(path)
                && metadata.len() > MAX_SPEC_FILE_BYTES
            {
                return Err(Box::new(too_large(path, metadata.len())));
            }
            read = fs::read(path).map_err(|err| {
                Box::new(
                    Diagnostic::general(format!("cannot read the spec file {}: {err}", path.display()))
                        .with_help("check the path and its permissions"),
                )
            })?;
            &read
        }
    };
    Ok(spec::parse_document(path, bytes, kind))
}

/// An in-memory spec: the path it is parsed as if read from, its bytes and what it holds.
pub type Source = (PathBuf, Arc<[u8]>, DocumentKind);

/// Reads and parses every spec file in `dirs` (flow specs under each one's [`FLOWS_DIR`]) and
/// `explicit` (each with what it holds), and the in-memory `sources` (named by path, parsed as if
/// read from there, replacing a file of that path, and not recorded as inputs).
pub fn load(dirs: &[PathBuf], explicit: &[(PathBuf, DocumentKind)], sources: &[Source]) -> Loaded {
    let mut loaded = Loaded {
        files: Vec::new(),
        inputs: Vec::new(),
        sources: Sources::new(spec::locate_all),
        diagnostics: Vec::new(),
    };
    let mut paths = Vec::new();
    for dir in dirs {
        collect_dir(dir, DocumentKind::ConnectionSpecs, true, &mut paths, &mut loaded);
    }
    paths.extend(explicit.iter().cloned());
    // In-memory sources first, so that after the stable sort one replaces a file of the same path.
    type Input<'a> = (PathBuf, DocumentKind, Option<&'a Arc<[u8]>>);
    let mut all: Vec<Input> = sources
        .iter()
        .map(|(path, bytes, kind)| (path.clone(), *kind, Some(bytes)))
        .collect();
    all.extend(paths.into_iter().map(|(path, kind)| (path, kind, None)));
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all.dedup_by(|a, b| a.0 == b.0);
    // Reading and parsing are independent per file, so they run in parallel; the results are
    // merged in path order, so the outcome does not depend on which thread read what.
    let results = parallel::map(
        all.len(),
        || (),
        |(), index| {
            let (path, kind, source) = &all[index];
            read_and_parse(path, *kind, source.map(|bytes| &**bytes))
        },
    );
    for ((path, _, source), result) in all.into_iter().zip(results) {
        match result {
            Err(diagnostic) => loaded.diagnostics.push(*diagnostic),
            Ok(parsed) => {
                loaded.sources.insert(&path, parsed.text);
                loaded.diagnostics.extend(parsed.diagnostics);
                loaded.files.extend(parsed.file);
            }
        }
        if source.is_none() {
            loaded.inputs.push(path);
        }
    }
    loaded
}
