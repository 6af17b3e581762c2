use crate::app::components::article_list::{ArticleList, PAGE_SIZE};
use crate::app::components::error_panel::ErrorPanel;
use crate::app::components::loading::Loading;
use crate::app::components::topic_filter::TopicFilterBar;
use crate::app::corpus_data::use_corpus_data;
use crate::app::remote::Remote;
use crate::app::{effect, use_viewer};
use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::topics::TopicMatch;
use leptos::prelude::*;

/// What the current selection shows: how many articles match, the ordinals of the visible ones,
/// and the count beside each topic. `None` while a paged corpus's postings are still loading.
#[derive(Debug, Clone, PartialEq)]
struct Listing {
    count: usize,
    visible: Vec<usize>,
    counts: Vec<usize>,
}

/// What the list area shows.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Loading,
    Failed(LoadError),
    Empty,
    Results,
}

/// The article list, newest first, with the topic filter.
#[component]
pub fn ListPage() -> impl IntoView {
    let viewer = use_viewer();
    let data = use_corpus_data();
    let corpus = data.corpus();
    let title = corpus
        .index
        .title
        .clone()
        .unwrap_or_else(|| "Articles".to_string());
    viewer.set_title(&title);
    let total = corpus.len();
    let totals = corpus.topic_totals();
    let filter = Memo::new(move |_| viewer.state.with(|s| s.filter.clone()));

    // Grows with "Show more"; back to one page whenever the selection changes.
    let shown = RwSignal::new(PAGE_SIZE);
    effect(move || {
        filter.track();
        shown.set(PAGE_SIZE);
    });
    // A paged corpus fetches its postings when the reader first filters.
    effect(move || {
        if !filter.with(|f| f.is_empty()) {
            data.request_topics();
        }
    });

    let listing = Memo::new(move |_| {
        let limit = shown.get();
        let everything = filter.with(|f| f.is_empty());
        match data.topic_index() {
            Some(Remote::Ready(topics)) => {
                let result = filter.with(|f| topics.select(f));
                Some(Listing {
                    count: result.count,
                    visible: topics.page(&result, limit),
                    counts: topics.counts(&result),
                })
            }
            // Before the postings arrive, "everything" is simply the first ordinals.
            _ if everything => Some(Listing {
                count: total,
                visible: (0..total.min(limit)).collect(),
                counts: totals.clone(),
            }),
            _ => None,
        }
    });
    let visible = Memo::new(move |_| {
        listing.with(|l| l.as_ref().map(|l| l.visible.clone()).unwrap_or_default())
    });
    let counts = Memo::new(move |_| listing.with(|l| l.as_ref().map(|l| l.counts.clone())));
    let count = move || listing.with(|l| l.as_ref().map_or(0, |l| l.count));

    let summary = move || {
        if filter.with(|f| f.is_empty()) {
            format!("{total} articles")
        } else if listing.with(Option::is_none) {
            "Filtering…".to_string()
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
    let remaining =
        move || count().saturating_sub(listing.with(|l| l.as_ref().map_or(0, |l| l.visible.len())));
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
    // Only a change of phase rebuilds the list's frame; new results only rebuild the cards.
    let phase = Memo::new(
        move |_| match (listing.with(Option::is_some), data.topic_index()) {
            (false, Some(Remote::Failed(error))) => Phase::Failed(error),
            (false, _) => Phase::Loading,
            (true, _) if count() == 0 => Phase::Empty,
            (true, _) => Phase::Results,
        },
    );
    let body = move || match phase.get() {
        Phase::Failed(error) => {
            let retry = Callback::new(move |()| data.retry_topics());
            view! { <ErrorPanel error retry /> }.into_any()
        }
        Phase::Loading => view! { <Loading label="Loading the topics" /> }.into_any(),
        Phase::Empty => empty_state().into_any(),
        Phase::Results => view! {
            <ArticleList
                visible
                remaining=Signal::derive(remaining)
                on_more=Callback::new(move |()| shown.update(|n| *n += PAGE_SIZE))
            />
        }
        .into_any(),
    };
    // `{move || body()}` rather than `{body}`: Leptos (with `erase_components`) erases a closure
    // written in the view to one type per output, which other views share, but renders a closure
    // variable as its own type (with the same change in ArticleList, 5.2 kB less wasm). And every
    // reactive child of the viewer returns an `AnyView`, text too (`summary().into_any()`), so
    // that only that one output type's reactive code is linked (2.4 kB less for the text).
    view! {
        <div class="lede-page lede-page--list">
            <h1 class="lede-page__title" id=viewer.id("heading") tabindex="-1">
                {title}
            </h1>
            <TopicFilterBar counts />
            <p class="lede-results" role="status">
                {move || summary().into_any()}
            </p>
            {move || body()}
        </div>
    }
}
