use crate::app::components::article_card::ArticleCard;
use crate::app::components::topic_filter::TopicFilterBar;
use crate::app::use_viewer;
use crate::core::corpus::Corpus;
use crate::core::topics::TopicMatch;
use leptos::prelude::*;
use std::sync::Arc;

/// How many articles the list shows at first, and adds per "Show more": a topic click never
/// builds more than this many cards, however large the corpus.
pub const PAGE_SIZE: usize = 30;

/// The article list, newest first, with the topic filter.
#[component]
pub fn ListPage(corpus: Arc<Corpus>) -> impl IntoView {
    let viewer = use_viewer();
    let title = corpus
        .index
        .title
        .clone()
        .unwrap_or_else(|| "Articles".to_string());
    viewer.set_title(&title);
    let filter = Memo::new(move |_| viewer.state.with(|s| s.filter.clone()));
    let result = {
        let corpus = corpus.clone();
        Memo::new(move |_| filter.with(|f| corpus.topics.select(f)))
    };
    // Grows with "Show more"; back to one page whenever the selection changes.
    let shown = RwSignal::new(PAGE_SIZE);
    Effect::new(move |_| {
        filter.track();
        shown.set(PAGE_SIZE);
    });
    let visible = {
        let corpus = corpus.clone();
        Memo::new(move |_| result.with(|r| corpus.topics.page(r, shown.get())))
    };
    let count = move || result.with(|r| r.count);
    let total = corpus.index.articles.len();
    let summary = move || {
        if filter.with(|f| f.is_empty()) {
            format!("{total} articles")
        } else {
            format!("Showing {} of {total} articles", count())
        }
    };
    let selected_labels = {
        let corpus = corpus.clone();
        move || {
            filter.with(|f| {
                f.selected
                    .iter()
                    .map(|id| {
                        corpus
                            .index
                            .topic(id)
                            .map_or(id.as_str(), |t| t.label.as_str())
                            .to_string()
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        }
    };
    let cards = {
        let corpus = corpus.clone();
        move || {
            visible
                .get()
                .into_iter()
                .map(|i| {
                    let summary = corpus.index.articles[i].clone();
                    view! {
                        <li>
                            <ArticleCard summary corpus=corpus.clone() />
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let remaining = move || count().saturating_sub(visible.with(Vec::len));
    let empty_state = move || {
        let labels = selected_labels();
        let all = filter.with(|f| f.mode == TopicMatch::All);
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
    };
    view! {
        <div class="lede-page lede-page--list">
            <h1 class="lede-page__title" id=viewer.id("heading") tabindex="-1">
                {title}
            </h1>
            <TopicFilterBar corpus=corpus.clone() result />
            <p class="lede-results" role="status">
                {summary}
            </p>
            <Show when=move || count() != 0 fallback=empty_state>
                <ol class="lede-list">{cards.clone()}</ol>
                <Show when=move || remaining() != 0>
                    <button
                        type="button"
                        class="lede-button lede-button--quiet lede-more"
                        on:click=move |_| shown.update(|n| *n += PAGE_SIZE)
                    >
                        {move || format!("Show {} more", remaining().min(PAGE_SIZE))}
                    </button>
                </Show>
            </Show>
        </div>
    }
}
