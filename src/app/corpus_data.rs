//! The corpus as the pages see it: the index, and the parts fetched when first needed, through
//! one signal holding the core's [`CorpusParts`]. Every decision (what to fetch, what is kept,
//! what a late answer does) is the core's and tested on the host; this file only reads the
//! parts, runs the [`Fetch`]es the core asks for, and hands the answers back.

use crate::app::Viewer;
use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::parts::{CorpusParts, Fetch};
use crate::core::corpus::Corpus;
use crate::web::fetch;
use crate::web::urls::resolve;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Handle to one viewer's corpus data; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct CorpusData {
    parts: RwSignal<CorpusParts>,
    /// Whose corpus it is: the viewer's corpus URL is the resolved URL of the index, which the
    /// parts' URLs are relative to.
    viewer: Viewer,
}

/// The corpus data of the component being built.
pub fn use_corpus_data() -> CorpusData {
    expect_context::<CorpusData>()
}

impl CorpusData {
    /// Wraps `viewer`'s loaded corpus and provides it to the pages below.
    pub fn provide(corpus: Arc<Corpus>, viewer: Viewer) -> CorpusData {
        let data = CorpusData {
            parts: RwSignal::new(CorpusParts::new(corpus)),
            viewer,
        };
        provide_context(data);
        data
    }

    /// The corpus (not tracked: it never changes).
    pub fn corpus(&self) -> Arc<Corpus> {
        self.parts.with_untracked(|p| p.corpus().clone())
    }

    /// Reads the parts, tracked: the caller runs again when a part changes state.
    pub fn read<R>(&self, read: impl FnOnce(&CorpusParts) -> R) -> R {
        self.parts.with(read)
    }

    /// Reads the parts without tracking them; `None` once the viewer is gone.
    pub fn read_untracked<R>(&self, read: impl FnOnce(&CorpusParts) -> R) -> Option<R> {
        self.parts.try_with_untracked(read)
    }

    /// Asks the parts for something (`want_…`, `retry_…`), and starts the fetches they answer
    /// with. When nothing is to be fetched nothing anyone sees changed (at most a failed page
    /// nobody shows was forgotten), and nobody is notified: every card would redraw.
    pub fn request(&self, want: impl FnOnce(&mut CorpusParts) -> Vec<Fetch>) {
        let mut fetches = Vec::new();
        self.parts.maybe_update(|parts| {
            fetches = want(parts);
            !fetches.is_empty()
        });
        for fetch in fetches {
            self.drive(fetch);
        }
    }

    /// Changes the parts' search state (`ask_search`, `search_answered`, `retry_search`): the
    /// readers are notified when `change` returns `true`. Does nothing once the viewer is gone.
    /// (A `dyn` closure: one copy of the signal's update code for every caller.)
    pub fn change(&self, change: &mut dyn FnMut(&mut CorpusParts) -> bool) {
        self.parts.try_maybe_update(|p| (change(p), ()));
    }

    /// Runs one fetch and hands its answer to the parts.
    fn drive(&self, fetch: Fetch) {
        // Everything the task needs is taken now, before it awaits: by the time the answer
        // arrives the viewer may be gone (its element removed, its `src` changed), and reading
        // a disposed value would panic. Only `try_maybe_update` touches the viewer afterwards.
        let parts = self.parts;
        let url = self.url(&fetch.path);
        let count = parts.with_untracked(|p| p.corpus().len());
        spawn_local(async move {
            let result = match url {
                Err(error) => Err(error),
                Ok(url) => fetch::fetch_text(&url).await.and_then(|text| {
                    fetch
                        .file
                        .read(text, count)
                        .map_err(fetch::format_error(&url))
                }),
            };
            parts.try_maybe_update(|p| (p.arrived(fetch.id, result), ()));
        });
    }

    fn url(&self, relative: &str) -> Result<String, LoadError> {
        part_url(relative, &self.index_url())
    }

    /// The resolved URL of the corpus index.
    pub fn index_url(&self) -> String {
        self.viewer.corpus_url()
    }

    /// The URL of an article's file.
    pub fn article_url(&self, id: &str) -> Result<String, LoadError> {
        article_url(&self.corpus(), &self.index_url(), id)
    }
}

/// The URL of article `id`'s file in `corpus`, whose index is at `index_url`: what the article
/// page loads, and what [`Viewer::go`] sends ahead for it (the same string, so that the page
/// takes that request: `fetch::fetch_ahead`).
pub fn article_url(corpus: &Corpus, index_url: &str, id: &str) -> Result<String, LoadError> {
    part_url(&corpus.article_path(id), index_url)
}

/// A corpus file's URL, given relative to the index's.
fn part_url(relative: &str, index_url: &str) -> Result<String, LoadError> {
    resolve(relative, index_url).ok_or_else(|| LoadError::UnsafeUrl {
        url: relative.to_string(),
    })
}
