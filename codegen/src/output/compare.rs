//! Comparing the generated files with an output directory, writing nothing.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

use super::{generated_files_in, io_error};

/// How an output directory differs from what the specs generate.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Drift {
    /// The file exists with other content.
    Stale(String),
    /// The file should exist and does not.
    Missing(String),
    /// A generated file that the specs no longer produce.
    Extra(String),
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Drift::Stale(name) => write!(f, "stale:   {name}"),
            Drift::Missing(name) => write!(f, "missing: {name}"),
            Drift::Extra(name) => write!(f, "extra:   {name}"),
        }
    }
}

/// Compares `files` with the content of `dir`.
pub fn check(dir: &Path, files: &BTreeMap<String, String>) -> Result<Vec<Drift>, crate::Error> {
    let mut drift = Vec::new();
    for (name, content) in files {
        match fs::read(dir.join(name)) {
            Ok(bytes) if bytes == content.as_bytes() => {}
            Ok(_) => drift.push(Drift::Stale(name.clone())),
            Err(err) if err.kind() == io::ErrorKind::NotFound => drift.push(Drift::Missing(name.clone())),
            Err(err) => return Err(io_error(&dir.join(name), err)),
        }
    }
    for name in generated_files_in(dir)? {
        if !files.contains_key(&name) {
            drift.push(Drift::Extra(name));
        }
    }
    drift.sort();
    Ok(drift)
}
