//! The Leptos viewer: [`App`] picks the page for the current [`ViewState`]; pages live in
//! `pages/`, widgets in `components/`. Everything is client-side rendered.
//!
//! Errors are values here, not panics and not `None`: every load is a [`Part`] that is loading,
//! ready, or failed with a [`LoadError`] naming the file, and the failed state renders an
//! [`ErrorPanel`](components::error_panel::ErrorPanel) with a retry button bound to that load.
//!
//! # Writing views in Lede
//!
//! The first view must stay within 150 kB gzipped (README, "Size"), and most of the wasm is
//! Leptos' generic rendering code, linked once per type it is used with. So the views use few
//! types, and these rules say how. Each figure is what breaking the rule costs, gzipped: those
//! marked *measured* were measured on the release build as it is now (`scripts/size`, with one
//! rule broken at a time); the others are the raw-wasm savings measured when the rule was
//! adopted, divided by the wasm's compression ratio (about 2.45 : 1, 324 kB raw to 132 kB
//! gzipped). Together they are over 10 kB of the budget. A component that follows them needs
//! no comment about size: at most a one-line pointer here.
//!
//! 1. **Reactive children are closures written in the view**, `{move || body()}`, never a
//!    closure variable, `{body}`: with `--cfg erase_components` Leptos wraps a closure written
//!    there in one shared type per output type, but renders a variable as a type of its own
//!    (2.1 kB).
//! 2. **Every reactive child returns an [`AnyView`]**, text too ([`views::text`], or
//!    `.into_any()` on each branch of a `match`): then one output type's reactive code serves
//!    them all (reactive text as `String` children: 0.6 kB, *measured*; an `Option` child 1.0
//!    kB). No `Either`: each branch is `.into_any()`.
//! 3. **Optional children are `Option<AnyView>`** ([`views::optional`]): one copy of the
//!    optional-child code instead of one per element type (0.9 kB).
//! 4. **Lists are `Vec<AnyView>`** ([`views::each`]): the topic toggles, the cards, an
//!    article's paragraphs and the loading lines share one copy of the list code (about 1.1 kB
//!    for each list type avoided).
//! 5. **No `<Show>`**: a [`views::flag`] and a closure, `{move || shown.get().then(|| …)}`, which
//!    also redraws only when the condition flips (1.1 kB for the last one removed).
//! 6. **No `<For>`**: the short lists rebuild their items, and the article cards, which a
//!    topic click changes, are a [`kept_list`](kept_list), which keeps them (`<For>` costs 3.8 kB).
//!    **No `ErrorBoundary`**: no page renders a `Result`, so it would catch nothing (4 kB).
//! 7. **No `class:` toggles**: a reactive `class` with the whole class string (0.6 kB,
//!    *measured*, for the one toggle the viewer would have).
//! 8. **Reactive attribute values are `String`s** (`aria-pressed`, `dir`, `class`): one copy of
//!    the attribute code per value type (0.6 kB for `&str`, 0.3 kB for `bool`). Booleans that
//!    are DOM properties go through `prop:` (`prop:disabled`), whose code `prop:checked` already
//!    links, rather than a reactive boolean attribute (0.9 kB).
//! 9. **Effects are made with [`effect::effect`]**, which boxes the closure: Leptos' effect code
//!    once for all of them (0.9 kB, *measured*). Effects are for the world outside the signals
//!    (the URL, the DOM, the console, the network), never to keep one signal in step with
//!    another.
//! 10. **A flag is a `usize` signal** (`0` or `1`), like the viewer's `muted` and
//!     `words_changed`: a `RwSignal<bool>` links Leptos' signal code again for `bool` (0.7 kB,
//!     *measured*, for the last two). **No `Signal`**: a component that takes a value that may
//!     follow signals takes a shared closure (`ArticleList`'s `remaining`; 1.9 kB, *measured*,
//!     for the two `Signal` types it replaced, with `NavLink`'s, whose `href` now follows none).
//! 11. **Memos are made with [`computed::computed`]** (or [`views::flag`] for a yes/no
//!     question), never `Memo::new`: one Leptos memo type holds every value behind a pointer,
//!     so its code is linked once instead of once per value type (3.0 kB, *measured*, for the
//!     nine types it replaced).
//! 12. **No element whose content is all literal** (`<span aria-hidden="true">" ✕"</span>`):
//!     Leptos makes it an inert element, created from HTML by code nothing else needs; a
//!     constant in braces, `{REMOVE_MARK}`, keeps it an ordinary element (0.4 kB, *measured*).
//!     **No `Callback`**: a button's handler is a [`views::Handler`], a shared closure (0.3 kB,
//!     *measured*).
//!
//! What saves less than about 0.3 kB gzipped is not worth code that hides what it does: write
//! it plainly.
//!
//! **Views drawn by hand.** With `erase_components` every element with children also gets an
//! empty comment node (its children's end marker) and every child a type-erased view: a list's
//! card was 14 elements and 25 comments. What is drawn many times and never changes once drawn
//! is made with plain DOM calls in a directive (`use:draw`), text in text nodes only: a card
//! ([`components::article_card`]: the list page's elements and comments from 937 to 562 with
//! 16 cards, and 1.2 kB brotli less wasm than its view), an article's body
//! ([`components::body_text`]) and "In this article"'s chips ([`components::in_this_article`]).
//! Their elements are made with [`crate::web::dom`]: a card, an article's body and a kind's
//! chips as one [`Drawing`](crate::web::dom::Drawing), one call out of the wasm with all its
//! strings in one text (a card was about 130 calls, one per element, attribute and text, each
//! string decoded on its own; profiled at 4x, "Show more"'s 30 cards spent half as long in the
//! card's code, bench/HISTORY.md); their links followed by one listener each, which knows
//! them by `href` ([`components::nav_link::DrawnLinks`]).

pub mod components;
pub mod computed;
pub mod corpus_data;
pub mod effect;
pub mod kept_list;
pub mod kept_page;
pub mod pages;
pub mod read_ahead;
pub mod remote;
pub mod split_pages;
pub mod split_search;
pub mod viewer;
pub mod views;
pub mod work;

use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::part::Part;
use crate::core::corpus::Corpus;
use crate::core::text::ui_text::UiText;
use crate::core::view::state::View;
use crate::web::fetch::load_index;
use crate::web::urls::{document_base, resolve};
use components::error_panel::ErrorPanel;
use components::loading::Loading;
use computed::computed;
use corpus_data::CorpusData;
use effect::effect;
use kept_page::kept_page;
use leptos::prelude::*;
use pages::list::ListPage;
use remote::use_remote;
use split_pages::SplitPages;
pub use viewer::{use_viewer, Viewer};
use views::flag;

/// How long the corpus index may take before its placeholder shows. The page preloads the
/// index while the wasm downloads, so it is usually here by the time the viewer starts: on the
/// default corpus the first card was in the document 25–160 ms after the viewer's root at 1x
/// CPU, 130–430 ms at 4x (a slow phone), decoding and drawing included. A placeholder drawn for
/// that long is a flash, and a frame of its own between the viewer's start and its list (its
/// layout, paint and commit: 8–10 ms of the main thread at 1x, traced). Half a second covers
/// the slow phone; a slower index shows the placeholder from then on, and a retry at once.
pub const PLACEHOLDER_AFTER: std::time::Duration = std::time::Duration::from_millis(500);

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
        if let Part::Ready(corpus) = index.get() {
            viewer.index_ready(corpus);
        }
    });

    // The placeholder waits: an index that arrives within `PLACEHOLDER_AFTER` is the first
    // thing drawn, without a placeholder flashing on screen before it. A flag (rule 10).
    let waited = RwSignal::new(0usize);
    // Boxed, as `web::idle::after_paint`'s task is: one copy of Leptos' timer code for both.
    set_timeout(
        Box::new(move || {
            // A viewer unmounted by then has nothing to show.
            let _ = waited.try_set(1);
        }) as Box<dyn FnOnce()>,
        PLACEHOLDER_AFTER,
    );

    // The article and entity pages' code, loaded when first shown (see `split_pages`).
    let pages = SplitPages::new();
    // Only the view, not the whole state: a topic click must not rebuild the page.
    let view = computed(move || viewer.state.with(|s| s.view.clone()));

    view! {
        <div class="lede-app">
            {move || match index.get() {
                Part::Failed(error) => view! { <ErrorPanel error retry=retry.clone() /> }.into_any(),
                Part::Ready(corpus) => {
                    // The pages below read the corpus, and fetch its parts, through this.
                    CorpusData::provide(corpus, viewer);
                    // The list page, kept (hidden) while another page shows, so that neither
                    // opening an article nor Back builds, tears down or lays it out again.
                    let slot = NodeRef::new();
                    let on_list = flag(move || matches!(view.get(), View::List));
                    kept_page(slot, on_list, viewer, || view! { <ListPage /> }.into_any());
                    view! {
                            <div class="lede-kept" node_ref=slot></div>
                            {move || {
                                // A new UI language draws the page again in it.
                                viewer.track_words();
                                match view.get() {
                                    View::List => {
                                        pages.prefetch_article();
                                        ().into_any()
                                    }
                                    View::Article(id) => pages.article(id),
                                    View::Entity(id) => pages.entity(id),
                                }
                            }}
                    }
                        .into_any()
                }
                Part::NotRequested | Part::Loading(_) if waited.get() == 1 => {
                    view! { <Loading label=viewer.word(UiText::LoadingArticles) /> }.into_any()
                }
                Part::NotRequested | Part::Loading(_) => ().into_any(),
            }}
        </div>
    }
}
