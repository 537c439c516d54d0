//! Reads a connection spec's `sourceSpec` and `exploreSpec`: the parts beyond `authSpec` that
//! change generated code (`sourceSpec.spec`, `exploreSpec.type`).

use serde_json::{Map, Value};

use super::fields;
use super::model::{ExploreSpec, SourceSpec};
use super::reader::{Walker, kind_of};
use crate::json_path::JsonPath;

impl Walker<'_> {
    /// The object member `key` of `object`, if present; another JSON type is reported.
    pub(super) fn optional_object<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        key: &str,
        path: &JsonPath,
        help: &str,
    ) -> Option<&'v Map<String, Value>> {
        match object.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Object(member)) => Some(member),
            Some(other) => {
                self.error(
                    &path.key(key),
                    format!("`{key}` must be an object, found {}", kind_of(other)),
                    help,
                );
                None
            }
        }
    }

    /// `sourceSpec`, if the connection spec `object` at `path` has one.
    pub(super) fn source_spec(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Option<SourceSpec> {
        let source = self.optional_object(
            object,
            fields::SOURCE_SPEC,
            path,
            "write `\"sourceSpec\": {\"spec\": {\"type\": \"object\", \"properties\": {...}}}`",
        )?;
        let path = path.key(fields::SOURCE_SPEC);
        let schema = self
            .optional_object(
                source,
                fields::SOURCE_SCHEMA,
                &path,
                "write `\"spec\": {\"type\": \"object\", \"properties\": {...}}` describing the source params",
            )
            .map(|schema| self.schema(schema, &path.key(fields::SOURCE_SCHEMA)));
        Some(SourceSpec { path, schema })
    }

    /// `exploreSpec`, if the connection spec `object` at `path` has one.
    pub(super) fn explore_spec(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Option<ExploreSpec> {
        let explore = self.optional_object(
            object,
            fields::EXPLORE_SPEC,
            path,
            "write `\"exploreSpec\": {\"type\": \"Tabular\"}` (or FileSystem, Resource, StreamingConnection)",
        )?;
        let path = path.key(fields::EXPLORE_SPEC);
        let ty = self.optional_string(explore, fields::EXPLORE_TYPE, &path);
        Some(ExploreSpec { path, ty })
    }
}
