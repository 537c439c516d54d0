//! Answers and inputs that must not hurt the client: a redirect (it would re-send credentials to
//! wherever it points), pages that lead in a circle, numbers that would overflow the clock, and an
//! etag that cannot be a header.

use flow_connectors::client::Error;
use flow_connectors::{Connection, Patch, RawConnection};
use futures_util::StreamExt;
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::operations::dynamics;
use crate::support::*;

#[tokio::test]
async fn a_redirect_is_not_followed_so_the_body_goes_nowhere_else() {
    let server = server().await;
    let elsewhere = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(flow("/connections")))
        .respond_with(ResponseTemplate::new(307).insert_header("location", format!("{}/steal", elsewhere.uri())))
        .mount(&server)
        .await;
    // The client's own reqwest client, as a user gets it (the other tests bring their own).
    let client = flow_connectors::client::FlowClient::builder()
        .credentials(flow_connectors::client::ImsCredentials::new(CLIENT_ID, CLIENT_SECRET))
        .org_id(ORG_ID)
        .sandbox_name(SANDBOX)
        .base_url(format!("{}{BASE_PATH}", server.uri()))
        .ims_url(server.uri())
        .build()
        .unwrap();
    let error = client.create(&dynamics()).await.expect_err("a 307 is no success");
    assert_eq!(error.status(), Some(307), "{error}");
    let stolen = elsewhere.received_requests().await.unwrap();
    assert!(stolen.is_empty(), "the body was sent on to the redirect's target");
    assert_clean_error(&error);
}

#[tokio::test]
async fn pages_that_lead_in_a_circle_end_with_an_error() {
    let server = server().await;
    let page = |next: &str| {
        ResponseTemplate::new(200).set_body_json(json!({
            "items": [], "_links": {"next": {"href": format!("/connections?continuationToken={next}")}}
        }))
    };
    Mock::given(method("GET"))
        .and(path(flow("/connections")))
        .and(query_param("continuationToken", "b"))
        .respond_with(page("a"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connections")))
        .and(query_param("continuationToken", "a"))
        .respond_with(page("b"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connections")))
        .respond_with(page("a"))
        .mount(&server)
        .await;
    let client = client(&server);
    let mut listing = client.list::<RawConnection>(&Default::default());
    let mut results: Vec<Result<Connection<RawConnection>, Error>> = Vec::new();
    while let Some(result) = listing.next().await {
        results.push(result);
        assert!(results.len() < 10, "the listing does not end");
    }
    let [Err(error)] = results.as_slice() else {
        panic!("one error, got {} results", results.len())
    };
    assert!(error.to_string().contains("already read"), "{error}");
    assert!(hits(&server, &flow("/connections")).await <= 4);
}

#[tokio::test(start_paused = true)]
async fn a_token_lifetime_or_retry_after_beyond_the_clock_does_not_panic() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/ims/token/v3"))
        .respond_with(token_answer(TOKEN, u64::MAX))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connections/c1/test")))
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", u64::MAX.to_string().as_str()))
        .mount(&server)
        .await;
    let client = client(&server);
    let error = client
        .test("c1")
        .await
        .expect_err("503 with a retry-after beyond any budget");
    assert_eq!(error.status(), Some(503), "{error}");
    assert_eq!(hits(&server, &flow("/connections/c1/test")).await, 1);
    assert_clean_error(&error);
}

#[tokio::test]
async fn an_etag_that_cannot_be_a_header_is_refused_before_anything_is_sent() {
    let server = server().await;
    let error = client(&server)
        .update("c1", "\"etag\nX-Injected: 1\"", Patch::new().replace_name("x"))
        .await
        .expect_err("an etag with a line break");
    assert!(matches!(error, Error::Request { .. }), "{error:?}");
    assert!(error.to_string().contains("If-Match"), "{error}");
    assert_eq!(hits(&server, &flow("/connections/c1")).await, 0);
}

#[tokio::test(start_paused = true)]
async fn a_delete_whose_first_answer_was_lost_and_then_is_gone_succeeded() {
    let server = server().await;
    Mock::given(method("DELETE"))
        .and(path(flow("/connections/c1")))
        .respond_with(ResponseTemplate::new(504))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(flow("/connections/c1")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let client = client(&server);
    client.delete("c1").await.expect("the first attempt deleted it");
    assert_eq!(hits(&server, &flow("/connections/c1")).await, 2);
    // Gone from the first attempt on: not found.
    let error = client.delete("c1").await.expect_err("never there");
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
}
