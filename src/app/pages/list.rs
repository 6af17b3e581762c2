use crate::app::components::article_list::{ArticleList, PAGE_SIZE};
use crate::app::components::error_panel::ErrorPanel;
use crate::app::components::loading::Loading;
use crate::app::components::topic_filter::TopicFilterBar;
use crate::app::corpus_data::use_corpus_data;
use crate::app::effect::effect;
use crate::app::use_viewer;
use crate::app::views::text;
use crate::app::work::ListWork;
use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::part::Part;
use crate::core::corpus::parts::CorpusParts;
use crate::core::corpus::topics::{TopicFilter, TopicMatch};
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
    // The one filter memo of the page: the topic bar reads this one too.
    let filter = Memo::new(move |_| viewer.state.with(|s| s.filter.clone()));

    // Grows with "Show more". Kept with the filter it was grown for, so that a new selection
    // starts again from one page without an effect resetting it (which made every topic click
    // select and build the cards twice). Back on that same filter (a topic toggled on and off
    // again) the list is as long as the reader left it.
    let shown = RwSignal::new((filter.get_untracked(), PAGE_SIZE));
    let limit = move || {
        shown.with(|(grown_for, n)| filter.with(|f| if f == grown_for { *n } else { PAGE_SIZE }))
    };
    let show_more = move || {
        let more = limit() + PAGE_SIZE;
        shown.set((filter.get_untracked(), more));
    };
    // A paged corpus fetches its postings when the reader first filters.
    effect(move || {
        if !filter.with(TopicFilter::is_empty) {
            data.request(CorpusParts::want_topics);
        }
    });

    let work = use_context::<ListWork>();
    // Reads every part's state: in a paged corpus a listing page that arrives recomputes this
    // too (a few thousand 64-bit ANDs and popcounts at 100,000 articles; the result is equal,
    // so nothing that reads it runs again). A memo of the topics' state alone would avoid it,
    // for 0.6 kB gzipped.
    let listing = Memo::new(move |_| {
        ListWork::count_selection(&work);
        let limit = limit();
        let everything = filter.with(|f| f.is_empty());
        match data.read(CorpusParts::topic_index) {
            Part::Ready(topics) => {
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
    let phase = Memo::new(move |_| {
        match (
            listing.with(Option::is_some),
            data.read(CorpusParts::topic_index),
        ) {
            (false, Part::Failed(error)) => Phase::Failed(error),
            (false, _) => Phase::Loading,
            (true, _) if count() == 0 => Phase::Empty,
            (true, _) => Phase::Results,
        }
    });
    let body = move || match phase.get() {
        Phase::Failed(error) => {
            let retry = Callback::new(move |()| data.request(CorpusParts::retry_topics));
            view! { <ErrorPanel error retry /> }.into_any()
        }
        Phase::Loading => view! { <Loading label="Loading the topics" /> }.into_any(),
        Phase::Empty => empty_state().into_any(),
        Phase::Results => view! {
            <ArticleList
                visible
                remaining=Signal::derive(remaining)
                on_more=Callback::new(move |()| show_more())
            />
        }
        .into_any(),
    };
    // Reactive children as "Writing views in Lede" (`app/mod.rs`) says.
    view! {
        <div class="lede-page lede-page--list">
            <h1 class="lede-page__title" id=viewer.id("heading") tabindex="-1">
                {title}
            </h1>
            <TopicFilterBar filter counts />
            <p class="lede-results" role="status">
                {text(summary)}
            </p>
            {move || body()}
        </div>
    }
}
