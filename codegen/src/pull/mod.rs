//! `flow-codegen pull`: fetch every connection spec from Flow Service into one file per connector,
//! and every flow spec into one file per flow spec under `flows/` (where `Config::spec_dir` reads
//! them).
//!
//! Only built with the `cli` feature: build scripts never pull an HTTP client.
//!
//! Credentials come from flags or, when a flag is absent, from `FLOW_ACCESS_TOKEN`,
//! `FLOW_API_KEY`, `FLOW_ORG_ID` and `FLOW_SANDBOX_NAME`; `FLOW_BASE_URL` overrides the base URL.
//! The access token is never printed: messages that could quote it (response bodies, client
//! errors) have it replaced by `[REDACTED]` (flow-connectors' `RequestContext::redact`). Error
//! bodies are read by flow-connectors' `ApiError`, the base URL defaults to its
//! `DEFAULT_BASE_URL` and the headers are its `RequestContext::headers`: one copy of each wire fact.

mod fetch;
mod files;
mod options;

use std::fmt;
use std::path::PathBuf;

use flow_connectors::RequestError;

pub use options::PullArgs;

/// Why a pull failed; nothing was written. No message contains the access token: those that
/// could quote it (response bodies, client errors, file errors) are redacted when made.
#[derive(Debug, thiserror::Error)]
pub enum PullError {
    /// Credentials given neither as flags nor in the environment: each as `--flag or VARIABLE`.
    #[error(
        "missing credentials: set {} (Flow Service needs all four headers: Authorization, x-api-key, x-gw-ims-org-id, x-sandbox-name)",
        .0.join(", ")
    )]
    MissingCredentials(Vec<String>),
    /// A base URL over which the token would travel in clear.
    #[error(
        "the base URL `{0}` must start with https:// (plain http:// only to 127.0.0.1, [::1] or localhost): the access token must not travel in clear"
    )]
    InsecureBaseUrl(String),
    /// A credential that cannot be sent as an HTTP header (such as one with a line break).
    #[error("{0}")]
    Header(#[from] RequestError),
    /// Flow Service did not serve every page: the status, the service's error and a hint, or
    /// the network error (redacted).
    #[error("{0}")]
    Fetch(String),
    /// `--name` asked for connection specs the service did not return.
    #[error(
        "Flow Service returned no connection spec named {}; nothing was written",
        .0.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
    )]
    NotReturned(Vec<String>),
    /// The specs returned cannot be laid out as files (redacted).
    #[error("{0}; nothing was written")]
    Plan(String),
    /// The files could not be written (redacted).
    #[error("{0}")]
    Write(String),
}

/// What a pull did.
#[derive(Debug)]
pub struct Pulled {
    /// The output directory.
    pub out: PathBuf,
    /// How many pages of connection specs were read.
    pub pages: usize,
    /// How many spec files the pull produced.
    pub specs: usize,
    /// How many pages of flow specs were read.
    pub flow_spec_pages: usize,
    /// How many flow spec files the pull produced (under `flows/`).
    pub flow_specs: usize,
    /// Files created or replaced.
    pub written: Vec<String>,
    /// Files left untouched because their content is the same.
    pub unchanged: Vec<String>,
    /// `.json` files in the directory that the service no longer returns (after a full pull; not
    /// listed with `--name`). They are kept: delete them yourself if the connector is gone.
    pub not_returned: Vec<String>,
}

impl fmt::Display for Pulled {
    /// One line per written or no-longer-returned file, then a summary line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for name in &self.written {
            writeln!(f, "written:      {name}")?;
        }
        for name in &self.not_returned {
            writeln!(f, "not returned: {name} (kept; delete it if the connector is gone)")?;
        }
        writeln!(
            f,
            "pulled {} connection spec(s) ({} page(s)) and {} flow spec(s) ({} page(s)) into {}: {} written, {} unchanged",
            self.specs,
            self.pages,
            self.flow_specs,
            self.flow_spec_pages,
            self.out.display(),
            self.written.len(),
            self.unchanged.len()
        )
    }
}

/// Pulls with the process environment as the fallback for absent flags. Retries are reported on
/// standard error as they happen.
pub fn run(args: &PullArgs) -> Result<Pulled, PullError> {
    run_with_env(args, |name| std::env::var(name).ok(), &mut |line| eprintln!("{line}"))
}

/// Pulls with `env` as the fallback for absent flags, reporting retries to `log`.
fn run_with_env(
    args: &PullArgs,
    env: impl Fn(&str) -> Option<String>,
    log: &mut dyn FnMut(&str),
) -> Result<Pulled, PullError> {
    let settings = args.settings(env)?;
    let context = &settings.context;
    let mut redacting_log = |line: &str| log(&context.redact(line));
    let client = fetch::Client::new(&settings)?;
    let fetched = client
        .connection_specs(&mut redacting_log)
        .map_err(|err| PullError::Fetch(context.redact(&err.to_string())))?;
    let fetched_flows = client
        .flow_specs(&mut redacting_log)
        .map_err(|err| PullError::Fetch(context.redact(&err.to_string())))?;
    let mut items = fetched.items;
    let mut flow_items = fetched_flows.items;
    if !args.names.is_empty() {
        let name_of = |item: &serde_json::Value| item.get("name").and_then(|n| n.as_str()).map(str::to_owned);
        let missing: Vec<String> = args
            .names
            .iter()
            .filter(|wanted| {
                !items
                    .iter()
                    .any(|item| name_of(item).as_deref() == Some(wanted.as_str()))
            })
            .cloned()
            .collect();
        if !missing.is_empty() {
            return Err(PullError::NotReturned(missing));
        }
        items.retain(|item| name_of(item).is_some_and(|name| args.names.contains(&name)));
        // Only the flow specs that accept one of the connectors pulled.
        let ids: Vec<String> = items
            .iter()
            .filter_map(|item| Some(item.get("id")?.as_str()?.to_ascii_lowercase()))
            .collect();
        flow_items.retain(|flow| {
            flow.get(crate::spec::SOURCE_CONNECTION_SPEC_IDS)
                .and_then(|list| list.as_array())
                .is_some_and(|list| {
                    list.iter()
                        .filter_map(|id| id.as_str())
                        .any(|id| ids.contains(&id.to_ascii_lowercase()))
                })
        });
    }
    // Both sets are planned before anything is written: a bad answer writes nothing.
    let planned = files::plan(&items).map_err(|err| PullError::Plan(context.redact(&err)))?;
    let planned_flows = files::plan_flow_specs(&flow_items).map_err(|err| PullError::Plan(context.redact(&err)))?;
    let mut written = files::write(&args.out, &planned).map_err(|err| PullError::Write(context.redact(&err)))?;
    let flows_dir = args.out.join(crate::FLOWS_DIR);
    if !planned_flows.is_empty() || flows_dir.is_dir() {
        let flows = files::write(&flows_dir, &planned_flows).map_err(|err| PullError::Write(context.redact(&err)))?;
        let under = |names: Vec<String>| names.into_iter().map(|name| format!("{}/{name}", crate::FLOWS_DIR));
        written.written.extend(under(flows.written));
        written.unchanged.extend(under(flows.unchanged));
        written.not_pulled.extend(under(flows.not_pulled));
    }
    Ok(Pulled {
        out: args.out.clone(),
        pages: fetched.pages,
        specs: planned.len(),
        flow_spec_pages: fetched_flows.pages,
        flow_specs: planned_flows.len(),
        written: written.written,
        unchanged: written.unchanged,
        not_returned: if args.names.is_empty() {
            written.not_pulled
        } else {
            Vec::new()
        },
    })
}
