//! One call to Flow Service: headers, the token (renewed once on a 401), retries of what is safe
//! to repeat, a tracing span, and the error answer read into an [`Error`].

use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode, Url};
use secrecy::{ExposeSecret, SecretString};
use tracing::Instrument;
use tracing::field::Empty;

use super::Inner;
use super::error::{Error, with_causes};
use super::retry::{retry_after, retryable_status};
use crate::{ApiError, RequestContext};

/// What [`Inner::send`] needs to know about a call.
pub(crate) struct Call<'a> {
    /// `METHOD /path/{template}`: names the call in errors and traces (never ids or params).
    pub request: &'static str,
    pub method: Method,
    pub url: Url,
    pub body: Option<Vec<u8>>,
    pub if_match: Option<&'a str>,
    /// Texts cut out of error answers besides the token (the `sourceParams` of an explore call, in
    /// case the service quotes the URL).
    pub redact: Vec<String>,
}

impl<'a> Call<'a> {
    /// A call without a body or `If-Match`.
    pub fn new(request: &'static str, method: Method, url: Url) -> Self {
        Self {
            request,
            method,
            url,
            body: None,
            if_match: None,
            redact: Vec::new(),
        }
    }

    /// A `GET`.
    pub fn get(request: &'static str, url: Url) -> Self {
        Self::new(request, Method::GET, url)
    }

    /// Whether repeating the call is harmless: everything but a `POST` (`POST /connections`
    /// creates a connection each time it reaches the service).
    fn safe(&self) -> bool {
        self.method != Method::POST
    }

    /// For a `DELETE`: a 404 after an earlier attempt that may have reached the service means
    /// that attempt deleted it; the call then succeeds (with the 404's answer).
    fn gone_is_done(&self) -> bool {
        self.method == Method::DELETE
    }
}

/// A successful (2xx) answer.
pub(crate) struct Answer {
    pub status: StatusCode,
    pub body: Vec<u8>,
}

/// Why one attempt failed.
enum Failure {
    /// No answer.
    Transport(reqwest::Error),
    /// An error answer.
    Status(StatusCode, HeaderMap, Vec<u8>),
    /// The request could not be built (a header value HTTP cannot carry).
    Request(String),
}

impl Inner {
    /// Sends `call`, retrying what may be retried; `Ok` only for a 2xx answer.
    pub(crate) async fn send(&self, call: Call<'_>) -> Result<Answer, Error> {
        let (method, path) = call.request.split_once(' ').unwrap_or(("", call.request));
        let span = tracing::info_span!(
            "flow_service",
            method,
            path,
            status = Empty,
            attempt = Empty,
            request_id = Empty
        );
        self.send_with_retries(&call).instrument(span).await
    }

    async fn send_with_retries(&self, call: &Call<'_>) -> Result<Answer, Error> {
        let span = tracing::Span::current();
        let mut retries = self.retry.start();
        let mut renewed = false;
        // Whether an earlier attempt may have reached the service (an answer, or no answer after
        // the request went out).
        let mut maybe_applied = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            let token = self.tokens.token().await?;
            let context = self.context(call.request, &token)?;
            let failure = match self.attempt(call, &context).await {
                Ok(answer) => return Ok(answer),
                Err(failure) => failure,
            };
            match failure {
                Failure::Status(StatusCode::UNAUTHORIZED, ..) if !renewed && self.tokens.reject(&token) => {
                    // The gateway refused the token before the service saw the call: renew it
                    // and try once more, whatever the method.
                    tracing::debug!(attempt, "access token refused; renewing it once");
                    renewed = true;
                }
                Failure::Status(StatusCode::NOT_FOUND, _, body) if call.gone_is_done() && maybe_applied => {
                    tracing::debug!(attempt, "gone after an earlier attempt may have deleted it");
                    return Ok(Answer {
                        status: StatusCode::NOT_FOUND,
                        body,
                    });
                }
                Failure::Status(status, headers, body) => {
                    // A 5xx may come after the service acted; a 4xx (429 included) says it did not.
                    maybe_applied |= status.is_server_error();
                    let wait = retry_after(&headers);
                    if call.safe()
                        && retryable_status(status)
                        && let Some(delay) = retries.next_delay(wait)
                    {
                        tracing::debug!(attempt, status = status.as_u16(), delay_ms = millis(delay), "retrying");
                        tokio::time::sleep(delay).await;
                        continue;
                    }
                    let mut body = context.redact(&String::from_utf8_lossy(&body));
                    for secret in call.redact.iter().filter(|secret| !secret.is_empty()) {
                        body = body.replace(secret.as_str(), "[REDACTED]");
                    }
                    let mut error = ApiError::from_body(status.as_u16(), body.as_bytes());
                    // Gateway bodies carry no request id; the header does.
                    if error.request_id.is_none() {
                        error.request_id = headers
                            .get("x-request-id")
                            .and_then(|id| id.to_str().ok())
                            .map(str::to_owned);
                    }
                    return Err(Error::from_answer(call.request, error, wait));
                }
                Failure::Request(message) => {
                    return Err(Error::Request {
                        request: call.request,
                        message,
                    });
                }
                Failure::Transport(error) => {
                    // The URL may carry a secret in its query (an explore call's `sourceParams`):
                    // neither the trace nor the error shows it.
                    let error = error.without_url();
                    maybe_applied |= !error.is_connect() && !error.is_builder();
                    // A connection that could not be opened carried nothing: even a POST may be
                    // sent again. Anything later may have reached the service.
                    // A request reqwest could not even build is not sent again.
                    if !error.is_builder()
                        && (call.safe() || error.is_connect())
                        && let Some(delay) = retries.next_delay(None)
                    {
                        tracing::debug!(attempt, delay_ms = millis(delay), error = %with_causes(&error), "no answer; retrying");
                        tokio::time::sleep(delay).await;
                        continue;
                    }
                    if error.is_timeout() {
                        return Err(Error::Timeout {
                            request: call.request,
                            attempts: attempt,
                        });
                    }
                    return Err(Error::Transport {
                        request: call.request,
                        host: call.url.host_str().unwrap_or_default().to_owned(),
                        message: with_causes(&error),
                        attempts: attempt,
                        source: error,
                    });
                }
            }
        }
    }

    /// One attempt: `Ok` for a 2xx answer.
    async fn attempt(&self, call: &Call<'_>, context: &RequestContext) -> Result<Answer, Failure> {
        let span = tracing::Span::current();
        let headers = context.headers().map_err(|error| Failure::Request(error.to_string()))?;
        let mut request = self
            .http
            .request(call.method.clone(), call.url.clone())
            .headers(headers)
            .header(ACCEPT, HeaderValue::from_static("application/json"));
        if let Some(timeout) = self.timeout {
            request = request.timeout(timeout);
        }
        if let Some(etag) = call.if_match {
            // An etag that cannot be a header value is the caller's mistake: said, never retried.
            let etag = HeaderValue::from_str(etag).map_err(|_| {
                Failure::Request(
                    "the etag cannot be sent as an `If-Match` header (it has a line break or a control character)"
                        .to_owned(),
                )
            })?;
            request = request.header("if-match", etag);
        }
        if let Some(body) = &call.body {
            request = request
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body.clone());
        }
        let response = request.send().await.map_err(Failure::Transport)?;
        let status = response.status();
        span.record("status", status.as_u16());
        if let Some(id) = response.headers().get("x-request-id").and_then(|id| id.to_str().ok()) {
            span.record("request_id", id);
        }
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(Failure::Transport)?.to_vec();
        if status.is_success() {
            Ok(Answer { status, body })
        } else {
            Err(Failure::Status(status, headers, body))
        }
    }

    /// The runtime's request context of one attempt: its headers (`Authorization`, marked
    /// sensitive, `x-api-key`, `x-gw-ims-org-id`, `x-sandbox-name`) and its redaction of the token.
    fn context(&self, request: &'static str, token: &SecretString) -> Result<RequestContext, Error> {
        RequestContext::builder()
            .access_token(token.expose_secret())
            .api_key(self.api_key.as_str())
            .org_id(self.org_id.as_str())
            .sandbox_name(self.sandbox_name.as_str())
            .build()
            .map_err(|error| Error::Request {
                request,
                message: error.to_string(),
            })
    }
}

fn millis(delay: Duration) -> u64 {
    u64::try_from(delay.as_millis()).unwrap_or(u64::MAX)
}
