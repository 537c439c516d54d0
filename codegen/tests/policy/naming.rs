//! Naming: Rust keywords, leading digits, acronyms and punctuation, names that fold to one Rust
//! name, and params named like the builder's own methods.

use flow_codegen::model::Param;
use serde_json::{Value, json};

use crate::support::{
    Rejection, auth_spec, basic, basic_params, catalog_of, check_rejections, connector, each_row, fields, param,
    render_of, spec, spec_dir, string, uuid,
};

/// A connector whose auth spec names must become these Rust names.
struct AuthSpecNames {
    name: &'static str,
    /// The connector's `name` in the spec.
    machine_name: &'static str,
    module: &'static str,
    /// `(auth spec name, params type, builder type, AnyConnection variant)`, in spec order.
    auth_specs: &'static [(&'static str, &'static str, &'static str, &'static str)],
}

const AUTH_SPEC_NAMES: &[AuthSpecNames] = &[
    AuthSpecNames {
        name: "leading digits get an N prefix",
        machine_name: "3m-source",
        module: "n3m_source",
        auth_specs: &[(
            "2-legged OAuth",
            "N2LeggedOAuth",
            "N2LeggedOAuthBuilder",
            "N3mSourceN2LeggedOAuth",
        )],
    },
    AuthSpecNames {
        name: "acronyms and punctuation",
        machine_name: "my-source",
        module: "my_source",
        auth_specs: &[
            (
                "OAuth2 Refresh Code",
                "OAuth2RefreshCode",
                "OAuth2RefreshCodeBuilder",
                "MySourceOAuth2RefreshCode",
            ),
            (
                "Topic & Subscription Based Authentication",
                "TopicSubscriptionBasedAuthentication",
                "TopicSubscriptionBasedAuthenticationBuilder",
                "MySourceTopicSubscriptionBasedAuthentication",
            ),
        ],
    },
];

#[test]
fn connector_and_auth_spec_names_become_rust_names() {
    each_row(
        AUTH_SPEC_NAMES,
        |row| row.name,
        |row| {
            let auth_specs: Vec<(&str, Value, &[&str])> = row
                .auth_specs
                .iter()
                .map(|(auth_name, ..)| (*auth_name, json!({"token": string()}), &["token"][..]))
                .collect();
            let dir = spec_dir(&[("spec.json", spec(&uuid(1), row.machine_name, &auth_specs))]);
            let (model, _) = catalog_of(dir.path());
            let source = connector(&model, row.module);
            assert_eq!(source.machine_name, row.machine_name);
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
            assert_eq!(names, row.auth_specs);

            let rendered = render_of(dir.path());
            let module = &rendered.files[&format!("{}.rs", row.module)];
            let root = &rendered.files["mod.rs"];
            assert!(root.contains(&format!("pub mod {}", row.module)), "{root}");
            for (_, type_name, _, variant) in row.auth_specs {
                assert!(module.contains(&format!("pub struct {type_name} ")), "{module}");
                assert!(root.contains(&format!("{variant}(")), "{root}");
            }
        },
    );
}

/// The params of auth spec `Basic` and the fields they must become.
struct ParamNames {
    name: &'static str,
    properties: fn() -> Value,
    required: &'static [&'static str],
    /// `(wire name, field)`, in spec order.
    fields: &'static [(&'static str, &'static str)],
}

const PARAM_NAMES: &[ParamNames] = &[
    ParamNames {
        name: "Rust keywords get a trailing underscore",
        properties: || {
            json!({
                "type": string(),
                "ref": string(),
                "self": string(),
                "gen": string(),
                "async": string(),
                "crate": string(),
                "await": string(),
            })
        },
        required: &["type", "ref", "self", "gen", "async"],
        fields: &[
            ("type", "type_"),
            ("ref", "ref_"),
            ("self", "self_"),
            ("gen", "gen_"),
            ("async", "async_"),
            ("crate", "crate_"),
            ("await", "await_"),
        ],
    },
    ParamNames {
        name: "leading digits get an n prefix",
        properties: || json!({"2fa": string(), "token": string()}),
        required: &["token"],
        fields: &[("2fa", "n2fa"), ("token", "token")],
    },
    ParamNames {
        name: "names of generated methods get a value suffix",
        properties: || {
            json!({
                "build": string(), "builder": string(), "default": string(), "description": string(),
                "name": string(), "new": string(), "params": string(),
            })
        },
        required: &["build", "builder"],
        fields: &[
            ("build", "build_value"),
            ("builder", "builder_value"),
            ("default", "default_value"),
            ("description", "description_value"),
            ("name", "name_value"),
            ("new", "new_value"),
            ("params", "params_value"),
        ],
    },
];

#[test]
fn param_names_become_fields_and_setters() {
    each_row(
        PARAM_NAMES,
        |row| row.name,
        |row| {
            let dir = spec_dir(&[("my-source.json", basic((row.properties)(), row.required))]);
            let (model, _) = catalog_of(dir.path());
            let params = basic_params(&model);
            assert_eq!(fields(params), row.fields);
            // Required params (none has a default here) are tracked by the builder.
            for p in &params.params {
                assert_eq!(
                    Param::tracked(p),
                    row.required.contains(&p.wire_name.as_str()),
                    "`{}` is tracked exactly when required",
                    p.wire_name
                );
            }

            let rendered = render_of(dir.path());
            let module = &rendered.files["my_source.rs"];
            for (wire, field) in row.fields {
                assert!(
                    module.contains(&format!("pub fn {field}(")),
                    "setter `{field}` in:\n{module}"
                );
                // The wire names are kept exactly.
                assert!(
                    module.contains(&format!("\"{wire}\"")),
                    "wire name `{wire}` in:\n{module}"
                );
            }
        },
    );
}

#[test]
fn params_folding_by_case_get_letter_exact_fields() {
    let dir = spec_dir(&[(
        "my-source.json",
        spec(
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
    )]);
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
fn names_folding_to_one_rust_name_are_errors() {
    let auth_specs = spec(
        &uuid(1),
        "my-source",
        &[
            ("OAuth2 Refresh Code", json!({"clientId": string()}), &[]),
            ("oAuth2RefreshCode", json!({"clientId": string()}), &[]),
        ],
    );
    check_rejections(&[
        // The params type, and its builder.
        Rejection::of("auth spec names folding to one type", [("my-source.json", auth_specs)])
            .error("the Rust type `OAuth2RefreshCode`", "authSpec[1].name")
            .message("two items of this connector would both generate the Rust type `OAuth2RefreshCode`")
            .related("my-source.json", "authSpec[0].name")
            .error("the Rust type `OAuth2RefreshCodeBuilder`", "authSpec[1].name")
            .message("two items of this connector would both generate the Rust type `OAuth2RefreshCodeBuilder`")
            .related("my-source.json", "authSpec[0].name")
            .error("the Rust type `OAuth2RefreshCodePatch`", "authSpec[1].name")
            .message("two items of this connector would both generate the Rust type `OAuth2RefreshCodePatch`")
            .related("my-source.json", "authSpec[0].name"),
        // An auth spec named like another's patch type.
        Rejection::of(
            "an auth spec named like another's patch type",
            [(
                "my-source.json",
                spec(
                    &uuid(1),
                    "my-source",
                    &[
                        ("Basic", json!({"user": string()}), &[]),
                        ("Basic Patch", json!({"user": string()}), &[]),
                    ],
                ),
            )],
        )
        .error("the Rust type `BasicPatch`", "authSpec[1].name")
        .message("two items of this connector would both generate the Rust type `BasicPatch`")
        .related("my-source.json", "authSpec[0].name"),
        Rejection::basic(
            "params folding by punctuation",
            json!({"client-id": string(), "client_id": string()}),
            &[],
        )
        .error(
            "would both be named `client_id`",
            "authSpec[0].spec.properties.client_id",
        )
        .message("params `client-id` and `client_id` would both be named `client_id` in Rust")
        .related("my-source.json", "authSpec[0].spec.properties[\"client-id\"]"),
    ]);
}
