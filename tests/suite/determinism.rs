//! Same specs -> same bytes: across runs, file order, file names and file grouping.

use std::collections::BTreeMap;
use std::path::Path;

use flow_codegen::Config;

use crate::common::{spec_files, specs_dir};

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
    assert_eq!(render(Config::new().spec_file(&path)), reference);
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
