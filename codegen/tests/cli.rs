//! The `flow-codegen` command: exit codes, messages, and what it leaves on disk.

use std::path::Path;
use std::process::{Command, Output};

use specs::{spec_files, specs_dir};

#[path = "support/specs.rs"]
mod specs;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flow-codegen"))
        .args(args)
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn generate_then_check_reports_current_stale_missing_and_extra_files() {
    let out = tempfile::tempdir().expect("temp dir");
    let out_arg = out.path().to_str().expect("utf-8 path");
    let specs = specs_dir();
    let specs_arg = specs.to_str().expect("utf-8 path");

    let generated = run(&["generate", "--specs", specs_arg, "--out", out_arg]);
    assert!(generated.status.success(), "{}", text(&generated.stderr));
    assert!(text(&generated.stderr).contains("written"));
    assert!(out.path().join("mod.rs").exists());

    let current = run(&["check", "--specs", specs_arg, "--out", out_arg]);
    assert_eq!(current.status.code(), Some(0), "{}", text(&current.stderr));

    std::fs::write(out.path().join("dynamics_online.rs"), "// edited by hand\n").expect("write");
    std::fs::remove_file(out.path().join("azure_data_explorer.rs")).expect("remove");
    std::fs::write(
        out.path().join("old_connector.rs"),
        format!("{}\n", flow_codegen::HEADER),
    )
    .expect("write");
    std::fs::write(out.path().join("hand_written.rs"), "// not generated\n").expect("write");
    let drifted = run(&["check", "--specs", specs_arg, "--out", out_arg]);
    assert_eq!(drifted.status.code(), Some(1));
    let listed = text(&drifted.stdout);
    assert!(listed.contains("stale:   dynamics_online.rs"), "{listed}");
    assert!(listed.contains("missing: azure_data_explorer.rs"), "{listed}");
    assert!(listed.contains("extra:   old_connector.rs"), "{listed}");
    assert!(!listed.contains("hand_written.rs"), "{listed}");

    // Regenerating repairs all three and leaves the hand-written file alone.
    assert!(
        run(&["generate", "--specs", specs_arg, "--out", out_arg])
            .status
            .success()
    );
    assert_eq!(
        run(&["check", "--specs", specs_arg, "--out", out_arg]).status.code(),
        Some(0)
    );
    assert!(!out.path().join("old_connector.rs").exists());
    assert!(out.path().join("hand_written.rs").exists());
}

#[test]
fn a_bad_spec_fails_with_its_location_and_leaves_previous_output_intact() {
    let out = tempfile::tempdir().expect("temp dir");
    let out_arg = out.path().to_str().expect("utf-8 path");
    let specs = tempfile::tempdir().expect("temp dir");
    for path in spec_files() {
        std::fs::copy(&path, specs.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let specs_arg = specs.path().to_str().expect("utf-8 path");
    assert!(
        run(&["generate", "--specs", specs_arg, "--out", out_arg])
            .status
            .success()
    );
    let before = snapshot(out.path());

    let bad = specs.path().join("dynamics-online.json");
    let original = std::fs::read_to_string(&bad).expect("read");
    let broken = original.replacen(
        "\"required\": [\"serviceUri\", \"username\", \"password\"]",
        "\"required\": \"serviceUri\"",
        1,
    );
    assert_ne!(broken, original);
    std::fs::write(&bad, broken).expect("write");

    let failed = run(&["generate", "--specs", specs_arg, "--out", out_arg]);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = text(&failed.stderr);
    assert!(
        stderr.contains("error: `required` must be an array of property names, found a string"),
        "{stderr}"
    );
    assert!(stderr.contains("dynamics-online.json:34:21"), "{stderr}");
    assert!(stderr.contains("at: authSpec[0].spec.required"), "{stderr}");
    assert!(stderr.contains("help:"), "{stderr}");
    assert_eq!(
        snapshot(out.path()),
        before,
        "previous output must be left byte for byte"
    );
}

#[test]
fn usage_errors_exit_2_and_help_documents_the_commands() {
    assert_eq!(run(&["generate", "--specs", "specs"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        run(&["generate", "--out", "x", "--specs", "a", "--bogus"])
            .status
            .code(),
        Some(2)
    );
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let help = text(&help.stdout);
    assert!(help.contains("generate") && help.contains("check"), "{help}");
    let generate_help = text(&run(&["generate", "--help"]).stdout);
    assert!(generate_help.contains("--specs") && generate_help.contains("--out") && generate_help.contains("--strict"));
    // An installed tool says what each command does, with an example of each, and its version.
    for command in ["generate", "check", "diff", "pull"] {
        assert!(
            help.contains(&format!("  flow-codegen {command} ")),
            "an example of {command}: {help}"
        );
        let command_help = text(&run(&[command, "--help"]).stdout);
        assert!(
            command_help.contains(&format!("\n  flow-codegen {command} ")),
            "{command} --help has an example: {command_help}"
        );
    }
    let version = run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        text(&version.stdout),
        format!("flow-codegen {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_unreadable_spec_directory_is_an_error_not_a_panic() {
    let out = tempfile::tempdir().expect("temp dir");
    let result = run(&[
        "generate",
        "--specs",
        "/nonexistent/specs",
        "--out",
        out.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(result.status.code(), Some(1));
    assert!(text(&result.stderr).contains("cannot read the spec directory /nonexistent/specs"));
}
