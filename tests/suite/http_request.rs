//! The HTTP request for `POST /connections`, and reading the answer.

use flow_connectors::dynamics_online::ServicePrincipalKeyBasedAuthentication;
use flow_connectors::{ApiError, CreateConnection, CreatedConnection, DEFAULT_BASE_URL, RequestContext, RequestError};

use crate::common::json_fixture;

fn connection() -> CreateConnection<ServicePrincipalKeyBasedAuthentication> {
    let auth = ServicePrincipalKeyBasedAuthentication::builder()
        .service_uri("{SERVICE_URI}")
        .service_principal_id("{SERVICE_PRINCIPAL_ID}")
        .service_principal_key("{SERVICE_PRINCIPAL_KEY}")
        .build()
        .expect("complete");
    CreateConnection::new("Dynamics connection", auth).description("Dynamics connection using key-based authentication")
}

fn context() -> flow_connectors::RequestContextBuilder {
    RequestContext::builder()
        .access_token("token-value")
        .api_key("my-api-key")
        .org_id("ABC@AdobeOrg")
        .sandbox_name("prod")
}

/// The HTTP request of [`connection`] in the context `context` builds (which must be complete).
fn request_with(context: flow_connectors::RequestContextBuilder) -> Result<http::Request<Vec<u8>>, RequestError> {
    connection().to_http_request(&context.build().expect("complete"))
}

#[test]
fn request_has_method_uri_headers_and_the_documented_body() {
    let request = request_with(context()).expect("valid");
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri().to_string(), format!("{DEFAULT_BASE_URL}/connections"));
    let headers = request.headers();
    assert_eq!(headers["authorization"], "Bearer token-value");
    assert_eq!(headers["x-api-key"], "my-api-key");
    assert_eq!(headers["x-gw-ims-org-id"], "ABC@AdobeOrg");
    assert_eq!(headers["x-sandbox-name"], "prod");
    assert_eq!(headers["content-type"], "application/json");
    assert!(headers.get("x-sandbox-id").is_none());
    let body: serde_json::Value = serde_json::from_slice(request.body()).expect("JSON body");
    assert_eq!(body, json_fixture("seeds/dynamics-service-principal.json"));
}

#[test]
fn base_url_is_overridable() {
    let request = request_with(context().base_url("http://127.0.0.1:8080/flowservice/")).expect("valid");
    assert_eq!(
        request.uri().to_string(),
        "http://127.0.0.1:8080/flowservice/connections"
    );
}

#[test]
fn missing_context_fields_and_bad_header_values_are_errors() {
    let missing = RequestContext::builder()
        .api_key("k")
        .org_id("o")
        .sandbox_name("s")
        .build();
    assert_eq!(
        missing.expect_err("no token").to_string(),
        "the request context needs `access_token`; set it on the builder"
    );
    let error = request_with(context().sandbox_name("prod\r\nx-injected: 1")).expect_err("newline in header");
    assert!(
        matches!(error, RequestError::InvalidHeader("x-sandbox-name")),
        "{error}"
    );
}

#[test]
fn created_response_keeps_the_etag_verbatim() {
    let body = serde_json::to_vec(&json_fixture("seeds/dynamics-response.json")).expect("bytes");
    let response = http::Response::builder().status(201).body(body).expect("response");
    let created = CreatedConnection::from_response(&response).expect("201");
    assert_eq!(created.id, "4cb0c374-d3bb-4557-b139-5712880adc55");
    assert_eq!(created.etag, "\"9e0052a2-0000-0200-0000-5e35tb330000\"");
}

fn api_error(status: u16, body: &str) -> ApiError {
    let response = http::Response::builder()
        .status(status)
        .body(body.as_bytes().to_vec())
        .expect("response");
    CreatedConnection::from_response(&response).expect_err("not a 201")
}

#[test]
fn error_bodies_of_all_three_shapes_are_read() {
    // Flow Service: the code is the last segment of `type`; `report.detailed-message` is the most
    // specific message, before `errorMessage` (flow-codegen's `pull` shows the same reading, see
    // codegen/tests/pull.rs).
    let flow = api_error(
        400,
        r#"{"type": "https://ns.adobe.com/aep/errors/FLOW-1415-400", "title": "Bad Request", "status": 400,
            "report": {"detailed-message": "Auth spec name is invalid", "request-id": "req-1"},
            "errorMessage": "Invalid request"}"#,
    );
    assert_eq!(flow.code.as_deref(), Some("FLOW-1415-400"));
    assert_eq!(flow.title.as_deref(), Some("Bad Request"));
    assert_eq!(flow.message.as_deref(), Some("Auth spec name is invalid"));
    assert_eq!(flow.request_id.as_deref(), Some("req-1"));
    assert_eq!(
        flow.to_string(),
        "Flow Service answered 400 (FLOW-1415-400): Auth spec name is invalid"
    );
    // The etag error: `errorMessage` alone.
    let etag = api_error(412, r#"{"errorMessage": "Supplied version=[\"a\"] does not match"}"#);
    assert_eq!(etag.message.as_deref(), Some("Supplied version=[\"a\"] does not match"));

    // The gateway; a numeric code is read too.
    let gateway = api_error(
        401,
        r#"{"error_code": "401013", "message": "Oauth token is not valid"}"#,
    );
    assert_eq!(gateway.code.as_deref(), Some("401013"));
    assert_eq!(gateway.message.as_deref(), Some("Oauth token is not valid"));
    assert_eq!(
        api_error(403, r#"{"error_code": 403010}"#).code.as_deref(),
        Some("403010")
    );

    // A bad request: its `type` is no Flow Service error code.
    let bad = api_error(
        400,
        r#"{"type": "/placeholder/type/uri", "status": 400, "title": "BadRequestError", "detail": "A valid content-type must be specified"}"#,
    );
    assert_eq!(bad.code, None);
    assert_eq!(bad.title.as_deref(), Some("BadRequestError"));
    assert_eq!(bad.message.as_deref(), Some("A valid content-type must be specified"));
    // A title alone is what `Display` shows.
    assert_eq!(
        api_error(404, r#"{"title": "Not Found", "detail": true, "report": "x"}"#).to_string(),
        "Flow Service answered 404: Not Found"
    );

    let garbage = api_error(502, "<html>Bad Gateway</html>");
    assert_eq!((garbage.status, garbage.code, garbage.message), (502, None, None));
    assert_eq!(garbage.raw_body, "<html>Bad Gateway</html>");

    let wrong_body = api_error(201, "{}");
    assert_eq!(wrong_body.status, 201);
}

#[test]
fn a_token_given_with_its_bearer_prefix_is_sent_once_and_redacted_from_text() {
    let prefixed = context()
        .access_token(" Bearer eyJ-token-value \n")
        .build()
        .expect("complete");
    let headers = prefixed.headers().expect("valid headers");
    assert_eq!(headers["authorization"], "Bearer eyJ-token-value");
    assert!(headers["authorization"].is_sensitive());
    assert_eq!(
        prefixed.redact("proxy says: token eyJ-token-value is invalid"),
        "proxy says: token [REDACTED] is invalid"
    );
    assert!(!format!("{prefixed:?}").contains("eyJ-token-value"));
    // Too short to be an IMS token: replacing it would garble the text.
    let short = context().access_token("abc").build().expect("complete");
    assert_eq!(short.redact("abc def"), "abc def");
}
