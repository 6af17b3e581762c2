//! The corpus as the pages see it: the index, and the parts that are fetched when first needed
//! (the entity directory; for a paged corpus also topic postings, listing pages and entity
//! mentions), each as a [`Remote`] so that a page can show loading, the data, or an error with a
//! retry.
//!
//! A corpus listed inline has everything from the start; the same questions are answered
//! without fetching, so the pages do not care which layout they show.

use crate::app::remote::Remote;
use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::topic_index::TopicIndex;
use crate::core::corpus::Corpus;
use crate::core::format::catalog::evict_pages;
use crate::core::format::{ArticleSummary, EntityDirectory, EntitySummary};
use crate::web::fetch;
use crate::web::urls::resolve;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Per entity id, sorted by id, the ordinals of the articles that mention it. (Vectors here,
/// not `HashMap`s: with them the wasm carries no SipHash and no `HashMap` code of its own.)
type Ordinals = Arc<Vec<(String, Vec<u32>)>>;

/// The listing pages requested so far, sorted by page number. Sparse: a reader who jumps to the
/// last results of a 100,000-article corpus loads one page, not a slot for every page before it.
type Pages = Vec<(usize, Remote<Arc<Vec<ArticleSummary>>>)>;

/// Where listing page `page` is, or would be inserted, in [`Pages`].
fn find_page(pages: &Pages, page: usize) -> Result<usize, usize> {
    pages.binary_search_by(|(known, _)| known.cmp(&page))
}

/// Handle to one viewer's corpus data; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct CorpusData {
    corpus: StoredValue<Arc<Corpus>>,
    /// The resolved URL of the index: the paged layout's URLs are relative to it.
    index_url: StoredValue<String>,
    topics: RwSignal<Option<Remote<Arc<TopicIndex>>>>,
    pages: RwSignal<Pages>,
    mentions: RwSignal<Option<Remote<Ordinals>>>,
    /// The index's entity directory: `None` until [`CorpusData::request_entities`] fetches it;
    /// ready and empty from the start when the index lists its entities inline.
    directory: RwSignal<Option<Remote<Arc<EntityDirectory>>>>,
}

/// The corpus data of the component being built.
pub fn use_corpus_data() -> CorpusData {
    expect_context::<CorpusData>()
}

impl CorpusData {
    /// Wraps a loaded corpus and provides it to the pages below.
    pub fn provide(corpus: Arc<Corpus>, index_url: String) -> CorpusData {
        let inline = corpus
            .inline_topics
            .clone()
            .map(|t| Remote::Ready(Arc::new(t)));
        let directory = corpus.index.entity_file.is_none().then(|| {
            Remote::Ready(Arc::new(EntityDirectory {
                version: crate::core::format::FORMAT_VERSION,
                entities: Vec::new(),
            }))
        });
        let data = CorpusData {
            corpus: StoredValue::new(corpus),
            index_url: StoredValue::new(index_url),
            topics: RwSignal::new(inline),
            pages: RwSignal::new(Vec::new()),
            mentions: RwSignal::new(None),
            directory: RwSignal::new(directory),
        };
        provide_context(data);
        data
    }

    pub fn corpus(&self) -> Arc<Corpus> {
        self.corpus.get_value()
    }

    fn url(&self, relative: &str) -> Result<String, LoadError> {
        let base = self.index_url.get_value();
        resolve(relative, &base).ok_or_else(|| LoadError::UnsafeUrl {
            url: relative.to_string(),
        })
    }

    /// The filter lookups: always ready for an inline corpus; for a paged one `None` until
    /// [`CorpusData::request_topics`] and then loading, ready or failed.
    pub fn topic_index(&self) -> Option<Remote<Arc<TopicIndex>>> {
        self.topics.get()
    }

    /// Starts fetching a paged corpus's postings, once.
    pub fn request_topics(&self) {
        let Some(catalog) = self.corpus.with_value(|c| c.catalog().cloned()) else {
            return;
        };
        if self.topics.with_untracked(Option::is_some) {
            return;
        }
        self.topics.set(Some(Remote::Loading));
        // Everything the task needs is taken now, before it awaits: by the time the postings
        // arrive the viewer may be gone (its element removed, its `src` changed), and reading
        // a disposed stored value would panic. Only `try_set` touches the viewer afterwards.
        let topics = self.topics;
        let url = self.url(&catalog.postings);
        let listed = self.corpus.with_value(|c| c.index.topics.clone());
        spawn_local(async move {
            let result = match url {
                Ok(url) => fetch::load_postings(&url, catalog.count).await,
                Err(e) => Err(e),
            };
            topics.try_set(Some(match result {
                Ok(postings) => Remote::Ready(Arc::new(TopicIndex::from_postings(
                    catalog.count,
                    &listed,
                    postings,
                ))),
                Err(error) => Remote::Failed(error),
            }));
        });
    }

    /// Forgets a failed postings load and tries again.
    pub fn retry_topics(&self) {
        self.topics.set(None);
        self.request_topics();
    }

    /// The summary of the article at `ordinal`: `None` while its listing page has not been
    /// requested (see [`CorpusData::request_summaries`]).
    pub fn summary(&self, ordinal: usize) -> Option<Remote<ArticleSummary>> {
        let corpus = self.corpus.get_value();
        let Some(catalog) = corpus.catalog() else {
            let topics = corpus.inline_topics.as_ref()?;
            let position = topics.position(ordinal)?;
            return Some(Remote::Ready(corpus.index.articles[position].clone()));
        };
        let (page, slot) = catalog.locate(ordinal);
        self.pages.with(|pages| {
            let at = find_page(pages, page).ok()?;
            Some(match &pages[at].1 {
                Remote::Loading => Remote::Loading,
                Remote::Failed(e) => Remote::Failed(e.clone()),
                Remote::Ready(list) => match list.get(slot) {
                    Some(summary) => Remote::Ready(summary.clone()),
                    None => Remote::Failed(LoadError::Format {
                        url: catalog.page_url(page),
                        error: crate::core::format::FormatError::Invalid {
                            path: "articles".into(),
                            message: format!(
                                "page {page} holds {} articles, but the catalog puts article {ordinal} on it",
                                list.len()
                            ),
                        },
                    }),
                },
            })
        })
    }

    /// Starts fetching the listing pages that hold these ordinals (paged corpora only).
    pub fn request_summaries(&self, ordinals: &[usize]) {
        let Some(catalog) = self.corpus.with_value(|c| c.catalog().cloned()) else {
            return;
        };
        let known = |o: &usize| {
            let page = catalog.locate(*o).0;
            self.pages.with_untracked(|p| find_page(p, page).is_ok())
        };
        if ordinals.iter().all(known) {
            // Nothing to fetch: do not touch the signal, or every card would redraw.
            return;
        }
        // Pages not yet asked for, each once (marking them loading is what dedups them).
        let mut wanted = Vec::new();
        self.pages.update(|p| {
            for &ordinal in ordinals {
                let page = catalog.locate(ordinal).0;
                if let Err(at) = find_page(p, page) {
                    p.insert(at, (page, Remote::Loading));
                    wanted.push(page);
                }
            }
            let needed: Vec<usize> = ordinals.iter().map(|&o| catalog.locate(o).0).collect();
            evict_pages(p, &needed, |remote| matches!(remote, Remote::Loading));
        });
        for page in wanted {
            // The URL now, not in the task: see `request_topics`.
            let (pages, url) = (self.pages, self.url(&catalog.page_url(page)));
            spawn_local(async move {
                let result = match url {
                    Ok(url) => fetch::load_listing_page(&url, page).await,
                    Err(e) => Err(e),
                };
                pages.try_update(|p| {
                    if let Ok(at) = find_page(p, page) {
                        p[at].1 = match result {
                            Ok(list) => Remote::Ready(Arc::new(list)),
                            Err(error) => Remote::Failed(error),
                        };
                    }
                });
            });
        }
    }

    /// Forgets failed listing pages and fetches the ones these ordinals need again.
    pub fn retry_summaries(&self, ordinals: &[usize]) {
        self.pages
            .update(|p| p.retain(|(_, remote)| !matches!(remote, Remote::Failed(_))));
        self.request_summaries(ordinals);
    }

    /// The ordinals of the articles that mention an entity, newest first. For a paged corpus,
    /// `None` until [`CorpusData::request_mentions`].
    pub fn mentions_of(&self, entity_id: &str) -> Option<Remote<Vec<usize>>> {
        let corpus = self.corpus.get_value();
        // Inline: the entity directory's list if the index has one, else the summaries' lists.
        let listed = self.directory.with(|d| match d {
            Some(Remote::Ready(directory)) => {
                directory.entity(entity_id).map(|e| e.articles.clone())
            }
            _ => None,
        });
        let found = match listed {
            Some(ids) => corpus.inline_ordinals_of(&ids),
            None => corpus.inline_mentions(entity_id),
        };
        if let Some(found) = found {
            return Some(Remote::Ready(found));
        }
        self.mentions.with(|m| {
            m.as_ref().map(|remote| match remote {
                Remote::Loading => Remote::Loading,
                Remote::Failed(e) => Remote::Failed(e.clone()),
                Remote::Ready(all) => Remote::Ready(
                    all.binary_search_by(|(id, _)| id.as_str().cmp(entity_id))
                        .map(|at| all[at].1.iter().map(|&o| o as usize).collect())
                        .unwrap_or_default(),
                ),
            })
        })
    }

    /// Starts fetching a paged corpus's entity mentions, once.
    pub fn request_mentions(&self) {
        let Some(catalog) = self.corpus.with_value(|c| c.catalog().cloned()) else {
            return;
        };
        if self.mentions.with_untracked(Option::is_some) {
            return;
        }
        let Some(path) = catalog.mentions.clone() else {
            self.mentions.set(Some(Remote::Ready(Arc::new(Vec::new()))));
            return;
        };
        self.mentions.set(Some(Remote::Loading));
        // The URL now, not in the task: see `request_topics`.
        let (mentions, url) = (self.mentions, self.url(&path));
        spawn_local(async move {
            let result = match url {
                Ok(url) => fetch::load_mentions(&url, catalog.count).await,
                Err(e) => Err(e),
            };
            mentions.try_set(Some(match result {
                Ok(mut list) => {
                    list.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                    Remote::Ready(Arc::new(list))
                }
                Err(error) => Remote::Failed(error),
            }));
        });
    }

    /// Forgets a failed mentions load and tries again.
    pub fn retry_mentions(&self) {
        self.mentions.set(None);
        self.request_mentions();
    }

    /// The entity with this id: from the index, or from its entity directory once that is
    /// here (`None` until [`CorpusData::request_entities`]; then loading, failed, or ready with
    /// the entity if the corpus has it).
    pub fn entity(&self, id: &str) -> Option<Remote<Option<EntitySummary>>> {
        self.directory.with(|directory| {
            directory.as_ref().map(|remote| match remote {
                Remote::Loading => Remote::Loading,
                Remote::Failed(e) => Remote::Failed(e.clone()),
                Remote::Ready(directory) => Remote::Ready(
                    self.corpus
                        .with_value(|c| c.index.entity(id).cloned())
                        .or_else(|| directory.entity(id).map(|e| e.entity.clone())),
                ),
            })
        })
    }

    /// Starts fetching the index's entity directory, once.
    pub fn request_entities(&self) {
        if self.directory.with_untracked(Option::is_some) {
            return;
        }
        let Some(path) = self.corpus.with_value(|c| c.index.entity_file.clone()) else {
            return;
        };
        self.directory.set(Some(Remote::Loading));
        let (directory, url) = (self.directory, self.url(&path));
        spawn_local(async move {
            let result = match url {
                Ok(url) => fetch::load_entity_directory(&url).await,
                Err(e) => Err(e),
            };
            directory.try_set(Some(match result {
                Ok(loaded) => Remote::Ready(Arc::new(loaded)),
                Err(error) => Remote::Failed(error),
            }));
        });
    }

    /// Forgets a failed entity directory load and tries again.
    pub fn retry_entities(&self) {
        self.directory.set(None);
        self.request_entities();
    }

    /// The URL of an article's file: from its summary in an inline corpus, from the catalog's
    /// template in a paged one.
    pub fn article_url(&self, id: &str) -> Result<String, LoadError> {
        let corpus = self.corpus.get_value();
        let relative = match corpus.catalog() {
            Some(catalog) => catalog.article_url(id),
            None => corpus
                .index
                .article(id)
                .map(|a| a.url.clone())
                .unwrap_or_default(),
        };
        self.url(&relative)
    }
}
