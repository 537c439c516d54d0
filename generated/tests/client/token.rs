//! Access tokens: fetched once and cached, renewed when they expire (the clock is driven, not
//! waited for), one renewal for concurrent callers, a 401 renews once.

use std::time::Duration;

use flow_connectors::client::{Error, FlowClient};
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

async fn mount_test_ok(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path(flow("/connections/c1/test")))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"result": true})))
        .mount(server)
        .await;
}

#[tokio::test]
async fn the_token_is_fetched_once_with_the_documented_form_and_cached() {
    let server = MockServer::start().await;
    trace_log();
    Mock::given(method("POST"))
        .and(path("/ims/token/v3"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string(format!(
            "client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}&grant_type=client_credentials&scope=openid%2CAdobeID"
        )))
        .respond_with(token_answer(TOKEN, 86_399))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connections/c1/test")))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"result": true})))
        .expect(3)
        .mount(&server)
        .await;
    let client = client(&server);
    for _ in 0..3 {
        assert!(client.test("c1").await.unwrap());
    }
    server.verify().await;
    assert_no_secret("the trace", &trace_log());
    assert_no_secret("the client's Debug", &format!("{client:?} {:?}", builder(&server)));
}

#[tokio::test(start_paused = true)]
async fn the_token_is_renewed_before_it_expires() {
    let server = MockServer::start().await;
    ims_answers_token_then_token_2(&server).await;
    mount_test_ok(&server).await;
    let client = client(&server);

    client.test("c1").await.unwrap();
    tokio::time::advance(Duration::from_secs(80_000)).await;
    client.test("c1").await.unwrap();
    assert_eq!(
        hits(&server, "/ims/token/v3").await,
        1,
        "still valid after 80,000 s of 86,399"
    );

    // Renewed 5 minutes before `expires_in` runs out.
    tokio::time::advance(Duration::from_secs(6_200)).await;
    client.test("c1").await.unwrap();
    assert_eq!(hits(&server, "/ims/token/v3").await, 2);
    let requests = server.received_requests().await.unwrap();
    let last = requests.last().unwrap();
    assert_eq!(last.headers["authorization"], format!("Bearer {TOKEN_2}").as_str());
    assert_no_secret("the trace", &trace_log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_concurrent_callers_share_one_token_request() {
    let server = MockServer::start().await;
    trace_log();
    Mock::given(method("POST"))
        .and(path("/ims/token/v3"))
        // Slow enough that every caller asks while the first request is still out.
        .respond_with(token_answer(TOKEN, 86_399).set_delay(Duration::from_millis(100)))
        .mount(&server)
        .await;
    mount_test_ok(&server).await;
    let client = client(&server);
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.test("c1").await })
        })
        .collect();
    for call in calls {
        assert!(call.await.unwrap().unwrap());
    }
    assert_eq!(hits(&server, "/ims/token/v3").await, 1);
    assert_eq!(hits(&server, &flow("/connections/c1/test")).await, 100);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_callers_behind_a_refused_renewal_share_its_error() {
    let server = MockServer::start().await;
    trace_log();
    Mock::given(method("POST"))
        .and(path("/ims/token/v3"))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_json(
                    serde_json::json!({"error": "invalid_client", "error_description": "invalid client_id parameter"}),
                )
                .set_delay(Duration::from_millis(100)),
        )
        .mount(&server)
        .await;
    mount_test_ok(&server).await;
    let client = client(&server);
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.test("c1").await })
        })
        .collect();
    for call in calls {
        let error = call.await.unwrap().expect_err("IMS refused");
        assert!(matches!(error, Error::Token { status: Some(400), .. }), "{error:?}");
        assert_clean_error(&error);
    }
    assert_eq!(hits(&server, "/ims/token/v3").await, 1);
    assert_eq!(hits(&server, &flow("/connections/c1/test")).await, 0);
}

#[tokio::test]
async fn a_401_renews_the_token_once_and_retries_once() {
    let server = MockServer::start().await;
    trace_log();
    ims_answers_token_then_token_2(&server).await;
    let refused = serde_json::json!({"error_code": "401013", "message": "Oauth token is not valid"});
    Mock::given(method("GET"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(401).set_body_json(&refused))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connections/c1/test")))
        .and(header("authorization", format!("Bearer {TOKEN_2}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"result": false})))
        .mount(&server)
        .await;
    let client = client(&server);
    assert!(!client.test("c1").await.unwrap());
    assert_eq!(hits(&server, "/ims/token/v3").await, 2);
    assert_eq!(hits(&server, &flow("/connections/c1/test")).await, 2);

    // Refused again: renewed once only, then the 401 is the answer.
    server.reset().await;
    Mock::given(method("POST"))
        .and(path("/ims/token/v3"))
        .respond_with(token_answer(TOKEN, 86_399))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(&refused))
        .mount(&server)
        .await;
    let error = client.test("c1").await.unwrap_err();
    assert!(matches!(&error, Error::Unauthorized { .. }), "{error:?}");
    assert_eq!(error.api_error().unwrap().code.as_deref(), Some("401013"));
    assert_eq!(hits(&server, &flow("/connections/c1/test")).await, 2);
    assert_eq!(hits(&server, "/ims/token/v3").await, 1);
    assert_clean_error(&error);
}

#[tokio::test]
async fn a_static_token_is_sent_as_is_and_a_401_is_final() {
    let server = MockServer::start().await;
    trace_log();
    Mock::given(method("GET"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(401).set_body_json(serde_json::json!({"error_code": "401013"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = FlowClient::builder()
        .static_token(format!("Bearer {TOKEN}"))
        .api_key(CLIENT_ID)
        .org_id(ORG_ID)
        .sandbox_name(SANDBOX)
        .base_url(server.uri())
        .build()
        .unwrap();
    let error = client.test("c1").await.unwrap_err();
    assert!(matches!(error, Error::Unauthorized { .. }), "{error:?}");
    assert_clean_error(&error);
}

#[tokio::test]
async fn an_ims_refusal_is_a_token_error_with_its_explanation() {
    let server = MockServer::start().await;
    trace_log();
    Mock::given(method("POST"))
        .and(path("/ims/token/v3"))
        .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "error": "invalid_client", "error_description": "invalid client_secret parameter"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server).test("c1").await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "Adobe IMS gave no access token (400 invalid_client): invalid client_secret parameter"
    );
    assert_eq!(error.status(), Some(400));
    assert_clean_error(&error);
}

/// IMS answers `TOKEN` once, then `TOKEN_2`.
async fn ims_answers_token_then_token_2(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/ims/token/v3"))
        .respond_with(token_answer(TOKEN, 86_399))
        .up_to_n_times(1)
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/ims/token/v3"))
        .respond_with(token_answer(TOKEN_2, 86_399))
        .mount(server)
        .await;
}
