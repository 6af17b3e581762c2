use crate::app::use_viewer;
use crate::app::views::Handler;
use crate::core::corpus::load_error::LoadError;
use crate::core::text::ui_text::UiText;
use crate::web::console;
use leptos::prelude::*;

/// Tells the reader what failed and what they can do, offers to try again, and logs it; the
/// file's URL and the JSON path are behind "Details for the publisher" (they are for the
/// publisher, not the reader).
#[component]
pub fn ErrorPanel(error: LoadError, retry: Handler) -> impl IntoView {
    console::error(&error.to_string());
    let viewer = use_viewer();
    let advice = viewer.word(error.advice());
    view! {
        <div class="lede-error" role="alert">
            <h2 class="lede-error__title">{viewer.word(error.title())}</h2>
            <p>{advice}</p>
            <details class="lede-error__detail">
                <summary>{viewer.word(UiText::DetailsForPublisher)}</summary>
                <code>{error.to_string()}</code>
            </details>
            <button type="button" class="lede-button" on:click=move |_| retry()>
                {viewer.word(UiText::TryAgain)}
            </button>
        </div>
    }
}
