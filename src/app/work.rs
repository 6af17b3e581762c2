//! How often the list did its two costly steps, for the component tests: a topic click must
//! select the articles once (an effect that reset "Show more" on the filter once made it twice)
//! and build only the cards it has not shown before (`kept_list`). Always counted, in two global counters (an atomic add each time):
//! a context a test provides cost a context lookup, and its code, in every build.

use std::sync::atomic::{AtomicUsize, Ordering};

static SELECTIONS: AtomicUsize = AtomicUsize::new(0);
static CARDS: AtomicUsize = AtomicUsize::new(0);

/// The counters, read by the tests: they compare counts before and after what they do.
#[derive(Clone, Copy, Default)]
pub struct ListWork;

impl ListWork {
    /// How often a list computed its result (the selection, its page, the topic counts).
    pub fn selections(&self) -> usize {
        SELECTIONS.load(Ordering::Relaxed)
    }

    /// How many cards were built.
    pub fn cards_built(&self) -> usize {
        CARDS.load(Ordering::Relaxed)
    }

    pub(crate) fn count_selection() {
        SELECTIONS.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn count_card() {
        CARDS.fetch_add(1, Ordering::Relaxed);
    }
}
