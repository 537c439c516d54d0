//! Source connections and explore requests.

use flow_connectors::{
    BaseConnectionId, Column, CompressionType, CreateSourceConnection, CreatedConnection, DecodeMode, Explore,
    ExploreItem, ExploreRequest, FileData, FileFormat, FileProperties, RequestContext, SchemaPreview,
    SourceConnectionId,
};
use serde_json::{Value, json};

use super::{DbParams, FileParams, MailchimpParams, PendoParams};

fn context() -> RequestContext {
    RequestContext::builder()
        .access_token("token-for-tests")
        .api_key("key")
        .org_id("org@AdobeOrg")
        .sandbox_name("prod")
        .build()
        .unwrap()
}

/// `_generic/database-nosql.json`, sourceConnections[0].
fn documented_table() -> Value {
    json!({"name": "Database source connection", "baseConnectionId": "6990abad-977d-41b9-a85d-17ea8cf1c0e4",
        "description": "Database source connection", "data": {"format": "tabular"},
        "params": {"tableName": "test1.Mytable", "columns": [
            {"name": "TestID", "type": "string", "xdm": {"type": "string"}},
            {"name": "Name", "type": "string", "xdm": {"type": "string"}},
            {"name": "Datefield", "type": "string", "meta:xdmType": "date-time",
             "xdm": {"type": "string", "format": "date-time"}}]},
        "connectionSpec": {"id": "3c9b37f8-13a6-43d8-bad3-b863b941fedd", "version": "1.0"}})
}

/// The table explore answer of the same tutorial, with the date column the source connection adds.
fn table_explore_answer() -> &'static str {
    r#"{"format": "flat", "schema": {"columns": [
        {"name": "TestID", "type": "string", "xdm": {"type": "string"}},
        {"name": "Name", "type": "string", "xdm": {"type": "string"}},
        {"name": "Datefield", "type": "string", "meta:xdmType": "date-time",
         "xdm": {"type": "string", "format": "date-time"}}]}}"#
}

fn read_error(body: Value, mode: DecodeMode) -> String {
    CreateSourceConnection::<DbParams>::from_value(body, mode)
        .unwrap_err()
        .to_string()
}

#[test]
fn a_table_source_connection_is_built_from_the_explore_answer_and_reads_back() {
    let base = BaseConnectionId::new("6990abad-977d-41b9-a85d-17ea8cf1c0e4");
    let request = Explore::<DbParams>::table(&base, "test1.Mytable");
    let answer = http::Response::builder()
        .status(200)
        .body(table_explore_answer())
        .unwrap();
    let columns = request.parse_response(&answer).unwrap().into_columns();
    let params = DbParams {
        table_name: "test1.Mytable".into(),
        columns,
    };
    let built = CreateSourceConnection::new("Database source connection", base, params)
        .description("Database source connection");
    let sent: Value = serde_json::from_slice(&built.to_http_request(&context()).unwrap().body().clone()).unwrap();
    assert_eq!(sent, documented_table());
    let read = CreateSourceConnection::<DbParams>::from_value(documented_table(), DecodeMode::Strict).unwrap();
    assert_eq!(read.params, built.params);
    assert_eq!(read.base_connection_id(), built.base_connection_id());
}

#[test]
fn strict_reading_names_what_is_wrong() {
    let mut body = documented_table();
    body["connectionSpec"]["id"] = json!("4c10e202-c428-4796-9208-5f1f5732b1cf");
    assert_eq!(
        read_error(body, DecodeMode::Strict),
        "source connection body, `connectionSpec.id`: expected the connection spec id of `google-big-query` \
         \"3c9b37f8-13a6-43d8-bad3-b863b941fedd\", got the string \"4c10e202-c428-4796-9208-5f1f5732b1cf\""
    );
    let mut body = documented_table();
    body.as_object_mut().unwrap().remove("baseConnectionId");
    assert_eq!(
        read_error(body, DecodeMode::Lenient),
        "source connection body, `baseConnectionId`: missing"
    );
    let mut body = documented_table();
    body["providerId"] = json!("521eee4d-8cbe-4906-bb48-fb6bd4450033");
    assert!(
        read_error(body.clone(), DecodeMode::Strict)
            .contains("`providerId`: `google-big-query` source connections name")
    );
    assert!(CreateSourceConnection::<DbParams>::from_value(body, DecodeMode::Lenient).is_ok());
    let mut body = documented_table();
    body["data"]["format"] = json!("delimited");
    assert_eq!(
        read_error(body, DecodeMode::Strict),
        "source connection body, `data.format`: expected one of \"tabular\", got the string \"delimited\""
    );
    let mut body = documented_table();
    body["params"].as_object_mut().unwrap().remove("tableName");
    assert_eq!(
        read_error(body, DecodeMode::Strict),
        "source connection body, `params.tableName`: missing"
    );
    let mut body = documented_table();
    body["params"]["path"] = json!("test1.Mytable");
    assert!(read_error(body, DecodeMode::Strict).contains("`params.path`: not a member"));
    let mut body = documented_table();
    body["params"]["columns"][0]["nullable"] = json!(true);
    assert!(
        read_error(body, DecodeMode::Strict)
            .contains("`params.columns`: expected an array of which each element is a column")
    );
    let mut body = documented_table();
    body["state"] = json!("enabled");
    assert!(read_error(body.clone(), DecodeMode::Strict).contains("`state`: not a member"));
    assert!(CreateSourceConnection::<DbParams>::from_value(body, DecodeMode::Lenient).is_ok());
}

/// `_generic/cloud-storage.json`, sourceConnections[4] (compressed files).
#[test]
fn a_file_source_connection_sends_its_format_and_properties() {
    let documented = json!({"name": "Cloud storage source connection for compressed files",
        "description": "Cloud storage source connection for compressed files",
        "baseConnectionId": "9e2541a0-b143-4d23-a541-a0b143dd2301",
        "data": {"format": "delimited", "properties": {"compressionType": "gzip"}},
        "params": {"path": "/compressed/files.gzip"},
        "connectionSpec": {"id": "4c10e202-c428-4796-9208-5f1f5732b1cf", "version": "1.0"}});
    let params = FileParams {
        path: "/compressed/files.gzip".into(),
        kind: None,
        recursive: None,
    };
    let data = FileData::new(FileFormat::Delimited)
        .properties(FileProperties::default().compression_type(CompressionType::Gzip));
    let base = BaseConnectionId::new("9e2541a0-b143-4d23-a541-a0b143dd2301");
    let built = CreateSourceConnection::with_data(
        "Cloud storage source connection for compressed files",
        base,
        params,
        data,
    )
    .description("Cloud storage source connection for compressed files");
    assert_eq!(serde_json::to_value(&built).unwrap(), documented);
    let read = CreateSourceConnection::<FileParams>::from_value(documented.clone(), DecodeMode::Strict).unwrap();
    assert_eq!(read.data, built.data);

    let mut drift = documented;
    drift["data"] = json!({"format": "parquet_xdm"});
    let error = CreateSourceConnection::<FileParams>::from_value(drift, DecodeMode::Lenient).unwrap_err();
    assert_eq!(
        error.to_string(),
        "source connection body, `data.format`: expected one of \"delimited\", \"json\", \"parquet\", got the string \
         \"parquet_xdm\""
    );
}

/// `marketing-automation--mailchimp-members/workflow.json`: source connection and explore call.
#[test]
fn a_rest_source_explores_with_its_own_params_in_base64() {
    let base = BaseConnectionId::new("05c595e5-edc3-45c8-90bb-fcf556b57c4b");
    let params = MailchimpParams {
        list_id: "10c097ca71".into(),
        token: None,
    };
    let request = Explore::rest(&base, "json", &params).unwrap();
    assert_eq!(
        request.query_value("sourceParams"),
        Some("eyJsaXN0SWQiOiIxMGMwOTdjYTcxIn0=")
    );
    let http = request.to_http_request(&context()).unwrap();
    assert_eq!(http.method(), http::Method::GET);
    assert_eq!(
        http.uri(),
        "https://platform.adobe.io/data/foundation/flowservice/connections/05c595e5-edc3-45c8-90bb-fcf556b57c4b/explore?\
         objectType=rest&object=json&fileType=json&preview=true&sourceParams=eyJsaXN0SWQiOiIxMGMwOTdjYTcxIn0%3D"
    );
    assert_eq!(http.headers()["x-sandbox-name"], "prod");

    let documented = json!({"name": "MailChimp source connection to ingest listId",
        "description": "MailChimp Members source connection to ingest listId",
        "baseConnectionId": "4cea039f-f1cc-4fa5-9136-db8dd4c7fbfa",
        "connectionSpec": {"id": "2e8580db-6489-4726-96de-e33f5f60295f", "version": "1.0"},
        "data": {"format": "json"}, "params": {"listId": "10c097ca71"}});
    let built = CreateSourceConnection::new(
        "MailChimp source connection to ingest listId",
        BaseConnectionId::new("4cea039f-f1cc-4fa5-9136-db8dd4c7fbfa"),
        params,
    )
    .description("MailChimp Members source connection to ingest listId");
    assert_eq!(serde_json::to_value(&built).unwrap(), documented);
    CreateSourceConnection::<MailchimpParams>::from_value(documented, DecodeMode::Strict).unwrap();
}

#[test]
fn secret_source_params_never_show_in_debug() {
    let params = MailchimpParams {
        list_id: "10c097ca71".into(),
        token: Some("hunter2-secret".into()),
    };
    let base = BaseConnectionId::new("b");
    let request = Explore::rest(&base, "json", &params).unwrap();
    let connection = CreateSourceConnection::new("n", base, params);
    for shown in [format!("{connection:?}"), format!("{request:?}")] {
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!shown.contains(request.query_value("sourceParams").unwrap()), "{shown}");
    }
}

/// `analytics--pendo-webhook/workflow.json`: no base connection, top-level `providerId`, no params.
#[test]
fn a_webhook_source_connection_has_a_provider_id_and_no_base_connection() {
    let documented = json!({"name": "Streaming Source Connection for Pendo",
        "providerId": "521eee4d-8cbe-4906-bb48-fb6bd4450033",
        "description": "Streaming Source Connection for Pendo",
        "connectionSpec": {"id": "6ff5654f-19d5-427d-bd3e-c0ebc802389a", "version": "1.0"},
        "data": {"format": "json"}});
    let built = CreateSourceConnection::without_base_connection("Streaming Source Connection for Pendo", PendoParams)
        .description("Streaming Source Connection for Pendo");
    assert_eq!(serde_json::to_value(&built).unwrap(), documented);
    let read = CreateSourceConnection::<PendoParams>::from_value(documented.clone(), DecodeMode::Strict).unwrap();
    assert!(read.base_connection_id().is_none());
    let mut body = documented.clone();
    body["baseConnectionId"] = json!("x");
    let error = CreateSourceConnection::<PendoParams>::from_value(body, DecodeMode::Lenient).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`baseConnectionId`: `pendo-webhook` has no base connection"),
        "{error}"
    );
    let mut body = documented;
    body["params"] = json!({});
    let error = CreateSourceConnection::<PendoParams>::from_value(body, DecodeMode::Strict).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`params`: the spec of `pendo-webhook` has no source params"),
        "{error}"
    );
}

#[test]
fn table_and_file_explore_requests_are_exact() {
    let base = BaseConnectionId::new("6990abad-977d-41b9-a85d-17ea8cf1c0e4");
    let prefix = "/connections/6990abad-977d-41b9-a85d-17ea8cf1c0e4/explore?";
    let root: ExploreRequest<Vec<ExploreItem>> = Explore::<DbParams>::root(&base);
    assert_eq!(root.path_and_query(), format!("{prefix}objectType=root"));
    let table: ExploreRequest<SchemaPreview> = Explore::<DbParams>::table(&base, "test1.My table").preview(true);
    assert_eq!(
        table.path_and_query(),
        format!("{prefix}objectType=table&object=test1.My%20table&preview=true")
    );
    let folder = Explore::<FileParams>::folder(&base, "/acme/summer");
    assert_eq!(
        folder.path_and_query(),
        format!("{prefix}objectType=folder&object=/acme/summer")
    );
    let properties = FileProperties::default()
        .column_delimiter("\t")
        .compression_type(CompressionType::Gzip);
    let file = Explore::<FileParams>::file(&base, "/acme/a b.csv", FileFormat::Delimited, &properties);
    assert_eq!(
        file.path_and_query(),
        format!(
            "{prefix}objectType=file&object=/acme/a%20b.csv&fileType=delimited&preview=true&columnDelimiter=%09\
             &compressionType=gzip"
        )
    );
    let hostile = Explore::<DbParams>::root(&BaseConnectionId::new("../flows?x=1"));
    assert_eq!(
        hostile.path_and_query(),
        "/connections/..%2Fflows%3Fx%3D1/explore?objectType=root"
    );
}

#[test]
fn explore_answers_are_typed_and_errors_are_the_services() {
    let base = BaseConnectionId::new("b");
    let root = Explore::<DbParams>::root(&base);
    let listing = r#"[{"type": "table", "name": "test1.Mytable", "path": "test1.Mytable", "canPreview": true,
        "canFetchSchema": true}]"#;
    let items = root.parse_response(&http::Response::new(listing)).unwrap();
    assert_eq!(
        (items[0].path.as_str(), items[0].can_fetch_schema),
        ("test1.Mytable", true)
    );
    let snowflake = r#"{"items": [{"type": "table", "name": "ACCOUNTS"}]}"#;
    assert_eq!(
        root.parse_response(&http::Response::new(snowflake)).unwrap()[0].path,
        "ACCOUNTS"
    );
    let denied = http::Response::builder()
        .status(404)
        .body(r#"{"type": "https://ns.adobe.com/aep/errors/FLOW-1113-404", "title": "Not Found"}"#)
        .unwrap();
    let error = root.parse_response(&denied).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("Flow Service answered 404 (FLOW-1113-404)"),
        "{error}"
    );
    let error = root
        .parse_response(&http::Response::new(r#"{"tables": []}"#))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "explore response body, `(root)`: expected an array of objects, got an object"
    );
    let file = r#"[{"name": "Id", "type": "String"}, {"name": "Email", "type": "String"}]"#;
    let preview = Explore::<FileParams>::file(&base, "/a.json", FileFormat::Json, &FileProperties::default())
        .parse_response(&http::Response::new(file))
        .unwrap();
    assert_eq!(
        preview.columns,
        vec![Column::new("Id", "String"), Column::new("Email", "String")]
    );
}

#[test]
fn created_answers_give_typed_ids() {
    let answer = http::Response::builder()
        .status(201)
        .body(r#"{"id": "a51e4cf6-65ef-45f4-b4bf-4f03da5f01cc", "etag": "\"6b02\""}"#)
        .unwrap();
    let created = CreatedConnection::from_response(&answer).unwrap();
    let id: SourceConnectionId<MailchimpParams> = created.source_connection_id();
    assert_eq!(id.as_str(), "a51e4cf6-65ef-45f4-b4bf-4f03da5f01cc");
    assert_eq!(created.target_connection_id().as_str(), created.flow_id().as_str());
}
