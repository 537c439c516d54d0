//! Specs handed over from memory (`Config::spec_source`) and the synthetic catalogs the
//! `generate` benchmark measures.

use std::path::PathBuf;

use flow_codegen::model::ParamType;
use flow_codegen::{Config, Error};

#[path = "support/specs.rs"]
mod specs;
#[path = "../benches/synthetic.rs"]
mod synthetic;

fn spec_file() -> PathBuf {
    specs::specs_dir().join("azure-blob.json")
}

#[test]
fn a_spec_source_renders_like_the_file_it_names_and_is_not_an_input() {
    let file = spec_file();
    let from_disk = Config::new().spec_file(&file).render().expect("renders from disk");
    let bytes = std::fs::read(&file).expect("read spec");
    let from_memory = Config::new()
        .spec_source(&file, bytes)
        .render()
        .expect("renders from memory");
    assert_eq!(from_memory.files, from_disk.files);
    assert_eq!(from_disk.inputs(), std::slice::from_ref(&file));
    assert!(
        from_memory.inputs().is_empty(),
        "nothing was read from disk: {:?}",
        from_memory.inputs()
    );
}

#[test]
fn a_spec_source_replaces_the_file_of_its_path_and_diagnostics_name_that_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("azure-blob.json");
    std::fs::copy(spec_file(), &path).expect("copy spec");
    let broken = b"{\n  \"id\": \"4c10e202-c428-4796-9208-5f1f5732b1cf\",\n  \"name\": 7\n}\n".to_vec();
    match Config::new().spec_dir(dir.path()).spec_source(&path, broken).render() {
        Err(Error::Spec(report)) => {
            let text = report.to_string();
            assert!(
                text.contains(&format!("{}:3:", path.display())),
                "names file and line:\n{text}"
            );
            assert!(
                report
                    .diagnostics
                    .iter()
                    .all(|d| d.file.as_deref() == Some(path.as_path())),
                "{text}"
            );
        }
        other => panic!("the in-memory text replaces the valid file, so this fails: {other:?}"),
    }
}

#[test]
fn synthetic_catalogs_are_valid_deterministic_and_mixed() {
    for mix in [synthetic::Mix::Realistic, synthetic::Mix::Uniform] {
        let count = 40;
        let catalog = synthetic::catalog(count, mix);
        assert_eq!(
            catalog,
            synthetic::catalog(count, mix),
            "the same count and mix give the same bytes"
        );
        let config = catalog.into_iter().fold(Config::new(), |config, (name, bytes)| {
            config.spec_source(PathBuf::from("synthetic").join(name), bytes)
        });
        let (model, report) = config.validate().expect("a valid catalog");
        assert!(report.diagnostics.is_empty(), "{mix:?}: no warnings:\n{report}");
        assert_eq!(model.connectors.len(), count);
        let auth_specs: Vec<_> = model.auth_specs().map(|(_, auth_spec)| auth_spec).collect();
        for connector in &model.connectors {
            assert!(
                (1..=3).contains(&connector.auth_specs.len()),
                "{}",
                connector.machine_name
            );
        }
        for auth_spec in &auth_specs {
            assert!(
                (2..=10).contains(&auth_spec.params.params.len()),
                "{}",
                auth_spec.spec_name
            );
            assert!(
                auth_spec.params.params.iter().any(|p| p.secret),
                "{} has a secret",
                auth_spec.spec_name
            );
        }
        let params: Vec<_> = auth_specs
            .iter()
            .flat_map(|auth_spec| &auth_spec.params.params)
            .collect();
        assert!(params.iter().any(|p| !p.required), "{mix:?}: some params are optional");
        assert!(
            params.iter().any(|p| matches!(p.ty, ParamType::Enum(_))),
            "{mix:?}: some params are enums"
        );
        assert!(
            params.iter().any(|p| p.pattern.is_some()),
            "{mix:?}: some params have patterns"
        );
        assert!(
            params.iter().any(|p| p.default.is_some()),
            "{mix:?}: some params have defaults"
        );
    }
}

/// (auth specs per connector, params per auth spec, share of params required) over `count`
/// connectors of `mix`.
fn shape(count: usize, mix: synthetic::Mix) -> (f64, f64, f64) {
    let config = synthetic::catalog(count, mix)
        .into_iter()
        .fold(Config::new(), |config, (name, bytes)| {
            config.spec_source(PathBuf::from("synthetic").join(name), bytes)
        });
    let (model, _) = config.validate().expect("a valid catalog");
    let auth_specs: Vec<_> = model.auth_specs().map(|(_, auth_spec)| auth_spec).collect();
    let params: Vec<_> = auth_specs
        .iter()
        .flat_map(|auth_spec| &auth_spec.params.params)
        .collect();
    let required = params.iter().filter(|p| p.required).count();
    (
        auth_specs.len() as f64 / count as f64,
        params.len() as f64 / auth_specs.len() as f64,
        required as f64 / params.len() as f64,
    )
}

#[test]
fn the_realistic_mix_looks_like_the_real_catalog_and_the_uniform_one_is_heavier() {
    // specs/: 1.23 auth specs per connector, 3.3 params per auth spec, 90% of params required.
    let (auth, params, required) = shape(400, synthetic::Mix::Realistic);
    assert!(
        (1.15..=1.45).contains(&auth),
        "realistic: {auth} auth specs per connector"
    );
    assert!(
        (3.2..=4.2).contains(&params),
        "realistic: {params} params per auth spec"
    );
    assert!(
        (0.85..=0.95).contains(&required),
        "realistic: {required} of params required"
    );
    let (auth, params, required) = shape(400, synthetic::Mix::Uniform);
    assert!((1.8..=2.2).contains(&auth), "uniform: {auth} auth specs per connector");
    assert!((5.5..=6.5).contains(&params), "uniform: {params} params per auth spec");
    assert!(
        (0.6..=0.73).contains(&required),
        "uniform: {required} of params required"
    );
}
