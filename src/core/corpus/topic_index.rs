//! Topic filtering that stays fast at 100,000 articles.
//!
//! [`TopicFilter`] says what the reader selected; [`TopicIndex`] answers it. Built once per
//! corpus, it keeps the articles in newest-first order and, for each listed topic, its articles:
//! a bitset for a common topic, a list of ordinals for a rare one (so that memory grows with
//! the postings, not with topics × articles). A selection is then a few hundred word-wide ANDs
//! or ORs, the counts beside the toggles one popcount or one pass over a short list per topic,
//! and the visible page the first set bits: no sort and no allocation per article on a click.
//!
//! The results are exactly those of [`TopicFilter::apply`] and [`TopicFilter::counts`] for a
//! selection of listed topics (what the viewer has once [`TopicFilter::retain_known`] has
//! cleaned a shared link); those stay as the plain reference (the property tests compare them).

use crate::core::corpus::order::same_time_order;
pub use crate::core::corpus::postings::Bitset;
use crate::core::corpus::postings::Postings;
use crate::core::corpus::topics::{TopicFilter, TopicMatch};
use crate::core::format::CorpusIndex;
use crate::core::text::dates::parse_timestamp;

/// The articles matching a selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterResult {
    matches: Bitset,
    /// How many articles match.
    pub count: usize,
}

/// Per-corpus lookups for filtering: newest-first order and the articles of each topic.
#[derive(Debug, Clone)]
pub struct TopicIndex {
    /// How many articles the corpus has.
    len: usize,
    /// Ordinal → position in `CorpusIndex::articles`, for a corpus listed inline. Empty for a
    /// paged corpus, whose ordinals are positions in its listing pages.
    order: Vec<usize>,
    /// The articles of each topic of the index, in the index's topic order. Topics the index
    /// does not list are not kept: the reader cannot select them (a shared link naming one is
    /// cleaned by [`TopicFilter::retain_known`]), and keeping them let a file with many
    /// unlisted topics take memory no toggle would ever use.
    by_topic: Vec<Postings>,
    topic_of_id: TopicIds,
}

/// Topic id → its place in the index's topic list. A sorted vector, not a `HashMap`: without
/// std's `HashMap` the wasm carries no SipHash (README, "Size"). Sorted once when built, so
/// building it is n log n whatever order the ids come in.
#[derive(Debug, Clone, Default)]
struct TopicIds {
    /// (id, number), sorted by id, each id once (with its first number).
    sorted: Vec<(String, usize)>,
}

impl TopicIds {
    /// Numbers `ids` in order; an id given twice keeps its first number.
    fn new<'a>(ids: impl Iterator<Item = &'a str>) -> Self {
        let mut sorted: Vec<(String, usize)> = ids
            .enumerate()
            .map(|(number, id)| (id.to_string(), number))
            .collect();
        sorted.sort_unstable();
        sorted.dedup_by(|later, first| later.0 == first.0);
        TopicIds { sorted }
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.sorted
            .binary_search_by(|(known, _)| known.as_str().cmp(id))
            .ok()
            .map(|at| self.sorted[at].1)
    }

    fn heap_bytes(&self) -> usize {
        self.sorted.capacity() * std::mem::size_of::<(String, usize)>()
            + self
                .sorted
                .iter()
                .map(|(id, _)| id.capacity())
                .sum::<usize>()
    }
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
        let topic_of_id = TopicIds::new(index.topics.iter().map(|t| t.id.as_str()));
        let mut lists = vec![Vec::new(); index.topics.len()];
        for (ordinal, &position) in order.iter().enumerate() {
            for topic in &index.articles[position].topics {
                if let Some(number) = topic_of_id.get(topic) {
                    lists[number].push(ordinal as u32);
                }
            }
        }
        Self::assemble(len, order, &index.topics, topic_of_id, lists)
    }

    /// The lookups of a paged corpus, from its postings: for each topic, the ascending
    /// ordinals of its articles (see [`crate::core::format::catalog`]). `topics` lists the index's own
    /// topics, in order; postings for other topics are not kept, like the unlisted topics of an
    /// inline corpus.
    pub fn from_postings(
        count: usize,
        topics: &[crate::core::format::Topic],
        postings: Vec<(String, Vec<u32>)>,
    ) -> Self {
        let topic_of_id = TopicIds::new(topics.iter().map(|t| t.id.as_str()));
        let mut lists = vec![Vec::new(); topics.len()];
        for (id, ordinals) in postings {
            if let Some(number) = topic_of_id.get(&id) {
                let list: &mut Vec<u32> = &mut lists[number];
                list.extend(ordinals.into_iter().filter(|&o| (o as usize) < count));
            }
        }
        Self::assemble(count, Vec::new(), topics, topic_of_id, lists)
    }

    /// The index from each listed topic's ordinals (by its first number).
    fn assemble(
        len: usize,
        order: Vec<usize>,
        topics: &[crate::core::format::Topic],
        topic_of_id: TopicIds,
        lists: Vec<Vec<u32>>,
    ) -> Self {
        let mut by_topic: Vec<Postings> = lists
            .into_iter()
            .map(|list| Postings::new(list, len))
            .collect();
        // A topic listed twice (only in an index that skipped validation) counts like its
        // first listing.
        for (i, topic) in topics.iter().enumerate() {
            match topic_of_id.get(&topic.id) {
                Some(first) if first != i => by_topic[i] = by_topic[first].clone(),
                _ => {}
            }
        }
        TopicIndex {
            len,
            order,
            by_topic,
            topic_of_id,
        }
    }

    /// The articles matching `filter`. A selected id the index does not list matches nothing.
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
                        set.union_into(&mut acc);
                    }
                    acc
                }
                TopicMatch::All => {
                    let mut acc = Bitset::full(len);
                    for set in sets {
                        match set {
                            Some(set) => set.intersect_into(&mut acc),
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

    /// For each topic of the index, the number its toggle shows (what [`TopicFilter::counts`]
    /// computes): for a topic not selected, how many articles the list would show once a click
    /// adds it (in *any* mode the union, as InstantSearch's disjunctive facets count, which is
    /// the result's count plus the topic's articles minus those already in it; in *all* mode
    /// the intersection); for a selected topic, how many results carry it. Linear in the size
    /// of the postings: a rare topic costs its own articles, a common one a word per 64.
    pub fn counts(&self, filter: &TopicFilter, result: &FilterResult) -> Vec<usize> {
        let mut selected = vec![false; self.by_topic.len()];
        for id in &filter.selected {
            if let Some(t) = self.topic_of_id.get(id) {
                selected[t] = true;
            }
        }
        let union = filter.mode == TopicMatch::Any && !filter.is_empty();
        (self.by_topic.iter().zip(selected))
            .map(|(set, selected)| {
                let shared = set.intersection_len(&result.matches);
                if union && !selected {
                    result.count + set.len() - shared
                } else {
                    shared
                }
            })
            .collect()
    }

    /// A search's results within a topic selection: of `ranked` (ordinals, best first), those
    /// `filter`'s topics select, in rank order; how many they are, the first `limit`, and the
    /// topic counts of the search (as [`TopicIndex::counts`], with the search's hits in place
    /// of the whole corpus: a toggle says how many results a click would show). Ordinals out
    /// of range or repeated are dropped.
    pub fn search_listing(
        &self,
        filter: &TopicFilter,
        ranked: &[usize],
        limit: usize,
    ) -> (usize, Vec<usize>, Vec<usize>) {
        let selection = self.select(filter);
        let mut hits = Bitset::empty(self.len);
        let mut matches = Bitset::empty(self.len);
        let mut order = Vec::new();
        for &o in ranked.iter().filter(|&&o| o < self.len) {
            if !hits.contains(o) {
                hits.insert(o);
                if selection.matches.contains(o) {
                    matches.insert(o);
                    order.push(o);
                }
            }
        }
        let result = FilterResult {
            count: order.len(),
            matches,
        };
        // As `counts`, with the hits in place of the corpus: a topic not selected (in *any*
        // mode) adds its hits; otherwise a toggle counts the results that carry it. (Written
        // out, not shared with `counts`: this is the search's code, outside the first view.)
        let mut chosen = vec![false; self.by_topic.len()];
        for id in &filter.selected {
            if let Some(t) = self.topic_of_id.get(id) {
                chosen[t] = true;
            }
        }
        let union = filter.mode == TopicMatch::Any && !filter.is_empty();
        let counts = (self.by_topic.iter().zip(chosen))
            .map(|(set, chosen)| {
                let shared = set.intersection_len(&result.matches);
                if union && !chosen {
                    result.count + set.intersection_len(&hits) - shared
                } else {
                    shared
                }
            })
            .collect();
        order.truncate(limit);
        (result.count, order, counts)
    }

    /// "More on <topic>": the articles most like one whose topics are `topics` (ids, the first
    /// the one it is mostly about) and whose ordinal is `own` (left out; `None` if not known).
    /// The candidates are the articles of the first topic; each scores a point for every topic
    /// of `topics` it has and for every time it appears in `extra` (the ordinals of the
    /// articles that name each of its entities), and the best come first, the newest first
    /// among equals. At most `limit`. Linear in the postings of its topics and in `extra`, plus
    /// a sort of the candidates.
    pub fn related(
        &self,
        topics: &[String],
        extra: &[usize],
        own: Option<usize>,
        limit: usize,
    ) -> Vec<usize> {
        let mut listed = topics.iter().filter_map(|id| self.topic_of_id.get(id));
        let Some(first) = listed.next() else {
            return Vec::new();
        };
        let mut score = vec![0_u8; self.len];
        self.by_topic[first].for_each(|o| score[o] = 1);
        for topic in listed {
            self.by_topic[topic].for_each(|o| {
                if score[o] > 0 {
                    score[o] = score[o].saturating_add(1);
                }
            });
        }
        for &o in extra {
            if let Some(s) = score.get_mut(o).filter(|s| **s > 0) {
                *s = s.saturating_add(1);
            }
        }
        if let Some(s) = own.and_then(|o| score.get_mut(o)) {
            *s = 0;
        }
        let mut ranked: Vec<(u8, usize)> = (score.into_iter().enumerate())
            .filter(|(_, s)| *s > 0)
            .map(|(o, s)| (u8::MAX - s, o))
            .collect();
        ranked.sort_unstable();
        ranked.into_iter().take(limit).map(|(_, o)| o).collect()
    }

    /// The ordinal of the article at `position` of a corpus listed inline.
    pub fn ordinal_of_position(&self, position: usize) -> Option<usize> {
        self.order.iter().position(|&p| p == position)
    }

    /// The ordinals of the first `limit` results, newest first.
    pub fn page(&self, result: &FilterResult, limit: usize) -> Vec<usize> {
        result.matches.iter().take(limit).collect()
    }

    /// For a corpus listed inline, the position in `CorpusIndex::articles` of an ordinal.
    pub fn position(&self, ordinal: usize) -> Option<usize> {
        self.order.get(ordinal).copied()
    }

    /// The bytes the index holds on the heap: postings, order and topic ids. At most about
    /// four bytes per (article, topic) pair plus a few dozen per topic and eight per article.
    pub fn heap_bytes(&self) -> usize {
        self.by_topic.capacity() * std::mem::size_of::<Postings>()
            + self
                .by_topic
                .iter()
                .map(Postings::heap_bytes)
                .sum::<usize>()
            + self.order.capacity() * std::mem::size_of::<usize>()
            + self.topic_of_id.heap_bytes()
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
            entity_file: None,
            articles: articles
                .iter()
                .map(|(id, date, topics)| ArticleSummary {
                    id: (*id).into(),
                    headline: (*id).into(),
                    standfirst: None,
                    published: (*date).into(),
                    language: None,
                    topics: topics.iter().map(|t| (*t).into()).collect(),
                    entities: vec![],
                    thumbnail: None,
                    url: format!("{id}.json").into(),
                    source_name: None,
                    reading_minutes: None,
                })
                .collect(),
            catalog: None,
            search: None,
        }
    }

    #[test]
    fn a_search_within_topics_keeps_its_rank_and_counts_only_its_hits() {
        // Articles 0..6: "a" on 0, 1, 2; "b" on 2, 3.
        let json = r#"{"version": 1, "topics": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
            "articles": [
              {"id": "0", "headline": "0", "published": "2024-01-06", "topics": ["a"], "url": "0.json"},
              {"id": "1", "headline": "1", "published": "2024-01-05", "topics": ["a"], "url": "1.json"},
              {"id": "2", "headline": "2", "published": "2024-01-04", "topics": ["a", "b"], "url": "2.json"},
              {"id": "3", "headline": "3", "published": "2024-01-03", "topics": ["b"], "url": "3.json"},
              {"id": "4", "headline": "4", "published": "2024-01-02", "url": "4.json"},
              {"id": "5", "headline": "5", "published": "2024-01-01", "url": "5.json"}]}"#;
        let index = TopicIndex::new(&CorpusIndex::from_json(json).unwrap());
        let ranked = [4, 3, 4, 42, 1, 0];
        // No topic: every hit, in rank order; each topic counts its hits.
        let (count, order, counts) =
            index.search_listing(&filter(&[], TopicMatch::Any), &ranked, 10);
        assert_eq!((count, order, counts), (4, vec![4, 3, 1, 0], vec![2, 1]));
        // "a": its hits 1, 0; adding "b" (any) would show 1, 0 and 3, not every article of b.
        let (count, order, counts) =
            index.search_listing(&filter(&["a"], TopicMatch::Any), &ranked, 1);
        assert_eq!((count, order, counts), (2, vec![1], vec![2, 3]));
        let (count, _, counts) =
            index.search_listing(&filter(&["a", "b"], TopicMatch::All), &ranked, 10);
        assert_eq!((count, counts), (0, vec![0, 0]));
        let (count, order, _) = index.search_listing(&filter(&[], TopicMatch::Any), &[], 10);
        assert_eq!((count, order), (0, vec![]));
    }

    fn filter(selected: &[&str], mode: TopicMatch) -> TopicFilter {
        TopicFilter {
            selected: selected.iter().map(|s| s.to_string()).collect(),
            mode,
            query: String::new(),
        }
    }

    #[test]
    fn related_articles_share_the_first_topic_and_rank_by_what_else_they_share() {
        // Ordinals are newest first: d(0), c(1), b(2), a(3).
        let idx = TopicIndex::new(&index(&[
            ("a", "2020-01-01", &["a", "b"]),
            ("b", "2020-01-02", &["a"]),
            ("c", "2020-01-03", &["a", "b", "c"]),
            ("d", "2020-01-04", &["b", "c"]),
        ]));
        let own = idx.ordinal_of_position(0);
        assert_eq!(own, Some(3));
        let topics = ["a".to_string(), "b".to_string()];
        // c shares a and b; b only a; d lacks a, the first topic, so it is not a candidate.
        assert_eq!(idx.related(&topics, &[], own, 3), vec![1, 2]);
        assert_eq!(idx.related(&topics, &[], own, 1), vec![1]);
        // An entity in common (b names it twice) lifts b above c.
        assert_eq!(idx.related(&topics, &[2, 2], own, 3), vec![2, 1]);
        // Without the own ordinal the article itself is among them (as good as c, and older).
        assert_eq!(idx.related(&topics, &[], None, 3), vec![1, 3, 2]);
        assert!(idx.related(&["nope".to_string()], &[], own, 3).is_empty());
        assert!(idx.related(&[], &[], own, 3).is_empty());
        // Ordinals out of range in `extra` (an untrusted mentions file) are ignored.
        assert_eq!(idx.related(&topics, &[99, 1_000_000], own, 3), vec![1, 2]);
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
            assert_eq!(topics.counts(&f, &result), f.counts(&idx), "{f:?}");
        }
    }

    #[test]
    fn a_topic_the_index_does_not_list_is_not_kept_and_matches_nothing() {
        let idx = index(&[("mid", "2022-01-01", &["b", "zzz"])]);
        let topics = TopicIndex::new(&idx);
        assert_eq!(topics.select(&filter(&["zzz"], TopicMatch::Any)).count, 0);
        assert_eq!(topics.select(&filter(&["b"], TopicMatch::Any)).count, 1);
        assert_eq!(topics.by_topic.len(), 3);
    }

    #[test]
    fn rare_topics_are_lists_and_common_ones_bitsets_with_the_same_answers() {
        // 200 articles: "a" on every one, "b" on every tenth, "c" on one.
        let dates: Vec<String> = (0..200)
            .map(|i| format!("2020-01-01T00:{:02}:{:02}Z", i / 60, i % 60))
            .collect();
        let ids: Vec<String> = (0..200).map(|i| format!("x{i}")).collect();
        let rows: Vec<(&str, &str, Vec<&str>)> = (0..200)
            .map(|i| {
                let mut t = vec!["a"];
                if i % 10 == 0 {
                    t.push("b");
                }
                if i == 7 {
                    t.extend(["c", "c"]);
                }
                (ids[i].as_str(), dates[i].as_str(), t)
            })
            .collect();
        let rows: Vec<(&str, &str, &[&str])> = rows
            .iter()
            .map(|(i, d, t)| (*i, *d, t.as_slice()))
            .collect();
        let idx = index(&rows);
        let topics = TopicIndex::new(&idx);
        assert!(matches!(topics.by_topic[0], Postings::Dense(_)));
        assert!(matches!(topics.by_topic[2], Postings::Sparse(ref l) if l.len() == 1));
        for f in [
            filter(&["b", "c"], TopicMatch::Any),
            filter(&["a", "b"], TopicMatch::All),
            filter(&["b", "a"], TopicMatch::All),
            filter(&["c", "a"], TopicMatch::All),
            filter(&["b", "c"], TopicMatch::All),
        ] {
            let result = topics.select(&f);
            assert_eq!(result.count, f.positions(&idx).len(), "{f:?}");
            assert_eq!(topics.counts(&f, &result), f.counts(&idx), "{f:?}");
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
            assert_eq!(inline.counts(&f, &r1), paged.counts(&f, &r2), "{f:?}");
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
