//! Walking a connection spec and its auth specs into a [`Connector`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{ConnectorCx, NO_AUTH, collisions, location};
use crate::diagnostic::Diagnostic;
use crate::ir::model::{AuthSpec, Connector, NoAuth, ParamsStruct};
use crate::ir::naming;
use crate::spec::{self, ConnectionSpec, Schema};

/// Whether `id` is a UUID in its canonical text form (`8-4-4-4-12` hex digits).
fn is_canonical_uuid(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The connector of one connection spec of `file`, or `None` (with the reasons reported) when it
/// cannot be generated.
pub(super) fn connector(file: &Path, spec: &ConnectionSpec, diagnostics: &mut Vec<Diagnostic>) -> Option<Connector> {
    // An incomplete spec (a missing `id`, `name` or `version`, already reported) is still checked
    // for every other error, but generates nothing.
    let mut ok = spec.complete;
    let module = naming::snake(&spec.name.value);
    if module.is_none() && spec.complete {
        diagnostics.push(
            Diagnostic::error(
                file,
                &spec.name.path,
                format!(
                    "the connector name `{}` gives no usable Rust module name",
                    spec.name.value
                ),
            )
            .with_help("use a machine name with ASCII letters or digits, such as \"my-source\""),
        );
        ok = false;
    }
    for (value, what) in [(&spec.id, "connection spec id"), (&spec.version, "version")] {
        if spec.complete && value.value.trim().is_empty() {
            diagnostics.push(
                Diagnostic::error(file, &value.path, format!("the {what} is empty"))
                    .with_help(format!("write the {what} the service expects")),
            );
            ok = false;
        }
    }
    if !spec.id.value.trim().is_empty() && !is_canonical_uuid(&spec.id.value) {
        diagnostics.push(
            Diagnostic::warning(
                file,
                &spec.id.path,
                format!(
                    "the connection spec id `{}` is not a UUID; requests will send it exactly as written",
                    spec.id.value
                ),
            )
            .with_help("check the id against `GET /connectionSpecs`; Flow Service ids look like 8-4-4-4-12 hex digits"),
        );
    }
    let connector_camel = module.as_deref().and_then(naming::camel).unwrap_or_default();
    let mut cx = ConnectorCx {
        file,
        shared_names: shared_type_names(&spec.auth_specs),
        types: Vec::new(),
        source_params: false,
        diagnostics,
    };
    // A repeated auth spec name is reported once, below; lowering the repeat would only report
    // the same collision again as clashing type names.
    let mut seen_names = BTreeSet::new();
    let auth_specs: Vec<AuthSpec> = spec
        .auth_specs
        .iter()
        .filter(|auth| seen_names.insert(auth.name.value.as_str()))
        .filter_map(|auth| cx.auth_spec(&connector_camel, auth))
        .collect();
    if auth_specs.len() != spec.auth_specs.len() {
        ok = false;
    }
    let no_auth = if spec.declared_auth_specs == 0 {
        // A source spec without auth specs is a source without base connection (a webhook): its
        // source connections stand alone, which is nothing to warn about.
        if spec.source.is_none() {
            cx.diagnostics.push(
            Diagnostic::warning(
                file,
                &spec.path.key("authSpec"),
                "this connection spec has no auth specs: its connections are created without `auth`",
            )
            .with_help("add the auth specs the service lists for this connector, or keep `[]` for a source without credentials"),
            );
        }
        Some(NoAuth {
            type_name: NO_AUTH.to_owned(),
            variant: naming::join(&connector_camel, NO_AUTH),
        })
    } else {
        None
    };
    // After the auth specs: their type names are claimed, and the source's give way to them.
    let source = match &spec.source {
        Some(source) => {
            let lowered = cx.source(spec, source, &connector_camel);
            ok &= lowered.is_some();
            lowered
        }
        None => None,
    };
    let diagnostics = cx.diagnostics;
    collisions::auth_spec_names(file, &spec.auth_specs, diagnostics);
    ok &= collisions::type_names(&cx.types, diagnostics);
    if !ok {
        return None;
    }
    Some(Connector {
        module: module?,
        machine_name: spec.name.value.clone(),
        display_name: spec.display_name.clone().unwrap_or_else(|| spec.name.value.clone()),
        spec_id: spec.id.value.clone(),
        version: spec.version.value.clone(),
        provider_id: spec.provider_id.clone(),
        description: spec.description.clone(),
        auth_specs,
        no_auth,
        source,
        flow_specs: Vec::new(),
        location: location(file, &spec.path),
    })
}

/// Counts, by camel-case name, the nested objects and enums of `schema` that get a type of their
/// own: what decides which names must be prefixed with their parent.
pub(super) fn count_named_types(schema: &Schema, counts: &mut BTreeMap<String, usize>) {
    for property in &schema.properties {
        let named = property.schema.enum_values.is_some()
            || !property.schema.properties.is_empty()
            || property.schema.items.as_ref().is_some_and(|i| i.enum_values.is_some());
        if named && let Some(name) = naming::camel(&property.name.value) {
            *counts.entry(name).or_default() += 1;
        }
        count_named_types(&property.schema, counts);
    }
}

/// The camel-case names that would be claimed more than once by nested objects and enums of one
/// connector, or that equal an auth spec's type name: such types are prefixed with their parent.
fn shared_type_names(auth_specs: &[spec::AuthSpec]) -> BTreeSet<String> {
    let mut counts = BTreeMap::new();
    for auth in auth_specs {
        count_named_types(&auth.schema, &mut counts);
    }
    let scheme_names: BTreeSet<String> = auth_specs
        .iter()
        .filter_map(|auth| naming::camel(&auth.name.value))
        .flat_map(|name| [naming::join(&name, "Builder"), naming::join(&name, "Patch"), name])
        .collect();
    counts
        .into_iter()
        .filter(|(name, count)| {
            *count > 1 || scheme_names.contains(name) || scheme_names.contains(&naming::join(name, "Builder"))
        })
        .map(|(name, _)| name)
        .collect()
}

impl ConnectorCx<'_> {
    fn auth_spec(&mut self, connector_camel: &str, auth: &spec::AuthSpec) -> Option<AuthSpec> {
        let name = &auth.name;
        // A bad name is reported, and the params are still checked under a stand-in name.
        let type_name = if name.value.trim().is_empty() {
            self.error(
                &name.path,
                "the auth spec name is empty",
                "requests select an auth spec by this exact name; give it one",
            );
            None
        } else {
            let type_name = naming::camel(&name.value);
            if type_name.is_none() {
                self.error(
                    &name.path,
                    format!("the auth spec name `{}` gives no usable Rust type name", name.value),
                    "auth spec names need at least one ASCII letter or digit",
                );
            }
            type_name
        };
        let schema = &auth.schema;
        if let Some(ty) = &schema.ty
            && ty.value != "object"
        {
            self.error(
                &ty.path,
                format!(
                    "an auth spec schema must have `\"type\": \"object\"`, found `{}`",
                    ty.value
                ),
                "describe the credential params as the properties of an object schema",
            );
            return None;
        }
        if let Some(type_name) = &type_name {
            self.claim(type_name, &name.path);
            self.claim(&naming::join(type_name, "Builder"), &name.path);
            self.claim(&naming::join(type_name, "Patch"), &name.path);
        }
        let params = self.params(schema, type_name.as_deref().unwrap_or("AuthSpec"), "");
        let (type_name, params) = (type_name?, params?);
        Some(AuthSpec {
            spec_name: name.value.clone(),
            auth_type: auth.auth_type.clone(),
            description: schema.description.clone(),
            variant: naming::join(connector_camel, &type_name),
            patch_name: naming::join(&type_name, "Patch"),
            params: ParamsStruct {
                builder_name: naming::join(&type_name, "Builder"),
                type_name,
                params,
            },
            location: location(self.file, &auth.path),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::is_canonical_uuid;

    #[test]
    fn canonical_uuids() {
        assert!(is_canonical_uuid("38ad80fe-8b06-4938-94f4-d4ee80266b07"));
        assert!(is_canonical_uuid("35D6C4D8-C9A9-11EB-B8BC-0242AC130003"));
        assert!(!is_canonical_uuid("b66ab34-8619-49cb-96d1-39b37ede86ea"));
        assert!(!is_canonical_uuid("{CONNECTION_SPEC_ID}"));
        assert!(!is_canonical_uuid("38ad80fe8b06493894f4d4ee80266b07"));
    }
}
