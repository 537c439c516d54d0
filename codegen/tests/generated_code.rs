//! The generated code, reviewed like code (`cargo insta review`).
//!
//! - The full source of the seed specs and of specs that together use every schema feature
//!   (nested objects, enums, arrays, defaults, patterns, integers, booleans, several auth specs).
//! - The public API surface of the whole catalog: every module, type (params, builder, patch),
//!   field and enum variant a user's code can name, so a regeneration that renames anything shows
//!   up in one reviewable file.

use std::fmt::Write as _;

use flow_codegen::Config;
use flow_codegen::model::{ParamType, ParamsStruct};
use specs::specs_dir;

#[path = "support/specs.rs"]
mod specs;

/// Spec files whose whole generated source is snapshotted, and what each one exercises.
const FULL_SOURCE: &[(&str, &str)] = &[
    ("azure-data-explorer", "seed: one auth spec, secrets"),
    ("dynamics-online", "seed: two auth specs"),
    (
        "generic-rest-api",
        "nested object with an enum, format date, optional params",
    ),
    ("mysql", "enum param, two auth specs"),
    ("mariadb", "pattern checked by build()"),
    ("paypal", "required param with a default, filled in by build()"),
    ("phoenix", "integer and boolean params"),
    ("snowflake-streaming", "optional param with a default"),
];

#[test]
fn generated_source_of_feature_specs() {
    for (stem, _) in FULL_SOURCE {
        let rendered = Config::new()
            .spec_file(specs_dir().join(format!("{stem}.json")))
            .out_dir("unused")
            .render()
            .expect("valid spec");
        for (name, content) in &rendered.files {
            insta::assert_snapshot!(format!("{stem}__{name}"), content);
        }
    }
}

fn surface(object: &ParamsStruct, indent: &str, out: &mut String) {
    writeln!(out, "{indent}{} (builder {})", object.type_name, object.builder_name).unwrap();
    for param in &object.params {
        let mut flags = vec![if param.required { "required" } else { "optional" }];
        if param.secret {
            flags.push("secret");
        }
        if param.default.is_some() {
            flags.push("default");
        }
        writeln!(
            out,
            "{indent}  .{}: {} <- {:?} [{}]",
            param.field,
            param.rust_type(),
            param.wire_name,
            flags.join(", ")
        )
        .unwrap();
        if let ParamType::Object(inner) = &param.ty {
            surface(inner, &format!("{indent}    "), out);
        }
    }
}

#[test]
fn public_api_surface_of_the_whole_catalog() {
    let (model, _) = Config::new().spec_dir(specs_dir()).validate().expect("valid catalog");
    let mut out = String::new();
    for connector in &model.connectors {
        writeln!(
            out,
            "mod {} ({:?}, id {}, version {})",
            connector.module, connector.machine_name, connector.spec_id, connector.version
        )
        .unwrap();
        for auth_spec in &connector.auth_specs {
            writeln!(
                out,
                "  auth {:?} -> AnyConnection::{}, patch {}",
                auth_spec.spec_name, auth_spec.variant, auth_spec.patch_name
            )
            .unwrap();
            surface(&auth_spec.params, "    ", &mut out);
        }
        if let Some(no_auth) = &connector.no_auth {
            writeln!(
                out,
                "  no auth -> {} / AnyConnection::{}",
                no_auth.type_name, no_auth.variant
            )
            .unwrap();
        }
        for e in connector.enums() {
            let variants: Vec<String> = e
                .values
                .iter()
                .map(|v| format!("{} = {:?}", v.variant, v.wire))
                .collect();
            writeln!(out, "  enum {} {{ {} }}", e.type_name, variants.join(", ")).unwrap();
        }
    }
    insta::assert_snapshot!("catalog_api_surface", out);
}
