//! Raw bytes as a spec file into the generator: never a panic, never an internal error; what it
//! accepts renders to Rust that parses under an intact header, and what it rejects comes with a
//! located diagnostic.

#![no_main]

use std::fs::File;
use std::os::fd::AsRawFd;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;
use std::sync::OnceLock;

use flow_codegen::{Config, Error, Severity};
use libfuzzer_sys::fuzz_target;

/// One spec file per fuzzing process, unlinked as soon as it is open (so nothing is left behind,
/// however the process ends) and read back through `/dev/fd`; in memory-backed storage when there
/// is some.
fn spec_file() -> &'static (File, PathBuf) {
    static SPEC: OnceLock<(File, PathBuf)> = OnceLock::new();
    SPEC.get_or_init(|| {
        let shm = std::path::Path::new("/dev/shm");
        let dir = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let path = dir.join(format!("flow-codegen-fuzz-{}.json", std::process::id()));
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .expect("create the spec file");
        std::fs::remove_file(&path).expect("unlink the spec file");
        let fd_path = PathBuf::from(format!("/dev/fd/{}", file.as_raw_fd()));
        (file, fd_path)
    })
}

fuzz_target!(|data: &[u8]| {
    let (file, path) = spec_file();
    file.set_len(0).expect("truncate the spec file");
    file.write_all_at(data, 0).expect("write the spec file");
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
