//! How often the list did its two costly steps, for the component tests: a topic click must
//! select the articles once and build the cards once (an effect that reset "Show more" on the
//! filter once made it twice). Counted only when a test provides a [`ListWork`] as context;
//! otherwise each step costs one context lookup when its component is built.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The counters; clones share them.
#[derive(Clone, Default)]
pub struct ListWork {
    selections: Arc<AtomicUsize>,
    card_lists: Arc<AtomicUsize>,
}

impl ListWork {
    /// How often the list computed its result (the selection, its page, the topic counts).
    pub fn selections(&self) -> usize {
        self.selections.load(Ordering::Relaxed)
    }

    /// How often a list of cards was built.
    pub fn card_lists(&self) -> usize {
        self.card_lists.load(Ordering::Relaxed)
    }

    pub(crate) fn count_selection(work: &Option<ListWork>) {
        if let Some(work) = work {
            work.selections.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub(crate) fn count_card_list(work: &Option<ListWork>) {
        if let Some(work) = work {
            work.card_lists.fetch_add(1, Ordering::Relaxed);
        }
    }
}
