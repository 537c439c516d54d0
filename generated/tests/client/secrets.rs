//! No secret in `Debug` of anything that holds one, in any error, or in the tracing output of the
//! whole suite (every other test checks the trace too, so whichever test ends last checks it all).

use flow_connectors::Connection;
use flow_connectors::client::{FlowClient, ImsCredentials, StaticToken};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::operations::dynamics;
use crate::support::*;

#[tokio::test]
async fn nothing_that_holds_a_secret_shows_it() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path(flow("/connections")))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": "c9", "etag": "\"e\""})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connections/c9")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [{
            "id": "c9", "etag": "\"e\"", "name": "n",
            "connectionSpec": {"id": "38ad80fe-8b06-4938-94f4-d4ee80266b07", "version": "1.0"},
            "auth": {"specName": "Basic Authentication for Dynamics-Online", "params": {
                "serviceUri": "https://x", "username": "u", "password": ECHOED_SECRET
            }}
        }]})))
        .mount(&server)
        .await;
    let client = client(&server);
    let request = dynamics();
    client.create(&request).await.unwrap();
    let fetched: Connection<flow_connectors::AnyConnection> = client.get("c9").await.unwrap();

    let shown = [
        format!("{client:?}"),
        format!("{:?}", builder(&server)),
        format!("{:?}", ImsCredentials::new(CLIENT_ID, CLIENT_SECRET)),
        format!("{:?}", StaticToken::new(TOKEN)),
        format!(
            "{:?}",
            FlowClient::builder()
                .static_token(TOKEN)
                .api_key(CLIENT_ID)
                .org_id(ORG_ID)
                .sandbox_name(SANDBOX)
        ),
        format!("{request:?}"),
        format!("{fetched:?}"),
        trace_log(),
    ];
    for text in &shown {
        assert_no_secret("Debug or the trace", text);
    }
    // The trace did record the calls, with what support needs.
    let log = trace_log();
    assert!(log.contains(r#"method="POST" path="/connections""#), "{log}");
    assert!(log.contains("status=201"), "{log}");
}
