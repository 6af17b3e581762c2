//! How often the list did its two costly steps, for the component tests: a topic click must
//! select the articles once and build the cards once (an effect that reset "Show more" on the
//! filter once made it twice). Always counted, in two global counters (an atomic add each time):
//! a context a test provides cost a context lookup, and its code, in every build.

use std::sync::atomic::{AtomicUsize, Ordering};

static SELECTIONS: AtomicUsize = AtomicUsize::new(0);
static CARD_LISTS: AtomicUsize = AtomicUsize::new(0);

/// The counters, read by the tests: they compare counts before and after what they do.
#[derive(Clone, Copy, Default)]
pub struct ListWork;

impl ListWork {
    /// How often a list computed its result (the selection, its page, the topic counts).
    pub fn selections(&self) -> usize {
        SELECTIONS.load(Ordering::Relaxed)
    }

    /// How often a list of cards was built.
    pub fn card_lists(&self) -> usize {
        CARD_LISTS.load(Ordering::Relaxed)
    }

    pub(crate) fn count_selection() {
        SELECTIONS.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn count_card_list() {
        CARD_LISTS.fetch_add(1, Ordering::Relaxed);
    }
}
