// A table source connection without the table to read: `tableName` is required by MySQL's source
// params, so `build()` does not compile until it is set.
use flow_connectors::Column;
use flow_connectors::mysql::SourceParams;

fn main() {
    let _ = SourceParams::builder().columns([Column::new("id", "string")]).build();
}
