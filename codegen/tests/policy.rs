//! The generator's policies, one test each: naming (keywords, digits, acronyms, folded names,
//! reserved methods, nested and enum types), collisions (within a connector, across files, within
//! one file), spec quirks (non-UUID ids, empty `authSpec`, dangling `required`) and the schema
//! subset (unsupported keywords, enums, objects, arrays, defaults, patterns, secrets).
//!
//! Every test writes small spec files into a temporary directory and asserts on the IR
//! (`catalog()`), the rendered code (`render()`) or the diagnostics: message, severity, the JSON
//! path of the anchor, the file, and the related place.

use std::path::{Path, PathBuf};

use flow_codegen::model::{AuthSpec, Connector, DefaultValue, Literal, Model, Param, ParamType, ParamsStruct};
use flow_codegen::{Anchor, Config, Diagnostic, Error, Related, Rendered, Report, Severity};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A canonical (8-4-4-4-12) connection spec id, distinct for every `n`.
fn uuid(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

/// A connection spec with one auth spec per `(auth spec name, properties, required)`.
fn spec(id: &str, name: &str, auth_specs: &[(&str, Value, &[&str])]) -> Value {
    let auth_specs: Vec<Value> = auth_specs
        .iter()
        .map(|(auth_name, properties, required)| {
            json!({
                "name": auth_name,
                "type": "test",
                "spec": {
                    "$schema": "http://json-schema.org/draft-07/schema#",
                    "type": "object",
                    "description": format!("The params of {auth_name}."),
                    "properties": properties,
                    "required": required,
                }
            })
        })
        .collect();
    json!({
        "id": id,
        "name": name,
        "version": "1.0",
        "authSpec": auth_specs,
    })
}

/// Writes `value` as pretty JSON to `dir/file`.
fn write(dir: &Path, file: &str, value: &Value) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, serde_json::to_string_pretty(value).expect("JSON")).expect("write spec");
    path
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The catalog of every spec in `dir`, which must be accepted.
fn catalog_of(dir: &Path) -> (Model, Report) {
    Config::new()
        .spec_dir(dir)
        .validate()
        .unwrap_or_else(|err| panic!("the specs must be accepted:\n{err}"))
}

/// The rendered files of every spec in `dir`, which must be accepted (render() fails if the
/// generated code does not parse).
fn render_of(dir: &Path) -> Rendered {
    Config::new()
        .spec_dir(dir)
        .render()
        .unwrap_or_else(|err| panic!("the specs must render:\n{err}"))
}

/// The report of a run that must be rejected for its specs.
fn rejected(config: Config) -> Report {
    match config.validate() {
        Err(Error::Spec(report)) => {
            assert!(report.has_errors(), "a rejection carries errors:\n{report}");
            report
        }
        Err(other) => panic!("expected spec errors, got: {other}"),
        Ok((model, _)) => panic!(
            "expected the specs to be rejected, got connectors {:?}",
            model.connectors.iter().map(|c| &c.module).collect::<Vec<_>>()
        ),
    }
}

fn rejected_dir(dir: &Path) -> Report {
    rejected(Config::new().spec_dir(dir))
}

/// The JSON path of a diagnostic's anchor, as displayed (`authSpec[0].spec.properties.port`).
fn at(diagnostic: &Diagnostic) -> String {
    match &diagnostic.anchor {
        Some(Anchor::Path(path)) => path.to_string(),
        other => panic!("expected a JSON-path anchor, got {other:?} for: {}", diagnostic.message),
    }
}

fn related_at(related: &Related) -> String {
    match &related.anchor {
        Some(Anchor::Path(path)) => path.to_string(),
        other => panic!("expected a JSON-path anchor, got {other:?}"),
    }
}

/// The one diagnostic whose message contains `needle`.
fn find<'a>(report: &'a Report, needle: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one diagnostic containing {needle:?} in:\n{report}"
    );
    found[0]
}

fn connector<'a>(model: &'a Model, module: &str) -> &'a Connector {
    model.connectors.iter().find(|c| c.module == module).unwrap_or_else(|| {
        panic!(
            "no connector module `{module}` among {:?}",
            model.connectors.iter().map(|c| &c.module).collect::<Vec<_>>()
        )
    })
}

fn auth_spec<'a>(connector: &'a Connector, spec_name: &str) -> &'a AuthSpec {
    connector
        .auth_specs
        .iter()
        .find(|s| s.spec_name == spec_name)
        .unwrap_or_else(|| panic!("no auth spec `{spec_name}` in `{}`", connector.module))
}

fn param<'a>(params: &'a ParamsStruct, wire_name: &str) -> &'a Param {
    params
        .params
        .iter()
        .find(|p| p.wire_name == wire_name)
        .unwrap_or_else(|| panic!("no param `{wire_name}` in `{}`", params.type_name))
}

/// `(wire name, field)` of every param, in spec order.
fn fields(params: &ParamsStruct) -> Vec<(&str, &str)> {
    params
        .params
        .iter()
        .map(|p| (p.wire_name.as_str(), p.field.as_str()))
        .collect()
}

fn string() -> Value {
    json!({"type": "string"})
}

// ---------------------------------------------------------------------------------------------
// Naming
// ---------------------------------------------------------------------------------------------

#[test]
fn rust_keywords_as_params_get_a_trailing_underscore() {
    let dir = tempdir();
    write(
        dir.path(),
        "keywords.json",
        &spec(
            &uuid(1),
            "keywords",
            &[(
                "Basic",
                json!({
                    "type": string(),
                    "ref": string(),
                    "self": string(),
                    "gen": string(),
                    "async": string(),
                    "crate": string(),
                    "await": string(),
                }),
                &["type", "ref", "self", "gen", "async"],
            )],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let basic = &auth_spec(connector(&model, "keywords"), "Basic").params;
    assert_eq!(
        fields(basic),
        [
            ("type", "type_"),
            ("ref", "ref_"),
            ("self", "self_"),
            ("gen", "gen_"),
            ("async", "async_"),
            ("crate", "crate_"),
            ("await", "await_"),
        ]
    );
    assert!(basic.params[..5].iter().all(Param::tracked));

    let rendered = render_of(dir.path());
    let module = &rendered.files["keywords.rs"];
    for field in ["type_", "ref_", "self_", "gen_", "async_", "crate_", "await_"] {
        assert!(
            module.contains(&format!("pub fn {field}(")),
            "setter `{field}` in:\n{module}"
        );
    }
    // The wire names are kept exactly.
    assert!(module.contains("\"type\""), "{module}");
}

#[test]
fn leading_digits_get_an_n_prefix() {
    let dir = tempdir();
    write(
        dir.path(),
        "3m.json",
        &spec(
            &uuid(1),
            "3m-source",
            &[(
                "2-legged OAuth",
                json!({"2fa": string(), "token": string()}),
                &["token"],
            )],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let source = connector(&model, "n3m_source");
    assert_eq!(source.machine_name, "3m-source");
    let oauth = auth_spec(source, "2-legged OAuth");
    assert_eq!(oauth.params.type_name, "N2LeggedOAuth");
    assert_eq!(oauth.params.builder_name, "N2LeggedOAuthBuilder");
    assert_eq!(oauth.variant, "N3mSourceN2LeggedOAuth");
    assert_eq!(fields(&oauth.params), [("2fa", "n2fa"), ("token", "token")]);

    let rendered = render_of(dir.path());
    let module = &rendered.files["n3m_source.rs"];
    assert!(module.contains("pub struct N2LeggedOAuth "), "{module}");
    assert!(
        rendered.files["mod.rs"].contains("pub mod n3m_source"),
        "{}",
        rendered.files["mod.rs"]
    );
}

#[test]
fn acronyms_and_punctuation_in_auth_spec_names() {
    let dir = tempdir();
    write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[
                ("OAuth2 Refresh Code", json!({"clientId": string()}), &["clientId"]),
                (
                    "Topic & Subscription Based Authentication",
                    json!({"topic": string()}),
                    &["topic"],
                ),
            ],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let source = connector(&model, "my_source");
    let names: Vec<(&str, &str, &str, &str)> = source
        .auth_specs
        .iter()
        .map(|s| {
            (
                s.spec_name.as_str(),
                s.params.type_name.as_str(),
                s.params.builder_name.as_str(),
                s.variant.as_str(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            (
                "OAuth2 Refresh Code",
                "OAuth2RefreshCode",
                "OAuth2RefreshCodeBuilder",
                "MySourceOAuth2RefreshCode"
            ),
            (
                "Topic & Subscription Based Authentication",
                "TopicSubscriptionBasedAuthentication",
                "TopicSubscriptionBasedAuthenticationBuilder",
                "MySourceTopicSubscriptionBasedAuthentication"
            ),
        ]
    );
    let rendered = render_of(dir.path());
    let root = &rendered.files["mod.rs"];
    assert!(root.contains("MySourceOAuth2RefreshCode("), "{root}");
    assert!(root.contains("MySourceTopicSubscriptionBasedAuthentication("), "{root}");
}

#[test]
fn auth_spec_names_folding_to_one_type_are_an_error() {
    let dir = tempdir();
    let file = write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[
                ("OAuth2 Refresh Code", json!({"clientId": string()}), &[]),
                ("oAuth2RefreshCode", json!({"clientId": string()}), &[]),
            ],
        ),
    );
    let report = rejected_dir(dir.path());
    let error = find(&report, "would both generate the Rust type `OAuth2RefreshCode`");
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(error.file.as_deref(), Some(file.as_path()));
    assert_eq!(at(error), "authSpec[1].name");
    assert_eq!(error.related.len(), 1, "{report}");
    assert_eq!(error.related[0].file, file);
    assert_eq!(related_at(&error.related[0]), "authSpec[0].name");
}

#[test]
fn params_folding_by_case_get_letter_exact_fields() {
    let dir = tempdir();
    write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[
                (
                    "Both",
                    json!({"clientId": string(), "clientID": string(), "secret": string()}),
                    &["clientId", "clientID"],
                ),
                ("Lone", json!({"clientID": string()}), &["clientID"]),
            ],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let source = connector(&model, "my_source");
    let both = &auth_spec(source, "Both").params;
    assert_eq!(
        fields(both),
        [
            ("clientId", "client_id"),
            ("clientID", "client_i_d"),
            ("secret", "secret")
        ]
    );
    // Distinct builder type parameters for the two tracked params.
    assert_ne!(param(both, "clientId").state, param(both, "clientID").state);
    let lone = &auth_spec(source, "Lone").params;
    assert_eq!(fields(lone), [("clientID", "client_id")]);
    render_of(dir.path());
}

#[test]
fn params_folding_by_punctuation_are_an_error() {
    let dir = tempdir();
    let file = write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[("Basic", json!({"client-id": string(), "client_id": string()}), &[])],
        ),
    );
    let report = rejected_dir(dir.path());
    assert_eq!(report.error_count(), 1, "{report}");
    let error = find(&report, "would both be named `client_id`");
    assert_eq!(
        error.message,
        "params `client-id` and `client_id` would both be named `client_id` in Rust"
    );
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(error.file.as_deref(), Some(file.as_path()));
    assert_eq!(at(error), "authSpec[0].spec.properties.client_id");
    assert_eq!(error.related.len(), 1);
    assert_eq!(error.related[0].file, file);
    assert_eq!(
        related_at(&error.related[0]),
        "authSpec[0].spec.properties[\"client-id\"]"
    );
}

#[test]
fn params_named_like_generated_methods_get_a_value_suffix() {
    let dir = tempdir();
    write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[(
                "Basic",
                json!({"build": string(), "builder": string(), "default": string(), "new": string()}),
                &["build", "builder"],
            )],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let basic = &auth_spec(connector(&model, "my_source"), "Basic").params;
    assert_eq!(
        fields(basic),
        [
            ("build", "build_value"),
            ("builder", "builder_value"),
            ("default", "default_value"),
            ("new", "new_value"),
        ]
    );
    let rendered = render_of(dir.path());
    let module = &rendered.files["my_source.rs"];
    assert!(module.contains("pub fn build_value("), "{module}");
    assert!(module.contains("pub fn default_value("), "{module}");
}

// ---------------------------------------------------------------------------------------------
// Collisions across connectors
// ---------------------------------------------------------------------------------------------

#[test]
fn connector_names_folding_to_one_module_are_an_error() {
    let dir = tempdir();
    let first = write(
        dir.path(),
        "a.json",
        &spec(
            &uuid(1),
            "my-source",
            &[("Basic", json!({"host": string()}), &["host"])],
        ),
    );
    let second = write(
        dir.path(),
        "b.json",
        &spec(&uuid(2), "my_source", &[("Key", json!({"key": string()}), &["key"])]),
    );
    let report = rejected_dir(dir.path());
    assert_eq!(report.error_count(), 1, "{report}");
    let error = find(&report, "would both generate the module `my_source`");
    assert_eq!(
        error.message,
        "connectors `my-source` and `my_source` would both generate the module `my_source`"
    );
    assert_eq!(error.file.as_deref(), Some(second.as_path()));
    assert_eq!(at(error), "name", "points at the name that folds");
    assert_eq!(error.related.len(), 1);
    assert_eq!(error.related[0].file, first, "the related place is in the other file");
}

#[test]
fn one_spec_id_in_two_files_is_an_error() {
    let dir = tempdir();
    let id = uuid(7);
    let first = write(
        dir.path(),
        "first.json",
        &spec(&id, "alpha-source", &[("Basic", json!({"host": string()}), &["host"])]),
    );
    let second = write(
        dir.path(),
        "second.json",
        &spec(&id, "beta-source", &[("Basic", json!({"host": string()}), &["host"])]),
    );
    let report = rejected_dir(dir.path());
    assert_eq!(report.error_count(), 1, "{report}");
    let error = find(&report, "both declare the connection spec id");
    assert_eq!(
        error.message,
        format!("connectors `alpha-source` and `beta-source` both declare the connection spec id `{id}`")
    );
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(error.file.as_deref(), Some(second.as_path()));
    assert_eq!(error.related.len(), 1);
    assert_eq!(error.related[0].file, first, "the related place is in the other file");
}

// ---------------------------------------------------------------------------------------------
// Spec quirks
// ---------------------------------------------------------------------------------------------

#[test]
fn non_uuid_spec_ids_warn_and_are_errors_when_strict() {
    let dir = tempdir();
    let short = write(
        dir.path(),
        "short.json",
        &spec(
            "b66ab34-8619-49cb-96d1-39b37ede86ea",
            "short-id",
            &[("Basic", json!({"host": string()}), &["host"])],
        ),
    );
    let placeholder = write(
        dir.path(),
        "placeholder.json",
        &spec(
            "{CONNECTION_SPEC_ID}",
            "placeholder-id",
            &[("Basic", json!({"host": string()}), &["host"])],
        ),
    );

    let rendered = render_of(dir.path());
    let warnings = rendered.warning_report();
    assert_eq!(warnings.error_count(), 0);
    assert_eq!(warnings.warning_count(), 2, "{warnings}");
    for (file, id) in [
        (&short, "b66ab34-8619-49cb-96d1-39b37ede86ea"),
        (&placeholder, "{CONNECTION_SPEC_ID}"),
    ] {
        let warning = find(warnings, &format!("`{id}` is not a UUID"));
        assert_eq!(warning.severity, Severity::Warning);
        assert_eq!(warning.file.as_deref(), Some(file.as_path()));
        assert_eq!(at(warning), "id");
    }
    // The id is sent exactly as written.
    let (model, _) = catalog_of(dir.path());
    assert_eq!(
        connector(&model, "short_id").spec_id,
        "b66ab34-8619-49cb-96d1-39b37ede86ea"
    );
    assert!(rendered.files["placeholder_id.rs"].contains("{CONNECTION_SPEC_ID}"));

    let strict = rejected(Config::new().spec_dir(dir.path()).strict(true));
    assert_eq!(strict.error_count(), 2, "{strict}");
    let error = find(&strict, "`{CONNECTION_SPEC_ID}` is not a UUID");
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(at(error), "id");
}

#[test]
fn empty_auth_spec_list_warns_and_generates_no_auth() {
    let dir = tempdir();
    let file = write(dir.path(), "public-feed.json", &spec(&uuid(1), "public-feed", &[]));
    let (model, report) = catalog_of(dir.path());
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let warning = &report.diagnostics[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert!(warning.message.contains("no auth specs"), "{}", warning.message);
    assert_eq!(warning.file.as_deref(), Some(file.as_path()));
    assert_eq!(at(warning), "authSpec");

    let feed = connector(&model, "public_feed");
    assert!(feed.auth_specs.is_empty());
    let no_auth = feed.no_auth.as_ref().expect("a no-auth type");
    assert_eq!(no_auth.type_name, "NoAuth");
    assert_eq!(no_auth.variant, "PublicFeedNoAuth");

    let rendered = render_of(dir.path());
    let module = &rendered.files["public_feed.rs"];
    assert!(module.contains("pub struct NoAuth;"), "{module}");
    assert!(
        rendered.files["mod.rs"].contains("PublicFeedNoAuth"),
        "{}",
        rendered.files["mod.rs"]
    );
}

#[test]
fn required_naming_a_missing_property_warns_at_its_index() {
    let dir = tempdir();
    let file = write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[(
                "Basic",
                json!({"host": string(), "port": {"type": "integer"}}),
                &["host", "bucket"],
            )],
        ),
    );
    let (model, report) = catalog_of(dir.path());
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let warning = find(&report, "`bucket`");
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.message,
        "`required` names `bucket`, which is not among the properties; it is ignored"
    );
    assert_eq!(warning.file.as_deref(), Some(file.as_path()));
    assert_eq!(at(warning), "authSpec[0].spec.required[1]");

    let basic = &auth_spec(connector(&model, "my_source"), "Basic").params;
    assert_eq!(fields(basic), [("host", "host"), ("port", "port")]);
    assert!(param(basic, "host").required);
    assert!(!param(basic, "port").required);
    render_of(dir.path());
}

// ---------------------------------------------------------------------------------------------
// The schema subset
// ---------------------------------------------------------------------------------------------

#[test]
fn unsupported_keywords_are_errors_reported_together() {
    let dir = tempdir();
    let file = write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[(
                "Basic",
                json!({
                    "host": string(),
                    "x": {"type": "string", "oneOf": [{"pattern": "a"}, {"pattern": "b"}]},
                    "y": {"type": "string", "$ref": "#/definitions/y"},
                    "z": {"type": "string", "allOf": [{"minLength": 1}]},
                    "w": {"type": "string", "anyOf": [{"minLength": 1}]},
                    "v": {"type": "string", "not": {"const": ""}},
                }),
                &["host", "x"],
            )],
        ),
    );
    let other = write(
        dir.path(),
        "other-source.json",
        &spec(
            &uuid(2),
            "other-source",
            &[(
                "Basic",
                json!({"tags": {"type": "array", "items": {"type": "string", "anyOf": []}}}),
                &[],
            )],
        ),
    );
    let report = rejected_dir(dir.path());
    let mut found: Vec<(String, String, &Path)> = report
        .diagnostics
        .iter()
        .map(|d| (d.message.clone(), at(d), d.file.as_deref().expect("a file")))
        .collect();
    found.sort();
    let keyword = |k: &str| format!("the JSON Schema keyword `{k}` is not supported");
    let mut expected = vec![
        (
            keyword("oneOf"),
            "authSpec[0].spec.properties.x.oneOf".to_owned(),
            file.as_path(),
        ),
        (
            keyword("$ref"),
            "authSpec[0].spec.properties.y.$ref".to_owned(),
            file.as_path(),
        ),
        (
            keyword("allOf"),
            "authSpec[0].spec.properties.z.allOf".to_owned(),
            file.as_path(),
        ),
        (
            keyword("anyOf"),
            "authSpec[0].spec.properties.w.anyOf".to_owned(),
            file.as_path(),
        ),
        (
            keyword("not"),
            "authSpec[0].spec.properties.v.not".to_owned(),
            file.as_path(),
        ),
        (
            keyword("anyOf"),
            "authSpec[0].spec.properties.tags.items.anyOf".to_owned(),
            other.as_path(),
        ),
    ];
    expected.sort();
    assert_eq!(found, expected, "{report}");
    assert!(report.diagnostics.iter().all(Diagnostic::is_error));
    // Rendering the same input reports the same errors, without panicking.
    match Config::new().spec_dir(dir.path()).render() {
        Err(Error::Spec(again)) => assert_eq!(again.diagnostics, report.diagnostics),
        other => panic!("expected spec errors, got {:?}", other.map(|r| r.files.len())),
    }
}

#[test]
fn string_enums_become_rust_enums() {
    let dir = tempdir();
    write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[(
                "Basic",
                json!({"sslMode": {"type": "string", "enum": ["DISABLED", "PREFERRED", "Verify-Ca", "Verify Identity"]}}),
                &["sslMode"],
            )],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let source = connector(&model, "my_source");
    let ssl_mode = param(&auth_spec(source, "Basic").params, "sslMode");
    let ParamType::Enum(enum_type) = &ssl_mode.ty else {
        panic!("expected an enum, got {:?}", ssl_mode.ty);
    };
    assert_eq!(enum_type.type_name, "SslMode");
    assert_eq!(enum_type.dotted_name, "sslMode");
    let values: Vec<(&str, &str)> = enum_type
        .values
        .iter()
        .map(|v| (v.wire.as_str(), v.variant.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("DISABLED", "Disabled"),
            ("PREFERRED", "Preferred"),
            ("Verify-Ca", "VerifyCa"),
            ("Verify Identity", "VerifyIdentity"),
        ]
    );
    assert_eq!(source.enums(), [&**enum_type]);
    let rendered = render_of(dir.path());
    assert!(
        rendered.files["my_source.rs"].contains("pub enum SslMode"),
        "{}",
        rendered.files["my_source.rs"]
    );
}

#[test]
fn bad_enums_are_errors() {
    let dir = tempdir();
    let file = write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[(
                "Basic",
                json!({
                    "port": {"type": "integer", "enum": [1, 2]},
                    "mode": {"type": "string", "enum": ["a", "b", "a"]},
                    "sep": {"type": "string", "enum": ["a-b", "a_b"]},
                }),
                &[],
            )],
        ),
    );
    let report = rejected_dir(dir.path());
    assert_eq!(report.error_count(), 3, "{report}");
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.file.as_deref() == Some(file.as_path()))
    );

    let on_integer = find(&report, "`enum` is supported on strings");
    assert_eq!(at(on_integer), "authSpec[0].spec.properties.port.enum");

    let twice = find(&report, "listed twice");
    assert_eq!(twice.message, "the enum value `a` is listed twice");
    assert_eq!(at(twice), "authSpec[0].spec.properties.mode.enum[2]");

    let folded = find(&report, "would both be the variant `AB`");
    assert_eq!(at(folded), "authSpec[0].spec.properties.sep.enum[1]");
    assert_eq!(folded.related.len(), 1);
    assert_eq!(
        related_at(&folded.related[0]),
        "authSpec[0].spec.properties.sep.enum[0]"
    );
    // Both values as plain text, in spec order, like every other collision message. (The current
    // code prints the first value JSON-quoted and second: "`a_b` and `\"a-b\"`".)
    assert_eq!(
        folded.message,
        "the enum values `a-b` and `a_b` would both be the variant `AB`"
    );
}

#[test]
fn enum_types_shared_within_a_connector_are_prefixed_with_their_auth_scheme() {
    let dir = tempdir();
    let ssl_mode = || json!({"type": "string", "enum": ["disabled", "required"]});
    write(
        dir.path(),
        "one.json",
        &spec(
            &uuid(1),
            "one-auth-spec",
            &[("Basic Authentication", json!({"sslMode": ssl_mode()}), &[])],
        ),
    );
    write(
        dir.path(),
        "two.json",
        &spec(
            &uuid(2),
            "two-auth-specs",
            &[
                ("Basic Authentication", json!({"sslMode": ssl_mode()}), &[]),
                ("Connection String", json!({"sslMode": ssl_mode()}), &[]),
            ],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let enum_name = |module: &str, auth: &str| {
        let p = param(&auth_spec(connector(&model, module), auth).params, "sslMode");
        match &p.ty {
            ParamType::Enum(e) => e.type_name.clone(),
            other => panic!("expected an enum, got {other:?}"),
        }
    };
    assert_eq!(enum_name("one_auth_spec", "Basic Authentication"), "SslMode");
    assert_eq!(
        enum_name("two_auth_specs", "Basic Authentication"),
        "BasicAuthenticationSslMode"
    );
    assert_eq!(
        enum_name("two_auth_specs", "Connection String"),
        "ConnectionStringSslMode"
    );
    let listed: Vec<&str> = connector(&model, "two_auth_specs")
        .enums()
        .into_iter()
        .map(|e| e.type_name.as_str())
        .collect();
    assert_eq!(listed, ["BasicAuthenticationSslMode", "ConnectionStringSslMode"]);
    render_of(dir.path());
}

#[test]
fn nested_objects_become_params_structs() {
    let dir = tempdir();
    write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[(
                "OAuth",
                json!({
                    "host": string(),
                    "requestParameterOverride": {
                        "type": "object",
                        "properties": {"clientId": string(), "method": string()},
                        "required": ["clientId"],
                    },
                }),
                &["host"],
            )],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let oauth = &auth_spec(connector(&model, "my_source"), "OAuth").params;
    let nested = param(oauth, "requestParameterOverride");
    assert_eq!(nested.field, "request_parameter_override");
    assert!(!nested.required);
    let ParamType::Object(object) = &nested.ty else {
        panic!("expected an object, got {:?}", nested.ty);
    };
    assert_eq!(object.type_name, "RequestParameterOverride");
    assert_eq!(object.builder_name, "RequestParameterOverrideBuilder");
    let inner: Vec<(&str, &str, &str, bool)> = object
        .params
        .iter()
        .map(|p| {
            (
                p.wire_name.as_str(),
                p.dotted_name.as_str(),
                p.field.as_str(),
                p.required,
            )
        })
        .collect();
    assert_eq!(
        inner,
        [
            ("clientId", "requestParameterOverride.clientId", "client_id", true),
            ("method", "requestParameterOverride.method", "method", false),
        ]
    );
    let rendered = render_of(dir.path());
    let module = &rendered.files["my_source.rs"];
    assert!(module.contains("pub struct RequestParameterOverride "), "{module}");
    assert!(
        module.contains("pub struct RequestParameterOverrideBuilder"),
        "{module}"
    );
}

#[test]
fn object_without_properties_is_an_error() {
    let dir = tempdir();
    write(
        dir.path(),
        "my-source.json",
        &spec(
            &uuid(1),
            "my-source",
            &[("OAuth", json!({"extra": {"type": "object"}}), &[])],
        ),
    );
    let report = rejected_dir(dir.path());
    assert_eq!(report.error_count(), 1, "{report}");
    let error = find(&report, "has no `properties`");
    assert_eq!(error.message, "the object param `extra` has no `properties`");
    assert_eq!(at(error), "authSpec[0].spec.properties.extra.type");
}

#[test]
fn arrays_of_scalars_only() {
    let dir = tempdir();
    write(
        dir.path(),
        "good.json",
        &spec(
            &uuid(1),
            "good-source",
            &[(
                "Basic",
                json!({"tags": {"type": "array", "items": {"type": "string"}}}),
                &["tags"],
            )],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let tags = param(&auth_spec(connector(&model, "good_source"), "Basic").params, "tags");
    assert_eq!(tags.ty, ParamType::Array(Box::new(ParamType::String)));
    render_of(dir.path());

    let bad = tempdir();
    write(
        bad.path(),
        "bad.json",
        &spec(
            &uuid(2),
            "bad-source",
            &[(
                "Basic",
                json!({
                    "tags": {"type": "array"},
                    "rows": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"a": string()}},
                    },
                }),
                &[],
            )],
        ),
    );
    let report = rejected_dir(bad.path());
    assert_eq!(report.error_count(), 2, "{report}");
    let no_items = find(&report, "has no `items`");
    assert_eq!(no_items.message, "the array param `tags` has no `items`");
    assert_eq!(at(no_items), "authSpec[0].spec.properties.tags.type");
    let of_objects = find(&report, "arrays of `object` are not supported");
    assert_eq!(at(of_objects), "authSpec[0].spec.properties.rows.items");
}

#[test]
fn defaults_must_fit_and_make_required_params_untracked() {
    let dir = tempdir();
    write(
        dir.path(),
        "good.json",
        &spec(
            &uuid(1),
            "good-source",
            &[(
                "Basic",
                json!({
                    "schema": {"type": "string", "default": "public"},
                    "port": {"type": "integer", "default": 5432},
                    "ratio": {"type": "number", "default": 2},
                    "mode": {"type": "string", "enum": ["fast", "safe-mode"], "default": "safe-mode"},
                    "host": string(),
                }),
                &["port", "host"],
            )],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let basic = &auth_spec(connector(&model, "good_source"), "Basic").params;
    let schema = param(basic, "schema");
    let default = schema.default.as_ref().expect("a default");
    assert_eq!(default.literal, Literal::String("public".into()));
    assert_eq!(default.value, DefaultValue::String("public".into()));
    assert!(!schema.required && !schema.tracked());
    let port = param(basic, "port");
    let default = port.default.as_ref().expect("a default");
    assert_eq!(default.literal, Literal::Integer(5432));
    assert_eq!(default.value, DefaultValue::Integer(5432));
    assert!(port.required, "still required on the wire");
    assert!(
        !port.tracked(),
        "a required param with a default is filled in by build()"
    );
    assert!(port.required);
    let ratio = param(basic, "ratio").default.as_ref().expect("a default");
    assert_eq!(
        ratio.value,
        DefaultValue::Number(2.0),
        "an integer written for a number"
    );
    assert_eq!(ratio.to_string(), "2", "shown as the spec writes it");
    let mode = param(basic, "mode").default.as_ref().expect("a default");
    assert_eq!(
        mode.value,
        DefaultValue::Variant {
            type_name: "Mode".into(),
            variant: "SafeMode".into()
        },
        "an enum default is the variant that holds it"
    );
    let host = param(basic, "host");
    assert!(host.required && host.tracked());
    render_of(dir.path());

    let bad = tempdir();
    let file = write(
        bad.path(),
        "bad.json",
        &spec(
            &uuid(2),
            "bad-source",
            &[(
                "Basic",
                json!({
                    "port": {"type": "integer", "default": "x"},
                    "mode": {"type": "string", "enum": ["a", "b"], "default": "c"},
                }),
                &[],
            )],
        ),
    );
    let report = rejected_dir(bad.path());
    assert_eq!(report.error_count(), 2, "{report}");
    let on_integer = find(&report, "the default \"x\"");
    assert_eq!(
        on_integer.message,
        "the default \"x\" does not fit the param's type `integer`"
    );
    assert_eq!(on_integer.file.as_deref(), Some(file.as_path()));
    assert_eq!(at(on_integer), "authSpec[0].spec.properties.port.default");
    let on_enum = find(&report, "the default \"c\"");
    assert_eq!(at(on_enum), "authSpec[0].spec.properties.mode.default");
}

#[test]
fn patterns_must_be_valid_and_on_strings() {
    let dir = tempdir();
    write(
        dir.path(),
        "good.json",
        &spec(
            &uuid(1),
            "good-source",
            &[(
                "Basic",
                json!({"host": {"type": "string", "pattern": "^[a-z.]+$"}}),
                &[],
            )],
        ),
    );
    let (model, _) = catalog_of(dir.path());
    let host = param(&auth_spec(connector(&model, "good_source"), "Basic").params, "host");
    assert_eq!(host.pattern.as_deref(), Some("^[a-z.]+$"));

    let bad = tempdir();
    write(
        bad.path(),
        "bad.json",
        &spec(
            &uuid(2),
            "bad-source",
            &[(
                "Basic",
                json!({
                    "host": {"type": "string", "pattern": "("},
                    "port": {"type": "integer", "pattern": "^[0-9]+$"},
                }),
                &[],
            )],
        ),
    );
    let report = rejected_dir(bad.path());
    assert_eq!(report.error_count(), 2, "{report}");
    let invalid = find(&report, "the pattern is not a supported regular expression");
    assert_eq!(at(invalid), "authSpec[0].spec.properties.host.pattern");
    let on_integer = find(&report, "`pattern` is supported on plain string params");
    assert!(
        on_integer
            .message
            .starts_with("`pattern` is supported on plain string params, not on ")
            && on_integer.message.ends_with("`integer` params"),
        "{}",
        on_integer.message
    );
    assert_eq!(at(on_integer), "authSpec[0].spec.properties.port.pattern");
}

#[test]
fn password_format_on_an_integer_is_an_error() {
    let dir = tempdir();
    write(
        dir.path(),
        "bad.json",
        &spec(
            &uuid(1),
            "bad-source",
            &[(
                "Basic",
                json!({"pin": {"type": "integer", "format": "password"}}),
                &["pin"],
            )],
        ),
    );
    let report = rejected_dir(dir.path());
    assert_eq!(report.error_count(), 1, "{report}");
    let error = find(&report, "`format: password` is only allowed on strings");
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(at(error), "authSpec[0].spec.properties.pin.format");
}

// ---------------------------------------------------------------------------------------------
// Several specs in one file, and stability
// ---------------------------------------------------------------------------------------------

#[test]
fn a_json_array_holds_several_connectors() {
    let dir = tempdir();
    write(
        dir.path(),
        "both.json",
        &json!([
            spec(
                &uuid(1),
                "alpha-source",
                &[("Basic", json!({"host": string()}), &["host"])]
            ),
            spec(
                &uuid(2),
                "beta-source",
                &[("Basic", json!({"host": string()}), &["host"])]
            ),
        ]),
    );
    let (model, _) = catalog_of(dir.path());
    let modules: Vec<(&str, &str, String)> = model
        .connectors
        .iter()
        .map(|c| (c.module.as_str(), c.spec_id.as_str(), c.location.path.to_string()))
        .collect();
    assert_eq!(
        modules,
        [
            ("alpha_source", uuid(1).as_str(), "[0]".to_owned()),
            ("beta_source", uuid(2).as_str(), "[1]".to_owned()),
        ]
    );
    let rendered = render_of(dir.path());
    assert!(rendered.files.contains_key("alpha_source.rs"));
    assert!(rendered.files.contains_key("beta_source.rs"));

    let twice = tempdir();
    let file = write(
        twice.path(),
        "twice.json",
        &json!([
            spec(
                &uuid(1),
                "alpha-source",
                &[("Basic", json!({"host": string()}), &["host"])]
            ),
            spec(&uuid(2), "alpha-source", &[("Key", json!({"key": string()}), &["key"])]),
        ]),
    );
    let report = rejected_dir(twice.path());
    assert_eq!(report.error_count(), 1, "{report}");
    let error = find(&report, "would both generate the module `alpha_source`");
    assert_eq!(error.file.as_deref(), Some(file.as_path()));
    assert_eq!(at(error), "[1].name");
    assert_eq!(error.related.len(), 1);
    assert_eq!(error.related[0].file, file);
    assert_eq!(related_at(&error.related[0]), "[0].name");
}

#[test]
fn adding_a_similar_connector_renames_nothing_in_another() {
    let a_dir = tempdir();
    let b_dir = tempdir();
    let ssl_mode = || json!({"type": "string", "enum": ["disabled", "verify-ca"]});
    let a = write(
        a_dir.path(),
        "a.json",
        &spec(
            &uuid(1),
            "my-source",
            &[(
                "Basic Authentication",
                json!({"clientID": string(), "sslMode": ssl_mode(), "type": string()}),
                &["clientID"],
            )],
        ),
    );
    // Same auth spec name, the same params plus ones that fold with them, a second auth spec that
    // shares the enum, and a connector name that folds close to A's.
    let b = write(
        b_dir.path(),
        "b.json",
        &spec(
            &uuid(2),
            "my-source-2",
            &[
                (
                    "Basic Authentication",
                    json!({"clientID": string(), "clientId": string(), "sslMode": ssl_mode(), "type": string()}),
                    &["clientID", "clientId"],
                ),
                ("basic authentication v2", json!({"sslMode": ssl_mode()}), &[]),
            ],
        ),
    );
    let alone = Config::new().spec_file(&a).render().expect("A renders");
    let together = Config::new()
        .spec_file(&a)
        .spec_file(&b)
        .render()
        .expect("A and B render");
    assert_eq!(together.connector_count(), 2);
    // B did get the folded names, so the two connectors really differ in naming.
    assert!(together.files["my_source_2.rs"].contains("client_i_d"));
    assert!(together.files["my_source_2.rs"].contains("BasicAuthenticationSslMode"));
    assert!(alone.files["my_source.rs"].contains("pub enum SslMode"));
    assert_eq!(
        alone.files["my_source.rs"], together.files["my_source.rs"],
        "A's module must not change when B is added"
    );
}
