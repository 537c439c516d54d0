//! Documented dataflow bodies as `CreateFlow::<F>::builder(..)` chains: flow spec `F` by the
//! body's `flowSpec.id`, source ids typed with any connector `F` accepts (an id does not say
//! which), transformations and schedule in the JSON types `F`'s schema gives them.

use std::fmt::Write as _;

use flow_codegen::model::{FlowSpec, Model, WireForm};
use serde_json::Value;

use crate::params::kind;
use crate::workflow::{object, only, spec_ref, string};

fn ids(body: &Value, key: &str) -> Result<Vec<String>, String> {
    let ids: Option<Vec<String>> = body[key]
        .as_array()
        .filter(|items| !items.is_empty())
        .and_then(|items| items.iter().map(|id| id.as_str().map(str::to_owned)).collect());
    ids.ok_or_else(|| format!("`{key}` is {}, not a non-empty array of id strings", kind(&body[key])))
}

/// The Rust expression of a `CreateFlow`'s JSON equal to `body`.
pub fn expression(model: &Model, body: &Value) -> Result<String, String> {
    let members = object(body, "the body")?;
    let allowed = [
        "name",
        "description",
        "flowSpec",
        "sourceConnectionIds",
        "targetConnectionIds",
        "transformations",
        "scheduleParams",
    ];
    only(members, &allowed, "the body")?;
    let id = string(&body["flowSpec"], "id")?;
    let flow_spec = model
        .flow_specs
        .iter()
        .find(|f| f.id == id)
        .ok_or_else(|| format!("no flow spec in specs/flows has the id `{id}`"))?;
    spec_ref(body, "flowSpec", &flow_spec.version)?;
    // The ids do not say which connector they are of: any connector the flow spec accepts does.
    let module = flow_spec
        .accepts
        .first()
        .ok_or_else(|| format!("flow spec `{}` accepts no connector of specs/", flow_spec.name))?;
    let connector = model.connectors.iter().find(|c| &c.module == module).expect("accepted");
    let params = format!(
        "flow_connectors::{module}::{}",
        connector.source.as_ref().expect("a source").params.type_name
    );
    let mut expression = format!(
        "flow_connectors::CreateFlow::<flow_connectors::flow_specs::{}>::builder({:?})",
        flow_spec.type_name,
        string(body, "name")?
    );
    if body.get("description").is_some() {
        write!(expression, ".description({:?})", string(body, "description")?).unwrap();
    }
    for id in ids(body, "sourceConnectionIds")? {
        write!(
            expression,
            ".source(flow_connectors::SourceConnectionId::<{params}>::new({id:?}))"
        )
        .unwrap();
    }
    for id in ids(body, "targetConnectionIds")? {
        write!(expression, ".target(flow_connectors::TargetConnectionId::new({id:?}))").unwrap();
    }
    if let Some(transformations) = body.get("transformations") {
        let items = transformations.as_array().ok_or("`transformations` is not an array")?;
        if items.is_empty() {
            return Err("`transformations` is empty, which the typed API leaves out".into());
        }
        for item in items {
            expression.push_str(&transformation_expression(flow_spec, item)?);
        }
    }
    if let Some(schedule) = body.get("scheduleParams") {
        write!(expression, ".schedule({})", schedule_expression(flow_spec, schedule)?).unwrap();
    }
    Ok(format!("{expression}.build().map_err(|e| e.to_string())?.to_value()"))
}

fn transformation_expression(flow_spec: &FlowSpec, item: &Value) -> Result<String, String> {
    only(
        object(item, "a transformation")?,
        &["name", "params"],
        "a transformation",
    )?;
    let params = &item["params"];
    match string(item, "name")? {
        "Copy" => {
            only(object(params, "Copy's `params`")?, &["deltaColumn"], "Copy's `params`")?;
            let delta = &params["deltaColumn"];
            let allowed = ["name", "dateFormat", "timezone"];
            only(object(delta, "`deltaColumn`")?, &allowed, "`deltaColumn`")?;
            let mut column = format!("flow_connectors::DeltaColumn::new({:?})", string(delta, "name")?);
            if delta.get("dateFormat").is_some() {
                write!(column, ".date_format({:?})", string(delta, "dateFormat")?).unwrap();
            }
            if delta.get("timezone").is_some() {
                write!(column, ".timezone({:?})", string(delta, "timezone")?).unwrap();
            }
            Ok(format!(".copy({column})"))
        }
        "Mapping" => {
            let allowed = ["mappingId", "mappingVersion"];
            only(object(params, "Mapping's `params`")?, &allowed, "Mapping's `params`")?;
            let version = match (&params["mappingVersion"], flow_spec.mapping_version) {
                (Value::Number(n), WireForm::Integer) => n.as_u64(),
                (Value::String(s), WireForm::String) => s.parse::<u64>().ok().filter(|v| v.to_string() == *s),
                _ => None,
            };
            let version = version.ok_or_else(|| {
                format!(
                    "`mappingVersion` is {}; flow spec `{}` types it as {:?}",
                    kind(&params["mappingVersion"]),
                    flow_spec.name,
                    flow_spec.mapping_version
                )
            })?;
            Ok(format!(".mapping({:?}, {version})", string(params, "mappingId")?))
        }
        other => Err(format!("the transformation {other:?} is neither Copy nor Mapping")),
    }
}

fn schedule_expression(flow_spec: &FlowSpec, schedule: &Value) -> Result<String, String> {
    let allowed = ["startTime", "frequency", "interval", "backfill"];
    only(object(schedule, "`scheduleParams`")?, &allowed, "`scheduleParams`")?;
    let form = flow_spec.schedule.as_ref().map_or(WireForm::Integer, |s| s.start_time);
    let start = match (&schedule["startTime"], form) {
        (Value::Number(n), WireForm::Integer) => n.as_i64(),
        (Value::String(s), WireForm::String) => s.parse::<i64>().ok().filter(|v| v.to_string() == *s),
        _ => None,
    };
    let start = start.ok_or_else(|| {
        format!(
            "`startTime` is {}; flow spec `{}` types it as {form:?}",
            kind(&schedule["startTime"]),
            flow_spec.name
        )
    })?;
    let start = format!("flow_connectors::StartTime::from_unix_seconds({start})");
    let frequency = match string(schedule, "frequency")? {
        "once" => "Once",
        "minute" => "Minute",
        "hour" => "Hour",
        "day" => "Day",
        "week" => "Week",
        other => return Err(format!("`frequency` {other:?} is no Frequency")),
    };
    let mut expression = match (frequency, schedule.get("interval")) {
        ("Once", None) => format!("flow_connectors::Schedule::once({start})"),
        ("Once", Some(_)) => return Err("`frequency` is `once` with an `interval`: Schedule::once has none".into()),
        (_, Some(Value::Number(n))) if n.as_u64().is_some() => format!(
            "flow_connectors::Schedule::every({}, flow_connectors::Frequency::{frequency}, {start})",
            n.as_u64().expect("checked")
        ),
        (_, found) => {
            let found = found.map_or("absent", kind);
            return Err(format!("`interval` is {found}; Schedule::every takes an integer"));
        }
    };
    match schedule.get("backfill") {
        None => {}
        Some(Value::Bool(backfill)) => write!(expression, ".backfill({backfill})").unwrap(),
        Some(other) => return Err(format!("`backfill` is {}, not a boolean", kind(other))),
    }
    Ok(expression)
}
