//! Flow Service's error bodies, read leniently: every field is optional and the raw body is kept.
//!
//! Three shapes are documented:
//! 1. Flow Service: `{"type": ".../errors/FLOW-{code}-{status}", "title", "status",
//!    "report": {"detailed-message", "request-id"}, "errorMessage", "errorDetails"}`;
//! 2. the API gateway: `{"error_code": "403010", "message": "Oauth token is missing."}`;
//! 3. bad requests: `{"type", "status": 400, "title": "BadRequestError", "detail": "..."}`.

use serde_json::Value;

/// What an error body says, whichever shape it has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorBody {
    /// The error code: `error_code`, or the `{code}-{status}` of a Flow Service `type`.
    pub code: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// The explanation: `errorMessage`, `report.detailed-message`, `message` or `detail`.
    pub message: Option<String>,
    /// `report.request-id`, to quote to Adobe support.
    pub request_id: Option<String>,
    /// The body as received.
    pub raw: String,
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl ErrorBody {
    /// Reads a body of any of the three shapes (or none: then only `raw` is set).
    pub fn parse(raw: &str) -> Self {
        let mut body = ErrorBody {
            raw: raw.to_owned(),
            ..ErrorBody::default()
        };
        let Ok(Value::Object(object)) = serde_json::from_str::<Value>(raw) else {
            return body;
        };
        let report = object.get("report");
        let flow_code = text(object.get("type")).and_then(|ty| {
            let last = ty.rsplit('/').next()?;
            last.strip_prefix("FLOW-").map(str::to_owned)
        });
        body.code = text(object.get("error_code")).or(flow_code);
        body.title = text(object.get("title"));
        body.message = text(object.get("errorMessage"))
            .or_else(|| text(report.and_then(|r| r.get("detailed-message"))))
            .or_else(|| text(object.get("message")))
            .or_else(|| text(object.get("detail")));
        body.request_id = text(report.and_then(|r| r.get("request-id")));
        body
    }

    /// One line: `error 1415-400: Bad Request: the auth spec name ... (request id ...)`, or
    /// `None` when the body said nothing readable.
    pub fn summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(code) = &self.code {
            parts.push(format!("error {code}"));
        }
        parts.extend(self.title.clone());
        parts.extend(self.message.clone());
        if parts.is_empty() {
            return None;
        }
        let mut line = parts.join(": ");
        if let Some(id) = &self.request_id {
            line.push_str(&format!(" (request id {id})"));
        }
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_documented_shape() {
        let flow = ErrorBody::parse(
            r#"{"type": "https://ns.adobe.com/aep/errors/FLOW-1404-412", "title": "Precondition Failed",
                "status": 412, "report": {"detailed-message": "stale etag", "request-id": "req-1"},
                "errorMessage": "The etag does not match"}"#,
        );
        assert_eq!(
            flow.summary().as_deref(),
            Some("error 1404-412: Precondition Failed: The etag does not match (request id req-1)")
        );
        let gateway = ErrorBody::parse(r#"{"error_code": "401013", "message": "Oauth token is not valid"}"#);
        assert_eq!(
            gateway.summary().as_deref(),
            Some("error 401013: Oauth token is not valid")
        );
        let bad = ErrorBody::parse(
            r#"{"type": "about:blank", "status": 400, "title": "BadRequestError", "detail": "A valid content-type must be specified"}"#,
        );
        assert_eq!(
            bad.summary().as_deref(),
            Some("BadRequestError: A valid content-type must be specified")
        );
    }

    #[test]
    fn keeps_unreadable_bodies_raw() {
        let html = ErrorBody::parse("<html>Bad Gateway</html>");
        assert_eq!(html.summary(), None);
        assert_eq!(html.raw, "<html>Bad Gateway</html>");
        assert_eq!(ErrorBody::parse(r#"{"status": "x"}"#).summary(), None);
    }
}
