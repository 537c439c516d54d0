//! Generates the connector modules from `../specs` with flow-codegen's build-script API, exactly
//! as a downstream crate would.

fn main() {
    if std::env::var_os("CARGO_FEATURE_CATALOG").is_none() {
        return;
    }
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let generated = flow_codegen::Config::new()
        .spec_dir("../specs")
        .runtime_path("::flow_connectors")
        .out_dir(out_dir.join("flow_connectors"))
        .generate();
    match generated {
        Ok(output) => {
            for warning in output.warnings() {
                for line in warning.lines().filter(|line| !line.trim().is_empty()) {
                    println!("cargo::warning={line}");
                }
            }
            for input in output.inputs() {
                println!("cargo::rerun-if-changed={}", input.display());
            }
        }
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}
