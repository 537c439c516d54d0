//! The runtime catalog of a validated model, built at run time: `flow-codegen validate` checks
//! bodies with the runtime's own catalog check (the typed read-back's rules), so it needs the
//! catalog that generated code would hold as `const` data.
//!
//! The runtime's catalog types hold `&'static` data. The command builds one catalog per run and
//! keeps it until the process exits, so leaking it is the honest lifetime, not a leak that grows.

use flow_connectors::{AuthSpecInfo, Catalog, ConnectorInfo, ParamInfo, ParamType as InfoType};

use crate::ir::{AuthSpec, Connector, Model, Param, ParamType};

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn leak_slice<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

fn info_type(ty: &ParamType) -> InfoType {
    match ty {
        ParamType::String => InfoType::String,
        ParamType::Integer => InfoType::Integer,
        ParamType::Number => InfoType::Number,
        ParamType::Boolean => InfoType::Boolean,
        ParamType::Enum(enum_type) => {
            InfoType::Enum(leak_slice(enum_type.values.iter().map(|v| leak_str(&v.wire)).collect()))
        }
        ParamType::Array(item) => InfoType::Array(Box::leak(Box::new(info_type(item)))),
        ParamType::Object(object) => InfoType::Object(params_info(&object.params)),
        ParamType::JsonObject => InfoType::JsonObject,
        ParamType::Column => InfoType::Column,
    }
}

pub(super) fn params_info(params: &[Param]) -> &'static [ParamInfo] {
    leak_slice(params.iter().map(param_info).collect())
}

fn param_info(param: &Param) -> ParamInfo {
    let mut info = ParamInfo::new(leak_str(&param.wire_name), leak_str(&param.field), info_type(&param.ty))
        .with_dotted_name(leak_str(&param.dotted_name));
    if param.required {
        info = info.mark_required();
    }
    if param.secret {
        info = info.mark_secret();
    }
    if let Some(pattern) = &param.pattern {
        info = info.with_pattern(leak_str(pattern));
    }
    info
}

fn auth_spec_info(auth_spec: &AuthSpec) -> AuthSpecInfo {
    AuthSpecInfo::new(leak_str(&auth_spec.spec_name), params_info(&auth_spec.params.params))
}

fn connector_info(connector: &Connector) -> ConnectorInfo {
    let auth_specs = leak_slice(connector.auth_specs.iter().map(auth_spec_info).collect());
    ConnectorInfo::new(
        leak_str(&connector.machine_name),
        leak_str(&connector.display_name),
        leak_str(&connector.spec_id),
        leak_str(&connector.version),
        auth_specs,
    )
}

/// The catalog of `model`, alive until the process exits.
pub(super) fn catalog(model: &Model) -> &'static Catalog {
    let connectors = leak_slice(model.connectors.iter().map(connector_info).collect());
    Box::leak(Box::new(Catalog::new(connectors)))
}
