//! The repository stands on its own: nothing in it names a file outside the checkout.
//!
//! Guards against the bug where a fresh clone (no sibling folders) failed its own tests because
//! tests and the corpus manifest read the shared corpora folder beside the checkout. Every `../`
//! in every text file is resolved twice, against the folder of the file that holds it (links in
//! Markdown and HTML) and against the repository root (paths in code, manifests and scripts, which
//! run from there or from `CARGO_MANIFEST_DIR`); one that climbs above the root either way fails
//! the test, as does any absolute path into the machine's work folders.

mod common;

use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

/// The repository root: the checkout the tests run in.
static ROOT: LazyLock<PathBuf> = LazyLock::new(common::root);

/// Folders that are not source: build output, installed packages, git's own files.
const SKIPPED_DIRS: &[&str] = &[".git", "target", "node_modules", "dist", "results"];

const THIS_FILE: &str = "tests/repository.rs";

/// URLs the viewer is tested against, not paths anything opens: relative URLs that climb are
/// legal in a corpus and must resolve against the file that holds them (README, "URLs").
const URL_FIXTURES: &[(&str, &str)] = &[
    ("src/core/text/url_safety.rs", "../img/a.png"),
    ("src/core/format/catalog.rs", "../x"),
    ("src/core/format/catalog.rs", "../"),
];

/// Upstream test data, vendored byte-identical (tests/data/README.md). Their strings are data a
/// parser is fed (the Big List of Naughty Strings has `../../../../etc/passwd`), never paths
/// anything opens, and they may not be edited.
const UPSTREAM_DATA: &[&str] = &["tests/data/naughty-strings", "tests/data/JSONTestSuite"];

/// Absolute paths and folder names of the machine this was first built on, outside any clone.
/// Spelled in pieces so this file does not name them itself.
const OUTSIDE: &[&str] = &[
    concat!("/wo", "rk/"),
    concat!("shared", "/corpora"),
    concat!("shared", "/seed"),
];

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("list {}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rel = path
            .strip_prefix(&*ROOT)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // By name, file or folder: in a git worktree `.git` is a file naming the main checkout.
        if SKIPPED_DIRS.contains(&name.as_str()) || UPSTREAM_DATA.contains(&rel.as_str()) {
            continue;
        }
        if path.is_dir() {
            text_files(&path, out);
        } else if std::fs::read_to_string(&path).is_ok() {
            out.push(path);
        }
    }
}

/// Where `target` lands when written in a file in `dir`, without touching the disk; `None` if it
/// climbs above the repository root.
fn resolve(dir: &Path, target: &str) -> Option<PathBuf> {
    let mut parts: Vec<Component> = dir.components().collect();
    let floor = ROOT.components().count();
    for piece in Path::new(target).components() {
        match piece {
            Component::ParentDir => {
                if parts.len() <= floor {
                    return None;
                }
                parts.pop();
            }
            Component::CurDir => {}
            other => parts.push(other),
        }
    }
    Some(parts.iter().collect())
}

/// Every path-like token that contains `../`, with its line number.
fn relative_climbs(text: &str) -> Vec<(usize, String)> {
    let is_path_char = |c: char| c.is_alphanumeric() || "._-/~".contains(c);
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("../") {
            let start = rest[..at]
                .rfind(|c: char| !is_path_char(c))
                .map_or(0, |i| i + rest[i..].chars().next().unwrap().len_utf8());
            let end = at
                + rest[at..]
                    .find(|c: char| !is_path_char(c))
                    .unwrap_or(rest.len() - at);
            found.push((number + 1, rest[start..end].to_string()));
            rest = &rest[end..];
        }
    }
    found
}

#[test]
fn no_file_names_a_path_outside_the_repository() {
    let mut files = Vec::new();
    text_files(&ROOT, &mut files);
    assert!(
        files.len() > 50,
        "found only {} text files under {}",
        files.len(),
        ROOT.display()
    );
    let mut escapes = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let rel = file.strip_prefix(&*ROOT).unwrap().display().to_string();
        if rel == THIS_FILE {
            continue; // it spells out the climbs it allows and the ones its own check must catch
        }
        for (line, token) in relative_climbs(&text) {
            if URL_FIXTURES.contains(&(rel.as_str(), token.as_str())) {
                continue;
            }
            // A link in a document is relative to the document; anything else may be opened
            // from the root too.
            let document = rel.ends_with(".md") || rel.ends_with(".html");
            let from_file = resolve(file.parent().unwrap(), &token);
            let from_root = resolve(&ROOT, &token);
            if from_file.is_none() || (!document && from_root.is_none()) {
                escapes.push(format!("{rel}:{line}: {token}"));
            }
        }
        for (number, line) in text.lines().enumerate() {
            for outside in OUTSIDE {
                if line.contains(outside) {
                    escapes.push(format!("{rel}:{}: names {outside}", number + 1));
                }
            }
        }
    }
    assert!(
        escapes.is_empty(),
        "files name paths outside the repository (vendor what they need instead; see \
         tests/data/README.md and sources/README.md):\n{}",
        escapes.join("\n")
    );
}

/// The checker itself: a test that cannot fail proves nothing.
#[test]
fn a_climb_out_of_the_repository_is_caught_and_one_inside_is_not() {
    let root = ROOT.as_path();
    let line = concat!(r#"read(".."#, r#"/up/x.json") and ".."#, r#"/img/a.png""#);
    let climbs = relative_climbs(line);
    assert_eq!(climbs.len(), 2);
    assert_eq!(climbs[0].1, concat!("..", "/up/x.json"));
    assert!(resolve(root, &climbs[0].1).is_none());
    assert!(resolve(&root.join("src/core"), &climbs[1].1).is_some());
    assert!(resolve(&root.join("src"), concat!("..", "/..", "/x")).is_none());
}
