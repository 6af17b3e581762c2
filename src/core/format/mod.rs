//! The Lede corpus format, version 1: the contract with publishers.
//!
//! A corpus is one small **index** file (topics and one summary per article: everything the list
//! and the filter need), an **entity directory** (the entities and the articles that mention
//! them: what the entity view needs, fetched when a reader first opens an entity) and **one file
//! per article**, fetched only when a reader opens it. All carry `"version": 1`. A small
//! hand-written corpus may list its entities in the index instead of a directory.
//!
//! Decisions, also written down in the README and in `schema/`:
//! - unknown fields are ignored, so newer writers can add fields without breaking older viewers;
//! - a wrong type is an error that names the JSON path (`articles[3].topics[0]`);
//! - a `version` other than [`FORMAT_VERSION`] is refused with a message saying so: the version
//!   only changes when old viewers would misread a file;
//! - mention offsets count **Unicode code points** within one paragraph, end exclusive, as spaCy
//!   and the W3C Web Annotation model do (not UTF-16 units, not bytes);
//! - URLs in a file may be absolute (`http:`/`https:` only) or relative; relative ones resolve
//!   against the URL of the file that contains them.
//!
//! The viewer reads files with the small hand-written readers at the end of this module, on top
//! of [`crate::core::json`], instead of serde's derived `Deserialize`: that code was most of the
//! parser's size in the wasm binary. Writing (`to_json`, only used by the corpus tool) still goes
//! through serde.

pub mod catalog;
pub mod matching;
pub mod mentions;

use crate::core::json::reader::{Fail, Read, Reader};
use crate::core::json::JsonError;
use crate::core::text::quote::quoted_short;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The most articles a paged corpus may have (its catalog's `count`): ten times the largest
/// corpus the viewer is measured with (README, "Benchmarks").
pub const MAX_CATALOG_ARTICLES: usize = 1_000_000;

/// The corpus index: one small file that lists every article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusIndex {
    pub version: u32,
    /// A name for the corpus, shown as the page heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Every topic an article may carry, in display order.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// The entities mentioned anywhere in the corpus, inline, so that the entity view needs no
    /// other file. Empty when `entity_file` gives them instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntitySummary>,
    /// The URL of the corpus's [`EntityDirectory`], relative to the index, instead of inline
    /// `entities`: the list's first view then downloads no entity at all (for the default corpus,
    /// 4 kB of its 7 kB gzipped index). Given it, the summaries' `entities` lists are not needed
    /// and are ignored; the directory says which articles mention each entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_file: Option<String>,
    /// Every article, inline: the layout of a small corpus. Required unless `catalog` is given.
    pub articles: Vec<ArticleSummary>,
    /// The paged layout of a large corpus, instead of `articles` (see [`crate::core::format::catalog`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<crate::core::format::catalog::Catalog>,
}

/// A topic: a stable id used in URLs and a label shown to readers. (`Deserialize` is for the
/// corpus tool's manifest; files are read by [`CorpusIndex::from_json`].)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub label: String,
    /// How many articles carry the topic: given by a paged index, whose first view shows the
    /// counts before the topic data is fetched. Ignored for a corpus listed inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
}

/// What the list, the filter and the entity view need to know about one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: String,
    pub headline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<String>,
    /// ISO 8601 date or date-time (`2023-03-07` or `2023-03-07T10:00:00Z`).
    pub published: String,
    /// BCP 47 language tag of the article (`en`, `pt-BR`, `ar`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// Ids of the entities the article mentions (see [`CorpusIndex::entities`]); filled in from
    /// the [`EntityDirectory`] when the index has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<Thumbnail>,
    /// Where the full article JSON lives, relative to the index file or absolute.
    pub url: String,
}

/// A small picture for the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Thumbnail {
    pub url: String,
    #[serde(default)]
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// An entity as the index lists it: enough to show the entity view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    pub id: String,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: EntityKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

/// One full article. Read and written through [`Article::from_json`] and [`Article::to_json`]:
/// in the file a mention names its entity by id; here it holds the entity's index.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub version: u32,
    pub id: String,
    pub headline: String,
    pub standfirst: Option<String>,
    pub byline: Option<String>,
    pub published: String,
    pub language: Option<String>,
    /// The canonical URL of the article where it was first published.
    pub source_url: Option<String>,
    /// Who published it (`The Cradle`, `TT Nyhetsbyrån`).
    pub source_name: Option<String>,
    /// Copyright or licence note shown under the article.
    pub rights: Option<String>,
    pub topics: Vec<String>,
    pub image: Option<LeadImage>,
    pub entities: Vec<Entity>,
    pub body: Vec<Paragraph>,
}

/// The picture at the top of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeadImage {
    pub url: String,
    /// Describes the picture for readers who cannot see it; empty only for decoration.
    #[serde(default)]
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The photo credit. Shown even when the picture fails to load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// Someone or something an article names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Stable across the corpus: the same person has the same id in every article.
    pub id: String,
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: EntityKind,
    /// Other spellings matched in paragraphs without explicit mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// An external page about the entity, such as Wikipedia.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A Wikidata id such as `Q12345`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

impl Entity {
    /// What an index or an entity directory says about the entity: all but its aliases.
    pub fn summary(&self) -> EntitySummary {
        EntitySummary {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
            url: self.url.clone(),
            wikidata: self.wikidata.clone(),
        }
    }
}

/// What kind of thing an entity is. Unknown kinds read as [`EntityKind::Other`], so a newer
/// writer's kinds do not make a file unreadable. (`Deserialize` is for the corpus tool's
/// manifest; files are read by [`EntityKind::from_name`].)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Event,
    #[default]
    #[serde(other)]
    Other,
}

impl EntityKind {
    /// The English label shown in the entity view.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organisation => "Organisation",
            EntityKind::Place => "Place",
            EntityKind::Event => "Event",
            EntityKind::Other => "Other",
        }
    }

    /// The kind a file names (`"person"`); any other name is [`EntityKind::Other`].
    pub fn from_name(name: &str) -> EntityKind {
        match name {
            "person" => EntityKind::Person,
            "organisation" => EntityKind::Organisation,
            "place" => EntityKind::Place,
            "event" => EntityKind::Event,
            _ => EntityKind::Other,
        }
    }
}

/// One paragraph of body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    /// Explicit mentions. When absent (not when empty), mentions are found by matching the
    /// article's entity names and aliases: see [`crate::core::format::matching`].
    pub mentions: Option<Vec<Mention>>,
}

/// A span of a paragraph that names an entity: code-point offsets, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Index into [`Article::entities`], or [`UNKNOWN_ENTITY`].
    pub entity_index: usize,
}

// `Mention` is written with the entity's id, not its index; the index is filled in after
// parsing. The raw shape lives here so the public type stays simple to use.
#[derive(Serialize)]
struct RawMention {
    start: usize,
    end: usize,
    entity: String,
}

/// Why a file could not be read as the Lede format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON at all, or JSON of the wrong shape. `path` is where it went wrong
    /// (`articles[2].topics`); `line`/`column` point into the file.
    Json {
        path: String,
        message: String,
        line: usize,
        column: usize,
    },
    /// A `version` this build does not read.
    Version { found: u32 },
    /// Well-formed JSON that breaks a rule of the format (a duplicate id, a bad date).
    Invalid { path: String, message: String },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Json {
                path,
                message,
                line,
                column,
            } => JsonError {
                path: path.clone(),
                message: message.clone(),
                line: *line,
                column: *column,
            }
            .fmt(f),
            FormatError::Version { found } => write!(
                f,
                "format version {found} is not supported (this viewer reads version {FORMAT_VERSION})"
            ),
            FormatError::Invalid { path, message } => write!(f, "at {path}: {message}"),
        }
    }
}

impl std::error::Error for FormatError {}

impl From<JsonError> for FormatError {
    fn from(e: JsonError) -> Self {
        FormatError::Json {
            path: e.path,
            message: e.message,
            line: e.line,
            column: e.column,
        }
    }
}

/// Reads JSON into any serde type `T`, reporting the path of the first value that does not fit
/// in the same [`FormatError`] shape as the format's own readers (serde's wording). For the
/// corpus tool's own files; the viewer does not use it, so it costs the wasm binary nothing.
pub fn from_json<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, FormatError> {
    serde_json::from_str(text).map_err(|error| {
        let (line, column) = (error.line(), error.column());
        let path = crate::core::json::path::path_at(
            text,
            crate::core::json::path::offset_of(text, line, column),
        );
        FormatError::Json {
            path,
            message: strip_position(&error.to_string()),
            line,
            column,
        }
    })
}

/// serde_json appends " at line L column C" to its messages; we report those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// Reads a corpus file in two passes. The first checks the syntax of the whole text and reads
/// only the `version`, so that a future format is reported as such rather than as a confusing
/// type error somewhere inside it; only a JSON object has a version (`[2]` is not "version 2").
/// The second reads the file with `read`.
pub(crate) fn parse<T>(text: &str, read: fn(&mut Reader) -> Read<T>) -> Result<T, FormatError> {
    let mut version = 0;
    let mut r = Reader::new(text);
    r.fields(
        "a JSON object with a `version`",
        &["version"],
        1,
        &mut |r, _| {
            version = read_u32(r)?;
            Ok(())
        },
    )
    .and_then(|()| r.end())
    .map_err(|e| e.into_error(text))?;
    if version != FORMAT_VERSION {
        return Err(FormatError::Version { found: version });
    }
    read(&mut Reader::new(text)).map_err(|e| e.into_error(text).into())
}

impl CorpusIndex {
    /// Parses and validates an index file.
    pub fn from_json(text: &str) -> Result<Self, FormatError> {
        let index = parse(text, read_index)?;
        index.validate()?;
        Ok(index)
    }

    fn validate(&self) -> Result<(), FormatError> {
        unique_ids(self.topics.iter().map(|t| t.id.as_str()), "topics")?;
        unique_ids(self.entities.iter().map(|e| e.id.as_str()), "entities")?;
        if self.entity_file.is_some() && !self.entities.is_empty() {
            return Err(FormatError::Invalid {
                path: "entity_file".into(),
                message: "give the entities inline or in an entity file, not both".into(),
            });
        }
        unique_ids(self.articles.iter().map(|a| a.id.as_str()), "articles")?;
        for (i, article) in self.articles.iter().enumerate() {
            if crate::core::text::dates::parse_timestamp(&article.published).is_none() {
                return Err(FormatError::Invalid {
                    path: format!("articles[{i}].published"),
                    message: not_a_date(&article.published),
                });
            }
        }
        Ok(())
    }

    /// The topic with this id, if the index lists it.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The entity with this id, if the index lists it.
    pub fn entity(&self, id: &str) -> Option<&EntitySummary> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The summary of the article with this id.
    pub fn article(&self, id: &str) -> Option<&ArticleSummary> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Serialises the index the way the corpus tool writes it: pretty, stable.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an index always serialises")
    }

    /// Takes the entities, and who mentions them, from the index's entity directory: afterwards
    /// the index reads as if it had listed them inline. In a corpus listed inline, every article
    /// id the directory names must be in the index; a paged corpus takes its mentions from its
    /// own mentions file (see [`crate::core::format::catalog`]) and only the entities from here.
    pub fn add_directory(&mut self, directory: EntityDirectory) -> Result<(), FormatError> {
        if self.catalog.is_none() {
            let mut positions: Vec<(&str, usize)> = self
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.as_str(), i))
                .collect();
            positions.sort_unstable();
            let mut lists = vec![Vec::new(); self.articles.len()];
            for (i, entry) in directory.entities.iter().enumerate() {
                for (j, id) in entry.articles.iter().enumerate() {
                    match positions.binary_search_by(|(known, _)| known.cmp(&id.as_str())) {
                        Ok(found) => lists[positions[found].1].push(entry.entity.id.clone()),
                        Err(_) => {
                            return Err(FormatError::Invalid {
                                path: format!("entities[{i}].articles[{j}]"),
                                message: format!("the index has no article {}", quoted_short(id)),
                            })
                        }
                    }
                }
            }
            for (summary, list) in self.articles.iter_mut().zip(lists) {
                summary.entities = list;
            }
        }
        self.entities = directory.entities.into_iter().map(|e| e.entity).collect();
        self.entity_file = None;
        Ok(())
    }
}

/// A corpus's entities in a file of their own (the index's `entity_file`), each with the ids of
/// the articles that mention it: everything the entity view needs, fetched when a reader first
/// opens an entity rather than with the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityDirectory {
    pub version: u32,
    pub entities: Vec<DirectoryEntity>,
}

/// One entity of an [`EntityDirectory`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DirectoryEntity {
    #[serde(flatten)]
    pub entity: EntitySummary,
    /// Ids of the articles that mention the entity, in any order: the viewer lists them newest
    /// first. (A paged corpus gives its mentions in its mentions file and leaves this out.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
}

impl EntityDirectory {
    /// Parses and validates an entity directory file.
    pub fn from_json(text: &str) -> Result<Self, FormatError> {
        let directory = parse(text, read_directory)?;
        unique_ids(
            directory.entities.iter().map(|e| e.entity.id.as_str()),
            "entities",
        )?;
        Ok(directory)
    }

    /// The entity with this id, if the directory lists it.
    pub fn entity(&self, id: &str) -> Option<&DirectoryEntity> {
        self.entities.iter().find(|e| e.entity.id == id)
    }

    /// Serialises the directory the way the corpus tool writes it: pretty, stable.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a directory always serialises")
    }
}

fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: &str) -> Result<(), FormatError> {
    first_repeat(&ids.collect::<Vec<_>>(), list)
}

/// The first id in file order that is empty or repeats an earlier one, as an error. One sort
/// of the positions by id (ties in file order), so equal ids are neighbours: n log n whatever
/// the ids are. (A fixed hash with linear probing, as before, let a file of ids crafted to
/// collide make the check quadratic; std's randomly seeded `HashSet` would cost the wasm its
/// SipHash, ~1.5 kB compressed.)
fn first_repeat(ids: &[&str], list: &str) -> Result<(), FormatError> {
    let mut by_id: Vec<usize> = (0..ids.len()).collect();
    by_id.sort_unstable_by(|&a, &b| ids[a].cmp(ids[b]).then(a.cmp(&b)));
    let repeat = by_id
        .windows(2)
        .filter(|pair| ids[pair[0]] == ids[pair[1]])
        .map(|pair| pair[1])
        .min();
    let empty = ids.iter().position(|id| id.is_empty());
    let (i, message) = match (empty, repeat) {
        (Some(e), Some(r)) if r < e => (r, None),
        (Some(e), _) => (e, Some("an id must not be empty".to_string())),
        (None, Some(r)) => (r, None),
        (None, None) => return Ok(()),
    };
    let message =
        message.unwrap_or_else(|| format!("the id {} is used twice", quoted_short(ids[i])));
    Err(FormatError::Invalid {
        path: format!("{list}[{i}].id"),
        message,
    })
}

fn not_a_date(text: &str) -> String {
    format!(
        "{} is not an ISO 8601 date such as 2023-03-07",
        quoted_short(text)
    )
}

impl Article {
    /// Parses and validates an article file. Mentions that point at unknown entities are not
    /// errors: the viewer shows their text unlinked and warns (see [`crate::core::format::mentions`]).
    pub fn from_json(text: &str) -> Result<Self, FormatError> {
        let article = parse(text, read_article)?.resolve();
        unique_ids(article.entities.iter().map(|e| e.id.as_str()), "entities")?;
        if crate::core::text::dates::parse_timestamp(&article.published).is_none() {
            return Err(FormatError::Invalid {
                path: "published".into(),
                message: not_a_date(&article.published),
            });
        }
        Ok(article)
    }

    /// Serialises the article with mentions naming their entity ids.
    pub fn to_json(&self) -> String {
        let raw = RawArticle::from(self);
        serde_json::to_string_pretty(&raw).expect("an article always serialises")
    }

    /// What the index says about this article, its file at `articles/<id>.json` (the layout the
    /// corpus tool writes).
    pub fn summary(&self, thumbnail: Option<Thumbnail>) -> ArticleSummary {
        ArticleSummary {
            id: self.id.clone(),
            headline: self.headline.clone(),
            standfirst: self.standfirst.clone(),
            published: self.published.clone(),
            language: self.language.clone(),
            topics: self.topics.clone(),
            entities: self.entities.iter().map(|e| e.id.clone()).collect(),
            thumbnail,
            url: format!("articles/{}.json", self.id),
        }
    }

    /// The entity a mention points at.
    pub fn entity_of(&self, mention: &Mention) -> Option<&Entity> {
        self.entities.get(mention.entity_index)
    }
}

/// Marks a mention whose entity id is not in the article's entity list.
pub const UNKNOWN_ENTITY: usize = usize::MAX;

// The article as written: mentions carry entity ids.
#[derive(Serialize)]
struct RawArticle {
    version: u32,
    id: String,
    headline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    standfirst: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    byline: Option<String>,
    published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rights: Option<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    image: Option<LeadImage>,
    #[serde(default)]
    entities: Vec<Entity>,
    body: Vec<RawParagraph>,
}

#[derive(Serialize)]
struct RawParagraph {
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mentions: Option<Vec<RawMention>>,
}

impl RawArticle {
    fn resolve(self) -> Article {
        let entities = self.entities;
        // Sorted once, searched per mention: scanning every entity for every mention was
        // 20,000 × 100,000 comparisons for a file that names one unknown id throughout. Ties
        // keep file order, so an id listed twice resolves to its first entity.
        let mut by_id: Vec<(&str, usize)> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        by_id.sort_unstable();
        let index_of = |id: &str| {
            let first = by_id.partition_point(|(known, _)| *known < id);
            match by_id.get(first) {
                Some(&(known, i)) if known == id => i,
                _ => UNKNOWN_ENTITY,
            }
        };
        let body = self
            .body
            .into_iter()
            .map(|p| Paragraph {
                mentions: p.mentions.map(|ms| {
                    ms.into_iter()
                        .map(|m| Mention {
                            start: m.start,
                            end: m.end,
                            entity_index: index_of(&m.entity),
                        })
                        .collect()
                }),
                text: p.text,
            })
            .collect();
        Article {
            version: self.version,
            id: self.id,
            headline: self.headline,
            standfirst: self.standfirst,
            byline: self.byline,
            published: self.published,
            language: self.language,
            source_url: self.source_url,
            source_name: self.source_name,
            rights: self.rights,
            topics: self.topics,
            image: self.image,
            entities,
            body,
        }
    }
}

impl From<&Article> for RawArticle {
    fn from(a: &Article) -> Self {
        RawArticle {
            version: a.version,
            id: a.id.clone(),
            headline: a.headline.clone(),
            standfirst: a.standfirst.clone(),
            byline: a.byline.clone(),
            published: a.published.clone(),
            language: a.language.clone(),
            source_url: a.source_url.clone(),
            source_name: a.source_name.clone(),
            rights: a.rights.clone(),
            topics: a.topics.clone(),
            image: a.image.clone(),
            entities: a.entities.clone(),
            body: a
                .body
                .iter()
                .map(|p| RawParagraph {
                    text: p.text.clone(),
                    mentions: p.mentions.as_ref().map(|ms| {
                        ms.iter()
                            .filter_map(|m| {
                                a.entities.get(m.entity_index).map(|e| RawMention {
                                    start: m.start,
                                    end: m.end,
                                    entity: e.id.clone(),
                                })
                            })
                            .collect()
                    }),
                })
                .collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Readers. Each lists its known keys, required ones first in declaration order (the first
// missing one is reported); unknown keys are skipped. A key that may be absent reads `null` as
// absent when its type is an `Option`, and refuses it otherwise, as serde did.
// ---------------------------------------------------------------------------------------------

const AN_OBJECT: &str = "an object";

pub(crate) fn read_u32(r: &mut Reader) -> Read<u32> {
    // The bound makes the conversion lossless.
    r.uint(u32::MAX.into()).map(|n| n as u32)
}

pub(crate) fn read_usize(r: &mut Reader) -> Read<usize> {
    r.uint(usize::MAX as u64).map(|n| n as usize)
}

fn read_string(r: &mut Reader) -> Read<String> {
    r.string()
}

fn read_strings(r: &mut Reader) -> Read<Vec<String>> {
    r.list(read_string)
}

/// `None` for `null`, otherwise what `read` reads.
fn optional<T>(r: &mut Reader, read: fn(&mut Reader) -> Read<T>) -> Read<Option<T>> {
    if r.null()? {
        Ok(None)
    } else {
        read(r).map(Some)
    }
}

fn optional_string(r: &mut Reader) -> Read<Option<String>> {
    optional(r, read_string)
}

fn read_kind(r: &mut Reader) -> Read<EntityKind> {
    r.string().map(|name| EntityKind::from_name(&name))
}

fn read_index(r: &mut Reader) -> Read<CorpusIndex> {
    let mut index = CorpusIndex {
        version: 0,
        title: None,
        topics: Vec::new(),
        entities: Vec::new(),
        entity_file: None,
        articles: Vec::new(),
        catalog: None,
    };
    let mut listed = false;
    let fields = [
        "version",
        "articles",
        "title",
        "topics",
        "entities",
        "entity_file",
        "catalog",
    ];
    let start = r.position();
    r.fields(AN_OBJECT, &fields, 1, &mut |r, key| {
        match key {
            "version" => index.version = read_u32(r)?,
            "articles" => {
                index.articles = r.list(read_summary)?;
                listed = true;
            }
            "title" => index.title = optional_string(r)?,
            "topics" => index.topics = r.list(read_topic)?,
            "entities" => index.entities = r.list(read_entity_summary)?,
            "entity_file" => index.entity_file = optional_string(r)?,
            _ => index.catalog = optional(r, read_catalog)?,
        }
        Ok(())
    })?;
    // A small corpus lists its articles; a large one gives a catalog instead.
    if !listed && index.catalog.is_none() {
        return Err(Fail::new(start, "missing field `articles`".into()));
    }
    Ok(index)
}

fn read_topic(r: &mut Reader) -> Read<Topic> {
    let mut topic = Topic {
        id: String::new(),
        label: String::new(),
        count: None,
    };
    r.fields(AN_OBJECT, &["id", "label", "count"], 2, &mut |r, key| {
        match key {
            "id" => topic.id = r.string()?,
            "label" => topic.label = r.string()?,
            _ => topic.count = optional(r, read_usize)?,
        }
        Ok(())
    })?;
    Ok(topic)
}

fn read_catalog(r: &mut Reader) -> Read<crate::core::format::catalog::Catalog> {
    let mut c = crate::core::format::catalog::Catalog {
        count: 0,
        page_size: 0,
        pages: String::new(),
        postings: String::new(),
        mentions: None,
        articles: String::new(),
    };
    let fields = [
        "count",
        "page_size",
        "pages",
        "postings",
        "articles",
        "mentions",
    ];
    r.fields(AN_OBJECT, &fields, 5, &mut |r, key| {
        match key {
            "count" => {
                let at = r.position();
                c.count = read_usize(r)?;
                // The viewer keeps a bit per article per topic: a hostile count must not make it
                // allocate gigabytes before the first byte of postings arrives.
                if c.count > MAX_CATALOG_ARTICLES {
                    return Err(Fail::new(
                        at,
                        format!("a catalog lists at most {MAX_CATALOG_ARTICLES} articles"),
                    ));
                }
            }
            "page_size" => {
                let at = r.position();
                c.page_size = read_usize(r)?;
                if c.page_size == 0 {
                    return Err(Fail::new(at, "a page holds at least one article".into()));
                }
            }
            "pages" => c.pages = read_template(r, "{page}")?,
            "postings" => c.postings = r.string()?,
            "articles" => c.articles = read_template(r, "{id}")?,
            _ => c.mentions = optional_string(r)?,
        }
        Ok(())
    })?;
    Ok(c)
}

/// A URL template, which must contain its placeholder.
fn read_template(r: &mut Reader, placeholder: &str) -> Read<String> {
    let at = r.position();
    let template = r.string()?;
    if template.contains(placeholder) {
        Ok(template)
    } else {
        Err(Fail::new(
            at,
            format!("a URL template must contain {placeholder}"),
        ))
    }
}

pub(crate) fn read_summary(r: &mut Reader) -> Read<ArticleSummary> {
    let mut a = ArticleSummary {
        id: String::new(),
        headline: String::new(),
        standfirst: None,
        published: String::new(),
        language: None,
        topics: Vec::new(),
        entities: Vec::new(),
        thumbnail: None,
        url: String::new(),
    };
    let fields = [
        "id",
        "headline",
        "published",
        "url",
        "standfirst",
        "language",
        "topics",
        "entities",
        "thumbnail",
    ];
    r.fields(AN_OBJECT, &fields, 4, &mut |r, key| {
        match key {
            "id" => a.id = r.string()?,
            "headline" => a.headline = r.string()?,
            "published" => a.published = r.string()?,
            "url" => a.url = r.string()?,
            "standfirst" => a.standfirst = optional_string(r)?,
            "language" => a.language = optional_string(r)?,
            "topics" => a.topics = read_strings(r)?,
            "entities" => a.entities = read_strings(r)?,
            _ => a.thumbnail = optional(r, read_thumbnail)?,
        }
        Ok(())
    })?;
    Ok(a)
}

fn read_thumbnail(r: &mut Reader) -> Read<Thumbnail> {
    let mut t = Thumbnail {
        url: String::new(),
        alt: String::new(),
        width: None,
        height: None,
    };
    let fields = ["url", "alt", "width", "height"];
    r.fields(AN_OBJECT, &fields, 1, &mut |r, key| {
        match key {
            "url" => t.url = r.string()?,
            "alt" => t.alt = r.string()?,
            "width" => t.width = optional(r, read_u32)?,
            _ => t.height = optional(r, read_u32)?,
        }
        Ok(())
    })?;
    Ok(t)
}

fn read_entity_summary(r: &mut Reader) -> Read<EntitySummary> {
    read_directory_entity(r).map(|e| e.entity)
}

/// An entity summary, and in a directory the articles that mention it. (The index's inline
/// entities share this reader: an `articles` list there is read like any other and then dropped,
/// since in an index the summaries say who mentions whom.)
fn read_directory_entity(r: &mut Reader) -> Read<DirectoryEntity> {
    let mut e = EntitySummary {
        id: String::new(),
        name: String::new(),
        kind: EntityKind::Other,
        url: None,
        wikidata: None,
    };
    let mut articles = Vec::new();
    let fields = ["id", "name", "type", "url", "wikidata", "articles"];
    r.fields(AN_OBJECT, &fields, 2, &mut |r, key| {
        match key {
            "id" => e.id = r.string()?,
            "name" => e.name = r.string()?,
            "type" => e.kind = read_kind(r)?,
            "url" => e.url = optional_string(r)?,
            "wikidata" => e.wikidata = optional_string(r)?,
            _ => articles = read_strings(r)?,
        }
        Ok(())
    })?;
    Ok(DirectoryEntity {
        entity: e,
        articles,
    })
}

fn read_directory(r: &mut Reader) -> Read<EntityDirectory> {
    let mut directory = EntityDirectory {
        version: 0,
        entities: Vec::new(),
    };
    r.fields(AN_OBJECT, &["version", "entities"], 2, &mut |r, key| {
        match key {
            "version" => directory.version = read_u32(r)?,
            _ => directory.entities = r.list(read_directory_entity)?,
        }
        Ok(())
    })?;
    Ok(directory)
}

fn read_article(r: &mut Reader) -> Read<RawArticle> {
    let mut a = RawArticle {
        version: 0,
        id: String::new(),
        headline: String::new(),
        standfirst: None,
        byline: None,
        published: String::new(),
        language: None,
        source_url: None,
        source_name: None,
        rights: None,
        topics: Vec::new(),
        image: None,
        entities: Vec::new(),
        body: Vec::new(),
    };
    let fields = [
        "version",
        "id",
        "headline",
        "published",
        "body",
        "standfirst",
        "byline",
        "language",
        "source_url",
        "source_name",
        "rights",
        "topics",
        "image",
        "entities",
    ];
    r.fields(AN_OBJECT, &fields, 5, &mut |r, key| {
        match key {
            "version" => a.version = read_u32(r)?,
            "id" => a.id = r.string()?,
            "headline" => a.headline = r.string()?,
            "published" => a.published = r.string()?,
            "body" => a.body = r.list(read_paragraph)?,
            "standfirst" => a.standfirst = optional_string(r)?,
            "byline" => a.byline = optional_string(r)?,
            "language" => a.language = optional_string(r)?,
            "source_url" => a.source_url = optional_string(r)?,
            "source_name" => a.source_name = optional_string(r)?,
            "rights" => a.rights = optional_string(r)?,
            "topics" => a.topics = read_strings(r)?,
            "image" => a.image = optional(r, read_image)?,
            _ => a.entities = r.list(read_entity)?,
        }
        Ok(())
    })?;
    Ok(a)
}

fn read_image(r: &mut Reader) -> Read<LeadImage> {
    let mut image = LeadImage {
        url: String::new(),
        alt: String::new(),
        caption: None,
        credit: None,
        width: None,
        height: None,
    };
    let fields = ["url", "alt", "caption", "credit", "width", "height"];
    r.fields(AN_OBJECT, &fields, 1, &mut |r, key| {
        match key {
            "url" => image.url = r.string()?,
            "alt" => image.alt = r.string()?,
            "caption" => image.caption = optional_string(r)?,
            "credit" => image.credit = optional_string(r)?,
            "width" => image.width = optional(r, read_u32)?,
            _ => image.height = optional(r, read_u32)?,
        }
        Ok(())
    })?;
    Ok(image)
}

fn read_entity(r: &mut Reader) -> Read<Entity> {
    let mut e = Entity {
        id: String::new(),
        name: String::new(),
        kind: EntityKind::Other,
        aliases: Vec::new(),
        url: None,
        wikidata: None,
    };
    let fields = ["id", "name", "type", "aliases", "url", "wikidata"];
    r.fields(AN_OBJECT, &fields, 2, &mut |r, key| {
        match key {
            "id" => e.id = r.string()?,
            "name" => e.name = r.string()?,
            "type" => e.kind = read_kind(r)?,
            "aliases" => e.aliases = read_strings(r)?,
            "url" => e.url = optional_string(r)?,
            _ => e.wikidata = optional_string(r)?,
        }
        Ok(())
    })?;
    Ok(e)
}

fn read_paragraph(r: &mut Reader) -> Read<RawParagraph> {
    let mut p = RawParagraph {
        text: String::new(),
        mentions: None,
    };
    r.fields(AN_OBJECT, &["text", "mentions"], 1, &mut |r, key| {
        match key {
            "text" => p.text = r.string()?,
            _ => p.mentions = optional(r, |r| r.list(read_mention))?,
        }
        Ok(())
    })?;
    Ok(p)
}

fn read_mention(r: &mut Reader) -> Read<RawMention> {
    let mut m = RawMention {
        start: 0,
        end: 0,
        entity: String::new(),
    };
    r.fields(AN_OBJECT, &["start", "end", "entity"], 3, &mut |r, key| {
        match key {
            "start" => m.start = read_usize(r)?,
            "end" => m.end = read_usize(r)?,
            _ => m.entity = r.string()?,
        }
        Ok(())
    })?;
    Ok(m)
}
