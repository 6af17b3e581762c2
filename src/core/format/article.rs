//! One full article: its file is fetched only when a reader opens it.

use crate::core::format::entity::Entity;
use crate::core::format::error::FormatError;
use crate::core::format::shape::{check_date, files, parse, read_shape, shape, unique_ids};
use crate::core::format::summary::{ArticleSummary, Thumbnail};
use crate::core::json::shared::SharedStr;
use crate::core::text::reading_time::reading_minutes;

// { "version": 1, "id": "us-troops-remain-in-iraq", "headline": "...",
//   "headline_mentions": [{ "start": 0, "end": 2, "entity": "united-states" }], "standfirst": "...",
//   "byline": "News Desk", "published": "2023-03-07", "language": "en",
//   "source_url": "https://publisher.example/original-article", "source_name": "The Cradle",
//   "rights": "© The Cradle", "topics": ["middle-east"], "image": { ... },
//   "entities": [{ "id": "lloyd-austin", ... }], "body": [{ "text": "...", "mentions": [...] }] }
shape! {
    /// One full article. Read and written through [`Article::from_json`] and
    /// [`Article::to_json`].
    #[derive(Debug, Clone, PartialEq)]
    pub struct Article {
        pub version: u32 = required,
        pub id: String = required,
        pub headline: String = required,
        /// Mentions in the headline, as in a paragraph: code-point offsets into `headline`.
        /// When absent (not when empty), found by matching entity names, as for a paragraph.
        pub headline_mentions: Option<Vec<Mention>> = optional,
        pub standfirst: Option<String> = optional,
        pub byline: Option<String> = optional,
        pub published: String = required,
        pub language: Option<String> = optional,
        /// The canonical URL of the article where it was first published.
        pub source_url: Option<String> = optional,
        /// Who published it (`The Cradle`, `TT Nyhetsbyrån`).
        pub source_name: Option<String> = optional,
        /// Copyright or licence note shown under the article.
        pub rights: Option<String> = optional,
        pub topics: Vec<String> = default,
        pub image: Option<LeadImage> = optional,
        pub entities: Vec<Entity> = default,
        pub body: Vec<Paragraph> = required,
    }
}

// { "url": "https://media.example/a.jpg", "alt": "...", "caption": "...",
//   "credit": "Iraqi Prime Minister’s Office/AFP", "width": 1200, "height": 675 }
shape! {
    /// The picture at the top of an article.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct LeadImage {
        pub url: String = required,
        /// Describes the picture for readers who cannot see it; empty only for decoration.
        pub alt: String = default,
        pub caption: Option<String> = optional,
        /// The photo credit. Shown even when the picture fails to load.
        pub credit: Option<String> = optional,
        pub width: Option<u32> = optional,
        pub height: Option<u32> = optional,
    }
}

// { "text": "The US Defense Secretary, Lloyd Austin, visited ...",
//   "mentions": [{ "start": 26, "end": 38, "entity": "lloyd-austin" }] }
shape! {
    /// One paragraph of body text.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Paragraph {
        pub text: String = required,
        /// Explicit mentions. When absent (not when empty), mentions are found by matching the
        /// article's entity names and aliases: see [`crate::core::format::matching`].
        pub mentions: Option<Vec<Mention>> = optional,
    }
}

// { "start": 26, "end": 38, "entity": "lloyd-austin" }
shape! {
    /// A span of a paragraph that names an entity: code-point offsets, `end` exclusive.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Mention {
        pub start: usize = required,
        pub end: usize = required,
        /// The id of the entity, as written.
        pub entity: String = required,
        /// Index into [`Article::entities`] of the entity `entity` names, or [`UNKNOWN_ENTITY`]:
        /// filled in after reading ([`Article::from_json`]), never written.
        pub entity_index: usize = derived,
    }
}

/// Marks a mention whose entity id is not in the article's entity list.
pub const UNKNOWN_ENTITY: usize = usize::MAX;

files!(Article);

impl Article {
    /// Parses and validates an article file. Mentions that point at unknown entities are not
    /// errors: the viewer shows their text unlinked and warns (see [`crate::core::format::mentions`]).
    pub fn from_json(text: &str) -> Result<Self, FormatError> {
        let mut article: Article = parse(text, read_shape)?;
        article.resolve();
        unique_ids(article.entities.iter().map(|e| e.id.as_str()), "entities")?;
        check_date(&article.published, || "published".into())?;
        Ok(article)
    }

    /// Points every mention at the entity its id names.
    fn resolve(&mut self) {
        // Sorted once, searched per mention: scanning every entity for every mention was
        // 20,000 × 100,000 comparisons for a file that names one unknown id throughout. Ties
        // keep file order, so an id listed twice resolves to its first entity.
        let mut by_id: Vec<(&str, usize)> = self
            .entities
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
        let headline = self.headline_mentions.iter_mut().flatten();
        let body = self
            .body
            .iter_mut()
            .flat_map(|p| p.mentions.iter_mut().flatten());
        for mention in headline.chain(body) {
            mention.entity_index = index_of(&mention.entity);
        }
    }

    /// Serialises the article the way the corpus tool writes it: pretty, stable.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an article always serialises")
    }

    /// What the index says about this article, its file at `articles/<id>.json` (the layout the
    /// corpus tool writes).
    pub fn summary(&self, thumbnail: Option<Thumbnail>) -> ArticleSummary {
        ArticleSummary {
            id: self.id.as_str().into(),
            headline: self.headline.as_str().into(),
            standfirst: self.standfirst.as_deref().map(SharedStr::from),
            published: self.published.as_str().into(),
            language: self.language.as_deref().map(SharedStr::from),
            topics: self.topics.iter().map(SharedStr::from).collect(),
            entities: self.entities.iter().map(|e| e.id.as_str().into()).collect(),
            thumbnail,
            url: format!("articles/{}.json", self.id).into(),
            source_name: self.source_name.as_deref().map(SharedStr::from),
            reading_minutes: Some(
                reading_minutes(self.body.iter().map(|p| p.text.as_str())).min(u32::MAX as usize)
                    as u32,
            ),
        }
    }

    /// The entity a mention points at.
    pub fn entity_of(&self, mention: &Mention) -> Option<&Entity> {
        self.entities.get(mention.entity_index)
    }
}
