//! The build-script API in a real cargo build: a no-op build runs nothing, touching or adding a
//! spec file reruns the generator, and generated files whose content did not change keep their
//! mtime.
//!
//! The probe crate has flow-codegen as its only (build) dependency; its build script (the README's
//! one line, `flow_codegen::compile_specs("specs")`, so what it prints for cargo is tested here) also appends a line to a marker file each time it runs. It lives at a fixed path
//! under cargo's `CARGO_TARGET_TMPDIR` and builds in this workspace's target directory, where
//! flow-codegen and its dependencies are already compiled for `flow-tests`' build script:
//! each build takes a second or two, and repeated runs reuse the same build directories.

#[path = "support/packages.rs"]
mod packages;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

const BUILD_RS: &str = r#"
fn main() -> Result<(), flow_codegen::Error> {
    flow_codegen::compile_specs("specs")?;
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("flow_connectors");
    let marker = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("generator-runs.txt");
    let mut runs = std::fs::read_to_string(&marker).unwrap_or_default();
    runs.push_str(&format!("{}\n", out.display()));
    std::fs::write(marker, runs).unwrap();
    Ok(())
}
"#;

/// cargo's temporary directory for integration tests: `<target dir>/tmp`.
fn target_tmp() -> &'static Path {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
}

struct Probe {
    dir: PathBuf,
}

impl Probe {
    fn new() -> Self {
        let dir = target_tmp().join("rebuild-probe");
        if dir.exists() {
            fs::remove_dir_all(&dir).expect("remove the previous probe");
        }
        let codegen = Path::new(env!("CARGO_MANIFEST_DIR"))
            .canonicalize()
            .expect("codegen dir");
        let manifest = packages::package_manifest(
            "rebuild-probe",
            &format!(
                "[build-dependencies]\n{}\n\n[workspace]\n",
                // With `pattern`, as flow-tests' build script has it, so its build is reused.
                packages::path_dependency("flow-codegen", &codegen, &["pattern"])
            ),
        );
        fs::create_dir_all(dir.join("src")).expect("probe dir");
        fs::create_dir_all(dir.join("specs")).expect("specs dir");
        fs::write(dir.join("Cargo.toml"), manifest).expect("write manifest");
        // The workspace's lock: the same dependency versions, so the compiled ones are reused.
        packages::copy_lock(&dir);
        fs::write(dir.join("build.rs"), BUILD_RS).expect("write build.rs");
        fs::write(dir.join("src/lib.rs"), "").expect("write lib.rs");
        let probe = Self { dir };
        probe.add_spec("azure-blob.json");
        probe
    }

    fn add_spec(&self, name: &str) {
        fs::copy(packages::workspace().join("specs").join(name), self.spec(name)).expect("copy spec");
    }

    fn spec(&self, name: &str) -> PathBuf {
        self.dir.join("specs").join(name)
    }

    /// Runs `cargo build`; returns whether the probe was compiled (not fresh).
    fn build(&self) -> bool {
        let (success, stderr) = self.try_build();
        assert!(success, "cargo build failed:\n{stderr}");
        stderr
            .lines()
            .any(|line| line.trim_start().starts_with("Compiling rebuild-probe"))
    }

    /// Runs `cargo build`; returns whether it succeeded, and its stderr.
    fn try_build(&self) -> (bool, String) {
        let output = packages::cargo(&self.dir, &packages::target_dir())
            .args(["build", "--offline", "--verbose"])
            .output()
            .expect("cargo runs");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// The output directory of every generator run so far, one per run.
    fn runs(&self) -> Vec<PathBuf> {
        let text = fs::read_to_string(self.dir.join("generator-runs.txt")).unwrap_or_default();
        text.lines().map(PathBuf::from).collect()
    }
}

fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|meta| meta.modified())
        .expect("generated file exists")
}

/// Sets a file's mtime to now: after the last build started, and not later, so that the next
/// build but one does not see it as changed again.
fn touch(path: &Path) {
    let file = fs::File::options().append(true).open(path).expect("open spec");
    file.set_modified(SystemTime::now()).expect("touch");
}

#[test]
fn only_changed_specs_rerun_the_generator_and_unchanged_output_keeps_its_mtime() {
    let probe = Probe::new();

    assert!(probe.build(), "the first build compiles the probe");
    let runs = probe.runs();
    assert_eq!(runs.len(), 1, "the first build runs the generator once");
    let out = runs[0].clone();
    let (root, azure) = (out.join("mod.rs"), out.join("azure_blob.rs"));
    let (root_mtime, azure_mtime) = (mtime(&root), mtime(&azure));

    assert!(!probe.build(), "a no-op build compiles nothing");
    assert_eq!(probe.runs().len(), 1, "a no-op build does not run the generator");

    touch(&probe.spec("azure-blob.json"));
    probe.build();
    assert_eq!(probe.runs().len(), 2, "touching a spec file reruns the generator");
    assert_eq!(mtime(&root), root_mtime, "unchanged output keeps its mtime");
    assert_eq!(mtime(&azure), azure_mtime, "unchanged output keeps its mtime");

    probe.add_spec("mysql.json");
    probe.build();
    assert_eq!(probe.runs().len(), 3, "adding a spec file reruns the generator");
    assert!(out.join("mysql.rs").exists(), "the new connector is generated");
    assert_ne!(mtime(&root), root_mtime, "the module tree is rewritten");
    assert_eq!(mtime(&azure), azure_mtime, "the unchanged connector keeps its mtime");

    // A bad spec fails the build with the displayed report, and the previous output stays.
    let mysql = fs::read(out.join("mysql.rs")).expect("generated");
    let bad = fs::read_to_string(probe.spec("mysql.json")).expect("spec").replacen(
        "\"type\": \"string\"",
        "\"type\": \"strin\"",
        1,
    );
    fs::write(probe.spec("mysql.json"), bad).expect("break the spec");
    let (success, stderr) = probe.try_build();
    assert!(!success, "a bad spec fails the build");
    assert!(stderr.contains("error: unknown type `strin`"), "{stderr}");
    assert!(
        stderr.contains("--> specs/mysql.json:"),
        "file, line and column: {stderr}"
    );
    assert!(stderr.contains("help: use one of"), "{stderr}");
    assert_eq!(
        fs::read(out.join("mysql.rs")).expect("kept"),
        mysql,
        "the previous output is intact"
    );
}
