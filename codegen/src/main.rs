//! The `flow-codegen` command: generate or check typed Flow Service request builders.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use flow_codegen::{Config, Error, Report};

/// Generates typed Rust request builders from Adobe Flow Service connection specs.
///
/// Exit codes: 0 success; 1 spec errors, I/O errors or (for `check`) out-of-date output; 2 usage errors.
#[derive(Parser)]
#[command(name = "flow-codegen", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes the generated module tree into --out, replacing only files whose content changed.
    ///
    /// Nothing is written unless every spec is valid. Generated files that no spec produces any
    /// more are removed; other files in --out are left alone.
    Generate(Options),
    /// Compares --out with what the specs generate and names every stale, missing or extra file.
    ///
    /// Exits 0 when the output is current, 1 when it differs. Writes nothing.
    Check(Options),
}

#[derive(Args)]
struct Options {
    /// A directory of connection spec `.json` files (searched recursively), or one spec file.
    /// Repeat to read several.
    #[arg(long = "specs", value_name = "PATH", required = true)]
    specs: Vec<PathBuf>,
    /// The output directory of the generated module tree; `include!` its `mod.rs`.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The Rust path at which generated code finds the runtime crate.
    #[arg(long, value_name = "PATH", default_value = "::flow_connectors")]
    runtime_path: String,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
}

impl Options {
    fn config(&self) -> Config {
        let mut config = Config::new()
            .out_dir(&self.out)
            .runtime_path(&self.runtime_path)
            .strict(self.strict);
        for path in &self.specs {
            config = if path.is_file() {
                config.spec_file(path)
            } else {
                config.spec_dir(path)
            };
        }
        config
    }
}

/// Colours on a terminal, as rustc does, unless `NO_COLOR` is set; plain text anywhere else.
fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints a report of diagnostics to stderr.
fn show(report: &Report) {
    if color() {
        eprint!("{}", report.colored());
    } else {
        eprint!("{report}");
    }
}

fn fail(error: &Error) -> ExitCode {
    match error {
        Error::Spec(report) => show(report),
        other => eprintln!("error: {other}"),
    }
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate(options) => match options.config().generate() {
            Ok(generated) => {
                show(generated.rendered.warning_report());
                let summary = &generated.summary;
                eprintln!(
                    "generated {} connectors ({} auth specs) in {}: {} written, {} unchanged, {} removed",
                    generated.rendered.connector_count(),
                    generated.rendered.auth_scheme_count(),
                    options.out.display(),
                    summary.written.len(),
                    summary.unchanged.len(),
                    summary.removed.len(),
                );
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error),
        },
        Command::Check(options) => match options.config().check() {
            Ok((rendered, drift)) => {
                show(rendered.warning_report());
                if drift.is_empty() {
                    eprintln!(
                        "{} is up to date ({} files)",
                        options.out.display(),
                        rendered.files.len()
                    );
                    ExitCode::SUCCESS
                } else {
                    for item in &drift {
                        println!("{item}");
                    }
                    eprintln!(
                        "{} differs from the specs in {} file(s); run `flow-codegen generate` with the same arguments",
                        options.out.display(),
                        drift.len()
                    );
                    ExitCode::from(1)
                }
            }
            Err(error) => fail(&error),
        },
    }
}
