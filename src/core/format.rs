//! The Lede corpus format, version 1: the contract with publishers.
//!
//! A corpus is one small **index** file (topics, the entity registry and one summary per
//! article: everything the list, the filter and the entity view need) plus **one file per
//! article**, fetched only when a reader opens it. Both carry `"version": 1`.
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

use serde::{Deserialize, Serialize};
use std::fmt;

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The corpus index: one small file that lists every article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusIndex {
    pub version: u32,
    /// A name for the corpus, shown as the page heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Every topic an article may carry, in display order.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// The entities mentioned anywhere in the corpus, so that the entity view needs no article file.
    #[serde(default)]
    pub entities: Vec<EntitySummary>,
    pub articles: Vec<ArticleSummary>,
}

/// A topic: a stable id used in URLs and a label shown to readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub label: String,
}

/// What the list, the filter and the entity view need to know about one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Ids of the entities the article mentions (see [`CorpusIndex::entities`]).
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<Thumbnail>,
    /// Where the full article JSON lives, relative to the index file or absolute.
    pub url: String,
}

/// A small picture for the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// What kind of thing an entity is. Unknown kinds read as [`EntityKind::Other`], so a newer
/// writer's kinds do not make a file unreadable.
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
}

/// One paragraph of body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    /// Explicit mentions. When absent (not when empty), mentions are found by matching the
    /// article's entity names and aliases: see [`crate::core::matching`].
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
#[derive(Deserialize, Serialize)]
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
            } => {
                if path.is_empty() || path == "." {
                    write!(f, "{message} (line {line}, column {column})")
                } else {
                    write!(f, "at {path}: {message} (line {line}, column {column})")
                }
            }
            FormatError::Version { found } => write!(
                f,
                "format version {found} is not supported (this viewer reads version {FORMAT_VERSION})"
            ),
            FormatError::Invalid { path, message } => write!(f, "at {path}: {message}"),
        }
    }
}

impl std::error::Error for FormatError {}

/// Reads JSON into `T`, reporting the path of the first value that does not fit. Public so
/// that the corpus tool reads its own files with the same error messages.
pub fn from_json<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, FormatError> {
    serde_json::from_str(text).map_err(|error| {
        let (line, column) = (error.line(), error.column());
        let path = crate::core::json_path::path_at(
            text,
            crate::core::json_path::offset_of(text, line, column),
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

/// Reads just the `version` of a file first, so that a future format is reported as such rather
/// than as a confusing type error somewhere inside it.
fn check_version(text: &str) -> Result<(), FormatError> {
    let Versioned(version) = from_json(text)?;
    if version == FORMAT_VERSION {
        Ok(())
    } else {
        Err(FormatError::Version { found: version })
    }
}

/// The `version` of a file. Only a JSON object has one: serde's derived structs also read an
/// array positionally, which would report the file `[2]` as "format version 2".
struct Versioned(u32);

impl<'de> Deserialize<'de> for Versioned {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Versioned;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object with a `version`")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Versioned, A::Error> {
                let mut version = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key != "version" {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    } else if version.is_some() {
                        return Err(serde::de::Error::duplicate_field("version"));
                    } else {
                        version = Some(map.next_value::<u32>()?);
                    }
                }
                version
                    .map(Versioned)
                    .ok_or_else(|| serde::de::Error::missing_field("version"))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

impl CorpusIndex {
    /// Parses and validates an index file.
    pub fn from_json(text: &str) -> Result<Self, FormatError> {
        check_version(text)?;
        let index: CorpusIndex = from_json(text)?;
        index.validate()?;
        Ok(index)
    }

    fn validate(&self) -> Result<(), FormatError> {
        unique_ids(self.topics.iter().map(|t| t.id.as_str()), "topics")?;
        unique_ids(self.entities.iter().map(|e| e.id.as_str()), "entities")?;
        unique_ids(self.articles.iter().map(|a| a.id.as_str()), "articles")?;
        for (i, article) in self.articles.iter().enumerate() {
            if crate::core::dates::parse_timestamp(&article.published).is_none() {
                return Err(FormatError::Invalid {
                    path: format!("articles[{i}].published"),
                    message: format!(
                        "{:?} is not an ISO 8601 date such as 2023-03-07",
                        article.published
                    ),
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

    /// Every article that mentions the entity, newest first.
    pub fn articles_mentioning(&self, entity_id: &str) -> Vec<&ArticleSummary> {
        let mut found: Vec<&ArticleSummary> = self
            .articles
            .iter()
            .filter(|a| a.entities.iter().any(|e| e == entity_id))
            .collect();
        crate::core::dates::sort_newest_first(&mut found);
        found
    }

    /// Serialises the index the way the corpus tool writes it: pretty, stable.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an index always serialises")
    }
}

fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: &str) -> Result<(), FormatError> {
    let mut seen = std::collections::HashSet::new();
    for (i, id) in ids.enumerate() {
        if id.is_empty() {
            return Err(FormatError::Invalid {
                path: format!("{list}[{i}].id"),
                message: "an id must not be empty".into(),
            });
        }
        if !seen.insert(id) {
            return Err(FormatError::Invalid {
                path: format!("{list}[{i}].id"),
                message: format!("the id {id:?} is used twice"),
            });
        }
    }
    Ok(())
}

impl Article {
    /// Parses and validates an article file. Mentions that point at unknown entities are not
    /// errors: the viewer shows their text unlinked and warns (see [`crate::core::mentions`]).
    pub fn from_json(text: &str) -> Result<Self, FormatError> {
        check_version(text)?;
        let raw: RawArticle = from_json(text)?;
        let article = raw.resolve();
        unique_ids(article.entities.iter().map(|e| e.id.as_str()), "entities")?;
        if crate::core::dates::parse_timestamp(&article.published).is_none() {
            return Err(FormatError::Invalid {
                path: "published".into(),
                message: format!(
                    "{:?} is not an ISO 8601 date such as 2023-03-07",
                    article.published
                ),
            });
        }
        Ok(article)
    }

    /// Serialises the article with mentions naming their entity ids.
    pub fn to_json(&self) -> String {
        let raw = RawArticle::from(self);
        serde_json::to_string_pretty(&raw).expect("an article always serialises")
    }

    /// The entity a mention points at.
    pub fn entity_of(&self, mention: &Mention) -> Option<&Entity> {
        self.entities.get(mention.entity_index)
    }
}

/// Marks a mention whose entity id is not in the article's entity list.
pub const UNKNOWN_ENTITY: usize = usize::MAX;

// The article as written: mentions carry entity ids.
#[derive(Serialize, Deserialize)]
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

#[derive(Serialize, Deserialize)]
struct RawParagraph {
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mentions: Option<Vec<RawMention>>,
}

impl RawArticle {
    fn resolve(self) -> Article {
        let entities = self.entities;
        let index_of = |id: &str| {
            entities
                .iter()
                .position(|e| e.id == id)
                .unwrap_or(UNKNOWN_ENTITY)
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
