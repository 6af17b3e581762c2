//! A loaded corpus: the index as read, and what the viewer derives from it once.

use crate::core::format::CorpusIndex;
use crate::core::topic_index::TopicIndex;

/// The index and its lookups, built once when the index arrives and shared by every page.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub index: CorpusIndex,
    pub topics: TopicIndex,
}

impl Corpus {
    pub fn new(index: CorpusIndex) -> Self {
        let topics = TopicIndex::new(&index);
        Corpus { index, topics }
    }
}
