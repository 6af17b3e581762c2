use crate::app::use_viewer;
use crate::core::view::state::ViewState;
use leptos::prelude::*;

/// A link to another view of this viewer: a real `href`, handled in place on a plain click.
///
/// Only this link's own clicks are handled (no window-wide click listener), so links of a host page
/// are never taken over. Clicks with a modifier key or another button keep the browser's
/// behaviour (new tab, new window, download).
#[component]
pub fn NavLink(
    /// The view the link shows.
    #[prop(into)]
    to: Signal<ViewState>,
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
    let on_click = move |event: web_sys::MouseEvent| {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if event.button() != 0 || modified || event.default_prevented() {
            return;
        }
        event.prevent_default();
        if back {
            viewer.back_to(to.get_untracked());
        } else {
            viewer.go(to.get_untracked());
        }
    };
    view! {
        <a class=class aria-describedby=described_by data-entity=entity href=move || to.with(|s| viewer.href(s)) on:click=on_click>
            {children()}
        </a>
    }
}
