use leptos::prelude::*;

/// A placeholder the size of what is loading, announced politely to screen readers. Its lines
/// are drawn by the stylesheet (`.lede-loading::before`, `--lines`), not as elements: one
/// element whatever the size (0.6 kB gzip less than a list of spans).
#[component]
pub fn Loading(
    /// What is loading, for screen readers ("Loading the article").
    #[prop(into)]
    label: String,
    /// How many text lines the placeholder reserves (3, 4, 6 or 12: the stylesheet's
    /// `lede-loading--N` classes), so the page does not jump when content arrives.
    #[prop(default = 6)]
    lines: usize,
) -> impl IntoView {
    view! {
        <div
            class=format!("lede-loading lede-loading--{lines}")
            role="status"
            aria-live="polite"
            aria-busy="true"
        >
            <span class="lede-visually-hidden">{label}"…"</span>
        </div>
    }
}
