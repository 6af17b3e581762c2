//! The list's search box as the first view has it: the box (`role=search`, a label, `?q=` in
//! it, drawn with the DOM API into an element the list draws), `/` to focus it, and the trigger
//! that loads the rest of the search (`split_search.rs`: the chunk with `components/search.rs`,
//! which starts the worker) when the reader first focuses the box, or at once when the URL
//! names a search. The results, the status line and the empty state of a search (and its
//! errors, but for its code not loading) come from the chunk, through the hooks the list reads
//! (`search_context.rs`). README, "Size", says what this costs the first view, and what was cut
//! to bring it there.

use crate::app::components::search_context::{SearchContext, SearchHooks};
use crate::app::computed::Computed;
use crate::app::corpus_data::CorpusData;
use crate::app::kept_page::on_screen;
use crate::app::split_pages::Chunk;
use crate::app::split_search::start_search;
use crate::app::viewer::Viewer;
use crate::core::corpus::topics::TopicFilter;
use crate::core::text::ui_text::UiText;
use crate::web::dom::child;
use crate::web::listener::EventListener;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// The search of one list page; cheap to clone into closures.
#[derive(Clone)]
pub struct SearchBox {
    context: SearchContext,
    /// The list page's owner: the search's effects, made when its code is here, are its own.
    owner: Owner,
    /// The search's code on this page: `NotLoaded` until first asked for, `Ready` from then on
    /// (loading, then running), `Failed` when it did not load. (The split pages' signal type:
    /// a signal of a type of its own links Leptos' signal code again, README "Size".)
    code: RwSignal<Chunk>,
    /// The box's place in the list page ([`SearchBox::view`]).
    host: NodeRef<leptos::html::Div>,
}

impl SearchBox {
    /// The search of the list page being built, which shows `visible` of the list filtered by
    /// `filter`: listens for the box's first focus and for `/`. The list calls [`SearchBox::load`]
    /// at once when there is a search to run (a link with `?q=`, Back to one), and
    /// [`SearchBox::fill`] once the box's place is in the page.
    pub fn new(
        viewer: Viewer,
        data: CorpusData,
        filter: Computed<TopicFilter>,
        visible: Computed<Vec<usize>>,
        hooks: SearchHooks,
        page: NodeRef<leptos::html::Div>,
    ) -> SearchBox {
        let search = SearchBox {
            context: SearchContext {
                viewer,
                data,
                filter,
                visible,
                hooks,
                page,
            },
            owner: Owner::current().unwrap_or_default(),
            code: RwSignal::new(Chunk::NotLoaded),
            host: NodeRef::new(),
        };
        // Two listeners of one type (one copy of the closure's code): `/` focuses the box
        // from inside the `keydown` listener, and the `focusin` that follows at once must
        // reach a listener not running already (a wasm-bindgen closure refuses to be called
        // from inside itself).
        let root = viewer.root_element();
        let listen = |target: &web_sys::EventTarget, event: &'static str| {
            let (load, root, input_id) = (search.clone(), root.clone(), viewer.id("search"));
            let mut listener = EventListener::new(move |e: web_sys::Event| {
                if e.type_() == "focusin" {
                    let target = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    if target.is_some_and(|t| t.id() == input_id) {
                        load.load();
                    }
                } else {
                    slash_focuses(&e, root.as_ref(), &input_id);
                }
            });
            listener.listen(target, event, false);
            let listener = SendWrapper::new(listener);
            on_cleanup(move || drop(listener));
        };
        if let Some(root) = &root {
            listen(root, "focusin");
        }
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            listen(&document, "keydown");
        }
        search
    }

    /// Loads the search's code and starts it on this page, once; again after it did not load
    /// (the next focus, or "Try again").
    pub fn load(&self) {
        let code = self.code;
        if code.get_untracked() == Chunk::Ready {
            return;
        }
        // Notifies: a failure shown (the list's panel or status line) goes.
        code.set(Chunk::Ready);
        // The page is alive while its filter is (a disposed memo answers `None`).
        let filter = self.context.filter;
        let alive = move || filter.try_with_untracked(|_| ()).is_some();
        start_search(self.context.clone(), self.owner.clone(), alive, move |ok| {
            if !ok {
                code.try_set(Chunk::Failed);
            }
        });
    }

    /// Whether the search's code did not load (tracked). For a search the list shows an error
    /// panel; on a first focus without one, its status line says the search failed, over the
    /// list the reader may only have been passing through.
    pub fn failed(&self) -> bool {
        self.code.get() == Chunk::Failed
    }

    /// "Try again" after the search's code did not load (nothing otherwise: the search is
    /// loading or running, or was never asked for).
    pub fn retry(&self) {
        if self.code.get_untracked() == Chunk::Failed {
            self.load();
        }
    }

    /// Where the box goes: an element Leptos draws empty, which [`SearchBox::fill`] fills. Made
    /// with the DOM API, not a view: a form with a labelled box of its own attribute types
    /// linked about 1 kB of Leptos' rendering code into the first view.
    pub fn view(&self) -> AnyView {
        view! { <div class="lede-search-host" node_ref=self.host></div> }.into_any()
    }

    /// Fills the box's place (see [`SearchBox::view`]; the last one drawn), unless it is filled:
    /// the search landmark with its label, the box (`?q=`'s text in it) and an empty line for
    /// the entity the query names ("Lloyd Austin, person, 3 articles", `components/search.rs`).
    /// Called by the list's effect, which runs once Leptos has put the place in the page,
    /// before the next frame: drawn a frame later, above a list whose place Back restores,
    /// the box would shift the list (scroll anchoring). The effect also follows the attributes
    /// that draw the place anew (`controls`, `search`): Leptos runs it after the new place is
    /// drawn (an end-to-end test changes `controls` live and finds the box with its query).
    ///
    /// A `div` with `role=search`, not a `form`: Enter in a form's box would submit it (a
    /// reload of the page) unless a listener here prevented it, before the search's code is
    /// loaded too; the search's own code hears Enter on the box.
    pub fn fill(&self) -> Option<()> {
        let viewer = self.context.viewer;
        let id = |name: &str| viewer.id(name);
        let host: web_sys::Element = self.host.get_untracked()?.into();
        if host.child_element_count() > 0 {
            return None;
        }
        let doc = host.owner_document()?;
        let landmark = child(
            &doc,
            &host,
            "div",
            &[("role", "search"), ("class", "lede-search")],
            "",
        )?;
        let input = id("search");
        let label = viewer.word(UiText::SearchLabel);
        let attributes = [("class", "lede-search__label"), ("for", &input)];
        child(&doc, &landmark, "label", &attributes, &label)?;
        let typed = viewer
            .state
            .try_with_untracked(|s| s.filter.query.clone())?;
        child(
            &doc,
            &landmark,
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
            "",
        )?;
        child(
            &doc,
            &landmark,
            "p",
            &[
                ("class", "lede-search__entity"),
                ("id", &id("search-entity")),
            ],
            "",
        )?;
        Some(())
    }
}

/// `/` focuses the box from anywhere in the page but another field (the first viewer's box,
/// when a page has several). The element typed in is the first of the event's composed path:
/// inside a `<lede-viewer>`, the document sees the viewer's element as the target. A box in a
/// list page kept hidden behind an article (`kept_page`) is not there for it: the key goes on
/// to the page (and to the next viewer).
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
        .and_then(|r| {
            r.query_selector(&on_screen(&format!("#{input_id}")))
                .ok()
                .flatten()
        })
        .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = input {
        e.prevent_default();
        let _ = input.focus();
    }
}
