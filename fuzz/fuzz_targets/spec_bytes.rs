//! Raw bytes as a spec file into the generator: never a panic, never an internal error; what it
//! accepts renders to Rust that parses under an intact header, and what it rejects comes with a
//! located diagnostic.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use flow_codegen::{Config, Error, Severity};
use libfuzzer_sys::fuzz_target;

/// One spec file per fuzzing process, in memory-backed storage when there is some.
fn spec_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let shm = std::path::Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("flow-codegen-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the fuzzing directory");
        dir.join("spec.json")
    })
}

fuzz_target!(|data: &[u8]| {
    let path = spec_path();
    std::fs::write(path, data).expect("write the spec file");
    match Config::new().spec_file(path).render() {
        Ok(rendered) => {
            assert!(rendered.files.contains_key(flow_codegen::ROOT_FILE), "no root file");
            for warning in rendered.warnings() {
                assert!(warning.contains("warning"), "a warning that does not say so: {warning}");
            }
            for (name, text) in &rendered.files {
                if let Err(err) = syn::parse_file(text) {
                    panic!("{name} does not parse: {err}\n{text}");
                }
                // Spec text in the header comment must not break out of it.
                let header: Vec<&str> = text.splitn(4, '\n').take(3).collect();
                assert!(
                    header.len() == 3
                        && header[0] == flow_codegen::HEADER
                        && header[1].starts_with("// Source: ")
                        && header[2].is_empty(),
                    "{name} has a broken header:\n{text}"
                );
            }
        }
        Err(Error::Spec(report)) => {
            assert!(
                report.diagnostics.iter().any(|d| d.severity == Severity::Error),
                "a rejected spec must carry an error"
            );
            let text = report.to_string();
            assert!(text.contains("error"), "empty report: {text:?}");
            assert!(
                text.contains(&*path.to_string_lossy()),
                "the report names no file: {text}"
            );
        }
        Err(other) => panic!("not a spec diagnostic: {other}"),
    }
});
