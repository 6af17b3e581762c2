//! A loaded corpus: the index as read, and what the viewer derives from it once.

use crate::core::corpus::topic_index::TopicIndex;
use crate::core::format::catalog::Catalog;
use crate::core::format::{ArticleSummary, CorpusIndex};

/// The index and its lookups, built once when the index arrives and shared by every page.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub index: CorpusIndex,
    /// The filter lookups of a corpus listed inline. A paged corpus builds them from its
    /// postings, which the viewer fetches only when the reader first filters.
    pub inline_topics: Option<TopicIndex>,
}

impl Corpus {
    pub fn new(index: CorpusIndex) -> Self {
        let inline_topics = index.catalog.is_none().then(|| TopicIndex::new(&index));
        Corpus {
            index,
            inline_topics,
        }
    }

    /// The paged layout, if this corpus uses it.
    pub fn catalog(&self) -> Option<&Catalog> {
        self.index.catalog.as_ref()
    }

    /// How many articles the corpus has.
    pub fn len(&self) -> usize {
        self.catalog()
            .map_or(self.index.articles.len(), |c| c.count)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// For each topic of the index, how many articles carry it: the counts of the first view,
    /// before any selection (a paged index states them; an inline one is counted).
    pub fn topic_totals(&self) -> Vec<usize> {
        match &self.inline_topics {
            Some(topics) => topics.counts(&topics.select(&Default::default())),
            None => self
                .index
                .topics
                .iter()
                .map(|t| t.count.unwrap_or(0))
                .collect(),
        }
    }

    /// In a corpus listed inline, the ordinals (newest-first positions) of the articles that
    /// mention an entity, from the summaries' `entities` lists.
    pub fn inline_mentions(&self, entity_id: &str) -> Option<Vec<usize>> {
        self.inline_ordinals(|a| a.entities.iter().any(|e| e == entity_id))
    }

    /// In a corpus listed inline, the ordinals of the articles with these ids (an entity
    /// directory's list of the articles that mention an entity). Ids the index lacks are
    /// skipped here; `lede-corpus validate` reports them.
    pub fn inline_ordinals_of(&self, ids: &[String]) -> Option<Vec<usize>> {
        // Sorted once and searched per article: an entity named by every article of a large
        // corpus must not compare every article with every id.
        let mut wanted: Vec<&str> = ids.iter().map(String::as_str).collect();
        wanted.sort_unstable();
        self.inline_ordinals(|a| wanted.binary_search(&a.id.as_str()).is_ok())
    }

    fn inline_ordinals(&self, has: impl Fn(&ArticleSummary) -> bool) -> Option<Vec<usize>> {
        let topics = self.inline_topics.as_ref()?;
        Some(
            (0..self.index.articles.len())
                .filter(|&o| {
                    topics
                        .position(o)
                        .is_some_and(|p| has(&self.index.articles[p]))
                })
                .collect(),
        )
    }
}
