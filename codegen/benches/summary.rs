//! The closing table of the `generate` benchmark: reads the estimates criterion wrote during this
//! run and prints ns per connector, the ratio to the `serde_json` floor, and how cost grows.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::Value;

/// Criterion's output directory, found the way criterion finds it: `$CRITERION_HOME`, else
/// `criterion/` in `$CARGO_TARGET_DIR` or in the target directory `cargo metadata` reports.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).or_else(|| {
        let cargo = std::env::var_os("CARGO")?;
        let output = std::process::Command::new(cargo)
            .args(["metadata", "--format-version", "1", "--no-deps"])
            .output()
            .ok()?;
        let metadata: Value = serde_json::from_slice(&output.stdout).ok()?;
        metadata["target_directory"].as_str().map(PathBuf::from)
    });
    target.unwrap_or_else(|| PathBuf::from("target")).join("criterion")
}

/// The typical time (slope, else mean) in ns of benchmark `id`, if it was measured since `since`.
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

/// How many connectors one iteration of benchmark `id` handles (its `Elements` throughput).
fn connectors(dir: &Path, id: &str) -> Option<f64> {
    let file = dir.join(id).join("new/benchmark.json");
    let benchmark: Value = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    benchmark["throughput"]["Elements"].as_f64()
}

fn millis(nanos: f64) -> String {
    format!("{:.2} ms", nanos / 1e6)
}

/// Prints the table for what was measured since `started` (nothing in `--test` mode or when a
/// filter left every row out).
pub fn print(started: SystemTime, series: &[(&str, &[usize])]) {
    let dir = criterion_dir();
    let mut rows = vec![(
        "specs/".to_owned(),
        "catalog/render".to_owned(),
        "catalog/floor_serde_json".to_owned(),
    )];
    for (group, sizes) in series {
        rows.extend(sizes.iter().map(|size| {
            (
                format!("{group} {size}"),
                format!("{group}/render/{size}"),
                format!("{group}/floor_serde_json/{size}"),
            )
        }));
    }
    let mut lines = Vec::new();
    for (name, render, floor) in &rows {
        let (Some(time), Some(count)) = (nanos(&dir, render, started), connectors(&dir, render)) else {
            continue;
        };
        let floor = nanos(&dir, floor, started);
        lines.push(format!(
            "{name:<22} {count:>6} {:>12} {:>14.0} {:>12} {:>8}",
            millis(time),
            time / count,
            floor.map_or("-".to_owned(), millis),
            floor.map_or("-".to_owned(), |floor| format!("{:.1}x", time / floor)),
        ));
    }
    for id in ["catalog/render_from_disk", "catalog/generate_unchanged"] {
        if let Some(time) = nanos(&dir, id, started) {
            lines.push(format!("{id:<36} {}", millis(time)));
        }
    }
    for (group, sizes) in series {
        let [.., small, large] = sizes else { continue };
        let growth = |id: &str| {
            let small = nanos(&dir, &format!("{group}/{id}/{small}"), started)?;
            let large = nanos(&dir, &format!("{group}/{id}/{large}"), started)?;
            Some(large / small)
        };
        if let Some(render) = growth("render") {
            let floor = growth("floor_serde_json").map_or("-".to_owned(), |floor| format!("{floor:.2}x"));
            lines.push(format!(
                "{group} growth {small} -> {large} connectors ({:.1}x): render {render:.2}x, floor {floor}",
                *large as f64 / *small as f64
            ));
        }
    }
    if lines.is_empty() {
        return;
    }
    println!(
        "\n{:<22} {:>6} {:>12} {:>14} {:>12} {:>8}",
        "catalog", "conns", "render", "ns/connector", "floor", "ratio"
    );
    for line in lines {
        println!("{line}");
    }
}
