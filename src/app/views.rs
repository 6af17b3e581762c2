//! Small helpers that write a view the way "Writing views in Lede" (in `app/mod.rs`) says, so
//! that a component calls them instead of repeating the rules.

use crate::app::computed::{computed, Computed};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};

/// What a button does (try a load again, show more): a shared closure. Not a Leptos `Callback`,
/// whose stored-value code nothing else in the viewer needs (0.3 kB gzip).
pub type Handler = Arc<dyn Fn() + Send + Sync>;

/// A reactive child as `--cfg erase_components` shares it: one type per output type, and here
/// the output is always an [`AnyView`].
pub type ReactiveView = Arc<Mutex<dyn FnMut() -> AnyView + Send>>;

/// An optional child, as `Option<AnyView>` whatever the view inside: `optional(byline, |b| view!
/// { <span>{b}</span> })`.
pub fn optional<T, V: IntoAny>(value: Option<T>, view: impl FnOnce(T) -> V) -> Option<AnyView> {
    value.map(|value| view(value).into_any())
}

/// The items of a list, each erased, so every list is a `Vec<AnyView>`: `each(items, |item|
/// view! { <li>…</li> })`.
pub fn each<T, V: IntoAny>(
    items: impl IntoIterator<Item = T>,
    view: impl FnMut(T) -> V,
) -> Vec<AnyView> {
    items.into_iter().map(view).map(IntoAny::into_any).collect()
}

/// Text that follows signals: `{text(move || format!("{n} articles"))}`. The same reactive
/// child, and so the same code, as every `{move || … .into_any()}` of the viewer.
pub fn text(text: impl Fn() -> String + Send + 'static) -> ReactiveView {
    Arc::new(Mutex::new(move || text().into_any()))
}

/// A memo of a yes/no question ([`computed`]): what depends on the flag runs again only when
/// the answer changes.
pub fn flag(f: impl Fn() -> bool + Send + Sync + 'static) -> Computed<bool> {
    computed(f)
}

/// A radio button in its label: the topic filter's "any" and "all", the reader's text sizes and
/// themes. One view shape and one copy of its code for all of them (`checked` and `change` behind
/// `dyn` calls).
#[inline(never)]
pub fn radio(
    class: &'static str,
    group: String,
    value: String,
    label: String,
    checked: Box<dyn Fn() -> bool + Send + Sync>,
    change: Box<dyn Fn()>,
) -> AnyView {
    view! {
        <label class=class>
            <input type="radio" name=group value=value prop:checked=checked on:change=move |_| change() />
            {label}
        </label>
    }
    .into_any()
}
