//! A loaded corpus: the index as read, and what the viewer derives from it once.

use crate::core::corpus::topic_index::TopicIndex;
use crate::core::corpus::topics::TopicFilter;
use crate::core::format::catalog::Catalog;
use crate::core::format::{ArticleSummary, CorpusIndex};
use std::sync::Arc;

/// Where a corpus keeps its article summaries: the one difference between a small corpus and a
/// large one, decided once here instead of probed (`Option`s of each) wherever it matters.
#[derive(Debug, Clone)]
pub enum Layout {
    /// Every summary is in the index. The filter lookups are built from it at once, and they
    /// also hold the list's order (ordinal → position in the index's `articles`).
    Inline(Arc<TopicIndex>),
    /// The summaries are in listing pages, the topic postings and entity mentions in files of
    /// their own, each fetched when first needed (see [`crate::core::corpus::parts`]).
    Paged(Catalog),
}

/// The index and its lookups, built once when the index arrives and shared by every page.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub index: CorpusIndex,
    pub layout: Layout,
}

impl Corpus {
    pub fn new(index: CorpusIndex) -> Self {
        let layout = match &index.catalog {
            Some(catalog) => Layout::Paged(catalog.clone()),
            None => Layout::Inline(Arc::new(TopicIndex::new(&index))),
        };
        Corpus { index, layout }
    }

    /// The paged layout, if this corpus uses it.
    pub fn catalog(&self) -> Option<&Catalog> {
        match &self.layout {
            Layout::Paged(catalog) => Some(catalog),
            Layout::Inline(_) => None,
        }
    }

    /// How many articles the corpus has.
    pub fn len(&self) -> usize {
        match &self.layout {
            Layout::Paged(catalog) => catalog.count,
            Layout::Inline(_) => self.index.articles.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// For each topic of the index, how many articles carry it: the counts of the first view,
    /// before any selection (a paged index states them; an inline one is counted).
    pub fn topic_totals(&self) -> Vec<usize> {
        match &self.layout {
            Layout::Inline(topics) => {
                let everything = TopicFilter::default();
                topics.counts(&everything, &topics.select(&everything))
            }
            Layout::Paged(_) => self
                .index
                .topics
                .iter()
                .map(|t| t.count.unwrap_or(0))
                .collect(),
        }
    }

    /// The relative URL of an article's file: from its summary in an inline corpus, from the
    /// catalog's template in a paged one (empty for an id an inline index does not list).
    pub fn article_path(&self, id: &str) -> String {
        match &self.layout {
            Layout::Paged(catalog) => catalog.article_url(id),
            Layout::Inline(_) => self
                .index
                .article(id)
                .map(|a| a.url.to_string())
                .unwrap_or_default(),
        }
    }

    /// In a corpus listed inline, the ordinals (newest-first positions) of the articles that
    /// mention an entity, from the summaries' `entities` lists.
    pub fn inline_mentions(&self, entity_id: &str) -> Option<Vec<usize>> {
        self.inline_mentions_of_each(&[entity_id])
    }

    /// In a corpus listed inline, the ordinals of the articles with these ids (an entity
    /// directory's list of the articles that mention an entity), each once. Ids the index lacks
    /// are skipped here; `lede-corpus validate` reports them.
    pub fn inline_ordinals_of(&self, ids: &[String]) -> Option<Vec<usize>> {
        let mut wanted: Vec<&str> = ids.iter().map(String::as_str).collect();
        wanted.sort_unstable();
        wanted.dedup();
        self.inline_ordinals_counted(&wanted)
    }

    /// In a corpus listed inline, what [`Corpus::inline_mentions`] gives for each of
    /// `entity_ids`, together: an article's ordinal once for every one of the (distinct) ids
    /// its summary names. One pass over the corpus, not one per id ("More on" asks for up to
    /// 32: that was 32 passes, 30 ms at 10,000 summaries and 4x CPU, after every article's
    /// paint); linear in the summaries' entity lists times the log of the ids.
    pub fn inline_mentions_of_each(&self, entity_ids: &[&str]) -> Option<Vec<usize>> {
        let mut wanted = entity_ids.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        let mut named = Vec::new();
        self.inline_repeated(|a| {
            named.clear();
            let found = (a.entities.iter()).filter_map(|e| wanted.binary_search(&e.as_str()).ok());
            named.extend(found);
            named.sort_unstable();
            named.dedup();
            named.len()
        })
    }

    /// In a corpus listed inline, an article's ordinal once for every time its id is in
    /// `article_ids` (the entity directory's lists of several entities, each without repeats),
    /// in one pass: sorted once and searched per article, so that an entity named by every
    /// article of a large corpus does not compare every article with every id. Ids the index
    /// lacks are skipped, as in [`Corpus::inline_ordinals_of`].
    pub fn inline_ordinals_counted(&self, article_ids: &[&str]) -> Option<Vec<usize>> {
        let mut ids = article_ids.to_vec();
        ids.sort_unstable();
        self.inline_repeated(|a| {
            let id = a.id.as_str();
            let first = ids.partition_point(|known| *known < id);
            ids[first..]
                .iter()
                .take_while(|known| **known == id)
                .count()
        })
    }

    /// Each ordinal of a corpus listed inline, newest first, as many times as `times` says for
    /// its summary.
    fn inline_repeated(
        &self,
        mut times: impl FnMut(&ArticleSummary) -> usize,
    ) -> Option<Vec<usize>> {
        let Layout::Inline(topics) = &self.layout else {
            return None;
        };
        let mut found = Vec::new();
        for o in 0..self.index.articles.len() {
            if let Some(p) = topics.position(o) {
                found.extend(std::iter::repeat_n(o, times(&self.index.articles[p])));
            }
        }
        Some(found)
    }
}
