//! One item of a dataflow's `transformations`: `Copy` (incremental reads by a date column) or
//! `Mapping` (a Data Prep mapping), written and read in the form the flow spec gives.

use serde_json::{Value, json};

use super::body::Fields;
use super::flow_spec::{TransformationKind, WireForm};
use crate::runtime::error::{BodyError, BodyKind};
use crate::runtime::read::DecodeMode;

/// The date column an incremental (`Copy`) transformation reads by.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeltaColumn {
    /// The column's name (`deltaColumn.name`).
    pub name: String,
    /// Its date format (`deltaColumn.dateFormat`), such as `yyyy-MM-dd HH:mm:ss`.
    pub date_format: Option<String>,
    /// Its time zone (`deltaColumn.timezone`), such as `UTC`.
    pub timezone: Option<String>,
}

impl DeltaColumn {
    /// The column named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            date_format: None,
            timezone: None,
        }
    }

    string_setters!(
        /// Sets `dateFormat`.
        date_format,
        /// Sets `timezone`.
        timezone,
    );
}

/// One item of a dataflow's `transformations`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Transformation {
    /// `{"name": "Copy", "params": {"deltaColumn": {...}}}`: incremental reads.
    Copy(DeltaColumn),
    /// `{"name": "Mapping", "params": {"mappingId", "mappingVersion"}}`: a Data Prep mapping.
    Mapping {
        /// The mapping's id.
        mapping_id: String,
        /// The mapping's version, sent as the flow spec's schema types it (`0` or `"0"`).
        mapping_version: u64,
    },
}

impl Transformation {
    /// Which kind it is.
    pub fn kind(&self) -> TransformationKind {
        match self {
            Transformation::Copy(_) => TransformationKind::Copy,
            Transformation::Mapping { .. } => TransformationKind::Mapping,
        }
    }

    pub(crate) fn to_value(&self, mapping_version: WireForm) -> Value {
        match self {
            Transformation::Copy(column) => {
                let mut delta = json!({"name": column.name});
                if let Some(format) = &column.date_format {
                    delta["dateFormat"] = json!(format);
                }
                if let Some(timezone) = &column.timezone {
                    delta["timezone"] = json!(timezone);
                }
                json!({"name": "Copy", "params": {"deltaColumn": delta}})
            }
            Transformation::Mapping {
                mapping_id,
                mapping_version: version,
            } => {
                let version = match mapping_version {
                    WireForm::Integer => json!(version),
                    _ => json!(version.to_string()),
                };
                json!({"name": "Mapping", "params": {"mappingId": mapping_id, "mappingVersion": version}})
            }
        }
    }

    pub(crate) fn read(item: Value, index: usize, mode: DecodeMode, mapping_form: WireForm) -> Result<Self, BodyError> {
        let mut item = Fields::at(item, BodyKind::Flow, format!("transformations[{index}]"), mode)?;
        let name = item.required_string("name")?;
        let mut params = item.required_object("params")?;
        let transformation = match name.as_str() {
            "Copy" => {
                let mut delta = params.required_object("deltaColumn")?;
                let column = DeltaColumn {
                    name: delta.required_string("name")?,
                    date_format: delta.string("dateFormat")?,
                    timezone: delta.string("timezone")?,
                };
                delta.finish()?;
                Transformation::Copy(column)
            }
            "Mapping" => {
                let mapping_id = params.required_string("mappingId")?;
                let found = params.required("mappingVersion")?;
                let version = match (&found, mapping_form, mode) {
                    (Value::Number(n), WireForm::Integer, _) | (Value::Number(n), _, DecodeMode::Lenient) => n.as_u64(),
                    (Value::String(s), WireForm::String, _) | (Value::String(s), _, DecodeMode::Lenient) => {
                        s.parse().ok()
                    }
                    _ => None,
                };
                let expected = match mapping_form {
                    WireForm::String => "a string of a version number, such as \"0\"",
                    _ => "an integer, such as 0",
                };
                let mapping_version = version.ok_or_else(|| params.expected("mappingVersion", expected, &found))?;
                Transformation::Mapping {
                    mapping_id,
                    mapping_version,
                }
            }
            _ => {
                let found = Value::String(name);
                return Err(item.expected("name", r#"one of "Copy", "Mapping""#, &found));
            }
        };
        params.finish()?;
        item.finish()?;
        Ok(transformation)
    }
}
