//! Matching old and new models item by item and listing what changed.
//!
//! Connectors are matched by spec id, then by machine name (so a changed id is reported as such,
//! not as a removal and an addition); auth specs by name, then as a rename when exactly one
//! removed and one added auth spec have the same param wire names; params by wire name.

use std::collections::BTreeSet;

use super::classify::classify;
use super::model::{AuthRef, Change, ChangeKind, ConnectorRef, FlowSpecRef, ParamRef, SpecDiff};
use super::pairs::Pair;
use crate::ir::{AuthSpec, Connector, Model, Param, ParamType, ParamsStruct};

/// Lists every change of the connectors (their sources aside) from `old` to `new`, unsorted.
pub(super) fn connectors(old: &Model, new: &Model) -> Vec<Change> {
    let mut out = Vec::new();
    let pairs = match_connectors(old, new);
    for pair in &pairs {
        match pair {
            (Some(o), Some(n)) => connector(o, n, &mut out),
            (None, Some(n)) => push(&mut out, connector_ref(n), None, None, ChangeKind::ConnectorAdded),
            (Some(o), None) => push(&mut out, connector_ref(o), None, None, ChangeKind::ConnectorRemoved),
            (None, None) => {}
        }
    }
    out
}

/// The changes in their reported order. Stable: within one (connector, auth spec, param) the
/// changes keep the order they were found.
pub(super) fn sorted(mut changes: Vec<Change>) -> SpecDiff {
    changes.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    SpecDiff { changes }
}

type SortKey<'a> = (&'a str, Option<&'a str>, Option<(bool, &'a str)>, Option<&'a str>);

fn sort_key(change: &Change) -> SortKey<'_> {
    (
        &change.connector.module,
        change.flow_spec.as_ref().map(|f| f.name.as_str()),
        change.auth.as_ref().map(|a| (a.source, a.name.as_str())),
        change.param.as_ref().map(|p| p.dotted_name.as_str()),
    )
}

pub(super) fn push(
    out: &mut Vec<Change>,
    connector: ConnectorRef,
    auth: Option<AuthRef>,
    param: Option<ParamRef>,
    kind: ChangeKind,
) {
    push_change(out, connector, auth, None, param, kind);
}

/// Classifies `kind` and records it, for a flow spec's change too.
pub(super) fn push_change(
    out: &mut Vec<Change>,
    connector: ConnectorRef,
    auth: Option<AuthRef>,
    flow_spec: Option<FlowSpecRef>,
    param: Option<ParamRef>,
    kind: ChangeKind,
) {
    let (impact, reason) = classify(&kind, &connector, auth.as_ref(), flow_spec.as_ref(), param.as_ref());
    out.push(Change {
        connector,
        auth,
        flow_spec,
        param,
        kind,
        impact,
        reason,
    });
}

pub(super) fn connector_ref(connector: &Connector) -> ConnectorRef {
    ConnectorRef {
        module: connector.module.clone(),
        name: connector.machine_name.clone(),
        spec_id: connector.spec_id.clone(),
    }
}

pub(super) fn match_connectors<'a>(old: &'a Model, new: &'a Model) -> Vec<Pair<'a, Connector>> {
    super::pairs::pair_up(
        &old.connectors,
        &new.connectors,
        |o, n| o.spec_id == n.spec_id,
        |o, n| o.machine_name == n.machine_name,
    )
}

fn connector(old: &Connector, new: &Connector, out: &mut Vec<Change>) {
    let at = connector_ref(new);
    let mut here = |kind| push(out, at.clone(), None, None, kind);
    if old.spec_id != new.spec_id {
        here(ChangeKind::SpecIdChanged {
            old: old.spec_id.clone(),
            new: new.spec_id.clone(),
        });
    }
    if old.version != new.version {
        here(ChangeKind::VersionChanged {
            old: old.version.clone(),
            new: new.version.clone(),
        });
    }
    if old.machine_name != new.machine_name {
        here(ChangeKind::NameChanged {
            old: old.machine_name.clone(),
            new: new.machine_name.clone(),
        });
    }
    if old.module != new.module {
        here(ChangeKind::RustNameChanged {
            item: "module",
            old: old.module.clone(),
            new: new.module.clone(),
        });
    }
    let display = |c: &Connector| Some(c.display_name.clone());
    doc(&mut here, "display name", display(old), display(new));
    doc(
        &mut here,
        "providerId",
        old.provider_id.clone(),
        new.provider_id.clone(),
    );
    doc(
        &mut here,
        "description",
        old.description.clone(),
        new.description.clone(),
    );
    match (old.no_auth.is_some(), new.no_auth.is_some()) {
        (false, true) => here(ChangeKind::AuthDropped),
        (true, false) => here(ChangeKind::AuthIntroduced),
        _ => {}
    }
    for pair in match_auth(&old.auth_specs, &new.auth_specs) {
        match pair {
            (Some(o), Some(n)) => auth(&at, o, n, out),
            (None, Some(n)) => push(out, at.clone(), Some(auth_ref(n)), None, ChangeKind::AuthSpecAdded),
            (Some(o), None) => push(out, at.clone(), Some(auth_ref(o)), None, ChangeKind::AuthSpecRemoved),
            (None, None) => {}
        }
    }
}

pub(super) fn doc(here: &mut impl FnMut(ChangeKind), what: &'static str, old: Option<String>, new: Option<String>) {
    if old != new {
        here(ChangeKind::DocChanged { what, old, new });
    }
}

fn auth_ref(auth_spec: &AuthSpec) -> AuthRef {
    AuthRef {
        name: auth_spec.spec_name.clone(),
        type_name: auth_spec.params.type_name.clone(),
        source: false,
    }
}

fn wire_names(auth_spec: &AuthSpec) -> BTreeSet<&str> {
    auth_spec.params.params.iter().map(|p| p.wire_name.as_str()).collect()
}

fn match_auth<'a>(old: &'a [AuthSpec], new: &'a [AuthSpec]) -> Vec<Pair<'a, AuthSpec>> {
    let mut pairs = Vec::new();
    let removed: Vec<&AuthSpec> = old
        .iter()
        .filter(|o| !new.iter().any(|n| n.spec_name == o.spec_name))
        .collect();
    let added: Vec<&AuthSpec> = new
        .iter()
        .filter(|n| !old.iter().any(|o| o.spec_name == n.spec_name))
        .collect();
    for n in new {
        if let Some(o) = old.iter().find(|o| o.spec_name == n.spec_name) {
            pairs.push((Some(o), Some(n)));
        }
    }
    let same_params = |a: &AuthSpec, b: &AuthSpec| wire_names(a) == wire_names(b);
    let mut renamed = Vec::new();
    for o in &removed {
        let candidates: Vec<_> = added.iter().filter(|n| same_params(o, n)).collect();
        if let [n] = candidates[..] {
            // The rename must be unambiguous both ways.
            if removed.iter().filter(|other| same_params(other, n)).count() == 1 {
                renamed.push((*o, *n));
            }
        }
    }
    for o in removed {
        match renamed.iter().find(|(r, _)| std::ptr::eq(*r, o)) {
            Some((_, n)) => pairs.push((Some(o), Some(*n))),
            None => pairs.push((Some(o), None)),
        }
    }
    for n in added {
        if !renamed.iter().any(|(_, r)| std::ptr::eq(*r, n)) {
            pairs.push((None, Some(n)));
        }
    }
    pairs
}

fn auth(at: &ConnectorRef, old: &AuthSpec, new: &AuthSpec, out: &mut Vec<Change>) {
    let here = auth_ref(new);
    let mut push_here = |kind| push(out, at.clone(), Some(here.clone()), None, kind);
    if old.spec_name != new.spec_name {
        push_here(ChangeKind::AuthSpecRenamed {
            old: old.spec_name.clone(),
            old_type: old.params.type_name.clone(),
        });
    } else if old.params.type_name != new.params.type_name {
        push_here(ChangeKind::RustNameChanged {
            item: "params type",
            old: old.params.type_name.clone(),
            new: new.params.type_name.clone(),
        });
    }
    doc(
        &mut push_here,
        "auth spec type",
        old.auth_type.clone(),
        new.auth_type.clone(),
    );
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

/// Where a params struct sits: its connector, auth spec (or source params) and the path to it.
pub(super) struct Scope<'a> {
    pub(super) connector: &'a ConnectorRef,
    pub(super) auth: &'a AuthRef,
    pub(super) field: String,
}

impl Scope<'_> {
    fn param_ref(&self, holder: &ParamsStruct, param: &Param) -> ParamRef {
        let join = |prefix: &str, name: &str| {
            if prefix.is_empty() {
                name.to_owned()
            } else {
                format!("{prefix}.{name}")
            }
        };
        ParamRef {
            dotted_name: param.dotted_name.clone(),
            field: join(&self.field, &param.field),
            holder: holder.type_name.clone(),
            setter: param.field.clone(),
        }
    }

    fn push(&self, out: &mut Vec<Change>, at: &ParamRef, kind: ChangeKind) {
        push(
            out,
            self.connector.clone(),
            Some(self.auth.clone()),
            Some(at.clone()),
            kind,
        );
    }
}

pub(super) fn params(scope: &Scope<'_>, old: &ParamsStruct, new: &ParamsStruct, out: &mut Vec<Change>) {
    for n in &new.params {
        let at = scope.param_ref(new, n);
        match old.params.iter().find(|o| o.wire_name == n.wire_name) {
            Some(o) => param(scope, &at, o, n, out),
            None => scope.push(
                out,
                &at,
                ChangeKind::ParamAdded {
                    required: n.required,
                    default: n.default.is_some(),
                },
            ),
        }
    }
    for o in &old.params {
        if !new.params.iter().any(|n| n.wire_name == o.wire_name) {
            let at = scope.param_ref(old, o);
            scope.push(out, &at, ChangeKind::ParamRemoved);
        }
    }
}

fn param(scope: &Scope<'_>, at: &ParamRef, old: &Param, new: &Param, out: &mut Vec<Change>) {
    if old.field != new.field {
        scope.push(
            out,
            at,
            ChangeKind::RustNameChanged {
                item: "field",
                old: old.field.clone(),
                new: new.field.clone(),
            },
        );
    }
    if old.required != new.required {
        scope.push(
            out,
            at,
            ChangeKind::RequiredChanged {
                required: new.required,
                tracked: new.tracked(),
                rust_type: new.rust_type().to_string(),
            },
        );
    }
    if old.secret != new.secret {
        scope.push(
            out,
            at,
            ChangeKind::SecretChanged {
                secret: new.secret,
                old_type: old.rust_type().to_string(),
                new_type: new.rust_type().to_string(),
            },
        );
    }
    types(scope, at, &old.ty, &new.ty, out);
    let literal = |param: &Param| param.default.as_ref().map(|default| default.literal.clone());
    if literal(old) != literal(new) {
        scope.push(
            out,
            at,
            ChangeKind::DefaultChanged {
                old: literal(old),
                new: literal(new),
                required: new.required,
                was_tracked: old.tracked(),
                tracked: new.tracked(),
            },
        );
    }
    if old.pattern != new.pattern {
        scope.push(
            out,
            at,
            ChangeKind::PatternChanged {
                old: old.pattern.clone(),
                new: new.pattern.clone(),
            },
        );
    }
    // `format: password` is the secret flag, reported above; other formats are documentation.
    let format = |p: &Param| p.format.clone().filter(|f| f != "password");
    if format(old) != format(new) {
        scope.push(
            out,
            at,
            ChangeKind::DocChanged {
                what: "format",
                old: format(old),
                new: format(new),
            },
        );
    }
    if old.description != new.description {
        scope.push(
            out,
            at,
            ChangeKind::DocChanged {
                what: "description",
                old: old.description.clone(),
                new: new.description.clone(),
            },
        );
    }
}

/// Whether two types are the same kind of value (enum values and type names aside).
fn same_shape(old: &ParamType, new: &ParamType) -> bool {
    match (old, new) {
        (ParamType::Array(a), ParamType::Array(b)) => same_shape(a, b),
        _ => std::mem::discriminant(old) == std::mem::discriminant(new),
    }
}

fn types(scope: &Scope<'_>, at: &ParamRef, old: &ParamType, new: &ParamType, out: &mut Vec<Change>) {
    if !same_shape(old, new) {
        scope.push(
            out,
            at,
            ChangeKind::TypeChanged {
                old: describe(old),
                new: describe(new),
            },
        );
        return;
    }
    match (old, new) {
        (ParamType::Array(a), ParamType::Array(b)) => types(scope, at, a, b, out),
        (ParamType::Enum(a), ParamType::Enum(b)) => {
            if a.type_name != b.type_name {
                scope.push(
                    out,
                    at,
                    ChangeKind::RustNameChanged {
                        item: "enum type",
                        old: a.type_name.clone(),
                        new: b.type_name.clone(),
                    },
                );
            }
            for value in &b.values {
                if !a.values.iter().any(|v| v.wire == value.wire) {
                    scope.push(
                        out,
                        at,
                        ChangeKind::EnumValueAdded {
                            type_name: b.type_name.clone(),
                            wire: value.wire.clone(),
                            variant: value.variant.clone(),
                        },
                    );
                }
            }
            for value in &a.values {
                if !b.values.iter().any(|v| v.wire == value.wire) {
                    scope.push(
                        out,
                        at,
                        ChangeKind::EnumValueRemoved {
                            type_name: a.type_name.clone(),
                            wire: value.wire.clone(),
                            variant: value.variant.clone(),
                        },
                    );
                }
            }
        }
        (ParamType::Object(a), ParamType::Object(b)) => {
            if a.type_name != b.type_name {
                scope.push(
                    out,
                    at,
                    ChangeKind::RustNameChanged {
                        item: "object type",
                        old: a.type_name.clone(),
                        new: b.type_name.clone(),
                    },
                );
            }
            let nested = Scope {
                connector: scope.connector,
                auth: scope.auth,
                field: at.field.clone(),
            };
            params(&nested, a, b, out);
        }
        _ => {}
    }
}

/// A type as users read it in the docs: `string`, `enum SslMode`, `array of integer`.
fn describe(ty: &ParamType) -> String {
    match ty {
        ParamType::Enum(e) => format!("enum `{}`", e.type_name),
        ParamType::Object(o) => format!("object `{}`", o.type_name),
        ParamType::Array(item) => format!("array of {}", describe(item)),
        other => other.schema_name().to_owned(),
    }
}
