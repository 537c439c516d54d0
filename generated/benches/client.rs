//! The client's own cost per call: `FlowClient::test` (token from the cache, headers, span,
//! retry bookkeeping, answer read) next to a bare `reqwest` call doing the same request against
//! the same local server (wiremock on 127.0.0.1), measured in the same run. The closing line is
//! the ratio of the two (the floor is the bare call).
//!
//! `cargo bench -p flow-connectors --features client --bench client`

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use criterion::Criterion;
use flow_connectors::client::{FlowClient, ImsCredentials};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "bench-access-token";

fn main() {
    let started = SystemTime::now();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let server = runtime.block_on(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/ims/token/v3"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "access_token": TOKEN, "token_type": "bearer", "expires_in": 86399
            })))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/connections/c1/test"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": true})))
            .mount(&server)
            .await;
        server
    });
    let client = FlowClient::builder()
        .credentials(ImsCredentials::new("bench-client", "bench-secret"))
        .org_id("BENCH@AdobeOrg")
        .sandbox_name("prod")
        .base_url(server.uri())
        .ims_url(server.uri())
        .build()
        .unwrap();
    // Built after the client, which chose the TLS provider: the same settings as its own.
    let bare = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let url = format!("{}/connections/c1/test", server.uri());
    runtime.block_on(async { assert!(client.test("c1").await.unwrap()) });

    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group("client");
    group.bench_function("bare_reqwest", |b| {
        b.to_async(&runtime).iter(|| async {
            let answer = bare
                .get(&url)
                .bearer_auth(TOKEN)
                .header("x-api-key", "bench-client")
                .header("x-gw-ims-org-id", "BENCH@AdobeOrg")
                .header("x-sandbox-name", "prod")
                .header("accept", "application/json")
                .timeout(Duration::from_secs(60))
                .send()
                .await
                .unwrap();
            assert!(answer.status().is_success());
            let body: Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
            assert_eq!(body["result"], true);
        });
    });
    group.bench_function("flow_client", |b| {
        b.to_async(&runtime)
            .iter(|| async { assert!(client.test("c1").await.unwrap()) });
    });
    group.finish();
    criterion.final_summary();

    let dir = criterion_dir();
    if let (Some(bare), Some(client)) = (
        nanos(&dir, "client/bare_reqwest", started),
        nanos(&dir, "client/flow_client", started),
    ) {
        println!(
            "per call: bare reqwest {:.1} µs, FlowClient {:.1} µs, ratio {:.3} (FlowClient / bare)",
            bare / 1e3,
            client / 1e3,
            client / bare
        );
    }
}

/// Criterion's output directory: `$CRITERION_HOME`, else `criterion/` in the target directory.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).or_else(|| {
        let output = std::process::Command::new(std::env::var_os("CARGO")?)
            .args(["metadata", "--format-version", "1", "--no-deps"])
            .output()
            .ok()?;
        let metadata: Value = serde_json::from_slice(&output.stdout).ok()?;
        metadata["target_directory"].as_str().map(PathBuf::from)
    });
    target.unwrap_or_else(|| PathBuf::from("target")).join("criterion")
}

/// The typical time (slope, else mean) in ns of benchmark `id`, if measured since `since`.
fn nanos(dir: &Path, id: &str, since: SystemTime) -> Option<f64> {
    let file = dir.join(id).join("new/estimates.json");
    let modified = std::fs::metadata(&file).and_then(|meta| meta.modified()).ok()?;
    if modified < since {
        return None;
    }
    let estimates: Value = serde_json::from_slice(&std::fs::read(&file).ok()?).ok()?;
    let typical = if estimates["slope"].is_null() {
        &estimates["mean"]
    } else {
        &estimates["slope"]
    };
    typical["point_estimate"].as_f64()
}
