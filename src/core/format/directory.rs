//! The entity directory: a corpus's entities in a file of their own.

use crate::core::format::entity::EntitySummary;
use crate::core::format::error::FormatError;
use crate::core::format::shape::{
    concat, files, parse, read_shape, read_shape_into, shape, FromJson, Shape,
};
use crate::core::json::reader::{Read, Reader};
use serde::Serialize;

// { "version": 1,
//   "entities": [{ "id": "lloyd-austin", "name": "Lloyd Austin", "type": "person",
//                  "url": "https://en.wikipedia.org/wiki/Lloyd_Austin",
//                  "articles": ["us-troops-remain-in-iraq"] }] }
shape! {
    /// A corpus's entities in a file of their own (the index's `entity_file`), each with the ids
    /// of the articles that mention it: everything the entity view needs, fetched when a reader
    /// first opens an entity rather than with the list.
    #[derive(Debug, Clone, PartialEq)]
    pub struct EntityDirectory {
        pub version: u32 = required,
        pub entities: Vec<DirectoryEntity> = required,
    }
}

files!(EntityDirectory);

// An entity summary's keys, and "articles": ["us-troops-remain-in-iraq", ...]
/// One entity of an [`EntityDirectory`]: an [`EntitySummary`] and one key more.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DirectoryEntity {
    #[serde(flatten)]
    pub entity: EntitySummary,
    /// Ids of the articles that mention the entity, in any order: the viewer lists them newest
    /// first. (A paged corpus gives its mentions in its mentions file and leaves this out.)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
}

impl DirectoryEntity {
    const KEYS: [&'static str; EntitySummary::FIELDS.len() + 1] =
        concat(EntitySummary::FIELDS, &["articles"]);
    /// The keys the reader knows, the [`Self::REQUIRED`] required ones first: an entity
    /// summary's, then `articles` (optional, so the order holds).
    pub const FIELDS: &'static [&'static str] = &DirectoryEntity::KEYS;
    pub const REQUIRED: usize = EntitySummary::REQUIRED;
}

impl Shape for DirectoryEntity {
    const FIELDS: &'static [&'static str] = DirectoryEntity::FIELDS;
    const REQUIRED: usize = DirectoryEntity::REQUIRED;

    fn read_field(&mut self, r: &mut Reader, field: usize) -> Read<()> {
        // `articles` comes after the summary's keys, which keep their indexes.
        if field == EntitySummary::FIELDS.len() {
            self.articles = FromJson::read(r)?;
            Ok(())
        } else {
            self.entity.read_field(r, field)
        }
    }
}

impl FromJson for DirectoryEntity {
    fn read(r: &mut Reader) -> Read<DirectoryEntity> {
        read_shape(r)
    }

    fn read_into(r: &mut Reader, out: &mut DirectoryEntity) -> Read<()> {
        read_shape_into(r, out)
    }
}

impl EntityDirectory {
    /// Parses and validates an entity directory file.
    pub fn from_json(text: &str) -> Result<Self, FormatError> {
        let directory: EntityDirectory = parse(text, read_shape)?;
        crate::core::format::shape::unique_ids(
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
