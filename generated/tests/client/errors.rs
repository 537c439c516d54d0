//! Each documented error body shape, and each status, maps to its variant with what the body says.

use flow_connectors::client::Error;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::support::*;

/// The error `GET /connections/c1/test` gives when answered `status` with `body`.
async fn answer(status: u16, body: Value) -> Error {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/connections/c1/test")))
        .respond_with(
            ResponseTemplate::new(status)
                .set_body_json(body)
                .insert_header("x-request-id", "req-header"),
        )
        .mount(&server)
        .await;
    let error = client(&server).test("c1").await.unwrap_err();
    assert_clean_error(&error);
    error
}

#[tokio::test]
async fn a_flow_service_problem_body_gives_code_title_message_and_request_id() {
    let error = answer(
        404,
        json!({
            "type": "https://ns.adobe.com/aep/errors/FLOW-1439-404",
            "title": "Resource not found",
            "status": 404,
            "report": {"detailed-message": "Connection c1 not found", "request-id": "req-404", "type": "connections"},
            "errorMessage": "Connection not found",
            "errorDetails": "none"
        }),
    )
    .await;
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
    let body = error.api_error().unwrap();
    assert_eq!(body.code.as_deref(), Some("FLOW-1439-404"));
    assert_eq!(body.title.as_deref(), Some("Resource not found"));
    assert_eq!(body.message.as_deref(), Some("Connection c1 not found"));
    assert_eq!(body.request_id.as_deref(), Some("req-404"));
    assert!(body.raw_body.contains("errorDetails"));
    assert_eq!(
        error.to_string(),
        "GET /connections/{id}/test: not found in this sandbox: Flow Service answered 404 (FLOW-1439-404): Connection c1 not found"
    );
}

#[tokio::test]
async fn a_gateway_body_gives_its_error_code() {
    let error = answer(
        403,
        json!({"error_code": "403010", "message": "Oauth token is missing."}),
    )
    .await;
    assert!(matches!(error, Error::Forbidden { .. }), "{error:?}");
    assert_eq!(error.api_error().unwrap().code.as_deref(), Some("403010"));
    // The body has no request id: the `x-request-id` header gives it.
    assert_eq!(error.api_error().unwrap().request_id.as_deref(), Some("req-header"));
    assert_eq!(
        error.to_string(),
        "GET /connections/{id}/test: not allowed: Flow Service answered 403 (403010): Oauth token is missing."
    );
}

#[tokio::test]
async fn a_bad_request_body_is_an_api_error_with_its_detail() {
    let error = answer(
        400,
        json!({"type": "/placeholder/type/uri", "status": 400, "title": "BadRequestError",
               "detail": "A valid content-type must be specified"}),
    )
    .await;
    let Error::Api { error: body, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!((body.status, body.code.as_deref()), (400, None));
    assert_eq!(body.title.as_deref(), Some("BadRequestError"));
    assert_eq!(body.message.as_deref(), Some("A valid content-type must be specified"));
}

#[tokio::test]
async fn statuses_pick_their_variants() {
    let etag =
        json!({"errorMessage": "Supplied version=[\"a1\"] does not match the current version on entity=[\"a2\"]"});
    assert!(matches!(answer(412, etag).await, Error::PreconditionFailed { .. }));
    assert!(matches!(answer(409, json!({})).await, Error::Conflict { .. }));
    assert!(matches!(answer(500, json!({})).await, Error::Server { .. }));
    assert!(matches!(answer(418, json!({})).await, Error::Api { .. }));
}

#[tokio::test]
async fn an_access_token_echoed_in_an_error_body_is_cut_out() {
    let error = answer(400, json!({"message": format!("bad header: Bearer {TOKEN}")})).await;
    let body = error.api_error().unwrap();
    assert_eq!(body.message.as_deref(), Some("bad header: Bearer [REDACTED]"));
}

#[tokio::test]
async fn an_answer_that_is_not_the_documented_json_names_what_is_missing() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/connections/c1/test")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .mount(&server)
        .await;
    let error = client(&server).test("c1").await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "GET /connections/{id}/test: unexpected answer: no boolean `result`"
    );
}
