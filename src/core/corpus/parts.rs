//! The parts of a corpus fetched when first needed, and every decision about them: which
//! listing page holds an ordinal, what to fetch (each file once), what a failure, a retry or a
//! late answer does, and which listing pages to forget. The viewer's `app::corpus_data` keeps
//! a [`CorpusParts`] in a signal, runs the [`Fetch`]es it is given, and hands the results back
//! to [`CorpusParts::arrived`].
//!
//! A corpus listed inline ([`Layout::Inline`]) has everything from the start: the same
//! questions get the same kind of answers without a fetch, so the pages need not know which
//! layout they show.

use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::part::{Part, RequestId};
use crate::core::corpus::topic_index::TopicIndex;
use crate::core::corpus::{Corpus, Layout};
use crate::core::format::{ArticleSummary, EntityDirectory, EntitySummary, FormatError};
use std::sync::Arc;

/// How many listing pages a viewer keeps once it has loaded them. About 60 kB each at 100
/// summaries a page; without a bound, a reader filtering a 100,000-article corpus topic after
/// topic would end up holding every page (tens of megabytes).
pub const MAX_CACHED_PAGES: usize = 24;

/// Which file of a corpus a [`Fetch`] is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartFile {
    /// The topic postings of a paged corpus.
    Postings,
    /// Listing page `n` of a paged corpus.
    Page(usize),
    /// The entity mentions of a paged corpus.
    Mentions,
    /// The index's entity directory (`entity_file`).
    Directory,
}

/// A request to make: which file, where (relative to the index), and the id its answer must
/// come back with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetch {
    pub id: RequestId,
    pub file: PartFile,
    pub path: String,
}

/// A file as read, handed back with the id of its [`Fetch`]. Each variant fills the part of its
/// own kind only, and only while that part is loading with that id.
#[derive(Debug, Clone)]
pub enum Loaded {
    Postings(Vec<(String, Vec<u32>)>),
    Page(Vec<ArticleSummary>),
    Mentions(Vec<(String, Vec<u32>)>),
    Directory(EntityDirectory),
}

/// Per entity id, sorted by id, the ordinals of the articles that mention it. (Vectors here,
/// not `HashMap`s: with them the wasm carries no SipHash and no `HashMap` code of its own.)
type Ordinals = Vec<(String, Vec<u32>)>;

/// A corpus and the state of each of its parts.
#[derive(Debug, Clone)]
pub struct CorpusParts {
    corpus: Arc<Corpus>,
    topics: Part<Arc<TopicIndex>>,
    /// The listing pages asked for, sorted by page number. Sparse: a reader who jumps to the
    /// last results of a 100,000-article corpus loads one page, not a slot for every page
    /// before it.
    pages: Vec<(usize, Part<Arc<Vec<ArticleSummary>>>)>,
    mentions: Part<Arc<Ordinals>>,
    directory: Part<Arc<EntityDirectory>>,
}

impl CorpusParts {
    /// The parts of a loaded corpus: what the index already holds is ready, the rest not yet
    /// asked for.
    pub fn new(corpus: Arc<Corpus>) -> CorpusParts {
        let topics = match &corpus.layout {
            Layout::Inline(topics) => Part::Ready(topics.clone()),
            Layout::Paged(_) => Part::NotRequested,
        };
        // A paged corpus without entities has no mentions file: nothing mentions anything.
        let mentions = match corpus.catalog() {
            Some(catalog) if catalog.mentions.is_some() => Part::NotRequested,
            _ => Part::Ready(Arc::new(Vec::new())),
        };
        // An index without `entity_file` lists its entities itself.
        let directory = match corpus.index.entity_file {
            Some(_) => Part::NotRequested,
            None => Part::Ready(Arc::new(EntityDirectory {
                version: crate::core::format::FORMAT_VERSION,
                entities: Vec::new(),
            })),
        };
        CorpusParts {
            corpus,
            topics,
            pages: Vec::new(),
            mentions,
            directory,
        }
    }

    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// The filter lookups: ready from the start for an inline corpus; for a paged one, built
    /// from its postings once [`CorpusParts::want_topics`] has fetched them.
    pub fn topic_index(&self) -> Part<Arc<TopicIndex>> {
        self.topics.clone()
    }

    /// What to fetch for the filter lookups: the postings, once.
    pub fn want_topics(&mut self) -> Vec<Fetch> {
        let Some(catalog) = self.corpus.catalog() else {
            return Vec::new();
        };
        let path = catalog.postings.clone();
        fetch(self.topics.request(), PartFile::Postings, path)
    }

    /// After the postings failed, fetches them again.
    pub fn retry_topics(&mut self) -> Vec<Fetch> {
        let Some(catalog) = self.corpus.catalog() else {
            return Vec::new();
        };
        let path = catalog.postings.clone();
        fetch(self.topics.retry(), PartFile::Postings, path)
    }

    /// The listing page that holds the article at `ordinal`, and its place there (`None` for an
    /// inline corpus, which has no pages).
    pub fn page_of(&self, ordinal: usize) -> Option<(usize, usize)> {
        self.corpus.catalog().map(|c| c.locate(ordinal))
    }

    /// The summary of the article at `ordinal`: from the index of an inline corpus; from its
    /// listing page in a paged one (not requested until [`CorpusParts::want_summaries`]).
    pub fn summary(&self, ordinal: usize) -> Part<ArticleSummary> {
        let catalog = match &self.corpus.layout {
            Layout::Inline(topics) => {
                return match topics.position(ordinal) {
                    Some(at) => Part::Ready(self.corpus.index.articles[at].clone()),
                    None => Part::NotRequested,
                };
            }
            Layout::Paged(catalog) => catalog,
        };
        let (page, slot) = catalog.locate(ordinal);
        let Ok(at) = self.find_page(page) else {
            return Part::NotRequested;
        };
        self.pages[at].1.and_then(|list| match list.get(slot) {
            Some(summary) => Part::Ready(summary.clone()),
            None => Part::Failed(LoadError::Format {
                url: catalog.page_url(page),
                error: FormatError::Invalid {
                    path: "articles".into(),
                    message: format!(
                        "page {page} holds {} articles, but the catalog puts article {ordinal} on it",
                        list.len()
                    ),
                },
            }),
        })
    }

    /// What to fetch so that the summaries of these ordinals (the ones on screen) can be shown:
    /// each listing page not yet asked for, once. Past [`MAX_CACHED_PAGES`] pages, the ones
    /// not on screen and not on their way are forgotten.
    pub fn want_summaries(&mut self, ordinals: &[usize]) -> Vec<Fetch> {
        let Some(catalog) = self.corpus.catalog().cloned() else {
            return Vec::new();
        };
        let mut fetches = Vec::new();
        for &ordinal in ordinals {
            let page = catalog.locate(ordinal).0;
            if let Err(at) = self.find_page(page) {
                let mut part = Part::NotRequested;
                let id = part.request();
                self.pages.insert(at, (page, part));
                fetches.extend(fetch(id, PartFile::Page(page), catalog.page_url(page)));
            }
        }
        if !fetches.is_empty() && self.pages.len() > MAX_CACHED_PAGES {
            let needed: Vec<usize> = ordinals.iter().map(|&o| catalog.locate(o).0).collect();
            self.pages
                .retain(|(page, part)| part.is_loading() || needed.contains(page));
        }
        fetches
    }

    /// Forgets the listing pages that failed, and fetches again the ones these ordinals need.
    pub fn retry_summaries(&mut self, ordinals: &[usize]) -> Vec<Fetch> {
        self.pages.retain(|(_, part)| !part.is_failed());
        self.want_summaries(ordinals)
    }

    /// How many listing pages are held (loaded, loading or failed).
    pub fn cached_pages(&self) -> usize {
        self.pages.len()
    }

    /// The ordinals of the articles that mention an entity, newest first: at once for an inline
    /// corpus (from its entity directory, else from the summaries' lists); for a paged one from
    /// its mentions file, not requested until [`CorpusParts::want_mentions`].
    pub fn mentions_of(&self, entity_id: &str) -> Part<Vec<usize>> {
        if let Layout::Inline(_) = self.corpus.layout {
            let listed = match &self.directory {
                Part::Ready(directory) => directory.entity(entity_id).map(|e| &e.articles),
                _ => None,
            };
            let found = match listed {
                Some(ids) => self.corpus.inline_ordinals_of(ids),
                None => self.corpus.inline_mentions(entity_id),
            };
            return Part::Ready(found.unwrap_or_default());
        }
        self.mentions.map(|all| {
            all.binary_search_by(|(id, _)| id.as_str().cmp(entity_id))
                .map(|at| all[at].1.iter().map(|&o| o as usize).collect())
                .unwrap_or_default()
        })
    }

    /// What to fetch for [`CorpusParts::mentions_of`]: a paged corpus's mentions file, once.
    pub fn want_mentions(&mut self) -> Vec<Fetch> {
        let path = self.mentions_path();
        fetch(self.mentions.request(), PartFile::Mentions, path)
    }

    /// After the mentions file failed, fetches it again.
    pub fn retry_mentions(&mut self) -> Vec<Fetch> {
        let path = self.mentions_path();
        fetch(self.mentions.retry(), PartFile::Mentions, path)
    }

    fn mentions_path(&self) -> String {
        self.corpus
            .catalog()
            .and_then(|c| c.mentions.clone())
            .unwrap_or_default()
    }

    /// The entity with this id: from the index, or from its entity directory once that is here
    /// (not requested until [`CorpusParts::want_directory`]); ready with `None` if the corpus
    /// has no such entity.
    pub fn entity(&self, id: &str) -> Part<Option<EntitySummary>> {
        self.directory.map(|directory| {
            self.corpus
                .index
                .entity(id)
                .cloned()
                .or_else(|| directory.entity(id).map(|e| e.entity.clone()))
        })
    }

    /// "Often with": the entities most often named in the articles that name `entity_id`, with
    /// how many of those articles name each, most first (then by id), at most `limit`.
    ///
    /// Computed from who-mentions-what lists the viewer already holds: an inline index's
    /// per-article `entities`, or an entity directory's per-entity `articles`, as
    /// [`often_with`](crate::core::corpus::often_with::often_with) does (which orders ties by
    /// name, and is not linked into the viewer: this is its smaller twin for the wasm). A paged corpus has neither (its
    /// directory leaves `articles` out, and its mentions file maps entities to ordinals only),
    /// so it gets an empty list: the entity page then shows no "Often with" at all. Empty too
    /// while the directory is not here.
    pub fn often_with(&self, entity_id: &str, limit: usize) -> Vec<(EntitySummary, usize)> {
        let (Layout::Inline(_), Part::Ready(directory)) = (&self.corpus.layout, &self.directory)
        else {
            return Vec::new();
        };
        // Every (other entity, article) pair of the articles that name the entity, once.
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        match directory.entity(entity_id) {
            Some(own) => {
                let mut wanted: Vec<&str> = own.articles.iter().map(String::as_str).collect();
                wanted.sort_unstable();
                for other in directory
                    .entities
                    .iter()
                    .filter(|e| e.entity.id != entity_id)
                {
                    for article in &other.articles {
                        if wanted.binary_search(&article.as_str()).is_ok() {
                            pairs.push((&other.entity.id, article));
                        }
                    }
                }
            }
            None => {
                for article in &self.corpus.index.articles {
                    if article.entities.iter().any(|e| e == entity_id) {
                        for other in article.entities.iter().filter(|e| *e != entity_id) {
                            pairs.push((other, &article.id));
                        }
                    }
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut counts: Vec<(usize, &str)> = pairs
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| (usize::MAX - run.len(), run[0].0))
            .collect();
        // Most articles first, then by id: the same order on every run.
        counts.sort_unstable();
        counts
            .into_iter()
            .filter_map(|(n, id)| match self.entity(id) {
                Part::Ready(Some(entity)) => Some((entity, usize::MAX - n)),
                _ => None,
            })
            .take(limit)
            .collect()
    }

    /// What to fetch for [`CorpusParts::entity`]: the index's entity directory, once.
    pub fn want_directory(&mut self) -> Vec<Fetch> {
        let path = self.corpus.index.entity_file.clone().unwrap_or_default();
        fetch(self.directory.request(), PartFile::Directory, path)
    }

    /// After the entity directory failed, fetches it again.
    pub fn retry_directory(&mut self) -> Vec<Fetch> {
        let path = self.corpus.index.entity_file.clone().unwrap_or_default();
        fetch(self.directory.retry(), PartFile::Directory, path)
    }

    /// Takes the answer to the fetch `id`: `true` if a part was waiting for it. An answer no
    /// part waits for (its request superseded by a retry, its listing page forgotten) is
    /// dropped and changes nothing.
    pub fn arrived(&mut self, id: RequestId, result: Result<Loaded, LoadError>) -> bool {
        match result {
            // Ids are unique, so at most one part waits for this one.
            Err(error) => {
                self.topics.arrived(id, Err(error.clone()))
                    || self.mentions.arrived(id, Err(error.clone()))
                    || self.directory.arrived(id, Err(error.clone()))
                    || self
                        .pages
                        .iter_mut()
                        .any(|(_, part)| part.arrived(id, Err(error.clone())))
            }
            Ok(Loaded::Postings(postings)) => {
                // Built only for the request the part waits for: a stale answer costs nothing.
                if !self.topics.waits_for(id) {
                    return false;
                }
                let count = self.corpus.len();
                let listed = &self.corpus.index.topics;
                let topics = TopicIndex::from_postings(count, listed, postings);
                self.topics.arrived(id, Ok(Arc::new(topics)))
            }
            Ok(Loaded::Page(list)) => {
                let list = Arc::new(list);
                self.pages
                    .iter_mut()
                    .any(|(_, part)| part.arrived(id, Ok(list.clone())))
            }
            Ok(Loaded::Mentions(mut list)) => {
                list.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                self.mentions.arrived(id, Ok(Arc::new(list)))
            }
            Ok(Loaded::Directory(directory)) => self.directory.arrived(id, Ok(Arc::new(directory))),
        }
    }

    /// Where listing page `page` is, or would be inserted, in `pages`.
    fn find_page(&self, page: usize) -> Result<usize, usize> {
        self.pages.binary_search_by(|(known, _)| known.cmp(&page))
    }
}

/// The fetch for a request just made, if one was.
fn fetch(id: Option<RequestId>, file: PartFile, path: String) -> Vec<Fetch> {
    id.map(|id| Fetch { id, file, path }).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::CorpusIndex;

    /// A paged corpus of 1,000 articles, 10 to a page, with topics and entities.
    fn paged() -> CorpusParts {
        let index = r#"{"version": 1, "topics": [{"id": "iraq", "label": "Iraq", "count": 2}],
            "entity_file": "entities.json",
            "catalog": {"count": 1000, "page_size": 10, "pages": "listing/{page}.json",
                "postings": "postings.json", "mentions": "mentions.json",
                "articles": "articles/{id}.json"}}"#;
        let index = CorpusIndex::from_json(index).unwrap();
        CorpusParts::new(Arc::new(Corpus::new(index)))
    }

    fn inline() -> CorpusParts {
        let index = r#"{"version": 1, "topics": [{"id": "iraq", "label": "Iraq"}],
            "entities": [{"id": "baghdad", "name": "Baghdad", "type": "place"}],
            "articles": [
              {"id": "old", "headline": "Old", "published": "2020-01-01", "topics": ["iraq"],
               "entities": ["baghdad"], "url": "articles/old.json"},
              {"id": "new", "headline": "New", "published": "2024-01-01",
               "url": "articles/new.json"}]}"#;
        let index = CorpusIndex::from_json(index).unwrap();
        CorpusParts::new(Arc::new(Corpus::new(index)))
    }

    #[test]
    fn often_with_counts_shared_articles_inline_and_from_a_directory() {
        let index = r#"{"version": 1, "topics": [],
            "entities": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"},
                         {"id": "c", "name": "C"}],
            "articles": [
              {"id": "1", "headline": "1", "published": "2020-01-01", "entities": ["a", "b", "c"],
               "url": "1.json"},
              {"id": "2", "headline": "2", "published": "2020-01-02", "entities": ["a", "c"],
               "url": "2.json"},
              {"id": "3", "headline": "3", "published": "2020-01-03", "entities": ["b"],
               "url": "3.json"}]}"#;
        let parts = CorpusParts::new(Arc::new(Corpus::new(
            CorpusIndex::from_json(index).unwrap(),
        )));
        let names = |found: Vec<(EntitySummary, usize)>| {
            found
                .into_iter()
                .map(|(e, n)| (e.id, n))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(parts.often_with("a", 5)),
            [("c".to_string(), 2), ("b".to_string(), 1)]
        );
        assert_eq!(names(parts.often_with("a", 1)), [("c".to_string(), 2)]);

        let index = r#"{"version": 1, "topics": [], "entity_file": "e.json",
            "articles": [
              {"id": "1", "headline": "1", "published": "2020-01-01", "url": "1.json"},
              {"id": "2", "headline": "2", "published": "2020-01-02", "url": "2.json"}]}"#;
        let mut parts = CorpusParts::new(Arc::new(Corpus::new(
            CorpusIndex::from_json(index).unwrap(),
        )));
        assert!(
            parts.often_with("a", 5).is_empty(),
            "nothing before the directory"
        );
        let fetch = parts.want_directory().remove(0);
        let directory = EntityDirectory::from_json(
            r#"{"version": 1, "entities": [
                {"id": "a", "name": "A", "articles": ["1", "2"]},
                {"id": "b", "name": "B", "articles": ["1"]},
                {"id": "c", "name": "C", "articles": ["2", "1", "1"]},
                {"id": "d", "name": "D", "articles": []}]}"#,
        )
        .unwrap();
        parts.arrived(fetch.id, Ok(Loaded::Directory(directory)));
        assert_eq!(
            names(parts.often_with("a", 5)),
            [("c".to_string(), 2), ("b".to_string(), 1)]
        );
    }

    #[test]
    fn a_paged_corpus_has_no_often_with() {
        assert!(paged().often_with("baghdad", 5).is_empty());
    }

    /// Listing page `page` of [`paged`], as read.
    fn page(page: usize) -> Loaded {
        Loaded::Page(
            (0..10)
                .map(|slot| ArticleSummary {
                    id: format!("a{}", page * 10 + slot),
                    headline: format!("Article {}", page * 10 + slot),
                    standfirst: None,
                    published: "2024-01-01".into(),
                    language: None,
                    topics: Vec::new(),
                    entities: Vec::new(),
                    thumbnail: None,
                    url: String::new(),
                })
                .collect(),
        )
    }

    fn offline(path: &str) -> LoadError {
        LoadError::Network {
            url: path.into(),
            message: "offline".into(),
        }
    }

    fn pages_of(fetches: &[Fetch]) -> Vec<usize> {
        fetches
            .iter()
            .map(|f| match f.file {
                PartFile::Page(n) => n,
                other => panic!("not a page: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn an_ordinal_is_on_the_page_its_number_divided_by_the_page_size_says() {
        let parts = paged();
        assert_eq!(parts.page_of(0), Some((0, 0)));
        assert_eq!(parts.page_of(9), Some((0, 9)));
        assert_eq!(parts.page_of(10), Some((1, 0)));
        assert_eq!(parts.page_of(999), Some((99, 9)));
        assert_eq!(inline().page_of(0), None, "an inline corpus has no pages");
    }

    #[test]
    fn summaries_are_fetched_by_page_and_each_page_once() {
        let mut parts = paged();
        assert_eq!(parts.summary(15), Part::NotRequested);
        let fetches = parts.want_summaries(&[15, 3, 17, 42]);
        assert_eq!(pages_of(&fetches), [1, 0, 4]);
        assert_eq!(fetches[0].path, "listing/1.json");
        assert!(parts.summary(15).is_loading());
        assert!(
            parts.want_summaries(&[15, 3, 17, 42]).is_empty(),
            "asking twice fetches once"
        );
        assert!(parts.arrived(fetches[0].id, Ok(page(1))));
        match parts.summary(15) {
            Part::Ready(summary) => assert_eq!(summary.id, "a15"),
            other => panic!("{other:?}"),
        }
        assert!(
            parts.want_summaries(&[15]).is_empty(),
            "a page here is not fetched again"
        );
    }

    #[test]
    fn a_short_page_is_an_error_naming_the_page() {
        let mut parts = paged();
        let fetch = parts.want_summaries(&[5]).remove(0);
        parts.arrived(fetch.id, Ok(Loaded::Page(Vec::new())));
        match parts.summary(5) {
            Part::Failed(LoadError::Format { url, .. }) => assert_eq!(url, "listing/0.json"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_page_cache_is_bounded_but_keeps_what_is_on_screen_or_on_its_way() {
        let mut parts = paged();
        // Pages 0..24 loaded, the bound: nothing goes yet.
        for p in 0..MAX_CACHED_PAGES {
            let fetch = parts.want_summaries(&[p * 10]).remove(0);
            parts.arrived(fetch.id, Ok(page(p)));
        }
        assert_eq!(parts.cached_pages(), MAX_CACHED_PAGES);
        // A result on pages 3 and 5 and a new one: past the bound, only the pages on screen
        // (and any on their way) stay.
        let fetches = parts.want_summaries(&[30, 50, 500]);
        assert_eq!(pages_of(&fetches), [50]);
        assert_eq!(parts.cached_pages(), 3, "pages 3, 5 and 50");
        assert!(matches!(parts.summary(30), Part::Ready(_)));
        assert_eq!(parts.summary(0), Part::NotRequested, "page 0 was forgotten");
        // Refilled past the bound while page 50 is still loading: page 50 stays.
        for p in 0..MAX_CACHED_PAGES {
            parts.want_summaries(&[1000 - (p + 1) * 10]);
        }
        assert!(parts.cached_pages() <= MAX_CACHED_PAGES + 1);
        assert!(parts.summary(500).waits_for(fetches[0].id));

        // More pages on screen than the bound: all of them stay.
        let mut parts = paged();
        let on_screen: Vec<usize> = (0..40).map(|p| p * 10).collect();
        let fetches = parts.want_summaries(&on_screen);
        assert_eq!(fetches.len(), 40);
        for (p, fetch) in fetches.iter().enumerate() {
            parts.arrived(fetch.id, Ok(page(p)));
        }
        assert!(parts.want_summaries(&on_screen).is_empty());
        assert_eq!(parts.cached_pages(), 40);
    }

    #[test]
    fn a_failure_stays_until_a_retry_which_fetches_again() {
        let mut parts = paged();
        let first = parts.want_topics().remove(0);
        assert_eq!(
            (first.file, first.path.as_str()),
            (PartFile::Postings, "postings.json")
        );
        assert!(parts.want_topics().is_empty(), "asking twice fetches once");
        assert!(
            parts.retry_topics().is_empty(),
            "nothing failed, nothing to retry"
        );
        assert!(parts.arrived(first.id, Err(offline("postings.json"))));
        assert!(matches!(
            parts.topic_index(),
            Part::Failed(LoadError::Network { .. })
        ));
        assert!(
            parts.want_topics().is_empty(),
            "a failure is not retried by asking"
        );

        let again = parts.retry_topics().remove(0);
        assert_ne!(again.id, first.id);
        assert!(parts.topic_index().is_loading());
        let postings = vec![("iraq".to_string(), vec![3, 7])];
        assert!(parts.arrived(again.id, Ok(Loaded::Postings(postings))));
        match parts.topic_index() {
            Part::Ready(topics) => {
                let filter = crate::core::corpus::topics::TopicFilter {
                    selected: vec!["iraq".into()],
                    ..Default::default()
                };
                assert_eq!(topics.page(&topics.select(&filter), 10), [3, 7]);
            }
            other => panic!("{}", other.is_failed()),
        }

        // Failed listing pages: a retry forgets them and fetches the ones still needed.
        let fetches = parts.want_summaries(&[0, 10]);
        for fetch in &fetches {
            parts.arrived(fetch.id, Err(offline(&fetch.path)));
        }
        assert!(parts.want_summaries(&[0, 10]).is_empty());
        assert_eq!(pages_of(&parts.retry_summaries(&[10])), [1]);
        assert_eq!(parts.summary(0), Part::NotRequested);
    }

    #[test]
    fn stale_answers_change_nothing() {
        let mut parts = paged();
        // A superseded request: the postings failed, were retried, and then an answer to the
        // first request turns up (a duplicate, a late retry of the network stack).
        let first = parts.want_topics().remove(0);
        parts.arrived(first.id, Err(offline("postings.json")));
        let second = parts.retry_topics().remove(0);
        assert!(!parts.arrived(first.id, Ok(Loaded::Postings(Vec::new()))));
        assert!(parts.topic_index().waits_for(second.id));
        assert!(!parts.arrived(first.id, Err(offline("postings.json"))));
        assert!(parts.topic_index().waits_for(second.id));

        // An answer for a page that was forgotten meanwhile.
        let fetch = parts.want_summaries(&[0]).remove(0);
        parts.arrived(fetch.id, Err(offline("listing/0.json")));
        parts.retry_summaries(&[]);
        assert_eq!(parts.summary(0), Part::NotRequested);
        assert!(!parts.arrived(fetch.id, Ok(page(0))));
        assert_eq!(parts.summary(0), Part::NotRequested);

        // An answer of another kind than its request was for fills nothing.
        let mentions = parts.want_mentions().remove(0);
        assert!(!parts.arrived(mentions.id, Ok(page(0))));
        assert!(parts.mentions_of("x").waits_for(mentions.id));
    }

    #[test]
    fn mentions_and_entities_are_fetched_once_and_looked_up() {
        let mut parts = paged();
        assert_eq!(parts.entity("baghdad"), Part::NotRequested);
        let directory = parts.want_directory().remove(0);
        assert_eq!(directory.path, "entities.json");
        assert!(parts.want_directory().is_empty());
        let mentions = parts.want_mentions().remove(0);
        assert_eq!(mentions.path, "mentions.json");
        assert!(parts.want_mentions().is_empty());

        let list = vec![
            ("z".to_string(), vec![1]),
            ("baghdad".to_string(), vec![2, 9]),
        ];
        assert!(parts.arrived(mentions.id, Ok(Loaded::Mentions(list))));
        assert_eq!(parts.mentions_of("baghdad"), Part::Ready(vec![2, 9]));
        assert_eq!(parts.mentions_of("nobody"), Part::Ready(vec![]));

        let loaded = EntityDirectory::from_json(
            r#"{"version": 1, "entities": [{"id": "baghdad", "name": "Baghdad", "type": "place"}]}"#,
        )
        .unwrap();
        assert!(parts.arrived(directory.id, Ok(Loaded::Directory(loaded))));
        match parts.entity("baghdad") {
            Part::Ready(Some(entity)) => assert_eq!(entity.name, "Baghdad"),
            other => panic!("{other:?}"),
        }
        assert_eq!(parts.entity("nobody"), Part::Ready(None));
    }

    #[test]
    fn an_inline_corpus_has_everything_and_fetches_nothing() {
        let mut parts = inline();
        assert!(parts.want_topics().is_empty());
        assert!(parts.want_summaries(&[0, 1]).is_empty());
        assert!(parts.want_mentions().is_empty());
        assert!(parts.want_directory().is_empty());
        assert!(matches!(parts.topic_index(), Part::Ready(_)));
        match parts.summary(0) {
            Part::Ready(summary) => assert_eq!(summary.id, "new", "newest first"),
            other => panic!("{other:?}"),
        }
        assert_eq!(parts.summary(2), Part::NotRequested);
        assert_eq!(parts.mentions_of("baghdad"), Part::Ready(vec![1]));
        assert!(matches!(parts.entity("baghdad"), Part::Ready(Some(_))));
    }

    #[test]
    fn a_new_request_supersedes_the_one_in_flight() {
        let mut part: Part<u32> = Part::NotRequested;
        let first = part.request().unwrap();
        assert_eq!(part.request(), None);
        let second = part.restart();
        assert!(!part.arrived(first, Ok(1)), "the first answer is stale");
        assert!(part.waits_for(second));
        assert!(part.arrived(second, Ok(2)));
        assert_eq!(part, Part::Ready(2));
        assert!(!part.arrived(second, Ok(3)), "an answer counts once");
        assert_eq!(part.retry(), None, "nothing failed");
    }
}
