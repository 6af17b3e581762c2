//! What the list needs: an article's summary, its thumbnail, and the topics.

use crate::core::format::shape::shape;
use crate::core::json::shared::SharedStr;
use serde::Deserialize;

// { "id": "middle-east", "label": "Middle East", "count": 12 }
shape! {
    /// A topic: a stable id used in URLs and a label shown to readers. (`Deserialize` is for the
    /// corpus tool's manifest; files are read by [`crate::core::format::CorpusIndex::from_json`].)
    #[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
    pub struct Topic {
        pub id: String = required,
        pub label: String = required,
        /// How many articles carry the topic: given by a paged index, whose first view shows the
        /// counts before the topic data is fetched. Ignored for a corpus listed inline.
        pub count: Option<usize> = optional,
    }
}

// { "url": "https://media.example/a.jpg", "alt": "...", "width": 1200, "height": 675 }
shape! {
    /// A small picture for the list.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Thumbnail {
        pub url: SharedStr = required,
        pub alt: SharedStr = default,
        pub width: Option<u32> = optional,
        pub height: Option<u32> = optional,
    }
}

// { "id": "us-troops-remain-in-iraq", "headline": "...", "standfirst": "...",
//   "published": "2023-03-07", "language": "en", "topics": ["middle-east"],
//   "entities": ["lloyd-austin"], "thumbnail": { ... },
//   "url": "articles/us-troops-remain-in-iraq.json", "source_name": "The Cradle",
//   "reading_minutes": 3 }
shape! {
    /// What the list, the filter and the entity view need to know about one article.
    #[derive(Debug, Clone, PartialEq)]
    pub struct ArticleSummary {
        pub id: SharedStr = required,
        pub headline: SharedStr = required,
        pub standfirst: Option<SharedStr> = optional,
        /// ISO 8601 date or date-time (`2023-03-07` or `2023-03-07T10:00:00Z`).
        pub published: SharedStr = required,
        /// BCP 47 language tag of the article (`en`, `pt-BR`, `ar`).
        pub language: Option<SharedStr> = optional,
        pub topics: Vec<SharedStr> = default,
        /// Ids of the entities the article mentions (see
        /// [`crate::core::format::CorpusIndex::entities`]); filled in from the
        /// [`crate::core::format::EntityDirectory`] when the index has one.
        pub entities: Vec<SharedStr> = optional,
        pub thumbnail: Option<Thumbnail> = optional,
        /// Where the full article JSON lives, relative to the index file or absolute.
        pub url: SharedStr = required,
        /// The publisher's name (the article's `source_name`), for the card.
        pub source_name: Option<SharedStr> = optional,
        /// Minutes to read the article (`core::text::reading_time`), for the card.
        pub reading_minutes: Option<u32> = optional,
    }
}
