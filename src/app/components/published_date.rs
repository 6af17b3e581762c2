use crate::web::dates::format_date;
use leptos::prelude::*;

/// A publication date in the article's language, machine-readable in `datetime`.
#[component]
pub fn PublishedDate(published: String, language: Option<String>) -> impl IntoView {
    let shown = format_date(&published, language.as_deref());
    view! { <time class="lede-date" datetime=published>{shown}</time> }
}
