//! The repository's real connection specs (`specs/`), for the tests and benchmarks of
//! flow-codegen. Included by path (`#[path = "support/specs.rs"] mod specs;`), so it is not a test
//! target of its own.

#![allow(dead_code, reason = "each includer uses part of it")]

use std::path::{Path, PathBuf};

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The repository's `specs/` directory.
pub fn specs_dir() -> PathBuf {
    repo_root().join("specs")
}

/// Every `*.json` file of `specs/`, sorted.
pub fn spec_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(specs_dir())
        .expect("specs/ is readable")
        .map(|entry| entry.expect("specs/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}
