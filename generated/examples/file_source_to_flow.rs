//! From an Azure Blob base connection to a running dataflow for one CSV file: create the base
//! connection, preview the file, create a source connection for it (delimited, gzip), a Data
//! Lake target connection and a daily dataflow.
//!
//! ```text
//! cargo run -p flow-connectors --features client --example file_source_to_flow -- PATH DATASET_ID SCHEMA_ID MAPPING_ID
//! ```
//!
//! Credentials come from `FLOW_CLIENT_ID`, `FLOW_CLIENT_SECRET`, `FLOW_ORG_ID`, `FLOW_SANDBOX`; the
//! storage connection string from `BLOB_CONNECTION_STRING`.

use std::error::Error;

use flow_connectors::azure_blob::{ConnectionString, SourceParams, Type};
use flow_connectors::client::{FlowClient, ImsCredentials};
use flow_connectors::flow_specs::CloudStorageToAep;
use flow_connectors::{
    CompressionType, CreateConnection, CreateFlow, CreateSourceConnection, CreateTargetConnection, Explore, FileData,
    FileFormat, FileProperties, Frequency, Schedule, SchemaRef, StartTime,
};

fn env(name: &str) -> Result<String, Box<dyn Error>> {
    std::env::var(name).map_err(|_| format!("set the environment variable {name}").into())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, dataset_id, schema_id, mapping_id] = args.as_slice() else {
        return Err("usage: file_source_to_flow PATH DATASET_ID SCHEMA_ID MAPPING_ID".into());
    };
    let client = FlowClient::builder()
        .credentials(ImsCredentials::new(env("FLOW_CLIENT_ID")?, env("FLOW_CLIENT_SECRET")?))
        .api_key(env("FLOW_CLIENT_ID")?)
        .org_id(env("FLOW_ORG_ID")?)
        .sandbox_name(env("FLOW_SANDBOX")?)
        .build()?;

    let auth = ConnectionString::builder()
        .connection_string(env("BLOB_CONNECTION_STRING")?)
        .build()?;
    let base = client.create(&CreateConnection::new("Landing container", auth)).await?;
    let base = base.base_connection_id();

    // Preview the file as the source connection will read it: the same format and properties.
    let properties = FileProperties::default().compression_type(CompressionType::Gzip);
    let preview = client
        .explore(&Explore::<SourceParams>::file(&base, path, FileFormat::Delimited, &properties).preview(true))
        .await?;
    println!("{} columns", preview.into_columns().len());

    let params = SourceParams::builder().path(path).type_(Type::File).build()?;
    let data = FileData::new(FileFormat::Delimited).properties(properties);
    let source = CreateSourceConnection::with_data("Daily orders file", base, params, data);
    let source = client.create_source_connection(&source).await?;

    let target = CreateTargetConnection::new("Orders dataset", dataset_id, SchemaRef::new(schema_id));
    let target = client.create_target_connection(&target).await?;

    let flow = CreateFlow::<CloudStorageToAep>::builder("Daily orders")
        .source(source.id)
        .target(target.id)
        .mapping(mapping_id, 0)
        .schedule(Schedule::every(1, Frequency::Day, StartTime::now()))
        .build()?;
    let flow = client.create_flow(&flow).await?;
    println!("flow {} created", flow.id);
    Ok(())
}
