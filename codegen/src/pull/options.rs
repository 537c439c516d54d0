//! What `flow-codegen pull` is told: flags, each with an environment variable to fall back on.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

/// Flow Service's production base URL.
pub const DEFAULT_BASE_URL: &str = "https://platform.adobe.io/data/foundation/flowservice";

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
    /// Flow Service's base URL [env: FLOW_BASE_URL] [default:
    /// https://platform.adobe.io/data/foundation/flowservice].
    #[arg(long, value_name = "URL")]
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

/// An access token: never displayed; `Debug` shows `***`.
#[derive(Clone)]
pub struct AccessToken(String);

impl AccessToken {
    /// The `Authorization` header value. A token given with its `Bearer ` prefix keeps it.
    pub fn header_value(&self) -> String {
        if self.0.starts_with("Bearer ") {
            self.0.clone()
        } else {
            format!("Bearer {}", self.0)
        }
    }

    /// Replaces every occurrence of the token in `text` with `***`. A "token" shorter than 8
    /// characters is no IMS token (those run to hundreds of characters); replacing it would only
    /// garble the message, so it is left alone.
    pub fn redact(&self, text: &str) -> String {
        let bare = self.0.strip_prefix("Bearer ").unwrap_or(&self.0).trim();
        if bare.chars().count() < 8 {
            text.to_owned()
        } else {
            text.replace(bare, "***")
        }
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(***)")
    }
}

/// Everything a pull needs, resolved from flags and environment.
#[derive(Debug)]
pub struct Settings {
    /// The base URL, without a trailing slash.
    pub base_url: String,
    /// `Authorization`.
    pub access_token: AccessToken,
    /// `x-api-key`.
    pub api_key: String,
    /// `x-gw-ims-org-id`.
    pub org_id: String,
    /// `x-sandbox-name`.
    pub sandbox_name: String,
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
    pub fn settings(&self, env: impl Fn(&str) -> Option<String>) -> Result<Settings, String> {
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
            return Err(format!(
                "missing credentials: set {} (Flow Service needs all four headers: Authorization, x-api-key, x-gw-ims-org-id, x-sandbox-name)",
                missing.join(", ")
            ));
        };
        let base_url =
            resolve(self.base_url.as_ref(), ENV_BASE_URL, &env).unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
        if !(base_url.starts_with("https://") || is_loopback_http(&base_url)) {
            return Err(format!(
                "the base URL `{base_url}` must start with https:// (plain http:// only to 127.0.0.1, [::1] or localhost): the access token must not travel in clear"
            ));
        }
        Ok(Settings {
            base_url: base_url.trim_end_matches('/').to_owned(),
            access_token: AccessToken(token.trim().to_owned()),
            api_key,
            org_id,
            sandbox_name,
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
        assert_eq!(settings.api_key, "flag-key");
        assert_eq!(settings.base_url, DEFAULT_BASE_URL);
        assert_eq!(settings.access_token.header_value(), "Bearer s3cr3t-token");
        assert!(!format!("{settings:?}").contains("s3cr3t"));
        assert_eq!(
            settings.access_token.redact("token s3cr3t-token rejected"),
            "token *** rejected"
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
        assert_eq!(args.settings(env).unwrap().base_url, "https://example.test/flow");
    }
}
