//! Access tokens: Adobe IMS OAuth Server-to-Server (cached, renewed before expiry, one renewal for
//! all concurrent callers), a static token, or any [`TokenProvider`].

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::Duration;

use reqwest::Url;
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use tokio::time::Instant;
use tracing::Instrument;

use super::error::{Error, with_causes};
use super::retry::{RetryPolicy, retry_after, retryable_status};

/// The longest token lifetime believed from IMS's `expires_in` (it answers 86,399 s).
const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// The production Adobe IMS host.
pub const DEFAULT_IMS_URL: &str = "https://ims-na1.adobelogin.com";

/// The scopes a Platform credential usually has (the Platform Postman environment's list); the
/// credential's own list in the Developer Console is authoritative.
pub const DEFAULT_SCOPES: &str = "openid,session,AdobeID,read_organizations,additional_info.projectedProductContext";

/// What [`TokenProvider::token`] returns.
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<SecretString, Error>> + Send + 'a>>;

/// Where access tokens come from. [`ImsCredentials`] and [`StaticToken`] implement it; implement it
/// for anything else (a token broker, a vault).
pub trait TokenProvider: Send + Sync + 'static {
    /// A token to send now: cached while valid, renewed otherwise. Concurrent callers should
    /// share one renewal.
    fn token(&self) -> TokenFuture<'_>;

    /// Flow Service refused `token` (401). Forget it, so that the next [`token`](Self::token)
    /// gets a new one, and say whether a new one may differ: `false` (a static token) makes the
    /// client give up instead of retrying with the same token.
    fn reject(&self, token: &SecretString) -> bool;
}

/// One token, sent as it is and never renewed.
pub struct StaticToken(SecretString);

impl StaticToken {
    /// The token, with surrounding whitespace and a `Bearer ` prefix dropped.
    pub fn new(token: impl Into<String>) -> Self {
        let token = token.into();
        let bare = token.trim();
        let bare = bare.strip_prefix("Bearer ").unwrap_or(bare).trim_start();
        Self(SecretString::from(bare.to_owned()))
    }
}

impl fmt::Debug for StaticToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StaticToken([REDACTED])")
    }
}

impl TokenProvider for StaticToken {
    fn token(&self) -> TokenFuture<'_> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }

    fn reject(&self, _token: &SecretString) -> bool {
        false
    }
}

/// An OAuth Server-to-Server credential of the Adobe Developer Console: the client id (also the
/// `x-api-key`), the client secret and the scopes. `Debug` never shows the secret.
#[derive(Clone)]
pub struct ImsCredentials {
    pub(crate) client_id: String,
    pub(crate) client_secret: SecretString,
    pub(crate) scopes: String,
}

impl ImsCredentials {
    /// A credential with the [`DEFAULT_SCOPES`].
    pub fn new(client_id: impl Into<String>, client_secret: impl Into<String>) -> Self {
        Self {
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
            scopes: DEFAULT_SCOPES.to_owned(),
        }
    }

    /// The scopes to ask for: comma-separated (`openid,AdobeID,...`), or any iterator of names.
    pub fn scopes<S: AsRef<str>>(mut self, scopes: impl IntoIterator<Item = S>) -> Self {
        let scopes: Vec<String> = scopes
            .into_iter()
            .flat_map(|s| s.as_ref().split(',').map(|s| s.trim().to_owned()).collect::<Vec<_>>())
            .filter(|s| !s.is_empty())
            .collect();
        self.scopes = scopes.join(",");
        self
    }

    /// The client id.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }
}

impl fmt::Debug for ImsCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImsCredentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"[REDACTED]")
            .field("scopes", &self.scopes)
            .finish()
    }
}

struct Cached {
    token: SecretString,
    renew_at: Instant,
}

/// Tokens from `POST {ims}/ims/token/v3` (`grant_type=client_credentials`), cached until shortly
/// before `expires_in` runs out. One renewal at a time: concurrent callers wait for it and share
/// its outcome, a token or an error (callers that queued behind a failed renewal get its error
/// instead of each asking IMS again).
pub(crate) struct ImsTokens {
    http: reqwest::Client,
    url: Url,
    credentials: ImsCredentials,
    retry: RetryPolicy,
    timeout: Option<Duration>,
    cached: Mutex<Option<Cached>>,
    renewal: tokio::sync::Mutex<()>,
    /// How many renewals have failed, and the last failed one's number and error (as IMS's
    /// status, code and description: nothing secret).
    attempts: std::sync::atomic::AtomicU64,
    failed: Mutex<Option<(u64, Failed)>>,
}

/// What a failed renewal tells the callers that waited for it.
#[derive(Clone)]
struct Failed {
    status: Option<u16>,
    code: Option<String>,
    description: Option<String>,
}

impl Failed {
    fn of(error: &Error) -> Self {
        match error {
            Error::Token {
                status,
                code,
                description,
            } => Self {
                status: *status,
                code: code.clone(),
                description: description.clone(),
            },
            other => Self {
                status: None,
                code: None,
                description: Some(other.to_string()),
            },
        }
    }

    fn error(self) -> Error {
        Error::Token {
            status: self.status,
            code: self.code,
            description: self.description,
        }
    }
}

impl ImsTokens {
    pub(crate) fn new(
        http: reqwest::Client,
        ims_url: &str,
        credentials: ImsCredentials,
        retry: RetryPolicy,
        timeout: Option<Duration>,
    ) -> Result<Self, Error> {
        let url = format!("{}/ims/token/v3", ims_url.trim_end_matches('/'));
        let url = Url::parse(&url).map_err(|e| Error::Config(format!("the IMS URL `{ims_url}` is invalid: {e}")))?;
        Ok(Self {
            http,
            url,
            credentials,
            retry,
            timeout,
            cached: Mutex::new(None),
            renewal: tokio::sync::Mutex::new(()),
            attempts: std::sync::atomic::AtomicU64::new(0),
            failed: Mutex::new(None),
        })
    }

    fn fresh(&self) -> Option<SecretString> {
        let cached = self.cached.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        cached
            .as_ref()
            .filter(|cached| Instant::now() < cached.renew_at)
            .map(|cached| cached.token.clone())
    }

    async fn current(&self) -> Result<SecretString, Error> {
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        use std::sync::atomic::Ordering::SeqCst;
        let seen = self.attempts.load(SeqCst);
        let _renewing = self.renewal.lock().await;
        // Whoever held the lock before may have renewed it already, or failed to: then this
        // caller shares that failure rather than asking IMS again (a hundred callers behind a
        // refused renewal make one request, not a hundred).
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let failed = self
            .failed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        if let Some((attempt, failed)) = failed
            && attempt > seen
        {
            return Err(failed.error());
        }
        let (token, expires_in) = match self.request().await {
            Ok(answer) => answer,
            Err(error) => {
                // Counted when it ends: whoever looked before now (and so waited for it) shares it.
                let mut failed = self.failed.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let attempt = self.attempts.fetch_add(1, SeqCst) + 1;
                *failed = Some((attempt, Failed::of(&error)));
                return Err(error);
            }
        };
        // Renew a little early: 5 minutes, or half the lifetime of a short-lived token.
        let margin = Duration::from_secs(300).min(expires_in / 2);
        // A lifetime beyond a day is not believed (IMS gives 24 h): it would overflow the clock.
        let lifetime = expires_in.min(MAX_TOKEN_LIFETIME) - margin;
        let renew_at = Instant::now().checked_add(lifetime).unwrap_or_else(Instant::now);
        *self.cached.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(Cached {
            token: token.clone(),
            renew_at,
        });
        Ok(token)
    }

    /// One token request, retried like any call safe to repeat (asking twice creates nothing).
    async fn request(&self) -> Result<(SecretString, Duration), Error> {
        let span = tracing::info_span!("ims_token", url = %self.url);
        self.request_with_retries().instrument(span).await
    }

    async fn request_with_retries(&self) -> Result<(SecretString, Duration), Error> {
        let form = [
            ("client_id", self.credentials.client_id.as_str()),
            ("client_secret", self.credentials.client_secret.expose_secret()),
            ("grant_type", "client_credentials"),
            ("scope", self.credentials.scopes.as_str()),
        ];
        let mut retries = self.retry.start();
        loop {
            let mut request = self.http.post(self.url.clone()).form(&form);
            if let Some(timeout) = self.timeout {
                request = request.timeout(timeout);
            }
            let sent = request.send().await;
            let (status, headers, body) = match sent {
                Ok(response) => {
                    let status = response.status();
                    let headers = response.headers().clone();
                    match response.bytes().await {
                        Ok(body) => (status, headers, body),
                        Err(error) => return Err(unreachable(&error)),
                    }
                }
                Err(error) => match retries.next_delay(None) {
                    Some(delay) => {
                        tracing::debug!(delay_ms = delay.as_millis() as u64, "IMS unreachable; retrying");
                        tokio::time::sleep(delay).await;
                        continue;
                    }
                    None => return Err(unreachable(&error)),
                },
            };
            if (retryable_status(status) || status.is_server_error())
                && let Some(delay) = retries.next_delay(retry_after(&headers))
            {
                tracing::debug!(
                    status = status.as_u16(),
                    delay_ms = delay.as_millis() as u64,
                    "IMS failed; retrying"
                );
                tokio::time::sleep(delay).await;
                continue;
            }
            return read_token(status.as_u16(), &body);
        }
    }
}

fn unreachable(error: &reqwest::Error) -> Error {
    Error::Token {
        status: None,
        code: None,
        description: Some(format!("IMS could not be reached: {}", with_causes(error))),
    }
}

/// Reads IMS's answer: `{"access_token", "token_type", "expires_in"}` (seconds), or the error
/// `{"error", "error_description"}`.
fn read_token(status: u16, body: &[u8]) -> Result<(SecretString, Duration), Error> {
    let json: Option<Value> = serde_json::from_slice(body).ok();
    let field = |name: &str| json.as_ref().and_then(|json| json.get(name));
    let text = |name: &str| field(name).and_then(Value::as_str).map(str::to_owned);
    if (200..300).contains(&status) {
        let token = text("access_token").filter(|token| !token.trim().is_empty());
        let expires_in = match field("expires_in") {
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        };
        return match (token, expires_in) {
            (Some(token), Some(seconds)) => Ok((SecretString::from(token), Duration::from_secs(seconds))),
            (None, _) => Err(Error::Token {
                status: Some(status),
                code: None,
                description: Some("the answer has no `access_token`".to_owned()),
            }),
            (Some(_), None) => Err(Error::Token {
                status: Some(status),
                code: None,
                description: Some("the answer has no `expires_in` (seconds)".to_owned()),
            }),
        };
    }
    Err(Error::Token {
        status: Some(status),
        code: text("error").or_else(|| text("error_code")),
        description: text("error_description").or_else(|| text("message")),
    })
}

impl TokenProvider for ImsTokens {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(self.current())
    }

    fn reject(&self, token: &SecretString) -> bool {
        let mut cached = self.cached.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if cached
            .as_ref()
            .is_some_and(|cached| cached.token.expose_secret() == token.expose_secret())
        {
            *cached = None;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ims_answers_are_read() {
        let (token, expires) = read_token(
            200,
            br#"{"access_token":"abc","token_type":"bearer","expires_in":86399}"#,
        )
        .unwrap();
        assert_eq!(token.expose_secret(), "abc");
        assert_eq!(expires, Duration::from_secs(86399));
        let error = read_token(
            400,
            br#"{"error":"invalid_client","error_description":"invalid client_secret parameter"}"#,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "Adobe IMS gave no access token (400 invalid_client): invalid client_secret parameter"
        );
        let error = read_token(200, br#"{"access_token":"abc"}"#).unwrap_err();
        assert!(error.to_string().contains("`expires_in`"), "{error}");
    }

    #[test]
    fn scopes_are_comma_joined() {
        let credentials = ImsCredentials::new("id", "hunter2-value").scopes(["openid, AdobeID", "session"]);
        assert_eq!(credentials.scopes, "openid,AdobeID,session");
        assert!(!format!("{credentials:?}").contains("hunter2"));
        assert_eq!(
            format!("{:?}", StaticToken::new("Bearer tok")),
            "StaticToken([REDACTED])"
        );
    }
}
