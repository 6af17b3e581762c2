//! What the list page and its search share (`search_box.rs` in the first view,
//! `search.rs` in the search's chunk, `split_search.rs` between them): the page's handles, and
//! the hooks through which the search gives the list its results once its code runs.

use crate::app::computed::Computed;
use crate::app::corpus_data::CorpusData;
use crate::app::viewer::Viewer;
use crate::core::corpus::topics::TopicFilter;
use leptos::prelude::*;
use std::sync::{Arc, OnceLock};

/// What the search needs of its list page.
#[derive(Clone)]
pub struct SearchContext {
    pub viewer: Viewer,
    pub data: CorpusData,
    /// The list's filter: topics and the query.
    pub filter: Computed<TopicFilter>,
    /// The list's visible ordinals, in the order of its cards.
    pub visible: Computed<Vec<usize>>,
    /// Where the search gives the list its listing, status line and empty state.
    pub hooks: SearchHooks,
    /// The list page's element: the search finds its elements (the box, the entity line, the
    /// cards) in it, not in the document, which holds another page's too while that one shows
    /// (the list page is kept there, hidden: `kept_page`).
    pub page: NodeRef<leptos::html::Div>,
}

impl SearchContext {
    /// The element of the list page that matches `selector`.
    pub fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.page.get_untracked()?.query_selector(selector).ok()?
    }
}

/// A search's listing: how many articles match, the visible ones (ordinals, best first), and
/// the count beside each topic.
pub type SearchListing = (usize, Vec<usize>, Vec<usize>);

/// What the search's code gives its list page once it runs (`components/search.rs`), so that
/// the list's search-only parts are not in the first view: the listing for a length, the
/// status line for a count (or none while searching), and the empty state.
pub struct Hooks {
    pub listing: Box<dyn Fn(usize) -> Option<SearchListing> + Send + Sync>,
    pub status: Box<dyn Fn(Option<usize>) -> String + Send + Sync>,
    pub empty: Box<dyn Fn() -> AnyView + Send + Sync>,
}

/// The [`Hooks`] of one list page, once its search runs.
#[derive(Clone, Default)]
pub struct SearchHooks(Arc<OnceLock<Hooks>>);

impl SearchHooks {
    /// Takes the search's hooks; the list reads them at once (everything that reads the parts
    /// runs again).
    pub fn set(&self, hooks: Hooks, data: CorpusData) {
        let _ = self.0.set(hooks);
        data.change(&mut |_| true);
    }

    /// The search's listing with `limit` articles shown: `None` while it runs (or its code
    /// loads).
    pub fn listing(&self, data: CorpusData, limit: usize) -> Option<SearchListing> {
        // Tracked: the hooks' arrival notifies the parts' readers.
        data.read(|_| ());
        (self.0.get()?.listing)(limit)
    }

    /// The status line for a search that found `count` articles (`None`: still searching).
    pub fn status(&self, count: Option<usize>) -> Option<String> {
        Some((self.0.get()?.status)(count))
    }

    /// The empty state of a search.
    pub fn empty(&self) -> Option<AnyView> {
        Some((self.0.get()?.empty)())
    }
}
