//! Errors of the runtime. None of them ever carries a param value, so none can leak a secret.

use super::catalog::Catalog;
use super::connection::RawConnection;

/// A typed builder could not finish: a value breaks its spec's rules.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A value does not match the `pattern` its spec declares.
    #[error("auth param `{param}` does not match the pattern `{pattern}` its spec requires")]
    PatternMismatch {
        /// The param's wire name.
        param: &'static str,
        /// The regular expression from the spec.
        pattern: &'static str,
    },
}

/// A connection (a `POST /connections` body, or what the service returned) could not be read
/// back into typed form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// `connectionSpec.id` names no connector this crate knows.
    #[error("unknown connection spec id `{0}`")]
    UnknownSpecId(String),
    /// `auth.specName` names no auth spec of the connector.
    #[error("connection spec `{spec_id}` has no auth spec named `{name}` (expected one of: {expected})")]
    UnknownAuthSpec {
        /// The connection spec id.
        spec_id: String,
        /// The auth spec name found.
        name: String,
        /// The names the connector accepts, quoted and comma-separated.
        expected: String,
    },
    /// The body has `auth` but the connector's connections carry none.
    #[error("connection spec `{spec_id}` has no auth specs, but the connection has `auth`")]
    UnexpectedAuth {
        /// The connection spec id.
        spec_id: String,
    },
    /// The body has no `auth` but the connector needs one.
    #[error("the connection has no `auth`; connection spec `{spec_id}` expects one of: {expected}")]
    MissingAuth {
        /// The connection spec id.
        spec_id: String,
        /// The auth spec names the connector accepts.
        expected: String,
    },
    /// `connectionSpec.version` differs from the version the code was generated from.
    #[error("connection spec `{spec_id}` has version `{expected}`, but the body says `{found}`")]
    VersionMismatch {
        /// The connection spec id.
        spec_id: String,
        /// The version the code was generated from.
        expected: &'static str,
        /// The version in the body.
        found: String,
    },
    /// A required param is absent.
    #[error("auth spec `{auth_spec}` requires the param `{param}`, which is missing")]
    MissingParam {
        /// The auth spec name.
        auth_spec: &'static str,
        /// The param's wire name.
        param: &'static str,
    },
    /// A param the auth spec does not define.
    #[error("auth spec `{auth_spec}` has no param named `{param}`")]
    UnknownParam {
        /// The auth spec name.
        auth_spec: &'static str,
        /// The unexpected key.
        param: String,
    },
    /// A param has a value of the wrong type.
    #[error("auth param `{param}` of `{auth_spec}` must be {expected}")]
    InvalidParam {
        /// The auth spec name.
        auth_spec: &'static str,
        /// The param's wire name.
        param: &'static str,
        /// What the value must be.
        expected: String,
    },
    /// A param value breaks the spec's rules.
    #[error(transparent)]
    Invalid(#[from] BuildError),
    /// A member the body or fetched item must have is absent (`name`, `connectionSpec.id`, `etag`).
    #[error("the connection has no `{0}`")]
    MissingField(&'static str),
    /// A member of the body or fetched item has the wrong JSON type.
    #[error("`{field}` of the connection must be {expected}")]
    InvalidField {
        /// The member's dotted path (`connectionSpec.version`, `createdAt`).
        field: &'static str,
        /// What its value must be.
        expected: &'static str,
    },
    /// A strictly read body has a member a `POST /connections` body does not have.
    #[error("the connection has an unexpected member `{0}` (read it in lenient mode if it comes from the service)")]
    UnknownField(String),
    /// A `GET /connections/{id}` response whose `items` does not hold exactly one connection.
    #[error("the response should hold exactly one connection in `items`, but holds {0}")]
    ItemCount(usize),
    /// A response is not JSON. Only the position is kept: the text may hold secrets.
    #[error("the response is not valid JSON (line {line}, column {column})")]
    Json {
        /// The line of the syntax error, from 1.
        line: usize,
        /// The column of the syntax error, from 1.
        column: usize,
    },
}

impl DecodeError {
    /// The error for a body whose spec id and auth spec name match no variant of a catalog-wide
    /// enum: an unknown spec id, or an auth spec name (or missing `auth`) the connector lacks.
    #[doc(hidden)]
    pub fn not_in_catalog(raw: RawConnection, catalog: &Catalog) -> Self {
        let Some(connector) = catalog.by_id(&raw.connection_spec.id) else {
            return Self::UnknownSpecId(raw.connection_spec.id);
        };
        let expected = connector
            .auth_specs
            .iter()
            .map(|auth| format!("{:?}", auth.name))
            .collect::<Vec<_>>()
            .join(", ");
        match raw.auth {
            Some(auth) => Self::UnknownAuthSpec {
                spec_id: raw.connection_spec.id,
                name: auth.spec_name,
                expected,
            },
            None => Self::MissingAuth {
                spec_id: raw.connection_spec.id,
                expected,
            },
        }
    }
}

/// An HTTP request could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// A header value has characters HTTP does not allow (such as a line break).
    #[error("the `{0}` header value contains characters HTTP headers cannot carry")]
    InvalidHeader(&'static str),
    /// The base URL and path do not form a valid URI.
    #[error("`{0}` is not a valid request URI")]
    InvalidUri(String),
    /// The body could not be serialized.
    #[error("the request body could not be serialized: {0}")]
    Body(#[from] serde_json::Error),
}

/// A [`RequestContext`](crate::RequestContext) is missing a value it needs.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the request context needs `{0}`; set it on the builder")]
pub struct MissingContextField(pub &'static str);
