//! The list page, kept while the reader is on another page.
//!
//! Opening an article used to tear the list page down (its topic bar, its cards, their
//! listeners and reactive state: about 5 ms of DOM removal and as much of dropping at 4x CPU,
//! before the article could be drawn) and Back built it again. Here the list page is built the
//! first time it is shown, under an owner of its own, and stays built while another page
//! shows: one class each way, and Back finds the page as the reader left it (topics, "Show
//! more", the search box's text).
//!
//! Hidden in the document ([`AWAY`]: `content-visibility: hidden`), not taken out of it. Both
//! keep the page's DOM and state; only the first keeps its style and layout: Chromium
//! re-lays-out a subtree put back into the document in full (54-57 ms for the page with 60
//! cards at 4x CPU, measured, where revealing it hidden takes 13-20 ms), and taking it out
//! cost 8-10 ms against 3 for hiding it. Content that `content-visibility: hidden` skips is not
//! drawn, focusable, found by find-in-page or in the accessibility tree; it still answers
//! queries. So the list page's ids are its own (its heading is `list-heading`, where the
//! other pages' is `heading`), and lookups that must find the page on screen go through
//! [`on_screen`] (the viewer's focus moves, [`Viewer::focus_heading`], and the `/` shortcut).
//! A host page that queries the viewer's elements finds the list's too while an article
//! shows: the README ("Embedding") says so.
//!
//! The page is built again when the interface's words change, as every page is drawn again in
//! the new words; it goes with the viewer.
//!
//! [`Viewer::focus_heading`]: crate::app::Viewer::focus_heading

use crate::app::computed::Computed;
use crate::app::effect::effect;
use crate::app::Viewer;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// The class the slot has besides `lede-kept` while its page is hidden: the stylesheet gives it
/// `content-visibility: hidden`.
pub const AWAY: &str = "lede-kept--away";

/// `selector` (one complex selector, not a list) narrowed to elements on screen: not in a page
/// kept hidden. For lookups that must find the page the reader sees.
pub fn on_screen(selector: &str) -> String {
    format!("{selector}:not(.{AWAY} *)")
}

/// The kept page: the words it was built in, its owner, its DOM and reactive parts.
struct Kept {
    words: usize,
    owner: Owner,
    state: AnyViewState,
}

/// Shows the page `build` makes in `slot` whenever `shown` is true, building it the first time
/// only (and again for new words), and hides it, kept, whenever `shown` is false.
pub fn kept_page(
    slot: NodeRef<leptos::html::Div>,
    shown: Computed<bool>,
    viewer: Viewer,
    build: impl Fn() -> AnyView + 'static,
) {
    // The page's owner is a child of this one (the viewer's, below its corpus data), not of
    // the effect's, which is cleaned up each time the effect runs again.
    let owner = Owner::current().unwrap_or_default();
    let kept: RefCell<Option<Kept>> = RefCell::default();
    effect(move || {
        let Some(slot) = slot.get() else {
            return;
        };
        viewer.track_words();
        let words = viewer.words_version();
        let shown = shown.get();
        let mut kept = kept.borrow_mut();
        if kept.as_ref().is_some_and(|k| k.words != words) {
            if let Some(mut old) = kept.take() {
                old.state.unmount();
                old.owner.cleanup();
            }
        }
        if !shown {
            slot.set_class_name(&format!("lede-kept {AWAY}"));
            return;
        }
        let page = kept.get_or_insert_with(|| {
            let page_owner = owner.child();
            let state = page_owner.with(|| untrack(|| build().build()));
            Kept {
                words,
                owner: page_owner,
                state,
            }
        });
        slot.set_class_name("lede-kept");
        if slot.child_element_count() == 0 {
            let nodes = js_sys::Array::new();
            for node in page.state.elements() {
                nodes.push(&JsValue::from(node));
            }
            let _ = slot.append_with_node(&nodes);
        }
    });
}
