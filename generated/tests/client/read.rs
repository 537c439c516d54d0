//! Reading connections back (get, list over pages) and updating them (If-Match, 412 and retry).

use flow_connectors::client::{ConnectionFilter, Error};
use flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnline as Dynamics;
use flow_connectors::{AnyConnection, AuthParams, Connection, CreateConnection, ExposeSecret, Patch};
use futures_util::StreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{body_string, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, ResponseTemplate};

use crate::support::*;

const ETAG: &str = "\"1400dd53-0000-0200-0000-5f3f23450000\"";
const NEW_ETAG: &str = "\"1a00a9c8-0000-0200-0000-5f3f25e60000\"";

/// A connection as Flow Service returns it: server fields, fields no request has, the stored
/// secret echoed, and a param the spec does not list.
fn item(id: &str, etag: &str) -> Value {
    json!({
        "id": id,
        "createdAt": 1_597_973_312_000_i64,
        "updatedAt": 1_597_973_312_000_i64,
        "createdBy": "acme@AdobeID",
        "updatedBy": "acme@AdobeID",
        "createdClient": CLIENT_ID,
        "updatedClient": CLIENT_ID,
        "sandboxId": "d537df80-c5d7-11e9-aafb-87c71c35cac8",
        "sandboxName": SANDBOX,
        "imsOrgId": ORG_ID,
        "name": "Dynamics connection",
        "description": "basic auth",
        "connectionSpec": {"id": Dynamics::CONNECTION_SPEC_ID, "version": "1.0"},
        "state": "enabled",
        "auth": {
            "specName": "Basic Authentication for Dynamics-Online",
            "params": {
                "serviceUri": "https://myorg.crm.dynamics.com",
                "username": "integration@myorg.example",
                "password": ECHOED_SECRET,
                "environment": "added-by-the-service"
            }
        },
        "version": etag,
        "etag": etag,
        "inheritedAttributes": {"properties": {"isSource": true}}
    })
}

#[tokio::test]
async fn get_reads_a_realistic_answer_into_typed_params() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/connections/c1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [item("c1", ETAG)]})))
        .mount(&server)
        .await;
    let client = client(&server);
    let fetched: Connection<CreateConnection<Dynamics>> = client.get("c1").await.unwrap();
    assert_eq!((fetched.id.as_str(), fetched.etag.as_str()), ("c1", ETAG));
    assert_eq!(fetched.sandbox_name.as_deref(), Some(SANDBOX));
    assert_eq!(fetched.created_client.as_deref(), Some(CLIENT_ID));
    assert_eq!(fetched.created_at, Some(1_597_973_312_000));
    assert_eq!(fetched.connection.name, "Dynamics connection");
    assert_eq!(fetched.connection.auth.username, "integration@myorg.example");
    assert_eq!(fetched.connection.auth.password.expose_secret(), ECHOED_SECRET);
    assert_no_secret("a fetched connection's Debug", &format!("{fetched:?}"));

    let any: Connection<AnyConnection> = client.get("c1").await.unwrap();
    assert_eq!(any.connection.connection_spec_id(), Dynamics::CONNECTION_SPEC_ID);

    // Read as another connector's type, the error names what does not fit, not a value.
    let error = client
        .get::<CreateConnection<flow_connectors::zoho_crm::BasicAuthentication>>("c1")
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("GET /connections/{id}: the connection c1 could not be read: "),
        "{error}"
    );
    assert_clean_error(&error);
}

#[tokio::test]
async fn list_follows_three_pages_lazily_with_the_filter() {
    let server = server().await;
    let filter = ConnectionFilter::new()
        .connection_spec_id(Dynamics::CONNECTION_SPEC_ID)
        .limit(2);
    let page = |ids: &[&str], next: Option<&str>| {
        let mut body = json!({"items": ids.iter().map(|id| item(id, ETAG)).collect::<Vec<_>>()});
        if let Some(next) = next {
            body["_links"] = json!({"next": {"href": next}});
        }
        ResponseTemplate::new(200).set_body_json(body)
    };
    let property = format!("connectionSpec.id=={}", Dynamics::CONNECTION_SPEC_ID);
    Mock::given(method("GET"))
        .and(path(flow("/connections")))
        .and(query_param("continuationToken", "t2"))
        .respond_with(page(&["c3", "c4"], Some("/connections?continuationToken=t3")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connections")))
        .and(query_param("continuationToken", "t3"))
        .respond_with(page(&["c5"], None))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connections")))
        .and(query_param("property", property.as_str()))
        .and(query_param("limit", "2"))
        .and(query_param_is_missing("continuationToken"))
        .respond_with(page(&["c1", "c2"], Some("/connections?continuationToken=t2")))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let mut connections = client.list::<CreateConnection<Dynamics>>(&filter);

    // One page at a time: the second is asked for only once the first is used up.
    let first = connections.next().await.unwrap().unwrap();
    assert_eq!(first.id, "c1");
    assert_eq!(hits(&server, &flow("/connections")).await, 1);
    let mut ids = vec![first.id];
    while let Some(connection) = connections.next().await {
        ids.push(connection.unwrap().id);
    }
    assert_eq!(ids, ["c1", "c2", "c3", "c4", "c5"]);
    server.verify().await;
    assert_no_secret("the trace", &trace_log());
}

#[tokio::test]
async fn update_sends_a_json_patch_with_the_etag_verbatim() {
    let server = server().await;
    Mock::given(method("PATCH"))
        .and(path(flow("/connections/c1")))
        .and(header("if-match", ETAG))
        .and(header("content-type", "application/json"))
        .and(body_string(r#"[{"op":"replace","path":"/name","value":"Renamed"}]"#))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "c1", "etag": NEW_ETAG})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let etag = client
        .update("c1", ETAG, Patch::new().replace_name("Renamed"))
        .await
        .unwrap();
    assert_eq!(etag, NEW_ETAG);
    // Nothing to change: nothing sent.
    assert_eq!(client.update("c1", ETAG, Patch::new()).await.unwrap(), ETAG);
    server.verify().await;
}

#[tokio::test]
async fn update_sends_a_generated_typed_patch_and_no_trace_shows_the_secret() {
    let server = server().await;
    let body = format!(
        r#"[{{"op":"replace","path":"/auth/params/password","value":"{PASSWORD}"}},{{"op":"add","path":"/description","value":"rotated"}}]"#
    );
    Mock::given(method("PATCH"))
        .and(path(flow("/connections/c1")))
        .and(header("if-match", ETAG))
        .and(body_string(body))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "c1", "etag": NEW_ETAG})))
        .expect(1)
        .mount(&server)
        .await;
    let patch = flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnlinePatch::new()
        .password(PASSWORD)
        .description("rotated");
    assert_no_secret("a typed patch's Debug", &format!("{patch:?}"));
    let etag = client(&server).update("c1", ETAG, patch).await.unwrap();
    assert_eq!(etag, NEW_ETAG);
    server.verify().await;
    assert_no_secret("the captured trace", &trace_log());
}

#[tokio::test]
async fn a_412_is_its_own_error_and_update_with_retry_reads_again() {
    let server = server().await;
    let stale = "\"00000000-0000-0000-0000-000000000000\"";
    // The first read gives a stale etag; the second the current one.
    Mock::given(method("GET"))
        .and(path(flow("/connections/c1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [item("c1", stale)]})))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(flow("/connections/c1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [item("c1", ETAG)]})))
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(header("if-match", stale))
        .respond_with(ResponseTemplate::new(412).set_body_json(json!({
            "errorMessage": format!("Supplied version=[{stale}] does not match the current version on entity=[{ETAG}]")
        })))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(header("if-match", ETAG))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "c1", "etag": NEW_ETAG})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);

    let error = client
        .update("c1", stale, Patch::new().replace_name("x"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::PreconditionFailed { .. }), "{error:?}");
    assert!(error.to_string().contains("read it again"), "{error}");

    let mut seen = Vec::new();
    let etag = client
        .update_with_retry("c1", |current: &Connection<CreateConnection<Dynamics>>| {
            seen.push(current.etag.clone());
            Patch::new().replace_description(format!("{} (rotated)", current.connection.name))
        })
        .await
        .unwrap();
    assert_eq!(etag, NEW_ETAG);
    assert_eq!(seen, [stale, ETAG], "re-read after the 412");
    server.verify().await;
    assert_clean_error(&error);
}
