//! What `flow-codegen pull` is told: flags, each with an environment variable to fall back on.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use flow_connectors::{DEFAULT_BASE_URL, RequestContext};

use super::PullError;

/// The environment variables read when the matching flag is not given.
pub const ENV_ACCESS_TOKEN: &str = "FLOW_ACCESS_TOKEN";
/// `x-api-key`.
pub const ENV_API_KEY: &str = "FLOW_API_KEY";
/// `x-gw-ims-org-id`.
pub const ENV_ORG_ID: &str = "FLOW_ORG_ID";
/// `x-sandbox-name`.
pub const ENV_SANDBOX_NAME: &str = "FLOW_SANDBOX_NAME";
/// The base URL.
pub const ENV_BASE_URL: &str = "FLOW_BASE_URL";

/// The `pull` command's flags. Every credential flag falls back on an environment variable; a flag
/// given on the command line wins.
#[derive(Args)]
pub struct PullArgs {
    /// The directory to write one `<name>.json` file per connection spec into.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Flow Service's base URL [env: FLOW_BASE_URL] [default: flow-connectors' `DEFAULT_BASE_URL`].
    #[arg(long, value_name = "URL", help = format!("Flow Service's base URL [env: {ENV_BASE_URL}] [default: {DEFAULT_BASE_URL}]"))]
    pub base_url: Option<String>,
    /// The IMS access token, sent as `Authorization: Bearer ..` [env: FLOW_ACCESS_TOKEN].
    /// Prefer the environment variable: command lines are visible to other users of the machine.
    #[arg(long, value_name = "TOKEN")]
    pub access_token: Option<String>,
    /// The API key (client id), sent as `x-api-key` [env: FLOW_API_KEY].
    #[arg(long, value_name = "KEY")]
    pub api_key: Option<String>,
    /// The IMS organization id, sent as `x-gw-ims-org-id` [env: FLOW_ORG_ID].
    #[arg(long, value_name = "ORG")]
    pub org_id: Option<String>,
    /// The sandbox, sent as `x-sandbox-name` [env: FLOW_SANDBOX_NAME].
    #[arg(long, value_name = "SANDBOX")]
    pub sandbox_name: Option<String>,
    /// Keep only the spec with this machine name (such as `mysql`); repeat for several. By
    /// default every spec the service returns is kept.
    #[arg(long = "name", value_name = "NAME")]
    pub names: Vec<String>,
    /// How often to retry a request that failed with 429, 5xx or a network error.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub retries: u32,
    /// The wait before the first retry, in milliseconds; it doubles for each further retry.
    #[arg(long, value_name = "MS", default_value_t = 500)]
    pub retry_delay_ms: u64,
}

/// Everything a pull needs, resolved from flags and environment. `Debug` never shows the token.
#[derive(Debug)]
pub struct Settings {
    /// The base URL and the four headers, as flow-connectors sends them; it also redacts the
    /// token from messages.
    pub context: RequestContext,
    /// Retries after the first attempt.
    pub retries: u32,
    /// The first retry's wait.
    pub retry_delay: Duration,
}

fn resolve(flag: Option<&String>, var: &str, env: &impl Fn(&str) -> Option<String>) -> Option<String> {
    flag.cloned().or_else(|| env(var)).filter(|v| !v.trim().is_empty())
}

/// Whether `url` is plain HTTP to this machine (a local test server).
fn is_loopback_http(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?']).next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    matches!(host, "127.0.0.1" | "[::1]" | "localhost")
}

impl PullArgs {
    /// Resolves flags and environment variables (read through `env`), naming every missing
    /// credential at once.
    pub fn settings(&self, env: impl Fn(&str) -> Option<String>) -> Result<Settings, PullError> {
        let token = resolve(self.access_token.as_ref(), ENV_ACCESS_TOKEN, &env);
        let api_key = resolve(self.api_key.as_ref(), ENV_API_KEY, &env);
        let org_id = resolve(self.org_id.as_ref(), ENV_ORG_ID, &env);
        let sandbox = resolve(self.sandbox_name.as_ref(), ENV_SANDBOX_NAME, &env);
        let mut missing = Vec::new();
        for (value, flag, var) in [
            (token.is_none(), "--access-token", ENV_ACCESS_TOKEN),
            (api_key.is_none(), "--api-key", ENV_API_KEY),
            (org_id.is_none(), "--org-id", ENV_ORG_ID),
            (sandbox.is_none(), "--sandbox-name", ENV_SANDBOX_NAME),
        ] {
            if value {
                missing.push(format!("{flag} or {var}"));
            }
        }
        let (Some(token), Some(api_key), Some(org_id), Some(sandbox_name)) = (token, api_key, org_id, sandbox) else {
            return Err(PullError::MissingCredentials(missing));
        };
        let base_url =
            resolve(self.base_url.as_ref(), ENV_BASE_URL, &env).unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
        if !(base_url.starts_with("https://") || is_loopback_http(&base_url)) {
            return Err(PullError::InsecureBaseUrl(base_url));
        }
        let context = RequestContext::builder()
            .base_url(base_url)
            .access_token(token)
            .api_key(api_key)
            .org_id(org_id)
            .sandbox_name(sandbox_name)
            .build()
            .map_err(|missing| PullError::MissingCredentials(vec![missing.0.to_owned()]))?;
        Ok(Settings {
            context,
            retries: self.retries,
            retry_delay: Duration::from_millis(self.retry_delay_ms),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args() -> PullArgs {
        PullArgs {
            out: PathBuf::from("out"),
            base_url: None,
            access_token: None,
            api_key: Some("flag-key".into()),
            org_id: None,
            sandbox_name: None,
            names: Vec::new(),
            retries: 3,
            retry_delay_ms: 500,
        }
    }

    fn env(name: &str) -> Option<String> {
        match name {
            ENV_ACCESS_TOKEN => Some("Bearer s3cr3t-token".into()),
            ENV_API_KEY => Some("env-key".into()),
            ENV_ORG_ID => Some("org@AdobeOrg".into()),
            ENV_SANDBOX_NAME => Some("prod".into()),
            _ => None,
        }
    }

    #[test]
    fn flags_win_over_the_environment_and_the_token_stays_hidden() {
        let settings = args().settings(env).unwrap();
        let headers = settings.context.headers().unwrap();
        assert_eq!(headers["x-api-key"], "flag-key");
        assert_eq!(settings.context.base_url(), DEFAULT_BASE_URL);
        // The environment's token has its `Bearer ` prefix: it is sent once.
        assert_eq!(headers["authorization"], "Bearer s3cr3t-token");
        assert!(!format!("{settings:?}").contains("s3cr3t"));
        assert_eq!(
            settings.context.redact("token s3cr3t-token rejected"),
            "token [REDACTED] rejected"
        );
    }

    #[test]
    fn the_token_travels_in_clear_only_to_this_machine() {
        for (url, ok) in [
            ("https://platform-stage.adobe.io/data/foundation/flowservice/", true),
            ("http://127.0.0.1:8080/data/foundation/flowservice", true),
            ("http://localhost/flow", true),
            ("http://platform.adobe.io/data/foundation/flowservice", false),
            ("http://127.0.0.1.example.com/flow", false),
            ("ftp://127.0.0.1/flow", false),
        ] {
            let mut args = args();
            args.base_url = Some(url.into());
            assert_eq!(args.settings(env).is_ok(), ok, "{url}");
        }
        let mut args = args();
        args.base_url = Some("https://example.test/flow/".into());
        assert_eq!(
            args.settings(env).unwrap().context.base_url(),
            "https://example.test/flow"
        );
    }
}
