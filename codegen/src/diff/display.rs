//! The two ways a [`SpecDiff`] is displayed: text for people, JSON for tools.

use std::fmt::Write as _;

use serde_json::{Map, Value as Json, json};

use super::model::{Change, ChangeKind, Impact, SpecDiff, Value};
use crate::spec::Literal;

/// What changed, in one phrase: `enum value "VERIFY_FULL" added (SslMode::VerifyFull)`.
pub fn message(change: &Change) -> String {
    let quoted = |s: &Option<String>| s.as_ref().map_or("none".to_owned(), |s| format!("{s:?}"));
    match &change.kind {
        ChangeKind::ConnectorAdded => format!(
            "connector added (`{}`, spec id `{}`)",
            change.connector.name, change.connector.spec_id
        ),
        ChangeKind::ConnectorRemoved => format!(
            "connector removed (`{}`, spec id `{}`)",
            change.connector.name, change.connector.spec_id
        ),
        ChangeKind::SpecIdChanged { old, new } => format!("connection spec id changed from `{old}` to `{new}`"),
        ChangeKind::VersionChanged { old, new } => format!("version changed from {old:?} to {new:?}"),
        ChangeKind::NameChanged { old, new } => format!("machine name changed from `{old}` to `{new}`"),
        ChangeKind::RustNameChanged { item, old, new } => format!("{item} renamed from `{old}` to `{new}`"),
        ChangeKind::DocChanged {
            what: "description", ..
        } => "description changed".to_owned(),
        ChangeKind::DocChanged { what, old, new } => {
            format!("{what} changed from {} to {}", quoted(old), quoted(new))
        }
        ChangeKind::AuthDropped => "no auth specs any more".to_owned(),
        ChangeKind::AuthIntroduced => "has auth specs now (had none)".to_owned(),
        ChangeKind::AuthSpecAdded => "auth spec added".to_owned(),
        ChangeKind::AuthSpecRemoved => "auth spec removed".to_owned(),
        ChangeKind::AuthSpecRenamed { old, old_type } => format!("auth spec renamed from {old:?} (`{old_type}`)"),
        ChangeKind::ParamAdded {
            required: true,
            default: false,
        } => "required param added".to_owned(),
        ChangeKind::ParamAdded {
            required: true,
            default: true,
        } => "required param with a default added".to_owned(),
        ChangeKind::ParamAdded { required: false, .. } => "optional param added".to_owned(),
        ChangeKind::ParamRemoved => "param removed".to_owned(),
        ChangeKind::RequiredChanged { required: true, .. } => "optional -> required".to_owned(),
        ChangeKind::RequiredChanged { required: false, .. } => "required -> optional".to_owned(),
        ChangeKind::TypeChanged { old, new } => format!("type changed from {old} to {new}"),
        ChangeKind::EnumValueAdded {
            type_name,
            wire,
            variant,
        } => format!("enum value {wire:?} added (`{type_name}::{variant}`)"),
        ChangeKind::EnumValueRemoved {
            type_name,
            wire,
            variant,
        } => format!("enum value {wire:?} removed (`{type_name}::{variant}`)"),
        ChangeKind::SecretChanged { secret: true, .. } => "now secret (`format: password`)".to_owned(),
        ChangeKind::SecretChanged { secret: false, .. } => "no longer secret".to_owned(),
        ChangeKind::DefaultChanged {
            old: None,
            new: Some(new),
            ..
        } => format!("default {new} added"),
        ChangeKind::DefaultChanged {
            old: Some(old),
            new: None,
            ..
        } => format!("default {old} removed"),
        ChangeKind::DefaultChanged { old, new, .. } => format!(
            "default changed from {} to {}",
            old.as_ref().map_or("none".to_owned(), Literal::to_string),
            new.as_ref().map_or("none".to_owned(), Literal::to_string)
        ),
        ChangeKind::PatternChanged {
            old: None,
            new: Some(new),
        } => format!("pattern `{new}` added"),
        ChangeKind::PatternChanged {
            old: Some(old),
            new: None,
        } => format!("pattern `{old}` removed"),
        ChangeKind::PatternChanged { old, new } => format!(
            "pattern changed from `{}` to `{}`",
            old.as_deref().unwrap_or_default(),
            new.as_deref().unwrap_or_default()
        ),
        ChangeKind::SourceAdded => "source params added (`sourceSpec`)".to_owned(),
        ChangeKind::SourceRemoved => "source params removed (`sourceSpec`)".to_owned(),
        ChangeKind::SourceFamilyChanged { old, new } => format!("source family changed from {old} to {new}"),
        ChangeKind::BaseConnectionChanged { base_connection: true } => {
            "source connections name a base connection now".to_owned()
        }
        ChangeKind::BaseConnectionChanged { base_connection: false } => {
            "source connections no longer name a base connection".to_owned()
        }
        ChangeKind::FlowSpecAdded => format!("flow spec added (id `{}`)", change.connector.spec_id),
        ChangeKind::FlowSpecRemoved => format!("flow spec removed (id `{}`)", change.connector.spec_id),
        ChangeKind::AcceptsAdded { module } => format!("accepts `{module}` now"),
        ChangeKind::AcceptsRemoved { module } => format!("no longer accepts `{module}`"),
        ChangeKind::FlowSpecChanged { what, old, new, .. } => format!("{what} changed from {old:?} to {new:?}"),
    }
}

/// Where inside its connector a change is: `auth spec "Basic" (`Basic`), param `port` (field `port`)`.
fn location(change: &Change) -> Option<String> {
    let auth = change.auth.as_ref().map(|a| match a.source {
        true => format!("source params (`{}`)", a.type_name),
        false => format!("auth spec {:?} (`{}`)", a.name, a.type_name),
    });
    let param = change
        .param
        .as_ref()
        .map(|p| format!("param `{}` (field `{}`)", p.dotted_name, p.field));
    match (auth, param) {
        (Some(a), Some(p)) => Some(format!("{a}, {p}")),
        (a, p) => a.or(p),
    }
}

fn summary(diff: &SpecDiff) -> String {
    if diff.is_empty() {
        return "no changes: both spec sets generate the same API".to_owned();
    }
    let mut modules: Vec<&str> = diff
        .changes
        .iter()
        .filter(|c| c.flow_spec.is_none())
        .map(|c| c.connector.module.as_str())
        .collect();
    modules.dedup();
    let mut flow_specs: Vec<&str> = diff
        .changes
        .iter()
        .filter_map(|c| Some(c.flow_spec.as_ref()?.id.as_str()))
        .collect();
    flow_specs.dedup();
    let flow_specs = match flow_specs.len() {
        0 => String::new(),
        n => format!(" and {n} flow spec(s)"),
    };
    format!(
        "{} breaking and {} compatible change(s) in {} connector(s){flow_specs}",
        diff.count(Impact::Breaking),
        diff.count(Impact::Compatible),
        modules.len()
    )
}

/// The report for people: a summary line, then each connector's changes, each with its reason.
pub fn text(diff: &SpecDiff) -> String {
    let mut out = summary(diff);
    out.push('\n');
    let mut current: Option<(&str, Option<&str>)> = None;
    for change in &diff.changes {
        let group = (
            change.connector.module.as_str(),
            change.flow_spec.as_ref().map(|f| f.id.as_str()),
        );
        if current != Some(group) {
            current = Some(group);
            let _ = match &change.flow_spec {
                Some(flow_spec) => write!(
                    out,
                    "\nflow spec `{}` (`flow_specs::{}`)\n",
                    flow_spec.name, flow_spec.type_name
                ),
                None => write!(
                    out,
                    "\nconnector `{}` (module `{}`)\n",
                    change.connector.name, change.connector.module
                ),
            };
        }
        let what = match location(change) {
            Some(location) => format!("{location}: {}", message(change)),
            None => message(change),
        };
        let _ = writeln!(out, "  {:<10}  {what}", change.impact.as_str());
        let _ = writeln!(out, "              {}", change.reason);
    }
    out
}

fn literal(literal: &Literal) -> Json {
    match literal {
        Literal::Null => Json::Null,
        Literal::Bool(b) => Json::Bool(*b),
        Literal::Integer(i) => json!(i),
        Literal::Float(f) => json!(f),
        Literal::String(s) => Json::String(s.clone()),
        Literal::Compound(text) => serde_json::from_str(text).unwrap_or_else(|_| Json::String(text.clone())),
    }
}

fn value(value: Option<Value>) -> Json {
    match value {
        None => Json::Null,
        Some(Value::Text(s)) => Json::String(s),
        Some(Value::Flag(b)) => Json::Bool(b),
        Some(Value::Literal(l)) => literal(&l),
    }
}

fn change_json(change: &Change) -> Json {
    let mut object = Map::new();
    object.insert("impact".into(), json!(change.impact.as_str()));
    object.insert("change".into(), json!(change.kind.code()));
    let item = match &change.kind {
        ChangeKind::DocChanged { what, .. } => Some(*what),
        ChangeKind::RustNameChanged { item, .. } => Some(*item),
        _ => None,
    };
    object.insert("item".into(), json!(item));
    let connector = json!({
        "name": change.connector.name,
        "module": change.connector.module,
        "spec_id": change.connector.spec_id,
    });
    object.insert(
        "connector".into(),
        if change.flow_spec.is_some() {
            Json::Null
        } else {
            connector
        },
    );
    object.insert(
        "auth_spec".into(),
        change
            .auth
            .as_ref()
            .filter(|a| !a.source)
            .map_or(Json::Null, |a| json!({ "name": a.name, "type": a.type_name })),
    );
    object.insert(
        "source_params".into(),
        change
            .auth
            .as_ref()
            .filter(|a| a.source)
            .map_or(Json::Null, |a| json!({ "type": a.type_name })),
    );
    object.insert(
        "flow_spec".into(),
        change.flow_spec.as_ref().map_or(
            Json::Null,
            |f| json!({ "name": f.name, "type": f.type_name, "id": f.id }),
        ),
    );
    object.insert(
        "param".into(),
        change.param.as_ref().map_or(
            Json::Null,
            |p| json!({ "wire": p.dotted_name, "field": p.field, "holder": p.holder }),
        ),
    );
    let (old, new) = change.values();
    object.insert("old".into(), value(old));
    object.insert("new".into(), value(new));
    object.insert("message".into(), json!(message(change)));
    object.insert("reason".into(), json!(change.reason));
    Json::Object(object)
}

/// The report for tools: counts and every change with its location, values, message and reason.
pub fn json(diff: &SpecDiff) -> String {
    let report = json!({
        "breaking": diff.count(Impact::Breaking),
        "compatible": diff.count(Impact::Compatible),
        "changes": diff.changes.iter().map(change_json).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}
