//! The search's code as a wasm chunk of its own, loaded when the reader first focuses the box
//! (or at once when the URL names a search): the first view carries only the box
//! (`components/search_box.rs`); the worker's client, the query effect and the drawing of
//! snippets and the entity line (`components/search.rs`) come with the chunk, and the engine
//! itself runs in the worker (`src/bin/lede-search.rs`). See `split_pages.rs` for how a split
//! point works and why `wasm_split(.., fallible)` rather than `#[lazy]`.

use crate::app::components::search::start;
use crate::app::components::search_context::SearchContext;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// Starts the search on a list page with `context`, its code loaded first if need be: `done`
/// gets `false` if the code did not load (offline, or a deploy removed the chunk). The search's
/// effects belong to `owner`, the list page's: they go with it. Nothing runs if the page is
/// gone by the time the code is here (`alive` says).
pub fn start_search(
    context: SearchContext,
    owner: Owner,
    alive: impl Fn() -> bool + 'static,
    done: impl FnOnce(bool) + 'static,
) {
    #[cfg(lede_split)]
    leptos::task::spawn_local(async move {
        if load_search_code().await.is_err() {
            done(false);
            return;
        }
        if alive() {
            // The chunk is here: the split function's future finishes at its first poll.
            use std::future::Future;
            use std::task::{Context, Poll, Waker};
            let started = owner.with(|| {
                let mut call = std::pin::pin!(search_view(Box::new(context)));
                call.as_mut().poll(&mut Context::from_waker(Waker::noop()))
            });
            done(matches!(started, Poll::Ready(Ok(()))));
        }
    });
    #[cfg(not(lede_split))]
    {
        let _ = alive;
        owner.with(|| start(context));
        done(true);
    }
}

#[cfg_attr(
    lede_split,
    leptos::wasm_split::wasm_split(
        lede_search,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(load_search_code)
    )
)]
#[cfg_attr(not(lede_split), allow(dead_code))]
fn search_view(context: Box<SearchContext>) -> Result<(), SplitLoaderError> {
    start(*context);
    Ok(())
}
