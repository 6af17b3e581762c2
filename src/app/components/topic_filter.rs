use crate::app::corpus_data::use_corpus_data;
use crate::app::use_viewer;
use crate::core::corpus::topics::TopicMatch;
use crate::core::view::topic_shortlist::{most_used, shortlist, SHORTLIST_LEN};
use leptos::prelude::*;

/// The topic toggles with their counts, the any/all choice and "clear".
///
/// Each toggle is a button named by its topic label, with `aria-pressed`; its count (articles of
/// the current result that carry the topic) is a description, so it is announced after the name.
///
/// An index with more than [`SHORTLIST_LEN`] topics shows a shortlist (the most used, and the
/// selected ones: see [`most_used`] and [`shortlist`]) and a button that shows them all: rendering a toggle for
/// each of 100,000 topics kept the first view away for 17.8 s.
#[component]
pub fn TopicFilterBar(
    /// For each topic of the index, its count under the current selection (computed with the
    /// list, not twice); `None` while a large corpus's topic data is still loading.
    counts: Memo<Option<Vec<usize>>>,
) -> impl IntoView {
    let viewer = use_viewer();
    let corpus = use_corpus_data().corpus();
    let filter = Memo::new(move |_| viewer.state.with(|s| s.filter.clone()));
    let heading_id = viewer.id("topics-heading");
    let labelled_by = heading_id.clone();
    let mode_name = viewer.id("match");

    let topic_total = corpus.index.topics.len();
    let long = topic_total > SHORTLIST_LEN;
    let expanded = RwSignal::new(false);
    // The positions of the toggles on screen; `None`: every topic. A memo, so that a click that
    // leaves the set as it was (the usual case) does not rebuild the toggles, and focus stays on
    // the one clicked. While collapsed the set only grows (`previous`): a topic deselected from
    // the shortlist keeps its toggle, and the keyboard focus with it, until the reader collapses
    // the list again.
    let shown = {
        let corpus = corpus.clone();
        let most_used = if long {
            most_used(&corpus.topic_totals(), SHORTLIST_LEN)
        } else {
            Vec::new()
        };
        Memo::new(move |previous: Option<&Option<Vec<usize>>>| {
            if !long || expanded.get() {
                return None;
            }
            let topics = &corpus.index.topics;
            let mut keep: Vec<usize> = filter.with(|f| {
                f.selected
                    .iter()
                    .filter_map(|id| topics.iter().position(|t| t.id == *id))
                    .collect()
            });
            if let Some(Some(previous)) = previous {
                keep.extend_from_slice(previous);
            }
            Some(shortlist(&most_used, &keep, topics.len()))
        })
    };
    let list_id = viewer.id("topic-list");

    // The counts' texts are erased (`into_any`) like every reactive child: see ListPage.
    let toggle = move |i: usize| {
        let topic = &corpus.index.topics[i];
        let id = topic.id.clone();
        let pressed = {
            let id = id.clone();
            Memo::new(move |_| filter.with(|f| f.is_selected(&id)))
        };
        let count_id = viewer.id(&format!("topic-count-{i}"));
        let described_by = count_id.clone();
        let count = move || counts.with(|c| c.as_ref().map(|c| c.get(i).copied().unwrap_or(0)));
        view! {
            <li>
                <button
                    type="button"
                    class="lede-topic"
                    aria-pressed=move || pressed.get().to_string() // "true" or "false", a `String` like `dir`'s
                    aria-describedby=described_by
                    on:click=move |_| viewer.update_filter(|f| f.toggle(&id))
                >
                    <span class="lede-topic__label">{topic.label.clone()}</span>
                    <span class="lede-topic__count" aria-hidden="true">
                        {move || count().map_or_else(|| "…".to_string(), |n| n.to_string()).into_any()}
                    </span>
                    <span class="lede-visually-hidden" id=count_id aria-hidden="true">
                        {move || {
                            let text = match count() {
                                None => "counting".to_string(),
                                Some(1) => "1 article".to_string(),
                                Some(n) => format!("{n} articles"),
                            };
                            text.into_any()
                        }}
                    </span>
                </button>
            </li>
        }
        // Erased, like the article list's items: every list of views in the viewer is then a
        // `Vec<AnyView>`, with one copy of the list code (2.6 kB of wasm for these two).
        .into_any()
    };
    let toggles = move || {
        shown
            .with(|positions| match positions {
                Some(positions) => positions.iter().map(|&i| toggle(i)).collect_view(),
                None => (0..topic_total).map(&toggle).collect_view(),
            })
            .into_any()
    };
    let show_all = long.then(|| {
        view! {
            <button
                type="button"
                class="lede-button lede-button--quiet lede-filter__all"
                aria-controls=list_id.clone()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || {
                    if expanded.get() {
                        format!("Show only the {SHORTLIST_LEN} most used topics")
                    } else {
                        format!("Show all {topic_total} topics")
                    }
                    .into_any()
                }}
            </button>
        }
        .into_any()
    });

    let mode_radio = move |mode: TopicMatch, label: &'static str| {
        view! {
            <label class="lede-match__option">
                <input
                    type="radio"
                    name=mode_name.clone()
                    value=mode.as_str()
                    prop:checked=move || filter.with(|f| f.mode == mode)
                    on:change=move |_| viewer.update_filter(|f| f.mode = mode)
                />
                {label}
            </label>
        }
    };

    // "Clear topics" is disabled through the `disabled` property, which reflects to the attribute:
    // the same DOM as `disabled=…`, but with the code `prop:checked` already needs instead of a
    // reactive boolean attribute's own (2.1 kB of wasm).
    view! {
        <section class="lede-filter" aria-labelledby=labelled_by>
            <h2 class="lede-filter__heading" id=heading_id>
                "Topics"
            </h2>
            <ul class="lede-filter__topics" id=list_id>{move || toggles()}</ul>
            {show_all}
            <div class="lede-filter__controls">
                <fieldset class="lede-match">
                    <legend>"Show articles with"</legend>
                    {mode_radio(TopicMatch::Any, "any selected topic")}
                    {mode_radio(TopicMatch::All, "all selected topics")}
                </fieldset>
                <button
                    type="button"
                    class="lede-button lede-button--quiet"
                    prop:disabled=move || filter.with(|f| f.is_empty())
                    on:click=move |_| viewer.update_filter(|f| f.clear())
                >
                    "Clear topics"
                </button>
            </div>
        </section>
    }
}
