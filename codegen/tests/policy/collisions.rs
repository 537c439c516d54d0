//! Collisions across connectors (in other files or in one JSON array file), and the stability
//! that avoids them: adding a connector renames nothing in another.

use flow_codegen::Config;
use serde_json::json;

use crate::support::{
    Rejection, catalog_of, check_rejections, host_only, render_of, spec, spec_dir, string, tempdir, uuid, write,
};

#[test]
fn connectors_that_would_share_a_module_or_an_id_are_errors() {
    let key_only = |id: u32, name: &str| spec(&uuid(id), name, &[("Key", json!({"key": string()}), &["key"])]);
    check_rejections(&[
        // Points at the name that folds; the related location is in the other file.
        Rejection::of(
            "connector names folding to one module, in two files",
            [
                ("a.json", host_only(&uuid(1), "my-source")),
                ("b.json", key_only(2, "my_source")),
            ],
        )
        .error("would both generate the module `my_source`", "name")
        .message("connectors `my-source` and `my_source` would both generate the module `my_source`")
        .in_file("b.json")
        .related("a.json", "name"),
        Rejection::of(
            "one connection spec id in two files",
            [
                ("first.json", host_only(&uuid(7), "alpha-source")),
                ("second.json", host_only(&uuid(7), "beta-source")),
            ],
        )
        .error("both declare the connection spec id", "id")
        .message(
            "connectors `alpha-source` and `beta-source` both declare the connection spec id \
             `00000000-0000-4000-8000-000000000007`",
        )
        .in_file("second.json")
        .related("first.json", "id"),
        Rejection::of(
            "one module twice in a JSON array file",
            [(
                "twice.json",
                json!([host_only(&uuid(1), "alpha-source"), key_only(2, "alpha-source")]),
            )],
        )
        .error("would both generate the module `alpha_source`", "[1].name")
        .message("connectors `alpha-source` and `alpha-source` would both generate the module `alpha_source`")
        .in_file("twice.json")
        .related("twice.json", "[0].name"),
    ]);
}

#[test]
fn a_json_array_holds_several_connectors() {
    let dir = spec_dir(&[(
        "both.json",
        json!([host_only(&uuid(1), "alpha-source"), host_only(&uuid(2), "beta-source")]),
    )]);
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
