use crate::app::components::body_text::BodyText;
use crate::app::components::entity_preview::MentionPreviews;
use crate::app::components::error_panel::ErrorPanel;
use crate::app::components::in_this_article::InThisArticle;
use crate::app::components::lead_image::LeadImageFigure;
use crate::app::components::loading::Loading;
use crate::app::components::more_on::MoreOn;
use crate::app::components::nav_link::NavLink;
use crate::app::components::not_found::NotFound;
use crate::app::components::published_date::PublishedDate;
use crate::app::components::reader_controls::ReaderControls;
use crate::app::components::topic_links::TopicLinks;
use crate::app::computed::computed;
use crate::app::corpus_data::use_corpus_data;
use crate::app::effect::effect;
use crate::app::remote::use_remote;
use crate::app::use_viewer;
use crate::app::views::{flag, optional, text, Handler};
use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::part::Part;
use crate::core::format::Article;
use crate::core::text::language::{clean_language_tag, direction};
use crate::core::text::reading_time::{indexed_minutes, reading_minutes};
use crate::core::text::ui_text::UiText;
use crate::core::text::url_safety::is_absolute_http;
use crate::web::fetch::load_article;
use leptos::prelude::*;
use std::sync::Arc;

/// One article: headline, standfirst, byline, date, lead image with credit, and the body with
/// its mentions as links. In a corpus listed inline the headline shows at once from the index
/// while the body loads; in a paged corpus everything comes with the article's file.
#[component]
pub fn ArticlePage(
    id: String,
    /// The warm-up's article (`article_warm_up`), shown as loaded, without a load and without
    /// setting the document's title: the page is built off the document and dropped. The same
    /// component, not a copy, since the warm-up is for this code.
    #[prop(optional)]
    warm_up: Option<Arc<Article>>,
) -> impl IntoView {
    let viewer = use_viewer();
    let data = use_corpus_data();
    let corpus = data.corpus();
    // The warm-up's page has no summary: its header comes from its article.
    let summary = (warm_up.is_none())
        .then(|| corpus.index.article(&id).cloned())
        .flatten();
    if summary.is_none() && corpus.catalog().is_none() && warm_up.is_none() {
        return view! { <NotFound article=true id /> }.into_any();
    }
    let listed = summary.is_some();
    // The index's reading time, where it lists the article: the card's figure, so the two agree,
    // and not counted again from the body (the corpus tool counts it with the same function, and
    // a count reads every byte of the body: 70 kB for the benchmark's 10,000-word article).
    let listed_minutes = summary.as_ref().and_then(|s| s.reading_minutes);
    let titled = warm_up.is_none();
    let (article, retry) = match warm_up {
        Some(article) => {
            let loaded = Arc::new((article, String::new()));
            let retry: Handler = Arc::new(|| {});
            (RwSignal::new(Part::Ready(loaded)).read_only(), retry)
        }
        None => {
            let url = data.article_url(&id);
            use_article(Box::new(move || Some(url.clone())))
        }
    };
    // What the header shows: the index's summary, or the article once it is here.
    let header = computed(move || match (&summary, article.get()) {
        (Some(s), _) => Some((
            s.headline.to_string(),
            s.standfirst.as_deref().map(str::to_string),
            s.language.as_deref().map(str::to_string),
        )),
        (None, Part::Ready(loaded)) => {
            let a = &loaded.0;
            Some((a.headline.clone(), a.standfirst.clone(), a.language.clone()))
        }
        _ => None,
    });
    if titled {
        effect(move || {
            if let Some((headline, ..)) = header.get() {
                viewer.set_title(&headline);
            }
        });
    }
    let lang = move || {
        header.with(|h| {
            h.as_ref()
                .and_then(|h| h.2.as_deref().and_then(clean_language_tag))
        })
    };
    // `String`s, like the other reactive attribute values (see "Writing views in Lede"; a
    // reactive `Option<String>` linked its own attribute code: 0.6 kB gzip). An article without
    // a language of its own is in the interface's, as it would inherit from the viewer's root
    // element (whose `lang` is that too); its direction stays its own, left to right.
    let lang_attr = move || lang().unwrap_or_else(|| viewer.ui_lang());
    let dir = move || direction(lang().as_deref()).as_attr().to_string();
    let list = viewer.list_state();
    let heading_id = viewer.id("heading");
    let labelled_by = heading_id.clone();
    // What `<Show when fallback>` does, written out (see "Writing views in Lede", `app/mod.rs`):
    // the article is redrawn only when "missing" itself changes, not on every load state. Only
    // an article the index does not list is "no such article": a listed one whose file is
    // missing keeps the headline and standfirst the index gave, above the error.
    let missing = flag(move || {
        !listed
            && matches!(
                article.get(),
                Part::Failed(LoadError::Http { status: 404, .. })
            )
    });

    view! {
        <div class="lede-page lede-page--article">
            <div class="lede-back">
                <NavLink to=list>{viewer.word(UiText::AllArticles)}</NavLink>
                <ReaderControls />
            </div>
            {move || {
                if missing.get() {
                    view! { <NotFound article=true id=id.clone() /> }.into_any()
                } else {
                    let retry = retry.clone();
                    view! {
                        <article class="lede-article" lang=lang_attr dir=dir aria-labelledby=labelled_by.clone()>
                            <header class="lede-article__header">
                                <h1 class="lede-page__title lede-article__headline" id=heading_id.clone() tabindex="-1">
                                    {text(move || header.with(|h| h.as_ref().map_or_else(|| format!("{}…", viewer.word(UiText::LoadingArticle)), |h| h.0.clone())))}
                                </h1>
                                {move || {
                                    let standfirst = header.with(|h| h.as_ref().and_then(|h| h.1.clone()));
                                    optional(standfirst, |s| view! { <p class="lede-article__standfirst">{s}</p> }).into_any()
                                }}
                            </header>
                            {move || match article.get() {
                                Part::Failed(error) => view! { <ErrorPanel error retry=retry.clone() /> }.into_any(),
                                Part::Ready(loaded) => {
                                    let (article, url) = (*loaded).clone();
                                    view! { <ArticleBody article url listed_minutes /> }.into_any()
                                }
                                Part::NotRequested | Part::Loading(_) => {
                                    view! { <Loading label=viewer.word(UiText::LoadingArticle) lines=12 /> }.into_any()
                                }
                            }}
                        </article>
                        {move || match article.get() {
                            Part::Ready(loaded) => view! { <MoreOn article=loaded.0.clone() /> }.into_any(),
                            _ => ().into_any(),
                        }}
                    }
                    .into_any()
                }
            }}
        </div>
    }
    .into_any()
}

/// An article's file and its URL, as [`use_article`] loads it.
pub type LoadedArticle = (Arc<Article>, String);

/// Loads the article at the URL `key` gives, whenever it changes: the article page's loader,
/// shared with the entity page's sentences, so that the wasm holds one copy of its code (the
/// key boxed and the fetch a named function: one instantiation of `use_remote`).
pub fn use_article(
    key: Box<dyn Fn() -> Option<Result<String, LoadError>>>,
) -> (ReadSignal<Part<Arc<LoadedArticle>>>, Handler) {
    use_remote(key, fetch_article)
}

async fn fetch_article(url: Result<String, LoadError>) -> Result<LoadedArticle, LoadError> {
    let url = url?;
    // Ready at the first poll, so the body is drawn in the same task as the header.
    if let Some(article) = crate::app::read_ahead::kept(&url) {
        return Ok((article, url));
    }
    let article = load_article(&url).await?;
    Ok((Arc::new(article), url))
}

/// The loaded part of an article: byline, date, picture, paragraphs, source. Its reading time
/// is `listed_minutes`, the index's figure, or else counted from the body.
#[component]
fn ArticleBody(article: Arc<Article>, url: String, listed_minutes: Option<u32>) -> impl IntoView {
    let viewer = use_viewer();
    let entities = (!article.entities.is_empty()).then(|| article.clone());
    let minutes = listed_minutes.map_or_else(
        || reading_minutes(article.body.iter().map(|p| p.text.as_str())),
        indexed_minutes,
    );
    let minutes = minutes.to_string();
    let reading_time = viewer.fill(UiText::ReadingTime, &[("n", &minutes)]);
    let source_url = article.source_url.clone().filter(|u| is_absolute_http(u));
    let source = optional(source_url, |href| {
        let name = article.source_name.clone().unwrap_or_else(|| href.clone());
        view! {
            <p class="lede-article__source">
                <span lang=viewer.ui_lang()>
                    {viewer.word(UiText::FirstPublishedBy)}
                </span>
                <a href=href target="_blank" rel="noopener noreferrer">{name}</a>
            </p>
        }
    });
    view! {
        {optional(entities, |article| view! { <InThisArticle article /> })}
        <p class="lede-article__meta">
            {optional(article.byline.clone(), |b| view! { <span class="lede-article__byline">{b}</span> })}
            {optional(article.source_name.clone(), |n| view! { <span class="lede-article__publisher">{n}</span> })}
            <PublishedDate published=article.published.clone() language=article.language.clone() />
            <span lang=viewer.ui_lang()>{reading_time}</span>
        </p>
        {optional(article.image.clone(), |image| view! { <LeadImageFigure image article_url=url.clone() /> })}
        <BodyText article=article.clone() />
        <MentionPreviews article=article.clone() />
        <footer class="lede-article__footer">
            {optional((!article.topics.is_empty()).then(|| article.topics.clone()), |topics| {
                view! { <p><TopicLinks topics class="lede-article__topics" /></p> }
            })}
            {source}
            {optional(article.rights.clone(), |r| view! { <p class="lede-article__rights">{r}</p> })}
        </footer>
    }
}
