//! The `flow-codegen` command: generate or check typed Flow Service request builders, diff spec
//! sets, and pull fresh specs from Flow Service. The binary's `main` only calls [`run`]; living in
//! the library lets the command use `diff` and `pull` without making them public API.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::{Config, Error, Report, diff, pull, validate};

/// Generates typed Rust request builders from Adobe Flow Service connection specs.
///
/// Exit codes: 0 success; 1 spec errors, I/O errors, out-of-date output (`check`), changes named by
/// `--fail-on` (`diff`), a failed download (`pull`) or a body that breaks its spec (`validate`); 2 usage
/// errors.
#[derive(Parser)]
#[command(
    name = "flow-codegen",
    version,
    after_help = "Examples:\n  flow-codegen generate --specs specs --out src/connectors\n  flow-codegen check --specs specs --out src/connectors\n  flow-codegen diff old-specs specs --fail-on breaking\n  flow-codegen pull --out pulled-specs --name mysql\n\n`flow-codegen help <COMMAND>` says more about each."
)]
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
    #[command(after_help = "Example:\n  flow-codegen generate --specs specs --out src/connectors")]
    Generate(Options),
    /// Compares --out with what the specs generate and names every stale, missing or extra file.
    ///
    /// Exits 0 when the output is current, 1 when it differs. Writes nothing.
    #[command(
        after_help = "Example (in CI, after committing generated code):\n  flow-codegen check --specs specs --out src/connectors"
    )]
    Check(Options),
    /// Lists what changed from the OLD spec set to the NEW one and whether each change breaks code
    /// using the generated crate.
    ///
    /// Connectors are matched by spec id, then by machine name; auth specs by name (a removed and an
    /// added auth spec with the same params are a rename); params by wire name. Each change is
    /// `breaking` (code that compiled against the old crate may not compile, or may fail at run
    /// time) or `compatible`, with the reason.
    #[command(
        after_help = "Example (fail a pull request whose spec change breaks users):\n  git archive origin/main specs | tar -x -C /tmp/base\n  flow-codegen diff /tmp/base/specs specs --fail-on breaking"
    )]
    Diff(DiffOptions),
    /// Downloads every connection spec from Flow Service (`GET /connectionSpecs`, all pages) into
    /// --out, one `<name>.json` file per connector.
    ///
    /// Files are written only when their content changed. Files of specs the service no longer
    /// returns are listed, not deleted. The access token is never printed.
    #[command(
        after_help = "Example (credentials from FLOW_ACCESS_TOKEN, FLOW_API_KEY, FLOW_ORG_ID and FLOW_SANDBOX_NAME):\n  flow-codegen pull --out pulled-specs --name mysql --name dynamics-online\n  flow-codegen diff specs pulled-specs"
    )]
    Pull(pull::PullArgs),
    /// Checks request bodies kept as JSON files against the specs, with the rules of the typed
    /// read-back, and prints one line per file.
    ///
    /// Each file holds one body: a base connection, source connection, target connection or flow,
    /// told apart by its shape. A passing file prints `ok <kind> <connector> <auth spec or flow
    /// spec>` (`-` where there is none); a failing one `error <file>: <what is wrong>`. Exits 0 when
    /// all pass, 1 when one fails or the specs are invalid, 2 on usage errors. Errors name members
    /// and params, never their values: no secret is printed.
    #[command(
        after_help = "Example (in CI, over bodies kept next to Terraform):\n  flow-codegen validate --specs specs infra/flow-bodies/*.json"
    )]
    Validate(validate::ValidateArgs),
}

#[derive(Args)]
struct DiffOptions {
    /// The old specs: a directory of `.json` files (searched recursively) or one spec file.
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The new specs: a directory of `.json` files (searched recursively) or one spec file.
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// `text` for people, `json` for tools.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit 1 when there is a change of this kind (for CI): `breaking`, or `any` change at all.
    #[arg(long, value_enum, value_name = "KIND")]
    fail_on: Option<FailOn>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Breaking,
    Any,
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

/// A configuration reading one spec file or every spec file under a directory.
fn spec_config(path: &std::path::Path) -> Config {
    if path.is_file() {
        Config::new().spec_file(path)
    } else {
        Config::new().spec_dir(path)
    }
}

fn diff(options: &DiffOptions) -> ExitCode {
    let mut models = Vec::new();
    for path in [&options.old, &options.new] {
        match spec_config(path).validate() {
            Ok((model, warnings)) => {
                // Warnings do not change what is generated; `generate` and `check` show them.
                if warnings.warning_count() > 0 {
                    eprintln!(
                        "note: {} has {} warning(s); `flow-codegen check` shows them",
                        path.display(),
                        warnings.warning_count()
                    );
                }
                models.push(model);
            }
            Err(error) => return fail(&error),
        }
    }
    let changes = diff::diff(&models[0], &models[1]);
    match options.format {
        Format::Text => print!("{}", diff::text(&changes)),
        Format::Json => print!("{}", diff::json(&changes)),
    }
    let failed = match options.fail_on {
        Some(FailOn::Breaking) => changes.has_breaking(),
        Some(FailOn::Any) => !changes.is_empty(),
        None => false,
    };
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
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

/// Runs the command with the process's arguments, printing to standard output and error; the
/// exit code is what the process should exit with (listed by `flow-codegen --help`).
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate(options) => match options.config().generate() {
            Ok(generated) => {
                show(generated.rendered.warning_report());
                let summary = &generated.summary;
                eprintln!(
                    "generated {} connectors ({} auth specs) in {}: {} written, {} unchanged, {} removed",
                    generated.rendered.connector_count(),
                    generated.rendered.auth_spec_count(),
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
        Command::Diff(options) => diff(&options),
        Command::Validate(args) => validate::run(&args),
        Command::Pull(args) => match pull::run(&args) {
            Ok(pulled) => {
                eprint!("{pulled}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::from(1)
            }
        },
    }
}
