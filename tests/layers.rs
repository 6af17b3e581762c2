//! The layers stay layers. `src/core/` is built in floors (its `mod.rs` says what each holds),
//! and every import in a floor points to its own floor or one below; nothing in `src/` imports
//! in a circle, file by file. Guards against the import loop the core once was (the JSON reader
//! imported the format only for its error type, the format and the paged catalog imported each
//! other, dates sorted article summaries), which made no floor readable without the others.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The core's floors, bottom first. A module of floor `i` may import floors `0..=i`.
const FLOORS: &[&str] = &["text", "json", "format", "search", "corpus", "view"];

/// The sources: the core's floors, and above them browser services, then the components, then
/// the entry points that mount them. (`app` and `web` compile only for wasm32, but their
/// imports are plain text and checked here.)
fn src() -> PathBuf {
    common::root().join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file (`src/core/format/catalog.rs` → `core::format::catalog`,
/// `src/core/format/mod.rs` → `core::format`).
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts.join("::")
}

/// Every module a file names outside its tests: `crate::a::b::c` paths, `super::` and `self::`
/// paths (resolved against `module`, the file's own module), and every path of a `use` tree
/// (`crate::a::{b, c::{d, e}}` names `a::b`, `a::c::d` and `a::c::e`), each cut to the longest
/// prefix that is a known module.
fn imports(text: &str, module: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    // Comments may point anywhere (a doc link up a floor explains, it does not import).
    let code: String = code
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let code = absolute(&code, module);
    let mut found = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let tree_len = use_tree_len(rest);
        for target in expand("", &rest[..tree_len]) {
            let mut path = target;
            loop {
                if modules.contains(&path) {
                    found.insert(path.clone());
                    break;
                }
                match path.rfind("::") {
                    Some(i) => path.truncate(i),
                    None => break,
                }
            }
        }
    }
    found
}

/// `super::` and `self::` paths rewritten as `crate::` paths, seen from `module`.
fn absolute(code: &str, module: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    loop {
        let next = [rest.find("super::"), rest.find("self::")]
            .into_iter()
            .flatten()
            .min();
        let Some(at) = next else {
            out.push_str(rest);
            return out;
        };
        // Only a whole word: `my_super::` or `itself::` are other names.
        let starts_word = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if !starts_word {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
            continue;
        }
        let mut base: Vec<&str> = module.split("::").filter(|p| !p.is_empty()).collect();
        if let Some(after) = rest.strip_prefix("self::") {
            rest = after;
        } else {
            while let Some(after) = rest.strip_prefix("super::") {
                base.pop();
                rest = after;
            }
        }
        out.push_str("crate::");
        for part in base {
            out.push_str(part);
            out.push_str("::");
        }
    }
}

/// How long the path or `use` tree at the start of `text` is (braces balanced).
fn use_tree_len(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => return i,
            _ => {}
        }
    }
    text.len()
}

/// Every path of a `use` tree under `prefix`: `a::{b, c::{d}}` gives `a::b` and `a::c::d`;
/// `x as y` is `x`; `self` in a group is the group's own path.
fn expand(prefix: &str, tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let join = |tail: &str| {
        let tail = tail.trim().trim_end_matches("::");
        match (prefix.is_empty(), tail.is_empty() || tail == "self") {
            (_, true) => prefix.to_string(),
            (true, false) => tail.to_string(),
            (false, false) => format!("{prefix}::{tail}"),
        }
    };
    let Some(open) = tree.find('{') else {
        let name = tree.split(" as ").next().unwrap_or("");
        return vec![join(name)];
    };
    let head = join(&tree[..open]);
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut parts, mut depth, mut from) = (Vec::new(), 0usize, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(&head, p))
        .collect()
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f)).collect();
    files
        .iter()
        .filter(|f| !f.starts_with(src().join("bin")))
        .map(|f| {
            let module = module_of(f);
            let mut deps = imports(&std::fs::read_to_string(f).unwrap(), &module, &modules);
            deps.remove(&module);
            (module, deps)
        })
        .collect()
}

fn floor_of(module: &str) -> Option<usize> {
    let floor = module.strip_prefix("core::")?.split("::").next()?;
    FLOORS.iter().position(|f| *f == floor)
}

#[test]
fn every_core_import_points_down() {
    let mut upward = Vec::new();
    for (module, deps) in graph() {
        if let Some(own) = floor_of(&module) {
            for dep in deps {
                match floor_of(&dep) {
                    Some(floor) if floor <= own => {}
                    _ => upward.push(format!("{module} imports {dep}")),
                }
            }
        }
    }
    assert!(
        upward.is_empty(),
        "core imports that point up a floor or out of the core (floors, bottom first: {FLOORS:?}):\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_file_imports_in_a_circle() {
    let graph = graph();
    // Depth-first search for a back edge; reports one cycle per start.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            cycles.push(cycle.join(" -> "));
            return;
        }
        if done.contains(node) {
            return;
        }
        stack.push(node.to_string());
        for dep in graph.get(node).into_iter().flatten() {
            visit(dep, graph, stack, done, cycles);
        }
        stack.pop();
        done.insert(node.to_string());
    }
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// Browser services sit below the components, entry points above them: `web` imports neither
/// `app` nor `entry`, and `app` does not import `entry`.
#[test]
fn browser_services_sit_below_the_app_and_entry_points_above_it() {
    let mut wrong = Vec::new();
    for (module, deps) in graph() {
        let forbidden: &[&str] = if module.starts_with("web") {
            &["app", "entry"]
        } else if module.starts_with("app") {
            &["entry"]
        } else if module.starts_with("core") {
            &["app", "entry", "web"]
        } else {
            &[]
        };
        for dep in deps {
            if forbidden
                .iter()
                .any(|f| dep == *f || dep.starts_with(&format!("{f}::")))
            {
                wrong.push(format!("{module} imports {dep}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up:\n{}",
        wrong.join("\n")
    );
}

/// The checker itself must see an upward import and a cycle.
#[test]
fn the_checker_sees_groups_and_nested_paths() {
    let modules: BTreeSet<String> = ["core::format", "core::format::catalog", "core::text::quote"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let found = imports(
        "use crate::core::format::{catalog::Catalog, Article};\nuse crate::core::text::quote::quoted;",
        "core::view::state",
        &modules,
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["core::format", "core::format::catalog", "core::text::quote"]
    );
    // Nested groups, and `super::` seen from the file's own module.
    let found = imports(
        "use crate::core::{format::{catalog::Catalog, Article as A}, text::quote};\nuse super::super::format::catalog;",
        "core::view::state",
        &modules,
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["core::format", "core::format::catalog", "core::text::quote"]
    );
    let found = imports("use super::quote::quoted;", "core::text::dates", &modules);
    assert_eq!(found.into_iter().collect::<Vec<_>>(), ["core::text::quote"]);
    assert_eq!(floor_of("core::format::catalog"), Some(2));
    assert_eq!(floor_of("app::viewer"), None);
}
