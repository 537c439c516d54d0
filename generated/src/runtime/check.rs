//! Checking a request body against the runtime [`Catalog`] instead of a generated type: the same
//! rules, in the same order and with the same errors, as the typed read-back, for tools that only
//! have a catalog (`flow-codegen validate` builds one from a specs directory) or that hold bodies as
//! JSON (configuration, Terraform, scripts).

use serde_json::{Map, Value};

use super::catalog::{AuthSpecInfo, Catalog, ConnectorInfo, FlowSpecInfo, ParamInfo, ParamType};
use super::connection::RawConnection;
use super::error::{BuildError, DecodeError};
use super::params::ParamValue;
use super::read::DecodeMode;
use super::workflow::column::Column;
use super::workflow::flow::{FlowRules, flow_spec_id, read_flow, unknown_flow};
use super::workflow::source_connection::{
    SourceRules, check_source, source_connection_spec_id, unknown_source_connection,
};
use super::workflow::target_connection::CreateTargetConnection;

/// What [`Catalog::check_connection`] found a body to be.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct CheckedConnection {
    /// The connector whose connection spec id the body names.
    pub connector: &'static ConnectorInfo,
    /// The auth spec the body names (`None` for a connector without auth specs).
    pub auth_spec: Option<&'static AuthSpecInfo>,
}

impl Catalog {
    /// Checks a `POST /connections` body (or a fetched connection, in [`DecodeMode::Lenient`])
    /// against this catalog: the error is the one the typed read-back (`AnyConnection`) gives for
    /// the same body. Errors name the member or param, never its value.
    pub fn check_connection(&self, body: Value, mode: DecodeMode) -> Result<CheckedConnection, DecodeError> {
        let raw = RawConnection::from_value(body, mode)?;
        let Some(connector) = self.by_id(&raw.connection_spec.id) else {
            return Err(DecodeError::not_in_catalog(raw, self));
        };
        let auth_spec = match (&raw.auth, connector.auth_specs.is_empty()) {
            (None, true) => None,
            (Some(_), true) => {
                return Err(DecodeError::UnexpectedAuth {
                    spec_id: raw.connection_spec.id,
                });
            }
            (auth, false) => match auth.as_ref().and_then(|a| connector.auth_spec(&a.spec_name)) {
                Some(auth_spec) => Some(auth_spec),
                None => return Err(DecodeError::not_in_catalog(raw, self)),
            },
        };
        if mode == DecodeMode::Strict && raw.connection_spec.version != connector.version {
            return Err(DecodeError::VersionMismatch {
                spec_id: raw.connection_spec.id,
                expected: connector.version,
                found: raw.connection_spec.version,
            });
        }
        if let (Some(auth_spec), Some(auth)) = (auth_spec, raw.auth) {
            check_params(auth_spec.params, auth_spec.name, "", auth.params, mode)?;
        }
        Ok(CheckedConnection { connector, auth_spec })
    }
}

impl Catalog {
    /// Checks a `POST /sourceConnections` body against this catalog, as the generated
    /// `AnySourceConnection` reads it: the connector its `connectionSpec.id` names, which must have
    /// source params. Returns that connector.
    pub fn check_source_connection(
        &self,
        body: Value,
        mode: DecodeMode,
    ) -> Result<&'static ConnectorInfo, DecodeError> {
        let found = source_connection_spec_id(&body).and_then(|id| self.by_id(id));
        let Some((connector, source)) = found.and_then(|c| c.source.map(|s| (c, s))) else {
            let known: Vec<&str> = self
                .connectors()
                .iter()
                .filter(|c| c.source.is_some())
                .map(|c| c.name)
                .collect();
            return Err(unknown_source_connection(&body, &known));
        };
        let rules = SourceRules {
            connector: connector.name,
            spec_id: connector.spec_id,
            version: connector.version,
            provider_id: connector.provider_id,
            has_base: source.base_connection,
            sends_params: source.sends_params,
        };
        check_source(body, mode, &rules, source.family, source.params)?;
        Ok(connector)
    }

    /// Checks a `POST /targetConnections` body (the Data Lake's): the same as
    /// [`CreateTargetConnection::from_value`], which needs no catalog.
    pub fn check_target_connection(&self, body: Value, mode: DecodeMode) -> Result<(), DecodeError> {
        CreateTargetConnection::from_value(body, mode).map(drop)
    }

    /// Checks a `POST /flows` body against this catalog, as the generated `AnyFlow` reads it: the
    /// flow spec its `flowSpec.id` names. Returns that flow spec.
    pub fn check_flow(&self, body: Value, mode: DecodeMode) -> Result<&'static FlowSpecInfo, DecodeError> {
        let Some(flow_spec) = flow_spec_id(&body).and_then(|id| self.flow_spec(id)) else {
            let known: Vec<&str> = self.flow_specs().iter().map(|f| f.name).collect();
            return Err(unknown_flow(&body, &known));
        };
        let rules = FlowRules {
            id: flow_spec.id,
            version: flow_spec.version,
            name: flow_spec.name,
            schedule: flow_spec.schedule,
            transformations: flow_spec.transformations,
            mapping_version: flow_spec.mapping_version,
        };
        read_flow::<()>(body, mode, &rules)?;
        Ok(flow_spec)
    }
}

/// Checks the params of one params struct (`object` is its dotted name, `""` at the top) as its
/// generated `read_params` followed by the reader's `finish` would: every param in spec order
/// (missing, then mistyped), then the patterns (strict mode only), then the members left over.
#[doc(hidden)]
pub fn check_params(
    params: &'static [ParamInfo],
    label: &'static str,
    object: &'static str,
    mut values: Map<String, Value>,
    mode: DecodeMode,
) -> Result<(), DecodeError> {
    let mut patterns = Vec::new();
    for param in params {
        match values.remove(param.wire_name) {
            None | Some(Value::Null) if param.required => {
                return Err(DecodeError::MissingParam {
                    auth_spec: label,
                    param: param.dotted_name,
                });
            }
            None | Some(Value::Null) => {}
            Some(value) => {
                check_value(&param.param_type, &value, label, param.dotted_name, mode).map_err(|nested| {
                    nested.unwrap_or_else(|| DecodeError::InvalidParam {
                        auth_spec: label,
                        param: param.dotted_name,
                        expected: expected(&param.param_type),
                    })
                })?;
                if let (Some(pattern), Value::String(text)) = (param.pattern, &value) {
                    patterns.push((param.dotted_name, pattern, text.clone()));
                }
            }
        }
    }
    if mode == DecodeMode::Strict {
        for (param, pattern, text) in patterns {
            if !pattern_matches(pattern, &text) {
                return Err(BuildError::PatternMismatch { param, pattern }.into());
            }
        }
    }
    match (mode, values.into_iter().next()) {
        (DecodeMode::Strict, Some((key, _))) => Err(DecodeError::UnknownParam {
            auth_spec: label,
            param: if object.is_empty() {
                key
            } else {
                format!("{object}.{key}")
            },
        }),
        _ => Ok(()),
    }
}

/// `Err(None)`: the value does not have the type (the caller names the param); `Err(Some(_))`: a
/// nested object's own error, which names the nested param.
fn check_value(
    param_type: &ParamType,
    value: &Value,
    label: &'static str,
    dotted_name: &'static str,
    mode: DecodeMode,
) -> Result<(), Option<DecodeError>> {
    let fits = match (param_type, value) {
        (ParamType::String, Value::String(_)) | (ParamType::Boolean, Value::Bool(_)) => true,
        (ParamType::Integer, _) => value.as_i64().is_some(),
        (ParamType::Number, _) => value.as_f64().is_some(),
        (ParamType::Enum(values), Value::String(text)) => values.contains(&text.as_str()),
        (ParamType::Array(item), Value::Array(items)) => {
            // An element's error of any kind is the array's: as `Vec<T>` reads it.
            items
                .iter()
                .all(|element| check_value(item, element, label, dotted_name, mode).is_ok())
        }
        (ParamType::JsonObject, Value::Object(_)) => true,
        (ParamType::Column, _) => Column::from_json(value.clone(), label, dotted_name, mode).is_ok(),
        (ParamType::Object(nested), Value::Object(members)) => {
            return check_params(nested, label, dotted_name, members.clone(), mode).map_err(Some);
        }
        _ => false,
    };
    if fits { Ok(()) } else { Err(None) }
}

/// What a value of `param_type` must be, worded as the typed read-back words it.
fn expected(param_type: &ParamType) -> String {
    match param_type {
        ParamType::String => "a string".into(),
        ParamType::Integer => "an integer".into(),
        ParamType::Number => "a number".into(),
        ParamType::Boolean => "a boolean".into(),
        ParamType::Enum(values) => {
            let values: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
            format!("one of {}", values.join(", "))
        }
        ParamType::Array(item) => format!("an array of which each element is {}", expected(item)),
        ParamType::Object(_) | ParamType::JsonObject => "an object".into(),
        ParamType::Column => Column::expected(),
    }
}

#[cfg(feature = "pattern")]
fn pattern_matches(pattern: &str, text: &str) -> bool {
    regex::Regex::new(pattern).is_ok_and(|regex| regex.is_match(text))
}

/// Without the `pattern` feature no generated type checks a pattern either (such code does not
/// compile), so there is nothing to agree with: a catalog with patterns is checked only with it.
#[cfg(not(feature = "pattern"))]
fn pattern_matches(_pattern: &str, _text: &str) -> bool {
    true
}
