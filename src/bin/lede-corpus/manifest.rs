//! The sources manifest (`sources/sources.json`): which articles make up the corpus, where
//! each comes from, and the reviewed curation (topics, entities, corrections) applied to it.
//!
//! Paths in the manifest are relative to the repository root (the `--root` option, by default
//! the current directory). Upstream material is vendored under `sources/` (see `sources/README.md`),
//! so a clone builds its corpus without anything outside the repository.

use lede::core::format::{Entity, EntityKind, LeadImage, Topic};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

/// The whole manifest.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Free text for people reading the file; ignored by the tool.
    #[serde(default, rename = "_comment")]
    pub _comment: Option<serde_json::Value>,
    /// The heading of the corpus.
    pub title: String,
    /// Every topic, in display order.
    pub topics: Vec<Topic>,
    /// The global entity registry: one id per person, organisation or place across articles.
    pub entities: Vec<EntityDef>,
    /// How the registry was written (where its descriptions come from); kept in the manifest
    /// only.
    #[serde(default, rename = "entities_note")]
    pub _entities_note: Option<String>,
    pub articles: Vec<SourceEntry>,
}

/// An entity as curated once for the whole corpus.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityDef {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Spellings matched in every article that lists the entity.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub wikidata: Option<String>,
    /// One short line saying who or what the entity is (see the registry's `note`).
    #[serde(default)]
    pub description: Option<String>,
    /// Why the entity is curated the way it is (kept in the manifest only).
    #[serde(default, rename = "note")]
    pub _note: Option<String>,
}

impl EntityDef {
    /// The entity as the corpus's files carry it, with its corpus-wide aliases.
    pub fn entity(&self) -> Entity {
        Entity {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
            aliases: self.aliases.clone(),
            url: self.url.clone(),
            wikidata: self.wikidata.clone(),
            description: self.description.clone(),
            ..Default::default()
        }
    }
}

/// Where an article comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A page copied as text (the seed article).
    Seed,
    /// An IPTC ninjs item.
    Ninjs,
    /// Cleaned article HTML plus a metadata JSON (mozilla/readability test pages).
    Html,
}

/// One article of the corpus.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub id: String,
    pub kind: Kind,
    /// The source file (seed text, ninjs JSON, or the article HTML).
    pub path: String,
    /// The metadata JSON, for `html` sources.
    #[serde(default)]
    pub metadata: Option<String>,
    /// Topic ids from [`Manifest::topics`].
    pub topics: Vec<String>,
    /// Entities the article names: an id from the registry, or `{ "id", "aliases" }` to add
    /// spellings that are safe to match in this article only.
    #[serde(default)]
    pub entities: Vec<EntityRef>,
    /// Copyright or licence note shown under the article. Required unless the source has one.
    #[serde(default)]
    pub rights: Option<String>,
    /// Corrections and additions to what the importer read.
    #[serde(default)]
    pub set: Overrides,
    /// For ninjs: the role of the body to read (`text`, `html`, `xhtml`, `html5`…).
    #[serde(default)]
    pub body_role: Option<String>,
    /// Paragraphs dropped from the start / end of the body (page furniture), see `note`.
    #[serde(default)]
    pub skip_leading: usize,
    #[serde(default)]
    pub skip_trailing: usize,
    /// Paragraphs dropped wherever they occur (exact text), see `note`.
    #[serde(default)]
    pub omit_paragraphs: Vec<String>,
    /// Which picture of the page is the lead picture (0 = the first usable one);
    /// `null`-like `-1` means none.
    #[serde(default)]
    pub image_index: Option<i64>,
    /// Why the entry deviates from its source, where it does (dates, omitted text, licence).
    #[serde(default, rename = "note")]
    pub _note: Option<String>,
}

/// Values that replace what the importer read. An empty string removes an optional field.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    pub headline: Option<String>,
    pub standfirst: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub source_url: Option<String>,
    pub source_name: Option<String>,
    pub image: Option<ImageOverride>,
}

/// Corrections to the lead picture; unset fields keep what was read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageOverride {
    pub url: Option<String>,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Where `width`/`height` come from, when they are not read from the source.
    #[serde(rename = "note")]
    pub _note: Option<String>,
}

impl ImageOverride {
    /// Applies the corrections to `image`, or builds a picture from them alone.
    pub fn apply(&self, image: Option<LeadImage>) -> Option<LeadImage> {
        let mut image = match (image, &self.url) {
            (Some(image), _) => image,
            (None, Some(url)) => LeadImage {
                url: url.clone(),
                alt: String::new(),
                caption: None,
                credit: None,
                width: None,
                height: None,
            },
            (None, None) => return None,
        };
        if let Some(url) = &self.url {
            image.url = url.clone();
        }
        if let Some(alt) = &self.alt {
            image.alt = alt.clone();
        }
        if let Some(caption) = &self.caption {
            image.caption = non_empty(caption);
        }
        if let Some(credit) = &self.credit {
            image.credit = non_empty(credit);
        }
        if self.width.is_some() {
            image.width = self.width;
        }
        if self.height.is_some() {
            image.height = self.height;
        }
        Some(image)
    }
}

/// `None` for an empty string: how the manifest removes an optional field.
pub fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// An entity named by an article.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum EntityRef {
    Id(String),
    WithAliases {
        id: String,
        #[serde(default)]
        aliases: Vec<String>,
    },
}

impl EntityRef {
    pub fn id(&self) -> &str {
        match self {
            EntityRef::Id(id) | EntityRef::WithAliases { id, .. } => id,
        }
    }

    fn extra_aliases(&self) -> &[String] {
        match self {
            EntityRef::Id(_) => &[],
            EntityRef::WithAliases { aliases, .. } => aliases,
        }
    }
}

impl Manifest {
    /// Reads and checks the manifest; errors name the JSON path.
    pub fn load(path: &Path) -> Result<Manifest, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let manifest: Manifest =
            lede::core::format::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        manifest
            .check()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(manifest)
    }

    fn check(&self) -> Result<(), String> {
        let mut topics = HashSet::new();
        for (i, t) in self.topics.iter().enumerate() {
            if !is_id(&t.id) || !topics.insert(t.id.as_str()) {
                return Err(format!(
                    "topics[{i}].id {:?} is empty, malformed or repeated",
                    t.id
                ));
            }
        }
        let mut entities = HashSet::new();
        for (i, e) in self.entities.iter().enumerate() {
            if !is_id(&e.id) || !entities.insert(e.id.as_str()) {
                return Err(format!(
                    "entities[{i}].id {:?} is empty, malformed or repeated",
                    e.id
                ));
            }
            if let Some(url) = &e.url {
                if !url.starts_with("https://") {
                    return Err(format!("entities[{i}].url {url:?} must be an https URL"));
                }
            }
            if let Some(q) = &e.wikidata {
                let digits = q.strip_prefix('Q').unwrap_or("");
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!(
                        "entities[{i}].wikidata {q:?} is not a Wikidata id (Q123)"
                    ));
                }
            }
        }
        let mut articles = HashSet::new();
        for (i, a) in self.articles.iter().enumerate() {
            if !is_id(&a.id) || !articles.insert(a.id.as_str()) {
                return Err(format!(
                    "articles[{i}].id {:?} is empty, malformed or repeated",
                    a.id
                ));
            }
            for (j, t) in a.topics.iter().enumerate() {
                if !topics.contains(t.as_str()) {
                    return Err(format!("articles[{i}].topics[{j}]: unknown topic {t:?}"));
                }
            }
            let mut seen = HashSet::new();
            for (j, e) in a.entities.iter().enumerate() {
                if !entities.contains(e.id()) {
                    return Err(format!(
                        "articles[{i}].entities[{j}]: unknown entity {:?}",
                        e.id()
                    ));
                }
                if !seen.insert(e.id()) {
                    return Err(format!(
                        "articles[{i}].entities[{j}]: {:?} listed twice",
                        e.id()
                    ));
                }
            }
            if a.kind == Kind::Html && a.metadata.is_none() {
                return Err(format!("articles[{i}]: an html source needs \"metadata\""));
            }
        }
        Ok(())
    }

    /// The article's entities with their aliases, in the order the article lists them.
    pub fn entities_for(&self, entry: &SourceEntry) -> Vec<Entity> {
        entry
            .entities
            .iter()
            .filter_map(|r| {
                let mut entity = self.entities.iter().find(|e| e.id == r.id())?.entity();
                for extra in r.extra_aliases() {
                    if !entity.aliases.contains(extra) {
                        entity.aliases.push(extra.clone());
                    }
                }
                Some(entity)
            })
            .collect()
    }
}

/// Ids are lowercase ASCII letters, digits and hyphens: safe in file names and URLs.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
