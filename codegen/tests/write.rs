//! Nothing lost: a run that fails, for a bad spec or while writing, leaves the previous output
//! byte for byte as it was, with no temporary or backup files left behind.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use flow_codegen::{Config, Error};

fn spec(id: &str, name: &str, description: &str) -> String {
    serde_json::json!({
        "id": id,
        "name": name,
        "version": "1.0",
        "description": description,
        "authSpec": [{
            "name": "Basic Authentication",
            "spec": {"type": "object", "properties": {"host": {"type": "string"}}, "required": ["host"]}
        }]
    })
    .to_string()
}

/// Writes a catalogue of three connectors whose descriptions carry `version`.
fn write_specs(dir: &Path, version: &str) {
    for (index, name) in ["alpha", "beta", "gamma"].iter().enumerate() {
        let id = format!("5d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2{index}");
        fs::write(
            dir.join(format!("{name}.json")),
            spec(&id, name, &format!("{name}, {version}")),
        )
        .expect("write");
    }
}

/// Every file in `dir` (hidden ones included) with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .expect("dir")
        .map(|entry| {
            let entry = entry.expect("entry");
            let bytes = if entry.path().is_dir() {
                Vec::new()
            } else {
                fs::read(entry.path()).expect("read")
            };
            (entry.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

struct Fixture {
    specs: tempfile::TempDir,
    out: tempfile::TempDir,
}

impl Fixture {
    /// Output generated from version 1 of the specs; the specs then changed to version 2, which
    /// changes every connector file.
    fn new() -> Self {
        let fixture = Self {
            specs: tempfile::tempdir().expect("temp dir"),
            out: tempfile::tempdir().expect("temp dir"),
        };
        write_specs(fixture.specs.path(), "version 1");
        fixture.config().generate().expect("version 1 generates");
        write_specs(fixture.specs.path(), "version 2");
        fixture
    }

    fn config(&self) -> Config {
        Config::new().spec_dir(self.specs.path()).out_dir(self.out.path())
    }

    /// Puts a directory where the generator wants a file of its own (`.{name}.{pid}.{suffix}`),
    /// so that writing or renaming that one file fails after the others succeeded.
    fn obstruct(&self, name: &str, suffix: &str) -> std::path::PathBuf {
        let path = self.out.path().join(format!(".{name}.{}.{suffix}", std::process::id()));
        fs::create_dir(&path).expect("obstruct");
        path
    }
}

#[test]
fn a_failed_write_leaves_the_previous_output_intact() {
    let fixture = Fixture::new();
    let before = contents(fixture.out.path());
    // Files are staged in name order: alpha.rs and beta.rs are staged when gamma.rs fails.
    let obstacle = fixture.obstruct("gamma.rs", "tmp");
    let error = fixture.config().generate().expect_err("cannot write gamma.rs");
    assert!(matches!(error, Error::Io { .. }), "{error}");
    fs::remove_dir(&obstacle).expect("clear");
    assert_eq!(
        contents(fixture.out.path()),
        before,
        "the output changed or temporary files remain"
    );
}

#[test]
fn a_failed_rename_rolls_back_the_files_already_replaced() {
    let fixture = Fixture::new();
    let before = contents(fixture.out.path());
    // alpha.rs and beta.rs are replaced before gamma.rs cannot be moved aside: both must return.
    let obstacle = fixture.obstruct("gamma.rs", "bak");
    let error = fixture.config().generate().expect_err("cannot replace gamma.rs");
    assert!(error.to_string().contains("gamma.rs"), "{error}");
    fs::remove_dir(&obstacle).expect("clear");
    assert_eq!(
        contents(fixture.out.path()),
        before,
        "the output changed or backup files remain"
    );

    // With the obstacle gone, the same run succeeds and replaces every file.
    let generated = fixture.config().generate().expect("generates");
    assert_eq!(generated.summary.written, ["alpha.rs", "beta.rs", "gamma.rs", "mod.rs"]);
    let after = contents(fixture.out.path());
    assert!(String::from_utf8_lossy(&after["gamma.rs"]).contains("version 2"));
    assert!(after.keys().all(|name| !name.starts_with('.')), "{:?}", after.keys());
}

#[test]
fn a_failed_removal_restores_what_was_already_written() {
    let fixture = Fixture::new();
    fs::remove_file(fixture.specs.path().join("gamma.json")).expect("remove spec");
    let before = contents(fixture.out.path());
    let obstacle = fixture.obstruct("gamma.rs", "bak");
    fixture.config().generate().expect_err("cannot remove gamma.rs");
    fs::remove_dir(&obstacle).expect("clear");
    assert_eq!(contents(fixture.out.path()), before);
    let generated = fixture.config().generate().expect("generates");
    assert_eq!(generated.summary.removed, ["gamma.rs"]);
}

#[test]
fn a_bad_spec_writes_nothing() {
    let fixture = Fixture::new();
    let before = contents(fixture.out.path());
    fs::write(fixture.specs.path().join("beta.json"), "{\"id\": ").expect("break a spec");
    let error = fixture.config().generate().expect_err("bad spec");
    assert!(matches!(error, Error::Spec(_)), "{error}");
    assert_eq!(contents(fixture.out.path()), before);
}
