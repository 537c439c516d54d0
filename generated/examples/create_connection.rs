//! Creates a base connection from a `POST /connections` body in a file, tests it, and prints its
//! id and etag.
//!
//! ```text
//! cargo run -p flow-connectors --features client --example create_connection -- BODY.json [--dry-run]
//! ```
//!
//! The body is read through `AnyConnection`: one that does not fit its connector (unknown spec id
//! or auth spec name, a missing, unknown or mistyped param) is refused, naming what is wrong,
//! before anything is sent. Credentials come from the environment: `FLOW_CLIENT_ID`,
//! `FLOW_CLIENT_SECRET`, `FLOW_ORG_ID`, `FLOW_SANDBOX`, optionally `FLOW_SCOPES`
//! (comma-separated), and `FLOW_BASE_URL` / `FLOW_IMS_URL` for another host (stage, a test
//! server). `--dry-run` prints the request with its secrets redacted and sends nothing.
//!
//! Exit codes: 0 created and tested; 1 a call failed (its error on stderr); 2 bad usage, a
//! missing variable or a body that does not fit.

use std::process::ExitCode;

use flow_connectors::client::{FlowClient, ImsCredentials};
use flow_connectors::{AnyConnection, ParamInfo, ParamType, catalog};
use serde_json::Value;

/// What went wrong, and the exit code it gets.
enum Failure {
    Usage(String),
    Call(String),
}

fn env(name: &str) -> Result<String, Failure> {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => Ok(value),
        _ => Err(Failure::Usage(format!(
            "the environment variable {name} is not set (see the example's documentation for the list)"
        ))),
    }
}

fn optional_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.trim().is_empty())
}

/// `value` with every secret param of its auth spec (and of nested object params) replaced.
fn redact(params: &mut Value, infos: &[ParamInfo]) {
    let Value::Object(params) = params else { return };
    for info in infos {
        let Some(value) = params.get_mut(info.wire_name) else {
            continue;
        };
        if info.secret {
            *value = Value::String("[REDACTED]".to_owned());
        } else if let ParamType::Object(nested) = info.param_type {
            redact(value, nested);
        }
    }
}

fn dry_run(connection: &AnyConnection) -> Result<(), Failure> {
    let base_url = optional_env("FLOW_BASE_URL").unwrap_or_else(|| flow_connectors::DEFAULT_BASE_URL.to_owned());
    let mut body = serde_json::to_value(connection).map_err(|error| Failure::Usage(error.to_string()))?;
    let auth_spec = catalog()
        .by_id(connection.connection_spec_id())
        .and_then(|connector| connector.auth_spec(connection.auth_spec_name()?));
    if let Some(auth_spec) = auth_spec {
        redact(&mut body["auth"]["params"], auth_spec.params);
    }
    println!("POST {}/connections", base_url.trim_end_matches('/'));
    println!("Authorization: Bearer [REDACTED: an IMS token for FLOW_CLIENT_ID]");
    println!("x-api-key: {}", env("FLOW_CLIENT_ID")?);
    println!("x-gw-ims-org-id: {}", env("FLOW_ORG_ID")?);
    println!("x-sandbox-name: {}", env("FLOW_SANDBOX")?);
    println!("Content-Type: application/json\n");
    println!("{}", serde_json::to_string_pretty(&body).unwrap_or_default());
    Ok(())
}

async fn run() -> Result<(), Failure> {
    let mut args = std::env::args().skip(1).collect::<Vec<_>>();
    let dry = args.iter().any(|arg| arg == "--dry-run");
    args.retain(|arg| arg != "--dry-run");
    let [file] = args.as_slice() else {
        return Err(Failure::Usage(
            "usage: create_connection BODY.json [--dry-run]".to_owned(),
        ));
    };
    let bytes = std::fs::read(file).map_err(|error| Failure::Usage(format!("cannot read {file}: {error}")))?;
    let connection: AnyConnection = serde_json::from_slice(&bytes)
        .map_err(|error| Failure::Usage(format!("{file} is not a body this catalog accepts: {error}")))?;
    if dry {
        return dry_run(&connection);
    }

    let mut credentials = ImsCredentials::new(env("FLOW_CLIENT_ID")?, env("FLOW_CLIENT_SECRET")?);
    if let Some(scopes) = optional_env("FLOW_SCOPES") {
        credentials = credentials.scopes([scopes]);
    }
    let mut builder = FlowClient::builder()
        .credentials(credentials)
        .org_id(env("FLOW_ORG_ID")?)
        .sandbox_name(env("FLOW_SANDBOX")?);
    if let Some(url) = optional_env("FLOW_BASE_URL") {
        builder = builder.base_url(url);
    }
    if let Some(url) = optional_env("FLOW_IMS_URL") {
        builder = builder.ims_url(url);
    }
    let client = builder.build().map_err(|error| Failure::Usage(error.to_string()))?;

    // Not retried by the client once sent: on a timeout, list by name before creating again.
    let created = client
        .create(&connection)
        .await
        .map_err(|error| Failure::Call(error.to_string()))?;
    println!("id: {}", created.id);
    println!("etag: {}", created.etag);
    let reachable = client
        .test(&created.id)
        .await
        .map_err(|error| Failure::Call(error.to_string()))?;
    println!(
        "test: {}",
        if reachable {
            "the source is reachable"
        } else {
            "the source is NOT reachable"
        }
    );
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    // One line per call on stderr: method, path template, status, attempt, request id. No span
    // or event of the client carries a param, a token or a secret.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing::Level::INFO)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Call(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
