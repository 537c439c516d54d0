//! The catalog checked in under `generated/src/connectors/` is exactly what flow-codegen renders
//! from `specs/`: a spec or generator change without regenerating fails here, naming the files.

use std::path::Path;

use flow_codegen::Config;

#[path = "support/specs.rs"]
mod specs;

use specs::{repo_root, specs_dir};

/// The command that rewrites the checked-in catalog, run from the repository root.
const REGENERATE: &str = "cargo run -p flow-codegen -- generate --specs specs --out generated/src/connectors";

/// The drift between the specs and the module tree in `out`, one line per file.
fn drift(out: &Path) -> Vec<String> {
    let (_, drift) = Config::new()
        .spec_dir(specs_dir())
        .out_dir(out)
        .check()
        .expect("specs/ is valid");
    drift.iter().map(ToString::to_string).collect()
}

#[test]
fn the_checked_in_catalog_matches_the_specs() {
    let drift = drift(&repo_root().join("generated/src/connectors"));
    assert!(
        drift.is_empty(),
        "generated/src/connectors/ is stale in {} file(s):\n  {}\nregenerate it from the repository root with:\n  {REGENERATE}",
        drift.len(),
        drift.join("\n  ")
    );
}

#[test]
fn a_stale_missing_or_extra_file_is_named() {
    let copy = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(repo_root().join("generated/src/connectors")).expect("readable") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, copy.path().join(path.file_name().expect("file name"))).expect("copy");
    }
    assert_eq!(drift(copy.path()), Vec::<String>::new());
    let mysql = copy.path().join("mysql.rs");
    let text = std::fs::read_to_string(&mysql).expect("read");
    std::fs::write(&mysql, text.replacen("MySQL", "MySQL!", 1)).expect("write");
    std::fs::remove_file(copy.path().join("oracle.rs")).expect("remove");
    let header = std::fs::read_to_string(copy.path().join("mod.rs")).expect("read");
    std::fs::write(copy.path().join("retired.rs"), header).expect("write");
    assert_eq!(
        drift(copy.path()),
        ["stale:   mysql.rs", "missing: oracle.rs", "extra:   retired.rs"]
    );
}
