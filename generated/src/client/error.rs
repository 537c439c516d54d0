//! The client's one error type.
//!
//! No variant carries a param value, a client secret or an access token: error bodies are read by
//! the runtime's [`ApiError::from_body`] with the access token cut out, decode errors name the
//! field and never its value, and transport messages come from the HTTP stack, which never sees
//! the token in a URL.

use std::time::Duration;

use crate::{ApiError, DecodeError};

/// What can go wrong calling Flow Service. `Display` is one sentence naming the call
/// (`GET /connections/{id}`) and what to do; `request` is that call's method and path template.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client could not be built: a setting is missing or invalid.
    #[error("the Flow Service client is not configured right: {0}")]
    Config(String),
    /// A request could not be built (an id with characters a URL cannot carry, a body that does
    /// not serialize).
    #[error("{request}: the request could not be built: {message}")]
    Request {
        /// The call, as `METHOD /path/{template}`.
        request: &'static str,
        /// What is wrong.
        message: String,
    },
    /// No answer: the connection failed or broke. Safe calls were retried first.
    #[error("{request}: no answer from {host}: {message} (after {attempts} attempt(s))")]
    Transport {
        /// The call.
        request: &'static str,
        /// The host called.
        host: String,
        /// The HTTP stack's explanation, causes included.
        message: String,
        /// How many attempts were made.
        attempts: u32,
        /// The HTTP stack's error.
        #[source]
        source: reqwest::Error,
    },
    /// No answer within the configured timeout.
    #[error("{request}: no answer within the timeout (after {attempts} attempt(s))")]
    Timeout {
        /// The call.
        request: &'static str,
        /// How many attempts were made.
        attempts: u32,
    },
    /// Adobe IMS did not give an access token: wrong client id or secret, scopes the credential
    /// lacks, or IMS unreachable.
    #[error("{}", token_message(*.status, .code.as_deref(), .description.as_deref()))]
    Token {
        /// The HTTP status IMS answered, if it answered.
        status: Option<u16>,
        /// IMS's `error` (`invalid_client`, `invalid_scope`).
        code: Option<String>,
        /// IMS's `error_description`, or why IMS could not be reached.
        description: Option<String>,
    },
    /// 401: the access token was refused, even after renewing it once.
    #[error(
        "{request}: the access token was refused even after renewing it (check the credential's scopes and org): {error}"
    )]
    Unauthorized {
        /// The call.
        request: &'static str,
        /// The error body.
        error: Box<ApiError>,
    },
    /// 403: the credential may not do this (missing permission, API key or product profile).
    #[error("{request}: not allowed: {error}")]
    Forbidden {
        /// The call.
        request: &'static str,
        /// The error body.
        error: Box<ApiError>,
    },
    /// 404: no such connection, connection spec, source or target connection or flow in this
    /// sandbox (or no such sandbox).
    #[error("{request}: not found in this sandbox: {error}")]
    NotFound {
        /// The call.
        request: &'static str,
        /// The error body.
        error: Box<ApiError>,
    },
    /// 412: the etag sent as `If-Match` is no longer the connection's: read it again and re-apply
    /// the change ([`FlowClient::update_with_retry`](super::FlowClient::update_with_retry) does).
    #[error(
        "{request}: the connection changed since its etag was read; read it again and re-apply the change: {error}"
    )]
    PreconditionFailed {
        /// The call.
        request: &'static str,
        /// The error body (`1404-412`).
        error: Box<ApiError>,
    },
    /// `1418-400`: the base connection is used by one or more flows, which must be deleted first.
    #[error("{request}: the connection is used by one or more flows; delete them first: {error}")]
    InUse {
        /// The call.
        request: &'static str,
        /// The error body.
        error: Box<ApiError>,
    },
    /// 409: the request conflicts with the resource's current state.
    #[error("{request}: conflict with the current state: {error}")]
    Conflict {
        /// The call.
        request: &'static str,
        /// The error body.
        error: Box<ApiError>,
    },
    /// 429: too many requests, still after the retries allowed (or a `POST`, never retried).
    #[error("{request}: rate limited{}: {error}", retry_after.map(|d| format!(", retry after {} s", d.as_secs())).unwrap_or_default())]
    RateLimited {
        /// The call.
        request: &'static str,
        /// The wait `Retry-After` asked for.
        retry_after: Option<Duration>,
        /// The error body.
        error: Box<ApiError>,
    },
    /// 5xx: the service failed, still after the retries allowed (or a `POST`, never retried).
    #[error("{request}: the service failed: {error}")]
    Server {
        /// The call.
        request: &'static str,
        /// The error body.
        error: Box<ApiError>,
    },
    /// Any other error answer (400 and the rest), with everything its body says.
    #[error("{request}: {error}")]
    Api {
        /// The call.
        request: &'static str,
        /// The error body: status, code (`FLOW-1415-400`, `403010`), title, message, request id,
        /// raw body.
        error: Box<ApiError>,
    },
    /// A connection, source connection, target connection, flow or explore answer did not fit
    /// the type asked for; names the field, never a value.
    #[error("{request}: the {} {id} could not be read: {source}", item_of(request))]
    Decode {
        /// The call.
        request: &'static str,
        /// The item's id, when the answer had one (for an explore answer, the base connection's).
        id: String,
        /// What did not fit.
        #[source]
        source: DecodeError,
    },
    /// An answer was not the JSON documented for the call.
    #[error("{request}: unexpected answer: {message}")]
    Response {
        /// The call.
        request: &'static str,
        /// What is wrong (the field that is missing or mistyped).
        message: String,
    },
    /// A `_links.next.href` pointed away from the base URL's origin; the client does not follow
    /// it (it would carry the access token elsewhere).
    #[error("{request}: the next page link `{href}` leaves {origin}; not followed")]
    ForeignLink {
        /// The call.
        request: &'static str,
        /// The link.
        href: String,
        /// The base URL's origin.
        origin: String,
    },
}

impl Error {
    /// The error body of an error answer, if this is one.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Self::Unauthorized { error, .. }
            | Self::Forbidden { error, .. }
            | Self::NotFound { error, .. }
            | Self::PreconditionFailed { error, .. }
            | Self::InUse { error, .. }
            | Self::Conflict { error, .. }
            | Self::RateLimited { error, .. }
            | Self::Server { error, .. }
            | Self::Api { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The HTTP status of an error answer, if this is one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Token { status, .. } => *status,
            _ => self.api_error().map(|error| error.status),
        }
    }

    /// The error for an error answer: its status and code pick the variant.
    pub(crate) fn from_answer(request: &'static str, error: ApiError, retry_after: Option<Duration>) -> Self {
        let in_use = error.code.as_deref().is_some_and(|code| code.ends_with("1418-400"));
        let error = Box::new(error);
        match error.status {
            401 => Self::Unauthorized { request, error },
            403 => Self::Forbidden { request, error },
            404 => Self::NotFound { request, error },
            409 => Self::Conflict { request, error },
            412 => Self::PreconditionFailed { request, error },
            429 => Self::RateLimited {
                request,
                retry_after,
                error,
            },
            400 if in_use => Self::InUse { request, error },
            500..=599 => Self::Server { request, error },
            _ => Self::Api { request, error },
        }
    }
}

/// What the call `request` reads, for [`Error::Decode`]'s message.
fn item_of(request: &str) -> &'static str {
    let path = request.split_once(' ').map_or(request, |(_, path)| path);
    if path.ends_with("/explore") {
        "explore answer for the connection"
    } else if path.starts_with("/sourceConnections") {
        "source connection"
    } else if path.starts_with("/targetConnections") {
        "target connection"
    } else if path.starts_with("/flows") {
        "flow"
    } else {
        "connection"
    }
}

fn token_message(status: Option<u16>, code: Option<&str>, description: Option<&str>) -> String {
    let mut text = "Adobe IMS gave no access token".to_owned();
    match (status, code) {
        (Some(status), Some(code)) => text.push_str(&format!(" ({status} {code})")),
        (Some(status), None) => text.push_str(&format!(" ({status})")),
        _ => {}
    }
    let why = description.unwrap_or("no explanation given; check the client id, client secret and scopes");
    format!("{text}: {why}")
}

/// An error's message with its causes, `: `-joined (reqwest's own message omits them).
pub(crate) fn with_causes(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}
