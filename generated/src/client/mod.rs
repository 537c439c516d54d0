//! An async Flow Service client (feature `client`): credentials to an access token, and typed
//! calls on base connections and connection specs.
//!
//! ```no_run
//! use flow_connectors::client::{FlowClient, ImsCredentials};
//! use flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnline;
//! use flow_connectors::CreateConnection;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = FlowClient::builder()
//!     .credentials(ImsCredentials::new("my-client-id", "my-client-secret"))
//!     .org_id("0123456789ABCDEF@AdobeOrg")
//!     .sandbox_name("prod")
//!     .build()?;
//! let auth = BasicAuthenticationForDynamicsOnline::builder()
//!     .service_uri("https://myorg.crm.dynamics.com")
//!     .username("integration@myorg.example")
//!     .password("correct horse battery staple")
//!     .build()?;
//! let created = client.create(&CreateConnection::new("Dynamics", auth)).await?;
//! assert!(client.test(&created.id).await?);
//! client.delete(&created.id).await?;
//! # Ok(())
//! # }
//! ```
//!
//! Every call is a `tracing` span `flow_service` with `method`, `path` (the template, such as
//! `/connections/{id}`), `status`, `attempt` and `request_id` (Flow Service's `x-request-id`, for
//! Adobe support); no span or event carries a param, a token or a secret.

mod connections;
mod error;
mod explore;
mod fetched;
mod filter;
mod flows;
mod list;
mod read;
mod resource;
mod retry;
mod runs;
mod source;
mod target;
mod token;
mod transport;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

pub use error::Error;
pub use fetched::{Created, Fetched};
pub use filter::{
    ConnectionFilter, Connections, FlowFilter, Flows, ListFilter, SortOrder, SourceConnectionFilter, SourceConnections,
    TargetConnectionFilter, TargetConnections,
};
pub use read::UPDATE_ATTEMPTS;
pub use retry::RetryPolicy;
pub use runs::{Run, RunError, RunMetrics};
pub use token::{DEFAULT_IMS_URL, DEFAULT_SCOPES, ImsCredentials, StaticToken, TokenFuture, TokenProvider};

use crate::{DEFAULT_BASE_URL, RequestContext};

/// A Flow Service client. Cheap to clone (one `Arc`), `Send + Sync`: share one across tasks, so
/// that they share its connection pool and its access token.
#[derive(Clone)]
pub struct FlowClient {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    http: reqwest::Client,
    /// The base URL, without a trailing slash.
    base: String,
    tokens: Arc<dyn TokenProvider>,
    api_key: String,
    org_id: String,
    sandbox_name: String,
    timeout: Option<Duration>,
    retry: RetryPolicy,
}

impl fmt::Debug for FlowClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlowClient")
            .field("base_url", &self.inner.base)
            .field("api_key", &self.inner.api_key)
            .field("org_id", &self.inner.org_id)
            .field("sandbox_name", &self.inner.sandbox_name)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

impl FlowClient {
    /// Starts a client: set credentials (or a token), the org id and the sandbox name.
    pub fn builder() -> FlowClientBuilder {
        FlowClientBuilder::default()
    }

    /// The base URL calls go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// `{base}{path}` as a URL; `path` starts with `/` and has its ids already encoded.
    fn url(&self, request: &'static str, path: &str) -> Result<Url, Error> {
        Url::parse(&format!("{}{path}", self.inner.base)).map_err(|error| Error::Request {
            request,
            message: format!("`{path}` does not make a valid URL: {error}"),
        })
    }
}

/// An id as one URL path segment: percent-encodes what is not unreserved and refuses `.`, `..`
/// and the empty id, so an id can never change the path it is put in.
fn segment(request: &'static str, id: &str) -> Result<String, Error> {
    if matches!(id, "" | "." | "..") {
        return Err(Error::Request {
            request,
            message: format!("`{id}` is not an id"),
        });
    }
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Ok(out)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_and_its_errors_cross_threads() {
        fn shareable<T: Clone + Send + Sync + 'static>() {}
        fn sendable<T: Send + Sync + 'static>() {}
        shareable::<FlowClient>();
        sendable::<Error>();
        sendable::<FlowClientBuilder>();
    }

    #[test]
    fn ids_cannot_change_the_path() {
        let request = "GET /connections/{id}";
        assert_eq!(segment(request, "4cb0c374-d3bb").unwrap(), "4cb0c374-d3bb");
        assert_eq!(segment(request, "../specs?x=1#y").unwrap(), "..%2Fspecs%3Fx%3D1%23y");
        for id in ["", ".", ".."] {
            assert!(segment(request, id).is_err(), "{id:?}");
        }
    }

    #[test]
    fn a_missing_setting_is_named() {
        let error = FlowClient::builder().org_id("org").build().unwrap_err();
        assert_eq!(
            error.to_string(),
            "the Flow Service client is not configured right: `sandbox_name` is not set; set it on the builder"
        );
        let error = FlowClient::builder()
            .static_token("t")
            .org_id("org")
            .sandbox_name("prod")
            .build()
            .unwrap_err();
        assert!(error.to_string().contains("`api_key`"), "{error}");
        let error = FlowClient::builder()
            .static_token("t")
            .api_key("k")
            .org_id("org")
            .sandbox_name("prod")
            .base_url("platform.adobe.io")
            .build()
            .unwrap_err();
        assert!(error.to_string().contains("not an http(s) URL"), "{error}");
    }
}
