use crate::app::components::nav_link::NavLink;
use crate::app::use_viewer;
use crate::core::text::quote::quoted;
use crate::core::text::ui_text::UiText;
use leptos::prelude::*;

/// Says that a linked article or entity is not in this corpus, with a way back to the list.
#[component]
pub fn NotFound(
    /// Whether an article (or an entity) was asked for.
    article: bool,
    id: String,
) -> impl IntoView {
    let viewer = use_viewer();
    let what = if article { "article" } else { "entity" };
    crate::web::console::warn(&format!("no {what} with id {} in this corpus", quoted(&id)));
    let (title, text) = if article {
        (UiText::NoSuchArticle, UiText::NoArticleWithId)
    } else {
        (UiText::NoSuchEntity, UiText::NoEntityWithId)
    };
    let list = viewer.list_state();
    view! {
        <div class="lede-error" role="alert">
            <h2 class="lede-error__title" id=viewer.id("heading") tabindex="-1">
                {viewer.word(title)}
            </h2>
            <p>
                {viewer.word(text)} <code>{id}</code>
                {viewer.word(UiText::OutOfDate)}
            </p>
            <NavLink to=list class="lede-button">{viewer.word(UiText::ShowAllArticles)}</NavLink>
        </div>
    }
}
