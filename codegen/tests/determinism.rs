//! Same specs -> same bytes: across runs, file order, file names and file grouping.

use std::collections::BTreeMap;
use std::path::Path;

use flow_codegen::Config;
use specs::{copy_flow_specs, flow_spec_files, spec_files, specs_dir};

#[path = "support/specs.rs"]
mod specs;

fn render(config: Config) -> BTreeMap<String, String> {
    config.out_dir("unused").render().expect("valid specs").files
}

#[test]
fn generating_twice_gives_identical_bytes() {
    let first = render(Config::new().spec_dir(specs_dir()));
    let second = render(Config::new().spec_dir(specs_dir()));
    assert!(!first.is_empty());
    assert_eq!(first, second);
}

#[test]
fn output_does_not_depend_on_file_order_names_or_grouping() {
    let reference = render(Config::new().spec_dir(specs_dir()));
    let files = spec_files();

    // Reversed, renamed copies: the first file sorts last now.
    let renamed = tempfile::tempdir().expect("temp dir");
    for (index, file) in files.iter().rev().enumerate() {
        std::fs::copy(file, renamed.path().join(format!("{index:02}-copy.json"))).expect("copy");
    }
    copy_flow_specs(renamed.path());
    assert_eq!(render(Config::new().spec_dir(renamed.path())), reference);

    // All specs in one file, as the API's `{"items": [...]}` envelope, in reverse order.
    let items: Vec<serde_json::Value> = files
        .iter()
        .rev()
        .map(|file| serde_json::from_str(&std::fs::read_to_string(file).expect("read")).expect("JSON"))
        .collect();
    let grouped = tempfile::tempdir().expect("temp dir");
    let path = grouped.path().join("all.json");
    std::fs::write(
        &path,
        serde_json::to_string(&serde_json::json!({ "items": items })).expect("JSON"),
    )
    .expect("write");
    let flows = flow_spec_files()
        .into_iter()
        .rev()
        .fold(Config::new().spec_file(&path), |config, flow| {
            config.flow_spec_file(flow)
        });
    assert_eq!(render(flows), reference);
}

#[test]
fn generate_writes_only_changed_files() {
    let out = tempfile::tempdir().expect("temp dir");
    let config = Config::new().spec_dir(specs_dir()).out_dir(out.path());
    let first = config.generate().expect("generates");
    assert_eq!(first.summary.written.len(), first.rendered.files.len());
    let mtimes = |dir: &Path| -> Vec<_> {
        first
            .rendered
            .files
            .keys()
            .map(|name| {
                std::fs::metadata(dir.join(name))
                    .expect("exists")
                    .modified()
                    .expect("mtime")
            })
            .collect()
    };
    let before = mtimes(out.path());
    let second = config.generate().expect("generates");
    assert!(second.summary.written.is_empty(), "{:?}", second.summary);
    assert_eq!(second.summary.unchanged.len(), first.rendered.files.len());
    assert_eq!(mtimes(out.path()), before);
    let (_, drift) = config.check().expect("checks");
    assert!(drift.is_empty(), "{drift:?}");
}

/// A small deterministic shuffle (splitmix64), so a failure names the seed that found it.
fn shuffled<T>(mut items: Vec<T>, seed: u64) -> Vec<T> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
    items
}

#[test]
fn output_does_not_depend_on_shuffled_order_directories_or_grouping() {
    let reference = render(Config::new().spec_dir(specs_dir()));
    for seed in [1_u64, 7, 2026] {
        // Shuffled files under made-up names, spread over nested directories, some of them
        // grouped into one array file.
        let dir = tempfile::tempdir().expect("temp dir");
        let files = shuffled(spec_files(), seed);
        let (grouped, single) = files.split_at(files.len() / 4);
        for (index, file) in single.iter().enumerate() {
            let sub = dir
                .path()
                .join(format!("group-{}", index % 3))
                .join(format!("z{}", index % 2));
            std::fs::create_dir_all(&sub).expect("mkdir");
            std::fs::copy(
                file,
                sub.join(format!("{:x}.json", seed.wrapping_mul(index as u64 + 1))),
            )
            .expect("copy");
        }
        let array: Vec<serde_json::Value> = grouped
            .iter()
            .map(|file| serde_json::from_str(&std::fs::read_to_string(file).expect("read")).expect("JSON"))
            .collect();
        std::fs::write(
            dir.path().join("0-grouped.json"),
            serde_json::to_string_pretty(&array).expect("JSON"),
        )
        .expect("write");
        copy_flow_specs(dir.path());
        assert_eq!(render(Config::new().spec_dir(dir.path())), reference, "seed {seed}");
    }
}
