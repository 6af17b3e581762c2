//! The article and entity pages as code loaded when first shown: the first view (the list) does
//! not carry them (README, "Size": 124 kB gzip instead of 155 kB when this came in).
//!
//! With `--cfg lede_split` (scripts/build sets it) the two page functions below are split
//! points: `wasm-split-cli` (scripts/split.mjs, run by the post-build hook) moves their code,
//! and the code only they use, into wasm chunks that `__wasm_split.js` fetches the first time
//! one of those pages is shown. Without the cfg (`trunk serve`, the component tests) they are
//! plain calls: an unsplit wasm cannot resolve a split function's placeholder import.
//!
//! `wasm_split` itself rather than Leptos' `#[lazy]` (which is built on it): `fallible` makes a
//! chunk that does not load (offline, a deploy that removed it) an error value, shown with a
//! retry, where `#[lazy]` panics, which traps the whole viewer. And the chunks get stable names
//! (split_lede_article.wasm, to which the build adds its hash), where `#[lazy]` adds a hash of
//! the source position.

#[cfg(lede_split)]
use crate::app::components::{error_panel::ErrorPanel, loading::Loading};
use crate::app::pages::article::ArticlePage;
#[cfg(lede_split)]
use crate::app::pages::article_warm_up::build_off_document;
use crate::app::pages::article_warm_up::warm_up_page;
use crate::app::pages::entity::EntityPage;
#[cfg(lede_split)]
use crate::app::use_viewer;
#[cfg(lede_split)]
use crate::app::views::Handler;
use crate::core::corpus::load_error::LoadError;
#[cfg(lede_split)]
use crate::core::text::ui_text::UiText;
#[cfg(lede_split)]
use crate::core::view::state::View;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// The two pages, each loading its code the first time it is shown.
#[derive(Clone, Copy)]
pub struct SplitPages {
    #[cfg(lede_split)]
    article: RwSignal<Chunk>,
    #[cfg(lede_split)]
    entity: RwSignal<Chunk>,
}

impl SplitPages {
    pub fn new() -> Self {
        SplitPages {
            #[cfg(lede_split)]
            article: RwSignal::new(Chunk::NotLoaded),
            #[cfg(lede_split)]
            entity: RwSignal::new(Chunk::NotLoaded),
        }
    }

    /// The article page for `id`.
    pub fn article(&self, id: String) -> AnyView {
        #[cfg(lede_split)]
        {
            // Its code is compiled once it is shown: the warm-up has nothing left to do.
            ARTICLE_SHOWN.store(true, std::sync::atomic::Ordering::Relaxed);
            let label = use_viewer().word(UiText::LoadingArticle);
            split_page(
                self.article,
                article_page_view(ArticleView::Page(id)),
                load_article_code,
                label,
            )
        }
        #[cfg(not(lede_split))]
        unsplit_page(article_page_view(ArticleView::Page(id)))
    }

    /// Fetches the article page's code when the browser is next idle after the list is
    /// created, once per page load, so that the first article a reader opens from the list
    /// does not wait for it. `requestIdleCallback` waits for the first paint and for the main
    /// thread to have nothing to do (a paged corpus's first listing page may still be on its
    /// way then, and the two share the network); where the browser has none, nothing is
    /// fetched ahead.
    pub fn prefetch_article(&self) {
        #[cfg(lede_split)]
        {
            use std::sync::atomic::{AtomicBool, Ordering};
            static ASKED: AtomicBool = AtomicBool::new(false);
            if ASKED.swap(true, Ordering::Relaxed) {
                return;
            }
            let chunk = self.article;
            // The warm-up's owner: below the viewer's and the corpus's contexts, which its page
            // reads. (The list's, whose run this is: a later run cleans it up, but its
            // contexts and its parents stay, and the warm-up only reads them.)
            let owner = Owner::current();
            let viewer = use_viewer();
            crate::web::idle::when_idle(Box::new(move || {
                leptos::task::spawn_local(async move {
                    if load_article_code().await.is_ok() {
                        // Notifies only a change: a page already shown is not built again.
                        chunk.try_maybe_update(|c| {
                            let changed = *c == Chunk::NotLoaded;
                            if changed {
                                *c = Chunk::Ready;
                            }
                            (changed, ())
                        });
                        if let Some(owner) = owner {
                            let read_ahead_owner = owner.clone();
                            crate::web::idle::when_idle(Box::new(move || warm_up(owner, viewer)));
                            crate::web::idle::when_idle(Box::new(move || {
                                read_ahead(read_ahead_owner, viewer)
                            }));
                        }
                    }
                });
            }));
        }
    }

    /// The entity page for `id`.
    pub fn entity(&self, id: String) -> AnyView {
        #[cfg(lede_split)]
        {
            let label = use_viewer().word(UiText::LoadingEntity);
            split_page(self.entity, entity_page_view(id), load_entity_code, label)
        }
        #[cfg(not(lede_split))]
        unsplit_page(entity_page_view(id))
    }
}

impl Default for SplitPages {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg_attr(
    lede_split,
    leptos::wasm_split::wasm_split(
        lede_article,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(load_article_code)
    )
)]
fn article_page_view(view: ArticleView) -> Result<AnyView, SplitLoaderError> {
    Ok(match view {
        ArticleView::Page(id) => view! { <ArticlePage id /> }.into_any(),
        ArticleView::WarmUp => warm_up_page(),
        ArticleView::ReadAhead(data) => {
            crate::app::read_ahead::start(data);
            ().into_any()
        }
    })
}

/// What the article page's chunk is asked to build, or to do. One split function for all: each
/// has its own loader code in the first view (1.1 kB gzip for a second).
enum ArticleView {
    /// The page of article `id`.
    Page(String),
    /// The warm-up's page (`article_warm_up`; only a split build warms up).
    #[cfg_attr(not(lede_split), allow(dead_code))]
    WarmUp,
    /// Nothing to build: read the lead stories ahead (`read_ahead`; only a split build does).
    #[cfg_attr(not(lede_split), allow(dead_code))]
    ReadAhead(crate::app::corpus_data::CorpusData),
}

/// Whether an article page has been shown in this page load (a deep link, or a reader quicker
/// than the idle callbacks): its code is compiled then, and the warm-up is not needed.
#[cfg(lede_split)]
static ARTICLE_SHOWN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Builds the warm-up's article page off the document and drops it (`article_warm_up` says why
/// and what it leaves alone). Once per page load (`prefetch_article`), and not at all once an
/// article page has been shown, if the reader is no longer on the list, or if the viewer or the
/// corpus it reads is gone (its contexts missing: the page would panic looking for them).
#[cfg(lede_split)]
fn warm_up(owner: Owner, viewer: crate::app::Viewer) {
    use crate::app::corpus_data::CorpusData;
    let on_list = viewer.state.try_with_untracked(|s| s.view == View::List);
    let contexts = owner.with(|| {
        use_context::<crate::app::Viewer>().is_some() && use_context::<CorpusData>().is_some()
    });
    if ARTICLE_SHOWN.load(std::sync::atomic::Ordering::Relaxed)
        || on_list != Some(true)
        || !contexts
    {
        return;
    }
    // The chunk is loaded (this runs after it was): its split function is ready at once.
    let page = || match ready_now(article_page_view(ArticleView::WarmUp)) {
        Some(Ok(page)) => page,
        _ => ().into_any(),
    };
    if build_off_document(&owner, page).is_empty() {
        return;
    }
    // Only once a page was built.
    crate::web::console::mark(WARMED_UP);
}

/// Reads the lead stories ahead (`read_ahead`), after the warm-up: once per page load, in a
/// viewer still there that keeps the page's address and shows the list of every article. In
/// the article page's chunk, which has the decoder: it is loaded (this runs after it was), so
/// its split function runs at once.
#[cfg(lede_split)]
fn read_ahead(owner: Owner, viewer: crate::app::Viewer) {
    use crate::app::corpus_data::CorpusData;
    let everything = viewer.state.try_with_untracked(|s| {
        s.view == View::List && s.filter.is_empty() && s.filter.search().is_empty()
    });
    // (The viewer's state answered: its options are still there too.)
    if everything != Some(true) || !viewer.owns_url() {
        return;
    }
    if let Some(data) = owner.with(use_context::<CorpusData>) {
        let _ = ready_now(article_page_view(ArticleView::ReadAhead(data)));
    }
}

/// The performance mark the warm-up leaves when it is done.
#[cfg(lede_split)]
const WARMED_UP: &str = "lede: article page warmed up";

/// The value of a split function's future if its chunk is loaded already (it then is ready at
/// the first poll), else `None`.
#[cfg(lede_split)]
fn ready_now<T>(future: impl std::future::Future<Output = T>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

#[cfg_attr(
    lede_split,
    leptos::wasm_split::wasm_split(
        lede_entity,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(load_entity_code)
    )
)]
fn entity_page_view(id: String) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <EntityPage id /> }.into_any())
}

#[cfg(not(lede_split))]
fn unsplit_page(page: Result<AnyView, SplitLoaderError>) -> AnyView {
    page.unwrap_or_else(|_| ().into_any())
}

/// The error shown when a wasm chunk did not load (a page's, or the search's).
pub fn chunk_not_loaded() -> LoadError {
    LoadError::Network {
        url: "(the viewer's code for this page)".to_string(),
        message: "the wasm chunk did not load".to_string(),
    }
}

/// Where a wasm chunk is: a page's, or for one list page the search's (`search_box.rs`).
#[derive(Clone, Copy, PartialEq)]
pub enum Chunk {
    NotLoaded,
    Ready,
    Failed,
}

/// A page whose code is in a wasm chunk: built at once if the chunk is here, as an unsplit build
/// would; otherwise the loading line while the chunk loads, after which `chunk` runs the calling
/// closure again (and focus goes to the new heading); an error panel with a retry if it does
/// not load. Not a `Suspend`: two pages of one type would then be rebuilt in place a tick
/// later, with the old page's effects still running after its signals were disposed (a panic
/// going Back from an entity to its article).
#[cfg(lede_split)]
fn split_page<P>(
    chunk: RwSignal<Chunk>,
    page: impl std::future::Future<Output = Result<AnyView, SplitLoaderError>>,
    preload: impl FnOnce() -> P + 'static,
    label: String,
) -> AnyView
where
    P: std::future::Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    match chunk.get() {
        Chunk::Ready => {
            if let Some(Ok(view)) = ready_now(page) {
                return view;
            }
        }
        Chunk::Failed => {
            let error = chunk_not_loaded();
            let retry: Handler = std::sync::Arc::new(move || chunk.set(Chunk::NotLoaded));
            return view! { <ErrorPanel error retry /> }.into_any();
        }
        Chunk::NotLoaded => {}
    }
    let viewer = use_viewer();
    let waiting = viewer.state.with_untracked(|s| s.view.clone());
    leptos::task::spawn_local(async move {
        let loaded = preload().await.is_ok();
        // Only a change notifies: the idle prefetch may have made the chunk ready meanwhile,
        // and setting it again would build the page a second time.
        chunk.try_maybe_update(|c| {
            let next = if loaded { Chunk::Ready } else { Chunk::Failed };
            let changed = *c != next && *c != Chunk::Ready;
            if changed {
                *c = next;
            }
            (changed, ())
        });
        // As a page whose heading comes after a load (the entity page's directory): the link
        // followed is gone, so focus goes to the heading unless the reader put it elsewhere.
        // Only if this page is still shown: after Back meanwhile, focusing the list's heading
        // would scroll away from the reader's place there.
        let still_shown = viewer.state.try_with_untracked(|s| s.view == waiting) == Some(true);
        if loaded && still_shown {
            viewer.focus_heading_if_lost();
        }
    });
    view! { <Loading label /> }.into_any()
}
