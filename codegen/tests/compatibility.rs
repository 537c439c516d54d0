//! `diff`'s rules held against the emitter's output: a change that `flow-codegen diff` calls
//! compatible leaves code written against the old generated crate compiling against the new one,
//! and a change it calls breaking makes that code fail, with the error the rule names.
//!
//! `fixtures/compatibility/user.rs` is code a user wrote against the crate generated from
//! `fixtures/compatibility/shop.json`: the builder with every param set (optional ones too), fields
//! read with their types, a `match` on a generated enum and on `AnyConnection`,
//! `CreateConnection::new(..)`, the generated constants and the runtime catalog. Each case of
//! [`CASES`] changes that spec set in one way. The test generates one crate from the base specs
//! and one from each case's specs (with the build-script API), and compiles `user.rs` against
//! every one of them from a crate of its own, since `#[non_exhaustive]` only binds other crates.
//! It then asserts that
//! - `user.rs` compiles against the base crate, so a failure below is the change's doing;
//! - `flow-codegen diff --format json` reports exactly the case's changes, each with its impact;
//! - `user.rs` compiles against the case's crate if that impact is compatible, and fails with the
//!   case's error if it is breaking.
//!
//! It lives in `codegen/tests`, not in `tests/`, because what it tests is flow-codegen: its CLI
//! binary (`CARGO_BIN_EXE_flow-codegen`, which only a flow-codegen test has) and the code it
//! generates; of `generated/` it needs only the runtime, as a path dependency without the
//! repository's catalog, the way a downstream crate depends on it.
//!
//! All crates are members of one workspace at a fixed path under `CARGO_TARGET_TMPDIR`, checked
//! by one `cargo check --keep-going` into `packages::downstream_target_dir()`, where the property
//! test's sample compiles too. `cargo check` finds every error this test looks for (types, trait
//! bounds, `#[non_exhaustive]`) without generating code. Only the first run compiles the runtime
//! and its dependencies; files are rewritten only when their content changes, so a later run
//! recompiles only what the generator now writes differently.

#[path = "support/packages.rs"]
mod packages;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

/// One way to change the base spec set.
struct Case {
    /// Names the case's spec directory and crates.
    name: &'static str,
    /// Turns the base spec set (`shop.json` alone) into the case's new spec set.
    change: fn(&mut Vec<Value>),
    /// The `change` code of each change `diff` reports, in the report's order.
    changes: &'static [&'static str],
    /// `None` when every change is compatible; for a breaking case, a piece of the compiler error
    /// `user.rs` fails with.
    breaking: Option<&'static str>,
}

const CASES: &[Case] = &[
    Case {
        name: "optional_param_added",
        change: |specs| basic(specs)["properties"]["timeout"] = json!({ "type": "integer" }),
        changes: &["param_added"],
        breaking: None,
    },
    Case {
        name: "enum_value_added",
        change: |specs| push(&mut basic(specs)["properties"]["sslMode"]["enum"], json!("verify-full")),
        changes: &["enum_value_added"],
        breaking: None,
    },
    Case {
        name: "description_changed",
        change: |specs| {
            specs[0]["description"] = json!("The shop's orders.");
            basic(specs)["properties"]["host"]["description"] = json!("The database server.");
        },
        changes: &["doc_changed", "doc_changed"],
        breaking: None,
    },
    Case {
        // The default takes `port` out of the builder's type state.
        name: "default_added",
        change: |specs| basic(specs)["properties"]["port"]["default"] = json!(5432),
        changes: &["default_changed"],
        breaking: None,
    },
    Case {
        name: "auth_spec_added",
        change: |specs| {
            let token = json!({
                "name": "Token",
                "spec": {
                    "type": "object",
                    "properties": { "token": { "type": "string", "format": "password" } },
                    "required": ["token"]
                }
            });
            push(&mut specs[0]["authSpec"], token);
        },
        changes: &["auth_spec_added"],
        breaking: None,
    },
    Case {
        name: "connector_added",
        change: |specs| {
            let mut mall = specs[0].clone();
            mall["id"] = json!("44444444-4444-4444-4444-444444444444");
            mall["name"] = json!("mall");
            specs.push(mall);
        },
        changes: &["connector_added"],
        breaking: None,
    },
    Case {
        name: "required_param_added",
        change: |specs| {
            let basic = basic(specs);
            basic["properties"]["database"] = json!({ "type": "string" });
            push(&mut basic["required"], json!("database"));
        },
        changes: &["param_added"],
        breaking: Some("missing required auth param `database`"),
    },
    Case {
        // Builder calls still compile; reading the field as `i64` does not.
        name: "required_param_made_optional",
        change: |specs| {
            let required = basic(specs)["required"].as_array_mut().expect("required is an array");
            required.retain(|name| name != "port");
        },
        changes: &["required_changed"],
        breaking: Some("mismatched types"),
    },
];

/// The params object of `shop.json`'s only auth spec.
fn basic(specs: &mut [Value]) -> &mut Value {
    &mut specs[0]["authSpec"][0]["spec"]
}

fn push(array: &mut Value, item: Value) {
    array.as_array_mut().expect("an array").push(item);
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compatibility")
        .join(name)
}

/// Writes `text` to `path` unless the file already holds it (an unchanged mtime keeps cargo's
/// fingerprints fresh).
fn write(path: &Path, text: &str) {
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    fs::create_dir_all(path.parent().expect("a file in a directory")).expect("create dir");
    fs::write(path, text).expect("write file");
}

/// The temporary workspace: spec sets under `specs/`, crates at its root.
struct Workspace {
    root: PathBuf,
    members: Vec<String>,
}

impl Workspace {
    fn new() -> Self {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compatibility");
        // Spec sets are rewritten from scratch; the generator keeps unchanged crate files as they are.
        let specs = root.join("specs");
        if specs.exists() {
            fs::remove_dir_all(&specs).expect("remove old specs");
        }
        Self {
            root,
            members: Vec::new(),
        }
    }

    fn specs(&self, case: &str) -> PathBuf {
        self.root.join("specs").join(case)
    }

    /// Writes `case`'s spec set, the crate generated from it (`generated_<case>`) and `user.rs`
    /// compiled against it (`user_<case>`).
    fn add(&mut self, case: &str, specs: &[Value]) {
        let spec_dir = self.specs(case);
        for spec in specs {
            let name = spec["name"].as_str().expect("a spec name");
            let text = serde_json::to_string_pretty(spec).expect("JSON");
            write(&spec_dir.join(format!("{name}.json")), &text);
        }
        let generated = format!("generated_{case}");
        let crate_dir = self.root.join(&generated);
        flow_codegen::Config::new()
            .spec_dir(&spec_dir)
            .out_dir(crate_dir.join("src/connectors"))
            .generate()
            .unwrap_or_else(|err| panic!("{case}: the specs must generate:\n{err}"));
        write(
            &crate_dir.join("src/lib.rs"),
            "//! The connectors of one spec set.\ninclude!(\"connectors/mod.rs\");\n",
        );
        let runtime = packages::runtime_dependency();
        write(
            &crate_dir.join("Cargo.toml"),
            &packages::package_manifest(&generated, &format!("[dependencies]\n{runtime}\n")),
        );
        let user = format!("user_{case}");
        let api = format!("api = {{ package = \"{generated}\", path = \"../{generated}\" }}");
        let user_code = fs::read_to_string(fixture("user.rs")).expect("read user.rs");
        write(&self.root.join(&user).join("src/lib.rs"), &user_code);
        write(
            &self.root.join(&user).join("Cargo.toml"),
            &packages::package_manifest(&user, &format!("[dependencies]\n{api}\n{runtime}\n")),
        );
        self.members.extend([generated, user]);
    }

    /// Checks every crate with one cargo invocation, going on past crates that fail.
    fn check(&self) -> Build {
        let members: Vec<String> = self.members.iter().map(|m| format!("{m:?}")).collect();
        write(
            &self.root.join("Cargo.toml"),
            &format!("[workspace]\nresolver = \"2\"\nmembers = [{}]\n", members.join(", ")),
        );
        packages::copy_lock(&self.root);
        let output = packages::cargo(&self.root, &packages::downstream_target_dir())
            .args([
                "check",
                "--offline",
                "--workspace",
                "--keep-going",
                "--message-format=json",
            ])
            .output()
            .expect("run cargo");
        let mut build = Build {
            compiled: BTreeSet::new(),
            errors: BTreeMap::new(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let Ok(message) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let target = message["target"]["name"].as_str().unwrap_or_default().to_owned();
            match message["reason"].as_str() {
                Some("compiler-artifact") => {
                    build.compiled.insert(target);
                }
                Some("compiler-message") if message["message"]["level"] == "error" => {
                    let rendered = message["message"]["rendered"].as_str().unwrap_or_default();
                    build.errors.entry(target).or_default().push_str(rendered);
                }
                _ => {}
            }
        }
        build
    }
}

/// What one `cargo check` compiled, and the errors of what it did not.
struct Build {
    compiled: BTreeSet<String>,
    /// The rendered compiler errors of each crate.
    errors: BTreeMap<String, String>,
    stderr: String,
}

impl Build {
    /// Whether `krate` compiled; when it did not, why.
    fn outcome(&self, krate: &str) -> Result<(), String> {
        if self.compiled.contains(krate) {
            return Ok(());
        }
        Err(match self.errors.get(krate) {
            Some(errors) => errors.clone(),
            None => format!("no compiler errors; cargo says:\n{}", self.stderr),
        })
    }
}

/// The `(change, impact)` of each change `flow-codegen diff --format json OLD NEW` reports.
fn diff(old: &Path, new: &Path) -> Vec<(String, String)> {
    let output = Command::new(env!("CARGO_BIN_EXE_flow-codegen"))
        .args(["diff", "--format", "json"])
        .args([old, new])
        .output()
        .expect("run flow-codegen diff");
    assert!(
        output.status.success(),
        "diff failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let changes = report["changes"].as_array().expect("a changes array");
    let field = |change: &Value, name: &str| change[name].as_str().unwrap_or_default().to_owned();
    changes
        .iter()
        .map(|change| (field(change, "change"), field(change, "impact")))
        .collect()
}

#[test]
fn compatible_changes_keep_old_user_code_compiling_and_breaking_ones_do_not() {
    let base: Value = serde_json::from_str(&fs::read_to_string(fixture("shop.json")).expect("read shop.json"))
        .expect("shop.json is JSON");
    let mut workspace = Workspace::new();
    workspace.add("base", std::slice::from_ref(&base));
    for case in CASES {
        let mut specs = vec![base.clone()];
        (case.change)(&mut specs);
        workspace.add(case.name, &specs);
    }
    let build = workspace.check();
    if let Err(errors) = build.outcome("user_base") {
        panic!("user.rs must compile against the base specs' crate:\n{errors}");
    }

    let mut failures = Vec::new();
    for case in CASES {
        let name = case.name;
        let impact = if case.breaking.is_some() {
            "breaking"
        } else {
            "compatible"
        };
        let expected: Vec<(String, String)> = case
            .changes
            .iter()
            .map(|change| ((*change).to_owned(), impact.to_owned()))
            .collect();
        let reported = diff(&workspace.specs("base"), &workspace.specs(name));
        if reported != expected {
            failures.push(format!("{name}: diff reports {reported:?}, expected {expected:?}"));
        }
        if let Err(errors) = build.outcome(&format!("generated_{name}")) {
            failures.push(format!("{name}: the generated crate does not compile:\n{errors}"));
        }
        match (case.breaking, build.outcome(&format!("user_{name}"))) {
            (None, Ok(())) => {}
            (None, Err(errors)) => failures.push(format!(
                "{name}: diff calls it compatible, but user.rs no longer compiles:\n{errors}"
            )),
            (Some(_), Ok(())) => failures.push(format!("{name}: diff calls it breaking, but user.rs still compiles")),
            (Some(error), Err(errors)) if !errors.contains(error) => {
                failures.push(format!("{name}: user.rs fails, but not with `{error}`:\n{errors}"))
            }
            (Some(_), Err(_)) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
