//! What each change does to code written against the crate generated from the old specs.
//!
//! The question asked of every change: does code that compiled against the old generated crate
//! still compile, send the same bodies, and read back the bodies it stored? "Breaking" when it may
//! not; the reason says which part fails. The answers follow what the emitter generates:
//!
//! - params structs and `AnyConnection` are `#[non_exhaustive]`: new params, auth specs and
//!   connectors break no struct literal or `match`;
//! - generated enums are `#[non_exhaustive]` too: a new value breaks no `match`;
//! - fields of required params hold `T`, of optional ones `Option<T>`, so turning required into
//!   optional (or back) changes the field's type even where builder calls still compile;
//! - a required param without a default is tracked by the builder's type: `build()` does not
//!   compile until it is set;
//! - secrets are `SecretString` fields whose setters take `impl Into<SecretString>` (`&str` and
//!   `String` convert);
//! - reading a body back checks its spec id, version, auth spec name, enum values and patterns.
//!
//! `codegen/tests/compatibility.rs` holds these answers to the emitter's output: for each of the
//! changes that matter most (optional param, enum value, auth spec, connector or default added,
//! description changed; required param added, required param made optional), it compiles code
//! written against the old generated crate against the new one, and asserts that the code compiles
//! exactly when `flow-codegen diff` calls the change compatible. Changing a rule here, or what the
//! emitter generates, calls for a case there.

use super::model::{AuthRef, ChangeKind, ConnectorRef, FlowSpecRef, Impact, ParamRef};
use crate::spec::Literal;

/// The impact of `kind` and why, in terms of the generated API at `connector` / `auth` / `param`.
pub fn classify(
    kind: &ChangeKind,
    connector: &ConnectorRef,
    auth: Option<&AuthRef>,
    flow_spec: Option<&FlowSpecRef>,
    param: Option<&ParamRef>,
) -> (Impact, String) {
    use Impact::{Breaking, Compatible};
    let module = &connector.module;
    let flow_type = flow_spec.map_or(String::new(), |f| format!("flow_specs::{}", f.type_name));
    let auth_type = auth.map_or("", |a| a.type_name.as_str());
    let setter = param.map_or(String::new(), |p| format!("`.{}(..)`", p.setter));
    let holder = param.map_or("", |p| p.holder.as_str());
    let field = param.map_or(String::new(), |p| format!("`{}`", p.field));
    match kind {
        ChangeKind::ConnectorAdded => (
            Compatible,
            format!(
                "adds the module `{module}` and its `AnyConnection` variants; `AnyConnection` is `#[non_exhaustive]`, so existing matches still compile"
            ),
        ),
        ChangeKind::ConnectorRemoved => (
            Breaking,
            format!(
                "the module `{module}` and its types are gone, and bodies with connection spec id `{}` are no longer read back",
                connector.spec_id
            ),
        ),
        ChangeKind::SpecIdChanged { old, .. } => (
            Breaking,
            format!(
                "code still compiles and new bodies send the new id, but bodies stored with `{old}` are no longer read back (`AnyConnection` dispatches on `connectionSpec.id`)"
            ),
        ),
        ChangeKind::VersionChanged { old, new } => (
            Breaking,
            format!(
                "code still compiles and new bodies send `connectionSpec.version` \"{new}\", but bodies stored with \"{old}\" are rejected when read back (the version must match)"
            ),
        ),
        ChangeKind::NameChanged { old, .. } => (
            Breaking,
            format!(
                "`{module}::NAME` changes and the runtime catalog no longer finds the connector by `by_name(\"{old}\")`; nothing sent on the wire depends on it"
            ),
        ),
        ChangeKind::RustNameChanged { item, old, new } => (
            Breaking,
            format!("code naming the {item} `{old}` no longer compiles; it is `{new}` now"),
        ),
        ChangeKind::DocChanged { what, .. } => match *what {
            "providerId" => (
                Compatible,
                "only the runtime catalog's `provider_id` changes; bodies carry a `providerId` only when code sets one"
                    .to_owned(),
            ),
            "display name" => (
                Compatible,
                "only documentation and the runtime catalog's `display_name` change".to_owned(),
            ),
            _ => (Compatible, "documentation only".to_owned()),
        },
        ChangeKind::AuthDropped => (
            Compatible,
            format!(
                "adds `{module}::NoAuth` for connections without `auth` (the removed auth specs are listed on their own)"
            ),
        ),
        ChangeKind::AuthIntroduced => (
            Breaking,
            format!("`{module}::NoAuth` is gone: connections of this connector now need an auth spec"),
        ),
        ChangeKind::AuthSpecAdded => (
            Compatible,
            format!("adds the params type `{module}::{auth_type}` and its `AnyConnection` variant"),
        ),
        ChangeKind::AuthSpecRemoved => (
            Breaking,
            format!(
                "the params type `{module}::{auth_type}` is gone, and bodies with `auth.specName` \"{}\" are no longer read back",
                auth.map_or("", |a| a.name.as_str())
            ),
        ),
        ChangeKind::AuthSpecRenamed { old, old_type } => {
            let new = auth.map_or("", |a| a.name.as_str());
            let types = if old_type == auth_type {
                format!("the params type `{auth_type}` keeps its name, but")
            } else {
                format!("code naming `{module}::{old_type}` no longer compiles (it is `{auth_type}` now),")
            };
            (
                Breaking,
                format!(
                    "{types} bodies send `auth.specName` \"{new}\", and bodies stored with \"{old}\" are no longer read back"
                ),
            )
        }
        ChangeKind::ParamAdded { required, default } => match (required, default) {
            (true, false) => (
                Breaking,
                format!("`build()` on the `{holder}` builder no longer compiles until {setter} is called"),
            ),
            (true, true) => (
                Compatible,
                format!("optional in the builder: `build()` fills in the default when {setter} is not called"),
            ),
            (false, _) => (
                Compatible,
                format!(
                    "a new optional setter {setter}; `{holder}` is `#[non_exhaustive]`, so no struct literal breaks"
                ),
            ),
        },
        ChangeKind::ParamRemoved => (
            Breaking,
            format!("the setter {setter} and the field {field} of `{holder}` are gone"),
        ),
        ChangeKind::RequiredChanged {
            required,
            tracked,
            rust_type,
        } => {
            let reason = match (required, tracked) {
                (true, true) => format!(
                    "`build()` no longer compiles until {setter} is called, and the field {field} is `{rust_type}` instead of `Option<{rust_type}>`"
                ),
                (true, false) => format!(
                    "builder calls still compile (`build()` fills in the default), but the field {field} is `{rust_type}` instead of `Option<{rust_type}>`"
                ),
                (false, _) => format!(
                    "builder calls still compile, but the field {field} is `Option<{rust_type}>` instead of `{rust_type}`: code reading it no longer compiles"
                ),
            };
            (Breaking, reason)
        }
        ChangeKind::TypeChanged { .. } => (
            Breaking,
            format!(
                "the setter {setter} and the field {field} take another type: code passing or reading the old one no longer compiles"
            ),
        ),
        ChangeKind::EnumValueAdded { type_name, variant, .. } => (
            Compatible,
            format!(
                "a new variant `{type_name}::{variant}`; `{type_name}` is `#[non_exhaustive]`, so existing matches still compile"
            ),
        ),
        ChangeKind::EnumValueRemoved {
            type_name,
            wire,
            variant,
        } => (
            Breaking,
            format!(
                "code using `{type_name}::{variant}` no longer compiles, and stored bodies with \"{wire}\" are rejected when read back"
            ),
        ),
        ChangeKind::SecretChanged {
            secret,
            old_type,
            new_type,
        } => {
            if old_type == new_type {
                (Compatible, format!("the field {field} keeps its type `{new_type}`"))
            } else if *secret {
                (
                    Breaking,
                    format!(
                        "the field {field} is `{new_type}` instead of `{old_type}`: {setter} still accepts `&str` and `String`, but code reading the field no longer compiles (use `expose_secret()`)"
                    ),
                )
            } else {
                (
                    Breaking,
                    format!(
                        "the field {field} is `{new_type}` instead of `{old_type}`: code passing a `SecretString` or calling `expose_secret()` no longer compiles, and `Debug` no longer redacts the value"
                    ),
                )
            }
        }
        ChangeKind::DefaultChanged {
            old,
            new,
            required,
            was_tracked,
            tracked,
        } => default_changed(old.as_ref(), new.as_ref(), *required, *was_tracked, *tracked, &setter),
        ChangeKind::SourceAdded => (
            Compatible,
            format!("adds the source params type `{module}::{auth_type}` and its builder"),
        ),
        ChangeKind::SourceRemoved => (
            Breaking,
            format!(
                "the source params type `{module}::{auth_type}` is gone: code creating source connections or flows of this connector no longer compiles"
            ),
        ),
        ChangeKind::SourceFamilyChanged { old, new } => (
            Breaking,
            format!(
                "`{auth_type}::Family` is the {new} family instead of {old}: its explore requests and source connection `data` differ, so code written for {old} sources no longer compiles"
            ),
        ),
        ChangeKind::BaseConnectionChanged { base_connection } => (
            Breaking,
            if *base_connection {
                "source connections now name a base connection: code creating them without one no longer compiles"
                    .to_owned()
            } else {
                "source connections no longer name a base connection (they send `providerId`): code passing a base connection id no longer compiles".to_owned()
            },
        ),
        ChangeKind::FlowSpecAdded => (Compatible, format!("adds `{flow_type}`")),
        ChangeKind::FlowSpecRemoved => (
            Breaking,
            format!("`{flow_type}` is gone: code creating flows of it no longer compiles"),
        ),
        ChangeKind::AcceptsAdded { module } => (
            Compatible,
            format!("`{flow_type}` now accepts source connections of `{module}` (a new `Accepts` implementation)"),
        ),
        ChangeKind::AcceptsRemoved { module } => (
            Breaking,
            format!(
                "`{flow_type}` no longer accepts source connections of `{module}`: code creating such flows no longer compiles"
            ),
        ),
        ChangeKind::FlowSpecChanged {
            what,
            old,
            new,
            stricter,
        } => match (*what, *stricter) {
            ("id" | "version", _) => (
                Breaking,
                format!(
                    "code still compiles and new flows send the {what} {new:?}, but flows stored with {old:?} are no longer read back as `{flow_type}`"
                ),
            ),
            ("mapping version", _) => (
                Breaking,
                format!("`mappingVersion` is sent as a JSON {new} instead of a {old}"),
            ),
            (_, true) => (
                Breaking,
                format!("flows built for the old {what} may be rejected now: `build()` checks the flow spec's rules"),
            ),
            (_, false) => (
                Compatible,
                format!("every flow built for the old {what} is still accepted"),
            ),
        },
        ChangeKind::PatternChanged { old, new } => match (old, new) {
            (None, Some(new)) => (
                Breaking,
                format!("`build()` and reading bodies now reject values that do not match `{new}`"),
            ),
            (Some(old), None) => (Compatible, format!("values are no longer checked against `{old}`")),
            (Some(old), Some(new)) => (
                Breaking,
                format!(
                    "`build()` and reading bodies check `{new}` instead of `{old}`: values the old pattern accepted may be rejected (patterns are not compared for inclusion)"
                ),
            ),
            (None, None) => (Compatible, "no pattern on either side".to_owned()),
        },
    }
}

fn default_changed(
    old: Option<&Literal>,
    new: Option<&Literal>,
    required: bool,
    was_tracked: bool,
    tracked: bool,
    setter: &str,
) -> (Impact, String) {
    if tracked && !was_tracked {
        return (
            Impact::Breaking,
            format!(
                "the param is required and has no default any more: `build()` no longer compiles until {setter} is called"
            ),
        );
    }
    if !required {
        return (
            Impact::Compatible,
            "documentation only: the param is optional, so bodies leave it out and the service applies its default"
                .to_owned(),
        );
    }
    match (old, new) {
        (None, Some(new)) if was_tracked => (
            Impact::Compatible,
            format!("{setter} is no longer needed: `build()` fills in {new} when it is not called"),
        ),
        (_, Some(new)) => (
            Impact::Compatible,
            format!("code still compiles, but bodies built without {setter} now send {new}"),
        ),
        (_, None) => (
            Impact::Compatible,
            "the builder's requirements are unchanged".to_owned(),
        ),
    }
}
