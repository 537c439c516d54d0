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
/// The flow spec files of `specs/flows/`, sorted.
pub fn flow_spec_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(specs_dir().join("flows"))
        .expect("specs/flows/ is readable")
        .map(|entry| entry.expect("specs/flows/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Copies the flow specs into `dir/flows/` under made-up names, in reverse order.
pub fn copy_flow_specs(dir: &std::path::Path) {
    let flows = dir.join("flows");
    std::fs::create_dir_all(&flows).expect("mkdir flows");
    for (index, file) in flow_spec_files().iter().rev().enumerate() {
        std::fs::copy(file, flows.join(format!("{index:02}-flow.json"))).expect("copy");
    }
}

pub fn spec_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(specs_dir())
        .expect("specs/ is readable")
        .map(|entry| entry.expect("specs/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}
