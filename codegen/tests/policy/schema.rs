//! The JSON Schema subset: unsupported keywords, nested objects, arrays, patterns and secrets.
//! (Enums and defaults have their own modules.)

use std::path::Path;

use flow_codegen::model::ParamType;
use flow_codegen::{Config, Diagnostic, Error};
use serde_json::json;

use crate::support::{
    Rejection, at, auth_spec, basic, basic_params, catalog_of, check_rejections, connector, param, rejected_dir,
    render_of, spec, spec_dir, string, uuid,
};

#[test]
fn unsupported_keywords_are_errors_reported_together() {
    let strings = json!({
        "host": string(),
        "x": {"type": "string", "oneOf": [{"pattern": "a"}, {"pattern": "b"}]},
        "y": {"type": "string", "$ref": "#/definitions/y"},
        "z": {"type": "string", "allOf": [{"minLength": 1}]},
        "w": {"type": "string", "anyOf": [{"minLength": 1}]},
        "v": {"type": "string", "not": {"const": ""}},
    });
    let array = json!({"tags": {"type": "array", "items": {"type": "string", "anyOf": []}}});
    let dir = spec_dir(&[
        ("my-source.json", basic(strings, &["host", "x"])),
        (
            "other-source.json",
            spec(&uuid(2), "other-source", &[("Basic", array, &[])]),
        ),
    ]);
    let (file, other) = (dir.path().join("my-source.json"), dir.path().join("other-source.json"));
    let report = rejected_dir(dir.path());
    let mut found: Vec<(String, String, &Path)> = report
        .diagnostics
        .iter()
        .map(|d| (d.message.clone(), at(d), d.file.as_deref().expect("a file")))
        .collect();
    found.sort();
    let keyword = |k: &str| format!("the JSON Schema keyword `{k}` is not supported");
    let mut expected: Vec<(String, String, &Path)> = [
        ("oneOf", "x.oneOf", &file),
        ("$ref", "y.$ref", &file),
        ("allOf", "z.allOf", &file),
        ("anyOf", "w.anyOf", &file),
        ("not", "v.not", &file),
        ("anyOf", "tags.items.anyOf", &other),
    ]
    .into_iter()
    .map(|(k, location, file)| {
        (
            keyword(k),
            format!("authSpec[0].spec.properties.{location}"),
            file.as_path(),
        )
    })
    .collect();
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
fn nested_objects_become_params_structs() {
    let properties = json!({
        "host": string(),
        "requestParameterOverride": {
            "type": "object",
            "properties": {"clientId": string(), "method": string()},
            "required": ["clientId"],
        },
    });
    let dir = spec_dir(&[(
        "my-source.json",
        spec(&uuid(1), "my-source", &[("OAuth", properties, &["host"])]),
    )]);
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
fn arrays_of_scalars_are_vecs() {
    let tags = json!({"tags": {"type": "array", "items": {"type": "string"}}});
    let dir = spec_dir(&[("my-source.json", basic(tags, &["tags"]))]);
    let (model, _) = catalog_of(dir.path());
    let tags = param(basic_params(&model), "tags");
    assert_eq!(tags.ty, ParamType::Array(Box::new(ParamType::String)));
    render_of(dir.path());
}

#[test]
fn valid_patterns_on_strings_are_kept() {
    let host = json!({"host": {"type": "string", "pattern": "^[a-z.]+$"}});
    let dir = spec_dir(&[("my-source.json", basic(host, &[]))]);
    let (model, _) = catalog_of(dir.path());
    let host = param(basic_params(&model), "host");
    assert_eq!(host.pattern.as_deref(), Some("^[a-z.]+$"));
}

#[test]
fn schemas_outside_the_subset_are_errors() {
    check_rejections(&[
        Rejection::basic(
            "an object without properties",
            json!({"extra": {"type": "object"}}),
            &[],
        )
        .error("has no `properties`", "authSpec[0].spec.properties.extra.type")
        .message("the object param `extra` has no `properties`"),
        Rejection::basic(
            "an array without items, an array of objects",
            json!({
                "tags": {"type": "array"},
                "rows": {"type": "array", "items": {"type": "object", "properties": {"a": string()}}},
            }),
            &[],
        )
        .error("has no `items`", "authSpec[0].spec.properties.tags.type")
        .message("the array param `tags` has no `items`")
        .error(
            "arrays of `object` are not supported",
            "authSpec[0].spec.properties.rows.items",
        )
        .message("arrays of `object` are not supported"),
        // The first message ends with the regex crate's error.
        Rejection::basic(
            "an invalid pattern, a pattern on an integer",
            json!({
                "host": {"type": "string", "pattern": "("},
                "port": {"type": "integer", "pattern": "^[0-9]+$"},
            }),
            &[],
        )
        .error(
            "the pattern is not a supported regular expression",
            "authSpec[0].spec.properties.host.pattern",
        )
        .error(
            "`pattern` is supported on plain string params",
            "authSpec[0].spec.properties.port.pattern",
        )
        .message("`pattern` is supported on plain string params, not on `integer` params"),
        Rejection::basic(
            "format password on an integer",
            json!({"pin": {"type": "integer", "format": "password"}}),
            &["pin"],
        )
        .error(
            "`format: password` is only allowed on strings",
            "authSpec[0].spec.properties.pin.format",
        )
        .message("`format: password` is only allowed on strings, not on `integer` params"),
    ]);
}
