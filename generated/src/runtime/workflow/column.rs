//! Values source params hold beyond auth params' types: a table column (what a table explore
//! response lists and a table source connection sends) and a free-form JSON object.

use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::runtime::error::DecodeError;
use crate::runtime::params::{ParamValue, invalid};
use crate::runtime::read::DecodeMode;

/// A free-form JSON object, kept verbatim: the type of a source param whose schema is an object
/// without `properties` (such as BigQuery's `filters`).
pub type JsonObject = Map<String, Value>;

impl ParamValue for JsonObject {
    fn expected() -> String {
        "an object".into()
    }

    fn from_json(
        value: Value,
        auth_spec: &'static str,
        param: &'static str,
        _mode: DecodeMode,
    ) -> Result<Self, DecodeError> {
        match value {
            Value::Object(object) => Ok(object),
            _ => Err(invalid::<Self>(auth_spec, param)),
        }
    }

    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }
}

/// A table column: an item of a table explore response's `schema.columns`, and of the `columns`
/// a table source connection sends, so the one turns into the other without conversion.
///
/// `{"name": "Datefield", "type": "string", "xdm": {"type": "string", "format": "date-time"},
/// "meta:xdmType": "date-time"}`: `xdm` is kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Column {
    /// The column's name in the source (`name`).
    pub name: String,
    /// The source's type of the column (`type`), such as `string`.
    #[serde(rename = "type")]
    pub source_type: String,
    /// The XDM type the service proposes (`xdm`), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xdm: Option<JsonObject>,
    /// `meta:xdmType`, such as `date-time`.
    #[serde(rename = "meta:xdmType", default, skip_serializing_if = "Option::is_none")]
    pub meta_xdm_type: Option<String>,
}

impl Column {
    /// A column named `name` of the source type `source_type`, without XDM hints.
    pub fn new(name: impl Into<String>, source_type: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            source_type: source_type.into(),
            xdm: None,
            meta_xdm_type: None,
        }
    }

    /// Sets `xdm`.
    pub fn xdm(mut self, xdm: JsonObject) -> Self {
        self.xdm = Some(xdm);
        self
    }

    /// Sets `meta:xdmType`.
    pub fn meta_xdm_type(mut self, meta_xdm_type: impl Into<String>) -> Self {
        self.meta_xdm_type = Some(meta_xdm_type.into());
        self
    }
}

/// Read like a nested object param: `name` and `type` required, `xdm` and `meta:xdmType`
/// optional, and in strict mode nothing else. Errors name the param, never a value.
impl ParamValue for Column {
    fn expected() -> String {
        "a column: an object with the strings `name` and `type`, optionally the object `xdm` and the string \
         `meta:xdmType`, and nothing else"
            .into()
    }

    fn from_json(
        value: Value,
        auth_spec: &'static str,
        param: &'static str,
        mode: DecodeMode,
    ) -> Result<Self, DecodeError> {
        let invalid = || invalid::<Self>(auth_spec, param);
        let Value::Object(mut object) = value else {
            return Err(invalid());
        };
        let mut string = |key: &str| match object.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(invalid()),
        };
        let name = string("name")?.ok_or_else(invalid)?;
        let source_type = string("type")?.ok_or_else(invalid)?;
        let meta_xdm_type = string("meta:xdmType")?;
        let xdm = match object.remove("xdm") {
            None | Some(Value::Null) => None,
            Some(Value::Object(xdm)) => Some(xdm),
            Some(_) => return Err(invalid()),
        };
        if mode == DecodeMode::Strict && !object.is_empty() {
            return Err(invalid());
        }
        Ok(Self {
            name,
            source_type,
            xdm,
            meta_xdm_type,
        })
    }

    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn read(value: Value, mode: DecodeMode) -> Result<Column, DecodeError> {
        Column::from_json(value, "mysql", "columns", mode)
    }

    #[test]
    fn a_documented_column_reads_and_writes_back_verbatim() {
        let documented = json!({"name": "Datefield", "type": "string", "meta:xdmType": "date-time",
            "xdm": {"type": "string", "format": "date-time"}});
        let column = read(documented.clone(), DecodeMode::Strict).unwrap();
        assert_eq!(column.meta_xdm_type.as_deref(), Some("date-time"));
        assert_eq!(serde_json::to_value(&column).unwrap(), documented);
    }

    #[test]
    fn strict_rejects_unknown_members_and_lenient_drops_them() {
        let body = json!({"name": "Id", "type": "string", "nullable": true});
        let error = read(body.clone(), DecodeMode::Strict).unwrap_err();
        assert!(error.to_string().contains("nothing else"), "{error}");
        assert_eq!(read(body, DecodeMode::Lenient).unwrap(), Column::new("Id", "string"));
    }

    #[test]
    fn a_column_without_type_or_with_a_non_object_xdm_is_an_error() {
        assert!(read(json!({"name": "Id"}), DecodeMode::Lenient).is_err());
        assert!(
            read(
                json!({"name": "Id", "type": "string", "xdm": "string"}),
                DecodeMode::Lenient
            )
            .is_err()
        );
    }

    #[test]
    fn a_json_object_is_kept_verbatim_and_nothing_else_is_one() {
        let filters = json!({"type": "AND", "conditions": [{"column": "x", "value": 1}]});
        let object = JsonObject::from_json(filters.clone(), "bq", "filters", DecodeMode::Strict).unwrap();
        assert_eq!(Value::Object(object), filters);
        assert!(JsonObject::from_json(json!([1]), "bq", "filters", DecodeMode::Strict).is_err());
    }
}
