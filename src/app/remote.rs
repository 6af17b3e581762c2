//! Loading one thing over the network as a signal: a [`Part`] (loading, ready or failed), with a
//! retry. The rules (which answer counts, what a retry does) are the core's, shared with the
//! corpus's lazily fetched parts (`corpus_data`).
//!
//! Leptos' `LocalResource` keeps showing the previous value while a new one loads and hides
//! errors behind `Suspense`; the viewer wants each state explicit so that it can show a skeleton,
//! a typed error with a retry button, and never a stale article.

use crate::app::effect::effect;
use crate::app::views::Handler;
use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::part::Part;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::sync::Arc;

/// Runs `fetch(key())` whenever `key` changes or the returned retry callback runs. Each load is
/// a new request ([`Part::restart`]): an answer to an older one is dropped, so a slow old answer
/// never replaces a new one.
pub fn use_remote<K, T, Fut>(
    key: impl Fn() -> Option<K> + 'static,
    fetch: impl Fn(K) -> Fut + 'static,
) -> (ReadSignal<Part<Arc<T>>>, Handler)
where
    K: 'static,
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, LoadError>> + 'static,
{
    let state = RwSignal::new(Part::NotRequested);
    let attempt = RwSignal::new(0_usize);
    effect(move || {
        attempt.track();
        let Some(key) = key() else {
            return;
        };
        let Some(id) = state.try_update(Part::restart) else {
            return;
        };
        let pending = fetch(key);
        spawn_local(async move {
            let result = pending.await.map(Arc::new);
            // The viewer may be gone by now: `try_` finds the signal disposed and does nothing.
            state.try_maybe_update(|part| (part.arrived(id, result), ()));
        });
    });
    let retry: Handler = Arc::new(move || attempt.update(|n| *n += 1));
    (state.read_only(), retry)
}
