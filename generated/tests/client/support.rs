//! A stand-in for Adobe IMS and Flow Service on 127.0.0.1 (wiremock), clients pointed at it, and
//! the secrets every test uses, with a capture of all tracing output to prove none leaks.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use flow_connectors::client::{FlowClient, FlowClientBuilder, ImsCredentials, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The base path of Flow Service on the stand-in, as on the real host.
pub const BASE_PATH: &str = "/data/foundation/flowservice";
pub const CLIENT_ID: &str = "test-client-id";
pub const ORG_ID: &str = "0123456789ABCDEF@AdobeOrg";
pub const SANDBOX: &str = "prod";

/// Every secret of the suite: none may appear in any captured trace, `Debug` or error.
pub const CLIENT_SECRET: &str = "p8e-CLIENT-SECRET-never-shown";
pub const TOKEN: &str = "eyJ-ACCESS-TOKEN-one-never-shown";
pub const TOKEN_2: &str = "eyJ-ACCESS-TOKEN-two-never-shown";
pub const PASSWORD: &str = "PASSWORD-param-never-shown";
pub const ECHOED_SECRET: &str = "ECHOED-secret-param-never-shown";
pub const SECRETS: [&str; 5] = [CLIENT_SECRET, TOKEN, TOKEN_2, PASSWORD, ECHOED_SECRET];

/// What every tracing event and span of the suite wrote.
fn captured() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Arc::new(Mutex::new(Vec::new()));
        let writer = Capture(Arc::clone(&log));
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one subscriber for the suite");
        log
    })
}

#[derive(Clone)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The tracing output so far (installing the capture on first use).
pub fn trace_log() -> String {
    String::from_utf8_lossy(&captured().lock().unwrap()).into_owned()
}

/// Fails naming the secret if `text` contains one.
#[track_caller]
pub fn assert_no_secret(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows the secret {secret}:\n{text}");
    }
}

/// Checks an error's `Display` and `Debug`, and the whole trace so far.
#[track_caller]
pub fn assert_clean_error(error: &dyn std::fmt::Debug) {
    assert_no_secret("an error's Debug", &format!("{error:?}"));
    assert_no_secret("the captured trace", &trace_log());
}

/// A stand-in server with IMS answering `TOKEN` (valid for a day). When the test that made it
/// ends (without a panic of its own), the whole trace so far is checked for secrets: every test
/// that uses a server checks the trace, whichever order the tests run in.
pub async fn server() -> Server {
    captured();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/ims/token/v3"))
        .respond_with(token_answer(TOKEN, 86_399))
        .mount(&server)
        .await;
    Server(server)
}

/// A [`MockServer`] that checks the captured trace for secrets when dropped.
pub struct Server(MockServer);

impl std::ops::Deref for Server {
    type Target = MockServer;

    fn deref(&self) -> &MockServer {
        &self.0
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            assert_no_secret("the captured trace", &trace_log());
        }
    }
}

/// IMS's answer with `token`, valid `expires_in` seconds.
pub fn token_answer(token: &str, expires_in: u64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "access_token": token, "token_type": "bearer", "expires_in": expires_in
    }))
}

/// A reqwest client without the pool's idle timer: with a paused clock, tokio jumps to the next
/// timer whenever it waits for the server, and that timer would move the clock 90 s at a time.
pub fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .pool_idle_timeout(None)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A client builder for `server`: IMS credentials, no timeouts (with a paused clock, a timeout
/// would fire while the server answers, for the same reason), fast retries without jitter.
pub fn builder(server: &MockServer) -> FlowClientBuilder {
    FlowClient::builder()
        .http_client(http())
        .credentials(ImsCredentials::new(CLIENT_ID, CLIENT_SECRET).scopes(["openid", "AdobeID"]))
        .org_id(ORG_ID)
        .sandbox_name(SANDBOX)
        .base_url(format!("{}{BASE_PATH}", server.uri()))
        .ims_url(server.uri())
        .no_timeouts()
        .retry_policy(
            RetryPolicy::new()
                .initial_delay(std::time::Duration::from_millis(10))
                .without_jitter(),
        )
}

pub fn client(server: &MockServer) -> FlowClient {
    builder(server).build().unwrap()
}

/// `BASE_PATH` + `rest`.
pub fn flow(rest: &str) -> String {
    format!("{BASE_PATH}{rest}")
}

/// How many requests the server saw at `path` (any method).
pub async fn hits(server: &MockServer, at: &str) -> usize {
    let requests = server.received_requests().await.unwrap();
    requests.iter().filter(|request| request.url.path() == at).count()
}

/// A mock of `verb` at `BASE_PATH` + `at` that matches only with every Flow Service header (the
/// token from IMS, the API key, org and sandbox) and `Accept: application/json`.
pub fn authed(verb: &str, at: &str) -> wiremock::MockBuilder {
    use wiremock::matchers::header;
    Mock::given(method(verb))
        .and(path(flow(at)))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(header("x-api-key", CLIENT_ID))
        .and(header("x-gw-ims-org-id", ORG_ID))
        .and(header("x-sandbox-name", SANDBOX))
        .and(header("accept", "application/json"))
}

/// Server fields as Flow Service adds them to every item it returns.
pub fn server_fields(id: &str, etag: &str) -> serde_json::Value {
    json!({
        "id": id,
        "createdAt": 1_597_973_312_000_i64,
        "updatedAt": 1_597_973_315_000_i64,
        "createdBy": "acme@AdobeID",
        "updatedBy": "acme@AdobeID",
        "createdClient": CLIENT_ID,
        "updatedClient": CLIENT_ID,
        "sandboxId": "d537df80-c5d7-11e9-aafb-87c71c35cac8",
        "sandboxName": SANDBOX,
        "imsOrgId": ORG_ID,
        "state": "enabled",
        "version": etag,
        "etag": etag
    })
}

/// `fields` merged over `server_fields(id, etag)`: an item as the service returns it.
pub fn returned(id: &str, etag: &str, fields: serde_json::Value) -> serde_json::Value {
    let mut item = server_fields(id, etag);
    for (key, value) in fields.as_object().expect("an object").clone() {
        item[key] = value;
    }
    item
}

/// A page of a listing: `items`, and a `_links.next.href` when `next` is set.
pub fn page(items: Vec<serde_json::Value>, next: Option<&str>) -> ResponseTemplate {
    let mut body = json!({"items": items});
    if let Some(next) = next {
        body["_links"] = json!({"next": {"href": next}});
    }
    ResponseTemplate::new(200).set_body_json(body)
}
