//! Generation throughput: parse + lower + emit + format (`Config::render`) of the real `specs/`
//! catalog and of synthetic catalogs of 100, 1,000 and 5,000 connectors in the realistic mix
//! (`synthetic/`), and of 1,000 and 5,000 in the uniform stress mix (`synthetic-uniform/`, three
//! times the params), each next to its floor: `serde_json` parsing the same bytes into
//! `serde_json::Value`.
//!
//! Specs are handed to the generator from memory (`Config::spec_source`), so the numbers hold no
//! disk I/O; `catalog/render_from_disk` and `catalog/generate_unchanged` show what reading
//! `specs/` and comparing with existing output add (what a build script pays). Run with
//! `cargo bench -p flow-codegen --bench generate`; a summary table (ns per connector, ratio to the
//! floor, growth from 1,000 to 5,000 connectors) is printed at the end.

#[path = "../tests/support/specs.rs"]
mod specs;
mod summary;
mod synthetic;

/// The command-line tool's allocator (see `src/main.rs`), so that the numbers are the tool's;
/// `--no-default-features` measures the system allocator, which a build script gets by default.
#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use flow_codegen::Config;

/// The synthetic catalog sizes, in the realistic mix (the targets are stated for these).
const SIZES: [usize; 3] = [100, 1_000, 5_000];

/// The sizes of the uniform (stress) mix: three times the params per connector.
const UNIFORM_SIZES: [usize; 2] = [1_000, 5_000];

/// Every `*.json` file of `specs/`, read once.
fn real_catalog() -> Vec<(PathBuf, Vec<u8>)> {
    specs::spec_files()
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("spec file is readable");
            (path, bytes)
        })
        .collect()
}

/// A configuration that renders `sources` from memory.
fn in_memory(sources: &[(PathBuf, Vec<u8>)]) -> Config {
    sources.iter().fold(Config::new(), |config, (path, bytes)| {
        config.spec_source(path, bytes.clone())
    })
}

/// Checks that `config` renders `connectors` connectors with `warnings` warnings, so that the
/// benchmark measures the success path.
fn check(config: &Config, connectors: usize, warnings: usize) {
    let rendered = config.render().expect("the catalog renders");
    assert_eq!(rendered.connector_count(), connectors, "every spec becomes a connector");
    assert_eq!(
        rendered.warning_report().warning_count(),
        warnings,
        "the expected warnings"
    );
}

/// The floor: parsing every file's bytes into `serde_json::Value`.
fn parse_json(sources: &[(PathBuf, Vec<u8>)]) {
    for (_, bytes) in sources {
        black_box(serde_json::from_slice::<serde_json::Value>(bytes).expect("valid JSON"));
    }
}

fn bench_real_catalog(criterion: &mut Criterion) {
    let sources = real_catalog();
    let from_disk = Config::new().spec_dir(specs::specs_dir());
    let expected = from_disk.render().expect("specs/ renders");
    let connectors = expected.connector_count();
    let config = in_memory(&sources);
    check(&config, connectors, expected.warning_report().warning_count());

    let mut group = criterion.benchmark_group("catalog");
    group.throughput(Throughput::Elements(connectors as u64));
    group.bench_function("render", |b| b.iter(|| config.render().expect("renders")));
    group.bench_function("floor_serde_json", |b| b.iter(|| parse_json(&sources)));
    group.bench_function("render_from_disk", |b| b.iter(|| from_disk.render().expect("renders")));
    let out = tempfile::tempdir().expect("temporary directory");
    let generate = from_disk.out_dir(out.path());
    generate.generate().expect("first generation");
    group.bench_function("generate_unchanged", |b| {
        b.iter(|| {
            let generated = generate.generate().expect("generates");
            assert!(
                generated.summary.written.is_empty(),
                "nothing changed, so nothing is written"
            );
        })
    });
    group.finish();
}

fn bench_synthetic(criterion: &mut Criterion, name: &str, mix: synthetic::Mix, sizes: &[usize]) {
    let mut group = criterion.benchmark_group(name);
    // Runs of a second or more: equal-sized samples, few of them.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    for &size in sizes {
        let sources: Vec<(PathBuf, Vec<u8>)> = synthetic::catalog(size, mix)
            .into_iter()
            .map(|(name, bytes)| (PathBuf::from("synthetic").join(name), bytes))
            .collect();
        let config = in_memory(&sources);
        group.throughput(Throughput::Elements(size as u64));
        // Checked when first run, not when filtered out (rendering 5,000 connectors takes seconds).
        let checked = std::cell::Cell::new(false);
        group.bench_with_input(BenchmarkId::new("render", size), &config, |b, config| {
            if !checked.replace(true) {
                check(config, size, 0);
            }
            b.iter(|| config.render().expect("renders"))
        });
        group.bench_with_input(BenchmarkId::new("floor_serde_json", size), &sources, |b, sources| {
            b.iter(|| parse_json(sources))
        });
    }
    group.finish();
}

fn main() {
    let started = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    bench_real_catalog(&mut criterion);
    bench_synthetic(&mut criterion, "synthetic", synthetic::Mix::Realistic, &SIZES);
    bench_synthetic(
        &mut criterion,
        "synthetic-uniform",
        synthetic::Mix::Uniform,
        &UNIFORM_SIZES,
    );
    criterion.final_summary();
    summary::print(started, &[("synthetic", &SIZES), ("synthetic-uniform", &UNIFORM_SIZES)]);
}
