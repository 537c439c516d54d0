//! Defaults: a default must fit its param's type, is kept as the spec writes it and as the Rust
//! value, and makes a required param untracked (`build()` fills it in).

use flow_codegen::model::DefaultValue;
use flow_codegen::model::Literal;
use serde_json::json;

use crate::support::{
    Rejection, basic, basic_params, catalog_of, check_rejections, param, render_of, spec_dir, string,
};

#[test]
fn defaults_are_typed_and_make_required_params_untracked() {
    let dir = spec_dir(&[(
        "my-source.json",
        basic(
            json!({
                "schema": {"type": "string", "default": "public"},
                "port": {"type": "integer", "default": 5432},
                "ratio": {"type": "number", "default": 2},
                "mode": {"type": "string", "enum": ["fast", "safe-mode"], "default": "safe-mode"},
                "host": string(),
            }),
            &["port", "host"],
        ),
    )]);
    let (model, _) = catalog_of(dir.path());
    let basic = basic_params(&model);
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
}

#[test]
fn defaults_that_do_not_fit_are_errors() {
    check_rejections(&[Rejection::basic(
        "a string default on an integer, a default outside the enum",
        json!({
            "port": {"type": "integer", "default": "x"},
            "mode": {"type": "string", "enum": ["a", "b"], "default": "c"},
        }),
        &[],
    )
    .error("the default \"x\"", "authSpec[0].spec.properties.port.default")
    .message("the default \"x\" does not fit the param's type `integer`")
    .error("the default \"c\"", "authSpec[0].spec.properties.mode.default")
    .message("the default \"c\" does not fit the param's type `string`")]);
}
