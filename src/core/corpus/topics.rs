//! Filtering the article list by topic, entirely from the index.
//!
//! Several topics can be selected at once, combined with [`TopicMatch::Any`] (an article with
//! at least one of them) or [`TopicMatch::All`] (an article with every one). No selection shows
//! everything.
//!
//! Counts follow the selection: the count beside a topic is the number of articles in the
//! *current result* that carry it. With no selection that is the topic's total; in "all" mode it
//! is exactly what the list would hold after also selecting that topic.

use crate::core::corpus::order::newest_first;
use crate::core::format::{ArticleSummary, CorpusIndex, SharedStr};

/// How several selected topics combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum TopicMatch {
    #[default]
    Any,
    All,
}

impl TopicMatch {
    /// The value used in URLs (`match=all`).
    pub fn as_str(self) -> &'static str {
        match self {
            TopicMatch::Any => "any",
            TopicMatch::All => "all",
        }
    }

    /// Reads a URL value; anything unknown is the default, `any`.
    pub fn parse(value: &str) -> Self {
        if value.eq_ignore_ascii_case("all") {
            TopicMatch::All
        } else {
            TopicMatch::Any
        }
    }
}

/// The reader's topic selection, and the search text that narrows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TopicFilter {
    /// Selected topic ids, in the order they were chosen, without repeats.
    pub selected: Vec<String>,
    pub mode: TopicMatch,
    /// The search box's text as typed (`q=`), empty when not searching: the list then shows
    /// the search's hits within the topic selection, ranked. The topic methods ignore it. Here
    /// rather than in [`ViewState`](crate::core::view::state::ViewState), so that an article
    /// opened from the results, and every "back to the list", keeps it.
    pub query: String,
}

impl TopicFilter {
    /// The list of one topic: what a topic's link, and its toggle pressed alone, show.
    pub fn one(topic: String) -> Self {
        TopicFilter {
            selected: vec![topic],
            ..TopicFilter::default()
        }
    }

    /// True when nothing is selected: every article shows.
    pub fn is_empty(&self) -> bool {
        self.selected.is_empty()
    }

    /// The search text, trimmed: empty when the list is not a search.
    pub fn search(&self) -> &str {
        self.query.trim()
    }

    pub fn is_selected(&self, topic: &str) -> bool {
        self.selected.iter().any(|t| t == topic)
    }

    /// Selects the topic if it was not, deselects it if it was.
    pub fn toggle(&mut self, topic: &str) {
        if let Some(at) = self.selected.iter().position(|t| t == topic) {
            self.selected.remove(at);
        } else {
            self.selected.push(topic.to_string());
        }
    }

    pub fn clear(&mut self) {
        self.selected.clear();
    }

    /// Whether an article with these topics is in the result.
    pub fn matches(&self, topics: &[SharedStr]) -> bool {
        if self.selected.is_empty() {
            return true;
        }
        let has = |t: &String| topics.iter().any(|topic| topic == t);
        match self.mode {
            TopicMatch::Any => self.selected.iter().any(has),
            TopicMatch::All => self.selected.iter().all(has),
        }
    }

    /// Drops selected ids the index does not know (a stale shared link), so the reader is not
    /// stuck with an invisible selection. Returns the ids dropped.
    pub fn retain_known(&mut self, index: &CorpusIndex) -> Vec<String> {
        // One sort, then a binary search per selected id: a link selecting 100,000 topics of
        // an index listing 100,000 must not compare every pair.
        let mut listed: Vec<&str> = index.topics.iter().map(|t| t.id.as_str()).collect();
        listed.sort_unstable();
        let (known, unknown): (Vec<String>, Vec<String>) = std::mem::take(&mut self.selected)
            .into_iter()
            .partition(|t| listed.binary_search(&t.as_str()).is_ok());
        self.selected = known;
        unknown
    }

    /// Positions in `index.articles` of the matching articles, newest first (what a view can
    /// keep without borrowing the index).
    pub fn positions(&self, index: &CorpusIndex) -> Vec<usize> {
        let mut found: Vec<usize> = (0..index.articles.len())
            .filter(|&i| self.matches(&index.articles[i].topics))
            .collect();
        found.sort_unstable_by(|&a, &b| newest_first(&index.articles[a], &index.articles[b]));
        found
    }

    /// The matching articles, newest first.
    pub fn apply<'a>(&self, index: &'a CorpusIndex) -> Vec<&'a ArticleSummary> {
        self.positions(index)
            .into_iter()
            .map(|i| &index.articles[i])
            .collect()
    }

    /// For each topic of the index, in index order, the number its toggle shows: for a topic
    /// not selected, how many articles the list would show once a click adds it (the reader
    /// reads a count on a button as "what I will get"); for a selected one, how many articles of
    /// the current result carry it. The reference, written as the definition: the filter with
    /// the topic added, applied again ([`TopicIndex`](crate::core::corpus::topic_index::TopicIndex)
    /// gives the same numbers in linear time).
    pub fn counts(&self, index: &CorpusIndex) -> Vec<usize> {
        let result = self.positions(index);
        index
            .topics
            .iter()
            .map(|topic| {
                if self.is_selected(&topic.id) || self.is_empty() {
                    (result.iter())
                        .filter(|&&i| index.articles[i].topics.iter().any(|t| *t == topic.id))
                        .count()
                } else {
                    let mut added = self.clone();
                    added.toggle(&topic.id);
                    added.positions(index).len()
                }
            })
            .collect()
    }
}
