//! What is retried, how long the client waits (the clock is driven: no test waits for real), and
//! what is never retried.

use std::time::Duration;

use flow_connectors::client::{Error, RetryPolicy};
use serde_json::json;
use tokio::time::Instant;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::operations::dynamics;
use crate::support::*;

const TEST: &str = "/connections/c1/test";

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"result": true}))
}

#[tokio::test(start_paused = true)]
async fn a_429_waits_as_long_as_retry_after_says_then_succeeds() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow(TEST)))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "7")
                .set_body_json(json!({"error_code": "429050", "message": "Too many requests"})),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow(TEST)))
        .respond_with(ok())
        .mount(&server)
        .await;
    let started = Instant::now();
    assert!(client(&server).test("c1").await.unwrap());
    assert!(
        started.elapsed() >= Duration::from_secs(7),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(hits(&server, &flow(TEST)).await, 2);
}

#[tokio::test(start_paused = true)]
async fn two_503_then_200_is_a_success_after_backing_off() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow(TEST)))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow(TEST)))
        .respond_with(ok())
        .mount(&server)
        .await;
    let started = Instant::now();
    assert!(client(&server).test("c1").await.unwrap());
    // 10 ms, then 20 ms (no jitter in these tests).
    assert!(
        started.elapsed() >= Duration::from_millis(30),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(hits(&server, &flow(TEST)).await, 3);
}

#[tokio::test(start_paused = true)]
async fn retries_stop_after_the_attempts_allowed() {
    let server = server().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(502))
        .mount(&server)
        .await;
    let client = builder(&server)
        .retry_policy(RetryPolicy::new().max_attempts(3).without_jitter())
        .build()
        .unwrap();
    let error = client.delete("c1").await.unwrap_err();
    assert!(matches!(error, Error::Server { .. }), "{error:?}");
    assert_eq!(hits(&server, &flow("/connections/c1")).await, 3);
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_beyond_the_time_budget_is_returned_not_waited_for() {
    let server = server().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3600"))
        .mount(&server)
        .await;
    let error = client(&server).test("c1").await.unwrap_err();
    let Error::RateLimited { retry_after, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(*retry_after, Some(Duration::from_secs(3600)));
    assert!(error.to_string().contains("retry after 3600 s"), "{error}");
    assert_eq!(hits(&server, &flow(TEST)).await, 1);
}

#[tokio::test]
async fn a_post_answered_503_is_not_retried() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path(flow("/connections")))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server).create(&dynamics()).await.unwrap_err();
    assert!(matches!(error, Error::Server { .. }), "{error:?}");
    server.verify().await;
    assert_clean_error(&error);
}

#[tokio::test]
async fn a_call_without_an_answer_times_out() {
    let server = server().await;
    Mock::given(method("GET"))
        .respond_with(ok().set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = builder(&server)
        .timeout(Duration::from_millis(200))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let error = client.test("c1").await.unwrap_err();
    assert!(matches!(error, Error::Timeout { attempts: 1, .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        "GET /connections/{id}/test: no answer within the timeout (after 1 attempt(s))"
    );
}

#[tokio::test(start_paused = true)]
async fn a_server_that_is_not_there_is_a_transport_error_after_the_retries() {
    // Bind a port, then free it: nothing listens there.
    let address = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let client = flow_connectors::client::FlowClient::builder()
        .static_token(TOKEN)
        .api_key(CLIENT_ID)
        .org_id(ORG_ID)
        .sandbox_name(SANDBOX)
        .base_url(format!("http://{address}"))
        .no_timeouts()
        .retry_policy(RetryPolicy::new().max_attempts(2).without_jitter())
        .build()
        .unwrap();
    let error = client.test("c1").await.unwrap_err();
    let Error::Transport { attempts, host, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!((*attempts, host.as_str()), (2, "127.0.0.1"));
    assert_clean_error(&error);
}
