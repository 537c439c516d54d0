// A webhook source has no base connection: `CreateSourceConnection::new(name, base, params)` exists
// only for sources that have one.
use flow_connectors::{BaseConnectionId, CreateSourceConnection};

fn main() {
    let params = flow_connectors::shopify_streaming::SourceParams::builder().build().unwrap();
    let _ = CreateSourceConnection::new("orders", BaseConnectionId::new("6990abad"), params);
}
