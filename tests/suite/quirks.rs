//! One test per real-data quirk of the corpus: the policy README.md states, applied to the real
//! documentation that shows it.

use flow_codegen::{Config, Error, Rendered, Severity};
use flow_connectors::{AnyConnection, CreateConnection, DecodeError};
use serde_json::{Value, json};

use crate::common::{fixture, specs_dir};

fn corpus_body(folder: &str, index: usize) -> Value {
    let text = std::fs::read_to_string(fixture(&format!("corpus/{folder}/requests.json"))).expect("fixture");
    let value: Value = serde_json::from_str(&text).expect("JSON");
    value["requests"][index]["body"].clone()
}

fn decode_error(body: Value) -> DecodeError {
    let raw = serde_json::from_value(body).expect("a well-formed envelope");
    AnyConnection::from_raw(raw).expect_err("must be rejected")
}

/// The rendered files of `config`, which must be accepted (warnings allowed).
fn accepted(config: Config) -> Rendered {
    config
        .render()
        .unwrap_or_else(|err| panic!("the specs must render:\n{err}"))
}

fn spec_errors(config: Config) -> Vec<flow_codegen::Diagnostic> {
    match config.render() {
        Err(Error::Spec(report)) => report.diagnostics,
        Err(other) => panic!("unexpected error: {other}"),
        Ok(_) => panic!("the catalog must be rejected"),
    }
}

#[test]
fn copied_spec_id_is_an_error_naming_both_connectors() {
    // SugarCRM's tutorial spec uses LinkedIn Ads' id: the two cannot share one catalog.
    let diagnostics = spec_errors(
        Config::new()
            .spec_file(specs_dir().join("linkedin-ads.json"))
            .spec_file(fixture("corpus/crm--sugarcrm-events/spec.json")),
    );
    let error = diagnostics
        .iter()
        .find(|d| d.message.contains("59a4b493-a615-40f9-bd38-f823d0909a2b"))
        .expect("a duplicate-id error");
    assert_eq!(error.severity, Severity::Error);
    assert!(error.message.contains("`linkedin-ads`") && error.message.contains("`sugarcrm-events`"));
    assert_eq!(error.related.len(), 1, "points at the other definition too");
}

#[test]
fn copied_spec_id_bodies_are_read_as_the_ids_owner_and_rejected_by_name() {
    // SugarCRM's body under LinkedIn's id lacks LinkedIn's required token.
    let err = decode_error(corpus_body("crm--sugarcrm-events", 0));
    assert!(
        matches!(
            err,
            DecodeError::MissingParam {
                param: "accessToken",
                ..
            }
        ),
        "{err}"
    );
    // PathFactory's body under Salesforce Marketing Cloud's id names an auth spec SFMC lacks.
    let err = decode_error(corpus_body("marketing-automation--pathfactory", 0));
    assert!(
        matches!(&err, DecodeError::UnknownAuthSpec { name, .. } if name == "Basic Authentication"),
        "{err}"
    );
}

#[test]
fn placeholder_spec_id_warns_at_generation_and_is_unknown_at_run_time() {
    let rendered =
        accepted(Config::new().spec_file(fixture("corpus/marketing-automation--mailchimp-partner/spec.json")));
    let report = rendered.warning_report();
    assert_eq!(report.error_count(), 0);
    let warning = &report.diagnostics[0];
    assert!(
        warning.message.contains("`{CONNECTION_SPEC_ID}` is not a UUID"),
        "{}",
        warning.message
    );
    // Strict mode turns it into an error.
    let strict = spec_errors(
        Config::new()
            .strict(true)
            .spec_file(fixture("corpus/marketing-automation--mailchimp-partner/spec.json")),
    );
    assert!(strict.iter().all(|d| d.severity == Severity::Error));
    // The real catalog has the real id, so the placeholder body is unknown.
    let err = decode_error(corpus_body("marketing-automation--mailchimp-member", 0));
    assert_eq!(err, DecodeError::UnknownSpecId("{CONNECTION_SPEC_ID}".into()));
}

#[test]
fn malformed_but_documented_spec_id_is_kept_with_a_warning_and_fixed_in_specs() {
    // The tutorial's own spec (a truncated id, seven hex digits) still generates, with a warning.
    let rendered =
        accepted(Config::new().spec_file(fixture("corpus/customer-success--salesforce-service-cloud/spec.json")));
    assert_eq!(rendered.warning_report().warning_count(), 1);
    // specs/ has the id the generic CRM tutorial and the CRMToAEP flow spec give.
    let clean = accepted(Config::new().spec_file(specs_dir().join("salesforce-service-cloud.json")));
    assert_eq!(clean.warning_report().warning_count(), 0);
    assert_eq!(
        flow_connectors::salesforce_service_cloud::CONNECTION_SPEC_ID,
        "cb66ab34-8619-49cb-96d1-39b37ede86ea"
    );
    // So the tutorial's body, which sends the truncated id, names no connector.
    let err = decode_error(corpus_body("customer-success--salesforce-service-cloud", 0));
    assert_eq!(
        err,
        DecodeError::UnknownSpecId("b66ab34-8619-49cb-96d1-39b37ede86ea".into())
    );
}

#[test]
fn strings_for_typed_values_are_rejected_naming_param_and_type_never_the_value() {
    let err = decode_error(corpus_body("databases--phoenix", 0));
    assert_eq!(
        err.to_string(),
        "auth param `port` of `Basic Authentication` must be an integer"
    );
    let err = decode_error(corpus_body("databases--mysql", 3));
    let message = err.to_string();
    assert!(message.starts_with("auth param `sslMode` of `Basic Authentication` must be one of \"DISABLED\""));
    assert!(!message.contains("\"false\""), "the value is not echoed: {message}");
    // The same body with a real value passes.
    let mut body = corpus_body("databases--mysql", 3);
    body["auth"]["params"]["sslMode"] = json!("REQUIRED");
    let connection: AnyConnection = serde_json::from_value(body.clone()).expect("valid");
    assert_eq!(serde_json::to_value(&connection).expect("serializes"), body);
}

#[test]
fn extra_auth_fields_are_rejected_by_name() {
    let err = serde_json::from_value::<AnyConnection>(corpus_body("databases--bigquery", 0)).expect_err("auth.type");
    assert!(err.to_string().contains("unexpected member `auth.type`"), "{err}");
}

#[test]
fn top_level_provider_id_is_kept_and_sent_back() {
    use flow_connectors::aws_kinesis::AwsKinesisAuthenticationCredentials;
    let body = corpus_body("cloud-storage--kinesis", 0);
    let typed: CreateConnection<AwsKinesisAuthenticationCredentials> =
        serde_json::from_value(body.clone()).expect("providerId is a body field");
    assert_eq!(
        typed.provider_id.as_deref(),
        Some("521eee4d-8cbe-4906-bb48-fb6bd4450033")
    );
    let text = serde_json::to_string(&typed).expect("serializes");
    assert!(
        text.find("\"providerId\"") < text.find("\"auth\""),
        "documented order: {text}"
    );
    assert_eq!(serde_json::to_value(&typed).expect("serializes"), body);
}

#[test]
fn two_spec_ids_in_one_file_are_two_connectors_and_must_differ_in_name() {
    // Oracle's tutorial spec holds Oracle's id and MySQL's (copied) id under one name.
    let diagnostics = spec_errors(Config::new().spec_file(fixture("corpus/databases--oracle/spec.json")));
    assert!(
        diagnostics
            .iter()
            .any(|d| d.message.contains("would both generate the module `oracle`")),
        "{diagnostics:?}"
    );
}

#[test]
fn empty_auth_spec_generates_a_connection_without_auth() {
    // SAP Commerce's second spec object has `"authSpec": []`.
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("corpus/ecommerce--sap-commerce/spec.json")).expect("fixture");
    let specs: Value = serde_json::from_str(&text).expect("JSON");
    let mut empty = specs[1].clone();
    empty["name"] = json!("sap-commerce-source");
    std::fs::write(dir.path().join("empty.json"), empty.to_string()).expect("write");
    let rendered = accepted(Config::new().spec_dir(dir.path()));
    let module = &rendered.files["sap_commerce_source.rs"];
    assert!(module.contains("pub struct NoAuth;"));
    assert!(module.contains("const HAS_AUTH: bool = false;"));
    assert!(rendered.files["mod.rs"].contains("SapCommerceSourceNoAuth("));
    assert!(
        rendered.warning_report().diagnostics[0]
            .message
            .contains("has no auth specs")
    );
}

#[test]
fn real_api_specs_parse_and_generate() {
    // The verbatim `GET /connectionSpecs` items of the corpus: extra fields (`settings`,
    // `examples`, `$schema`), `pattern`, no `type`, no descriptions.
    let mut checked = 0;
    for entry in std::fs::read_dir(fixture("corpus")).expect("corpus") {
        let verbatim = entry.expect("entry").path().join("spec.older-verbatim.json");
        if !verbatim.exists() {
            continue;
        }
        let rendered = accepted(Config::new().spec_file(&verbatim));
        assert_eq!(rendered.connector_count(), 1, "{}", verbatim.display());
        checked += 1;
    }
    assert_eq!(checked, 9);
}

#[test]
fn runtime_catalog_finds_connectors_by_id_and_name() {
    let catalog = flow_connectors::catalog();
    assert_eq!(catalog.connectors().len(), 54);
    let dynamics = catalog.by_id("38ad80fe-8b06-4938-94f4-d4ee80266b07").expect("by id");
    assert_eq!(dynamics.name, "dynamics-online");
    assert_eq!(dynamics.display_name, "Microsoft Dynamics");
    assert_eq!(catalog.by_name("dynamics-online"), Some(dynamics));
    let basic = dynamics
        .auth_spec("Basic Authentication for Dynamics-Online")
        .expect("auth spec");
    let password = basic.param("password").expect("param");
    assert!(password.secret && password.required);
    assert_eq!(password.param_type, flow_connectors::ParamType::String);
    assert_eq!(password.field, "password");

    let rest = catalog.by_name("generic-rest-api").expect("generic REST");
    let oauth = rest.auth_spec("oAuth2RefreshCode").expect("auth spec");
    let over = oauth.param("requestParameterOverride").expect("nested");
    let flow_connectors::ParamType::Object(inner) = over.param_type else {
        panic!("an object: {:?}", over.param_type)
    };
    let method = inner
        .iter()
        .find(|p| p.wire_name == "authenticationMethod")
        .expect("inner");
    assert_eq!(method.param_type, flow_connectors::ParamType::Enum(&["GET", "POST"]));
    assert!(!over.required);

    let snowflake = catalog.by_name("snowflake-streaming").expect("snowflake");
    let role = snowflake.auth_specs[0].param("role").expect("role");
    assert_eq!(role.default, Some("\"public\""));
    assert!(catalog.by_id("00000000-0000-0000-0000-000000000000").is_none());
}

#[test]
fn required_naming_a_missing_property_is_a_warning_at_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = json!({
        "id": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
        "name": "s3-like",
        "version": "1.0",
        "authSpec": [{
            "name": "Access Key",
            "spec": {
                "type": "object",
                "properties": {"s3AccessKey": {"type": "string"}, "s3SecretKey": {"type": "string", "format": "password"}},
                "required": ["s3AccessKey", "s3SecretKey", "serviceUrl"]
            }
        }]
    });
    std::fs::write(
        dir.path().join("s3.json"),
        serde_json::to_string_pretty(&spec).expect("JSON"),
    )
    .expect("write");
    let rendered = accepted(Config::new().spec_dir(dir.path()));
    let warning = &rendered.warning_report().diagnostics[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning.message.contains("`required` names `serviceUrl`"),
        "{}",
        warning.message
    );
    assert!(
        rendered.warnings()[0].contains("authSpec[0].spec.required[2]"),
        "{}",
        rendered.warnings()[0]
    );
    assert!(rendered.files["s3_like.rs"].contains("pub s3_secret_key:"));
    let strict = spec_errors(Config::new().strict(true).spec_dir(dir.path()));
    assert_eq!(strict[0].severity, Severity::Error);
}

#[test]
fn adding_a_connector_renames_nothing_else() {
    // Render Dynamics alone, then with a connector whose auth spec and param names are the same.
    let alone = accepted(Config::new().spec_file(specs_dir().join("dynamics-online.json")));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut twin: Value =
        serde_json::from_str(&std::fs::read_to_string(specs_dir().join("dynamics-online.json")).expect("read"))
            .expect("JSON");
    twin["id"] = json!("11111111-2222-4333-8444-555555555555");
    twin["name"] = json!("dynamics-onprem");
    std::fs::write(dir.path().join("twin.json"), twin.to_string()).expect("write");
    let together = accepted(
        Config::new()
            .spec_file(specs_dir().join("dynamics-online.json"))
            .spec_dir(dir.path()),
    );
    assert_eq!(alone.files["dynamics_online.rs"], together.files["dynamics_online.rs"]);
    assert!(together.files["mod.rs"].contains("DynamicsOnpremBasicAuthenticationForDynamicsOnline("));
}
