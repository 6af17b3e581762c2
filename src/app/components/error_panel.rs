use crate::app::use_viewer;
use crate::core::corpus::load_error::LoadError;
use crate::core::text::ui_text::UiText;
use crate::web::console;
use leptos::prelude::*;

/// Tells the reader what failed and which file, logs it, and offers to try again.
#[component]
pub fn ErrorPanel(error: LoadError, retry: Callback<()>) -> impl IntoView {
    console::error(&error.to_string());
    let viewer = use_viewer();
    let advice = viewer.word(if error.is_transient() {
        UiText::CheckConnection
    } else {
        UiText::PublisherMustFix
    });
    view! {
        <div class="lede-error" role="alert">
            <h2 class="lede-error__title">{viewer.word(error.title())}</h2>
            <p class="lede-error__detail">
                <code>{error.to_string()}</code>
            </p>
            <p>{advice.to_string()}</p>
            <button type="button" class="lede-button" on:click=move |_| retry.run(())>
                {viewer.word(UiText::TryAgain)}
            </button>
        </div>
    }
}
