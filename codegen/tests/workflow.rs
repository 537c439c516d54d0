//! Source params and flow specs, from `fixtures/workflow/`: one connector per family (table,
//! file, REST, stream with a base connection, webhook without one) and flow specs under `flows/`
//! (the verbatim CRMToAEP, one with `allOf`/`enum` conditions, one without schedule).
//!
//! The generated files are reviewed snapshots; the model says what the emitter was told; and the
//! output compiles warning-free against the runtime with user code that builds source params and
//! asks for `Accepts`, while a missing required source param and a flow spec that does not accept
//! a connector fail to compile with the messages users see.

#[path = "support/packages.rs"]
mod packages;

use std::path::{Path, PathBuf};

use flow_codegen::Config;
use flow_codegen::model::{Frequency, Model, ParamType, SourceFamily, Transformation, WireForm};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workflow")
}

fn model() -> Model {
    Config::new().spec_dir(fixtures()).validate().expect("valid fixtures").0
}

#[test]
fn generated_files_of_each_family_and_the_flow_specs() {
    let rendered = Config::new()
        .spec_dir(fixtures())
        .out_dir("unused")
        .render()
        .expect("valid fixtures");
    let names: Vec<&str> = rendered.files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "event_stream.rs",
            "files.rs",
            "flow_specs.rs",
            "hook.rs",
            "list_api.rs",
            "mod.rs",
            "shopdb.rs"
        ]
    );
    for (name, content) in &rendered.files {
        insta::assert_snapshot!(name.as_str(), content);
    }
}

/// Every input file, connection specs and flow specs apart, in a fixed order.
fn inputs() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let list = |dir: PathBuf| {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("fixture dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        files
    };
    (list(fixtures()), list(fixtures().join("flows")))
}

#[test]
fn output_does_not_depend_on_file_order_or_how_files_are_given() {
    let reference = Config::new()
        .spec_dir(fixtures())
        .out_dir("unused")
        .render()
        .expect("valid")
        .files;
    let (specs, flows) = inputs();
    let mut config = Config::new();
    for flow in flows.iter().rev() {
        config = config.flow_spec_file(flow);
    }
    for spec in specs.iter().rev() {
        config = config.spec_file(spec);
    }
    assert_eq!(config.out_dir("unused").render().expect("valid").files, reference);
    // The same bytes from memory, under other names.
    let mut config = Config::new();
    for (index, flow) in flows.iter().enumerate() {
        config = config.flow_spec_source(format!("in-memory/f{index}.json"), std::fs::read(flow).unwrap());
    }
    for (index, spec) in specs.iter().rev().enumerate() {
        config = config.spec_source(format!("in-memory/s{index}.json"), std::fs::read(spec).unwrap());
    }
    assert_eq!(config.out_dir("unused").render().expect("valid").files, reference);
}

#[test]
fn the_model_carries_family_base_connection_params_and_accepting_flow_specs() {
    let model = model();
    let source = |module: &str| {
        let connector = model.connectors.iter().find(|c| c.module == module).expect(module);
        (connector, connector.source().expect("a source"))
    };
    let (shopdb, table) = source("shopdb");
    assert_eq!(table.family, SourceFamily::Table);
    assert!(table.base_connection && table.sends_params);
    assert_eq!(table.params.type_name, "SourceParams");
    let types: Vec<(String, bool)> = table
        .params
        .params
        .iter()
        .map(|p| (p.rust_type().to_string(), p.tracked()))
        .collect();
    let expected = [
        ("String", true),
        ("Vec<Column>", true),
        ("JsonObject", false),
        ("ReadMode", false),
    ];
    assert_eq!(types, expected.map(|(t, tracked)| (t.to_owned(), tracked)));
    assert!(matches!(table.params.params[2].ty, ParamType::JsonObject));
    assert_eq!(shopdb.flow_specs, ["14518937-270c-4525-bdec-c2ba7cce3860"]);
    let (files, file) = source("files");
    assert_eq!(file.family, SourceFamily::File);
    assert!(files.flow_specs.is_empty(), "no flow spec lists the file source");
    assert_eq!(source("list_api").1.family, SourceFamily::Rest);
    let (_, stream) = source("event_stream");
    assert_eq!((stream.family, stream.base_connection), (SourceFamily::Stream, true));
    let (_, hook) = source("hook");
    assert_eq!(
        (hook.family, hook.base_connection, hook.sends_params),
        (SourceFamily::Stream, false, false)
    );
    assert!(hook.params.params.is_empty());

    let names: Vec<(&str, &str)> = model
        .flow_specs()
        .iter()
        .map(|f| (f.type_name.as_str(), f.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("CrmToAep", "CRMToAEP"),
            ("RestStorageToPlatform", "RestStorageToPlatform"),
            ("WebhookToPlatform", "Webhook to Platform")
        ]
    );
    let crm = &model.flow_specs()[0];
    let schedule = crm.schedule.as_ref().expect("CRMToAEP schedules");
    assert_eq!(schedule.frequencies.len(), 5);
    // The verbatim if/then/else: `once` has no interval, `minute` at least 15, the others 1.
    assert_eq!(
        schedule.interval_minimums,
        [
            (Frequency::Minute, 15),
            (Frequency::Hour, 1),
            (Frequency::Day, 1),
            (Frequency::Week, 1)
        ]
    );
    assert!(schedule.interval_required && schedule.backfill);
    assert_eq!(schedule.start_time, WireForm::Integer);
    assert_eq!(crm.transformations, [Transformation::Copy, Transformation::Mapping]);
    assert_eq!(crm.mapping_version, WireForm::String);
    assert_eq!(crm.accepts, ["shopdb"]);
    assert_eq!(crm.source_connection_spec_ids.len(), 36);
    let rest = &model.flow_specs()[1];
    let schedule = rest.schedule.as_ref().expect("a schedule");
    // A top-level minimum of 1, and 30 for `minute` from an `allOf` branch: the larger holds.
    assert_eq!(
        schedule.interval_minimums,
        [(Frequency::Minute, 30), (Frequency::Hour, 1), (Frequency::Day, 1)]
    );
    assert_eq!(
        (schedule.start_time, rest.mapping_version),
        (WireForm::String, WireForm::Integer)
    );
    let webhook = &model.flow_specs()[2];
    assert!(webhook.schedule.is_none());
    assert_eq!(webhook.other_transformations, ["Dataprep"]);
    assert_eq!(webhook.accepts, ["event_stream", "hook"]);
}

/// A connection spec of `exploreSpec.type` `explore_type` with a `tableName` param.
fn spec_with_explore_type(explore_type: &str) -> String {
    format!(
        r#"{{
  "id": "0b5c2c1e-3f7a-4d2b-9e6f-1a2b3c4d5e6f",
  "name": "warehouse",
  "version": "1.0",
  "authSpec": [{{"name": "Basic", "spec": {{"type": "object", "properties": {{"host": {{"type": "string"}}}}}}}}],
  "sourceSpec": {{"spec": {{"type": "object", "required": ["tableName"],
    "properties": {{"tableName": {{"type": "string"}}, "columns": {{"type": "array", "items": {{"type": "object",
      "properties": {{"name": {{"type": "string"}}, "type": {{"type": "string"}}}}}}}}}}}}}},
  "exploreSpec": {{"type": "{explore_type}"}}
}}"#
    )
}

#[test]
fn an_explore_type_flow_codegen_does_not_know_still_generates_with_the_inferred_family() {
    let config = Config::new().spec_source("specs/warehouse.json", spec_with_explore_type("Database"));
    let (model, warnings) = config.validate().expect("an unknown explore type is no error");
    let source = model.connectors[0].source().expect("a source");
    assert_eq!(source.family, SourceFamily::Table);
    let warnings = warnings.to_string();
    assert!(
        warnings.contains(
            "unknown `exploreSpec` type `Database`: generating a table source, inferred from its `tableName` param"
        ) && warnings.contains("`Tabular` keeps the inferred table source"),
        "{warnings}"
    );
    let rendered = config.out_dir("unused").render().expect("generates");
    let code = &rendered.files["warehouse.rs"];
    assert!(code.contains("type Family = __rt::TableSource;"), "{code}");
    // A known type says it all: no warning, and the same code.
    let known = Config::new().spec_source("specs/warehouse.json", spec_with_explore_type("Tabular"));
    let known = known.out_dir("unused").render().expect("generates");
    assert!(
        known.warning_report().to_string().is_empty(),
        "{}",
        known.warning_report()
    );
    assert_eq!(&known.files["warehouse.rs"], code);
}

/// User code against the fixtures' generated code: it builds every source params type and
/// checks, through trait bounds, the family, the base-connection form and what each flow spec
/// accepts.
const USER_CODE: &str = r#"
use flow_connectors::{Accepts, FlowSpec, NoBaseConnection, SourceParams, StreamSource, TableSource, WithBaseConnection};

fn table<P: SourceParams<Family = TableSource, Base = WithBaseConnection>>(_: &P) {}
fn webhook<P: SourceParams<Family = StreamSource, Base = NoBaseConnection>>(_: &P) {}
fn accepted<F: Accepts<P>, P: SourceParams>(_: F, _: &P) -> &'static str {
    F::ID
}

/// Builds one source params value per connector.
pub fn build() -> usize {
    let columns = [flow_connectors::Column::new("id", "string")];
    let shopdb = crate::shopdb::SourceParams::builder()
        .columns(columns)
        .table_name("public.orders")
        .read_mode(crate::shopdb::ReadMode::Incremental)
        .build()
        .unwrap();
    table(&shopdb);
    let hook = crate::hook::SourceParams::builder().build().unwrap();
    webhook(&hook);
    let stream = crate::event_stream::SourceParams::builder().stream("s").build().unwrap();
    let list = crate::list_api::SourceParams::builder().list_id("10c097ca71").build().unwrap();
    let files = crate::files::SourceParams::builder().path("/in").recursive(true).build().unwrap();
    assert!(!<crate::hook::SourceParams as SourceParams>::SENDS_PARAMS);
    assert!(crate::flow_specs::CrmToAep::SCHEDULE.is_some());
    drop(files);
    [
        accepted(crate::flow_specs::CrmToAep, &shopdb),
        accepted(crate::flow_specs::RestStorageToPlatform, &list),
        accepted(crate::flow_specs::WebhookToPlatform, &stream),
        accepted(crate::flow_specs::WebhookToPlatform, &hook),
    ]
    .len()
}

/// Reads bodies back through the catalog-wide enums: the variant is chosen by id, and what no
/// variant takes is an error naming the ids it knows.
pub fn read_back() -> Result<(), flow_connectors::DecodeError> {
    use flow_connectors::DecodeMode;
    let body = flow_connectors::__private::serde_json::json!({
        "name": "orders",
        "baseConnectionId": "6990abad-977d-41b9-a85d-17ea8cf1c0e4",
        "data": {"format": "tabular"},
        "params": {"tableName": "public.orders", "columns": [{"name": "id", "type": "string"}]},
        "connectionSpec": {"id": "26d738e0-8963-47ea-aadf-c60de735468a", "version": "1.0"}
    });
    let source = crate::AnySourceConnection::from_value(body, DecodeMode::Strict)?;
    let _: (&str, &str, Option<&flow_connectors::BaseConnectionId>) =
        (source.connector(), source.name(), source.base_connection_id());
    if let crate::AnySourceConnection::Shopdb(ref typed) = source {
        let _: &crate::shopdb::SourceParams = &typed.params;
    }
    let flow = crate::AnyFlow::from_value(flow_connectors::__private::serde_json::json!({}), DecodeMode::Lenient);
    if let Ok(crate::AnyFlow::CrmToAep(ref typed)) = flow {
        let _: &flow_connectors::CreateFlow<crate::flow_specs::CrmToAep> = typed;
    }
    let _: (&str, &str) = match flow {
        Ok(ref flow) => (flow.flow_spec_id(), flow.flow_spec_name()),
        Err(_) => ("", ""),
    };
    Ok(())
}
"#;

/// Compiles the fixtures' output with `extra` user code; cargo's output and whether it succeeded.
fn compile(name: &str, extra: &str) -> (bool, String) {
    let rendered = Config::new()
        .spec_dir(fixtures())
        .out_dir("unused")
        .render()
        .expect("valid fixtures");
    let krate = tempfile::tempdir().expect("temp dir");
    let src = krate.path().join("src/generated");
    std::fs::create_dir_all(&src).expect("src dir");
    for (file, text) in &rendered.files {
        std::fs::write(src.join(file), text).expect("write generated file");
    }
    let lib = format!(
        "//! Generated from flow-codegen's workflow fixtures.\n#![deny(warnings, missing_docs)]\n\
         include!(\"generated/mod.rs\");\n\n/// User code.\npub mod user {{\n{extra}\n}}\n"
    );
    std::fs::write(krate.path().join("src/lib.rs"), lib).expect("write lib.rs");
    let manifest = packages::package_manifest(
        name,
        &format!("[dependencies]\n{}\n\n[workspace]\n", packages::runtime_dependency()),
    );
    std::fs::write(krate.path().join("Cargo.toml"), manifest).expect("write Cargo.toml");
    packages::copy_lock(krate.path());
    let output = packages::cargo(krate.path(), &packages::downstream_target_dir())
        .args(["check", "--offline", "--quiet"])
        .output()
        .expect("cargo runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn generated_code_compiles_and_types_decide_what_a_flow_accepts() {
    let (ok, stderr) = compile("workflow_fixtures", USER_CODE);
    assert!(ok, "{stderr}");
    let missing = "pub fn f() { let _ = crate::shopdb::SourceParams::builder().table_name(\"t\").build(); }";
    let (ok, stderr) = compile("workflow_missing_param", missing);
    assert!(
        !ok && stderr.contains("missing required source param `columns`"),
        "{stderr}"
    );
    let not_accepted = "use flow_connectors::Accepts;\n\
        fn accepted<F: Accepts<P>, P: flow_connectors::SourceParams>() {}\n\
        pub fn f() { accepted::<crate::flow_specs::CrmToAep, crate::files::SourceParams>(); }";
    let (ok, stderr) = compile("workflow_not_accepted", not_accepted);
    assert!(
        !ok && stderr.contains("Accepts<files::SourceParams>` is not implemented for `CrmToAep`"),
        "{stderr}"
    );
}
