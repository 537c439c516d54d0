//! Create, test, delete, count, connection specs: requests as documented, answers read.

use flow_connectors::client::{ConnectionFilter, Error, SortOrder};
use flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnline;
use flow_connectors::{AuthParams, ConnectionState, CreateConnection};
use serde_json::json;
use wiremock::matchers::{body_bytes, header, method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

use crate::support::*;

pub fn dynamics() -> CreateConnection<BasicAuthenticationForDynamicsOnline> {
    let auth = BasicAuthenticationForDynamicsOnline::builder()
        .service_uri("https://myorg.crm.dynamics.com")
        .username("integration@myorg.example")
        .password(PASSWORD)
        .build()
        .unwrap();
    CreateConnection::new("Dynamics connection", auth).description("basic auth")
}

#[tokio::test]
async fn create_sends_the_exact_body_and_every_header_and_reads_id_and_etag_verbatim() {
    let server = server().await;
    let body = format!(
        r#"{{"name":"Dynamics connection","description":"basic auth","auth":{{"specName":"Basic Authentication for Dynamics-Online","params":{{"serviceUri":"https://myorg.crm.dynamics.com","username":"integration@myorg.example","password":"{PASSWORD}"}}}},"connectionSpec":{{"id":"38ad80fe-8b06-4938-94f4-d4ee80266b07","version":"1.0"}}}}"#
    );
    Mock::given(method("POST"))
        .and(path(flow("/connections")))
        .and(body_bytes(body.as_bytes()))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(header("x-api-key", CLIENT_ID))
        .and(header("x-gw-ims-org-id", ORG_ID))
        .and(header("x-sandbox-name", SANDBOX))
        .and(header("content-type", "application/json"))
        .and(header("accept", "application/json"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": "4cb0c374-d3bb-4557-b139-5712880adc55",
            "etag": "\"9e0052a2-0000-0200-0000-5e35d7960000\""
        })))
        .expect(1)
        .mount(&server)
        .await;
    let created = client(&server).create(&dynamics()).await.unwrap();
    assert_eq!(created.id, "4cb0c374-d3bb-4557-b139-5712880adc55");
    assert_eq!(created.etag, "\"9e0052a2-0000-0200-0000-5e35d7960000\"");
    server.verify().await;
    assert_no_secret("the trace", &trace_log());
}

#[tokio::test]
async fn delete_answers_204_and_a_connection_in_use_is_its_own_error() {
    let server = server().await;
    Mock::given(method("DELETE"))
        .and(path(flow("/connections/c1")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(flow("/connections/c2")))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "type": "https://ns.adobe.com/aep/errors/FLOW-1418-400",
            "title": "Bad Request",
            "status": 400,
            "report": {
                "detailed-message": "The base connection is used in one or more flows.",
                "request-id": "req-1418"
            }
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    client.delete("c1").await.unwrap();
    let error = client.delete("c2").await.unwrap_err();
    assert!(matches!(error, Error::InUse { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        "DELETE /connections/{id}: the connection is used by one or more flows; delete them first: \
         Flow Service answered 400 (FLOW-1418-400): The base connection is used in one or more flows."
    );
    assert_eq!(error.api_error().unwrap().request_id.as_deref(), Some("req-1418"));
    server.verify().await;
    assert_clean_error(&error);
}

#[tokio::test]
async fn test_reads_the_result_and_ids_are_one_path_segment() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/connections/a%2Fb/test")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": false})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    assert!(!client.test("a/b").await.unwrap());
    let error = client.test("..").await.unwrap_err();
    assert!(matches!(error, Error::Request { .. }), "{error:?}");
    server.verify().await;
}

#[tokio::test]
async fn count_sends_the_filters_without_limit_or_orderby() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/connections")))
        .and(query_param("count", "true"))
        .and(query_param(
            "property",
            "connectionSpec.id==38ad80fe-8b06-4938-94f4-d4ee80266b07",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"count": 7})))
        .expect(1)
        .mount(&server)
        .await;
    let filter = ConnectionFilter::new()
        .connection_spec_id(BasicAuthenticationForDynamicsOnline::CONNECTION_SPEC_ID)
        .state(ConnectionState::Enabled)
        .order_by("name", SortOrder::Ascending)
        .limit(5);
    assert_eq!(client(&server).count(&filter).await.unwrap(), 7);
    let requests = server.received_requests().await.unwrap();
    let query = requests.last().unwrap().url.query().unwrap().to_owned();
    assert_eq!(
        query,
        "property=connectionSpec.id%3D%3D38ad80fe-8b06-4938-94f4-d4ee80266b07&property=state%3D%3Denabled&count=true"
    );
    server.verify().await;
}

#[tokio::test]
async fn connection_specs_are_unwrapped_from_items_and_paged() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/connectionSpecs/s1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [{"id": "s1", "name": "one"}]})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connectionSpecs")))
        .and(query_param("continuationToken", "p2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [{"id": "s2"}]})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connectionSpecs")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "items": [{"id": "s1"}],
            "_links": {"next": {"href": "/connectionSpecs?continuationToken=p2"}}
        })))
        .mount(&server)
        .await;
    let client = client(&server);
    let spec = client.get_connection_spec("s1").await.unwrap();
    assert_eq!(spec["name"], "one");
    let specs = client.list_connection_specs().await.unwrap();
    let ids: Vec<_> = specs.iter().map(|spec| spec["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["s1", "s2"]);
}

#[tokio::test]
async fn a_next_link_to_another_origin_is_not_followed() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/connectionSpecs")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "items": [],
            "_links": {"next": {"href": "https://elsewhere.example/connectionSpecs?continuationToken=p2"}}
        })))
        .mount(&server)
        .await;
    let error = client(&server).list_connection_specs().await.unwrap_err();
    assert!(matches!(error, Error::ForeignLink { .. }), "{error:?}");
    assert!(error.to_string().contains("not followed"), "{error}");
    assert_eq!(server.received_requests().await.unwrap().len(), 2, "IMS and one page");
}
