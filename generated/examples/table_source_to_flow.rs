//! From a MySQL base connection to a running dataflow, every request typed: create the base
//! connection, explore its tables, create a source connection for one table with the columns
//! explore returned, a Data Lake target connection, and a dataflow every 15 minutes; then list
//! the flow's runs.
//!
//! ```text
//! cargo run -p flow-connectors --features client --example table_source_to_flow -- TABLE DATASET_ID SCHEMA_ID MAPPING_ID
//! ```
//!
//! Credentials come from `FLOW_CLIENT_ID`, `FLOW_CLIENT_SECRET`, `FLOW_ORG_ID`, `FLOW_SANDBOX`; the
//! MySQL connection string from `MYSQL_CONNECTION_STRING`.

use std::error::Error;

use flow_connectors::client::{FlowClient, ImsCredentials};
use flow_connectors::flow_specs::CrmToAep;
use flow_connectors::mysql::{ConnectionStringBasedAuthentication, SourceParams};
use flow_connectors::{
    CreateConnection, CreateFlow, CreateSourceConnection, CreateTargetConnection, Explore, Frequency, Schedule,
    SchemaRef, StartTime,
};
use futures_util::StreamExt as _;

fn env(name: &str) -> Result<String, Box<dyn Error>> {
    std::env::var(name).map_err(|_| format!("set the environment variable {name}").into())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [table, dataset_id, schema_id, mapping_id] = args.as_slice() else {
        return Err("usage: table_source_to_flow TABLE DATASET_ID SCHEMA_ID MAPPING_ID".into());
    };
    let client = FlowClient::builder()
        .credentials(ImsCredentials::new(env("FLOW_CLIENT_ID")?, env("FLOW_CLIENT_SECRET")?))
        .api_key(env("FLOW_CLIENT_ID")?)
        .org_id(env("FLOW_ORG_ID")?)
        .sandbox_name(env("FLOW_SANDBOX")?)
        .build()?;

    // 1. The base connection: a missing required auth param would not compile.
    let auth = ConnectionStringBasedAuthentication::builder()
        .connection_string(env("MYSQL_CONNECTION_STRING")?)
        .build()?;
    let base = client.create(&CreateConnection::new("Shop database", auth)).await?;
    let base = base.base_connection_id();

    // 2. Explore: the tables, then the columns of the one we want.
    let tables = client.explore(&Explore::<SourceParams>::root(&base)).await?;
    let path = tables
        .iter()
        .find(|item| item.name == *table)
        .map(|item| item.path.clone())
        .ok_or_else(|| format!("no table named {table}"))?;
    let schema = client.explore(&Explore::<SourceParams>::table(&base, &path)).await?;

    // 3. The source connection: `tableName` is required (a compile error if left out); the
    //    columns are the explore answer's, unchanged.
    let params = SourceParams::builder()
        .table_name(&path)
        .columns(schema.into_columns())
        .build()?;
    let source = client
        .create_source_connection(&CreateSourceConnection::new("Shop orders", base, params))
        .await?;

    // 4. The target connection: the Data Lake dataset and the XDM schema it follows.
    let target = CreateTargetConnection::new("Orders dataset", dataset_id, SchemaRef::new(schema_id));
    let target = client.create_target_connection(&target).await?;

    // 5. The dataflow: CRMToAEP accepts MySQL's source connections (another flow spec would not
    //    compile); the interval is checked against the flow spec's minimum (15 for minutes).
    let flow = CreateFlow::<CrmToAep>::builder("Shop orders every 15 minutes")
        .source(source.id)
        .target(target.id)
        .mapping(mapping_id, 0)
        .schedule(Schedule::every(15, Frequency::Minute, StartTime::now()))
        .build()?;
    let flow = client.create_flow(&flow).await?;
    println!("flow {} created", flow.id);

    // 6. Its runs, page by page.
    let mut runs = std::pin::pin!(client.runs(&flow.id));
    while let Some(run) = runs.next().await {
        let run = run?;
        println!("run {}: {}", run.id, run.status.as_deref().unwrap_or("pending"));
    }
    Ok(())
}
