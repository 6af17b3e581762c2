use crate::app::components::nav_link::NavLink;
use crate::app::use_viewer;
use crate::core::text::quote::quoted;
use leptos::prelude::*;

/// Says that a linked article or entity is not in this corpus, with a way back to the list.
#[component]
pub fn NotFound(
    /// "article" or "entity".
    what: &'static str,
    id: String,
) -> impl IntoView {
    let viewer = use_viewer();
    crate::web::console::warn(&format!("no {what} with id {} in this corpus", quoted(&id)));
    let list = viewer.list_state();
    view! {
        <div class="lede-error" role="alert">
            <h2 class="lede-error__title" id=viewer.id("heading") tabindex="-1">
                {format!("No such {what}")}
            </h2>
            <p>
                "This corpus has no " {what} " with the id " <code>{id}</code>
                ". The link may be out of date."
            </p>
            <NavLink to=list class="lede-button">"Show all articles"</NavLink>
        </div>
    }
}
