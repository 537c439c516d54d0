//! Reading Flow Service responses: the created connection, or the service's error.

use serde::Deserialize;

/// The `201 Created` answer to `POST /connections`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CreatedConnection {
    /// The new base connection's id.
    pub id: String,
    /// Its version tag, verbatim with its double quotes (`"\"...\""`): send it back as `If-Match`.
    pub etag: String,
}

impl CreatedConnection {
    /// Reads a `POST /connections` response: `Ok` for a 201 with `{id, etag}`, otherwise the error.
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

#[derive(Default, Deserialize)]
struct ErrorBody {
    // Flow Service: {"type", "title", "status", "report": {"detailed-message", "request-id"}, "errorMessage"}
    #[serde(rename = "type")]
    kind: Option<String>,
    title: Option<String>,
    #[serde(rename = "errorMessage")]
    error_message: Option<String>,
    report: Option<Report>,
    // Gateway: {"error_code", "message"}
    error_code: Option<String>,
    message: Option<String>,
    // Bad request: {"type", "status", "title", "detail"}
    detail: Option<String>,
}

#[derive(Default, Deserialize)]
struct Report {
    #[serde(rename = "detailed-message")]
    detailed_message: Option<String>,
    #[serde(rename = "request-id")]
    request_id: Option<String>,
}

/// An error answer from Flow Service or the Adobe gateway, read leniently: every field is optional
/// and the raw body is kept.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Flow Service answered {status}{}: {}", code.as_deref().map(|c| format!(" ({c})")).unwrap_or_default(), message.as_deref().unwrap_or("no error message"))]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// The error code: `FLOW-1415-400` style from `type`, or the gateway's `error_code`.
    pub code: Option<String>,
    /// The most specific message the body carries.
    pub message: Option<String>,
    /// The request id, for Adobe support.
    pub request_id: Option<String>,
    /// The body as received (lossy UTF-8).
    pub raw_body: String,
}

impl ApiError {
    /// Reads an error body of any of the three documented shapes.
    pub fn from_body(status: u16, body: &[u8]) -> Self {
        let parsed: ErrorBody = serde_json::from_slice(body).unwrap_or_default();
        let report = parsed.report.unwrap_or_default();
        let code = parsed
            .kind
            .as_deref()
            .and_then(|kind| kind.rsplit('/').next())
            .filter(|code| !code.is_empty() && *code != "about:blank")
            .map(str::to_owned)
            .or(parsed.error_code);
        let message = report
            .detailed_message
            .or(parsed.error_message)
            .or(parsed.detail)
            .or(parsed.message)
            .or(parsed.title);
        Self {
            status,
            code,
            message,
            request_id: report.request_id,
            raw_body: String::from_utf8_lossy(body).into_owned(),
        }
    }
}
