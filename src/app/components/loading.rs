use crate::app::views::each;
use leptos::prelude::*;

/// A placeholder the size of what is loading, announced politely to screen readers.
#[component]
pub fn Loading(
    /// What is loading, for screen readers ("Loading the article").
    #[prop(into)]
    label: String,
    /// How many text lines the placeholder reserves, so the page does not jump when content
    /// arrives.
    #[prop(default = 6)]
    lines: usize,
) -> impl IntoView {
    let placeholder = each(0..lines, |_| {
        view! { <span class="lede-loading__line" aria-hidden="true"></span> }
    });
    view! {
        <div class="lede-loading" role="status" aria-live="polite" aria-busy="true">
            <span class="lede-visually-hidden">{label}"…"</span>
            {placeholder}
        </div>
    }
}
