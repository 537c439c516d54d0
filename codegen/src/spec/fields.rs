//! The members of a connection spec and of a flow spec the generator reads: one list, for the
//! parser (which reads them) and for `pull` (whose files keep only them, so that members that
//! change without changing the generated code, such as `updatedAt` or `sourceSpec.attributes`, do
//! not touch the files).

use serde_json::{Map, Value};

/// `id`: the connection spec id.
pub const ID: &str = "id";
/// `name`: the machine name (also the name of an `authSpec[]` entry).
pub const NAME: &str = "name";
/// `providerId`.
pub const PROVIDER_ID: &str = "providerId";
/// `version`.
pub const VERSION: &str = "version";
/// `description`.
pub const DESCRIPTION: &str = "description";
/// `authSpec`: the array of auth specs.
pub const AUTH_SPEC: &str = "authSpec";
/// `type`: an auth spec's free-text type.
pub const AUTH_TYPE: &str = "type";
/// `spec`: an auth spec's JSON Schema.
pub const AUTH_SCHEMA: &str = "spec";
/// `sourceSpec`: what source connections take.
pub const SOURCE_SPEC: &str = "sourceSpec";
/// `spec`: `sourceSpec`'s JSON Schema of a source connection's `params`.
pub const SOURCE_SCHEMA: &str = "spec";
/// `exploreSpec`: how the source is explored.
pub const EXPLORE_SPEC: &str = "exploreSpec";
/// `type`: `exploreSpec`'s family (`Tabular`, `FileSystem`, `Resource`, `StreamingConnection`).
pub const EXPLORE_TYPE: &str = "type";

/// `sourceConnectionSpecIds`: the connection specs a flow spec takes source connections of.
pub const SOURCE_CONNECTION_SPEC_IDS: &str = "sourceConnectionSpecIds";
/// `targetConnectionSpecIds`.
pub const TARGET_CONNECTION_SPEC_IDS: &str = "targetConnectionSpecIds";
/// `transformationSpecs`, and `transformationSpec` as the documented CRMToAEP flow spec spells it.
pub const TRANSFORMATION_SPECS: [&str; 2] = ["transformationSpecs", "transformationSpec"];
/// `spec`: a transformation's JSON Schema (read: `properties.mappingVersion.type`).
pub const TRANSFORMATION_SCHEMA: &str = "spec";
/// `scheduleSpec`: the schedule a flow spec allows.
pub const SCHEDULE_SPEC: &str = "scheduleSpec";
/// `spec`: `scheduleSpec`'s JSON Schema of a flow's `scheduleParams`.
pub const SCHEDULE_SCHEMA: &str = "spec";

/// `attributes.uiAttributes.label`: the display name, the one member read below `attributes`.
pub const DISPLAY_NAME: [&str; 3] = ["attributes", "uiAttributes", "label"];

/// The plain top-level members read, in the order pulled files keep them (then the display name,
/// then `authSpec`).
#[cfg(any(test, feature = "cli"))]
const TOP_LEVEL: [&str; 5] = [ID, NAME, PROVIDER_ID, VERSION, DESCRIPTION];
/// The members of an `authSpec[]` entry read, in the order pulled files keep them. Inside `spec`
/// everything is kept, in the service's order (the order of the generated params).
#[cfg(any(test, feature = "cli"))]
const AUTH_SPEC_MEMBERS: [&str; 3] = [NAME, AUTH_TYPE, AUTH_SCHEMA];
/// The plain top-level members of a flow spec read, in the order pulled files keep them (then
/// `transformationSpecs` and `scheduleSpec`).
#[cfg(any(test, feature = "cli"))]
const FLOW_TOP_LEVEL: [&str; 6] = [
    ID,
    NAME,
    VERSION,
    DESCRIPTION,
    SOURCE_CONNECTION_SPEC_IDS,
    TARGET_CONNECTION_SPEC_IDS,
];
/// The members of a `transformationSpecs[]` entry read (in `spec`, everything is kept).
#[cfg(any(test, feature = "cli"))]
const TRANSFORMATION_MEMBERS: [&str; 2] = [NAME, TRANSFORMATION_SCHEMA];

/// The value at [`DISPLAY_NAME`] in a connection spec object, of whatever type.
pub fn display_name(spec: &Map<String, Value>) -> Option<&Value> {
    let (first, rest) = DISPLAY_NAME.split_first()?;
    rest.iter().try_fold(spec.get(*first)?, |value, key| value.get(key))
}

#[cfg(any(test, feature = "cli"))]
fn copy(from: &Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    keys.iter()
        .filter_map(|key| from.get(*key).map(|value| ((*key).to_owned(), value.clone())))
        .collect()
}

/// `value` with only the members `keys` when it is an object, as it is otherwise.
#[cfg(any(test, feature = "cli"))]
fn keep(value: &Value, keys: &[&str]) -> Value {
    match value {
        Value::Object(object) => Value::Object(copy(object, keys)),
        other => other.clone(),
    }
}

/// `value` with each element trimmed to `keys` when it is an array, as it is otherwise.
#[cfg(any(test, feature = "cli"))]
fn keep_each(value: &Value, keys: &[&str]) -> Value {
    match value {
        Value::Array(entries) => Value::Array(entries.iter().map(|entry| keep(entry, keys)).collect()),
        other => other.clone(),
    }
}

/// The part of a connection spec object the generator reads, members in a fixed order. Values are
/// copied as they are, even of the wrong type, so that `generate` and `diff` report them with
/// their location. Only `pull` (and the test tying it to the parser) needs it.
#[cfg(any(test, feature = "cli"))]
pub fn trim(spec: &Map<String, Value>) -> Value {
    let mut out = copy(spec, &TOP_LEVEL);
    if let Some(name) = display_name(spec) {
        let nested = DISPLAY_NAME[1..].iter().rev().fold(name.clone(), |inner, key| {
            Value::Object(Map::from_iter([((*key).to_owned(), inner)]))
        });
        out.insert(DISPLAY_NAME[0].to_owned(), nested);
    }
    if let Some(auth) = spec.get(AUTH_SPEC) {
        out.insert(AUTH_SPEC.to_owned(), keep_each(auth, &AUTH_SPEC_MEMBERS));
    }
    if let Some(source) = spec.get(SOURCE_SPEC) {
        out.insert(SOURCE_SPEC.to_owned(), keep(source, &[SOURCE_SCHEMA]));
    }
    if let Some(explore) = spec.get(EXPLORE_SPEC) {
        out.insert(EXPLORE_SPEC.to_owned(), keep(explore, &[EXPLORE_TYPE]));
    }
    Value::Object(out)
}

/// The part of a flow spec object the generator reads, members in a fixed order (see [`trim`]).
#[cfg(any(test, feature = "cli"))]
pub fn trim_flow_spec(spec: &Map<String, Value>) -> Value {
    let mut out = copy(spec, &FLOW_TOP_LEVEL);
    for key in TRANSFORMATION_SPECS {
        if let Some(transformations) = spec.get(key) {
            out.insert(key.to_owned(), keep_each(transformations, &TRANSFORMATION_MEMBERS));
        }
    }
    if let Some(schedule) = spec.get(SCHEDULE_SPEC) {
        out.insert(SCHEDULE_SPEC.to_owned(), keep(schedule, &[SCHEDULE_SCHEMA]));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::{Value, json};

    use super::{trim, trim_flow_spec};
    use crate::spec::{DocumentKind, parse_document};

    /// Parses `value` as one file of `kind`; the model and the diagnostics, as text to compare.
    fn parsed_as(value: &Value, kind: DocumentKind) -> String {
        let parsed = parse_document(Path::new("x.json"), value.to_string().as_bytes(), kind);
        format!("{:?} {:?}", parsed.file, parsed.diagnostics)
    }

    fn parsed(value: &Value) -> String {
        parsed_as(value, DocumentKind::ConnectionSpecs)
    }

    /// Parsing a trimmed flow spec gives what parsing the whole one gives, for the flow specs of
    /// the workflow fixtures (the verbatim CRMToAEP among them) with members added at every level.
    #[test]
    fn trimming_flow_specs_keeps_everything_the_parser_reads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workflow/flows");
        let mut flows = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            // Flow specs (`flows/`) have their own test.
            if path.is_dir() {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            match serde_json::from_str::<Value>(&text).unwrap() {
                Value::Object(mut object) if object.contains_key("items") => {
                    flows.extend(object.remove("items").unwrap().as_array().unwrap().iter().cloned())
                }
                other => flows.push(other),
            }
        }
        assert!(flows.len() >= 3, "flow specs not found in {}", dir.display());
        for mut flow in flows {
            flow["updatedAt"] = json!(1);
            flow["runSpec"] = json!({"name": "ProviderParams"});
            if let Some(schedule) = flow.get_mut("scheduleSpec").and_then(Value::as_object_mut) {
                schedule.insert("name".into(), json!("PeriodicSchedule"));
            }
            let Value::Object(object) = &flow else {
                panic!("a flow spec is an object")
            };
            let kind = DocumentKind::FlowSpecs;
            assert_eq!(
                parsed_as(&trim_flow_spec(object), kind),
                parsed_as(&flow, kind),
                "{flow}"
            );
        }
    }

    /// `spec` with members the generator does not read added at every level `trim` looks at.
    fn with_extras(mut spec: Value) -> Value {
        spec["updatedAt"] = json!(1_700_000_000);
        spec["permissionsInfo"] = json!({"view": []});
        for key in ["sourceSpec", "exploreSpec"] {
            if let Some(part) = spec.get_mut(key).and_then(Value::as_object_mut) {
                part.insert("attributes".into(), json!({"uiAttributes": {}}));
                part.insert("name".into(), json!("N"));
            }
        }
        if let Some(attributes) = spec.get_mut("attributes").and_then(Value::as_object_mut) {
            attributes.insert("other".into(), json!(1));
            if let Some(ui) = attributes.get_mut("uiAttributes").and_then(Value::as_object_mut) {
                ui.insert("icon".into(), json!("i"));
            }
        }
        if let Some(entries) = spec.get_mut("authSpec").and_then(Value::as_array_mut) {
            for entry in entries.iter_mut().filter_map(Value::as_object_mut) {
                entry.insert("extra".into(), json!(true));
            }
        }
        spec
    }

    /// Parsing a trimmed spec gives what parsing the whole spec gives: `trim` keeps every member
    /// the parser reads, for every spec of the repository and a spec with every member.
    #[test]
    fn trimming_keeps_everything_the_parser_reads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
        let mut specs = vec![json!({
            "id": "1", "name": "x", "providerId": "p", "version": "1.0", "description": "d",
            "attributes": {"uiAttributes": {"label": "X"}},
            "authSpec": [{"name": "Basic", "type": "t", "spec": {"type": "object", "properties": {}}}, 3],
            "sourceSpec": {"spec": {"type": "object", "properties": {"path": {"type": "string"}}}},
            "exploreSpec": {"type": "FileSystem"}
        })];
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            // Flow specs (`flows/`) have their own test.
            if path.is_dir() {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            specs.push(serde_json::from_str(&text).unwrap());
        }
        assert!(
            specs.len() > 10,
            "the repository's specs were not found in {}",
            dir.display()
        );
        for spec in specs {
            let spec = with_extras(spec);
            let Value::Object(object) = &spec else {
                panic!("a spec file holds one object")
            };
            assert_eq!(parsed(&trim(object)), parsed(&spec), "{spec}");
        }
    }
}
