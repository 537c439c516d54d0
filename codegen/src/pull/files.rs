//! Pulled specs on disk: which fields are kept, how files are named and formatted, and writing
//! only what changed.
//!
//! Each item keeps exactly what the generator reads (`spec::trim`, `spec::trim_flow_spec`): for a
//! connection spec `id`, `name`, `providerId`, `version`, `description`,
//! `attributes.uiAttributes.label`, `authSpec[] {name, type, spec}`, `sourceSpec.spec` and
//! `exploreSpec.type` — so fields that change without changing the generated code (`updatedAt`,
//! `sourceSpec.attributes`, ...) do not touch the files. Flow specs go to `flows/`. Keys appear in that order; inside `spec` the service's own order is kept (it is the
//! order of the generated params). Files are pretty-printed JSON with two-space indents and a
//! final newline, named `<name>.json` after the lowercased machine name.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

pub use crate::spec::{trim, trim_flow_spec};

/// A file name stem: the lowercased text with every character other than `a-z`, `0-9`, `-`, `_`
/// and `.` replaced by `-`, and no leading `.` or `-` (hidden files are not read as specs).
pub fn stem(text: &str) -> String {
    let cleaned: String = text
        .trim()
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-' | '_' | '.') => c,
            _ => '-',
        })
        .collect();
    cleaned.trim_start_matches(['.', '-']).to_owned()
}

fn text_of<'a>(item: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    item.get(key).and_then(Value::as_str).filter(|s| !stem(s).is_empty())
}

/// The files to write: name -> content. A spec is `<name>.json`; when several specs would share a
/// file name, each of them is `<name>-<id>.json` instead. An item served twice is kept once.
pub fn plan(items: &[Value]) -> Result<BTreeMap<String, String>, String> {
    plan_with(items, trim)
}

/// [`plan`] for flow specs (the files of `<out>/flows/`), each trimmed to what the generator reads
/// of a flow spec.
pub fn plan_flow_specs(items: &[Value]) -> Result<BTreeMap<String, String>, String> {
    plan_with(items, trim_flow_spec)
}

fn plan_with(items: &[Value], trim: fn(&Map<String, Value>) -> Value) -> Result<BTreeMap<String, String>, String> {
    // Stem -> the distinct items with that stem, each with its file content.
    type Group<'a> = Vec<(&'a Map<String, Value>, String)>;
    let mut by_stem: BTreeMap<String, Group<'_>> = BTreeMap::new();
    for (index, item) in items.iter().enumerate() {
        let Value::Object(item) = item else {
            return Err(format!("item {} of the response is not a JSON object", index + 1));
        };
        let base = text_of(item, "name")
            .or_else(|| text_of(item, "id"))
            .map(stem)
            .ok_or_else(|| format!("item {} of the response has neither a `name` nor an `id`", index + 1))?;
        let mut content = serde_json::to_string_pretty(&trim(item)).map_err(|err| err.to_string())?;
        content.push('\n');
        let group = by_stem.entry(base).or_default();
        if !group.iter().any(|(_, existing)| *existing == content) {
            group.push((item, content));
        }
    }
    let mut files = BTreeMap::new();
    for (base, group) in by_stem {
        let single = group.len() == 1;
        for (item, content) in group {
            let name = if single {
                format!("{base}.json")
            } else {
                let id = text_of(item, "id").map(stem).unwrap_or_default();
                format!("{base}-{id}.json")
            };
            if files.insert(name.clone(), content).is_some() {
                return Err(format!(
                    "Flow Service returned different specs that both belong in {name} (same name and id)"
                ));
            }
        }
    }
    Ok(files)
}

/// What writing did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files created or replaced.
    pub written: Vec<String>,
    /// Files left as they were (same bytes, same mtime).
    pub unchanged: Vec<String>,
    /// `.json` files already in the directory that this pull did not produce; left in place.
    pub not_pulled: Vec<String>,
}

/// Writes `files` into `dir` with the generator's all-or-nothing writer (only files whose bytes
/// changed; on any failure the directory keeps exactly its previous files), and lists the `.json`
/// files already there that this pull did not produce (they are left in place).
pub fn write(dir: &Path, files: &BTreeMap<String, String>) -> Result<Written, String> {
    let summary = crate::output::commit(dir, files, Vec::new()).map_err(|err| err.to_string())?;
    let mut done = Written {
        written: summary.written,
        unchanged: summary.unchanged,
        not_pulled: Vec::new(),
    };
    let entries = fs::read_dir(dir).map_err(|err| format!("cannot read {}: {err}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && !name.starts_with('.') && !files.contains_key(&name) {
            done.not_pulled.push(name);
        }
    }
    done.not_pulled.sort();
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_what_the_generator_reads_in_a_fixed_order() {
        let item = json!({
            "updatedAt": 1, "authSpec": [{"spec": {"b": 1, "a": 2}, "extra": true, "name": "Basic"}],
            "version": "1.0", "attributes": {"uiAttributes": {"label": "X", "icon": "i"}, "other": 1},
            "name": "x", "id": "1", "sourceSpec": {"attributes": {"uiAttributes": {}}, "spec": {"type": "object"}, "name": "S"},
            "exploreSpec": {"name": "Tabular", "type": "Tabular"}, "permissionsInfo": {}
        });
        let Value::Object(item) = item else { unreachable!() };
        assert_eq!(
            serde_json::to_string(&trim(&item)).unwrap(),
            r#"{"id":"1","name":"x","version":"1.0","attributes":{"uiAttributes":{"label":"X"}},"authSpec":[{"name":"Basic","spec":{"b":1,"a":2}}],"sourceSpec":{"spec":{"type":"object"}},"exploreSpec":{"type":"Tabular"}}"#
        );
    }

    #[test]
    fn names_files_after_the_machine_name_and_splits_collisions_by_id() {
        let items = vec![
            json!({"id": "b-2", "name": "My SQL"}),
            json!({"id": "a-1", "name": "my sql"}),
            json!({"id": "c-3", "name": "../Oracle"}),
            json!({"id": "c-3", "name": "../Oracle"}),
            json!({"id": "d-4"}),
        ];
        let files = plan(&items).unwrap();
        let names: Vec<_> = files.keys().map(String::as_str).collect();
        assert_eq!(names, ["d-4.json", "my-sql-a-1.json", "my-sql-b-2.json", "oracle.json"]);
        assert!(files["oracle.json"].ends_with("}\n"));
        assert!(
            plan(&[json!({"version": "1.0"})])
                .unwrap_err()
                .contains("neither a `name` nor an `id`")
        );
    }
}
