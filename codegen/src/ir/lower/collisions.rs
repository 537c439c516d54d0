//! Names that would clash in generated code: connection spec ids, modules, `AnyConnection` and
//! `AnySourceConnection` variants across the model; auth spec names and type names within a connector; field names and
//! builder type parameters within a params struct. Each is reported at every location after the
//! first, with the first as a related location.

use std::collections::BTreeMap;
use std::path::Path;

use super::location;
use crate::diagnostic::Diagnostic;
use crate::ir::model::{Connector, Location, Param};
use crate::spec;

/// Reports each group of items that share a key, pointing at every location after the first.
fn report_duplicates<'a, T: 'a>(
    items: impl IntoIterator<Item = (String, &'a T, &'a Location)>,
    diagnostics: &mut Vec<Diagnostic>,
    message: impl Fn(&str, &T, &T) -> (String, String),
) {
    let mut seen: BTreeMap<String, (&T, &Location)> = BTreeMap::new();
    for (key, item, location) in items {
        match seen.get(&key) {
            Some((first, first_location)) => {
                let (text, help) = message(&key, first, item);
                diagnostics.push(
                    Diagnostic::error(&location.file, &location.path, text)
                        .with_related(&first_location.file, &first_location.path, "first defined here")
                        .with_help(help),
                );
            }
            None => {
                seen.insert(key, (item, location));
            }
        }
    }
}

/// Across the model: connection spec ids, modules, `AnyConnection` and `AnySourceConnection`
/// variants.
pub(super) fn model(connectors: &[Connector], diagnostics: &mut Vec<Diagnostic>) {
    let member = |c: &Connector, key: &str| location(&c.location.file, &c.location.path.key(key));
    let id_locations: Vec<Location> = connectors.iter().map(|c| member(c, "id")).collect();
    // UUIDs are case-insensitive: `ABC..` and `abc..` name one connection spec.
    report_duplicates(
        connectors
            .iter()
            .zip(&id_locations)
            .map(|(c, location)| (c.spec_id.to_ascii_lowercase(), c, location)),
        diagnostics,
        |_, first, second| {
            (
                format!(
                    "connectors `{}` and `{}` both declare the connection spec id `{}`",
                    first.machine_name, second.machine_name, second.spec_id
                ),
                "a connection spec id names one connector; keep the spec that owns it and correct or remove the other"
                    .into(),
            )
        },
    );
    let name_locations: Vec<Location> = connectors.iter().map(|c| member(c, "name")).collect();
    report_duplicates(
        connectors
            .iter()
            .zip(&name_locations)
            .map(|(c, location)| (c.module.clone(), c, location)),
        diagnostics,
        |module, first, second| {
            (
                format!(
                    "connectors `{}` and `{}` would both generate the module `{module}`",
                    first.machine_name, second.machine_name
                ),
                "give one of the connection specs a distinct `name`".into(),
            )
        },
    );
    // Connectors sharing a module share every variant name too: their variants are not reported
    // again.
    let mut modules: BTreeMap<&str, usize> = BTreeMap::new();
    for connector in connectors {
        *modules.entry(connector.module.as_str()).or_default() += 1;
    }
    let connectors: Vec<&Connector> = connectors.iter().filter(|c| modules[c.module.as_str()] == 1).collect();
    // (variant, connector, auth spec name) for every variant of `AnyConnection`.
    let variants: Vec<(String, &Connector, Option<&str>, Location)> = connectors
        .iter()
        .flat_map(|&c| {
            c.auth_specs
                .iter()
                .map(move |a| {
                    (
                        a.variant.clone(),
                        c,
                        Some(a.spec_name.as_str()),
                        location(&a.location.file, &a.location.path.key("name")),
                    )
                })
                .chain(
                    c.no_auth
                        .iter()
                        .map(move |n| (n.variant.clone(), c, None, member(c, "authSpec"))),
                )
        })
        .collect();
    let describe = |(_, c, auth, _): &(String, &Connector, Option<&str>, Location)| match auth {
        Some(auth) => format!("`{}` with auth spec `{auth}`", c.machine_name),
        None => format!("`{}` (no auth specs)", c.machine_name),
    };
    report_duplicates(
        variants.iter().map(|item| (item.0.clone(), item, &item.3)),
        diagnostics,
        |variant, first, second| {
            (
                format!(
                    "connectors {} and {} would both generate the `AnyConnection::{variant}` variant",
                    describe(first),
                    describe(second)
                ),
                "the variant joins the connector and auth spec names; rename the connector or the auth spec so \
                 the joined names differ"
                    .into(),
            )
        },
    );
    // `AnySourceConnection` has a variant per connector with a source, named after the connector.
    let sources: Vec<(&Connector, Location)> = connectors
        .iter()
        .filter(|c| c.source.is_some())
        .map(|&c| (c, member(c, "name")))
        .collect();
    report_duplicates(
        sources
            .iter()
            .filter_map(|item| Some((item.0.source.as_ref()?.variant.clone(), item.0, &item.1))),
        diagnostics,
        |variant, first, second| {
            (
                format!(
                    "connectors `{}` and `{}` would both generate the `AnySourceConnection::{variant}` variant",
                    first.machine_name, second.machine_name
                ),
                "the variant is the connector's name in CamelCase; give one of the connection specs a `name` \
                 that differs in more than punctuation"
                    .into(),
            )
        },
    );
}

/// Within a connection spec: auth spec names, which requests select by name.
pub(super) fn auth_spec_names(file: &Path, auth_specs: &[spec::AuthSpec], diagnostics: &mut Vec<Diagnostic>) {
    let name_locations: Vec<Location> = auth_specs.iter().map(|a| location(file, &a.name.path)).collect();
    report_duplicates(
        auth_specs
            .iter()
            .zip(&name_locations)
            .map(|(a, location)| (a.name.value.clone(), a, location)),
        diagnostics,
        |name, _, _| {
            (
                format!("the auth spec name `{name}` appears twice in this connection spec"),
                "requests select an auth spec by its name, so names must be unique; rename or remove one".into(),
            )
        },
    );
}

/// Within a connector module: every type it defines (params types, builders, nested types and
/// enums), each with the location that claims it. True when none clash.
pub(super) fn type_names(types: &[(String, Location)], diagnostics: &mut Vec<Diagnostic>) -> bool {
    let before = diagnostics.len();
    report_duplicates(
        types.iter().map(|(name, location)| (name.clone(), location, location)),
        diagnostics,
        |name, _, _| {
            (
                format!("two items of this connector would both generate the Rust type `{name}`"),
                "rename one of the auth specs or params so their names differ in more than case and punctuation".into(),
            )
        },
    );
    diagnostics.len() == before
}

/// Within a params struct: Rust field names, and the builder type parameters of tracked params.
/// `locations[i]` is where `params[i]` is defined. True when none clash.
pub(super) fn param_names(params: &[Param], locations: &[Location], diagnostics: &mut Vec<Diagnostic>) -> bool {
    let before = diagnostics.len();
    report_duplicates(
        params.iter().zip(locations).map(|(p, l)| (p.field.clone(), p, l)),
        diagnostics,
        |field, first, second| {
            (
                format!(
                    "params `{}` and `{}` would both be named `{field}` in Rust",
                    first.wire_name, second.wire_name
                ),
                "params whose names differ only in punctuation cannot both be generated; rename or remove one".into(),
            )
        },
    );
    report_duplicates(
        params
            .iter()
            .zip(locations)
            .filter(|(p, _)| p.tracked())
            .map(|(p, l)| (p.state.clone(), p, l)),
        diagnostics,
        |state, first, second| {
            (
                format!(
                    "params `{}` and `{}` would share the builder type parameter `{state}`",
                    first.wire_name, second.wire_name
                ),
                "rename one of the params".into(),
            )
        },
    );
    diagnostics.len() == before
}
