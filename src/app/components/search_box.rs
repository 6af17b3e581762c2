//! The list's search box as the first view has it: the form (`role=search`, a label, the box
//! with `?q=` in it), `/` to focus it, and the trigger that loads the rest of the search
//! (`split_search.rs`: the chunk with `components/search.rs`, which starts the worker) when the
//! reader first focuses the box, or at once when the URL names a search. The first view may
//! grow by 2 kB brotli for search (README, "Size"): what is here is that, and nothing more.
//! The results are the list's own (`pages/list.rs`, from the parts' search answer).

use crate::app::components::search::SearchContext;
use crate::app::computed::Computed;
use crate::app::corpus_data::CorpusData;
use crate::app::effect::effect;
use crate::app::split_search::start_search;
use crate::app::viewer::Viewer;
use crate::core::corpus::topics::TopicFilter;
use crate::core::text::ui_text::UiText;
use crate::web::listener::EventListener;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// Why a search shows no results when the search's code could not be fetched.
const NOT_LOADED: &str = "the viewer's search code did not load";

/// The search of one list page; cheap to clone into closures.
#[derive(Clone)]
pub struct SearchBox {
    context: SearchContext,
    /// The list page's owner: the search's effects, made when its code is here, are its own.
    owner: Owner,
    /// `1` once the search's code is loading or started for this page (a flag, as a `usize`
    /// signal: "Writing views in Lede"); gone with the page.
    started: RwSignal<usize>,
}

impl SearchBox {
    /// The search of the list page being built, which shows `visible` of the list filtered by
    /// `filter`: loads its code at once when there is a search to run (a link with `?q=`, Back
    /// to one), and listens for the box's first focus and for `/`.
    pub fn new(
        viewer: Viewer,
        data: CorpusData,
        filter: Computed<TopicFilter>,
        visible: Computed<Vec<usize>>,
    ) -> SearchBox {
        let search = SearchBox {
            context: SearchContext {
                viewer,
                data,
                filter,
                visible,
            },
            owner: Owner::current().unwrap_or_default(),
            started: RwSignal::new(0_usize),
        };
        let load = search.clone();
        effect(move || {
            if load.context.filter.with(|f| !f.search().is_empty()) {
                load.load();
            }
        });
        let input_id = viewer.id("search");
        let root = viewer.root_element();
        let load = search.clone();
        let mut listener = EventListener::new(move |e: web_sys::Event| {
            match e.type_().as_str() {
                // Enter: the chunk's own listener searches at once; the page never reloads.
                "submit" => e.prevent_default(),
                "focusin" => {
                    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    if target.is_some_and(|t| t.id() == input_id) {
                        load.load();
                    }
                }
                _ => slash_focuses(&e, root.as_ref(), &input_id),
            }
        });
        if let Some(root) = viewer.root_element() {
            listener.listen(&root, "focusin", false);
            listener.listen(&root, "submit", false);
        }
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            listener.listen(&document, "keydown", false);
        }
        let listener = SendWrapper::new(listener);
        on_cleanup(move || drop(listener));
        search
    }

    /// Loads the search's code and starts it on this page, once.
    pub fn load(&self) {
        let started = self.started;
        if started.try_get_untracked() != Some(0) {
            return;
        }
        started.update_untracked(|s| *s = 1);
        let (viewer, data) = (self.context.viewer, self.context.data);
        let alive = move || started.try_get_untracked().is_some();
        start_search(self.context, self.owner.clone(), alive, move |ok| {
            if ok {
                return;
            }
            // Tried again on the next focus, or by the error panel's "Try again".
            started.try_update_untracked(|s| *s = 0);
            let query = viewer.state.try_with_untracked(|s| s.filter.search().to_string());
            if let Some(query) = query.filter(|q| !q.is_empty()) {
                data.change(&mut |p| p.search_answered(&query, Err(NOT_LOADED.to_string())));
            }
        });
    }

    /// "Try again" after a search failed: asks again (and loads the search's code, if that
    /// was what failed).
    pub fn retry(&self) {
        self.context.data.change(&mut |p| p.retry_search());
        self.load();
    }

    /// The box: a form with the `search` role, its label, and the text searched for.
    pub fn view(&self) -> AnyView {
        let viewer = self.context.viewer;
        let input = viewer.id("search");
        let typed = viewer.state.with_untracked(|s| s.filter.query.clone());
        view! {
            <form role="search" class="lede-search">
                <label class="lede-search__label" for=input.clone()>
                    {viewer.word(UiText::SearchLabel)}
                </label>
                <input
                    class="lede-search__input"
                    id=input
                    type="search"
                    autocomplete="off"
                    enterkeyhint="search"
                    aria-keyshortcuts="/"
                    value=typed
                />
                // The entity the query names goes here ("Lloyd Austin, person, 3 articles").
                <p class="lede-search__entity" id=viewer.id("search-entity")></p>
            </form>
        }
        .into_any()
    }
}

/// `/` focuses the box from anywhere in the page but another field (the first viewer's box,
/// when a page has several). The element typed in is the first of the event's composed path:
/// inside a `<lede-viewer>`, the document sees the viewer's element as the target.
fn slash_focuses(e: &web_sys::Event, root: Option<&web_sys::HtmlElement>, input_id: &str) {
    let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    if key.key() != "/" || key.ctrl_key() || key.meta_key() || key.alt_key() {
        return;
    }
    let first = e.composed_path().get(0);
    let typing = first.dyn_ref::<web_sys::HtmlElement>().is_some_and(|t| {
        t.is_content_editable() || matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
    });
    if typing || e.default_prevented() {
        return;
    }
    let input = root
        .and_then(|r| r.query_selector(&format!("#{input_id}")).ok().flatten())
        .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = input {
        e.prevent_default();
        let _ = input.focus();
    }
}
