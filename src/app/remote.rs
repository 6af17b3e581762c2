//! Loading something over the network as a signal: loading, ready or failed, with a retry.
//!
//! Leptos' `LocalResource` keeps showing the previous value while a new one loads and hides
//! errors behind `Suspense`; the viewer wants each state explicit so that it can show a skeleton,
//! a typed error with a retry button, and never a stale article.

use crate::core::load_error::LoadError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;

/// The state of one load.
#[derive(Debug, Clone, PartialEq)]
pub enum Remote<T> {
    Loading,
    Ready(T),
    Failed(LoadError),
}

/// A started load: resolves to the step that stores its result in the value signal.
type Pending = Pin<Box<dyn Future<Output = Box<dyn FnOnce()>>>>;

/// Runs `fetch(key())` whenever `key` changes or the returned retry callback runs. A result that
/// arrives after a newer load started is dropped, so a slow old answer never replaces a new one.
pub fn use_remote<K, T, Fut>(
    key: impl Fn() -> Option<K> + 'static,
    fetch: impl Fn(K) -> Fut + 'static,
) -> (ReadSignal<Remote<T>>, Callback<()>)
where
    K: 'static,
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<T, LoadError>> + 'static,
{
    let (value, set_value) = signal(Remote::Loading);
    // Only what depends on `T` stays generic; the effect, the generation check and the task are
    // in `drive`, one copy for every value type instead of one per use (about 3 kB of wasm each).
    let start = move || -> Option<Pending> {
        let key = key()?;
        set_value.set(Remote::Loading);
        let pending = fetch(key);
        Some(Box::pin(async move {
            let result = pending.await;
            let store: Box<dyn FnOnce()> = Box::new(move || {
                set_value.try_set(match result {
                    Ok(value) => Remote::Ready(value),
                    Err(error) => Remote::Failed(error),
                });
            });
            store
        }))
    };
    (value, drive(Box::new(start)))
}

/// Calls `start` now, whenever what it reads changes, and on retry; stores a load's result only
/// if no newer load has started since.
fn drive(start: Box<dyn Fn() -> Option<Pending>>) -> Callback<()> {
    let attempt = RwSignal::new(0_u32);
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        attempt.track();
        let Some(pending) = start() else {
            return;
        };
        generation.update_value(|g| *g += 1);
        let this_load = generation.get_value();
        spawn_local(async move {
            let store = pending.await;
            if generation.try_get_value() == Some(this_load) {
                store();
            }
        });
    });
    Callback::new(move |()| attempt.update(|n| *n += 1))
}
