//! Spec quirks that warn and still generate: non-UUID ids, an empty `authSpec`, a `required`
//! naming a param that does not exist.

use flow_codegen::{Config, Severity};
use serde_json::json;

use crate::support::{
    at, basic, basic_params, catalog_of, connector, fields, find, host_only, param, rejected, render_of, spec,
    spec_dir, string, tempdir, uuid, write,
};

#[test]
fn non_uuid_spec_ids_warn_and_are_errors_when_strict() {
    let dir = tempdir();
    let short = write(
        dir.path(),
        "short.json",
        &host_only("b66ab34-8619-49cb-96d1-39b37ede86ea", "short-id"),
    );
    let placeholder = write(
        dir.path(),
        "placeholder.json",
        &host_only("{CONNECTION_SPEC_ID}", "placeholder-id"),
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
    let properties = json!({"host": string(), "port": {"type": "integer"}});
    let dir = spec_dir(&[("my-source.json", basic(properties, &["host", "bucket"]))]);
    let file = dir.path().join("my-source.json");
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

    let basic = basic_params(&model);
    assert_eq!(fields(basic), [("host", "host"), ("port", "port")]);
    assert!(param(basic, "host").required);
    assert!(!param(basic, "port").required);
    render_of(dir.path());
}
