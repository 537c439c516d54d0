//! Flow specs into [`FlowSpec`]s: names, transformations, schedule rules, and which of the run's
//! connectors each accepts; ids, names and type names that clash are reported.

use std::collections::BTreeMap;
use std::path::Path;

use super::location;
use crate::diagnostic::Diagnostic;
use crate::ir::model::{Connector, FlowSpec, Location};
use crate::ir::naming;
use crate::ir::workflow::{Frequency, Schedule, Transformation, WireForm};
use crate::json_path::JsonPath;
use crate::spec::{self, Literal, Located, SpecFile};

/// The module (and file) of the flow spec types, next to the connector modules.
pub const FLOW_SPECS_MODULE: &str = "flow_specs";

/// Lowers every flow spec of `files`, sorted by name then id, and records on each connector the
/// ids of the flow specs that accept it.
pub(super) fn flow_specs(
    files: &[SpecFile],
    connectors: &mut [Connector],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<FlowSpec> {
    let mut flow_specs: Vec<FlowSpec> = files
        .iter()
        .flat_map(|file| file.flow_specs.iter().map(move |flow| (&*file.path, flow)))
        .filter_map(|(file, flow)| Lowering { file, diagnostics }.flow_spec(flow))
        .collect();
    flow_specs.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    collisions(&flow_specs, connectors, diagnostics);
    for flow_spec in &mut flow_specs {
        let accepts = |connector: &&mut Connector| {
            connector.source.is_some()
                && flow_spec
                    .source_connection_spec_ids
                    .iter()
                    .any(|id| id.eq_ignore_ascii_case(&connector.spec_id))
        };
        for connector in connectors.iter_mut().filter(|c| accepts(c)) {
            flow_spec.accepts.push(connector.module.clone());
            connector.flow_specs.push(flow_spec.id.clone());
        }
    }
    for connector in connectors.iter_mut() {
        connector.flow_specs.sort();
    }
    flow_specs
}

/// Reports flow specs sharing an id (in any case), a name or a type name, a flow spec id that is a
/// connector's connection spec id, and a connector whose module is [`FLOW_SPECS_MODULE`].
fn collisions(flow_specs: &[FlowSpec], connectors: &[Connector], diagnostics: &mut Vec<Diagnostic>) {
    let member = |location: &Location, key: &str| (location.file.clone(), location.path.key(key));
    type Key = fn(&FlowSpec) -> String;
    let checks: [(&str, Key, &str); 3] = [
        (
            "id",
            |f| f.id.to_ascii_lowercase(),
            "the flow spec id `{}` appears twice",
        ),
        ("name", |f| f.name.clone(), "the flow spec name `{}` appears twice"),
        (
            "name",
            |f| f.type_name.clone(),
            "two flow specs would both generate the type `flow_specs::{}`",
        ),
    ];
    for (member_key, key, message) in checks {
        let mut seen: BTreeMap<String, &FlowSpec> = BTreeMap::new();
        for flow_spec in flow_specs {
            let value = key(flow_spec);
            match seen.get(&value) {
                Some(first) => {
                    let (file, path) = member(&flow_spec.location, member_key);
                    let (first_file, first_path) = member(&first.location, member_key);
                    diagnostics.push(
                        Diagnostic::error(&file, &path, message.replace("{}", &value))
                            .with_related(&first_file, &first_path, "first defined here")
                            .with_help(
                                "each flow spec has its own id and name; remove the copy or correct one of them",
                            ),
                    );
                }
                None => {
                    seen.insert(value, flow_spec);
                }
            }
        }
    }
    for flow_spec in flow_specs {
        if let Some(connector) = connectors
            .iter()
            .find(|c| c.spec_id.eq_ignore_ascii_case(&flow_spec.id))
        {
            let (file, path) = member(&flow_spec.location, "id");
            let (other_file, other_path) = member(&connector.location, "id");
            diagnostics.push(
                Diagnostic::error(
                    &file,
                    &path,
                    format!(
                        "the flow spec `{}` has the id of the connection spec `{}`",
                        flow_spec.name, connector.machine_name
                    ),
                )
                .with_related(&other_file, &other_path, "the connection spec")
                .with_help("check the flow spec's id against `GET /flowSpecs`"),
            );
        }
    }
    if let Some(first) = flow_specs.first()
        && let Some(connector) = connectors.iter().find(|c| c.module == FLOW_SPECS_MODULE)
    {
        let (file, path) = member(&connector.location, "name");
        diagnostics.push(
            Diagnostic::error(
                &file,
                &path,
                format!(
                    "the connector `{}` would generate the module `{FLOW_SPECS_MODULE}`, which holds the flow specs",
                    connector.machine_name
                ),
            )
            .with_related(&first.location.file, &first.location.path, "a flow spec")
            .with_help("give the connection spec another `name`"),
        );
    }
}

/// What lowering one flow spec needs.
struct Lowering<'a> {
    file: &'a Path,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Lowering<'_> {
    fn error(&mut self, path: &JsonPath, message: impl Into<String>, help: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(self.file, path, message).with_help(help));
    }

    fn flow_spec(&mut self, flow: &spec::FlowSpec) -> Option<FlowSpec> {
        let mut ok = flow.complete;
        for (value, what) in [(&flow.id, "flow spec id"), (&flow.version, "version")] {
            if flow.complete && value.value.trim().is_empty() {
                self.error(
                    &value.path,
                    format!("the {what} is empty"),
                    format!("write the {what} the service expects"),
                );
                ok = false;
            }
        }
        let type_name = naming::camel(&flow.name.value);
        if type_name.is_none() && flow.complete {
            self.error(
                &flow.name.path,
                format!(
                    "the flow spec name `{}` gives no usable Rust type name",
                    flow.name.value
                ),
                "flow spec names need at least one ASCII letter or digit",
            );
        }
        let mut transformations = Vec::new();
        let mut other_transformations = Vec::new();
        let mut mapping_version = Some(WireForm::String);
        for transformation in &flow.transformations {
            match Transformation::from_name(&transformation.name.value) {
                Some(known) if !transformations.contains(&known) => transformations.push(known),
                Some(_) => {}
                None => other_transformations.push(transformation.name.value.clone()),
            }
            if transformation.name.value == Transformation::Mapping.name() {
                mapping_version = match &transformation.mapping_version_type {
                    // A Mapping schema that does not type `mappingVersion` constrains nothing: send
                    // what every documented body sends, the integer (`"mappingVersion": 0`).
                    None => Some(WireForm::Integer),
                    Some(ty) => self.wire_form(Some(ty), "mappingVersion"),
                };
            }
        }
        let schedule = flow.schedule.as_ref().map(|schedule| self.schedule(schedule));
        if !ok {
            return None;
        }
        Some(FlowSpec {
            type_name: type_name?,
            id: flow.id.value.clone(),
            name: flow.name.value.clone(),
            version: flow.version.value.clone(),
            description: flow.description.clone(),
            source_connection_spec_ids: flow.source_ids.iter().map(|id| id.value.clone()).collect(),
            target_connection_spec_ids: flow.target_ids.iter().map(|id| id.value.clone()).collect(),
            transformations,
            other_transformations,
            mapping_version: mapping_version?,
            schedule: schedule.map_or(Some(None), |s| s.map(Some))?,
            accepts: Vec::new(),
            location: location(self.file, &flow.path),
        })
    }

    /// The wire form of a schema `type` (`None`: the flow spec does not say; a string).
    fn wire_form(&mut self, ty: Option<&Located<String>>, what: &str) -> Option<WireForm> {
        match ty.map(|t| (t.value.as_str(), t)) {
            None | Some(("string", _)) => Some(WireForm::String),
            Some(("integer", _)) => Some(WireForm::Integer),
            Some((other, ty)) => {
                self.error(
                    &ty.path,
                    format!("`{what}` must be typed `integer` or `string`, found `{other}`"),
                    "flow-codegen sends it as a JSON integer or a JSON string",
                );
                None
            }
        }
    }

    fn schedule(&mut self, schedule: &spec::ScheduleSpec) -> Option<Schedule> {
        let Some(listed) = &schedule.frequencies else {
            self.error(
                &schedule.path,
                "the schedule schema lists no frequencies",
                "add `\"properties\": {\"frequency\": {\"type\": \"string\", \"enum\": [\"once\", \"minute\", \"hour\", \"day\", \"week\"]}}`",
            );
            return None;
        };
        let mut ok = true;
        let mut frequencies = Vec::new();
        for value in &listed.value {
            match Frequency::from_wire(&value.value) {
                Some(frequency) if !frequencies.contains(&frequency) => frequencies.push(frequency),
                Some(_) => {}
                None => {
                    let allowed: Vec<String> = Frequency::ALL.iter().map(|(_, wire)| format!("`{wire}`")).collect();
                    self.error(
                        &value.path,
                        format!("unknown frequency `{}`", value.value),
                        format!("the frequencies Flow Service schedules are {}", allowed.join(", ")),
                    );
                    ok = false;
                }
            }
        }
        let start_time = match &schedule.start_time_type {
            Some(ty) => self.wire_form(Some(ty), "startTime"),
            None => {
                self.error(
                    &schedule.path,
                    "the schedule schema does not type `startTime`",
                    "add `\"properties\": {\"startTime\": {\"type\": \"integer\"}}` (or \"string\")",
                );
                None
            }
        };
        let mut minimums: BTreeMap<Frequency, u64> = BTreeMap::new();
        for (condition, minimum) in &schedule.interval_minimums {
            let value = match &minimum.value {
                Literal::Integer(value) => u64::try_from(*value).ok(),
                _ => None,
            };
            let Some(value) = value else {
                self.error(
                    &minimum.path,
                    format!(
                        "the interval minimum {} is not a whole number of at least 0",
                        minimum.value
                    ),
                    "write the least interval as an integer, such as 15",
                );
                ok = false;
                continue;
            };
            for frequency in frequencies.iter().filter(|f| condition.holds_for(f.wire())) {
                // Every branch that holds must be met: the largest minimum wins.
                let entry = minimums.entry(*frequency).or_default();
                *entry = (*entry).max(value);
            }
        }
        let interval_required = frequencies.iter().any(|f| *f != Frequency::Once)
            && frequencies
                .iter()
                .filter(|f| **f != Frequency::Once)
                .all(|f| schedule.interval_required.iter().any(|c| c.holds_for(f.wire())));
        if !ok {
            return None;
        }
        Some(Schedule {
            frequencies,
            interval_minimums: minimums.into_iter().collect(),
            interval_required,
            start_time: start_time?,
            backfill: schedule.backfill,
        })
    }
}
