//! [`FlowClientBuilder`]: the settings of a [`FlowClient`], checked once when it is built.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use super::error::{self, Error};
use super::retry::RetryPolicy;
use super::token::{self, DEFAULT_IMS_URL, ImsCredentials, StaticToken, TokenProvider};
use super::{FlowClient, Inner};
use crate::{DEFAULT_BASE_URL, RequestContext};

/// Builds a [`FlowClient`]. `Debug` never shows a secret.
#[derive(Default)]
pub struct FlowClientBuilder {
    credentials: Option<ImsCredentials>,
    tokens: Option<Arc<dyn TokenProvider>>,
    api_key: Option<String>,
    org_id: Option<String>,
    sandbox_name: Option<String>,
    base_url: Option<String>,
    ims_url: Option<String>,
    timeout: Option<Option<Duration>>,
    connect_timeout: Option<Option<Duration>>,
    retry: Option<RetryPolicy>,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for FlowClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlowClientBuilder")
            .field("credentials", &self.credentials)
            .field("token_provider", &self.tokens.as_ref().map(|_| "[set]"))
            .field("api_key", &self.api_key)
            .field("org_id", &self.org_id)
            .field("sandbox_name", &self.sandbox_name)
            .field("base_url", &self.base_url)
            .field("ims_url", &self.ims_url)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

/// The default time a call may take, answer included.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// The default time to open a connection.
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

impl FlowClientBuilder {
    /// An OAuth Server-to-Server credential: tokens come from Adobe IMS, cached and renewed; its
    /// client id is also the `x-api-key`.
    pub fn credentials(mut self, credentials: ImsCredentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// A fixed access token instead of credentials (set [`api_key`](Self::api_key) too). A 401
    /// is then final: the token is not renewed.
    pub fn static_token(self, token: impl Into<String>) -> Self {
        self.token_provider(StaticToken::new(token))
    }

    /// Tokens from `provider` instead of credentials (set [`api_key`](Self::api_key) too).
    pub fn token_provider(mut self, provider: impl TokenProvider) -> Self {
        self.tokens = Some(Arc::new(provider));
        self
    }

    /// The `x-api-key` (the credential's client id); taken from the credentials when they are set.
    pub fn api_key(mut self, api_key: impl Into<String>) -> Self {
        self.api_key = Some(api_key.into());
        self
    }

    /// The IMS organization id (`...@AdobeOrg`), sent as `x-gw-ims-org-id`.
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// The sandbox name (lowercase, such as `prod`), sent as `x-sandbox-name`.
    pub fn sandbox_name(mut self, sandbox_name: impl Into<String>) -> Self {
        self.sandbox_name = Some(sandbox_name.into());
        self
    }

    /// The Flow Service base URL ([`DEFAULT_BASE_URL`] otherwise): a stage host or a test server.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// The Adobe IMS host ([`DEFAULT_IMS_URL`] otherwise), such as `https://ims-na1-stg1.adobelogin.com`.
    pub fn ims_url(mut self, ims_url: impl Into<String>) -> Self {
        self.ims_url = Some(ims_url.into());
        self
    }

    /// The longest one attempt may take, answer included (60 s by default).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(Some(timeout));
        self
    }

    /// The longest opening a connection may take (10 s by default; ignored with
    /// [`http_client`](Self::http_client), whose own setting applies).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(Some(timeout));
        self
    }

    /// No timeout at all: a call waits as long as the server does.
    pub fn no_timeouts(mut self) -> Self {
        self.timeout = Some(None);
        self.connect_timeout = Some(None);
        self
    }

    /// How calls are retried ([`RetryPolicy::default`] otherwise).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// A `reqwest::Client` of your own (proxy, certificates, pool settings) instead of a new one.
    /// Build it with `.redirect(reqwest::redirect::Policy::none())`, as the client's own is: a
    /// followed 307/308 sends the body (credentials, secret params, the IMS client secret) again
    /// to wherever the answer points.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The client, or [`Error::Config`] naming what is missing or invalid.
    pub fn build(self) -> Result<FlowClient, Error> {
        let missing = |what: &str| Error::Config(format!("`{what}` is not set; set it on the builder"));
        let org_id = self.org_id.ok_or_else(|| missing("org_id"))?;
        let sandbox_name = self.sandbox_name.ok_or_else(|| missing("sandbox_name"))?;
        let api_key = match (self.api_key, &self.credentials) {
            (Some(key), _) => key,
            (None, Some(credentials)) => credentials.client_id.clone(),
            (None, None) => return Err(missing("api_key")),
        };
        let base = self.base_url.unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
        let base = base.trim_end_matches('/').to_owned();
        match Url::parse(&base) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {}
            _ => return Err(Error::Config(format!("the base URL `{base}` is not an http(s) URL"))),
        }
        // The header values are checked once here (the token is checked on each call).
        RequestContext::builder()
            .access_token("checked-per-call")
            .api_key(api_key.as_str())
            .org_id(org_id.as_str())
            .sandbox_name(sandbox_name.as_str())
            .build()
            .map_err(|error| Error::Config(error.to_string()))?
            .headers()
            .map_err(|error| Error::Config(error.to_string()))?;
        let timeout = self.timeout.unwrap_or(Some(DEFAULT_TIMEOUT));
        let http = match self.http {
            Some(http) => http,
            None => new_http_client(self.connect_timeout.unwrap_or(Some(DEFAULT_CONNECT_TIMEOUT)))?,
        };
        let retry = self.retry.unwrap_or_default();
        let tokens: Arc<dyn TokenProvider> = match (self.tokens, self.credentials) {
            (Some(tokens), _) => tokens,
            (None, Some(credentials)) => {
                let ims_url = self.ims_url.as_deref().unwrap_or(DEFAULT_IMS_URL);
                Arc::new(token::ImsTokens::new(
                    http.clone(),
                    ims_url,
                    credentials,
                    retry,
                    timeout,
                )?)
            }
            (None, None) => return Err(missing("credentials (or a token provider)")),
        };
        Ok(FlowClient {
            inner: Arc::new(Inner {
                http,
                base,
                tokens,
                api_key,
                org_id,
                sandbox_name,
                timeout,
                retry,
            }),
        })
    }
}

/// A reqwest client on rustls with the `ring` provider, unless the process already chose one.
fn new_http_client(connect_timeout: Option<Duration>) -> Result<reqwest::Client, Error> {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Another thread may install one at the same moment; either provider will do.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
    // No redirects: a 307/308 would send the body (credentials, secret params) and the IMS form
    // (the client secret) again to wherever the answer points. Flow Service and IMS do not redirect
    // API calls; an answer that does is an error to look at, not a hop to follow.
    let mut builder = reqwest::Client::builder()
        .user_agent(concat!("flow-connectors/", env!("CARGO_PKG_VERSION")))
        .redirect(reqwest::redirect::Policy::none());
    if let Some(timeout) = connect_timeout {
        builder = builder.connect_timeout(timeout);
    }
    builder.build().map_err(|error| {
        Error::Config(format!(
            "the HTTP client could not be built: {}",
            error::with_causes(&error)
        ))
    })
}
