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

/// Writes a catalog of three connectors whose descriptions carry `version`.
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
    /// so that writing or moving that one file fails after other files succeeded; runs the
    /// generator, which must fail and leave every file of the output (hidden ones included)
    /// exactly as it was; clears the obstacle and returns the error.
    fn fail_at(&self, name: &str, suffix: &str) -> Error {
        let before = contents(self.out.path());
        let obstacle = self.out.path().join(format!(".{name}.{}.{suffix}", std::process::id()));
        fs::create_dir(&obstacle).expect("obstruct");
        let error = self.config().generate().expect_err("the obstacle makes the run fail");
        fs::remove_dir(&obstacle).expect("clear");
        assert_eq!(
            contents(self.out.path()),
            before,
            "the output changed, or temporary or backup files remain"
        );
        error
    }
}

#[test]
fn a_failed_write_leaves_the_previous_output_intact() {
    // Files are staged in name order: alpha.rs and beta.rs are staged when gamma.rs fails.
    let error = Fixture::new().fail_at("gamma.rs", "tmp");
    assert!(matches!(error, Error::Io { .. }), "{error}");
}

#[test]
fn a_failed_rename_rolls_back_the_files_already_replaced() {
    // alpha.rs and beta.rs are replaced before gamma.rs cannot be moved aside: both must return.
    let fixture = Fixture::new();
    let error = fixture.fail_at("gamma.rs", "bak");
    assert!(error.to_string().contains("gamma.rs"), "{error}");

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
    fixture.fail_at("gamma.rs", "bak");
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
