//! A card of an article list, drawn by hand.
//!
//! A card is the list's unit of work: the first view draws 30, "Show more" 30 more, a topic
//! click those it has not drawn before (`kept_list`), and an article's "More on" three. Drawn
//! as Leptos views (built with `--cfg erase_components`, "Writing views in Lede" in
//! `app/mod.rs`), every element with children also got an empty comment node, its children's
//! end marker, and every child a type-erased view of its own: a card of 14 elements was 25
//! comments besides, each cloned and inserted across the wasm boundary, about 280 calls out of
//! the wasm per card. Nothing in a card changes once it is drawn (its links follow no signal,
//! its texts are in the words it was built in: the list page is built again when the words
//! change), so it needs no reactive parts: the `<article>` is a view, for the list to keep
//! and place, and its content is drawn here in one call out of the wasm (`web::dom::Drawing`),
//! like "In this article"'s chips. Text goes into text nodes only.
//!
//! The card's links have no listener each: one on the card finds the link clicked and does
//! what a [`NavLink`](crate::app::components::nav_link::NavLink) does ([`DrawnLinks`]). A
//! thumbnail that fails to load is handled by one listener shared by every card
//! ([`thumbnail_failed`]), as [`SafeImage`](crate::app::components::safe_image::SafeImage)
//! does for the lead image: the box keeps its size and shows a quiet placeholder.

use crate::app::components::nav_link::DrawnLinks;
use crate::app::corpus_data::use_corpus_data;
use crate::app::use_viewer;
use crate::app::Viewer;
use crate::core::corpus::topics::TopicFilter;
use crate::core::format::{ArticleSummary, CorpusIndex};
use crate::core::text::language::{clean_language_tag, direction, same_language};
use crate::core::text::reading_time::indexed_minutes;
use crate::core::text::ui_text::UiText;
use crate::core::view::image_ratio::aspect_ratio;
use crate::core::view::state::{View, ViewState};
use crate::web::console;
use crate::web::dates::{format_date, language_name, prepare_format};
use crate::web::dom::{empty, Drawing};
use crate::web::urls::resolve;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// One entry of an article list: headline (the link), standfirst, date, publisher, reading
/// time, language, topics (links to their lists), thumbnail.
///
/// URLs in a summary (the thumbnail) resolve against the index file, also when the summary
/// comes from a listing page of a paged corpus: listing pages are part of the index.
#[component]
pub fn ArticleCard(summary: ArticleSummary) -> impl IntoView {
    let viewer = use_viewer();
    let corpus = use_corpus_data().corpus();
    let lang = summary.language.as_deref().and_then(clean_language_tag);
    let dir = direction(lang.as_deref()).as_attr();
    let lang_attr = lang.clone();
    // The card's date is in the interface's language; its article page's will be in the
    // article's: that formatter is made ahead, when the browser is idle.
    prepare_format(&summary.published, lang.as_deref());
    // The card's links and where each goes, once drawn. The headline keeps the topics
    // selected now (Back and "All articles" return to the same list); a topic's link names its
    // topic alone.
    let links = DrawnLinks::default();
    let on_click = {
        let links = links.clone();
        move |event: web_sys::MouseEvent| {
            links.follow_click(viewer, &event, |to| matches!(to, View::Article(_)));
        }
    };
    let draw = move |card: Element| {
        // A kept card is never rebuilt in place; should it be, it is drawn anew.
        empty(&card);
        let mut drawing = Drawing::default();
        let drawn = draw_card(
            viewer,
            &corpus.index,
            &summary,
            lang.as_deref(),
            &mut drawing,
        );
        // Only fixed names are drawn: the document refuses none. Should it, the links are known
        // all the same, so that none drawn is left to reload the page.
        let _ = THUMBNAIL_FAILED
            .with(|listener| drawing.draw(&card, Some(listener.as_ref().unchecked_ref())));
        links.set(drawn);
    };
    view! { <article class="lede-card" lang=lang_attr dir=dir on:click=on_click use:draw /> }
}

/// Draws the card's content into `drawing`, and returns its links (`href`, view). `lang` is the
/// article's language tag, cleaned.
fn draw_card(
    viewer: Viewer,
    index: &CorpusIndex,
    summary: &ArticleSummary,
    lang: Option<&str>,
    drawing: &mut Drawing,
) -> Vec<(String, ViewState)> {
    let ui_lang = viewer.ui_lang();
    let mut links = Vec::new();

    drawing.open("div", &[("class", "lede-card__text")]);
    drawing.open("h3", &[("class", "lede-card__headline")]);
    let to = ViewState {
        view: View::Article(summary.id.to_string()),
        filter: TopicFilter::default(),
    };
    let href = viewer.href(&to);
    drawing.leaf("a", &[("href", &href)], &summary.headline);
    links.push((href, to));
    drawing.close();
    if let Some(standfirst) = &summary.standfirst {
        drawing.leaf("p", &[("class", "lede-card__standfirst")], standfirst);
    }

    drawing.open("p", &[("class", "lede-card__meta")]);
    // The interface's words on the card are marked as in its language (the card is the
    // article's); the date too, so that a list reads in one style.
    let date = format_date(&summary.published, Some(&ui_lang));
    let attributes = [
        ("class", "lede-date"),
        ("lang", &ui_lang),
        ("datetime", &summary.published),
    ];
    drawing.leaf("time", &attributes, &date);
    // Who published it and how long it takes to read, when the index says; the article's
    // language, named in the interface's, when it is not the interface's.
    if let Some(name) = &summary.source_name {
        drawing.leaf("span", &[("class", "lede-card__source")], name);
    }
    if let Some(n) = summary.reading_minutes {
        let minutes = viewer.fill(
            UiText::ReadingTime,
            &[("n", &indexed_minutes(n).to_string())],
        );
        drawing.leaf("span", &[("lang", &ui_lang)], &minutes);
    }
    let badge = lang
        .filter(|tag| !same_language(tag, &ui_lang))
        .and_then(|tag| language_name(tag, &ui_lang));
    if let Some(name) = badge {
        let attributes = [("class", "lede-card__lang"), ("lang", &ui_lang)];
        drawing.leaf("span", &attributes, &name);
    }
    // The markup of `TopicLinks` (`topic_links.rs`), drawn by hand: a change goes to both.
    if !summary.topics.is_empty() {
        drawing.open("span", &[("class", "lede-card__topics")]);
        let prefix = viewer.word(UiText::TopicsPrefix);
        let attributes = [("class", "lede-visually-hidden"), ("lang", &ui_lang)];
        drawing.leaf("span", &attributes, &prefix);
        for (i, id) in summary.topics.iter().enumerate() {
            if i > 0 {
                drawing.text(" · ");
            }
            let to = ViewState {
                view: View::List,
                filter: TopicFilter::one(id.to_string()),
            };
            // A topic the index does not list shows its id: unlinked ids are worse than an
            // odd label.
            let href = viewer.href(&to);
            drawing.leaf("a", &[("href", &href)], index.topic_label(id));
            links.push((href, to));
        }
        drawing.close();
    }
    drawing.close(); // meta
    drawing.close(); // text

    // The markup of `SafeImage` (`safe_image.rs`), drawn by hand: a change goes to both.
    let index_url = viewer.corpus_url();
    let thumbnail =
        (summary.thumbnail.as_ref()).and_then(|t| Some((resolve(&t.url, &index_url)?, t)));
    if let Some((src, t)) = thumbnail {
        drawing.open("div", &[("class", "lede-card__thumb")]);
        drawing.open("div", &[("class", "lede-image")]);
        // Through the CSSOM, not a style attribute, so that a host page with a strict
        // Content-Security-Policy still lays the box out; clamped, the corpus's dimensions
        // being untrusted ([`aspect_ratio`]).
        drawing.style("aspect-ratio", &aspect_ratio(t.width, t.height));
        let (width, height) = (
            t.width.map(|w| w.to_string()),
            t.height.map(|h| h.to_string()),
        );
        let mut attributes = vec![("src", src.as_str()), ("alt", &*t.alt)];
        attributes.extend(width.as_deref().map(|w| ("width", w)));
        attributes.extend(height.as_deref().map(|h| ("height", h)));
        // Thumbnails are below the fold for most of a list.
        attributes.extend([
            ("loading", "lazy"),
            ("decoding", "async"),
            ("referrerpolicy", "no-referrer"),
        ]);
        drawing.open("img", &attributes);
        drawing.on_error();
        drawing.close();
        let words = viewer.word(UiText::ImageUnavailable);
        // Hidden from screen readers (the image's `alt` says what it shows), but in the
        // interface's language, like the card's other words.
        let attributes = [
            ("class", "lede-image__placeholder"),
            ("aria-hidden", "true"),
            ("lang", &ui_lang),
        ];
        drawing.leaf("span", &attributes, &words);
        drawing.close();
        drawing.close();
    }
    links
}

thread_local! {
    /// The `error` listener of every card's thumbnail: one for the page, not one per card.
    static THUMBNAIL_FAILED: Closure<dyn Fn(web_sys::Event)> =
        Closure::new(|event: web_sys::Event| thumbnail_failed(&event));
}

/// A thumbnail that did not load: its box shows the placeholder (`lede-image--failed`), and
/// the console says which.
fn thumbnail_failed(event: &web_sys::Event) {
    let Some(img) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if let Some(image) = img.parent_element() {
        image.set_class_name("lede-image lede-image--failed");
    }
    let src = img.get_attribute("src").unwrap_or_default();
    console::warn(&format!("image did not load: {src}"));
}

/// The place of an article whose summary is still on its way: a card-sized placeholder, so that
/// the list does not jump when it arrives.
#[component]
pub fn PendingCard() -> impl IntoView {
    view! {
        <div class="lede-card lede-card--pending lede-loading--3" aria-hidden="true"></div>
    }
}
