//! The state of one thing the viewer loads over the network (the index, an article, a listing
//! page, ...), and the rules every load follows: what asking for it does, which answer counts,
//! what a retry does. Plain Rust, so the rules are tested on the host; the viewer only spawns
//! the requests and hands their results back (`app::remote`, `app::corpus_data`).

use crate::core::corpus::load_error::LoadError;
use std::sync::atomic::{AtomicU64, Ordering};

/// Names one request. An answer is taken only by the part still loading with its id: an answer
/// to a request that was superseded (a new key, a retry) or whose part was dropped meanwhile
/// (an evicted listing page) finds no such part and changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RequestId(u64);

impl RequestId {
    /// A new id, never handed out before in this process (so an id cannot match a part it was
    /// not made for, whichever part or viewer it came from).
    pub fn next() -> RequestId {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        RequestId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// One loadable thing: not asked for yet, on its way, here, or failed with a [`LoadError`]
/// that names the file (which the page shows with a retry).
#[derive(Debug, Clone, PartialEq)]
pub enum Part<T> {
    NotRequested,
    Loading(RequestId),
    Ready(T),
    Failed(LoadError),
}

impl<T> Part<T> {
    /// Asks for the part: a new request if nobody has, `None` if it is loading, here or failed
    /// (asking twice fetches once; a failure stays until [`Part::retry`]).
    pub fn request(&mut self) -> Option<RequestId> {
        match self {
            Part::NotRequested => Some(self.restart()),
            _ => None,
        }
    }

    /// Starts a new request whatever the state: the one in flight, if any, is superseded and its
    /// answer will be ignored. (What a new key does: the article the reader opened now, not
    /// the one they opened before.)
    pub fn restart(&mut self) -> RequestId {
        let id = RequestId::next();
        *self = Part::Loading(id);
        id
    }

    /// After a failure, asks again; `None` in any other state (nothing to retry).
    pub fn retry(&mut self) -> Option<RequestId> {
        match self {
            Part::Failed(_) => Some(self.restart()),
            _ => None,
        }
    }

    /// Takes the answer to request `id`: `true` if it was the one this part waits for, `false`
    /// (and nothing changes) for a stale answer.
    pub fn arrived(&mut self, id: RequestId, result: Result<T, LoadError>) -> bool {
        if !self.waits_for(id) {
            return false;
        }
        *self = match result {
            Ok(value) => Part::Ready(value),
            Err(error) => Part::Failed(error),
        };
        true
    }

    /// Whether this part is loading with request `id`.
    pub fn waits_for(&self, id: RequestId) -> bool {
        matches!(self, Part::Loading(waiting) if *waiting == id)
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, Part::Loading(_))
    }

    pub fn is_failed(&self) -> bool {
        matches!(self, Part::Failed(_))
    }

    /// The same state with the value (if any) turned into another: what a page reads from a
    /// part (an entity from the directory, a summary from its listing page).
    pub fn map<U>(&self, value: impl FnOnce(&T) -> U) -> Part<U> {
        self.and_then(|v| Part::Ready(value(v)))
    }

    /// [`Part::map`] for a reading that can itself fail (a listing page without the summary
    /// the catalog puts on it).
    pub fn and_then<U>(&self, read: impl FnOnce(&T) -> Part<U>) -> Part<U> {
        match self {
            Part::NotRequested => Part::NotRequested,
            Part::Loading(id) => Part::Loading(*id),
            Part::Ready(v) => read(v),
            Part::Failed(error) => Part::Failed(error.clone()),
        }
    }
}
