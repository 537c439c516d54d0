//! Target connections: create, get, list over two pages, delete, 404, 503 retried, POST not
//! retried.

use flow_connectors::client::{Error, TargetConnectionFilter};
use flow_connectors::{CreateTargetConnection, DATA_LAKE_SPEC_ID, SchemaRef, TargetConnectionId, TargetFormat};
use futures_util::TryStreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, ResponseTemplate};

use crate::support::*;

const ETAG: &str = "\"2b00ff82-0000-0200-0000-6155e4040000\"";
const SCHEMA: &str = "https://ns.adobe.com/{TENANT_ID}/schemas/570630b91eb9d5cf5db0436756abb110d02912917a67da2d";

/// `marketing-automation--mailchimp-members/workflow.json`, targetConnections[0].
fn documented() -> Value {
    json!({"name": "MailChimp target connection", "description": "MailChimp Members target connection",
        "data": {"format": "parquet_xdm", "schema": {"id": SCHEMA,
            "version": "application/vnd.adobe.xed-full+json;version=1"}},
        "params": {"dataSetId": "6155e3a9bd13651949515f14"},
        "connectionSpec": {"id": DATA_LAKE_SPEC_ID, "version": "1.0"}})
}

fn target() -> CreateTargetConnection {
    CreateTargetConnection::new(
        "MailChimp target connection",
        "6155e3a9bd13651949515f14",
        SchemaRef::new(SCHEMA),
    )
    .description("MailChimp Members target connection")
    .format(TargetFormat::ParquetXdm)
}

#[tokio::test]
async fn create_get_and_delete_a_target_connection() {
    let server = server().await;
    authed("POST", "/targetConnections")
        .and(header("content-type", "application/json"))
        .and(body_json(documented()))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": "t1", "etag": ETAG})))
        .expect(1)
        .mount(&server)
        .await;
    authed("GET", "/targetConnections/t1")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [returned("t1", ETAG, documented())]})))
        .expect(1)
        .mount(&server)
        .await;
    authed("DELETE", "/targetConnections/t1")
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let created = client.create_target_connection(&target()).await.unwrap();
    let id: TargetConnectionId = created.id;
    assert_eq!((id.as_str(), created.etag.as_str()), ("t1", ETAG));
    let fetched = client.get_target_connection(&id).await.unwrap();
    assert_eq!(fetched.body, target());
    assert_eq!(fetched.target_connection_id(), id);
    assert_eq!(fetched.updated_at, Some(1_597_973_315_000));
    client.delete_target_connection(&id).await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list_reads_two_pages_of_data_lake_target_connections() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/targetConnections")))
        .and(query_param("continuationToken", "p2"))
        .respond_with(page(vec![returned("t3", ETAG, documented())], None))
        .expect(1)
        .mount(&server)
        .await;
    let property = format!("connectionSpec.id=={DATA_LAKE_SPEC_ID}");
    Mock::given(method("GET"))
        .and(path(flow("/targetConnections")))
        .and(query_param("property", property.as_str()))
        .and(query_param_is_missing("continuationToken"))
        .respond_with(page(
            vec![returned("t1", ETAG, documented()), returned("t2", ETAG, documented())],
            Some("/targetConnections?continuationToken=p2"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let filter = TargetConnectionFilter::new().connection_spec_id(DATA_LAKE_SPEC_ID);
    let listed: Vec<_> = client(&server)
        .list_target_connections(&filter)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = listed.iter().map(|fetched| fetched.id.as_str()).collect();
    assert_eq!(ids, ["t1", "t2", "t3"]);
    server.verify().await;
}

#[tokio::test]
async fn a_404_is_not_found_a_503_is_retried_and_a_post_is_not() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/targetConnections/t1")))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/targetConnections/t1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [returned("t1", ETAG, documented())]})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(flow("/targetConnections/t9")))
        .respond_with(ResponseTemplate::new(404))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(flow("/targetConnections")))
        .respond_with(ResponseTemplate::new(502))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    assert_eq!(client.get_target_connection("t1").await.unwrap().id, "t1");
    let error = client.delete_target_connection("t9").await.unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
    let error = client.create_target_connection(&target()).await.unwrap_err();
    assert!(matches!(error, Error::Server { .. }), "{error:?}");
    server.verify().await;
    assert_clean_error(&error);
}
