//! Loading something over the network as a signal: loading, ready or failed, with a retry.
//!
//! Leptos' `LocalResource` keeps showing the previous value while a new one loads and hides
//! errors behind `Suspense`; the viewer wants each state explicit so that it can show a skeleton,
//! a typed error with a retry button, and never a stale article.

use crate::core::corpus::load_error::LoadError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::any::Any;
use std::cell::Cell;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

/// The state of one load.
#[derive(Debug, Clone, PartialEq)]
pub enum Remote<T> {
    Loading,
    Ready(T),
    Failed(LoadError),
}

/// A loaded value with its type erased: one signal type, and so one copy of the signal code,
/// serves every load (see [`RemoteSignal`]).
type Erased = Arc<dyn Any + Send + Sync>;

/// A started load.
type Pending = Pin<Box<dyn Future<Output = Result<Erased, LoadError>>>>;

/// The state of a load started by [`use_remote`]; cheap to copy into closures.
///
/// It holds the value type-erased and gives it back typed: a signal per value type would link
/// the signal code once per type (1.4 kB of wasm each).
pub struct RemoteSignal<T> {
    value: ReadSignal<Remote<Erased>>,
    kind: PhantomData<fn() -> T>,
}

impl<T> Clone for RemoteSignal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for RemoteSignal<T> {}

impl<T: Send + Sync + 'static> RemoteSignal<T> {
    /// The current state, tracked like `ReadSignal::get`.
    pub fn get(&self) -> Remote<Arc<T>> {
        match self.value.get() {
            Remote::Loading => Remote::Loading,
            // Only `use_remote::<…, T, …>` stores here, always a `T`: the downcast succeeds.
            Remote::Ready(value) => value.downcast().map_or(Remote::Loading, Remote::Ready),
            Remote::Failed(error) => Remote::Failed(error),
        }
    }
}

/// Runs `fetch(key())` whenever `key` changes or the returned retry callback runs. A result that
/// arrives after a newer load started is dropped, so a slow old answer never replaces a new one.
pub fn use_remote<K, T, Fut>(
    key: impl Fn() -> Option<K> + 'static,
    fetch: impl Fn(K) -> Fut + 'static,
) -> (RemoteSignal<T>, Callback<()>)
where
    K: 'static,
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, LoadError>> + 'static,
{
    // Only starting the fetch depends on the types; the effect, the generation check and the
    // task are in `drive`, one copy for every use instead of one each (0.6 kB of wasm).
    let start = move || -> Option<Pending> {
        let pending = fetch(key()?);
        Some(Box::pin(async move {
            pending.await.map(|value| Arc::new(value) as Erased)
        }))
    };
    let (value, retry) = drive(Box::new(start));
    let kind = PhantomData;
    (RemoteSignal { value, kind }, retry)
}

/// Calls `start` in an effect: once, again whenever what it reads changes, and on retry. Stores a
/// load's result only if no newer load has started since.
fn drive(start: Box<dyn Fn() -> Option<Pending>>) -> (ReadSignal<Remote<Erased>>, Callback<()>) {
    let (value, set_value) = signal(Remote::Loading);
    let attempt = RwSignal::new(0_usize);
    // A plain shared counter, not a `StoredValue<u64>` (whose code only this links, 1.7 kB): a
    // result that arrives after the viewer is gone still finds its signal disposed, and
    // `try_set` then stores nothing.
    let generation = Rc::new(Cell::new(0_u64));
    crate::app::effect(move || {
        attempt.track();
        let Some(pending) = start() else {
            return;
        };
        let this_load = generation.get() + 1;
        generation.set(this_load);
        set_value.set(Remote::Loading);
        let generation = generation.clone();
        spawn_local(async move {
            let result = pending.await;
            if generation.get() == this_load {
                set_value.try_set(match result {
                    Ok(value) => Remote::Ready(value),
                    Err(error) => Remote::Failed(error),
                });
            }
        });
    });
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    (value, retry)
}
