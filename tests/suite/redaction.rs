//! Secrets never show in `Debug` or `Display`: params, builders at every stage, requests, the
//! request context, the HTTP request, and errors.

use flow_connectors::azure_data_explorer::ServicePrincipalBasedAuthentication;
use flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnline;
use flow_connectors::{AnyConnection, CreateConnection, ExposeSecret, RequestContext};
use serde_json::json;

const PASSWORD: &str = "pa55-w0rd-never-printed";
const KEY: &str = "sp-key-never-printed";
const TOKEN: &str = "ims-token-never-printed";

fn assert_hidden(text: &str) {
    for secret in [PASSWORD, KEY, TOKEN] {
        assert!(!text.contains(secret), "secret leaked into: {text}");
    }
}

fn context() -> RequestContext {
    RequestContext::builder()
        .access_token(TOKEN)
        .api_key("api-key")
        .org_id("ORG@AdobeOrg")
        .sandbox_name("prod")
        .build()
        .expect("complete context")
}

#[test]
fn params_builders_and_requests_redact_secrets() {
    let builder = BasicAuthenticationForDynamicsOnline::builder().password(PASSWORD);
    assert_hidden(&format!("{builder:?}"));
    let builder = builder.service_uri("https://x.example").username("user");
    assert_hidden(&format!("{builder:?} {builder:#?}"));
    let params = builder.build().expect("complete");
    assert_hidden(&format!("{params:?} {params:#?}"));
    assert_eq!(params.password.expose_secret(), PASSWORD);
    let request = CreateConnection::new("c", params);
    assert_hidden(&format!("{request:?}"));
    let any = AnyConnection::from(request.clone());
    assert_hidden(&format!("{any:?}"));

    let adx = ServicePrincipalBasedAuthentication::builder()
        .endpoint("e")
        .database("d")
        .tenant("t")
        .service_principal_id("id")
        .service_principal_key(KEY);
    assert_hidden(&format!("{adx:?}"));
    assert_hidden(&format!("{:?}", adx.build().expect("complete")));

    // The body itself must carry the secret: it is what the service needs.
    let body = String::from_utf8(request.to_json_bytes().expect("serializes")).expect("utf-8");
    assert!(body.contains(PASSWORD));
}

#[test]
fn context_and_http_request_redact_the_token() {
    let context = context();
    assert_hidden(&format!("{context:?} {context:#?}"));
    let builder = RequestContext::builder().access_token(TOKEN);
    assert_hidden(&format!("{builder:?}"));

    let params = BasicAuthenticationForDynamicsOnline::builder()
        .service_uri("https://x.example")
        .username("user")
        .password(PASSWORD)
        .build()
        .expect("complete");
    let request = CreateConnection::new("c", params)
        .to_http_request(&context)
        .expect("valid request");
    let shown = format!("{:?}", request.headers());
    assert_hidden(&shown);
    assert!(request.headers()["authorization"].is_sensitive());
}

#[test]
fn decode_errors_never_carry_values() {
    let body = json!({
        "name": "c",
        "auth": {"specName": "Basic Authentication for Dynamics-Online", "params": {
            "serviceUri": "u", "username": "n", "password": 42, "secretish": PASSWORD
        }},
        "connectionSpec": {"id": "38ad80fe-8b06-4938-94f4-d4ee80266b07", "version": "1.0"}
    });
    let error = serde_json::from_value::<AnyConnection>(body).expect_err("mistyped");
    assert_hidden(&format!("{error} {error:?}"));
    let raw: flow_connectors::RawConnection = serde_json::from_value(json!({
        "name": "c",
        "auth": {"specName": "x", "params": {"password": PASSWORD}},
        "connectionSpec": {"id": "y", "version": "1.0"}
    }))
    .expect("envelope");
    assert_hidden(&format!("{raw:?}"));
}
