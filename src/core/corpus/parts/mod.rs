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

/// How many summaries of listing pages a viewer keeps once it has loaded them (about 600 bytes
/// each: 1.4 MB); without a bound, a reader filtering a 100,000-article corpus topic after
/// topic would end up holding every page (tens of megabytes). Counted in summaries, not pages,
/// so that the bound means the same whatever the catalog's page size: 24 pages of 100, 240 of
/// 10 (see [`max_cached_pages`]).
pub const MAX_CACHED_SUMMARIES: usize = 2400;

/// How many listing pages of `page_size` summaries make [`MAX_CACHED_SUMMARIES`].
pub fn max_cached_pages(page_size: usize) -> usize {
    MAX_CACHED_SUMMARIES.div_ceil(page_size.max(1))
}

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

impl PartFile {
    /// Reads the text of this file of a corpus of `count` articles. One function for every
    /// kind of part, so the viewer fetches all of them with one piece of async code (four
    /// `async fn`s, one per kind, cost 0.5 kB gzip more of wasm). Takes the text, so that a
    /// listing page's summaries can share it rather than copy it.
    pub fn read(self, text: String, count: usize) -> Result<Loaded, FormatError> {
        use crate::core::format::catalog;
        if let PartFile::Page(n) = self {
            let text = std::sync::Arc::new(text);
            return Ok(Loaded::Page(catalog::listing_page_from_shared(&text, n)?));
        }
        let text = text.as_str();
        Ok(match self {
            PartFile::Postings => Loaded::Postings(catalog::postings_from_json(text, count)?),
            PartFile::Page(n) => Loaded::Page(catalog::listing_page_from_json(text, n)?),
            PartFile::Mentions => Loaded::Mentions(catalog::mentions_from_json(text, count)?),
            PartFile::Directory => Loaded::Directory(EntityDirectory::from_json(text)?),
        })
    }
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
    /// The list's search: the query last asked (trimmed), and the search worker's answer once
    /// here. Kept with the parts, which the list already reads, rather than in a signal of its
    /// own: each signal type is reactive code of its own in the first view (README, "Size").
    search: Option<(String, Option<Result<SearchAnswer, String>>)>,
}

/// What the search worker found for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchAnswer {
    /// Ordinals, best first.
    pub hits: Arc<Vec<usize>>,
    /// The ids of the entities the query names, best first.
    pub entities: Vec<String>,
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
            search: None,
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
    /// each listing page not yet asked for, once. Past [`max_cached_pages`], the ones not on
    /// screen and not on their way are forgotten.
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
        if !fetches.is_empty() && self.pages.len() > max_cached_pages(catalog.page_size) {
            let needed: Vec<usize> = ordinals.iter().map(|&o| catalog.locate(o).0).collect();
            self.pages
                .retain(|(page, part)| part.is_loading() || needed.contains(page));
        }
        fetches
    }

    /// Fetches again the failed listing pages these ordinals need. Other failed pages stay
    /// failed: a card kept from another list (`kept_list`) retries its own page, and the cards
    /// of the pages it did not ask for keep their error and their own "Try again", instead of
    /// turning into placeholders that nothing fetches.
    pub fn retry_summaries(&mut self, ordinals: &[usize]) -> Vec<Fetch> {
        if let Some(catalog) = self.corpus.catalog().cloned() {
            let needed: Vec<usize> = ordinals.iter().map(|&o| catalog.locate(o).0).collect();
            (self.pages).retain(|(page, part)| !(part.is_failed() && needed.contains(page)));
        }
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
            return Part::Ready(self.mentions_of_each(&[entity_id]));
        }
        self.mentions.map(|all| {
            all.binary_search_by(|(id, _)| id.as_str().cmp(entity_id))
                .map(|at| all[at].1.iter().map(|&o| o as usize).collect())
                .unwrap_or_default()
        })
    }

    /// The mentions of each of `ids` (distinct), together: an ordinal once for every id whose
    /// mentions it is among, those not known yet left out. An inline corpus is read once or
    /// twice for all of them (the ids its directory lists, and the others from the summaries),
    /// not once per id; [`CorpusParts::mentions_of`] is this for one id there.
    fn mentions_of_each(&self, ids: &[&str]) -> Vec<usize> {
        if let Layout::Inline(_) = self.corpus.layout {
            let (mut listed, mut unlisted) = (Vec::new(), Vec::new());
            for &id in ids {
                let entity = match &self.directory {
                    Part::Ready(directory) => directory.entity(id),
                    _ => None,
                };
                match entity {
                    Some(entity) => {
                        let mut articles: Vec<&str> =
                            entity.articles.iter().map(String::as_str).collect();
                        articles.sort_unstable();
                        articles.dedup();
                        listed.extend(articles);
                    }
                    None => unlisted.push(id),
                }
            }
            let mut found = Vec::new();
            if !unlisted.is_empty() {
                found.extend(
                    self.corpus
                        .inline_mentions_of_each(&unlisted)
                        .unwrap_or_default(),
                );
            }
            if !listed.is_empty() {
                found.extend(
                    self.corpus
                        .inline_ordinals_counted(&listed)
                        .unwrap_or_default(),
                );
            }
            return found;
        }
        let each = ids.iter().map(|id| self.mentions_of(id));
        each.filter_map(|part| match part {
            Part::Ready(ordinals) => Some(ordinals),
            _ => None,
        })
        .flatten()
        .collect()
    }

    /// How many of an article's entities "More on" looks at (see [`CorpusParts::related`]).
    pub const RELATED_ENTITIES: usize = 32;

    /// "More on <topic>" at the end of article `id` (its `topics` and the ids of its
    /// `entities`): at most `limit` ordinals, as [`TopicIndex::related`] ranks them, with the
    /// articles that name its entities where those are known (an inline corpus; a paged one
    /// once its mentions file is here). Empty until the topic postings are here (a paged
    /// corpus: [`CorpusParts::want_topics`]). In a paged corpus the article's own ordinal is
    /// known only once a listing page shows it; until then it may be among the results, and
    /// is dropped when its page arrives (fetched for its card).
    pub fn related(
        &self,
        id: &str,
        topics: &[String],
        entities: &[String],
        limit: usize,
    ) -> Vec<usize> {
        let Part::Ready(index) = self.topic_index() else {
            return Vec::new();
        };
        // Each distinct entity once, and at most `RELATED_ENTITIES` of them: an untrusted article
        // listing thousands would otherwise cost that many lookups (each a pass over an inline
        // corpus) on every change of the corpus's parts.
        let mut ids: Vec<&str> = entities.iter().map(String::as_str).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.truncate(Self::RELATED_ENTITIES);
        let extra = self.mentions_of_each(&ids);
        let own = match self.corpus.layout {
            Layout::Inline(_) => (self.corpus.index.articles.iter())
                .position(|a| a.id == id)
                .and_then(|position| index.ordinal_of_position(position)),
            _ => None,
        };
        let mut found = index.related(topics, &extra, own, limit + 1);
        found.retain(|&o| !matches!(self.summary(o), Part::Ready(s) if s.id == id));
        found.truncate(limit);
        found
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
    /// name, and is not linked into the viewer: this is its smaller twin for the wasm); for a
    /// paged corpus, its mentions file (entity → ordinals), once the entity page has it: each
    /// other entity's ordinals are looked up in the entity's own (sorted), so the work is the
    /// file's size times a logarithm. Empty while the directory (the names) or, paged, the
    /// mentions file is not here.
    pub fn often_with(&self, entity_id: &str, limit: usize) -> Vec<(EntitySummary, usize)> {
        let Part::Ready(directory) = &self.directory else {
            return Vec::new();
        };
        let counts = match (&self.corpus.layout, &self.mentions) {
            (Layout::Inline(_), _) => self.inline_pairs(directory, entity_id),
            (_, Part::Ready(all)) => {
                let Ok(at) = all.binary_search_by(|(id, _)| id.as_str().cmp(entity_id)) else {
                    return Vec::new();
                };
                let own = &all[at].1;
                all.iter()
                    .filter(|(id, _)| id != entity_id)
                    .map(|(id, ordinals)| {
                        let shared = ordinals
                            .iter()
                            .filter(|o| own.binary_search(o).is_ok())
                            .count();
                        (usize::MAX - shared, id.as_str())
                    })
                    .filter(|(n, _)| *n != usize::MAX)
                    .collect()
            }
            _ => return Vec::new(),
        };
        self.ranked(counts, limit)
    }

    /// For an inline corpus: per other entity, `usize::MAX` minus the number of articles it
    /// shares with `entity_id` (so that an ascending sort puts the most first).
    fn inline_pairs<'a>(
        &'a self,
        directory: &'a EntityDirectory,
        entity_id: &str,
    ) -> Vec<(usize, &'a str)> {
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
        pairs
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| (usize::MAX - run.len(), run[0].0))
            .collect()
    }

    /// The entities of `counts` (see [`CorpusParts::inline_pairs`]), most articles first, then
    /// by id (the same order on every run), at most `limit`, with their counts.
    fn ranked(&self, mut counts: Vec<(usize, &str)>, limit: usize) -> Vec<(EntitySummary, usize)> {
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

    /// The answer to the search `query` (trimmed), once here: the hits, or why the search
    /// failed. `None` while it is on its way, or when another query was asked since.
    pub fn search_answer(&self, query: &str) -> Option<&Result<SearchAnswer, String>> {
        match &self.search {
            Some((asked, answer)) if asked == query => answer.as_ref(),
            _ => None,
        }
    }

    /// Asks for the search `query`: `true` if it must be sent to the worker now, `false` when
    /// it is the query last asked (answered or on its way). An answer to an earlier query is
    /// dropped from now on.
    pub fn ask_search(&mut self, query: &str) -> bool {
        if self
            .search
            .as_ref()
            .is_some_and(|(asked, _)| asked == query)
        {
            return false;
        }
        self.search = Some((query.to_string(), None));
        true
    }

    /// Takes the answer to the search `query` (or why it failed): `true` if it is kept, that
    /// is if `query` is the query last asked (or none was) and has no answer yet.
    pub fn search_answered(&mut self, query: &str, answer: Result<SearchAnswer, String>) -> bool {
        match &mut self.search {
            Some((asked, slot)) if asked == query && slot.is_none() => *slot = Some(answer),
            Some(_) => return false,
            None => self.search = Some((query.to_string(), Some(answer))),
        }
        true
    }

    /// Forgets a failed search, so that it is asked again: `true` if there was one.
    pub fn retry_search(&mut self) -> bool {
        let failed = matches!(&self.search, Some((_, Some(Err(_)))));
        if failed {
            self.search = None;
        }
        failed
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
mod tests;
