//! String enums: their Rust type and variant names, the errors of bad enums, and the names of
//! enum types shared within a connector.

use flow_codegen::model::ParamType;
use serde_json::json;

use crate::support::{
    Rejection, auth_spec, basic, basic_params, catalog_of, check_rejections, connector, param, render_of, spec,
    spec_dir, uuid,
};

#[test]
fn string_enums_become_rust_enums() {
    let dir = spec_dir(&[(
        "my-source.json",
        basic(
            json!({"sslMode": {"type": "string", "enum": ["DISABLED", "PREFERRED", "Verify-Ca", "Verify Identity"]}}),
            &["sslMode"],
        ),
    )]);
    let (model, _) = catalog_of(dir.path());
    let ssl_mode = param(basic_params(&model), "sslMode");
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
    assert_eq!(connector(&model, "my_source").enums(), [&**enum_type]);
    let rendered = render_of(dir.path());
    assert!(
        rendered.files["my_source.rs"].contains("pub enum SslMode"),
        "{}",
        rendered.files["my_source.rs"]
    );
}

#[test]
fn bad_enums_are_errors() {
    check_rejections(&[Rejection::basic(
        "an integer enum, a value listed twice, values folding to one variant",
        json!({
            "port": {"type": "integer", "enum": [1, 2]},
            "mode": {"type": "string", "enum": ["a", "b", "a"]},
            "sep": {"type": "string", "enum": ["a-b", "a_b"]},
        }),
        &[],
    )
    .error(
        "`enum` is supported on strings",
        "authSpec[0].spec.properties.port.enum",
    )
    .message("`enum` is supported on strings, not on `integer` params")
    .error("listed twice", "authSpec[0].spec.properties.mode.enum[2]")
    .message("the enum value `a` is listed twice")
    // Both values as plain text, in spec order, like every other collision message.
    .error(
        "would both be the variant `AB`",
        "authSpec[0].spec.properties.sep.enum[1]",
    )
    .message("the enum values `a-b` and `a_b` would both be the variant `AB`")
    .related("my-source.json", "authSpec[0].spec.properties.sep.enum[0]")]);
}

#[test]
fn enum_types_shared_within_a_connector_are_prefixed_with_their_auth_spec() {
    let ssl_mode = || json!({"type": "string", "enum": ["disabled", "required"]});
    let dir = spec_dir(&[
        (
            "one.json",
            spec(
                &uuid(1),
                "one-auth-spec",
                &[("Basic Authentication", json!({"sslMode": ssl_mode()}), &[])],
            ),
        ),
        (
            "two.json",
            spec(
                &uuid(2),
                "two-auth-specs",
                &[
                    ("Basic Authentication", json!({"sslMode": ssl_mode()}), &[]),
                    ("Connection String", json!({"sslMode": ssl_mode()}), &[]),
                ],
            ),
        ),
    ]);
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
        .iter()
        .map(|e| e.type_name.as_str())
        .collect();
    assert_eq!(listed, ["BasicAuthenticationSslMode", "ConnectionStringSslMode"]);
    render_of(dir.path());
}
