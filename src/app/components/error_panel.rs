use crate::core::corpus::load_error::LoadError;
use crate::web::console;
use leptos::prelude::*;

/// Tells the reader what failed and which file, logs it, and offers to try again.
#[component]
pub fn ErrorPanel(error: LoadError, retry: Callback<()>) -> impl IntoView {
    console::error(&error.to_string());
    let advice = if error.is_transient() {
        "Check your connection, then try again."
    } else {
        "The publisher of these articles needs to fix this file. You can try again once they have."
    };
    view! {
        <div class="lede-error" role="alert">
            <h2 class="lede-error__title">{error.title()}</h2>
            <p class="lede-error__detail">
                <code>{error.to_string()}</code>
            </p>
            <p>{advice}</p>
            <button type="button" class="lede-button" on:click=move |_| retry.run(())>
                "Try again"
            </button>
        </div>
    }
}
