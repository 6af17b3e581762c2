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
//! - a file is UTF-8 (RFC 8259): the viewer fetches every file as bytes and refuses one that is
//!   not, with the path of the value the first bad byte is in ([`utf8_text`]), rather than
//!   showing replacement characters;
//! - the strings of an index's summaries ([`ArticleSummary`], [`Thumbnail`]) are
//!   [`SharedStr`]s, ranges of the file's text, not a `String` each: decoding a large index
//!   then allocates once (see [`crate::core::json::shared`]);
//! - URLs in a file may be absolute (`http:`/`https:` only) or relative; relative ones resolve
//!   against the URL of the file that contains them.
//!
//! Each file shape is declared once, in the file of its kind, with [`shape::shape!`]: the struct,
//! its reader (on top of [`crate::core::json`], not serde's derived `Deserialize`, which was most
//! of the parser's size in the wasm binary) and its writer (serde's `Serialize`, used only by the
//! corpus tool) all come from that one declaration. `tests/schema.rs` checks the declarations
//! against `schema/`. This module only declares the files and re-exports their types:
//!
//! - [`error`] has [`FormatError`], [`FORMAT_VERSION`];
//! - [`shape`] has the declaration macro, how values are read, the rules the files share;
//! - [`entity`] has [`Entity`], [`EntityKind`], [`EntitySummary`], [`EntityImage`];
//! - [`summary`] has [`ArticleSummary`], [`Thumbnail`], [`Topic`]: what the list needs;
//! - [`catalog`] has the paged layout of a large corpus;
//! - [`directory`] has [`EntityDirectory`];
//! - [`index`] has [`CorpusIndex`];
//! - [`article`] has [`Article`], [`Paragraph`], [`Mention`], [`LeadImage`];
//! - [`ui_strings`] has [`UiStrings`]: the viewer's own words in another language;
//! - [`matching`] and [`mentions`] handle the mentions inside an article's paragraphs.

pub mod article;
pub mod catalog;
pub mod directory;
pub mod entity;
pub mod error;
pub mod index;
pub mod matching;
pub mod mentions;
pub mod shape;
pub mod summary;
pub mod ui_strings;

pub use crate::core::json::shared::SharedStr;
pub use article::{Article, LeadImage, Mention, Paragraph, UNKNOWN_ENTITY};
pub use catalog::MAX_CATALOG_ARTICLES;
pub use directory::{DirectoryEntity, EntityDirectory};
pub use entity::{Entity, EntityImage, EntityKind, EntitySummary, MAX_DESCRIPTION_CHARS};
pub use error::{from_json, FormatError, FORMAT_VERSION};
pub use index::CorpusIndex;
pub use shape::utf8_text;
pub use summary::{ArticleSummary, Thumbnail, Topic};
pub use ui_strings::{UiStrings, UiStringsFile};
