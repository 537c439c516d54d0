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
    /// A workflow body (source connection, target connection, flow) breaks a rule of its type or
    /// of its flow spec, such as an `interval` below the flow spec's minimum.
    #[error("{body} body, `{field}`: {problem}")]
    Workflow {
        /// Which body.
        body: BodyKind,
        /// The member's dotted path (`scheduleParams.interval`).
        field: &'static str,
        /// What is wrong and what to do.
        problem: String,
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
    /// A source connection, target connection or flow body (or an explore response) is wrong.
    #[error(transparent)]
    Body(#[from] BodyError),
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

/// The workflow bodies [`BodyError`] and [`BuildError::Workflow`] speak of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyKind {
    /// A `POST /sourceConnections` body.
    SourceConnection,
    /// A `POST /targetConnections` body.
    TargetConnection,
    /// A `POST /flows` body.
    Flow,
    /// The answer to `GET /connections/{id}/explore`.
    ExploreResponse,
}

impl std::fmt::Display for BodyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BodyKind::SourceConnection => "source connection",
            BodyKind::TargetConnection => "target connection",
            BodyKind::Flow => "flow",
            BodyKind::ExploreResponse => "explore response",
        })
    }
}

/// What is wrong with one member of a workflow body read back into typed form. Never carries a
/// source param's value (it may be a secret); values of the body's own members (ids, schedule
/// values, formats) are quoted, shortened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{body} body, `{field}`: {problem}")]
#[non_exhaustive]
pub struct BodyError {
    /// Which body.
    pub body: BodyKind,
    /// The member's dotted path from the body's root (`scheduleParams.startTime`, `params.columns`).
    pub field: String,
    /// What is wrong.
    pub problem: BodyProblem,
}

/// The ways a member of a workflow body can be wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyProblem {
    /// A member the body must have is absent.
    Missing,
    /// A member the body's type does not define (strict mode).
    Unknown,
    /// A member has the wrong type or value.
    Expected {
        /// What it must be (`an integer`, `one of "delimited", "json", "parquet"`).
        expected: String,
        /// What it is (`the string "1612310466"`); never a source param's value.
        found: String,
    },
    /// A member the body may not have here, and why.
    NotAllowed(String),
}

impl std::fmt::Display for BodyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BodyProblem::Missing => f.write_str("missing"),
            BodyProblem::Unknown => {
                f.write_str("not a member of this body (read it in lenient mode if it comes from the service)")
            }
            BodyProblem::Expected { expected, found } => write!(f, "expected {expected}, got {found}"),
            BodyProblem::NotAllowed(reason) => f.write_str(reason),
        }
    }
}
