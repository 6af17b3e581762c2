//! The repository stands on its own: nothing in it names a file outside the checkout.
//!
//! Guards against the bug where a fresh clone (no sibling folders) failed its own tests because
//! tests and the corpus manifest read `../shared/corpora`. Every `../` in every text file is
//! resolved against the folder of the file that holds it; one that climbs above the repository
//! root fails the test, as does any absolute path into the machine's work folders.

use std::path::{Component, Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Folders that are not source: build output, installed packages, git's own files.
const SKIPPED_DIRS: &[&str] = &[".git", "target", "node_modules", "dist", "results"];

/// Upstream test data, vendored byte-identical (tests/data/README.md). Their strings are data a
/// parser is fed (the Big List of Naughty Strings has `../../../../etc/passwd`), never paths
/// anything opens, and they may not be edited.
const UPSTREAM_DATA: &[&str] = &["tests/data/naughty-strings", "tests/data/JSONTestSuite"];

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("list {}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rel = path
            .strip_prefix(ROOT)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if path.is_dir() {
            if !SKIPPED_DIRS.contains(&name.as_str()) && !UPSTREAM_DATA.contains(&rel.as_str()) {
                text_files(&path, out);
            }
        } else if std::fs::read_to_string(&path).is_ok() {
            out.push(path);
        }
    }
}

/// Where `target` lands when written in a file in `dir`, without touching the disk; `None` if it
/// climbs above the repository root.
fn resolve(dir: &Path, target: &str) -> Option<PathBuf> {
    let mut parts: Vec<Component> = dir.components().collect();
    let floor = Path::new(ROOT).components().count();
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
    text_files(Path::new(ROOT), &mut files);
    assert!(
        files.len() > 50,
        "found only {} text files under {ROOT}",
        files.len()
    );
    let mut escapes = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let rel = file.strip_prefix(ROOT).unwrap().display().to_string();
        for (line, token) in relative_climbs(&text) {
            if resolve(file.parent().unwrap(), &token).is_none() {
                escapes.push(format!("{rel}:{line}: {token}"));
            }
        }
        for (number, line) in text.lines().enumerate() {
            for outside in ["/work/", "shared/corpora", "shared/seed"] {
                if line.contains(outside) && !rel.ends_with("tests/repository.rs") {
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
    let root = Path::new(ROOT);
    let climbs = relative_climbs(r#"read("../shared/corpora/x.json") and "../img/a.png""#);
    assert_eq!(climbs.len(), 2);
    assert_eq!(climbs[0].1, "../shared/corpora/x.json");
    assert!(resolve(root, &climbs[0].1).is_none());
    assert!(resolve(&root.join("src/core"), &climbs[1].1).is_some());
    assert!(resolve(&root.join("src"), "../../x").is_none());
}
