//! Topic filtering that stays fast at 100,000 articles.
//!
//! [`TopicFilter`] says what the reader selected; [`TopicIndex`] answers it. Built once per
//! corpus, it keeps the articles in newest-first order and, for each topic, a bitset of the
//! articles that carry it. A selection is then a few hundred word-wide ANDs or ORs, the counts
//! beside the toggles one popcount per topic, and the visible page the first set bits: no sort
//! and no allocation per article on a click.
//!
//! The results are exactly those of [`TopicFilter::apply`] and [`TopicFilter::counts`], which
//! stay as the plain reference (the property tests compare the two).

use crate::core::dates::{parse_timestamp, same_time_order};
use crate::core::format::CorpusIndex;
use crate::core::topics::{TopicFilter, TopicMatch};

/// A set of article ordinals (positions in newest-first order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
}

impl Bitset {
    fn empty(len: usize) -> Self {
        Bitset {
            words: vec![0; len.div_ceil(64)],
        }
    }

    fn full(len: usize) -> Self {
        let mut set = Bitset {
            words: vec![u64::MAX; len.div_ceil(64)],
        };
        if !len.is_multiple_of(64) {
            if let Some(last) = set.words.last_mut() {
                *last = (1 << (len % 64)) - 1;
            }
        }
        set
    }

    fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    /// How many ordinals are in the set.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    fn intersection_len(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// The ordinals in the set, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(w * 64 + bit)
            })
        })
    }
}

/// The articles matching a selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterResult {
    matches: Bitset,
    /// How many articles match.
    pub count: usize,
}

/// Numbers topic ids in the order they are first added: a `Vec` sorted by id, searched by
/// bisection. Not a `HashMap`: std's `HashMap<String, usize>` (hashing, table growth) adds about
/// 1.5 kB to the wasm, and a corpus has tens of topics (each one is a toggle on screen), where a
/// bisection is as quick as a hash.
#[derive(Debug, Clone, Default)]
struct TopicNumbers(Vec<(String, usize)>);

impl TopicNumbers {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(known, _)| known.as_str().cmp(id))
    }

    /// Gives `id` the next number, unless it has one already.
    fn add(&mut self, id: &str) {
        if let Err(at) = self.find(id) {
            let next = self.0.len();
            self.0.insert(at, (id.to_string(), next));
        }
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.find(id).ok().map(|at| self.0[at].1)
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Per-corpus lookups for filtering: newest-first order and a bitset per topic.
#[derive(Debug, Clone)]
pub struct TopicIndex {
    /// How many articles the corpus has.
    len: usize,
    /// Ordinal → position in `CorpusIndex::articles`, for a corpus listed inline. Empty for a
    /// paged corpus, whose ordinals are positions in its listing pages.
    order: Vec<usize>,
    /// One bitset per topic of the index, in the index's topic order.
    by_topic: Vec<Bitset>,
    /// Topic id → its place in `by_topic`, sorted by id (see [`TopicNumbers`]).
    topic_of_id: TopicNumbers,
    /// How many of `by_topic` are the index's own topics (the rest are unlisted ones).
    listed: usize,
}

impl TopicIndex {
    /// Builds the lookups: one sort of the articles by date, one pass over their topics.
    pub fn new(index: &CorpusIndex) -> Self {
        let len = index.articles.len();
        // Parse each date once, not once per comparison.
        let stamps: Vec<i64> = index
            .articles
            .iter()
            .map(|a| parse_timestamp(&a.published).unwrap_or(i64::MIN))
            .collect();
        let mut order: Vec<usize> = (0..len).collect();
        order.sort_unstable_by(|&a, &b| {
            stamps[b]
                .cmp(&stamps[a])
                .then_with(|| same_time_order(&index.articles[a], &index.articles[b]))
        });
        // The index's topics first, in its order (their counts are shown); then any topic an
        // article carries that the index does not list, so that filtering by it still agrees
        // with TopicFilter (a hand-written corpus may forget to list one).
        let mut topic_of_id = TopicNumbers::default();
        for topic in &index.topics {
            topic_of_id.add(&topic.id);
        }
        for article in &index.articles {
            for topic in &article.topics {
                topic_of_id.add(topic);
            }
        }
        let mut by_topic = vec![Bitset::empty(len); topic_of_id.len()];
        for (ordinal, &position) in order.iter().enumerate() {
            for topic in &index.articles[position].topics {
                if let Some(t) = topic_of_id.get(topic) {
                    by_topic[t].insert(ordinal);
                }
            }
        }
        let listed = index.topics.len();
        TopicIndex {
            len,
            order,
            by_topic,
            topic_of_id,
            listed,
        }
    }

    /// The lookups of a paged corpus, from its postings: for each topic, the ascending
    /// ordinals of its articles (see [`crate::core::catalog`]). `topics` lists the index's own
    /// topics, whose counts are shown, in order; postings for other topics are kept for filtering.
    pub fn from_postings(
        count: usize,
        topics: &[crate::core::format::Topic],
        postings: Vec<(String, Vec<u32>)>,
    ) -> Self {
        let mut topic_of_id = TopicNumbers::default();
        for id in topics
            .iter()
            .map(|t| &t.id)
            .chain(postings.iter().map(|(id, _)| id))
        {
            topic_of_id.add(id);
        }
        let mut by_topic = vec![Bitset::empty(count); topic_of_id.len()];
        for (id, ordinals) in postings {
            let Some(t) = topic_of_id.get(&id) else {
                continue;
            };
            let set = &mut by_topic[t];
            for ordinal in ordinals {
                if (ordinal as usize) < count {
                    set.insert(ordinal as usize);
                }
            }
        }
        TopicIndex {
            len: count,
            order: Vec::new(),
            by_topic,
            topic_of_id,
            listed: topics.len(),
        }
    }

    /// The articles matching `filter`. A selected id no article carries matches nothing.
    pub fn select(&self, filter: &TopicFilter) -> FilterResult {
        let len = self.len;
        let matches = if filter.is_empty() {
            Bitset::full(len)
        } else {
            let sets = filter
                .selected
                .iter()
                .map(|id| self.topic_of_id.get(id).map(|t| &self.by_topic[t]));
            match filter.mode {
                TopicMatch::Any => {
                    let mut acc = Bitset::empty(len);
                    for set in sets.flatten() {
                        for (a, b) in acc.words.iter_mut().zip(&set.words) {
                            *a |= b;
                        }
                    }
                    acc
                }
                TopicMatch::All => {
                    let mut acc = Bitset::full(len);
                    for set in sets {
                        match set {
                            Some(set) => {
                                for (a, b) in acc.words.iter_mut().zip(&set.words) {
                                    *a &= b;
                                }
                            }
                            None => acc = Bitset::empty(len),
                        }
                    }
                    acc
                }
            }
        };
        FilterResult {
            count: matches.len(),
            matches,
        }
    }

    /// For each topic of the index, how many articles of `result` carry it (what
    /// [`TopicFilter::counts`] computes).
    pub fn counts(&self, result: &FilterResult) -> Vec<usize> {
        self.by_topic[..self.listed]
            .iter()
            .map(|set| set.intersection_len(&result.matches))
            .collect()
    }

    /// The ordinals of the first `limit` results, newest first.
    pub fn page(&self, result: &FilterResult, limit: usize) -> Vec<usize> {
        result.matches.iter().take(limit).collect()
    }

    /// For a corpus listed inline, the position in `CorpusIndex::articles` of an ordinal.
    pub fn position(&self, ordinal: usize) -> Option<usize> {
        self.order.get(ordinal).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::{ArticleSummary, Topic};

    fn index(articles: &[(&str, &str, &[&str])]) -> CorpusIndex {
        CorpusIndex {
            version: 1,
            title: None,
            topics: ["a", "b", "c"]
                .iter()
                .map(|t| Topic {
                    id: t.to_string(),
                    label: t.to_uppercase(),
                    count: None,
                })
                .collect(),
            entities: vec![],
            articles: articles
                .iter()
                .map(|(id, date, topics)| ArticleSummary {
                    id: id.to_string(),
                    headline: id.to_string(),
                    standfirst: None,
                    published: date.to_string(),
                    language: None,
                    topics: topics.iter().map(|t| t.to_string()).collect(),
                    entities: vec![],
                    thumbnail: None,
                    url: format!("{id}.json"),
                })
                .collect(),
            catalog: None,
        }
    }

    fn filter(selected: &[&str], mode: TopicMatch) -> TopicFilter {
        TopicFilter {
            selected: selected.iter().map(|s| s.to_string()).collect(),
            mode,
        }
    }

    #[test]
    fn any_all_counts_and_order_agree_with_the_reference_filter() {
        let idx = index(&[
            ("old", "2020-01-01", &["a"]),
            ("new", "2024-01-01", &["a", "b"]),
            ("mid", "2022-01-01", &["b", "c", "zzz"]),
        ]);
        let topics = TopicIndex::new(&idx);
        for f in [
            filter(&[], TopicMatch::Any),
            filter(&["a"], TopicMatch::Any),
            filter(&["a", "c"], TopicMatch::Any),
            filter(&["a", "b"], TopicMatch::All),
            filter(&["a", "c"], TopicMatch::All),
            filter(&["zzz"], TopicMatch::Any),
            filter(&["a", "unknown"], TopicMatch::All),
        ] {
            let result = topics.select(&f);
            let positions: Vec<usize> = topics
                .page(&result, usize::MAX)
                .into_iter()
                .filter_map(|o| topics.position(o))
                .collect();
            assert_eq!(positions, f.positions(&idx), "{f:?}");
            assert_eq!(result.count, f.positions(&idx).len());
            assert_eq!(topics.counts(&result), f.counts(&idx), "{f:?}");
        }
    }

    #[test]
    fn page_stops_at_the_limit() {
        let idx = index(&[
            ("a1", "2020-01-01", &["a"]),
            ("a2", "2021-01-01", &["a"]),
            ("a3", "2022-01-01", &["a"]),
        ]);
        let topics = TopicIndex::new(&idx);
        let result = topics.select(&filter(&["a"], TopicMatch::Any));
        let page: Vec<Option<usize>> = topics
            .page(&result, 2)
            .into_iter()
            .map(|o| topics.position(o))
            .collect();
        assert_eq!(page, vec![Some(2), Some(1)]);
    }

    #[test]
    fn postings_give_the_same_answers_as_inline_articles() {
        let idx = index(&[
            ("old", "2020-01-01", &["a"]),
            ("new", "2024-01-01", &["a", "b"]),
            ("mid", "2022-01-01", &["b", "c"]),
        ]);
        let inline = TopicIndex::new(&idx);
        // Newest first: new = 0, mid = 1, old = 2.
        let paged = TopicIndex::from_postings(
            3,
            &idx.topics,
            vec![
                ("a".into(), vec![0, 2]),
                ("b".into(), vec![0, 1]),
                ("c".into(), vec![1]),
                ("bogus".into(), vec![7]),
            ],
        );
        for f in [
            filter(&["a"], TopicMatch::Any),
            filter(&["b", "c"], TopicMatch::All),
            filter(&["a", "c"], TopicMatch::Any),
        ] {
            let (r1, r2) = (inline.select(&f), paged.select(&f));
            assert_eq!(inline.page(&r1, 10), paged.page(&r2, 10), "{f:?}");
            assert_eq!(inline.counts(&r1), paged.counts(&r2), "{f:?}");
        }
        assert_eq!(
            paged.position(0),
            None,
            "a paged corpus has no inline positions"
        );
    }

    #[test]
    fn bitset_edges_at_word_boundaries() {
        for len in [0, 1, 63, 64, 65, 128, 130] {
            let full = Bitset::full(len);
            assert_eq!(full.len(), len);
            assert_eq!(full.iter().count(), len);
            assert_eq!(full.iter().last(), len.checked_sub(1));
        }
    }
}
