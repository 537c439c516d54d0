//! Dataflows: create, get (lenient: the service's string/number drift), list over two pages,
//! delete, 404, POST not retried; and a flow's runs over two pages.

use flow_connectors::client::{Error, Fetched, FlowFilter, Run};
use flow_connectors::{
    ConnectionState, CreateFlow, DeltaColumn, FlowId, FlowSpec, Frequency, Schedule, SourceConnectionId, StartTime,
    TargetConnectionId,
};
use futures_util::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, ResponseTemplate};

use crate::kinds::{CrmToAep, DbParams};
use crate::support::*;

const FLOW: &str = "993f908f-3342-4d9c-9f3c-5aa9a189ca1a";
const ETAG: &str = "\"510bb1d4-8453-4034-b991-ab942e11dd8a\"";

fn crm_flow() -> CreateFlow<CrmToAep> {
    CreateFlow::<CrmToAep>::builder("Database dataflow using BigQuery")
        .description("collecting test1.Mytable")
        .source(SourceConnectionId::<DbParams>::new(
            "b7581b59-c603-4df1-a689-d23d7ac440f3",
        ))
        .target(TargetConnectionId::new("320f119a-5ac1-4ab1-88ea-eb19e674ea2e"))
        .copy(DeltaColumn::new("Datefield").date_format("YYYY-MM-DD").timezone("UTC"))
        .mapping("0b090130b58b4819afc78b6dc98b484d", 0)
        .schedule(Schedule::every(15, Frequency::Minute, StartTime::from_unix_seconds(1_612_310_466)).backfill(true))
        .build()
        .unwrap()
}

/// The body `crm_flow()` sends, in the flow spec's types.
fn sent() -> Value {
    json!({"name": "Database dataflow using BigQuery", "description": "collecting test1.Mytable",
        "flowSpec": {"id": CrmToAep::ID, "version": "1.0"},
        "sourceConnectionIds": ["b7581b59-c603-4df1-a689-d23d7ac440f3"],
        "targetConnectionIds": ["320f119a-5ac1-4ab1-88ea-eb19e674ea2e"],
        "transformations": [
            {"name": "Copy", "params": {"deltaColumn": {"name": "Datefield", "dateFormat": "YYYY-MM-DD", "timezone": "UTC"}}},
            {"name": "Mapping", "params": {"mappingId": "0b090130b58b4819afc78b6dc98b484d", "mappingVersion": "0"}}],
        "scheduleParams": {"startTime": 1_612_310_466, "frequency": "minute", "interval": 15, "backfill": true}})
}

/// The flow as the service returns it: server fields, members no request has, and the
/// documented drift (strings for integers, an integer mapping version).
fn returned_flow(id: &str) -> Value {
    let mut item = returned(id, ETAG, sent());
    item["scheduleParams"] = json!({"startTime": "1612310466", "frequency": "minute", "interval": "15",
        "backfill": "true"});
    item["transformations"][1]["params"]["mappingVersion"] = json!(0);
    item["inheritedAttributes"] = json!({"properties": {"isSourceFlow": true}});
    item["runs"] = json!(format!("/flows/{id}/runs"));
    item["lastOperation"] = json!({"started": 1_612_310_500_000_i64, "op": "create"});
    item
}

#[tokio::test]
async fn create_get_and_delete_a_flow() {
    let server = server().await;
    authed("POST", "/flows")
        .and(header("content-type", "application/json"))
        .and(body_json(sent()))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": FLOW, "etag": ETAG})))
        .expect(1)
        .mount(&server)
        .await;
    authed("GET", &format!("/flows/{FLOW}"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [returned_flow(FLOW)]})))
        .expect(1)
        .mount(&server)
        .await;
    authed("DELETE", &format!("/flows/{FLOW}"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let created = client.create_flow(&crm_flow()).await.unwrap();
    let id: FlowId = created.id;
    assert_eq!((id.as_str(), created.etag.as_str()), (FLOW, ETAG));
    let fetched: Fetched<CreateFlow<CrmToAep>> = client.get_flow(&id).await.unwrap();
    assert_eq!(fetched.body, crm_flow());
    assert_eq!(fetched.state, Some(ConnectionState::Enabled));
    assert_eq!(fetched.flow_id(), id);
    client.delete_flow(&id).await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list_reads_two_pages_by_flow_spec() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/flows")))
        .and(query_param("continuationToken", "p2"))
        .respond_with(page(vec![returned_flow("f3")], None))
        .expect(1)
        .mount(&server)
        .await;
    let property = format!("flowSpec.id=={}", CrmToAep::ID);
    authed("GET", "/flows")
        .and(query_param("property", property.as_str()))
        .and(query_param("orderby", "-createdAt"))
        .and(query_param_is_missing("continuationToken"))
        .respond_with(page(
            vec![returned_flow("f1"), returned_flow("f2")],
            Some("/flows?continuationToken=p2"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let filter = FlowFilter::new()
        .flow_spec_id(CrmToAep::ID)
        .order_by("createdAt", flow_connectors::client::SortOrder::Descending);
    let listed: Vec<Fetched<CreateFlow<CrmToAep>>> = client(&server).list_flows(&filter).try_collect().await.unwrap();
    let ids: Vec<_> = listed.iter().map(|fetched| fetched.id.as_str()).collect();
    assert_eq!(ids, ["f1", "f2", "f3"]);
    server.verify().await;
}

#[tokio::test]
async fn a_missing_flow_is_not_found_and_a_failed_create_is_not_sent_again() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(flow("/flows/nope")))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "type": "https://ns.adobe.com/aep/errors/FLOW-1439-404", "title": "Resource not found", "status": 404,
            "report": {"detailed-message": "Flow not found.", "type": "flows"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(flow("/flows")))
        .respond_with(ResponseTemplate::new(500))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let error = client.get_flow::<CreateFlow<CrmToAep>>("nope").await.unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
    assert!(error.to_string().contains("FLOW-1439-404"), "{error}");
    let error = client.create_flow(&crm_flow()).await.unwrap_err();
    assert!(matches!(error, Error::Server { .. }), "{error:?}");
    server.verify().await;
}

/// A run as the monitoring tutorial shows it (shortened): metrics, activities, errors.
fn run(id: &str, status: &str) -> Value {
    json!({"createdAt": 1_596_656_079_576_i64, "updatedAt": 1_596_656_113_526_i64, "createdBy": "{CREATED_BY}",
        "sandboxId": "1bd86660-c5da-11e9-93d4-6d5fc3a66a8e", "sandboxName": "prod",
        "id": id, "flowId": FLOW, "etag": "\"b8003af1-0000-0200-0000-5f2b09f10000\"",
        "metrics": {
            "durationSummary": {"startedAtUTC": 1_596_656_058_198_i64, "completedAtUTC": 1_596_656_113_306_i64},
            "sizeSummary": {"inputBytes": 24012, "outputBytes": 17128},
            "recordSummary": {"inputRecordCount": 100, "outputRecordCount": 99, "failedRecordCount": 1},
            "fileSummary": {"inputFileCount": 1, "outputFileCount": 1, "activityRefs": ["promotionActivity"]},
            "statusSummary": {"status": status, "errors": [
                {"code": "CONNECTOR-2001-500", "message": "Error occurred at promotion activity."}],
                "activityRefs": ["promotionActivity"]}},
        "activities": [{"id": "copyActivity", "statusSummary": {"status": "success"}}]})
}

#[tokio::test]
async fn runs_of_a_flow_are_read_over_two_pages() {
    let server = server().await;
    let mut odd = run("r3", "failed");
    odd["metrics"]["recordSummary"]["inputRecordCount"] = json!("many");
    Mock::given(method("GET"))
        .and(path(flow("/runs")))
        .and(query_param("continuationToken", "p2"))
        .respond_with(page(vec![odd, json!({"id": "r4"})], None))
        .expect(1)
        .mount(&server)
        .await;
    let property = format!("flowId=={FLOW}");
    authed("GET", "/runs")
        .and(query_param("property", property.as_str()))
        .and(query_param_is_missing("continuationToken"))
        .respond_with(page(
            vec![run("r1", "success"), run("r2", "success")],
            Some(&format!("/runs?property=flowId%3D%3D{FLOW}&continuationToken=p2")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let runs: Vec<Result<Run, Error>> = client.runs(FlowId::new(FLOW)).collect().await;
    assert_eq!(runs.len(), 4);
    let first = runs[0].as_ref().unwrap();
    assert_eq!(first.id, "r1");
    assert_eq!(first.flow_id.as_ref().map(FlowId::as_str), Some(FLOW));
    assert_eq!(first.status.as_deref(), Some("success"));
    assert_eq!(first.created_at, Some(1_596_656_079_576));
    assert_eq!(first.metrics.started_at, Some(1_596_656_058_198));
    assert_eq!(first.metrics.completed_at, Some(1_596_656_113_306));
    assert_eq!(
        (first.metrics.input_bytes, first.metrics.output_bytes),
        (Some(24012), Some(17128))
    );
    assert_eq!(
        (
            first.metrics.input_records,
            first.metrics.output_records,
            first.metrics.failed_records
        ),
        (Some(100), Some(99), Some(1))
    );
    assert_eq!(
        (first.metrics.input_files, first.metrics.output_files),
        (Some(1), Some(1))
    );
    assert_eq!(first.errors[0].code.as_deref(), Some("CONNECTOR-2001-500"));
    assert_eq!(
        first.item["activities"][0]["id"], "copyActivity",
        "untyped members are kept"
    );
    let error = runs[2].as_ref().unwrap_err();
    assert_eq!(
        error.to_string(),
        "GET /runs?property=flowId=={id}: unexpected answer: `metrics.recordSummary.inputRecordCount` of the run \
         r3 should be a non-negative integer, not the string \"many\""
    );
    let bare = runs[3].as_ref().unwrap();
    assert_eq!(
        (bare.id.as_str(), bare.status.as_ref(), bare.metrics.input_bytes),
        ("r4", None, None)
    );
    server.verify().await;

    let error = client.runs("").next().await.unwrap().unwrap_err();
    assert!(matches!(error, Error::Request { .. }), "{error:?}");
}
