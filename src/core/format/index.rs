//! The corpus index: the one small file that lists every article (or, for a large corpus, says
//! where its pages are).

use crate::core::format::catalog::Catalog;
use crate::core::format::directory::{DirectoryEntity, EntityDirectory};
use crate::core::format::entity::EntitySummary;
use crate::core::format::error::FormatError;
use crate::core::format::shape::{
    check_date, files, parse_shared, position, read_shape_into, shape, unique_ids, utf8_text,
    Shape, AN_OBJECT,
};
use crate::core::format::summary::{ArticleSummary, Topic};
use crate::core::json::reader::{Fail, Read, Reader};
use crate::core::json::shared::{SharedStr, SharedText};
use crate::core::text::quote::quoted_short;
use std::sync::Arc;

// { "version": 1, "title": "Lede News",
//   "topics": [{ "id": "middle-east", "label": "Middle East" }],
//   "entities": [{ "id": "lloyd-austin", "name": "Lloyd Austin", ... }],  or "entity_file": "entities.json",
//   "articles": [{ "id": "us-troops-remain-in-iraq", ... }],              or "catalog": { ... } }
shape! {
    /// The corpus index: one small file that lists every article.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CorpusIndex {
        pub version: u32 = required,
        /// A name for the corpus, shown as the page heading.
        pub title: Option<String> = optional,
        /// Every topic an article may carry, in display order.
        pub topics: Vec<Topic> = default,
        /// The entities mentioned anywhere in the corpus, inline, so that the entity view needs
        /// no other file. Empty when `entity_file` gives them instead.
        pub entities: Vec<EntitySummary> = optional(read_inline_entities),
        /// The URL of the corpus's [`EntityDirectory`], relative to the index, instead of inline
        /// `entities`: the list's first view then downloads no entity at all (for the default
        /// corpus, 4 kB of its 7 kB gzipped index). Given it, the summaries' `entities` lists are
        /// not needed and are ignored; the directory says which articles mention each entity.
        pub entity_file: Option<String> = optional,
        /// Every article, inline: the layout of a small corpus. Required unless `catalog` is
        /// given (checked by [`CorpusIndex::from_json`]).
        pub articles: Vec<ArticleSummary> = default,
        /// The paged layout of a large corpus, instead of `articles` (see
        /// [`crate::core::format::catalog`]).
        pub catalog: Option<Catalog> = optional,
        /// The URL of the search index's meta file (`crate::core::search::files`), if any.
        pub search: Option<String> = optional,
    }
}

files!(CorpusIndex);

/// The index's inline entities share the directory's reader: an `articles` list there is read
/// like any other and then dropped, since in an index the summaries say who mentions whom.
fn read_inline_entities(r: &mut Reader) -> Read<Vec<EntitySummary>> {
    let mut entities = Vec::new();
    r.array("an array", &mut |r| {
        let mut entity = DirectoryEntity::default();
        read_shape_into(r, &mut entity)?;
        entities.push(entity.entity);
        Ok(())
    })?;
    Ok(entities)
}

/// An index: a small corpus lists its articles, a large one gives a catalog instead.
fn read_index(r: &mut Reader) -> Read<CorpusIndex> {
    let mut index = CorpusIndex::default();
    let mut listed = false;
    let start = r.position();
    r.fields(
        AN_OBJECT,
        CorpusIndex::FIELDS,
        CorpusIndex::REQUIRED,
        &mut |r, field| {
            listed |= field == const { position(CorpusIndex::FIELDS, "articles") };
            index.read_field(r, field)
        },
    )?;
    if !listed && index.catalog.is_none() {
        return Err(Fail::new(start, "missing field `articles`".into()));
    }
    Ok(index)
}

impl CorpusIndex {
    /// Parses and validates an index file.
    pub fn from_json(text: &str) -> Result<Self, FormatError> {
        CorpusIndex::from_shared(&Arc::new(text.to_string()))
    }

    /// Parses and validates an index file from its bytes, as the viewer fetches it: taking the
    /// bytes rather than a JavaScript string spares the copy from UTF-16 (see [`crate::core::json::shared::SharedStr`] for
    /// why the text is shared).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, FormatError> {
        CorpusIndex::from_shared(&Arc::new(utf8_text(bytes)?))
    }

    /// Parses and validates an index file whose summaries' strings are ranges of `text`.
    pub fn from_shared(text: &SharedText) -> Result<Self, FormatError> {
        let index = parse_shared(text, read_index)?;
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
            check_date(&article.published, || format!("articles[{i}].published"))?;
        }
        Ok(())
    }

    /// The topic with this id, if the index lists it.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// What readers see for topic `id`: its label, or the id itself when the index does not
    /// list it (a stale link, a topic an article names but the index forgot).
    pub fn topic_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.topic(id).map_or(id, |t| t.label.as_str())
    }

    /// The entity with this id, if the index lists it.
    pub fn entity(&self, id: &str) -> Option<&EntitySummary> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The summary of the article with this id.
    pub fn article(&self, id: &str) -> Option<&ArticleSummary> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Serialises the index the way the corpus tool writes it: stable, and compact, because the
    /// index is part of every first view and the whitespace of a pretty one cost the default
    /// corpus 106 bytes gzipped (README, "Size"). `jq . index.json` reads it pretty. (Article
    /// files and the entity directory, fetched later, stay pretty for people reading them.)
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an index always serialises")
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
                // One copy of the id, shared by every article that mentions the entity.
                let entity = SharedStr::from(&entry.entity.id);
                for (j, id) in entry.articles.iter().enumerate() {
                    match positions.binary_search_by(|(known, _)| known.cmp(&id.as_str())) {
                        Ok(found) => lists[positions[found].1].push(entity.clone()),
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
