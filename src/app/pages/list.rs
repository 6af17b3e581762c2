use crate::app::components::article_card::ArticleCard;
use crate::app::components::topic_filter::TopicFilterBar;
use crate::app::use_viewer;
use crate::core::format::CorpusIndex;
use leptos::prelude::*;
use std::sync::Arc;

/// The article list, newest first, with the topic filter.
#[component]
pub fn ListPage(index: Arc<CorpusIndex>) -> impl IntoView {
    let viewer = use_viewer();
    let title = index
        .title
        .clone()
        .unwrap_or_else(|| "Articles".to_string());
    viewer.set_title(&title);
    let filter = Memo::new(move |_| viewer.state.with(|s| s.filter.clone()));
    let results = {
        let index = index.clone();
        Memo::new(move |_| filter.with(|f| f.positions(&index)))
    };
    let total = index.articles.len();
    let summary = move || {
        let shown = results.with(Vec::len);
        if filter.with(|f| f.is_empty()) {
            format!("{total} articles")
        } else {
            format!("Showing {shown} of {total} articles")
        }
    };
    let selected_labels = {
        let index = index.clone();
        move || {
            filter.with(|f| {
                f.selected
                    .iter()
                    .map(|id| {
                        index
                            .topic(id)
                            .map_or(id.as_str(), |t| t.label.as_str())
                            .to_string()
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let cards = {
        let index = index.clone();
        move || {
            let index = index.clone();
            results
                .get()
                .into_iter()
                .map(|i| {
                    let summary = index.articles[i].clone();
                    view! { <li><ArticleCard summary index=index.clone() /></li> }
                })
                .collect_view()
        }
    };
    view! {
        <div class="lede-page lede-page--list">
            <h1 class="lede-page__title" id=viewer.id("heading") tabindex="-1">{title}</h1>
            <TopicFilterBar index=index.clone() />
            <p class="lede-results" role="status">{summary}</p>
            <Show
                when=move || results.with(|r| !r.is_empty())
                fallback=move || {
                    let labels = selected_labels().join(", ");
                    let all = filter.with(|f| f.mode == crate::core::topics::TopicMatch::All);
                    view! {
                        <div class="lede-empty">
                            <p>
                                {if all {
                                    format!("No article is tagged with all of: {labels}.")
                                } else {
                                    format!("No article is tagged with {labels}.")
                                }}
                            </p>
                            <p>
                                {if all {
                                    "Choose “any selected topic”, deselect a topic, or clear the topics to see every article."
                                } else {
                                    "Deselect a topic or clear the topics to see every article."
                                }}
                            </p>
                            <button
                                type="button"
                                class="lede-button"
                                on:click=move |_| viewer.update_filter(|f| f.clear())
                            >
                                "Clear topics"
                            </button>
                        </div>
                    }
                }
            >
                <ol class="lede-list">{cards.clone()}</ol>
            </Show>
        </div>
    }
}
