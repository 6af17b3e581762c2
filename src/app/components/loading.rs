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
    // Each line erased (`into_any`) so that the list has the type a body paragraph's pieces
    // already have (`Vec<AnyView>`): one copy of the list code instead of two, 2.6 kB less wasm.
    let placeholder = (0..lines)
        .map(|_| view! { <span class="lede-loading__line" aria-hidden="true"></span> }.into_any())
        .collect_view();
    view! {
        <div class="lede-loading" role="status" aria-live="polite" aria-busy="true">
            <span class="lede-visually-hidden">{label}"…"</span>
            {placeholder}
        </div>
    }
}
