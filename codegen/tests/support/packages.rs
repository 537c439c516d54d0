//! Throwaway cargo packages for the tests that compile code against this repository's crates
//! (`property` compiles random catalogs, `rebuild` drives a build script, `compatibility`
//! compiles old user code against new generated code).
//!
//! Each package is its own workspace (or a member of a temporary one), with a copy of this
//! workspace's `Cargo.lock`: the same dependency versions, so `--offline` finds them and a target
//! directory that compiled them once reuses them.

// Each test crate that declares this module uses only some of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root: this workspace's `Cargo.toml` and `Cargo.lock`.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The target directory this test was built in (`CARGO_TARGET_TMPDIR` is its `tmp/`).
pub fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR lies in the target directory")
        .to_path_buf()
}

/// `<target>/downstream`: the target directory of the throwaway crates that depend on the runtime
/// (`runtime_dependency`). A directory of its own, so a concurrent build of the repository never
/// blocks them; one for all of them, so the runtime and its dependencies compile once (about 16 s
/// on 2 cores) and later runs only compile the throwaway crates. `cargo check` and `cargo clippy`
/// share it: clippy lints only workspace members, so the runtime (a path dependency outside the
/// throwaway workspace) compiles the same for both.
pub fn downstream_target_dir() -> PathBuf {
    target_dir().join("downstream")
}

/// A `[dependencies]`-style line naming the package at `path` without its default features, with
/// `features`.
pub fn path_dependency(name: &str, path: &Path, features: &[&str]) -> String {
    format!(
        "{name} = {{ path = {:?}, default-features = false, features = {features:?} }}",
        path.display().to_string()
    )
}

/// The dependency line of the runtime crate without this repository's catalog, as a downstream
/// crate that generates its own connectors depends on it (with `pattern`: random specs have them).
pub fn runtime_dependency() -> String {
    path_dependency("flow-connectors", &workspace().join("generated"), &["pattern"])
}

/// The manifest of package `name` (version 0.0.0, edition 2024, not published), followed by
/// `sections` (its dependency tables, and `[workspace]` when it stands alone).
pub fn package_manifest(name: &str, sections: &str) -> String {
    format!("[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n{sections}")
}

/// Copies this workspace's `Cargo.lock` into `dir`, the root of a throwaway workspace.
pub fn copy_lock(dir: &Path) {
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
}

/// `cargo` (the one running the tests) in `dir`, building into `target`, without colours.
pub fn cargo(dir: &Path, target: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_TERM_COLOR", "never");
    command
}
