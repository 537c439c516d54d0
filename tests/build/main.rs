//! Turns every documented `POST /connections` body of the corpus fixtures into a call chain on
//! the generated typed builders (`Type::builder().param(..)...build()`), so the conformance test
//! compiles real builder code against the real catalog. A body the builders cannot express is
//! listed with the reason instead; the test then requires it to be a documented quirk.
//!
//! The same for the rest of the workflow (`workflow.rs`, `explore.rs`): every documented explore
//! call, source connection, target connection and dataflow of `fixtures/workflow/`.
//!
//! Names (module, type, field, enum variant) come from flow-codegen's validated catalog, the
//! same one that generates `flow-connectors`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use flow_codegen::model::Model;
use serde_json::Value;

use params::{Finish, object_expression};

mod explore;
mod flow;
mod params;
mod workflow;

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let specs = root.join("../specs");
    let corpus = root.join("fixtures/corpus");
    println!("cargo::rerun-if-changed={}", specs.display());
    println!("cargo::rerun-if-changed={}", corpus.display());
    let (model, _) = match flow_codegen::Config::new().spec_dir(&specs).validate() {
        Ok(model) => model,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    let mut built = String::new();
    let mut functions = String::new();
    let mut unbuilt = String::new();
    let mut shown = String::new();
    for (folder, requests) in corpus_requests(&corpus) {
        for (index, request) in requests.iter().enumerate() {
            let body = &request["body"];
            match build_expression(&model, body) {
                Ok(expression) => {
                    let function = format!("body_{}", built.lines().count());
                    writeln!(built, "    ({folder:?}, {index}, {function}),").unwrap();
                    writeln!(
                        functions,
                        "fn {function}() -> serde_json::Value {{\n    serde_json::to_value({expression}).expect(\"serializes\")\n}}\n\n\
                         fn {function}_debug() -> String {{\n    let built = {expression};\n    format!(\"{{built:?}} {{built:#?}}\")\n}}\n"
                    )
                    .unwrap();
                    writeln!(shown, "    ({folder:?}, {index}, {function}_debug),").unwrap();
                }
                Err(reason) => writeln!(unbuilt, "    ({folder:?}, {index}, {reason:?}),").unwrap(),
            }
        }
    }
    let out = format!(
        "/// Builds one documented body through the typed builders.\n\
         pub type BuildBody = fn() -> serde_json::Value;\n\n\
         /// Every documented body the typed builders express: (corpus folder, request index, builder).\n\
         pub const BUILT: &[(&str, usize, BuildBody)] = &[\n{built}];\n\n\
         /// Shows one typed value built from a documented body.\n\
         pub type ShowBody = fn() -> String;\n\n\
         /// `Debug` (plain and pretty) of the same typed values: (corpus folder, request index, shower).\n\
         pub const SHOWN: &[(&str, usize, ShowBody)] = &[\n{shown}];\n\n\
         /// Every documented body they cannot express, and why.\n\
         pub const UNBUILT: &[(&str, usize, &str)] = &[\n{unbuilt}];\n\n{functions}"
    );
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("corpus_builders.rs"), out).expect("OUT_DIR is writable");

    // The rest of the workflow: explore calls, source and target connections, dataflows.
    let workflow = root.join("fixtures/workflow");
    println!("cargo::rerun-if-changed={}", workflow.display());
    let written = workflow::builders(&model, &workflow);
    std::fs::write(out_dir.join("workflow_builders.rs"), written).expect("OUT_DIR is writable");

    // Synthetic specs for the code paths the real catalog does not reach (no-auth connectors,
    // keyword and digit names, folded names, arrays, nested defaults), generated as a downstream
    // build script would and compiled into the test suite.
    let fixtures = root.join("fixtures/generate");
    let generated = flow_codegen::Config::new()
        .spec_dir(&fixtures)
        .out_dir(out_dir.join("fixture_catalog"))
        .generate();
    match generated {
        Ok(output) => {
            for input in output.inputs() {
                println!("cargo::rerun-if-changed={}", input.display());
            }
        }
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}

/// `(folder, requests)` of every `requests.json`, in folder order.
fn corpus_requests(corpus: &Path) -> Vec<(String, Vec<Value>)> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(corpus)
        .expect("tests/fixtures/corpus exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.join("requests.json").is_file())
        .collect();
    folders.sort();
    folders
        .into_iter()
        .map(|folder| {
            let text = std::fs::read_to_string(folder.join("requests.json")).expect("readable requests.json");
            let value: Value = serde_json::from_str(&text).expect("requests.json is JSON");
            let name = folder.file_name().expect("folder name").to_string_lossy().into_owned();
            (name, value["requests"].as_array().cloned().unwrap_or_default())
        })
        .collect()
}

/// The Rust expression of a `CreateConnection` equal to `body`, or why there is none.
fn build_expression(model: &Model, body: &Value) -> Result<String, String> {
    let object = body.as_object().ok_or("the body is not an object")?;
    for key in object.keys() {
        if !["name", "description", "providerId", "auth", "connectionSpec"].contains(&key.as_str()) {
            return Err(format!(
                "the body has the top-level field `{key}`, which requests do not define"
            ));
        }
    }
    let id = body["connectionSpec"]["id"].as_str().ok_or("no connectionSpec.id")?;
    let connector = model
        .connectors
        .iter()
        .find(|c| c.spec_id == id)
        .ok_or_else(|| format!("no connector in specs/ has the connection spec id `{id}`"))?;
    let version = body["connectionSpec"]["version"].as_str().unwrap_or_default();
    if version != connector.version {
        return Err(format!(
            "the body sends version `{version}`, the spec has `{}`",
            connector.version
        ));
    }
    let auth = body
        .get("auth")
        .and_then(Value::as_object)
        .ok_or("the body has no `auth`")?;
    if let Some(key) = auth.keys().find(|k| *k != "specName" && *k != "params") {
        return Err(format!("`auth` has the field `{key}`, which requests do not define"));
    }
    let spec_name = auth.get("specName").and_then(Value::as_str).ok_or("no auth.specName")?;
    let auth_spec = connector
        .auth_specs
        .iter()
        .find(|s| s.spec_name == spec_name)
        .ok_or_else(|| format!("`{}` has no auth spec named `{spec_name}`", connector.machine_name))?;
    let params = auth
        .get("params")
        .and_then(Value::as_object)
        .ok_or("auth.params is not an object")?;
    let auth_expression = object_expression(connector, &auth_spec.params, params, "", Finish::Expect)?;
    let name = body["name"].as_str().ok_or("the body has no string `name`")?;
    let mut expression = format!("flow_connectors::CreateConnection::new({name:?}, {auth_expression})");
    if let Some(description) = body.get("description") {
        let description = description.as_str().ok_or("`description` is not a string")?;
        write!(expression, ".description({description:?})").unwrap();
    }
    if let Some(provider) = body.get("providerId") {
        let provider = provider.as_str().ok_or("`providerId` is not a string")?;
        write!(expression, ".provider_id({provider:?})").unwrap();
    }
    Ok(expression)
}
