//! Changes to what comes after a base connection: a connector's source (family, base connection,
//! source params, compared with the same rules as auth params) and the flow specs (added,
//! removed, what they accept, their version, transformations and schedule rules).

use super::compare::{Scope, connector_ref, doc, match_connectors, params, push, push_change};
use super::model::{AuthRef, Change, ChangeKind, ConnectorRef, FlowSpecRef};
use crate::ir::{Connector, FLOW_SPECS_MODULE, FlowSpec, Model, Schedule, Source};

fn source_ref(source: &Source) -> AuthRef {
    AuthRef {
        name: String::new(),
        type_name: source.params.type_name.clone(),
        source: true,
    }
}

/// The changes of every matched connector's source.
pub(super) fn sources(old: &Model, new: &Model, out: &mut Vec<Change>) {
    for pair in match_connectors(old, new) {
        if let (Some(o), Some(n)) = pair {
            source(&connector_ref(n), o, n, out);
        }
    }
}

/// The changes of a connector's source, under the connector `at`.
fn source(at: &ConnectorRef, old: &Connector, new: &Connector, out: &mut Vec<Change>) {
    let (old, new) = match (&old.source, &new.source) {
        (None, None) => return,
        (None, Some(n)) => return push(out, at.clone(), Some(source_ref(n)), None, ChangeKind::SourceAdded),
        (Some(o), None) => return push(out, at.clone(), Some(source_ref(o)), None, ChangeKind::SourceRemoved),
        (Some(o), Some(n)) => (o, n),
    };
    let here = source_ref(new);
    let mut push_here = |kind| push(out, at.clone(), Some(here.clone()), None, kind);
    if old.family != new.family {
        push_here(ChangeKind::SourceFamilyChanged {
            old: old.family.name().to_owned(),
            new: new.family.name().to_owned(),
        });
    }
    if old.base_connection != new.base_connection {
        push_here(ChangeKind::BaseConnectionChanged {
            base_connection: new.base_connection,
        });
    }
    if old.params.type_name != new.params.type_name {
        push_here(ChangeKind::RustNameChanged {
            item: "source params type",
            old: old.params.type_name.clone(),
            new: new.params.type_name.clone(),
        });
    }
    doc(
        &mut push_here,
        "description",
        old.description.clone(),
        new.description.clone(),
    );
    let scope = Scope {
        connector: at,
        auth: &here,
        field: String::new(),
    };
    params(&scope, &old.params, &new.params, out);
}

/// Flow specs are matched by id (in any case), then by name.
fn match_flow_specs<'a>(old: &'a Model, new: &'a Model) -> Vec<(Option<&'a FlowSpec>, Option<&'a FlowSpec>)> {
    super::pairs::pair_up(
        &old.flow_specs,
        &new.flow_specs,
        |o, n| o.id.eq_ignore_ascii_case(&n.id),
        |o, n| o.name == n.name,
    )
}

/// A schedule as a line: `once, minute >= 15, hour >= 1; interval required; startTime integer`.
fn describe(schedule: Option<&Schedule>) -> String {
    let Some(schedule) = schedule else {
        return "none".to_owned();
    };
    let frequencies: Vec<String> = schedule
        .frequencies
        .iter()
        .map(|f| match schedule.interval_minimums.iter().find(|(m, _)| m == f) {
            Some((_, minimum)) => format!("{} >= {minimum}", f.wire()),
            None => f.wire().to_owned(),
        })
        .collect();
    let start = match schedule.start_time {
        crate::ir::WireForm::Integer => "integer",
        _ => "string",
    };
    let required = if schedule.interval_required {
        "; interval required"
    } else {
        ""
    };
    format!("{}{required}; startTime {start}", frequencies.join(", "))
}

/// Whether a schedule built for `old` may be rejected under `new`.
fn stricter(old: Option<&Schedule>, new: Option<&Schedule>) -> bool {
    let (Some(old), Some(new)) = (old, new) else {
        return true;
    };
    let minimum = |s: &Schedule, f| s.interval_minimums.iter().find(|(m, _)| *m == f).map_or(0, |(_, m)| *m);
    old.frequencies
        .iter()
        .any(|f| !new.frequencies.contains(f) || minimum(new, *f) > minimum(old, *f))
        || (new.interval_required && !old.interval_required)
        || old.start_time != new.start_time
}

/// The changes of the flow specs.
pub(super) fn flow_specs(old: &Model, new: &Model, out: &mut Vec<Change>) {
    for pair in match_flow_specs(old, new) {
        let flow_spec = pair.1.or(pair.0).expect("a pair has a side");
        let at = ConnectorRef {
            module: FLOW_SPECS_MODULE.to_owned(),
            name: flow_spec.name.clone(),
            spec_id: flow_spec.id.clone(),
        };
        let reference = FlowSpecRef {
            name: flow_spec.name.clone(),
            type_name: flow_spec.type_name.clone(),
            id: flow_spec.id.clone(),
        };
        let mut here = |kind| push_change(out, at.clone(), None, Some(reference.clone()), None, kind);
        let (old, new) = match pair {
            (Some(o), Some(n)) => (o, n),
            (None, _) => {
                here(ChangeKind::FlowSpecAdded);
                continue;
            }
            (_, None) => {
                here(ChangeKind::FlowSpecRemoved);
                continue;
            }
        };
        if old.type_name != new.type_name {
            here(ChangeKind::RustNameChanged {
                item: "flow spec type",
                old: old.type_name.clone(),
                new: new.type_name.clone(),
            });
        }
        let mut changed = |what, old: String, new: String, stricter| {
            if old != new {
                here(ChangeKind::FlowSpecChanged {
                    what,
                    old,
                    new,
                    stricter,
                });
            }
        };
        changed("id", old.id.clone(), new.id.clone(), true);
        changed("version", old.version.clone(), new.version.clone(), true);
        let names = |f: &FlowSpec| {
            f.transformations
                .iter()
                .map(|t| t.name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let dropped = old.transformations.iter().any(|t| !new.transformations.contains(t));
        changed("transformations", names(old), names(new), dropped);
        let form = |f: &FlowSpec| format!("{:?}", f.mapping_version).to_lowercase();
        changed("mapping version", form(old), form(new), true);
        let (old_schedule, new_schedule) = (old.schedule.as_ref(), new.schedule.as_ref());
        changed(
            "schedule",
            describe(old_schedule),
            describe(new_schedule),
            stricter(old_schedule, new_schedule),
        );
        for module in new.accepts.iter().filter(|m| !old.accepts.contains(m)) {
            here(ChangeKind::AcceptsAdded { module: module.clone() });
        }
        for module in old.accepts.iter().filter(|m| !new.accepts.contains(m)) {
            here(ChangeKind::AcceptsRemoved { module: module.clone() });
        }
    }
}
