//! The rules of ARCHITECTURE.md that code can check, checked on codegen's own source:
//! - no import cycle among codegen's modules (file by file);
//! - only `emit/` knows `quote!` and token streams; only `spec/` reads spec JSON (the CLI's
//!   `pull` and `diff --format json` speak JSON at the edges too); only the input stage (`load`),
//!   the output stage (`output/`) and the CLI's `pull` touch the file system;
//! - no source or test file of codegen is over 500 lines.
//!
//! The source is read as text: comments and `#[cfg(test)] mod tests` blocks are left out, and a
//! module's uses are the `crate::…`, `super::…` and `self::…` paths it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 500;

fn package_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", dir.display()))
        .map(|entry| entry.expect("readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// `codegen/src/a/b.rs` -> `a::b`, `a/mod.rs` -> `a`, `lib.rs` -> `` (the crate root).
fn module_name(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file without comments and without its unit-test module.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(start) => &text[..start],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            // `//` inside a string literal (a URL) is rare in these files and only shortens a line.
            Some(start) => &line[..start],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file names: `crate::a::b`, `super::c`, with `{x, y::z}` groups expanded
/// one level.
fn named_paths(code: &str) -> Vec<String> {
    // `use child::Item` names a child module without `self::`; other `use` roots (`std`, a
    // crate) resolve to no module of this crate and are dropped by `resolve`.
    let path =
        regex::Regex::new(r"(?:\b(crate|super|self)|\buse\s+(\w+))((?:::\w+)*)(::\{([^{}]*)\})?").expect("valid regex");
    let mut out = Vec::new();
    for found in path.captures_iter(code) {
        let root = match (found.get(1), found.get(2)) {
            (Some(keyword), _) => keyword.as_str().to_owned(),
            (None, Some(keyword)) if matches!(keyword.as_str(), "crate" | "super" | "self") => {
                keyword.as_str().to_owned()
            }
            (None, Some(child)) => format!("self::{}", child.as_str()),
            (None, None) => continue,
        };
        let base = format!("{root}{}", &found[3]);
        match found.get(5) {
            Some(group) => {
                for member in group.as_str().split(',').map(str::trim).filter(|m| !m.is_empty()) {
                    let member = member.split_whitespace().next().unwrap_or(member);
                    if member == "self" {
                        out.push(base.clone());
                    } else {
                        out.push(format!("{base}::{member}"));
                    }
                }
            }
            None => out.push(base),
        }
    }
    out
}

/// The module `path` (as written in `module`) refers to: its longest prefix that is a module.
fn resolve(module: &str, path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let mut parts: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").collect()
    };
    match parts.first().copied() {
        Some("crate") => base.clear(),
        Some("super") => {
            base.pop();
        }
        Some("self") => {}
        _ => return None,
    }
    parts.remove(0);
    while parts.first() == Some(&"super") {
        base.pop();
        parts.remove(0);
    }
    (0..=parts.len())
        .rev()
        .map(|len| base.iter().chain(&parts[..len]).copied().collect::<Vec<_>>().join("::"))
        .find(|candidate| modules.contains(candidate))
}

struct Source {
    module: String,
    relative: PathBuf,
    code: String,
}

fn codegen_sources() -> Vec<Source> {
    let src = package_dir().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter(|path| path.file_name().is_some_and(|name| name != "main.rs"))
        .map(|path| {
            let relative = path.strip_prefix(&src).expect("under src").to_path_buf();
            let text = std::fs::read_to_string(&path).expect("readable source");
            Source {
                module: module_name(&relative),
                relative,
                code: code_of(&text),
            }
        })
        .collect()
}

/// Module -> the modules it uses (not counting its own ancestors, whose items every child sees).
fn import_graph(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    sources
        .iter()
        .map(|source| {
            let uses = named_paths(&source.code)
                .iter()
                .filter_map(|path| resolve(&source.module, path, &modules))
                .filter(|target| {
                    target != &source.module
                        && !(target.is_empty() || source.module.starts_with(&format!("{target}::")))
                })
                .collect();
            (source.module.clone(), uses)
        })
        .collect()
}

/// One cycle of `graph`, if it has any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = stack
                    .iter()
                    .position(|n| n == node)
                    .expect("an open node is on the stack");
                let mut cycle = stack[start..].to_vec();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.to_owned(), Mark::Open);
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, marks, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut marks, &mut Vec::new()))
}

fn show(module: &str) -> &str {
    if module.is_empty() { "(crate root)" } else { module }
}

#[test]
fn no_import_cycle_among_codegen_modules() {
    let graph = import_graph(&codegen_sources());
    assert!(graph.len() > 30, "the source was found: {} modules", graph.len());
    assert!(
        graph["emit::builder"].contains("emit::names"),
        "the graph sees `use super::…` imports: {:?}",
        graph["emit::builder"]
    );
    if let Some(cycle) = find_cycle(&graph) {
        let cycle: Vec<&str> = cycle.iter().map(|m| show(m)).collect();
        panic!("import cycle: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(from, to)| (from.to_owned(), BTreeSet::from([to.to_owned()])))
        .collect();
    assert_eq!(
        find_cycle(&graph).map(|cycle| cycle.join(" -> ")),
        Some("a -> b -> c -> a".to_owned())
    );
}

/// (what, the words that show it in code, the folders or files allowed to use it)
const LAYERS: &[(&str, &[&str], &[&str])] = &[
    (
        "quote! and token streams",
        &["quote::", "quote!", "proc_macro2"],
        &["emit/"],
    ),
    (
        "JSON",
        &["serde_json", "jsonc_parser"],
        &["spec/", "pull/", "diff/display.rs", "validate/"],
    ),
    (
        "the file system",
        &["std::fs", "fs::"],
        &["load.rs", "output/", "pull/", "validate/"],
    ),
];

#[test]
fn each_concern_stays_in_its_stage() {
    let mut broken = Vec::new();
    for source in codegen_sources() {
        let relative = source.relative.to_string_lossy().replace('\\', "/");
        // What templates name through the runtime alias (`__rt::serde_json::Value`) is the
        // generated code's business, not the generator's.
        let code = source.code.replace("__rt::serde_json", "__rt::…");
        for (what, words, allowed) in LAYERS {
            let used = words.iter().find(|word| code.contains(*word));
            let permitted = allowed.iter().any(|prefix| relative.starts_with(prefix));
            if let Some(word) = used
                && !permitted
            {
                broken.push(format!(
                    "codegen/src/{relative} uses {what} (`{word}`); only {} may",
                    allowed.join(", ")
                ));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn no_codegen_file_is_over_500_lines() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "examples"] {
        rust_files(&package_dir().join(dir), &mut files);
    }
    assert!(files.len() > 50, "the files were found: {}", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(path).expect("readable").lines().count();
            let relative = path.strip_prefix(package_dir()).expect("under the package").display();
            (lines > MAX_LINES).then(|| format!("codegen/{relative}: {lines} lines"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these along their seams (at most {MAX_LINES} lines each):\n{}",
        long.join("\n")
    );
}
