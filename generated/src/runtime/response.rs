//! Reading Flow Service responses: the created connection, or the service's error.

use serde::Deserialize;
use serde_json::Value;

/// The `201 Created` answer to `POST /connections`, and to every other create call
/// (`/sourceConnections`, `/targetConnections`, `/flows`): `{id, etag}`. The methods below type
/// the id by what was created.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CreatedConnection {
    /// The new base connection's id.
    pub id: String,
    /// Its version tag, verbatim with its double quotes (`"\"...\""`): send it back as `If-Match`.
    pub etag: String,
}

impl CreatedConnection {
    /// The new connection's id, typed as a base connection id: what explore calls and source
    /// connections take.
    pub fn base_connection_id(&self) -> crate::BaseConnectionId {
        crate::BaseConnectionId::new(self.id.clone())
    }

    /// The id of a source connection created from a
    /// [`CreateSourceConnection<P>`](crate::CreateSourceConnection): what a flow of a flow spec
    /// accepting `P`'s connector takes.
    pub fn source_connection_id<P: crate::SourceParams>(&self) -> crate::SourceConnectionId<P> {
        crate::SourceConnectionId::new(self.id.clone())
    }

    /// The id of a created target connection.
    pub fn target_connection_id(&self) -> crate::TargetConnectionId {
        crate::TargetConnectionId::new(self.id.clone())
    }

    /// The id of a created dataflow.
    pub fn flow_id(&self) -> crate::FlowId {
        crate::FlowId::new(self.id.clone())
    }

    /// Reads a `POST /connections` response: `Ok` for a 201 with `{id, etag}`, otherwise the error.
    // An error answer is read once per failed request, next to a network round trip: its size
    // (six fields, title included) costs nothing worth a `Box` in the signature.
    #[allow(clippy::result_large_err)]
    pub fn from_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Result<Self, ApiError> {
        let body = response.body().as_ref();
        let status = response.status().as_u16();
        if status == 201
            && let Ok(created) = serde_json::from_slice(body)
        {
            return Ok(created);
        }
        Err(ApiError::from_body(status, body))
    }
}

/// An error answer from Flow Service or the Adobe gateway, read leniently: every field is optional,
/// a field of an unexpected type counts as absent, and the raw body is kept.
///
/// The one reader of Flow Service error bodies (`flow-codegen pull` uses it too). Three shapes are
/// documented:
/// 1. Flow Service: `{"type": ".../errors/FLOW-{code}-{status}", "title", "status",
///    "report": {"detailed-message", "request-id"}, "errorMessage", "errorDetails"}` (an etag
///    mismatch sends `errorMessage` alone);
/// 2. the API gateway: `{"error_code": "403010", "message": "Oauth token is missing."}`;
/// 3. bad requests: `{"type", "status": 400, "title": "BadRequestError", "detail": "..."}`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Flow Service answered {status}{}: {}", code.as_deref().map(|c| format!(" ({c})")).unwrap_or_default(), message.as_deref().or(title.as_deref()).unwrap_or("no error message"))]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// The error code: the gateway's `error_code` (`403010`), or the last segment of a Flow
    /// Service `type` (`FLOW-1415-400`). A `type` of another form (`about:blank`) carries none.
    pub code: Option<String>,
    /// `title`: the kind of error (`Bad Request`, `BadRequestError`).
    pub title: Option<String>,
    /// The most specific explanation the body carries, the first of `report.detailed-message`,
    /// `errorMessage`, `detail` and `message`.
    pub message: Option<String>,
    /// `report.request-id`, for Adobe support.
    pub request_id: Option<String>,
    /// The body as received (lossy UTF-8).
    pub raw_body: String,
}

/// A non-blank string (trimmed) or a number, as text.
fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl ApiError {
    /// Reads an error body of any of the three documented shapes (or none: then only `status`
    /// and `raw_body` are set).
    pub fn from_body(status: u16, body: &[u8]) -> Self {
        let mut error = Self {
            status,
            code: None,
            title: None,
            message: None,
            request_id: None,
            raw_body: String::from_utf8_lossy(body).into_owned(),
        };
        let Ok(Value::Object(object)) = serde_json::from_slice::<Value>(body) else {
            return error;
        };
        let field = |name: &str| text(object.get(name));
        let report = |name: &str| text(object.get("report").and_then(|report| report.get(name)));
        let flow_code = field("type")
            .and_then(|kind| kind.rsplit('/').next().map(str::to_owned))
            .filter(|last| last.starts_with("FLOW-"));
        error.code = field("error_code").or(flow_code);
        error.title = field("title");
        error.message = report("detailed-message")
            .or_else(|| field("errorMessage"))
            .or_else(|| field("detail"))
            .or_else(|| field("message"));
        error.request_id = report("request-id");
        error
    }
}
