//! The runtime catalog of a validated model, built at run time: `flow-codegen validate` checks
//! bodies with the runtime's own catalog check (the typed read-back's rules), so it needs the
//! catalog that generated code would hold as `const` data.
//!
//! The runtime's catalog types hold `&'static` data. The command builds one catalog per run and
//! keeps it until the process exits, so leaking it is the honest lifetime, not a leak that grows.

use flow_connectors::{
    AuthSpecInfo, Catalog, ConnectorInfo, FlowSpecInfo, Frequency as InfoFrequency, ParamInfo, ParamType as InfoType,
    ScheduleRules, SourceInfo, TransformationKind, WireForm as InfoWireForm,
};

use crate::ir::{AuthSpec, Connector, FlowSpec, Frequency, Model, Param, ParamType, Transformation, WireForm};

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
    let mut info = ConnectorInfo::new(
        leak_str(&connector.machine_name),
        leak_str(&connector.display_name),
        leak_str(&connector.spec_id),
        leak_str(&connector.version),
        auth_specs,
    );
    if let Some(provider_id) = &connector.provider_id {
        info = info.with_provider_id(leak_str(provider_id));
    }
    if let Some(source) = &connector.source {
        let mut source_info = SourceInfo::new(source.family.name(), params_info(&source.params.params));
        if !source.base_connection {
            source_info = source_info.mark_no_base_connection();
        }
        if !source.sends_params {
            source_info = source_info.mark_no_params();
        }
        info = info.with_source(source_info);
    }
    info
}

fn frequency(frequency: Frequency) -> InfoFrequency {
    match frequency {
        Frequency::Once => InfoFrequency::Once,
        Frequency::Minute => InfoFrequency::Minute,
        Frequency::Hour => InfoFrequency::Hour,
        Frequency::Day => InfoFrequency::Day,
        Frequency::Week => InfoFrequency::Week,
    }
}

fn wire_form(form: WireForm) -> InfoWireForm {
    match form {
        WireForm::Integer => InfoWireForm::Integer,
        WireForm::String => InfoWireForm::String,
    }
}

fn flow_spec_info(flow_spec: &FlowSpec) -> FlowSpecInfo {
    let ids = leak_slice(
        flow_spec
            .source_connection_spec_ids
            .iter()
            .map(|id| leak_str(id))
            .collect(),
    );
    let transformations = leak_slice(
        flow_spec
            .transformations
            .iter()
            .map(|t| match t {
                Transformation::Copy => TransformationKind::Copy,
                Transformation::Mapping => TransformationKind::Mapping,
            })
            .collect(),
    );
    let mut info = FlowSpecInfo::new(
        leak_str(&flow_spec.id),
        leak_str(&flow_spec.name),
        leak_str(&flow_spec.version),
        ids,
    )
    .with_transformations(transformations)
    .with_mapping_version(wire_form(flow_spec.mapping_version));
    if let Some(schedule) = &flow_spec.schedule {
        let frequencies = leak_slice(schedule.frequencies.iter().copied().map(frequency).collect());
        let minimums = leak_slice(
            schedule
                .interval_minimums
                .iter()
                .map(|(with, minimum)| (frequency(*with), *minimum))
                .collect(),
        );
        let mut rules = ScheduleRules::new(frequencies, minimums, wire_form(schedule.start_time));
        if schedule.interval_required {
            rules = rules.mark_interval_required();
        }
        if schedule.backfill {
            rules = rules.mark_backfill();
        }
        info = info.with_schedule(rules);
    }
    info
}

/// The catalog of `model`, alive until the process exits. Flow specs in name order, as generated
/// code lists them.
pub(super) fn catalog(model: &Model) -> &'static Catalog {
    let connectors = leak_slice(model.connectors.iter().map(connector_info).collect());
    let mut flow_specs: Vec<FlowSpecInfo> = model.flow_specs.iter().map(flow_spec_info).collect();
    flow_specs.sort_by(|a, b| a.name.cmp(b.name).then(a.id.cmp(b.id)));
    Box::leak(Box::new(
        Catalog::new(connectors).with_flow_specs(leak_slice(flow_specs)),
    ))
}
