//! Explore calls: a table's columns, a REST preview whose `sourceParams` (base64 of params with a
//! secret) never reaches the trace or an error, retries of the GET, and ids kept in one segment.

use flow_connectors::client::{Error, RetryPolicy};
use flow_connectors::{BaseConnectionId, Explore, ExploreItem, ExploreRequest, RestPreview};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

use crate::kinds::{DbParams, MailchimpParams, mailchimp};
use crate::support::*;

const BASE: &str = "6990abad-977d-41b9-a85d-17ea8cf1c0e4";

fn rest_request() -> ExploreRequest<RestPreview> {
    Explore::<MailchimpParams>::rest(
        &BaseConnectionId::new(BASE),
        "members",
        &mailchimp("10c097ca71", PASSWORD),
    )
    .unwrap()
}

/// Fails if `text` shows the REST request's `sourceParams`, raw or as sent.
#[track_caller]
fn assert_no_source_params(what: &str, text: &str) {
    let request = rest_request();
    let raw = request.query_value("sourceParams").unwrap().to_owned();
    let sent = request
        .path_and_query()
        .split('&')
        .find_map(|pair| pair.strip_prefix("sourceParams="))
        .unwrap()
        .to_owned();
    for value in [raw, sent] {
        assert!(!text.contains(&value), "{what} shows sourceParams {value}:\n{text}");
    }
}

#[tokio::test]
async fn a_table_is_explored_from_the_root_to_its_columns() {
    let server = server().await;
    let explore = flow(&format!("/connections/{BASE}/explore"));
    Mock::given(method("GET"))
        .and(path(explore.as_str()))
        .and(query_param("objectType", "root"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"type": "table", "name": "test1.Mytable", "path": "test1.Mytable", "canPreview": true, "canFetchSchema": true}
        ])))
        .expect(1)
        .mount(&server)
        .await;
    authed("GET", &format!("/connections/{BASE}/explore"))
        .and(query_param("objectType", "table"))
        .and(query_param("object", "test1.Mytable"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"format": "flat", "schema": {"columns": [
            {"name": "TestID", "type": "string", "xdm": {"type": "string"}}]}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let base = BaseConnectionId::new(BASE);
    let tables: Vec<ExploreItem> = client.explore(&Explore::<DbParams>::root(&base)).await.unwrap();
    assert_eq!(tables[0].path, "test1.Mytable");
    let schema = client
        .explore(&Explore::<DbParams>::table(&base, &tables[0].path))
        .await
        .unwrap();
    let columns = schema.into_columns();
    assert_eq!(columns.len(), 1);
    server.verify().await;

    // An answer of another shape names where it is wrong.
    let other = BaseConnectionId::new("b2");
    Mock::given(method("GET"))
        .and(path(flow("/connections/b2/explore")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": "none"})))
        .mount(&server)
        .await;
    let error = client.explore(&Explore::<DbParams>::root(&other)).await.unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("GET /connections/{id}/explore: the explore answer for the connection b2 could not be read: "),
        "{error}"
    );
}

#[tokio::test]
async fn a_rest_preview_is_retried_after_a_503_and_its_source_params_never_show() {
    let server = server().await;
    let request = rest_request();
    let source_params = request.query_value("sourceParams").unwrap().to_owned();
    let explore = flow(&format!("/connections/{BASE}/explore"));
    Mock::given(method("GET"))
        .and(path(explore.as_str()))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    authed("GET", &format!("/connections/{BASE}/explore"))
        .and(query_param("objectType", "rest"))
        .and(query_param("object", "members"))
        .and(query_param("sourceParams", source_params.as_str()))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"format": "hierarchical",
            "schema": {"type": "object"}, "data": [{"id": "m1"}, {"id": "m2"}]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let preview = client(&server).explore(&request).await.unwrap();
    assert_eq!(preview.data.len(), 2);
    server.verify().await;
    let log = trace_log();
    assert!(log.contains(r#"path="/connections/{id}/explore""#), "{log}");
    assert_no_source_params("the captured trace", &log);
    assert_no_source_params("the request's Debug", &format!("{request:?}"));
}

#[tokio::test]
async fn an_error_answer_quoting_the_url_has_the_source_params_cut_out() {
    let server = server().await;
    let request = rest_request();
    let echoed = format!("No handler for GET {}", request.path_and_query());
    Mock::given(method("GET"))
        .and(path(flow(&format!("/connections/{BASE}/explore"))))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "type": "https://ns.adobe.com/aep/errors/FLOW-1400-400", "title": "Bad Request", "status": 400,
            "report": {"detailed-message": echoed}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server).explore(&request).await.unwrap_err();
    assert!(matches!(error, Error::Api { .. }), "{error:?}");
    assert!(error.to_string().contains("[REDACTED]"), "{error}");
    assert_no_source_params("an error's Display", &error.to_string());
    assert_no_source_params("an error's Debug", &format!("{error:?}"));
    server.verify().await;
    assert_no_source_params("the captured trace", &trace_log());
}

#[tokio::test]
async fn no_answer_gives_an_error_without_the_url() {
    let server = server().await;
    // Nothing listens on port 1: every attempt fails to connect.
    let client = builder(&server)
        .base_url("http://127.0.0.1:1/data/foundation/flowservice")
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let error = client.explore(&rest_request()).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_no_source_params("an error's Display", &error.to_string());
    assert_no_source_params("an error's Debug", &format!("{error:?}"));
    assert_no_source_params("the captured trace", &trace_log());
}

#[tokio::test]
async fn a_base_connection_id_cannot_leave_its_path_segment() {
    let server = server().await;
    let client = client(&server);
    for id in ["..", "."] {
        let request = Explore::<DbParams>::root(&BaseConnectionId::new(id));
        let error = client.explore(&request).await.unwrap_err();
        assert!(matches!(error, Error::Request { .. }), "{error:?}");
    }
    Mock::given(method("GET"))
        .and(path(flow("/connections/a%2Fb/explore")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .expect(1)
        .mount(&server)
        .await;
    let request = Explore::<DbParams>::root(&BaseConnectionId::new("a/b"));
    assert!(client.explore(&request).await.unwrap().is_empty());
    server.verify().await;
    assert_eq!(hits(&server, &flow("/connections/a%2Fb/explore")).await, 1);
}
