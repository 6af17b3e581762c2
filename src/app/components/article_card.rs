use crate::app::components::nav_link::NavLink;
use crate::app::components::published_date::PublishedDate;
use crate::app::components::safe_image::SafeImage;
use crate::app::components::topic_links::TopicLinks;
use crate::app::use_viewer;
use crate::app::views::optional;
use crate::core::format::ArticleSummary;
use crate::core::text::language::{clean_language_tag, direction, same_language};
use crate::core::text::ui_text::UiText;
use crate::core::view::state::{View, ViewState};
use crate::web::dates::{language_name, prepare_format};
use crate::web::urls::resolve;
use leptos::prelude::*;

/// One entry of an article list: headline (the link), standfirst, date, topics (links to their
/// lists), thumbnail.
///
/// URLs in a summary (the thumbnail) resolve against the index file, also when the summary
/// comes from a listing page of a paged corpus: listing pages are part of the index.
#[component]
pub fn ArticleCard(summary: ArticleSummary) -> impl IntoView {
    let viewer = use_viewer();
    let index_url = viewer.corpus_url();
    let lang = summary.language.as_deref().and_then(clean_language_tag);
    let dir = direction(lang.as_deref()).as_attr();
    let lang_attr = lang.clone();
    let to = ViewState {
        view: View::Article(summary.id.to_string()),
        filter: Default::default(),
    };
    let thumbnail = summary
        .thumbnail
        .clone()
        .and_then(|t| Some((resolve(&t.url, &index_url)?, t)));
    let thumbnail = optional(thumbnail, |(src, t)| {
        view! {
            <div class="lede-card__thumb">
                <SafeImage src alt=t.alt.to_string() width=t.width height=t.height />
            </div>
        }
    });
    // The article's language, named in the interface's, when it is not the interface's.
    let ui_lang = viewer.ui_lang();
    let badge = (lang.as_deref())
        .filter(|tag| !same_language(tag, &ui_lang))
        .and_then(|tag| language_name(tag, &ui_lang));
    // The card's date is in the interface's language; its article page's will be in the
    // article's: that formatter is made ahead, when the browser is idle.
    prepare_format(&summary.published, lang.as_deref());
    // Who published it and how long it takes to read, when the index says.
    let source = optional(summary.source_name.clone(), |name| {
        view! { <span class="lede-card__source">{name.to_string()}</span> }
    });
    let minutes = optional(summary.reading_minutes, |n| {
        let text = viewer.fill(UiText::ReadingTime, &[("n", &n.to_string())]);
        view! { <span lang=ui_lang.clone()>{text}</span> }
    });
    let badge = optional(badge, |name| {
        view! { <span class="lede-card__lang" lang=ui_lang.clone()>{name}</span> }
    });
    view! {
        <article class="lede-card" lang=lang_attr dir=dir>
            <div class="lede-card__text">
                <h3 class="lede-card__headline">
                    <NavLink to keep_filter=true>{summary.headline.to_string()}</NavLink>
                </h3>
                {optional(summary.standfirst.clone(), |s| view! { <p class="lede-card__standfirst">{s.to_string()}</p> })}
                <p class="lede-card__meta">
                    <PublishedDate published=summary.published.to_string() language=Some(ui_lang.clone()) />
                    {source}
                    {minutes}
                    {badge}
                    {optional((!summary.topics.is_empty()).then(|| summary.topics.iter().map(|t| t.to_string()).collect()), |topics| {
                        view! { <TopicLinks topics class="lede-card__topics" /> }
                    })}
                </p>
            </div>
            {thumbnail}
        </article>
    }
}

/// The place of an article whose summary is still on its way: a card-sized placeholder, so that
/// the list does not jump when it arrives.
#[component]
pub fn PendingCard() -> impl IntoView {
    view! {
        <div class="lede-card lede-card--pending lede-loading--3" aria-hidden="true"></div>
    }
}
