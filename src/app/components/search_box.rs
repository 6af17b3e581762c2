//! The list's search box as the first view has it: the form (`role=search`, a label, the box
//! with `?q=` in it, drawn with the DOM API into an element the list draws), `/` to focus it,
//! and the trigger that loads the rest of the search (`split_search.rs`: the chunk with
//! `components/search.rs`, which starts the worker) when the reader first focuses the box, or
//! at once when the URL names a search. The results, the status line and the empty state of a
//! search come from the chunk, through the hooks the list reads (`search_context.rs`). README,
//! "Size", says what this costs the first view.

use crate::app::components::search_context::{SearchContext, SearchHooks};
use crate::app::computed::Computed;
use crate::app::corpus_data::CorpusData;
use crate::app::split_search::start_search;
use crate::app::viewer::Viewer;
use crate::core::corpus::topics::TopicFilter;
use crate::core::text::ui_text::UiText;
use crate::web::listener::EventListener;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Why a search shows no results when the search's code could not be fetched.
const NOT_LOADED: &str = "the viewer's search code did not load";

/// The search of one list page; cheap to clone into closures.
#[derive(Clone)]
pub struct SearchBox {
    context: SearchContext,
    /// The list page's owner: the search's effects, made when its code is here, are its own.
    owner: Owner,
    /// Whether the search's code is loading or running for this page.
    started: Arc<AtomicBool>,
}

impl SearchBox {
    /// The search of the list page being built, which shows `visible` of the list filtered by
    /// `filter`: listens for the box's first focus and for `/`. The list calls [`SearchBox::load`]
    /// at once when there is a search to run (a link with `?q=`, Back to one).
    pub fn new(
        viewer: Viewer,
        data: CorpusData,
        filter: Computed<TopicFilter>,
        visible: Computed<Vec<usize>>,
        hooks: SearchHooks,
    ) -> SearchBox {
        let search = SearchBox {
            context: SearchContext {
                viewer,
                data,
                filter,
                visible,
                hooks,
            },
            owner: Owner::current().unwrap_or_default(),
            started: Arc::default(),
        };
        let input_id = viewer.id("search");
        let root = viewer.root_element();
        let load = search.clone();
        let mut listener = EventListener::new(move |e: web_sys::Event| {
            match e.type_().as_str() {
                // Enter: the chunk's own listener searches at once; the page never reloads.
                "submit" => e.prevent_default(),
                "focusin" => {
                    let target = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
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
        if self.started.swap(true, Ordering::Relaxed) {
            return;
        }
        let (started, context) = (self.started.clone(), self.context.clone());
        // The page is alive while its filter is (a disposed memo answers `None`).
        let (filter, data) = (context.filter, context.data);
        let alive = move || filter.try_with_untracked(|_| ()).is_some();
        start_search(context, self.owner.clone(), alive, move |ok| {
            if ok || !alive() {
                return;
            }
            // Tried again on the next focus, or by the error panel's "Try again".
            started.store(false, Ordering::Relaxed);
            let query = filter.with_untracked(|f| f.search().to_string());
            if !query.is_empty() {
                data.change(&mut |p| p.search_answered(&query, Err(NOT_LOADED.to_string())));
            }
        });
    }

    /// Why the search failed, if it did (tracked).
    pub fn failed(&self) -> Option<String> {
        let query = self.context.filter.with(|f| f.search().to_string());
        self.context.data.read(|p| match p.search_answer(&query) {
            Some(Err(why)) => Some(why.clone()),
            _ => None,
        })
    }

    /// "Try again" after a search failed: asks again (and loads the search's code, if that
    /// was what failed).
    pub fn retry(&self) {
        self.context.data.change(&mut |p| p.retry_search());
        self.load();
    }

    /// Where the box goes: an element Leptos draws empty, which [`fill`] fills once it is in
    /// the page (the form, its label and box, and the entity line's place). Made with the DOM
    /// API, not a view: a form with a labelled box of its own attribute types linked about
    /// 1 kB of Leptos' rendering code into the first view.
    pub fn view(&self) -> AnyView {
        let viewer = self.context.viewer;
        // As soon as Leptos has put it in the page (the microtask after this update), before
        // the next frame: drawn a frame later, above a list whose place Back restores, the box
        // would shift the list (scroll anchoring). A frame later too, in case it was not yet.
        queue_microtask(move || {
            fill(viewer);
            request_animation_frame(move || {
                fill(viewer);
            });
        });
        view! { <div class="lede-search-host" id=viewer.id("search-host")></div> }.into_any()
    }
}

/// Fills the box's place (see [`SearchBox::view`]), unless it is gone or already filled:
/// `<form role="search">` with its label, the box (`?q=`'s text in it) and an empty line for
/// the entity the query names ("Lloyd Austin, person, 3 articles", `components/search.rs`).
fn fill(viewer: Viewer) -> Option<()> {
    let id = |name: &str| viewer.id(name);
    let host = viewer
        .root_element()?
        .query_selector(&format!("#{}", id("search-host")))
        .ok()??;
    if host.child_element_count() > 0 {
        return None;
    }
    let doc = host.owner_document()?;
    let element = |parent: &web_sys::Element, tag: &str, attributes: &[(&str, &str)]| {
        let e = doc.create_element(tag).ok()?;
        for (name, value) in attributes {
            e.set_attribute(name, value).ok()?;
        }
        parent.append_child(&e).ok()?;
        Some(e)
    };
    let form = element(
        &host,
        "form",
        &[("role", "search"), ("class", "lede-search")],
    )?;
    let input = id("search");
    let label = element(
        &form,
        "label",
        &[("class", "lede-search__label"), ("for", &input)],
    )?;
    label.set_text_content(Some(&viewer.word(UiText::SearchLabel)));
    let typed = viewer
        .state
        .try_with_untracked(|s| s.filter.query.clone())?;
    element(
        &form,
        "input",
        &[
            ("class", "lede-search__input"),
            ("id", &input),
            ("type", "search"),
            ("autocomplete", "off"),
            ("enterkeyhint", "search"),
            ("aria-keyshortcuts", "/"),
            ("value", &typed),
        ],
    )?;
    element(
        &form,
        "p",
        &[
            ("class", "lede-search__entity"),
            ("id", &id("search-entity")),
        ],
    )?;
    Some(())
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
        // After this listener returns: focusing now would call it again (`focusin`) from
        // inside itself, which a wasm-bindgen closure refuses.
        queue_microtask(move || {
            let _ = input.focus();
        });
    }
}
