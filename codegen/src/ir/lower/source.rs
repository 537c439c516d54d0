//! A connection spec's `sourceSpec` and `exploreSpec` into a [`Source`]: the family (from
//! `exploreSpec.type`, or inferred from the params with a warning when it is missing or unknown), the base
//! connection form, and the source params (lowered like an auth spec's, with two extras: free-form
//! objects and table columns, see [`types`](super::types)).

use std::collections::{BTreeMap, BTreeSet};

use super::{ConnectorCx, location};
use crate::diagnostic::Diagnostic;
use crate::ir::model::{ParamsStruct, Source};
use crate::ir::naming;

use crate::ir::workflow::SourceFamily;
use crate::spec::{self, ConnectionSpec, Schema};

/// The name of a connector's source params type, unless its auth specs' types take it.
pub const SOURCE_PARAMS: &str = "SourceParams";

/// The allowed `exploreSpec.type` values, for messages: `Tabular`, `FileSystem`, ...
fn explore_types() -> String {
    SourceFamily::ALL
        .iter()
        .map(|(_, name)| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The camel-case names of the source schema's nested objects and enums that must be prefixed
/// with the source params type's name: those claimed twice within it, and those the auth specs'
/// types already take (so adding a `sourceSpec` never renames an auth spec's type).
fn shared_names(schema: &Schema, taken: &BTreeSet<String>) -> BTreeSet<String> {
    let mut counts = BTreeMap::new();
    super::connector::count_named_types(schema, &mut counts);
    counts
        .into_iter()
        .filter(|(name, count)| {
            *count > 1
                || taken.contains(name)
                || taken.contains(&naming::join(name, "Builder"))
                || name == SOURCE_PARAMS
                || *name == naming::join(SOURCE_PARAMS, "Builder")
        })
        .map(|(name, _)| name)
        .collect()
}

/// The family of a source whose `exploreSpec` does not say, and why: a `tableName` param makes a
/// table source, a `path` param a file source, no `sourceSpec.spec` a stream source (webhooks
/// send no params), anything else a REST source.
fn infer_family(source: &spec::SourceSpec) -> (SourceFamily, &'static str) {
    let Some(schema) = &source.schema else {
        return (SourceFamily::Stream, "the missing `sourceSpec.spec` (no params)");
    };
    let has = |name: &str| schema.properties.iter().any(|p| p.name.value == name);
    if has("tableName") {
        (SourceFamily::Table, "its `tableName` param")
    } else if has("path") {
        (SourceFamily::File, "its `path` param")
    } else {
        (SourceFamily::Rest, "its params (no `tableName` or `path`)")
    }
}

impl ConnectorCx<'_> {
    /// The family of the spec's `exploreSpec`. A missing `exploreSpec`, a missing `type` or a type
    /// flow-codegen does not know is a warning, not an error (real specs may use types not seen
    /// yet): the family is then inferred from the source params (see [`infer_family`]).
    fn family(&mut self, spec: &ConnectionSpec, source: &spec::SourceSpec) -> SourceFamily {
        let (path, problem, help) = match &spec.explore {
            None => (
                &source.path,
                "this connection spec has a `sourceSpec` but no `exploreSpec`".to_owned(),
                "add `\"exploreSpec\": {\"type\": ...}` with",
            ),
            Some(explore) => match &explore.ty {
                None => (
                    &explore.path,
                    "`exploreSpec` has no `type`".to_owned(),
                    "add `\"type\"` to `exploreSpec`:",
                ),
                Some(ty) => match SourceFamily::from_explore_type(&ty.value) {
                    Some(family) => return family,
                    None => (
                        &ty.path,
                        format!("unknown `exploreSpec` type `{}`", ty.value),
                        "set `exploreSpec.type` to",
                    ),
                },
            },
        };
        let (family, reason) = infer_family(source);
        let known = SourceFamily::ALL
            .iter()
            .find(|(f, _)| *f == family)
            .map_or("", |(_, name)| name);
        self.diagnostics.push(
            Diagnostic::warning(
                self.file,
                path,
                format!(
                    "{problem}: generating a {} source, inferred from {reason}",
                    family.name()
                ),
            )
            .with_help(format!(
                "{help} one of {} to choose the family and silence this warning (`{known}` keeps the inferred {} \
                 source)",
                explore_types(),
                family.name()
            )),
        );
        family
    }

    /// The connector's source, or `None` with the reasons reported.
    pub(super) fn source(
        &mut self,
        spec: &ConnectionSpec,
        source: &spec::SourceSpec,
        connector_camel: &str,
    ) -> Option<Source> {
        let family = self.family(spec, source);
        let taken: BTreeSet<String> = self.types.iter().map(|(name, _)| name.clone()).collect();
        let type_name = if taken.contains(SOURCE_PARAMS) || taken.contains(&naming::join(SOURCE_PARAMS, "Builder")) {
            let alternative = naming::join(connector_camel, SOURCE_PARAMS);
            self.diagnostics.push(
                Diagnostic::warning(
                    self.file,
                    &source.path,
                    format!(
                        "the source params type is named `{alternative}`: an auth spec of this connector already \
                         generates `{SOURCE_PARAMS}` or `{SOURCE_PARAMS}Builder`"
                    ),
                )
                .with_help("rename the auth spec if the source params should be named `SourceParams`"),
            );
            alternative
        } else {
            SOURCE_PARAMS.to_owned()
        };
        let (params, description) = match &source.schema {
            None => (Some(Vec::new()), None),
            Some(schema) => {
                if let Some(ty) = &schema.ty
                    && ty.value != "object"
                {
                    self.error(
                        &ty.path,
                        format!(
                            "a source spec schema must have `\"type\": \"object\"`, found `{}`",
                            ty.value
                        ),
                        "describe the source params as the properties of an object schema",
                    );
                    return None;
                }
                let auth_shared = std::mem::replace(&mut self.shared_names, shared_names(schema, &taken));
                self.source_params = true;
                let params = self.params(schema, &type_name, "");
                self.source_params = false;
                self.shared_names = auth_shared;
                (params, schema.description.clone())
            }
        };
        let base_connection = spec.declared_auth_specs > 0;
        self.claim(&type_name, &source.path);
        self.claim(&naming::join(&type_name, "Builder"), &source.path);
        Some(Source {
            family,
            variant: connector_camel.to_owned(),
            base_connection,
            sends_params: source.schema.is_some(),
            params: ParamsStruct {
                builder_name: naming::join(&type_name, "Builder"),
                type_name,
                params: params?,
            },
            description,
            location: location(self.file, &source.path),
        })
    }
}
