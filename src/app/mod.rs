//! The Leptos viewer: [`App`] picks the page for the current [`ViewState`]; pages live in
//! `pages/`, widgets in `components/`. Everything is client-side rendered.
//!
//! Errors are values here, not panics and not `None`: every load yields a [`Remote`] that is
//! loading, ready, or failed with a [`LoadError`] naming the file, and the failed state renders
//! an [`ErrorPanel`](components::error_panel::ErrorPanel) with a retry button bound to that load.
//! There is no `ErrorBoundary`: no page renders a `Result`, so a boundary would only ever catch
//! nothing, and it costs several kilobytes of wasm (see README, "Size").

pub mod components;
pub mod corpus_data;
pub mod pages;
pub mod remote;
pub mod viewer;

use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::Corpus;
use crate::core::view::state::View;
use crate::web::fetch::load_index;
use crate::web::urls::{document_base, resolve};
use components::error_panel::ErrorPanel;
use components::loading::Loading;
use corpus_data::CorpusData;
use leptos::prelude::*;
use pages::article::ArticlePage;
use pages::entity::EntityPage;
use pages::list::ListPage;
use remote::{use_remote, Remote};
pub use viewer::{use_viewer, Viewer};

/// `Effect::new(move |_| f())`, for the viewer's effects (none keeps a value): runs `f`, and again
/// whenever a signal it read changes. The closure goes behind a `dyn` call so that Leptos' effect
/// code is linked once for all of them, not once per closure (3 kB of wasm).
pub fn effect(f: impl Fn() + 'static) {
    run_effect(Box::new(f));
}

fn run_effect(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}

/// The whole viewer for one mount point: loads the corpus index and shows the current page.
#[component]
pub fn App(
    /// The viewer's state, already provided as context (see [`Viewer::provide`]).
    viewer: Viewer,
) -> impl IntoView {
    let corpus_url = viewer.corpus_url();

    let (index, retry) = use_remote(
        move || Some(corpus_url.clone()),
        |url: String| async move {
            let Some(url) = resolve(&url, &document_base()) else {
                return Err(LoadError::UnsafeUrl { url });
            };
            load_index(&url).await.map(Corpus::new)
        },
    );

    // Stale topic ids in a shared link are dropped once the corpus is known (and, through the
    // viewer, from every state that enters later).
    effect(move || {
        if let Remote::Ready(corpus) = index.get() {
            viewer.index_ready(corpus);
        }
    });

    // Only the view, not the whole state: a topic click must not rebuild the page.
    let view = Memo::new(move |_| viewer.state.with(|s| s.view.clone()));

    view! {
        <div class="lede-app">
            {move || match index.get() {
                Remote::Loading => view! { <Loading label="Loading the articles" /> }.into_any(),
                Remote::Failed(error) => view! { <ErrorPanel error retry /> }.into_any(),
                Remote::Ready(corpus) => {
                    // The pages below read the corpus, and fetch its parts, through this.
                    CorpusData::provide(corpus, viewer.corpus_url());
                    view! {
                            {move || {
                                match view.get() {
                                    View::List => view! { <ListPage /> }.into_any(),
                                    View::Article(id) => view! { <ArticlePage id /> }.into_any(),
                                    View::Entity(id) => view! { <EntityPage id /> }.into_any(),
                                }
                            }}
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
