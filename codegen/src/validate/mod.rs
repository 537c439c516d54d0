//! `flow-codegen validate`: checks request bodies kept as JSON files (Terraform, scripts, CI
//! fixtures) against a specs directory, with the rules and errors of the typed read-back, and
//! prints one line per file. Errors name what is wrong, never a value, so no secret is printed.

mod catalog;
mod kind;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use flow_connectors::{Catalog, DecodeMode};
use serde_json::Value;

use crate::Config;
use kind::BodyKind;

/// Arguments of `flow-codegen validate`.
#[derive(Args)]
pub struct ValidateArgs {
    /// A directory of spec `.json` files (flow specs under its `flows/`), or one spec file.
    /// Repeat to read several.
    #[arg(long = "specs", value_name = "PATH", required = true)]
    specs: Vec<PathBuf>,
    /// The request bodies to check, one JSON body per file.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

/// What one body turned out to be.
struct Verdict {
    kind: &'static str,
    connector: String,
    spec: String,
}

/// Runs the command: 0 when every file passes, 1 when one fails or the specs are invalid.
pub fn run(args: &ValidateArgs) -> ExitCode {
    let mut config = Config::new();
    for path in &args.specs {
        config = if path.is_file() {
            config.spec_file(path)
        } else {
            config.spec_dir(path)
        };
    }
    let model = match config.validate() {
        Ok((model, _warnings)) => model,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(1);
        }
    };
    let catalog = catalog::catalog(&model);
    let mut failed = 0;
    for file in &args.files {
        match check_file(catalog, file) {
            Ok(verdict) => println!("ok {} {} {}", verdict.kind, verdict.connector, verdict.spec),
            Err(message) => {
                failed += 1;
                println!("error {}: {message}", file.display());
            }
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("{failed} of {} file(s) failed", args.files.len());
        ExitCode::from(1)
    }
}

fn check_file(catalog: &'static Catalog, file: &Path) -> Result<Verdict, String> {
    let bytes = std::fs::read(file).map_err(|err| format!("cannot read the file: {err}"))?;
    // Only the position of a syntax error: serde_json's message may quote the text around it.
    let body: Value = serde_json::from_slice(&bytes).map_err(|err| {
        format!(
            "the file is not valid JSON (line {}, column {})",
            err.line(),
            err.column()
        )
    })?;
    check_body(catalog, body)
}

/// Checks one body, told apart by its shape, in [`DecodeMode::Strict`]: these are bodies to send.
fn check_body(catalog: &'static Catalog, body: Value) -> Result<Verdict, String> {
    let mode = DecodeMode::Strict;
    let kind = kind::of(&body);
    let verdict = |connector: &str, spec: String| Verdict {
        kind: kind.word(),
        connector: connector.to_owned(),
        spec,
    };
    let fail = |error: flow_connectors::DecodeError| error.to_string();
    match kind {
        BodyKind::Connection => {
            let checked = catalog.check_connection(body, mode).map_err(fail)?;
            let auth_spec = checked
                .auth_spec
                .map_or_else(|| "-".to_owned(), |a| format!("{:?}", a.name));
            Ok(verdict(checked.connector.name, auth_spec))
        }
        BodyKind::SourceConnection => {
            let connector = catalog.check_source_connection(body, mode).map_err(fail)?;
            Ok(verdict(connector.name, "-".to_owned()))
        }
        BodyKind::TargetConnection => {
            catalog.check_target_connection(body, mode).map_err(fail)?;
            Ok(verdict("data-lake", "-".to_owned()))
        }
        BodyKind::Flow => {
            let flow_spec = catalog.check_flow(body, mode).map_err(fail)?;
            Ok(verdict("-", format!("{:?}", flow_spec.name)))
        }
    }
}
