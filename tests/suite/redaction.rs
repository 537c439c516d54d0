//! Secrets never show in `Debug` or `Display`: params, builders at every stage, requests, the
//! request context, the HTTP request, and errors.

use flow_connectors::azure_data_explorer::ServicePrincipalBasedAuthentication;
use flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnline;
use flow_connectors::{AnyConnection, CreateConnection, ExposeSecret, RequestContext};
use serde_json::json;

const PASSWORD: &str = "pa55-w0rd-never-printed";
const KEY: &str = "sp-key-never-printed";
const TOKEN: &str = "ims-token-never-printed";

fn assert_hidden(text: &str) {
    for secret in [PASSWORD, KEY, TOKEN] {
        assert!(!text.contains(secret), "secret leaked into: {text}");
    }
}

fn context() -> RequestContext {
    RequestContext::builder()
        .access_token(TOKEN)
        .api_key("api-key")
        .org_id("ORG@AdobeOrg")
        .sandbox_name("prod")
        .build()
        .expect("complete context")
}

#[test]
fn params_builders_and_requests_redact_secrets() {
    let builder = BasicAuthenticationForDynamicsOnline::builder().password(PASSWORD);
    assert_hidden(&format!("{builder:?}"));
    let builder = builder.service_uri("https://x.example").username("user");
    assert_hidden(&format!("{builder:?} {builder:#?}"));
    let params = builder.build().expect("complete");
    assert_hidden(&format!("{params:?} {params:#?}"));
    assert_eq!(params.password.expose_secret(), PASSWORD);
    let request = CreateConnection::new("c", params);
    assert_hidden(&format!("{request:?}"));
    let any = AnyConnection::from(request.clone());
    assert_hidden(&format!("{any:?}"));

    let adx = ServicePrincipalBasedAuthentication::builder()
        .endpoint("e")
        .database("d")
        .tenant("t")
        .service_principal_id("id")
        .service_principal_key(KEY);
    assert_hidden(&format!("{adx:?}"));
    assert_hidden(&format!("{:?}", adx.build().expect("complete")));

    // The body itself must carry the secret: it is what the service needs.
    let body = String::from_utf8(request.to_json_bytes().expect("serializes")).expect("utf-8");
    assert!(body.contains(PASSWORD));
}

fn dynamics_params() -> BasicAuthenticationForDynamicsOnline {
    BasicAuthenticationForDynamicsOnline::builder()
        .service_uri("https://x.example")
        .username("user")
        .password(PASSWORD)
        .build()
        .expect("complete")
}

#[test]
fn context_and_http_request_redact_the_token() {
    let context = context();
    assert_hidden(&format!("{context:?} {context:#?}"));
    let builder = RequestContext::builder().access_token(TOKEN);
    assert_hidden(&format!("{builder:?}"));

    let request = CreateConnection::new("c", dynamics_params())
        .to_http_request(&context)
        .expect("valid request");
    let shown = format!("{:?}", request.headers());
    assert_hidden(&shown);
    assert!(request.headers()["authorization"].is_sensitive());

    // A token HTTP cannot carry is refused, and the error names the header, not the token.
    let broken = RequestContext::builder()
        .access_token(format!("{TOKEN}\r\nX-Injected: 1"))
        .api_key("api-key")
        .org_id("ORG@AdobeOrg")
        .sandbox_name("prod")
        .build()
        .expect("complete context");
    assert_hidden(&format!("{broken:?}"));
    let error = CreateConnection::new("c", dynamics_params())
        .to_http_request(&broken)
        .expect_err("line break in a header");
    assert_hidden(&format!("{error} {error:?}"));
    assert!(error.to_string().contains("Authorization"), "{error}");
}

#[test]
fn decode_errors_never_carry_values() {
    let body = json!({
        "name": "c",
        "auth": {"specName": "Basic Authentication for Dynamics-Online", "params": {
            "serviceUri": "u", "username": "n", "password": 42, "secretish": PASSWORD
        }},
        "connectionSpec": {"id": "38ad80fe-8b06-4938-94f4-d4ee80266b07", "version": "1.0"}
    });
    let error = serde_json::from_value::<AnyConnection>(body).expect_err("mistyped");
    assert_hidden(&format!("{error} {error:?}"));
    let raw: flow_connectors::RawConnection = serde_json::from_value(json!({
        "name": "c",
        "auth": {"specName": "x", "params": {"password": PASSWORD}},
        "connectionSpec": {"id": "y", "version": "1.0"}
    }))
    .expect("envelope");
    assert_hidden(&format!("{raw:?}"));
}

#[test]
fn a_body_of_the_wrong_shape_is_refused_without_quoting_it() {
    // serde's derived errors quote the value they reject: a connection string (with its password)
    // sent where `auth.params` belongs, or as the whole `auth`, must not come back in the error.
    let connection_string = format!("Server=db.example;UID=app;PWD={PASSWORD}");
    for body in [
        json!({"name": "c", "auth": {"specName": "x", "params": connection_string},
               "connectionSpec": {"id": "y", "version": "1.0"}}),
        json!({"name": "c", "auth": connection_string, "connectionSpec": {"id": "y", "version": "1.0"}}),
        json!({"name": connection_string, "connectionSpec": {"id": "y", "version": "1.0"}, "extra": PASSWORD}),
    ] {
        let text = body.to_string();
        let raw = serde_json::from_str::<flow_connectors::RawConnection>(&text).expect_err("wrong shape");
        assert_hidden(&format!("{raw} {raw:?}"));
        let any = serde_json::from_str::<AnyConnection>(&text).expect_err("wrong shape");
        assert_hidden(&format!("{any} {any:?}"));
    }
}

pub(crate) mod whole_catalog {
    //! Every auth spec of the catalog, driven by the runtime catalog: a body whose secrets
    //! (nested and in arrays included) are recognisable markers is read into its generated type,
    //! which must show none of them, while the body it writes back carries all of them. Then
    //! each secret is made invalid in turn, and the error must not show it either.

    use flow_connectors::{AnyConnection, ParamInfo, ParamType, catalog};
    use serde_json::{Map, Value, json};

    pub(crate) const MARK: &str = "s3cret-marker";

    /// A valid-looking value of type `param_type`; strings of secrets are markers numbered by `counter`.
    fn value(param_type: &ParamType, secret: bool, counter: &mut usize) -> Value {
        match param_type {
            ParamType::String if secret => {
                *counter += 1;
                Value::String(format!("{MARK}-{counter}"))
            }
            ParamType::String => Value::String("plain".into()),
            ParamType::Integer => json!(7),
            ParamType::Number => json!(1.5),
            ParamType::Boolean => json!(true),
            ParamType::Enum(values) => json!(values[0]),
            ParamType::Array(item) => json!([value(item, secret, counter)]),
            ParamType::Object(params) => Value::Object(object(params, counter)),
            ParamType::JsonObject => json!({"any": "member"}),
            ParamType::Column => json!({"name": "id", "type": "string"}),
            other => panic!("no sample value for the param type {other:?}"),
        }
    }

    pub(crate) fn object(params: &[ParamInfo], counter: &mut usize) -> Map<String, Value> {
        params
            .iter()
            .map(|param| {
                (
                    param.wire_name.to_owned(),
                    value(&param.param_type, param.secret, counter),
                )
            })
            .collect()
    }

    /// Paths (as key lists) to every secret string param, nested ones included.
    fn secret_paths(params: &[ParamInfo], prefix: &[&'static str], out: &mut Vec<Vec<&'static str>>) {
        for param in params {
            let mut path = prefix.to_vec();
            path.push(param.wire_name);
            match param.param_type {
                ParamType::Object(nested) => secret_paths(nested, &path, out),
                ParamType::String if param.secret => out.push(path),
                _ => {}
            }
        }
    }

    fn at<'a>(value: &'a mut Value, path: &[&str]) -> &'a mut Value {
        path.iter().fold(value, |v, key| &mut v[*key])
    }

    #[test]
    fn every_auth_spec_redacts_its_secrets_in_values_and_errors() {
        let (mut checked, mut secrets) = (0, 0);
        for connector in catalog().connectors() {
            for auth in connector.auth_specs {
                let mut counter = 0;
                let body = json!({
                    "name": "redaction",
                    "auth": {"specName": auth.name, "params": object(auth.params, &mut counter)},
                    "connectionSpec": {"id": connector.spec_id, "version": connector.version}
                });
                let shown = match serde_json::from_value::<AnyConnection>(body.clone()) {
                    Ok(decoded) => {
                        let written = serde_json::to_string(&decoded).expect("serializes");
                        assert_eq!(written.matches(MARK).count(), counter, "{}: secrets lost", auth.name);
                        format!("{decoded:?} {decoded:#?}")
                    }
                    // Only a pattern can reject these values: the error must not show them either.
                    Err(error) => {
                        assert!(error.to_string().contains("pattern"), "{}: {error}", auth.name);
                        format!("{error} {error:?}")
                    }
                };
                assert!(
                    !shown.contains(MARK),
                    "{} / {} leaked: {shown}",
                    connector.name,
                    auth.name
                );

                let mut paths = Vec::new();
                secret_paths(auth.params, &["auth", "params"], &mut paths);
                for path in paths {
                    // The secret where a number belongs, then where an array belongs: both rejected,
                    // neither echoed.
                    for wrong in [
                        json!([format!("{MARK}-wrong")]),
                        json!({"nested": format!("{MARK}-wrong")}),
                    ] {
                        let mut bad = body.clone();
                        *at(&mut bad, &path) = wrong;
                        let error = serde_json::from_value::<AnyConnection>(bad).expect_err("mistyped secret");
                        let shown = format!("{error} {error:?}");
                        assert!(!shown.contains(MARK), "{path:?} leaked: {shown}");
                    }
                    secrets += 1;
                }
                // An unknown param holding a secret: rejected by name, value not shown.
                let mut extra = body.clone();
                extra["auth"]["params"]["notAParam"] = json!(format!("{MARK}-extra"));
                let error = serde_json::from_value::<AnyConnection>(extra).expect_err("unknown param");
                assert!(!format!("{error} {error:?}").contains(MARK), "{error}");
                checked += 1;
            }
        }
        assert!(checked >= 59, "{checked} auth specs checked");
        assert!(secrets >= 40, "{secrets} secrets checked");
    }
}
