//! The members of a connection spec the generator reads: one list, for the parser (which reads
//! them) and for `pull` (whose files keep only them, so that members that change without changing
//! the generated code, such as `updatedAt` or `sourceSpec`, do not touch the files).

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
        let auth = match auth {
            Value::Array(entries) => Value::Array(
                entries
                    .iter()
                    .map(|entry| match entry {
                        Value::Object(entry) => Value::Object(copy(entry, &AUTH_SPEC_MEMBERS)),
                        other => other.clone(),
                    })
                    .collect(),
            ),
            other => other.clone(),
        };
        out.insert(AUTH_SPEC.to_owned(), auth);
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::{Value, json};

    use super::trim;
    use crate::spec::parse_bytes;

    /// Parses `value` as one spec file; the model and the diagnostics, as text to compare.
    fn parsed(value: &Value) -> String {
        let parsed = parse_bytes(Path::new("x.json"), value.to_string().as_bytes());
        format!("{:?} {:?}", parsed.file, parsed.diagnostics)
    }

    /// `spec` with members the generator does not read added at every level `trim` looks at.
    fn with_extras(mut spec: Value) -> Value {
        spec["updatedAt"] = json!(1_700_000_000);
        spec["sourceSpec"] = json!({"attributes": {}});
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
            "authSpec": [{"name": "Basic", "type": "t", "spec": {"type": "object", "properties": {}}}, 3]
        })];
        for entry in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
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
