//! Source connections: create (exact body, never retried once sent), get and list (typed, with
//! server fields, over two pages), delete, 404, retries of a GET, and no secret param anywhere.

use flow_connectors::client::{Error, Fetched, SourceConnectionFilter};
use flow_connectors::{
    BaseConnectionId, Column, ConnectionState, CreateSourceConnection, ExposeSecret, SourceConnectionId, SourceParams,
};
use futures_util::StreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, ResponseTemplate};

use crate::kinds::{DbParams, MailchimpParams, mailchimp};
use crate::support::*;

const BASE: &str = "6990abad-977d-41b9-a85d-17ea8cf1c0e4";
const ETAG: &str = "\"8e00b2f8-0000-0200-0000-5f3f39ca0000\"";

/// `_generic/database-nosql.json`, sourceConnections[0].
fn documented_table() -> Value {
    json!({"name": "Database source connection", "baseConnectionId": BASE,
        "description": "Database source connection", "data": {"format": "tabular"},
        "params": {"tableName": "test1.Mytable", "columns": [
            {"name": "TestID", "type": "string", "xdm": {"type": "string"}},
            {"name": "Datefield", "type": "string", "meta:xdmType": "date-time",
             "xdm": {"type": "string", "format": "date-time"}}]},
        "connectionSpec": {"id": "3c9b37f8-13a6-43d8-bad3-b863b941fedd", "version": "1.0"}})
}

fn table_source() -> CreateSourceConnection<DbParams> {
    let columns: Vec<Column> = serde_json::from_value::<Vec<Value>>(documented_table()["params"]["columns"].clone())
        .unwrap()
        .into_iter()
        .map(|column| serde_json::from_value(column).unwrap())
        .collect();
    let params = DbParams {
        table_name: "test1.Mytable".into(),
        columns,
    };
    CreateSourceConnection::new("Database source connection", BaseConnectionId::new(BASE), params)
        .description("Database source connection")
}

/// A source connection as the service returns it: server fields, `inheritedAttributes`, nulls.
fn returned_table(id: &str) -> Value {
    let mut item = returned(id, ETAG, documented_table());
    item["data"]["schema"] = Value::Null;
    item["inheritedAttributes"] = json!({"baseConnection": {"id": BASE,
        "connectionSpec": {"id": "3c9b37f8-13a6-43d8-bad3-b863b941fedd", "version": "1.0"}}});
    item
}

#[tokio::test]
async fn create_sends_the_documented_body_and_returns_a_typed_id() {
    let server = server().await;
    authed("POST", "/sourceConnections")
        .and(header("content-type", "application/json"))
        .and(body_json(documented_table()))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": "b7581b59-c603-4df1-a689-d23d7ac440f3", "etag": ETAG
        })))
        .expect(1)
        .mount(&server)
        .await;
    let created = client(&server).create_source_connection(&table_source()).await.unwrap();
    let id: SourceConnectionId<DbParams> = created.id;
    assert_eq!(id.as_str(), "b7581b59-c603-4df1-a689-d23d7ac440f3");
    assert_eq!(created.etag, ETAG);
    server.verify().await;
}

#[tokio::test]
async fn get_reads_server_fields_and_the_typed_body_and_a_404_is_not_found() {
    let server = server().await;
    authed("GET", "/sourceConnections/s1")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [returned_table("s1")]})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/sourceConnections/gone")))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "type": "https://ns.adobe.com/aep/errors/FLOW-1101-404", "title": "Not Found", "status": 404,
            "report": {"detailed-message": "Source connection not found.", "request-id": "req-404"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let fetched: Fetched<CreateSourceConnection<DbParams>> = client.get_source_connection("s1").await.unwrap();
    assert_eq!((fetched.id.as_str(), fetched.etag.as_str()), ("s1", ETAG));
    assert_eq!(fetched.state, Some(ConnectionState::Enabled));
    assert_eq!(fetched.sandbox_name.as_deref(), Some(SANDBOX));
    assert_eq!(fetched.created_at, Some(1_597_973_312_000));
    assert_eq!(fetched.body.params, table_source().params);
    assert_eq!(fetched.body.base_connection_id().unwrap().as_str(), BASE);
    assert_eq!(fetched.source_connection_id().as_str(), "s1");

    let error = client
        .get_source_connection::<CreateSourceConnection<DbParams>>("gone")
        .await
        .unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
    assert_eq!(error.api_error().unwrap().request_id.as_deref(), Some("req-404"));
    assert!(
        error
            .to_string()
            .starts_with("GET /sourceConnections/{id}: not found in this sandbox: "),
        "{error}"
    );
    server.verify().await;
    assert_clean_error(&error);
}

#[tokio::test]
async fn get_as_another_connector_names_the_member_and_never_a_secret() {
    let server = server().await;
    let mut item = returned(
        "s2",
        ETAG,
        json!({"name": "Members", "baseConnectionId": BASE,
        "data": {"format": "json"}, "params": {"listId": "10c097ca71", "token": ECHOED_SECRET},
        "connectionSpec": {"id": MailchimpParams::CONNECTION_SPEC_ID, "version": "1.0"}}),
    );
    item["inheritedAttributes"] = json!({});
    Mock::given(method("GET"))
        .and(path(flow("/sourceConnections/s2")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [item]})))
        .mount(&server)
        .await;
    let client = client(&server);
    let fetched: Fetched<CreateSourceConnection<MailchimpParams>> = client.get_source_connection("s2").await.unwrap();
    assert_eq!(
        fetched.body.params.token.as_ref().unwrap().expose_secret(),
        ECHOED_SECRET
    );
    assert_no_secret("a fetched source connection's Debug", &format!("{fetched:?}"));

    let error = client
        .get_source_connection::<CreateSourceConnection<DbParams>>("s2")
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        "GET /sourceConnections/{id}: the source connection s2 could not be read: source connection body, \
         `connectionSpec.id`: expected the connection spec id of `google-big-query` \
         \"3c9b37f8-13a6-43d8-bad3-b863b941fedd\", got the string \"2e8580db-6489-4726-96de-e33f5f60295f\""
    );
    assert_clean_error(&error);
}

#[tokio::test]
async fn list_follows_two_pages_with_the_filter_and_an_item_that_does_not_fit_is_one_error() {
    let server = server().await;
    let filter = SourceConnectionFilter::new()
        .base_connection_id(&BaseConnectionId::new(BASE))
        .connection_spec_id(DbParams::CONNECTION_SPEC_ID)
        .limit(2);
    let mut foreign = returned_table("s3");
    foreign["connectionSpec"]["id"] = json!("4c10e202-c428-4796-9208-5f1f5732b1cf");
    authed("GET", "/sourceConnections")
        .and(query_param("continuationToken", "p2"))
        .respond_with(page(vec![foreign, returned_table("s4")], None))
        .expect(1)
        .mount(&server)
        .await;
    authed("GET", "/sourceConnections")
        .and(query_param_is_missing("continuationToken"))
        .respond_with(page(
            vec![returned_table("s1"), returned_table("s2")],
            Some("/sourceConnections?continuationToken=p2"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let listed: Vec<_> = client
        .list_source_connections::<CreateSourceConnection<DbParams>>(&filter)
        .collect()
        .await;
    let ids: Vec<_> = listed
        .iter()
        .map(|item| match item {
            Ok(fetched) => fetched.id.clone(),
            Err(Error::Decode { id, .. }) => format!("error {id}"),
            Err(other) => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(ids, ["s1", "s2", "error s3", "s4"]);
    let requests = server.received_requests().await.unwrap();
    let first = requests
        .iter()
        .find(|request| request.url.path() == flow("/sourceConnections"))
        .unwrap();
    assert_eq!(
        first.url.query(),
        Some(
            "property=baseConnectionId%3D%3D6990abad-977d-41b9-a85d-17ea8cf1c0e4\
             &property=connectionSpec.id%3D%3D3c9b37f8-13a6-43d8-bad3-b863b941fedd&limit=2"
        )
    );
    server.verify().await;
}

#[tokio::test]
async fn delete_answers_204_and_a_get_is_retried_after_a_503() {
    let server = server().await;
    authed("DELETE", "/sourceConnections/s1")
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/sourceConnections/s1")))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/sourceConnections/s1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [returned_table("s1")]})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let id = SourceConnectionId::<DbParams>::new("s1");
    let fetched = client
        .get_source_connection::<CreateSourceConnection<DbParams>>(&id)
        .await
        .unwrap();
    assert_eq!(fetched.id, "s1");
    client.delete_source_connection(&id).await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn a_create_that_fails_with_500_is_not_sent_again_and_shows_no_secret_param() {
    let server = server().await;
    let body = CreateSourceConnection::new(
        "Members",
        BaseConnectionId::new(BASE),
        mailchimp("10c097ca71", PASSWORD),
    );
    let sent: Value = serde_json::from_slice(&body.to_json_bytes().unwrap()).unwrap();
    assert_eq!(sent["params"]["token"], PASSWORD, "the secret is sent");
    Mock::given(method("POST"))
        .and(path(flow("/sourceConnections")))
        .and(body_json(sent))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({
            "type": "https://ns.adobe.com/aep/errors/FLOW-1103-500", "title": "Internal Server Error", "status": 500
        })))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server).create_source_connection(&body).await.unwrap_err();
    assert!(matches!(error, Error::Server { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("POST /sourceConnections: the service failed"),
        "{error}"
    );
    assert_no_secret("the body's Debug", &format!("{body:?}"));
    server.verify().await;
    assert_clean_error(&error);
}
