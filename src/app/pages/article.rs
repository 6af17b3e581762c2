use crate::app::components::error_panel::ErrorPanel;
use crate::app::components::lead_image::LeadImageFigure;
use crate::app::components::loading::Loading;
use crate::app::components::nav_link::NavLink;
use crate::app::components::not_found::NotFound;
use crate::app::components::paragraph::BodyParagraph;
use crate::app::components::published_date::PublishedDate;
use crate::app::corpus_data::use_corpus_data;
use crate::app::remote::{use_remote, Remote};
use crate::app::{effect, use_viewer};
use crate::core::corpus::load_error::LoadError;
use crate::core::format::mentions::WarningBudget;
use crate::core::format::Article;
use crate::core::text::language::{clean_language_tag, direction};
use crate::core::text::quote::quoted;
use crate::core::text::url_safety::is_absolute_http;
use crate::web::console;
use crate::web::fetch::load_article;
use leptos::prelude::*;
use std::sync::Arc;

/// One article: headline, standfirst, byline, date, lead image with credit, and the body with
/// its mentions as links. In a corpus listed inline the headline shows at once from the index
/// while the body loads; in a paged corpus everything comes with the article's file.
#[component]
pub fn ArticlePage(id: String) -> impl IntoView {
    let viewer = use_viewer();
    let data = use_corpus_data();
    let corpus = data.corpus();
    let summary = corpus.index.article(&id).cloned();
    if summary.is_none() && corpus.catalog().is_none() {
        return view! { <NotFound what="article" id /> }.into_any();
    }
    let url = data.article_url(&id);
    let (article, retry) = use_remote(
        move || Some(url.clone()),
        move |url: Result<String, LoadError>| async move {
            let url = url?;
            let article = load_article(&url).await?;
            Ok((Arc::new(article), url))
        },
    );
    // What the header shows: the index's summary, or the article once it is here.
    let header = Memo::new(move |_| match (&summary, article.get()) {
        (Some(s), _) => Some((s.headline.clone(), s.standfirst.clone(), s.language.clone())),
        (None, Remote::Ready(loaded)) => {
            let a = &loaded.0;
            Some((a.headline.clone(), a.standfirst.clone(), a.language.clone()))
        }
        _ => None,
    });
    effect(move || {
        if let Some((headline, ..)) = header.get() {
            viewer.set_title(&headline);
        }
    });
    let lang = move || {
        header.with(|h| {
            h.as_ref()
                .and_then(|h| h.2.as_deref().and_then(clean_language_tag))
        })
    };
    // A `String`, like every reactive attribute value here but `lang`'s: one copy of the
    // attribute update code per value type (with `aria-pressed`, 0.8 kB less wasm).
    let dir = move || direction(lang().as_deref()).as_attr().to_string();
    let list = viewer.list_state();
    let heading_id = viewer.id("heading");
    let labelled_by = heading_id.clone();
    // Reactive children below return an `AnyView` (the headline's text and the standfirst's
    // `Option` are erased too): one copy of Leptos' reactive-child code serves them all, 2.5 kB
    // less wasm than an extra `Option` copy (see ListPage for the text).
    //
    // What `<Show when fallback>` does, written out: the memo redraws the article only when
    // "missing" itself changes, not on every load state. Without Show's children and fallback
    // wrappers the wasm is 1.3 kB smaller.
    let missing = Memo::new(move |_| {
        matches!(
            article.get(),
            Remote::Failed(LoadError::Http { status: 404, .. })
        )
    });

    view! {
        <div class="lede-page lede-page--article">
            <p class="lede-back">
                <NavLink to=list>"← All articles"</NavLink>
            </p>
            {move || {
                if missing.get() {
                    view! { <NotFound what="article" id=id.clone() /> }.into_any()
                } else {
                    view! {
                        <article class="lede-article" lang=lang dir=dir aria-labelledby=labelled_by.clone()>
                            <header class="lede-article__header">
                                <h1 class="lede-page__title lede-article__headline" id=heading_id.clone() tabindex="-1">
                                    {move || header.with(|h| h.as_ref().map_or_else(|| "Loading the article…".to_string(), |h| h.0.clone())).into_any()}
                                </h1>
                                {move || {
                                    header
                                        .with(|h| h.as_ref().and_then(|h| h.1.clone()))
                                        .map(|s| view! { <p class="lede-article__standfirst">{s}</p> }.into_any())
                                        .into_any()
                                }}
                            </header>
                            {move || match article.get() {
                                Remote::Loading => view! { <Loading label="Loading the article" lines=12 /> }.into_any(),
                                Remote::Failed(error) => view! { <ErrorPanel error retry /> }.into_any(),
                                Remote::Ready(loaded) => {
                                    let (article, url) = (*loaded).clone();
                                    view! { <ArticleBody article url /> }.into_any()
                                }
                            }}
                        </article>
                    }
                    .into_any()
                }
            }}
        </div>
    }
    .into_any()
}

/// The loaded part of an article: byline, date, picture, paragraphs, source.
#[component]
fn ArticleBody(article: Arc<Article>, url: String) -> impl IntoView {
    // Optional parts are erased (`into_any`) here and in the other components, so that every
    // optional child has the one type `Option<AnyView>`: one copy of its render code instead of
    // one per element type, 2.1 kB less wasm in all.
    let warnings = std::rc::Rc::new(std::cell::RefCell::new(WarningBudget::default()));
    let paragraphs = (0..article.body.len())
        // Erased, so the list is a `Vec<AnyView>` like a paragraph's pieces: one copy of the list
        // code (1.3 kB of wasm).
        .map(|i| {
            let warnings = warnings.clone();
            view! { <BodyParagraph article=article.clone() index=i warnings /> }.into_any()
        })
        .collect_view();
    if let Some(summary) = warnings.borrow().summary() {
        console::warn(&format!("article {}: {summary}", quoted(&article.id)));
    }
    let source = article
        .source_url
        .clone()
        .filter(|u| is_absolute_http(u))
        .map(|href| {
            let name = article.source_name.clone().unwrap_or_else(|| href.clone());
            view! {
                <p class="lede-article__source">
                    "First published by "
                    <a href=href target="_blank" rel="noopener noreferrer">{name}</a>
                </p>
            }
            .into_any()
        });
    view! {
        <p class="lede-article__meta">
            {article
                .byline
                .clone()
                .map(|b| view! { <span class="lede-article__byline">{b}</span> }.into_any())}
            <PublishedDate published=article.published.clone() language=article.language.clone() />
        </p>
        {article.image.clone().map(|image| view! { <LeadImageFigure image article_url=url.clone() /> }.into_any())}
        <div class="lede-article__body">{paragraphs}</div>
        <footer class="lede-article__footer">
            {source}
            {article.rights.clone().map(|r| view! { <p class="lede-article__rights">{r}</p> }.into_any())}
        </footer>
    }
}
