use crate::app::use_viewer;
use crate::core::view::state::ViewState;
use leptos::prelude::*;
use std::sync::Arc;

/// Where a [`NavLink`] goes: a view (`to=state`, through `From`), or a view that follows
/// signals ([`LinkTo::follow`]: a card's link keeps the current topic filter). A shared closure,
/// not a Leptos `Signal`: `Signal`'s code, linked once per value type, was the viewer's only
/// use of it (with the list's count of more articles: 1 kB gzip together).
#[derive(Clone)]
pub struct LinkTo(Arc<dyn Fn() -> ViewState + Send + Sync>);

impl LinkTo {
    /// A link whose view is computed, and its `href` updated, whenever a signal it reads changes.
    pub fn follow(to: impl Fn() -> ViewState + Send + Sync + 'static) -> Self {
        LinkTo(Arc::new(to))
    }
}

impl From<ViewState> for LinkTo {
    fn from(state: ViewState) -> Self {
        LinkTo::follow(move || state.clone())
    }
}

/// A link to another view of this viewer: a real `href`, handled in place on a plain click.
///
/// Only this link's own clicks are handled (no window-wide click listener), so links of a host page
/// are never taken over. Clicks with a modifier key or another button keep the browser's
/// behaviour (new tab, new window, download).
#[component]
pub fn NavLink(
    /// The view the link shows.
    #[prop(into)]
    to: LinkTo,
    #[prop(optional, into)] class: String,
    /// The id of the element that describes the link (an entity mention's kind).
    #[prop(optional)]
    described_by: Option<String>,
    /// The id of the entity a mention names, for its preview card (`entity_preview`).
    #[prop(optional)]
    entity: Option<String>,
    /// The view is the page before this one: a plain click goes Back (see [`Viewer::back_to`]),
    /// so the reader finds their place there.
    ///
    /// [`Viewer::back_to`]: crate::app::Viewer::back_to
    #[prop(optional)]
    back: bool,
    children: Children,
) -> impl IntoView {
    let viewer = use_viewer();
    let link = to.clone();
    let on_click = move |event: web_sys::MouseEvent| {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if event.button() != 0 || modified || event.default_prevented() {
            return;
        }
        event.prevent_default();
        let to = untrack(|| (to.0)());
        if back {
            viewer.back_to(to);
        } else {
            viewer.go(to);
        }
    };
    view! {
        <a class=class aria-describedby=described_by data-entity=entity href=move || viewer.href(&(link.0)()) on:click=on_click>
            {children()}
        </a>
    }
}
