use crate::app::use_viewer;
use crate::app::Viewer;
use crate::core::view::state::{View, ViewState};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A link to another view of this viewer: a real `href`, handled in place on a plain click.
///
/// Only this link's own clicks are handled (no window-wide click listener), so links of a host page
/// are never taken over. Clicks with a modifier key or another button keep the browser's
/// behaviour (new tab, new window, download).
#[component]
pub fn NavLink(
    /// The view the link shows. Its `href` is written once: a link's address follows no signal,
    /// so a card kept across topic clicks (`kept_list`) costs nothing when the topics change.
    to: ViewState,
    /// A plain click keeps the topics selected now (a card's headline: Back and "All articles"
    /// then return to the same list), while the `href`, for a new tab or a copied link, names
    /// the article alone.
    #[prop(optional)]
    keep_filter: bool,
    #[prop(optional, into)] class: String,
    /// The view is the page before this one: a plain click goes Back (see [`Viewer::back_to`]),
    /// so the reader finds their place there.
    ///
    /// [`Viewer::back_to`]: crate::app::Viewer::back_to
    #[prop(optional)]
    back: bool,
    children: Children,
) -> impl IntoView {
    let viewer = use_viewer();
    let href = viewer.href(&to);
    let on_click = move |event: web_sys::MouseEvent| {
        follow(viewer, &event, to.clone(), keep_filter, back);
    };
    view! {
        <a class=class href=href on:click=on_click>
            {children()}
        </a>
    }
}

/// What a click on a link to `to` does: a plain click ([`plain_click`]) shows the view in place
/// (keeping the topics selected now when `keep_filter`, going Back when `back`: see
/// [`NavLink`]'s props); any other click is left to the browser. Shared with the links drawn by
/// hand ([`DrawnLinks`]: a card's, "In this article"'s chips).
pub fn follow(
    viewer: Viewer,
    event: &web_sys::MouseEvent,
    mut to: ViewState,
    keep_filter: bool,
    back: bool,
) {
    if !plain_click(event) {
        return;
    }
    event.prevent_default();
    if keep_filter {
        to.filter = viewer.state.with_untracked(|s| s.filter.clone());
    }
    if back {
        viewer.back_to(to);
    } else {
        viewer.go(to);
    }
}

/// Links drawn by hand (`web::dom`: a card's, "In this article"'s chips), each known by its
/// `href` with the view it shows, followed by one listener on an element that holds them all
/// instead of one each. Known by `href`, not by element: a drawing keeps no handle on what it
/// made (`web::dom::Drawing`), and two links with one `href` go to one view.
#[derive(Clone, Default)]
pub struct DrawnLinks(Rc<RefCell<Vec<(String, ViewState)>>>);

impl DrawnLinks {
    /// The links drawn now (`href`, view), in place of those before.
    pub fn set(&self, links: Vec<(String, ViewState)>) {
        *self.0.borrow_mut() = links;
    }

    /// A click in the element that holds the links: one on a link is followed as a [`NavLink`]'s
    /// would be, keeping the topics selected now when `keeps_filter` is true of its view.
    pub fn follow_click(
        &self,
        viewer: Viewer,
        event: &web_sys::MouseEvent,
        keeps_filter: impl Fn(&View) -> bool,
    ) {
        let href = (event.target())
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|link| link.get_attribute("href"));
        let Some(href) = href else {
            return;
        };
        let to = (self.0.borrow().iter())
            .find(|(link, _)| *link == href)
            .map(|(_, to)| to.clone());
        if let Some(to) = to {
            let keep = keeps_filter(&to.view);
            follow(viewer, event, to, keep, false);
        }
    }
}

/// A click the viewer handles in place: the main button, no modifier key (those open a new tab
/// or window, or download), and nobody before it took it (a mention's first tap, which opens
/// its preview instead: `entity_preview`).
pub fn plain_click(event: &web_sys::MouseEvent) -> bool {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    event.button() == 0 && !modified && !event.default_prevented()
}
