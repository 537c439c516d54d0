//! Reads flow specs (items of `GET /flowSpecs`, the files under a spec directory's `flows/`):
//! ids, the connection specs they take, transformations, and what `scheduleSpec.spec` says about
//! `scheduleParams`. The schedule schema's conditions are read in the shapes Flow Service writes
//! them (`if` on `frequency` with `then`/`else`, nested, and `allOf`); any other shape that
//! could hide a limit is a diagnostic, never silently dropped.

use std::path::Path;

use serde_json::{Map, Value};

use super::fields;
use super::model::{Condition, FlowSpec, Located, ScheduleSpec, TransformationSpec};
use super::reader::{Walker, kind_of};
use super::schema::literal;
use crate::diagnostic::Diagnostic;
use crate::json_path::JsonPath;

/// The flow specs of a document (one object, an array, or an `{"items": [...]}` envelope) in
/// `file`; problems are appended to `diagnostics`.
pub fn document(file: &Path, value: &Value, diagnostics: &mut Vec<Diagnostic>) -> Vec<FlowSpec> {
    let mut walker = Walker { file, diagnostics };
    walker
        .items(value, "flow spec")
        .into_iter()
        .map(|(object, path)| walker.flow_spec(object, &path))
        .collect()
}

/// How a schedule condition is written: `{"properties": {"frequency": {"const": "once"}}}`.
const CONDITION_HELP: &str = "flow-codegen reads conditions on the frequency: \
    `\"if\": {\"properties\": {\"frequency\": {\"const\": \"minute\"}}}` (or `\"enum\": [...]`)";

impl Walker<'_> {
    fn flow_spec(&mut self, object: &Map<String, Value>, path: &JsonPath) -> FlowSpec {
        let id = self.string(object, fields::ID, path, "the flow spec id, a UUID");
        let name = self.string(object, fields::NAME, path, "the flow spec's name, such as \"CRMToAEP\"");
        let version = self.string(object, fields::VERSION, path, "the flow spec version, such as \"1.0\"");
        let description = self.optional_string(object, fields::DESCRIPTION, path).map(|d| d.value);
        let source_ids = self.id_list(object, fields::SOURCE_CONNECTION_SPEC_IDS, path);
        let target_ids = self.id_list(object, fields::TARGET_CONNECTION_SPEC_IDS, path);
        let transformations = self.transformations(object, path);
        let schedule = self
            .optional_object(
                object,
                fields::SCHEDULE_SPEC,
                path,
                "write `\"scheduleSpec\": {\"spec\": {...}}`, or remove it for a flow spec without schedule",
            )
            .and_then(|schedule| {
                let schedule_path = path.key(fields::SCHEDULE_SPEC);
                self.optional_object(
                    schedule,
                    fields::SCHEDULE_SCHEMA,
                    &schedule_path,
                    "write `\"spec\": {\"type\": \"object\", \"properties\": {...}}`",
                )
                .map(|spec| self.schedule(spec, &schedule_path.key(fields::SCHEDULE_SCHEMA)))
            });
        let complete = id.is_some() && name.is_some() && version.is_some();
        let missing = |key: &str| Located {
            value: String::new(),
            path: path.key(key),
        };
        FlowSpec {
            path: path.clone(),
            id: id.unwrap_or_else(|| missing(fields::ID)),
            name: name.unwrap_or_else(|| missing(fields::NAME)),
            version: version.unwrap_or_else(|| missing(fields::VERSION)),
            description,
            source_ids,
            target_ids,
            transformations,
            schedule,
            complete,
        }
    }

    /// An optional array of ids.
    fn id_list(&mut self, object: &Map<String, Value>, key: &str, path: &JsonPath) -> Vec<Located<String>> {
        let key_path = path.key(key);
        match object.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(ids)) => ids
                .iter()
                .enumerate()
                .filter_map(|(index, id)| match id {
                    Value::String(id) => Some(Located {
                        value: id.clone(),
                        path: key_path.index(index),
                    }),
                    other => {
                        self.error(
                            &key_path.index(index),
                            format!("`{key}` must list connection spec ids, found {}", kind_of(other)),
                            "write each id as a JSON string",
                        );
                        None
                    }
                })
                .collect(),
            Some(other) => {
                self.error(
                    &key_path,
                    format!(
                        "`{key}` must be an array of connection spec ids, found {}",
                        kind_of(other)
                    ),
                    "write `[\"38ad80fe-...\", ...]`",
                );
                Vec::new()
            }
        }
    }

    fn transformations(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Vec<TransformationSpec> {
        let [plural, singular] = fields::TRANSFORMATION_SPECS;
        let key = match (object.contains_key(plural), object.contains_key(singular)) {
            (true, true) => {
                self.error(
                    &path.key(singular),
                    format!("the flow spec has both `{plural}` and `{singular}`"),
                    &format!("keep one list of transformations, under `{plural}`"),
                );
                return Vec::new();
            }
            (false, true) => singular,
            _ => plural,
        };
        let key_path = path.key(key);
        let entries = match object.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(entries)) => entries,
            Some(other) => {
                self.error(
                    &key_path,
                    format!("`{key}` must be an array, found {}", kind_of(other)),
                    "write `[{\"name\": \"Mapping\", \"spec\": {...}}]`",
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (index, entry) in entries.iter().enumerate() {
            let entry_path = key_path.index(index);
            let Value::Object(entry) = entry else {
                self.error(
                    &entry_path,
                    format!("a transformation spec must be an object, found {}", kind_of(entry)),
                    "write `{\"name\": \"Mapping\", \"spec\": {...}}`",
                );
                continue;
            };
            let name = self.string(
                entry,
                fields::NAME,
                &entry_path,
                "the transformation's name, such as \"Mapping\"",
            );
            let schema_path = entry_path.key(fields::TRANSFORMATION_SCHEMA);
            let version = self
                .optional_object(
                    entry,
                    fields::TRANSFORMATION_SCHEMA,
                    &entry_path,
                    "write `\"spec\": {...}`",
                )
                .and_then(|spec| spec.get("properties")?.as_object())
                .and_then(|properties| properties.get("mappingVersion")?.as_object());
            let mapping_version_type = version.and_then(|version| {
                let version_path = schema_path.key("properties").key("mappingVersion");
                self.optional_string(version, "type", &version_path)
            });
            out.extend(name.map(|name| TransformationSpec {
                name,
                mapping_version_type,
            }));
        }
        out
    }

    /// What `scheduleSpec.spec` says about `scheduleParams`.
    fn schedule(&mut self, spec: &Map<String, Value>, path: &JsonPath) -> ScheduleSpec {
        let mut out = ScheduleSpec {
            path: path.clone(),
            frequencies: None,
            start_time_type: None,
            interval_minimums: Vec::new(),
            interval_required: Vec::new(),
            backfill: false,
        };
        let properties_path = path.key("properties");
        if let Some(properties) = spec.get("properties").and_then(Value::as_object) {
            if let Some(frequency) = properties.get("frequency").and_then(Value::as_object) {
                let enum_path = properties_path.key("frequency").key("enum");
                match frequency.get("enum") {
                    None => {}
                    Some(Value::Array(values)) => {
                        let values = self.strings(values, &enum_path, "frequency");
                        out.frequencies = Some(Located {
                            value: values,
                            path: enum_path,
                        });
                    }
                    Some(other) => self.error(
                        &enum_path,
                        format!("`enum` must be an array of frequencies, found {}", kind_of(other)),
                        "write `\"enum\": [\"once\", \"minute\", \"hour\", \"day\", \"week\"]`",
                    ),
                }
            }
            if let Some(start_time) = properties.get("startTime").and_then(Value::as_object) {
                out.start_time_type = self.optional_string(start_time, "type", &properties_path.key("startTime"));
            }
            out.backfill = properties.contains_key("backfill");
        }
        self.schedule_branch(spec, path, &Condition::default(), &mut out);
        out
    }

    /// The string values of an array, each other value reported.
    fn strings(&mut self, values: &[Value], path: &JsonPath, what: &str) -> Vec<Located<String>> {
        values
            .iter()
            .enumerate()
            .filter_map(|(index, value)| match value {
                Value::String(text) => Some(Located {
                    value: text.clone(),
                    path: path.index(index),
                }),
                other => {
                    self.error(
                        &path.index(index),
                        format!("a {what} must be a string, found {}", kind_of(other)),
                        "write the value as a JSON string",
                    );
                    None
                }
            })
            .collect()
    }

    /// The interval limits of one (sub)schema that holds under `condition`.
    fn schedule_branch(
        &mut self,
        schema: &Map<String, Value>,
        path: &JsonPath,
        condition: &Condition,
        out: &mut ScheduleSpec,
    ) {
        if let Some(minimum) = schema
            .get("properties")
            .and_then(|properties| properties.get("interval"))
            .and_then(|interval| interval.get("minimum"))
        {
            let minimum_path = path.key("properties").key("interval").key("minimum");
            out.interval_minimums.push((
                condition.clone(),
                Located {
                    value: literal(minimum),
                    path: minimum_path,
                },
            ));
        }
        if let Some(Value::Array(required)) = schema.get("required")
            && required.iter().any(|name| name == "interval")
        {
            out.interval_required.push(condition.clone());
        }
        for keyword in ["anyOf", "oneOf"] {
            if schema.contains_key(keyword) {
                self.error(
                    &path.key(keyword),
                    format!("flow-codegen cannot read `{keyword}` in a schedule schema"),
                    "write the interval limits per frequency with `if`/`then`/`else` or `allOf`",
                );
            }
        }
        match schema.get("allOf") {
            None => {}
            Some(Value::Array(branches)) => {
                for (index, branch) in branches.iter().enumerate() {
                    self.schedule_subschema(branch, &path.key("allOf").index(index), condition, out);
                }
            }
            Some(other) => self.error(
                &path.key("allOf"),
                format!("`allOf` must be an array of schemas, found {}", kind_of(other)),
                "write `\"allOf\": [{...}, ...]`",
            ),
        }
        let Some(test) = schema.get("if") else {
            return;
        };
        let Some(selected) = self.frequency_condition(test, &path.key("if")) else {
            return;
        };
        if let Some(then) = schema.get("then") {
            let only = match &condition.only {
                Some(only) => only.iter().filter(|f| selected.contains(f)).cloned().collect(),
                None => selected.clone(),
            };
            let then_condition = Condition {
                only: Some(only),
                except: condition.except.clone(),
            };
            self.schedule_subschema(then, &path.key("then"), &then_condition, out);
        }
        if let Some(otherwise) = schema.get("else") {
            let mut else_condition = condition.clone();
            else_condition.except.extend(selected);
            self.schedule_subschema(otherwise, &path.key("else"), &else_condition, out);
        }
    }

    fn schedule_subschema(&mut self, value: &Value, path: &JsonPath, condition: &Condition, out: &mut ScheduleSpec) {
        match value {
            Value::Object(schema) => self.schedule_branch(schema, path, condition, out),
            // `true` and `false` are schemas too; neither sets a limit.
            Value::Bool(_) => {}
            other => self.error(
                path,
                format!("expected a schema object, found {}", kind_of(other)),
                "write a JSON Schema object",
            ),
        }
    }

    /// The frequencies an `if` selects, or `None` (reported) when it tests something else.
    fn frequency_condition(&mut self, test: &Value, path: &JsonPath) -> Option<Vec<String>> {
        let properties = test.get("properties").and_then(Value::as_object);
        let frequency = properties.and_then(|p| p.get("frequency")).and_then(Value::as_object);
        let readable = properties.is_some_and(|p| p.len() == 1);
        let values = match frequency {
            Some(frequency) if readable => match (frequency.get("const"), frequency.get("enum")) {
                (Some(Value::String(value)), None) => Some(vec![value.clone()]),
                (None, Some(Value::Array(values))) if values.iter().all(Value::is_string) => {
                    Some(values.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                }
                _ => None,
            },
            _ => None,
        };
        if values.is_none() {
            self.error(
                path,
                "flow-codegen cannot read this condition of the schedule schema".into(),
                CONDITION_HELP,
            );
        }
        values
    }
}
