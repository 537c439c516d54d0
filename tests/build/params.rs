//! Rust expressions of params values (auth params and source params): one builder call per param,
//! nested objects through their own builders, free-form objects and table columns through the
//! runtime's `JsonObject` and `Column`.

use std::fmt::Write as _;

use flow_codegen::model::{Connector, ParamType, ParamsStruct};
use serde_json::{Map, Value};

/// How the params builder's `build()` ends the expression: `.expect(..)` where the surrounding
/// code returns no `Result`, `?` (the error as text) where it does.
#[derive(Clone, Copy)]
pub enum Finish {
    Expect,
    Question,
}

impl Finish {
    fn call(self) -> &'static str {
        match self {
            Finish::Expect => ".build().expect(\"the documented values break no spec rule\")",
            Finish::Question => ".build().map_err(|e| e.to_string())?",
        }
    }
}

/// What a JSON value is, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The Rust expression building `object`'s type from `values`, or why there is none.
pub fn object_expression(
    connector: &Connector,
    object: &ParamsStruct,
    values: &Map<String, Value>,
    prefix: &str,
    finish: Finish,
) -> Result<String, String> {
    let module = &connector.module;
    for key in values.keys() {
        if !object.params.iter().any(|p| &p.wire_name == key) {
            return Err(format!("the spec has no param `{prefix}{key}`"));
        }
    }
    let mut expression = format!("flow_connectors::{module}::{}::builder()", object.type_name);
    for param in &object.params {
        match values.get(&param.wire_name) {
            Some(value) => {
                let value = value_expression(connector, &param.ty, value, finish).map_err(|found| {
                    format!(
                        "param `{}` is {} in the spec, the body sends {found}",
                        param.dotted_name,
                        param.ty.schema_name()
                    )
                })?;
                write!(expression, ".{}({value})", param.field).unwrap();
            }
            None if param.tracked() => {
                return Err(format!("the body lacks the required param `{}`", param.dotted_name));
            }
            None => {}
        }
    }
    Ok(format!("{expression}{}", finish.call()))
}

/// A `JsonObject` expression equal to `object`.
pub fn json_object_expression(object: &Map<String, Value>) -> String {
    let text = Value::Object(object.clone()).to_string();
    format!("serde_json::from_str::<flow_connectors::JsonObject>({text:?}).expect(\"a JSON object\")")
}

/// A `Column` expression equal to `value`, or a description of what does not fit.
fn column_expression(value: &Value) -> Result<String, String> {
    let object = value.as_object().ok_or_else(|| kind(value).to_owned())?;
    if let Some(key) = object
        .keys()
        .find(|k| !["name", "type", "xdm", "meta:xdmType"].contains(&k.as_str()))
    {
        return Err(format!("a column with the member `{key}`"));
    }
    let text = |key: &str| {
        object
            .get(key)
            .map(|v| v.as_str().ok_or(format!("a column whose `{key}` is {}", kind(v))))
    };
    let name = text("name").ok_or("a column without `name`")??;
    let source_type = text("type").ok_or("a column without `type`")??;
    let mut expression = format!("flow_connectors::Column::new({name:?}, {source_type:?})");
    match object.get("xdm") {
        None => {}
        Some(Value::Object(xdm)) => write!(expression, ".xdm({})", json_object_expression(xdm)).unwrap(),
        Some(other) => return Err(format!("a column whose `xdm` is {}", kind(other))),
    }
    if let Some(meta) = text("meta:xdmType") {
        write!(expression, ".meta_xdm_type({:?})", meta?).unwrap();
    }
    Ok(expression)
}

/// The Rust expression of one value, or a description of the mismatching JSON.
pub fn value_expression(
    connector: &Connector,
    ty: &ParamType,
    value: &Value,
    finish: Finish,
) -> Result<String, String> {
    let mismatch = || kind(value).to_owned();
    match (ty, value) {
        (ParamType::String, Value::String(s)) => Ok(format!("{s:?}")),
        (ParamType::Integer, Value::Number(n)) => n.as_i64().map(|i| format!("{i}i64")).ok_or_else(mismatch),
        (ParamType::Number, Value::Number(n)) => n.as_f64().map(|f| format!("{f:?}f64")).ok_or_else(mismatch),
        (ParamType::Boolean, Value::Bool(b)) => Ok(b.to_string()),
        (ParamType::Enum(enum_type), Value::String(s)) => enum_type
            .values
            .iter()
            .find(|v| &v.wire == s)
            .map(|v| {
                format!(
                    "flow_connectors::{}::{}::{}",
                    connector.module, enum_type.type_name, v.variant
                )
            })
            .ok_or_else(|| format!("{s:?}, which is not among its enum values")),
        (ParamType::Array(item), Value::Array(items)) if !items.is_empty() => {
            let items: Result<Vec<String>, String> = items
                .iter()
                .map(|v| value_expression(connector, item, v, finish))
                .collect();
            Ok(format!("[{}]", items?.join(", ")))
        }
        (ParamType::Object(object), Value::Object(values)) => {
            object_expression(connector, object, values, &format!("{}.", object.type_name), finish)
        }
        (ParamType::JsonObject, Value::Object(values)) => Ok(json_object_expression(values)),
        (ParamType::Column, _) => column_expression(value),
        _ => Err(mismatch()),
    }
}
