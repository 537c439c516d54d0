//! The typed patch of an auth spec: its name, the JSON Pointer of each param (RFC 6901 escapes),
//! which values `Debug` hides, and objects replaced whole.

use serde_json::json;

use crate::support::*;

#[test]
fn patch_paths_escape_wire_names_and_redact_secrets_and_objects() {
    let properties = json!({
        "a/b~c": string(),
        "token": {"type": "string", "format": "password"},
        "override": {"type": "object", "properties": {"method": string()}},
        "port": {"type": "integer"},
    });
    let dir = spec_dir(&[(
        "my-source.json",
        spec(&uuid(1), "my-source", &[("OAuth", properties, &["token"])]),
    )]);
    let (model, _) = catalog_of(dir.path());
    assert_eq!(
        auth_spec(connector(&model, "my_source"), "OAuth").patch_name,
        "OAuthPatch"
    );
    let rendered = render_of(dir.path());
    let module = &rendered.files["my_source.rs"];
    assert!(module.contains("pub struct OAuthPatch {"), "{module}");
    assert!(
        module.contains("impl __rt::From<OAuthPatch> for __rt::Patch"),
        "{module}"
    );
    // `~` is escaped before `/`, so `a/b~c` is `a~1b~0c`, not `a~01b~0c`.
    assert!(
        module.contains(r#"replace_param("/auth/params/a~1b~0c", value, false)"#),
        "{module}"
    );
    assert!(
        module.contains(r#"replace_param("/auth/params/token", value, true)"#),
        "{module}"
    );
    assert!(
        module.contains(r#"replace_param("/auth/params/port", value, false)"#),
        "{module}"
    );
    // An object is replaced whole, and hidden from `Debug` (it may hold secrets).
    assert!(
        module.contains(r#"replace_param("/auth/params/override", value, true)"#),
        "{module}"
    );
    assert!(module.contains("the whole object at once"), "{module}");
    // Setters take what the builder's setters take.
    assert!(
        module.contains("pub fn token(self, value: impl __rt::Into<__rt::SecretString>) -> Self"),
        "{module}"
    );
    assert!(
        module.contains("pub fn port(self, value: impl __rt::Into<i64>) -> Self"),
        "{module}"
    );
}
