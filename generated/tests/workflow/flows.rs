//! Target connections and flows.

use flow_connectors::{
    BuildError, CreateFlow, CreateTargetConnection, DecodeMode, DeltaColumn, Frequency, Schedule, SchemaRef,
    SourceConnectionId, StartTime, TargetConnectionId, TargetFormat,
};
use serde_json::{Value, json};

use super::{CrmToAep, DbParams, MailchimpParams, PendoParams, RestStorageToPlatform, StreamingSdk};

/// `_generic/database-nosql.json`, flows[0], as documented: strings where CRMToAEP's schema says
/// integer and boolean, an integer where its Mapping spec says string.
fn documented_crm_flow() -> Value {
    json!({"name": "Database dataflow using BigQuery", "description": "collecting test1.Mytable",
        "flowSpec": {"id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0"},
        "sourceConnectionIds": ["b7581b59-c603-4df1-a689-d23d7ac440f3"],
        "targetConnectionIds": ["320f119a-5ac1-4ab1-88ea-eb19e674ea2e"],
        "transformations": [
            {"name": "Copy", "params": {"deltaColumn": {"name": "Datefield", "dateFormat": "YYYY-MM-DD", "timezone": "UTC"}}},
            {"name": "Mapping", "params": {"mappingId": "0b090130b58b4819afc78b6dc98b484d", "mappingVersion": 0}}],
        "scheduleParams": {"startTime": "1612310466", "frequency": "minute", "interval": "15", "backfill": "true"}})
}

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

#[test]
fn a_flow_is_sent_in_the_flow_specs_types_and_reads_back() {
    let flow = crm_flow();
    let mut expected = documented_crm_flow();
    expected["scheduleParams"] =
        json!({"startTime": 1_612_310_466, "frequency": "minute", "interval": 15, "backfill": true});
    expected["transformations"][1]["params"]["mappingVersion"] = json!("0");
    assert_eq!(flow.to_value(), expected);
    assert_eq!(
        CreateFlow::<CrmToAep>::from_value(expected, DecodeMode::Strict).unwrap(),
        flow
    );
}

#[test]
fn documented_drift_is_a_strict_error_naming_it_and_reads_leniently() {
    let error = CreateFlow::<CrmToAep>::from_value(documented_crm_flow(), DecodeMode::Strict).unwrap_err();
    assert_eq!(
        error.to_string(),
        "flow body, `transformations[1].params.mappingVersion`: expected a string of a version number, such as \"0\", \
         got the number 0"
    );
    let mut body = documented_crm_flow();
    body["transformations"][1]["params"]["mappingVersion"] = json!("0");
    let error = CreateFlow::<CrmToAep>::from_value(body, DecodeMode::Strict).unwrap_err();
    assert_eq!(
        error.to_string(),
        "flow body, `scheduleParams.startTime`: expected an integer of epoch seconds (flow spec `CRMToAEP` types it \
         so), got the string \"1612310466\""
    );
    let lenient = CreateFlow::<CrmToAep>::from_value(documented_crm_flow(), DecodeMode::Lenient).unwrap();
    assert_eq!(lenient, crm_flow());
}

#[test]
fn schedules_are_checked_against_the_flow_spec() {
    let start = StartTime::from_unix_seconds(1_632_809_759);
    let build = |schedule: Schedule| {
        CreateFlow::<RestStorageToPlatform>::builder("f")
            .source(SourceConnectionId::<MailchimpParams>::new("s"))
            .target(TargetConnectionId::new("t"))
            .schedule(schedule)
            .build()
            .map(|_| ())
    };
    let error = build(Schedule::every(14, Frequency::Minute, start)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "flow body, `scheduleParams.interval`: 14 is below 15, the least interval flow spec `RestStorageToPlatform` \
         allows with the frequency `minute`"
    );
    assert!(matches!(
        error,
        BuildError::Workflow {
            field: "scheduleParams.interval",
            ..
        }
    ));
    assert!(build(Schedule::every(15, Frequency::Minute, start)).is_ok());
    assert!(build(Schedule::every(1, Frequency::Hour, start)).is_ok());
    assert!(build(Schedule::every(0, Frequency::Hour, start)).is_err());
    let mut once = Schedule::once(start);
    once.interval = Some(15);
    let error = build(once).unwrap_err();
    assert!(
        error.to_string().contains("not allowed with the frequency `once`"),
        "{error}"
    );
    let mut no_interval = Schedule::every(1, Frequency::Day, start);
    no_interval.interval = None;
    assert!(
        build(no_interval)
            .unwrap_err()
            .to_string()
            .contains("requires an interval")
    );

    let copy = CreateFlow::<RestStorageToPlatform>::builder("f")
        .source(SourceConnectionId::<MailchimpParams>::new("s"))
        .target(TargetConnectionId::new("t"))
        .copy(DeltaColumn::new("updated"))
        .build()
        .unwrap_err();
    assert!(
        copy.to_string().contains("does not allow `Copy` (it allows: Mapping)"),
        "{copy}"
    );
    let scheduled_stream = CreateFlow::<StreamingSdk>::builder("f")
        .source(SourceConnectionId::<PendoParams>::new("s"))
        .target(TargetConnectionId::new("t"))
        .schedule(Schedule::once(start))
        .build()
        .unwrap_err();
    assert!(
        scheduled_stream
            .to_string()
            .contains("flow spec `StreamingSdk` has no schedule")
    );
}

/// `marketing-automation--mailchimp-members/workflow.json`, flows[0]: `startTime` a string and
/// `mappingVersion` an integer, where RestStorageToPlatform (as modelled here) says otherwise.
#[test]
fn a_documented_rest_flow_reads_leniently_and_strict_names_the_first_drift() {
    let documented = json!({"name": "MailChimp Members dataflow", "description": "MailChimp Members dataflow",
        "flowSpec": {"id": "6499120c-0b15-42dc-936e-847ea3c24d72", "version": "1.0"},
        "sourceConnectionIds": ["a51e4cf6-65ef-45f4-b4bf-4f03da5f01cc"],
        "targetConnectionIds": ["8db5fb4a-6ce8-4370-afc0-1765e39535a5"],
        "transformations": [{"name": "Mapping", "params": {"mappingId": "5a365b23962d4653b9d9be25832ee5b4", "mappingVersion": 0}}],
        "scheduleParams": {"startTime": "1632809759", "frequency": "minute", "interval": 15}});
    let flow = CreateFlow::<RestStorageToPlatform>::from_value(documented.clone(), DecodeMode::Lenient).unwrap();
    assert_eq!(flow.schedule().unwrap().start_time.unix_seconds(), 1_632_809_759);
    let error = CreateFlow::<RestStorageToPlatform>::from_value(documented.clone(), DecodeMode::Strict).unwrap_err();
    assert!(
        error.to_string().contains("`transformations[0].params.mappingVersion`"),
        "{error}"
    );
    let mut wrong_spec = documented;
    wrong_spec["flowSpec"]["id"] = json!("14518937-270c-4525-bdec-c2ba7cce3860");
    let error = CreateFlow::<RestStorageToPlatform>::from_value(wrong_spec, DecodeMode::Lenient).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`flowSpec.id`: expected the id of flow spec `RestStorageToPlatform`")
    );
}

/// `analytics--pendo-webhook/workflow.json`: a streaming flow, Mapping only, no schedule.
#[test]
fn a_streaming_flow_builds_and_reads_back() {
    let documented = json!({"name": "Streaming Dataflow for Pendo", "description": "Streaming Dataflow for Pendo",
        "flowSpec": {"id": "e77fde5a-22a8-11ed-861d-0242ac120002", "version": "1.0"},
        "sourceConnectionIds": ["339d60a5-9ff6-4eba-8197-e8887eeb3c08"],
        "targetConnectionIds": ["df7c660e-3484-463b-b01a-1835e9b04ac9"],
        "transformations": [{"name": "Mapping", "params": {"mappingId": "bae11501021646e58cecc1182451af22", "mappingVersion": 0}}]});
    let flow = CreateFlow::<StreamingSdk>::builder("Streaming Dataflow for Pendo")
        .description("Streaming Dataflow for Pendo")
        .source(SourceConnectionId::<PendoParams>::new(
            "339d60a5-9ff6-4eba-8197-e8887eeb3c08",
        ))
        .target(TargetConnectionId::new("df7c660e-3484-463b-b01a-1835e9b04ac9"))
        .mapping("bae11501021646e58cecc1182451af22", 0)
        .build()
        .unwrap();
    assert_eq!(flow.to_value(), documented);
    assert_eq!(
        CreateFlow::<StreamingSdk>::from_value(documented.clone(), DecodeMode::Strict).unwrap(),
        flow
    );
    let mut empty = documented;
    empty["sourceConnectionIds"] = json!([]);
    let error = CreateFlow::<StreamingSdk>::from_value(empty, DecodeMode::Lenient).unwrap_err();
    assert_eq!(
        error.to_string(),
        "flow body, `sourceConnectionIds`: expected a non-empty array of id strings, got an array"
    );
}

/// `_generic/database-nosql.json`, targetConnections[0]: no `data.format`.
#[test]
fn a_target_connection_without_format_builds_and_reads_back() {
    let documented = json!({"name": "Database target connection", "description": "Database target connection",
        "data": {"schema": {"id": "https://ns.adobe.com/{TENANT_ID}/schemas/52b59140414aa6a370ef5e21155fd7a686744b8739ecc168",
            "version": "application/vnd.adobe.xed-full+json;version=1"}},
        "params": {"dataSetId": "6019e0e7c5dcf718db5ebc71"},
        "connectionSpec": {"id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0"}});
    let schema =
        SchemaRef::new("https://ns.adobe.com/{TENANT_ID}/schemas/52b59140414aa6a370ef5e21155fd7a686744b8739ecc168");
    let built = CreateTargetConnection::new("Database target connection", "6019e0e7c5dcf718db5ebc71", schema)
        .description("Database target connection");
    assert_eq!(built.to_value(), documented);
    let read = CreateTargetConnection::from_value(documented, DecodeMode::Strict).unwrap();
    assert_eq!(read, built);
    assert_eq!(
        built.clone().format(TargetFormat::Json).to_value()["data"]["format"],
        "json"
    );
}
