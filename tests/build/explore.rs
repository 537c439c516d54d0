//! Documented explore calls as `flow_connectors::Explore::<P>` requests: the Rust expression of
//! the request's `path_and_query()`, or why the typed API cannot write that call.
//!
//! The query built is the documented example (`exampleQuery`) when there is one, else the
//! template (`query`); ids in the path stay as documented (`{BASE_CONNECTION_ID}`). `P` is the
//! folder's connector (`sourceConnectionSpecId`); a generic tutorial names none, so it is the
//! connector of the tutorial's own source connection, else the first connector of the family the
//! call needs: the request depends on nothing but the family.

use flow_codegen::model::{Connector, Model, SourceFamily};
use serde_json::{Map, Value};

use crate::params::{Finish, kind, object_expression};
use crate::workflow::{Request, only, source_connector};

/// Decodes `%XX` escapes (the documented values are sometimes already encoded).
pub fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// Decodes standard base64 (padding optional), or `None` if `text` is not base64.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let digits: Option<Vec<u32>> = text
        .trim_end_matches('=')
        .bytes()
        .map(|b| ALPHABET.iter().position(|&a| a == b).map(|p| p as u32))
        .collect();
    let digits = digits?;
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let mut word = 0u32;
        for (i, digit) in chunk.iter().enumerate() {
            word |= digit << (18 - 6 * i);
        }
        let bytes = word.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

/// The family a query's `objectType` needs, `None` for `root` (tables and files list one).
fn family_of(object_type: &str) -> Result<Option<SourceFamily>, String> {
    match object_type {
        "root" => Ok(None),
        "table" => Ok(Some(SourceFamily::Table)),
        "folder" | "file" => Ok(Some(SourceFamily::File)),
        "rest" => Ok(Some(SourceFamily::Rest)),
        other => Err(format!("`objectType` {other:?} is none the typed API writes")),
    }
}

fn fits(connector: &Connector, family: Option<SourceFamily>) -> bool {
    let found = connector.source.as_ref().map(|s| s.family);
    match family {
        Some(family) => found == Some(family),
        None => matches!(
            found,
            Some(SourceFamily::Table | SourceFamily::File | SourceFamily::Stream)
        ),
    }
}

/// The connector whose `Explore::<P>` writes the call (see the module docs).
fn connector<'a>(model: &'a Model, file: &Value, family: Option<SourceFamily>) -> Result<&'a Connector, String> {
    if let Some(id) = file["sourceConnectionSpecId"].as_str() {
        return source_connector(model, id);
    }
    let documented = file["sourceConnections"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["body"]["connectionSpec"]["id"].as_str())
        .filter_map(|id| source_connector(model, id).ok())
        .find(|c| fits(c, family));
    let family = family.unwrap_or(SourceFamily::Table);
    documented
        .or_else(|| model.connectors.iter().find(|c| fits(c, Some(family))))
        .ok_or_else(|| "no connector of specs/ has the family this call needs".into())
}

/// The Rust expression of the request's `path_and_query()` as a JSON string.
pub fn expression(model: &Model, request: &Request<'_>) -> Result<String, String> {
    let entry = request.entry;
    let path = entry["path"].as_str().ok_or("the call has no path")?;
    let base = path
        .strip_prefix("/connections/")
        .and_then(|rest| rest.strip_suffix("/explore"))
        .ok_or_else(|| format!("the path `{path}` is not /connections/{{id}}/explore, the one the typed API writes"))?;
    let query = entry.get("exampleQuery").unwrap_or(&entry["query"]);
    let query: &Map<String, Value> = query.as_object().ok_or("the call has no query object")?;
    let mut values = Map::new();
    for (key, value) in query {
        let text = value
            .as_str()
            .ok_or_else(|| format!("the query param `{key}` is {}, not one string", kind(value)))?;
        values.insert(key.clone(), Value::String(percent_decode(text)));
    }
    let text = |key: &str| values.get(key).and_then(Value::as_str);
    let object_type = text("objectType").ok_or("the query has no `objectType`")?;
    let family = family_of(object_type)?;
    let connector = connector(model, request.file, family)?;
    let source = connector.source.as_ref().expect("a source");
    let params = format!("flow_connectors::{}::{}", connector.module, source.params.type_name);
    let base = format!("&flow_connectors::BaseConnectionId::new({base:?})");
    let explore = format!("flow_connectors::Explore::<{params}>");
    let object = || text("object").ok_or("the query has no `object`");
    let preview = |expression: String| -> Result<String, String> {
        match text("preview") {
            None => Ok(expression),
            Some(flag @ ("true" | "false")) => Ok(format!("{expression}.preview({flag})")),
            Some(other) => Err(format!("`preview` is {other:?}, not true or false")),
        }
    };
    let call = match object_type {
        "root" => {
            only(&values, &["objectType"], "the query")?;
            if !fits(connector, None) {
                return Err(format!(
                    "`{}` lists no root: it is no table, file or stream source",
                    connector.machine_name
                ));
            }
            format!("{explore}::root({base})")
        }
        "table" => {
            only(&values, &["objectType", "object", "preview"], "the query")?;
            preview(format!("{explore}::table({base}, {:?})", object()?))?
        }
        "folder" => {
            only(&values, &["objectType", "object"], "the query")?;
            format!("{explore}::folder({base}, {:?})", object()?)
        }
        "file" => file_call(&explore, &base, &values)?,
        _ => {
            let allowed = ["objectType", "object", "fileType", "preview", "sourceParams"];
            only(&values, &allowed, "the query")?;
            if text("fileType") != Some("json") {
                return Err(format!(
                    "`fileType` is {:?}; a REST preview sends json",
                    text("fileType")
                ));
            }
            let encoded = text("sourceParams").ok_or("the query has no `sourceParams`")?;
            let decoded = base64_decode(encoded).ok_or_else(|| format!("`sourceParams` {encoded:?} is not base64"))?;
            let decoded: Value =
                serde_json::from_slice(&decoded).map_err(|e| format!("`sourceParams` decodes to no JSON ({e})"))?;
            let decoded = decoded.as_object().ok_or("`sourceParams` decodes to no JSON object")?;
            let built = object_expression(connector, &source.params, decoded, "", Finish::Question)
                .map_err(|why| format!("`sourceParams` is no params of `{}`: {why}", connector.machine_name))?;
            let call = format!(
                "{explore}::rest({base}, {:?}, &{built}).map_err(|e| e.to_string())?",
                object()?
            );
            preview(call)?
        }
    };
    Ok(format!("serde_json::Value::String({call}.path_and_query())"))
}

fn file_call(explore: &str, base: &str, values: &Map<String, Value>) -> Result<String, String> {
    let allowed = [
        "objectType",
        "object",
        "fileType",
        "preview",
        "columnDelimiter",
        "encoding",
        "compressionType",
    ];
    only(values, &allowed, "the query")?;
    let text = |key: &str| values.get(key).and_then(Value::as_str);
    let format = match text("fileType") {
        Some("delimited") => "Delimited",
        Some("json") => "Json",
        Some("parquet") => "Parquet",
        other => return Err(format!("`fileType` is {other:?}, not delimited, json or parquet")),
    };
    let properties = super::workflow::file_properties_expression("", |key| Ok(text(key).map(str::to_owned)))?;
    let object = text("object").ok_or("the query has no `object`")?;
    let call = format!("{explore}::file({base}, {object:?}, flow_connectors::FileFormat::{format}, &{properties})");
    match text("preview") {
        Some("true") => Ok(call),
        Some("false") => Ok(format!("{call}.preview(false)")),
        other => Err(format!("`preview` is {other:?}, not true or false")),
    }
}
