use crate::app::components::article_card::ArticleCard;
use crate::app::components::nav_link::NavLink;
use crate::app::components::not_found::NotFound;
use crate::app::use_viewer;
use crate::core::corpus::Corpus;
use crate::core::url_safety::is_absolute_http;
use leptos::prelude::*;
use std::sync::Arc;

/// A person, organisation or place: what it is, where to read more, and every article of the
/// corpus that mentions it.
#[component]
pub fn EntityPage(corpus: Arc<Corpus>, id: String) -> impl IntoView {
    let index = &corpus.index;
    let viewer = use_viewer();
    let Some(entity) = index.entity(&id).cloned() else {
        return view! { <NotFound what="entity" id /> }.into_any();
    };
    viewer.set_title(&entity.name);
    // External links must be absolute http(s): a relative "Wikipedia" link would point into
    // the publisher's own site, which is never what the writer meant.
    let external = entity.url.clone().filter(|u| is_absolute_http(u));
    let wikidata = entity.wikidata.clone().filter(|q| {
        q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit())
    });
    let articles: Vec<_> = index
        .articles_mentioning(&entity.id)
        .into_iter()
        .cloned()
        .collect();
    let count = articles.len();
    let list = viewer.list_state();
    view! {
        <div class="lede-page lede-page--entity">
            <p class="lede-back">
                <NavLink to=list>"← All articles"</NavLink>
            </p>
            <header class="lede-entity__header">
                <p class="lede-entity__kind">{entity.kind.label()}</p>
                <h1 class="lede-page__title" id=viewer.id("heading") tabindex="-1">
                    {entity.name.clone()}
                </h1>
                <ul class="lede-entity__links">
                    {external
                        .map(|url| {
                            view! {
                                <li>
                                    <a href=url target="_blank" rel="noopener noreferrer" class="lede-external">
                                        "Read more about " {entity.name.clone()}
                                        <span class="lede-visually-hidden">" (opens in a new tab)"</span>
                                    </a>
                                </li>
                            }
                        })}
                    {wikidata
                        .map(|q| {
                            view! {
                                <li>
                                    <a
                                        href=format!("https://www.wikidata.org/wiki/{q}")
                                        target="_blank"
                                        rel="noopener noreferrer"
                                        class="lede-external"
                                    >
                                        "Wikidata " {q.clone()}
                                        <span class="lede-visually-hidden">" (opens in a new tab)"</span>
                                    </a>
                                </li>
                            }
                        })}
                </ul>
            </header>
            <h2 class="lede-section-title">
                {match count {
                    0 => "No article in this corpus mentions it".to_string(),
                    1 => "Mentioned in 1 article".to_string(),
                    n => format!("Mentioned in {n} articles"),
                }}
            </h2>
            <ol class="lede-list">
                {articles
                    .into_iter()
                    .map(|summary| view! { <li><ArticleCard summary corpus=corpus.clone() /></li> })
                    .collect_view()}
            </ol>
        </div>
    }
    .into_any()
}
