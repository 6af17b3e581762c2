use crate::app::components::error_panel::ErrorPanel;
use crate::app::components::lead_image::LeadImageFigure;
use crate::app::components::loading::Loading;
use crate::app::components::nav_link::NavLink;
use crate::app::components::not_found::NotFound;
use crate::app::components::paragraph::BodyParagraph;
use crate::app::components::published_date::PublishedDate;
use crate::app::remote::{use_remote, Remote};
use crate::app::use_viewer;
use crate::core::corpus::Corpus;
use crate::core::format::Article;
use crate::core::language::{clean_language_tag, direction};
use crate::core::load_error::LoadError;
use crate::core::url_safety::is_absolute_http;
use crate::web::fetch::load_article;
use crate::web::urls::resolve;
use leptos::prelude::*;
use std::sync::Arc;

/// One article: headline, standfirst, byline, date, lead image with credit, and the body with
/// its mentions as links. The headline shows at once from the index while the body loads.
#[component]
pub fn ArticlePage(corpus: Arc<Corpus>, id: String) -> impl IntoView {
    let viewer = use_viewer();
    let Some(summary) = corpus.index.article(&id).cloned() else {
        return view! { <NotFound what="article" id /> }.into_any();
    };
    viewer.set_title(&summary.headline);
    let index_url = viewer.corpus_url();
    let article_url = resolve(&summary.url, &index_url);
    let raw_url = summary.url.clone();
    let (article, retry) = use_remote(
        move || Some(article_url.clone()),
        move |url: Option<String>| {
            let raw_url = raw_url.clone();
            async move {
                let url = url.ok_or(LoadError::UnsafeUrl { url: raw_url })?;
                let article = load_article(&url).await?;
                Ok((Arc::new(article), url))
            }
        },
    );
    let lang = summary.language.as_deref().and_then(clean_language_tag);
    let dir = direction(lang.as_deref()).as_attr();
    let list = viewer.list_state();
    let heading_id = viewer.id("heading");
    let labelled_by = heading_id.clone();
    let lang_attr = lang.clone();

    view! {
        <div class="lede-page lede-page--article">
            <p class="lede-back">
                <NavLink to=list>"← All articles"</NavLink>
            </p>
            <article class="lede-article" lang=lang_attr dir=dir aria-labelledby=labelled_by>
                <header class="lede-article__header">
                    <h1 class="lede-page__title lede-article__headline" id=heading_id tabindex="-1">
                        {summary.headline.clone()}
                    </h1>
                    {summary
                        .standfirst
                        .clone()
                        .map(|s| view! { <p class="lede-article__standfirst">{s}</p> })}
                </header>
                {move || match article.get() {
                    Remote::Loading => view! { <Loading label="Loading the article" lines=12 /> }.into_any(),
                    Remote::Failed(error) => view! { <ErrorPanel error retry /> }.into_any(),
                    Remote::Ready((article, url)) => view! { <ArticleBody article url /> }.into_any(),
                }}
            </article>
        </div>
    }
    .into_any()
}

/// The loaded part of an article: byline, date, picture, paragraphs, source.
#[component]
fn ArticleBody(article: Arc<Article>, url: String) -> impl IntoView {
    let paragraphs = (0..article.body.len())
        .map(|i| view! { <BodyParagraph article=article.clone() index=i /> })
        .collect_view();
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
        });
    view! {
        <p class="lede-article__meta">
            {article
                .byline
                .clone()
                .map(|b| view! { <span class="lede-article__byline">{b}</span> })}
            <PublishedDate published=article.published.clone() language=article.language.clone() />
        </p>
        {article.image.clone().map(|image| view! { <LeadImageFigure image article_url=url.clone() /> })}
        <div class="lede-article__body">{paragraphs}</div>
        <footer class="lede-article__footer">
            {source}
            {article.rights.clone().map(|r| view! { <p class="lede-article__rights">{r}</p> })}
        </footer>
    }
}
