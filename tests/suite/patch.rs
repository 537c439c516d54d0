//! The typed JSON Patch of `PATCH /connections/{id}`: byte-exact bodies for several connectors
//! (lowercase ops, one array, JSON Pointer paths by wire name), the documented update body, and
//! secrets kept out of `Debug`.

use flow_connectors::generic_rest_api::{AuthenticationMethod, OAuth2RefreshCodePatch, RequestParameterOverride};
use flow_connectors::mysql::{BasicAuthenticationPatch as MysqlPatch, SslMode};
use flow_connectors::phoenix::BasicAuthenticationPatch as PhoenixPatch;
use flow_connectors::salesforce_service_cloud::{BasicAuthentication as SalesforceAuth, BasicAuthenticationPatch};
use flow_connectors::{Patch, PatchOp};
use serde_json::json;

const PASSWORD: &str = "pa55-w0rd-never-printed";
const TOKEN: &str = "security-token-never-printed";

fn body(patch: impl Into<Patch>) -> String {
    String::from_utf8(patch.into().to_json_bytes().expect("serializes")).expect("UTF-8")
}

#[test]
fn one_param_name_and_description() {
    let patch = MysqlPatch::new()
        .password("n3w")
        .name("Orders")
        .description("Nightly orders");
    assert_eq!(
        body(patch),
        r#"[{"op":"replace","path":"/auth/params/password","value":"n3w"},{"op":"replace","path":"/name","value":"Orders"},{"op":"add","path":"/description","value":"Nightly orders"}]"#
    );
}

#[test]
fn values_keep_their_types() {
    let patch = PhoenixPatch::new().port(8765).enable_ssl(true).http_path("/gateway");
    assert_eq!(
        body(patch),
        r#"[{"op":"replace","path":"/auth/params/port","value":8765},{"op":"replace","path":"/auth/params/enableSsl","value":true},{"op":"replace","path":"/auth/params/httpPath","value":"/gateway"}]"#
    );
    // An enum is sent as its exact wire value.
    assert_eq!(
        body(MysqlPatch::new().ssl_mode(SslMode::VerifyIdentity)),
        r#"[{"op":"replace","path":"/auth/params/sslMode","value":"Verify Identity"}]"#
    );
}

#[test]
fn an_object_param_is_replaced_whole() {
    let inner = RequestParameterOverride::builder()
        .authentication_method(AuthenticationMethod::Post)
        .client_secret("client_secret")
        .build()
        .expect("no pattern");
    let patch = OAuth2RefreshCodePatch::new().request_parameter_override(inner);
    assert_eq!(
        body(patch.clone()),
        r#"[{"op":"replace","path":"/auth/params/requestParameterOverride","value":{"authenticationMethod":"POST","clientSecret":"client_secret"}}]"#
    );
    // Objects may hold secrets: `Debug` hides them whole.
    let shown = format!("{patch:?}");
    assert!(
        shown.contains("/auth/params/requestParameterOverride") && shown.contains("[REDACTED]"),
        "{shown}"
    );
    assert!(!shown.contains("POST"), "{shown}");
}

/// The update tutorial's body (`help/sources/tutorials/api/update.md`, as transcribed in
/// `corpus-workflow/advertising--linkedin-ads/workflow.json`): new Salesforce-style credentials
/// as a whole `auth.params`, a new name, and a description.
#[test]
fn the_documented_update_body() {
    let auth = SalesforceAuth::builder()
        .username("username")
        .password("{NEW_PASSWORD}")
        .security_token("{NEW_SECURITY_TOKEN}")
        .build()
        .expect("no pattern");
    let patch = BasicAuthenticationPatch::new()
        .params(auth)
        .name("Test connection")
        .description("A test connection");
    let documented = json!([
        {"op": "replace", "path": "/auth/params", "value": {
            "username": "username", "password": "{NEW_PASSWORD}", "securityToken": "{NEW_SECURITY_TOKEN}"
        }},
        {"op": "replace", "path": "/name", "value": "Test connection"},
        {"op": "add", "path": "/description", "value": "A test connection"}
    ]);
    let sent = body(patch);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&sent).expect("JSON"),
        documented
    );
    assert_eq!(
        sent,
        r#"[{"op":"replace","path":"/auth/params","value":{"username":"username","password":"{NEW_PASSWORD}","securityToken":"{NEW_SECURITY_TOKEN}"}},{"op":"replace","path":"/name","value":"Test connection"},{"op":"add","path":"/description","value":"A test connection"}]"#
    );
}

#[test]
fn debug_never_shows_a_secret() {
    let auth = SalesforceAuth::builder()
        .username("integration")
        .password(PASSWORD)
        .security_token(TOKEN)
        .build()
        .expect("no pattern");
    let typed = BasicAuthenticationPatch::new()
        .password(PASSWORD)
        .security_token(TOKEN)
        .username("integration-2")
        .params(auth)
        .name("Renamed");
    let patch: Patch = typed.clone().into();
    for shown in [
        format!("{typed:?}"),
        format!("{typed:#?}"),
        format!("{patch:?}"),
        format!("{:?}", patch.operations()),
    ] {
        assert!(
            !shown.contains(PASSWORD) && !shown.contains(TOKEN),
            "secret leaked: {shown}"
        );
        // What changes stays visible: paths, and values that are not secret.
        assert!(
            shown.contains("/auth/params/password") && shown.contains("integration-2"),
            "{shown}"
        );
        assert!(shown.contains("Renamed"), "{shown}");
    }
    let redacted: Vec<(&str, bool)> = patch.operations().iter().map(|o| (o.path(), o.is_redacted())).collect();
    assert_eq!(
        redacted,
        [
            ("/auth/params/password", true),
            ("/auth/params/securityToken", true),
            ("/auth/params/username", false),
            ("/auth/params", true),
            ("/name", false),
        ]
    );
    // The body itself carries the secrets: it is what the service needs.
    let sent = body(patch);
    assert_eq!(sent.matches(PASSWORD).count(), 2, "{sent}");
}

#[test]
fn setting_a_path_again_replaces_the_earlier_operation() {
    let patch: Patch = MysqlPatch::new()
        .server("old.example")
        .port("3306")
        .server("new.example")
        .into();
    assert_eq!(
        body(patch.clone()),
        r#"[{"op":"replace","path":"/auth/params/server","value":"new.example"},{"op":"replace","path":"/auth/params/port","value":"3306"}]"#
    );
    assert_eq!(patch.operations()[0].op(), PatchOp::Replace);
}

#[test]
fn the_runtime_patch_alone() {
    let empty = Patch::new();
    assert!(empty.is_empty());
    assert_eq!(empty.to_json_bytes().expect("serializes"), b"[]");
    let patch = Patch::new()
        .replace_description("quote \" and \\ escaped")
        .replace_name("n");
    assert!(!patch.is_empty());
    assert_eq!(
        body(patch),
        r#"[{"op":"add","path":"/description","value":"quote \" and \\ escaped"},{"op":"replace","path":"/name","value":"n"}]"#
    );
}

#[test]
fn patches_and_fetched_connections_cross_tasks() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<Patch>();
    send_sync::<MysqlPatch>();
    send_sync::<flow_connectors::Connection<flow_connectors::AnyConnection>>();
}
