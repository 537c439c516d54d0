//! The workflow corpus (`fixtures/workflow/`) as builder code: for every documented source
//! connection, target connection and dataflow body, the Rust expression that builds it through the
//! typed API (or why there is none); explore calls are in `explore.rs`. Also the typed readers the
//! test reads each body back with, chosen by the body's spec id.

use std::fmt::Write as _;
use std::path::Path;

use flow_codegen::model::{Connector, Model, SourceFamily};
use serde_json::{Map, Value};

use crate::params::{Finish, kind, object_expression};

/// The kinds of request a workflow file lists, as its keys name them.
pub const KINDS: [&str; 4] = ["explore", "sourceConnections", "targetConnections", "flows"];

/// The Data Lake's connection spec, the only target connection spec.
const DATA_LAKE: (&str, &str) = ("c604ff05-7f1a-43c0-8e18-33bf874cb11c", "1.0");

/// One documented request: `key` is `<file>/<kind>#<index>`, `file` the whole workflow file.
pub struct Request<'a> {
    pub key: String,
    pub entry: &'a Value,
    pub file: &'a Value,
}

/// `(name, content)` of every workflow file: `<folder>` for `<folder>/workflow.json`,
/// `_generic/<stem>` for the generic tutorials; in name order.
fn workflow_files(dir: &Path) -> Vec<(String, Value)> {
    let read = |path: &Path| -> Value {
        let text = std::fs::read_to_string(path).expect("readable workflow file");
        serde_json::from_str(&text).expect("workflow files are JSON")
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixtures/workflow exists") {
        let path = entry.expect("readable").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        if path.join("workflow.json").is_file() {
            files.push((name, read(&path.join("workflow.json"))));
        } else if name == "_generic" {
            for generic in std::fs::read_dir(&path).expect("readable _generic") {
                let generic = generic.expect("readable").path();
                let stem = generic.file_stem().expect("stem").to_string_lossy().into_owned();
                if generic.extension().is_some_and(|e| e == "json") {
                    files.push((format!("_generic/{stem}"), read(&generic)));
                }
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// The Rust source of `workflow_builders.rs`.
pub fn builders(model: &Model, dir: &Path) -> String {
    let files = workflow_files(dir);
    let mut built = String::new();
    let mut unbuilt = String::new();
    let mut shown = String::new();
    let mut functions = String::new();
    for (name, file) in &files {
        for kind in KINDS {
            for (index, entry) in file[kind].as_array().into_iter().flatten().enumerate() {
                let request = Request {
                    key: format!("{name}/{kind}#{index}"),

                    entry,
                    file,
                };
                let function = format!("workflow_{}", built.lines().count());
                let expression = match kind {
                    "explore" => crate::explore::expression(model, &request),
                    "sourceConnections" => source_expression(model, &entry["body"]).map(|source| {
                        writeln!(
                            functions,
                            "fn {function}_debug() -> Result<String, String> {{\n    let built = {source};\n    \
                             Ok(format!(\"{{built:?}} {{built:#?}}\"))\n}}\n"
                        )
                        .unwrap();
                        writeln!(shown, "    ({:?}, {function}_debug),", request.key).unwrap();
                        format!("serde_json::to_value({source}).map_err(|e| e.to_string())?")
                    }),
                    "targetConnections" => target_expression(&entry["body"]),
                    _ => crate::flow::expression(model, &entry["body"]),
                };
                match expression {
                    Ok(expression) => {
                        writeln!(built, "    ({:?}, {function}),", request.key).unwrap();
                        writeln!(
                            functions,
                            "fn {function}() -> Result<serde_json::Value, String> {{\n    let value = {expression};\n    Ok(value)\n}}\n"
                        )
                        .unwrap();
                    }
                    Err(reason) => writeln!(unbuilt, "    ({:?}, {reason:?}),", request.key).unwrap(),
                }
            }
        }
    }
    let (source_readers, flow_readers) = readers(model, &mut functions);
    format!(
        "/// Builds one documented workflow request through the typed API: the body as JSON, or for an\n\
         /// explore call the request's `path_and_query()` as a JSON string; `Err` when a builder refuses.\n\
         pub type BuildRequest = fn() -> Result<serde_json::Value, String>;\n\n\
         /// Every documented workflow request the typed API expresses: (key, builder).\n\
         pub const WORKFLOW_BUILT: &[(&str, BuildRequest)] = &[\n{built}];\n\n\
         /// Every documented workflow request it cannot express, and why: (key, reason).\n\
         pub const WORKFLOW_UNBUILT: &[(&str, &str)] = &[\n{unbuilt}];\n\n\
         /// `Debug` (plain and pretty) of a typed value built from a documented body.\n\
         pub type ShowRequest = fn() -> Result<String, String>;\n\n\
         /// The source connections built, shown: (key, shower).\n\
         pub const WORKFLOW_SHOWN: &[(&str, ShowRequest)] = &[\n{shown}];\n\n\
         /// Reads a body back through a typed reader, serialized again.\n\
         pub type ReadBody = fn(serde_json::Value, flow_connectors::DecodeMode) -> Result<serde_json::Value, flow_connectors::DecodeError>;\n\n\
         /// `CreateSourceConnection::<P>::from_value` per connection spec id with source params P.\n\
         pub const SOURCE_READERS: &[(&str, ReadBody)] = &[\n{source_readers}];\n\n\
         /// `CreateFlow::<F>::from_value` per flow spec id.\n\
         pub const FLOW_READERS: &[(&str, ReadBody)] = &[\n{flow_readers}];\n\n{functions}"
    )
}

/// The typed readers: one per connector with a source, one per flow spec.
fn readers(model: &Model, functions: &mut String) -> (String, String) {
    let mut sources = String::new();
    for (index, connector) in model.connectors.iter().enumerate() {
        let Some(source) = &connector.source else { continue };
        let params = format!("flow_connectors::{}::{}", connector.module, source.params.type_name);
        writeln!(
            functions,
            "fn read_source_{index}(body: serde_json::Value, mode: flow_connectors::DecodeMode) -> \
             Result<serde_json::Value, flow_connectors::DecodeError> {{\n    \
             flow_connectors::CreateSourceConnection::<{params}>::from_value(body, mode)\n        \
             .map(|read| serde_json::to_value(&read).expect(\"serializes\"))\n}}\n"
        )
        .unwrap();
        writeln!(sources, "    ({:?}, read_source_{index}),", connector.spec_id).unwrap();
    }
    let mut flows = String::new();
    for (index, flow_spec) in model.flow_specs.iter().enumerate() {
        writeln!(
            functions,
            "fn read_flow_{index}(body: serde_json::Value, mode: flow_connectors::DecodeMode) -> \
             Result<serde_json::Value, flow_connectors::DecodeError> {{\n    \
             flow_connectors::CreateFlow::<flow_connectors::flow_specs::{}>::from_value(body, mode).map(|read| read.to_value())\n}}\n",
            flow_spec.type_name
        )
        .unwrap();
        writeln!(flows, "    ({:?}, read_flow_{index}),", flow_spec.id).unwrap();
    }
    (sources, flows)
}

/// Fails naming the first member of `object` outside `allowed`.
pub fn only(object: &Map<String, Value>, allowed: &[&str], what: &str) -> Result<(), String> {
    match object.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(key) => Err(format!(
            "{what} has the member `{key}`, which the typed API does not write"
        )),
        None => Ok(()),
    }
}

pub fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{what} is {}, not an object", kind(value)))
}

pub fn string<'a>(parent: &'a Value, key: &str) -> Result<&'a str, String> {
    match parent.get(key) {
        Some(Value::String(text)) => Ok(text),
        Some(other) => Err(format!("`{key}` is {}, not a string", kind(other))),
        None => Err(format!("the body has no `{key}`")),
    }
}

/// `connectionSpec`/`flowSpec` must be `{id, version}` with the string `version`.
pub fn spec_ref(body: &Value, key: &str, version: &str) -> Result<(), String> {
    let spec = object(&body[key], &format!("`{key}`"))?;
    only(spec, &["id", "version"], &format!("`{key}`"))?;
    match spec.get("version") {
        Some(Value::String(found)) if found == version => Ok(()),
        found => Err(format!(
            "`{key}.version` is {found:?}; the spec has the string {version:?}"
        )),
    }
}

/// `.schema(SchemaRef::with_version(..))` of a `data.schema` object.
fn schema_expression(schema: &Value) -> Result<String, String> {
    let members = object(schema, "`data.schema`")?;
    only(members, &["id", "version"], "`data.schema`")?;
    Ok(format!(
        "flow_connectors::SchemaRef::with_version({:?}, {:?})",
        string(schema, "id")?,
        string(schema, "version")?
    ))
}

/// The `data` of a source connection of `family`.
fn data_expression(family: SourceFamily, data: Option<&Value>) -> Result<String, String> {
    let (format, ty) = match family {
        SourceFamily::Table => ("tabular", "TableData"),
        SourceFamily::Rest => ("json", "RestData"),
        SourceFamily::Stream => match data {
            None => return Ok("flow_connectors::StreamData::Omitted".into()),
            Some(data) => {
                only(object(data, "`data`")?, &["format"], "`data`")?;
                return match string(data, "format")? {
                    "json" => Ok("flow_connectors::StreamData::Json".into()),
                    other => Err(format!(
                        "a stream source's `data.format` is `json`, the body sends {other:?}"
                    )),
                };
            }
        },
        _ => return file_data_expression(data.ok_or("the body has no `data`")?),
    };
    let data = data.ok_or("the body has no `data`")?;
    only(object(data, "`data`")?, &["format", "schema"], "`data`")?;
    let found = string(data, "format")?;
    if found != format {
        return Err(format!(
            "this family's `data.format` is {format:?}, the body sends {found:?}"
        ));
    }
    let mut expression = format!("flow_connectors::{ty}::default()");
    if let Some(schema) = data.get("schema") {
        write!(expression, ".schema({})", schema_expression(schema)?).unwrap();
    }
    Ok(expression)
}

fn file_data_expression(data: &Value) -> Result<String, String> {
    only(object(data, "`data`")?, &["format", "properties"], "`data`")?;
    let format = match string(data, "format")? {
        "delimited" => "Delimited",
        "json" => "Json",
        "parquet" => "Parquet",
        other => {
            return Err(format!(
                "a file source's `data.format` is delimited, json or parquet, not {other:?}"
            ));
        }
    };
    let mut expression = format!("flow_connectors::FileData::new(flow_connectors::FileFormat::{format})");
    if let Some(properties) = data.get("properties") {
        let members = object(properties, "`data.properties`")?;
        if members.is_empty() {
            return Err("`data.properties` is empty, which the typed API leaves out".into());
        }
        only(
            members,
            &["columnDelimiter", "encoding", "compressionType"],
            "`data.properties`",
        )?;
        let chain = file_properties_expression("data.properties.", |key| {
            members
                .contains_key(key)
                .then(|| string(properties, key).map(str::to_owned))
                .transpose()
        })?;
        write!(expression, ".properties({chain})").unwrap();
    }
    Ok(expression)
}

/// The connector whose connection spec id is `id`, with a source.
pub fn source_connector<'a>(model: &'a Model, id: &str) -> Result<&'a Connector, String> {
    let connector = model
        .connectors
        .iter()
        .find(|c| c.spec_id == id)
        .ok_or_else(|| format!("no connector in specs/ has the connection spec id `{id}`"))?;
    match connector.source {
        Some(_) => Ok(connector),
        None => Err(format!("`{}` has no sourceSpec", connector.machine_name)),
    }
}

/// The Rust expression of a `CreateSourceConnection` equal to `body`.
fn source_expression(model: &Model, body: &Value) -> Result<String, String> {
    let members = object(body, "the body")?;
    let allowed = [
        "name",
        "description",
        "baseConnectionId",
        "providerId",
        "data",
        "params",
        "connectionSpec",
    ];
    only(members, &allowed, "the body")?;
    let connector = source_connector(model, string(&body["connectionSpec"], "id")?)?;
    let source = connector.source.as_ref().expect("checked");
    spec_ref(body, "connectionSpec", &connector.version)?;
    let name = string(body, "name")?;
    let params = if source.sends_params {
        let values = match body.get("params") {
            Some(values) => object(values, "`params`")?,
            None => return Err("the body sends no `params`; the spec has source params".into()),
        };
        object_expression(connector, &source.params, values, "", Finish::Question)?
    } else if body.get("params").is_some() {
        return Err(format!(
            "the body sends `params`; `{}` has no source params",
            connector.machine_name
        ));
    } else {
        let ty = format!("flow_connectors::{}::{}", connector.module, source.params.type_name);
        format!("{ty}::builder().build().map_err(|e| e.to_string())?")
    };
    let data = data_expression(source.family, body.get("data"))?;
    let mut expression = if source.base_connection {
        if body.get("providerId").is_some() {
            return Err(
                "the body sends `providerId` next to `baseConnectionId`; the typed API sends only the base".into(),
            );
        }
        let base = string(body, "baseConnectionId")?;
        format!(
            "flow_connectors::CreateSourceConnection::with_data({name:?}, \
             flow_connectors::BaseConnectionId::new({base:?}), {params}, {data})"
        )
    } else {
        if body.get("baseConnectionId").is_some() {
            return Err(format!(
                "the body sends `baseConnectionId`; `{}` has none",
                connector.machine_name
            ));
        }
        let found = body.get("providerId").and_then(Value::as_str);
        if found != connector.provider_id.as_deref() {
            return Err(format!(
                "the body sends the providerId {found:?}, the spec has {:?}",
                connector.provider_id
            ));
        }
        format!(
            "flow_connectors::CreateSourceConnection::without_base_connection_with_data({name:?}, {params}, {data})"
        )
    };
    if body.get("description").is_some() {
        write!(expression, ".description({:?})", string(body, "description")?).unwrap();
    }
    Ok(expression)
}

/// The Rust expression of a `CreateTargetConnection`'s JSON equal to `body`.
fn target_expression(body: &Value) -> Result<String, String> {
    let members = object(body, "the body")?;
    only(
        members,
        &["name", "description", "data", "params", "connectionSpec"],
        "the body",
    )?;
    let id = string(&body["connectionSpec"], "id")?;
    if id != DATA_LAKE.0 {
        return Err(format!(
            "the body names the connection spec `{id}`, not the Data Lake's"
        ));
    }
    spec_ref(body, "connectionSpec", DATA_LAKE.1)?;
    let data = &body["data"];
    only(object(data, "`data`")?, &["format", "schema"], "`data`")?;
    let params = &body["params"];
    only(object(params, "`params`")?, &["dataSetId"], "`params`")?;
    let (name, dataset) = (string(body, "name")?, string(params, "dataSetId")?);
    let mut expression = match data.get("schema") {
        Some(schema) => format!(
            "flow_connectors::CreateTargetConnection::new({name:?}, {dataset:?}, {})",
            schema_expression(schema)?
        ),
        None => format!("flow_connectors::CreateTargetConnection::without_schema({name:?}, {dataset:?})"),
    };
    if body.get("description").is_some() {
        write!(expression, ".description({:?})", string(body, "description")?).unwrap();
    }
    if data.get("format").is_some() {
        let variant = match string(data, "format")? {
            "parquet_xdm" => "ParquetXdm",
            "json" => "Json",
            other => return Err(format!("`data.format` {other:?} is no TargetFormat")),
        };
        write!(expression, ".format(flow_connectors::TargetFormat::{variant})").unwrap();
    }
    Ok(format!("{expression}.to_value()"))
}

/// The `FileProperties` chain of `columnDelimiter`, `encoding` and `compressionType` as `value`
/// gives them (a data body's `data.properties`, an explore call's query); errors name
/// `{prefix}{member}`.
pub fn file_properties_expression(
    prefix: &str,
    value: impl Fn(&str) -> Result<Option<String>, String>,
) -> Result<String, String> {
    let mut chain = "flow_connectors::FileProperties::default()".to_owned();
    if let Some(delimiter) = value("columnDelimiter")? {
        write!(chain, ".column_delimiter({delimiter:?})").unwrap();
    }
    if let Some(encoding) = value("encoding")? {
        let variant = match encoding.as_str() {
            "UTF-8" => "Utf8",
            "ISO-8859-1" => "Iso8859_1",
            other => return Err(format!("`{prefix}encoding` {other:?} is no Encoding")),
        };
        write!(chain, ".encoding(flow_connectors::Encoding::{variant})").unwrap();
    }
    if let Some(compression) = value("compressionType")? {
        let variant = match compression.as_str() {
            "bzip2" => "Bzip2",
            "gzip" => "Gzip",
            "deflate" => "Deflate",
            "zipDeflate" => "ZipDeflate",
            "tarGzip" => "TarGzip",
            "tar" => "Tar",
            other => return Err(format!("`{prefix}compressionType` {other:?} is no CompressionType")),
        };
        write!(chain, ".compression_type(flow_connectors::CompressionType::{variant})").unwrap();
    }
    Ok(chain)
}
