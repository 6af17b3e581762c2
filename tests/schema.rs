//! The JSON Schemas in `schema/` say what the readers read. Every file shape is declared once
//! (`shape!` in `src/core/format/`), and its declaration knows its keys (`FIELDS`, the first
//! `REQUIRED` of them required); this test compares them with the `properties` and `required` of
//! the matching object of the schema, both ways, so a field added to one and not the other fails
//! here. Every schema object with `properties` must be matched to a declaration.

mod common;

use lede::core::format::catalog::{Catalog, ListingPage, Mentions, Postings};
use lede::core::format::{
    Article, ArticleSummary, CorpusIndex, DirectoryEntity, Entity, EntityDirectory, EntityImage,
    EntitySummary, LeadImage, Mention, Paragraph, Thumbnail, Topic, UiStringsFile,
};
use lede::core::search::{PositionsFragment, SearchMeta, TermFragment};
use lede::core::text::ui_text::KEYS;
use serde_json::Value;
use std::collections::BTreeSet;

const INDEX: &str = "lede-corpus-index.v1.schema.json";
const ENTITIES: &str = "lede-entities.v1.schema.json";
const PAGED: &str = "lede-paged.v1.schema.json";
const ARTICLE: &str = "lede-article.v1.schema.json";
const SEARCH_META: &str = "lede-search-meta.v1.schema.json";
const SEARCH_FRAGMENT: &str = "lede-search-fragment.v1.schema.json";
const UI_STRINGS: &str = "lede-ui-strings.v1.schema.json";

/// Each declaration: its name, keys and required count, and the schema object it must match.
const SHAPES: &[(&str, &[&str], usize, &str, &str)] = &[
    (
        "CorpusIndex",
        CorpusIndex::FIELDS,
        CorpusIndex::REQUIRED,
        INDEX,
        "",
    ),
    (
        "Topic",
        Topic::FIELDS,
        Topic::REQUIRED,
        INDEX,
        "/$defs/topic",
    ),
    (
        "EntitySummary",
        EntitySummary::FIELDS,
        EntitySummary::REQUIRED,
        INDEX,
        "/$defs/entitySummary",
    ),
    (
        "EntityImage",
        EntityImage::FIELDS,
        EntityImage::REQUIRED,
        INDEX,
        "/$defs/entityImage",
    ),
    (
        "Thumbnail",
        Thumbnail::FIELDS,
        Thumbnail::REQUIRED,
        INDEX,
        "/$defs/thumbnail",
    ),
    (
        "ArticleSummary",
        ArticleSummary::FIELDS,
        ArticleSummary::REQUIRED,
        INDEX,
        "/$defs/articleSummary",
    ),
    (
        "Catalog",
        Catalog::FIELDS,
        Catalog::REQUIRED,
        INDEX,
        "/$defs/catalog",
    ),
    (
        "EntityDirectory",
        EntityDirectory::FIELDS,
        EntityDirectory::REQUIRED,
        ENTITIES,
        "",
    ),
    (
        "DirectoryEntity",
        DirectoryEntity::FIELDS,
        DirectoryEntity::REQUIRED,
        ENTITIES,
        "/$defs/entity",
    ),
    (
        "ListingPage",
        ListingPage::FIELDS,
        ListingPage::REQUIRED,
        PAGED,
        "/$defs/listingPage",
    ),
    (
        "Postings",
        Postings::FIELDS,
        Postings::REQUIRED,
        PAGED,
        "/$defs/postings",
    ),
    (
        "Mentions",
        Mentions::FIELDS,
        Mentions::REQUIRED,
        PAGED,
        "/$defs/mentions",
    ),
    ("Article", Article::FIELDS, Article::REQUIRED, ARTICLE, ""),
    (
        "SearchMeta",
        SearchMeta::FIELDS,
        SearchMeta::REQUIRED,
        SEARCH_META,
        "",
    ),
    (
        "TermFragment",
        TermFragment::FIELDS,
        TermFragment::REQUIRED,
        SEARCH_FRAGMENT,
        "/$defs/termFragment",
    ),
    (
        "PositionsFragment",
        PositionsFragment::FIELDS,
        PositionsFragment::REQUIRED,
        SEARCH_FRAGMENT,
        "/$defs/positionsFragment",
    ),
    (
        "LeadImage",
        LeadImage::FIELDS,
        LeadImage::REQUIRED,
        ARTICLE,
        "/$defs/leadImage",
    ),
    (
        "Entity",
        Entity::FIELDS,
        Entity::REQUIRED,
        ARTICLE,
        "/$defs/entity",
    ),
    (
        "Paragraph",
        Paragraph::FIELDS,
        Paragraph::REQUIRED,
        ARTICLE,
        "/$defs/paragraph",
    ),
    (
        "UiStringsFile",
        UiStringsFile::FIELDS,
        UiStringsFile::REQUIRED,
        UI_STRINGS,
        "",
    ),
    // The keys of the viewer's words: every one in the schema, none the schema lacks.
    ("UiText", KEYS, 0, UI_STRINGS, "/properties/strings"),
    (
        "Mention",
        Mention::FIELDS,
        Mention::REQUIRED,
        ARTICLE,
        "/$defs/mention",
    ),
];

fn schema(name: &str) -> Value {
    let path = common::root().join("schema").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn names(list: Option<&Value>) -> BTreeSet<String> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// The keys and the required keys of the object at `pointer` in schema `file`, with those of the
/// objects it extends (`allOf` with a `$ref`, in this file or another).
fn object(file: &str, pointer: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let root = schema(file);
    let node = root
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{file}: no {pointer:?}"));
    let mut keys: BTreeSet<String> = node["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("{file}{pointer}: no properties"))
        .keys()
        .cloned()
        .collect();
    let mut required = names(node.get("required"));
    for part in node["allOf"].as_array().into_iter().flatten() {
        let reference = part["$ref"].as_str().expect("allOf parts are $refs");
        let (other, at) = reference.split_once('#').unwrap();
        let (k, r) = object(if other.is_empty() { file } else { other }, at);
        keys.extend(k);
        required.extend(r);
    }
    (keys, required)
}

#[test]
fn every_declaration_matches_its_schema_object() {
    let mut drift = Vec::new();
    for &(name, fields, required, file, pointer) in SHAPES {
        let known: BTreeSet<String> = fields.iter().map(|k| k.to_string()).collect();
        let must: BTreeSet<String> = fields[..required].iter().map(|k| k.to_string()).collect();
        assert_eq!(known.len(), fields.len(), "{name}: a key twice");
        let (keys, schema_required) = object(file, pointer);
        for key in known.difference(&keys) {
            drift.push(format!("{name}.{key} is read but not in {file}{pointer}"));
        }
        for key in keys.difference(&known) {
            drift.push(format!(
                "{file}{pointer} has {key}, which {name} does not read"
            ));
        }
        if must != schema_required {
            drift.push(format!(
                "{name} requires {must:?}, {file}{pointer} requires {schema_required:?}"
            ));
        }
    }
    assert!(
        drift.is_empty(),
        "the schemas drifted from the declarations:\n{}",
        drift.join("\n")
    );
}

/// Every object of a schema that lists `properties` is a file shape, and so must be in `SHAPES`.
#[test]
fn every_schema_object_has_a_declaration() {
    fn objects(value: &Value, pointer: String, out: &mut Vec<String>) {
        if let Some(map) = value.as_object() {
            if map.contains_key("properties") {
                out.push(pointer.clone());
            }
            for (key, child) in map {
                // A `properties` map's children are the keys, not objects of their own; only
                // containers of definitions are walked.
                if key == "$defs" {
                    for (def, value) in child.as_object().unwrap() {
                        objects(value, format!("{pointer}/$defs/{def}"), out);
                    }
                }
            }
        }
    }
    let mut missing = Vec::new();
    for file in [
        INDEX,
        ENTITIES,
        PAGED,
        ARTICLE,
        SEARCH_META,
        SEARCH_FRAGMENT,
    ] {
        let mut found = Vec::new();
        objects(&schema(file), String::new(), &mut found);
        for pointer in found {
            if !SHAPES.iter().any(|s| s.3 == file && s.4 == pointer) {
                missing.push(format!("{file}{pointer}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "schema objects without a declaration: {missing:?}"
    );
}

/// The check itself sees drift: a declaration's keys against another object's fail.
#[test]
fn the_check_sees_a_missing_and_an_extra_key() {
    let (keys, required) = object(ARTICLE, "/$defs/leadImage");
    let thumbnail: BTreeSet<String> = Thumbnail::FIELDS.iter().map(|k| k.to_string()).collect();
    assert_ne!(keys, thumbnail, "caption and credit are not a thumbnail's");
    assert_eq!(required, ["url".to_string()].into());
    let (keys, _) = object(ENTITIES, "/$defs/entity");
    assert!(
        keys.contains("articles") && keys.contains("wikidata"),
        "allOf is followed"
    );
}
