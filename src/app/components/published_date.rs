use crate::web::dates::format_date;
use leptos::prelude::*;

/// A publication date in `language` (the article's on its page, the interface's in a list, so
/// that a list reads in one style), machine-readable in `datetime`.
#[component]
pub fn PublishedDate(published: String, language: Option<String>) -> impl IntoView {
    let shown = format_date(&published, language.as_deref());
    view! { <time class="lede-date" datetime=published lang=language>{shown}</time> }
}
