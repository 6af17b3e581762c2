//! The committed default corpus (`corpus/`), its sources (`sources/`) and the schemas
//! (`schema/`): it validates, the seed article is converted faithfully, it is varied enough to
//! exercise the viewer, and `lede-corpus build` reproduces it byte for byte.

mod common;

use lede::core::format::mentions::{paragraph_segments, Segment};
use lede::core::format::{Article, CorpusIndex, EntityDirectory};
use lede::core::text::url_safety::{is_absolute_http, safe_url};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const SEED_ID: &str = "us-troops-remain-in-iraq";

use common::root;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The index as the viewer has it once an entity is opened: with its entity directory read in.
fn index() -> CorpusIndex {
    let mut index = index_file();
    let file = index
        .entity_file
        .clone()
        .expect("the default corpus has an entity directory");
    let path = root().join("corpus").join(file);
    let directory = EntityDirectory::from_json(&read(&path))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    index
        .add_directory(directory)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    index
}

/// The index file alone, as the list's first view downloads it.
fn index_file() -> CorpusIndex {
    let path = root().join("corpus/index.json");
    CorpusIndex::from_json(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_first_view_downloads_no_entity() {
    // The entity directory is fetched when an entity is opened (4 of the index's 7 kB gzipped).
    let index = index_file();
    assert!(index.entities.is_empty());
    assert!(index.articles.iter().all(|a| a.entities.is_empty()));
    let text = read(&root().join("corpus/index.json"));
    assert!(
        !text.contains("wikipedia.org"),
        "entity links leaked into the index"
    );
}

fn article(url: &str) -> Article {
    let path = root().join("corpus").join(url);
    Article::from_json(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn all_articles() -> Vec<Article> {
    index().articles.iter().map(|s| article(&s.url)).collect()
}

#[test]
fn committed_corpus_validates() {
    let index = index();
    let topics: BTreeSet<&str> = index.topics.iter().map(|t| t.id.as_str()).collect();
    let entities: BTreeSet<&str> = index.entities.iter().map(|e| e.id.as_str()).collect();
    for summary in &index.articles {
        let a = article(&summary.url);
        assert_eq!(a.id, summary.id);
        assert_eq!(a.headline, summary.headline);
        assert_eq!(a.published, summary.published);
        assert_eq!(a.topics, summary.topics, "{}", a.id);
        assert!(!a.topics.is_empty(), "{} has no topic", a.id);
        for t in &a.topics {
            assert!(topics.contains(t.as_str()), "{}: unknown topic {t}", a.id);
        }
        for e in &summary.entities {
            assert!(
                entities.contains(e.as_str()),
                "{}: unknown entity {e}",
                a.id
            );
        }
        assert!(a.rights.is_some(), "{} has no rights note", a.id);
        // Every paragraph carries explicit mentions, all in range and linked.
        let mut linked = BTreeSet::new();
        for (i, p) in a.body.iter().enumerate() {
            assert!(
                p.mentions.is_some(),
                "{} body[{i}] has no explicit mentions",
                a.id
            );
            let (segments, warnings) = paragraph_segments(&a, i, p);
            assert!(warnings.is_empty(), "{}: {warnings:?}", a.id);
            for s in segments {
                if let Segment::Mention { entity_index, .. } = s {
                    linked.insert(a.entities[entity_index].id.clone());
                }
            }
        }
        let listed: BTreeSet<String> = summary.entities.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            linked, listed,
            "{}: index entities differ from mentions",
            a.id
        );
    }
    // The tool's own validator agrees.
    let out = Command::new(env!("CARGO_BIN_EXE_lede-corpus"))
        .args(["validate", "corpus/index.json"])
        .current_dir(root())
        .output()
        .expect("run lede-corpus validate");
    assert!(
        out.status.success(),
        "validate failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The body paragraphs of the copied page: the non-empty lines after the photo credit line,
/// up to the "Most Popular" clutter.
fn seed_source_paragraphs() -> Vec<String> {
    let text = read(&root().join("sources/seed/000_68d94c651c4fe79d.txt"));
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let credit = lines
        .iter()
        .position(|l| l.starts_with("(Photo credit:"))
        .expect("the seed has a photo credit line");
    lines[credit + 1..]
        .iter()
        .take_while(|l| **l != "Most Popular")
        .filter(|l| !l.is_empty())
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn seed_article_is_faithful() {
    let index = index();
    let summary = index
        .article(SEED_ID)
        .expect("the seed article is in the index");
    let a = article(&summary.url);
    assert_eq!(
        a.headline,
        "US troops will ‘remain in Iraq’: US Defense Secretary"
    );
    assert_eq!(
        a.standfirst.as_deref(),
        Some("According to officials and experts, Lloyd Austin’s visit to Iraq revolves around pushing back Iranian influence in the country")
    );
    assert_eq!(a.byline.as_deref(), Some("News Desk"));
    assert_eq!(a.published, "2023-03-07");
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(a.source_name.as_deref(), Some("The Cradle"));
    let image = a.image.as_ref().expect("lead picture");
    assert_eq!(
        image.url,
        "https://media.thecradle.co/wp-content/uploads/2023/03/sudaniaustin2.jpg"
    );
    assert_eq!(
        image.credit.as_deref(),
        Some("Iraqi Prime Minister’s Office/AFP")
    );
    assert!(!image.alt.is_empty());

    // Every body paragraph verbatim, in order, and nothing else. (The copied page has 13 body
    // paragraphs, from "The US Defense Secretary, Lloyd Austin, visited…" to "…subsequently
    // becoming ISIS."; the standfirst is not one of them.)
    let source = seed_source_paragraphs();
    assert_eq!(source.len(), 13);
    assert!(source[0].starts_with("The US Defense Secretary, Lloyd Austin, visited"));
    assert!(source[12].ends_with("subsequently becoming ISIS."));
    let body: Vec<&str> = a.body.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body, source);
    for p in &body {
        for clutter in ["Loading", "Most Popular", "Photo credit", "https://"] {
            assert!(!p.contains(clutter), "clutter {clutter:?} in {p:?}");
        }
    }
    assert!(
        body.iter().any(|p| p.contains("Nechirivan Barzani")),
        "source typo kept"
    );

    // Mentions link the people, places and organisations the text names.
    let mut linked: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (i, p) in a.body.iter().enumerate() {
        let (segments, warnings) = paragraph_segments(&a, i, p);
        assert!(warnings.is_empty(), "{warnings:?}");
        for s in segments {
            if let Segment::Mention { text, entity_index } = s {
                linked
                    .entry(a.entities[entity_index].id.clone())
                    .or_default()
                    .insert(text.to_string());
            }
        }
    }
    assert!(linked.len() >= 12, "only {} entities linked", linked.len());
    for (id, spelling) in [
        ("lloyd-austin", "Lloyd Austin"),
        ("mohammed-shia-al-sudani", "Mohammed Shia al Sudani"),
        ("nechirvan-barzani", "Nechirivan Barzani"),
        ("qassem-soleimani", "Qassem Soleimani"),
        ("baghdad", "Baghdad"),
        ("erbil", "Erbil"),
        ("iraq", "Iraq"),
        ("iran", "Iran"),
        ("syria", "Syria"),
        ("tehran", "Tehran"),
        ("islamic-state", "ISIS"),
        (
            "kurdistan-regional-government",
            "Kurdistan Regional Government",
        ),
        ("reuters", "Reuters"),
    ] {
        let spans = linked
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not linked"));
        assert!(spans.contains(spelling), "{id}: {spans:?}");
    }
    let nechirvan = a
        .entities
        .iter()
        .find(|e| e.id == "nechirvan-barzani")
        .unwrap();
    assert_eq!(nechirvan.name, "Nechirvan Barzani");
    // "Islamic State of Iraq" is its own entity, not Iraq inside it.
    assert!(linked["islamic-state-of-iraq"].contains("Islamic State of Iraq"));
}

#[test]
fn corpus_is_varied_enough() {
    let index = index();
    assert!(
        index.articles.len() >= 13,
        "{} articles",
        index.articles.len()
    );
    let languages: BTreeSet<String> = index
        .articles
        .iter()
        .filter_map(|a| a.language.as_deref())
        .map(|l| l.split('-').next().unwrap_or(l).to_ascii_lowercase())
        .collect();
    assert!(languages.len() >= 4, "languages: {languages:?}");
    // Filtering is meaningful: most topics are shared by several articles.
    let shared = index
        .topics
        .iter()
        .filter(|t| {
            index
                .articles
                .iter()
                .filter(|a| a.topics.iter().any(|x| *x == t.id))
                .count()
                >= 2
        })
        .count();
    assert!(shared >= 8, "only {shared} topics are shared");
    // Entities link articles together.
    let corpus = lede::core::corpus::Corpus::new(index.clone());
    let cross = index
        .entities
        .iter()
        .filter(|e| corpus.inline_mentions(&e.id).is_some_and(|m| m.len() >= 2))
        .count();
    assert!(
        cross >= 5,
        "only {cross} entities appear in two articles or more"
    );
}

/// Every entity says in one line who or what it is (written for this corpus, see the
/// registry's `entities_note`), none has a picture (the corpus has no licensed ones), and the
/// entity page's computations have something to show on the real corpus.
#[test]
fn every_entity_has_a_one_line_description_and_no_picture() {
    let index = index();
    for e in &index.entities {
        let description = e.description.as_deref().unwrap_or_default();
        let length = description.chars().count();
        assert!((1..=120).contains(&length), "{}: {length} characters", e.id);
        assert!(!description.contains('\n'), "{}", e.id);
        assert!(e.image.is_none(), "{}", e.id);
    }
    for a in all_articles() {
        assert!(
            a.headline_mentions.is_some(),
            "{}: headline not matched",
            a.id
        );
        assert!(
            a.entities.iter().all(|e| e.description.is_some()),
            "{}",
            a.id
        );
    }
    // Iraq is named with the United States and Iran; its first mention in the seed article is
    // in a sentence of its own.
    use lede::core::corpus::often_with::{often_with, EntityLookup};
    let lookup = EntityLookup::new(&index.entities);
    let with_iraq = index
        .articles
        .iter()
        .filter(|a| a.entities.iter().any(|e| e == "iraq"));
    let companions = often_with("iraq", with_iraq, &lookup);
    assert!(
        companions.iter().any(|c| c.entity.id == "iran"),
        "{companions:?}"
    );
    let seed = article(&format!("articles/{SEED_ID}.json"));
    let found = lede::core::corpus::in_context::first_mention_in_context(&seed, "lloyd-austin")
        .expect("the seed names Lloyd Austin");
    assert_eq!(found.mention(), "Lloyd Austin");
    assert!(found.text.chars().count() <= 242, "{}", found.text);
}

#[test]
fn every_picture_url_is_safe() {
    let index = index();
    for s in &index.articles {
        if let Some(t) = &s.thumbnail {
            assert!(
                safe_url(&t.url).is_some() && is_absolute_http(&t.url),
                "{}",
                t.url
            );
        }
    }
    for e in &index.entities {
        if let Some(url) = &e.url {
            assert!(url.starts_with("https://"), "{url}");
        }
    }
    for a in all_articles() {
        if let Some(image) = &a.image {
            assert!(
                safe_url(&image.url).is_some() && is_absolute_http(&image.url),
                "{}: {}",
                a.id,
                image.url
            );
        }
        if let Some(url) = &a.source_url {
            assert!(is_absolute_http(url), "{}: {url}", a.id);
        }
    }
}

fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn build_reproduces_the_committed_corpus() {
    let out = std::env::temp_dir().join(format!("lede-corpus-rebuild-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let status = Command::new(env!("CARGO_BIN_EXE_lede-corpus"))
        .arg("build")
        .arg("--out")
        .arg(&out)
        .current_dir(root())
        .output()
        .expect("run lede-corpus build");
    assert!(
        status.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let rebuilt = files_under(&out);
    let committed = files_under(&root().join("corpus"));
    let _ = std::fs::remove_dir_all(&out);
    assert_eq!(
        rebuilt.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "the rebuilt corpus has different files"
    );
    for (path, bytes) in &committed {
        assert!(
            rebuilt[path] == *bytes,
            "corpus/{} differs from a fresh build: run `cargo run --bin lede-corpus -- build`",
            path.display()
        );
    }
}

fn required(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
    let node = schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the schema"));
    let mut list: Vec<String> = node["required"]
        .as_array()
        .unwrap_or_else(|| panic!("{pointer} has no required list"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    list.sort();
    list
}

fn schema(name: &str) -> serde_json::Value {
    let path = root().join("schema").join(name);
    let value: serde_json::Value = serde_json::from_str(&read(&path))
        .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
    assert_eq!(
        value["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "{name}"
    );
    value
}

/// What `tests/schema.rs` does not see: the index's either-or of `articles` and `catalog`, that
/// unknown fields stay allowed, and the unit of mention offsets. (The keys and required keys of
/// every object are checked against the declarations there.)
#[test]
fn schemas_match_what_the_format_reads() {
    let index = schema("lede-corpus-index.v1.schema.json");
    assert_eq!(required(&index, "/anyOf/0"), ["articles"]);
    assert_eq!(required(&index, "/anyOf/1"), ["catalog"]);
    assert!(index.pointer("/properties/entity_file").is_some());
    let article = schema("lede-article.v1.schema.json");
    // Unknown fields are ignored by the reader, so the schemas must not forbid them.
    for text in [index.to_string(), article.to_string()] {
        assert!(!text.contains("\"additionalProperties\":false"));
    }
    // Offsets are documented as code points.
    assert!(article["$defs"]["mention"]["description"]
        .as_str()
        .unwrap()
        .contains("code points"));
}

/// Guards against `validate` passing a paged corpus without reading its parts: the paged layout
/// of the default corpus validates, and a truncated listing page or a corrupt postings file is
/// reported with its file.
#[test]
fn paged_layout_of_the_default_corpus_validates_and_corruption_is_caught() {
    let tool = env!("CARGO_BIN_EXE_lede-corpus");
    let out = std::env::temp_dir().join(format!("lede-corpus-paged-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let index = root().join("corpus/index.json");
    let status = Command::new(tool)
        .arg("paginate")
        .arg(&index)
        .args(["--page-size", "5", "--out"])
        .arg(&out)
        .status()
        .expect("lede-corpus runs");
    assert!(status.success(), "paginate failed");
    let validate = || {
        Command::new(tool)
            .arg("validate")
            .arg(out.join("index.json"))
            .output()
            .expect("lede-corpus runs")
    };
    let ok = validate();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("(16 articles"));

    std::fs::write(
        out.join("listing/1.json"),
        r#"{"version": 1, "page": 1, "articles": []}"#,
    )
    .unwrap();
    std::fs::write(
        out.join("postings.json"),
        "{\"version\": 1, \"count\": 16, \"topics\": {\"x\": \"*\"}}",
    )
    .unwrap();
    let bad = validate();
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(!bad.status.success());
    assert!(
        stderr.contains("listing/1.json: holds 0 articles"),
        "{stderr}"
    );
    assert!(stderr.contains("postings.json: at topics.x"), "{stderr}");
    let _ = std::fs::remove_dir_all(&out);
}

/// Guards against `validate` passing what the viewer silently drops: a relative entity `url`
/// and `source_url` (the viewer links only absolute http(s) there) and a malformed `wikidata`
/// id. Each is reported with its file and path, and the exit code says something is wrong.
#[test]
fn validate_reports_what_the_viewer_would_drop() {
    let tool = env!("CARGO_BIN_EXE_lede-corpus");
    let out = std::env::temp_dir().join(format!("lede-corpus-drops-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(out.join("articles")).unwrap();
    let index = serde_json::json!({
        "version": 1,
        "topics": [{"id": "t", "label": "T"}],
        "entities": [
            {"id": "rel", "name": "Rel", "url": "wiki/Rel", "wikidata": "X42"},
            {"id": "ok", "name": "Okay", "url": "https://en.wikipedia.org/wiki/Okay", "wikidata": "Q42"},
        ],
        "articles": [{"id": "a", "headline": "A", "published": "2024-01-01", "topics": ["t"],
                      "entities": ["rel", "ok"], "url": "articles/a.json"}],
    });
    let article = serde_json::json!({
        "version": 1, "id": "a", "headline": "A", "published": "2024-01-01", "topics": ["t"],
        "source_url": "original.html",
        "entities": [
            {"id": "rel", "name": "Rel", "url": "/wiki/Rel", "wikidata": "Q12a"},
            {"id": "ok", "name": "Okay", "url": "https://en.wikipedia.org/wiki/Okay", "wikidata": "Q42"},
        ],
        "body": [{"text": "Rel met Okay."}],
    });
    std::fs::write(out.join("index.json"), index.to_string()).unwrap();
    std::fs::write(out.join("articles/a.json"), article.to_string()).unwrap();
    let run = Command::new(tool)
        .arg("validate")
        .arg(out.join("index.json"))
        .output()
        .expect("lede-corpus runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{stderr}");
    for expected in [
        "index.json: at entities[0].url",
        "index.json: at entities[0].wikidata",
        "a.json: at entities[0].url",
        "a.json: at entities[0].wikidata",
        "a.json: at source_url",
    ] {
        assert!(stderr.contains(expected), "{expected} in:\n{stderr}");
    }
    assert!(!stderr.contains("entities[1]"), "{stderr}");
    let _ = std::fs::remove_dir_all(&out);
}
