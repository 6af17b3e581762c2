use crate::app::computed::{computed_from, Computed};
use crate::app::corpus_data::use_corpus_data;
use crate::app::use_viewer;
use crate::app::views::{each, flag, optional, radio, text};
use crate::core::corpus::topics::{TopicFilter, TopicMatch};
use crate::core::text::ui_text::UiText;
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
    /// The current selection: the list's own memo, not a second one.
    filter: Computed<TopicFilter>,
    /// For each topic of the index, its count under the current selection (computed with the
    /// list, not twice); `None` while a large corpus's topic data is still loading.
    counts: Computed<Option<Vec<usize>>>,
) -> impl IntoView {
    let viewer = use_viewer();
    let corpus = use_corpus_data().corpus();
    let heading_id = viewer.id("topics-heading");
    let labelled_by = heading_id.clone();
    let mode_name = viewer.id("match");

    let topic_total = corpus.index.topics.len();
    let long = topic_total > SHORTLIST_LEN;
    // 1 while every topic shows: a `usize` signal, not a `bool` ("Writing views in Lede", 10).
    let expanded = RwSignal::new(0_usize);
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
        computed_from(move |previous: Option<&Option<Vec<usize>>>| {
            if !long || expanded.get() != 0 {
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

    // Views written as "Writing views in Lede" (`app/mod.rs`) says.
    let toggle = move |i: usize| {
        let topic = &corpus.index.topics[i];
        let id = topic.id.clone();
        let pressed = {
            let id = id.clone();
            flag(move || filter.with(|f| f.is_selected(&id)))
        };
        let count_id = viewer.id(&format!("topic-count-{i}"));
        let described_by = count_id.clone();
        let count = move || counts.with(|c| c.as_ref().map(|c| c.get(i).copied().unwrap_or(0)));
        view! {
            <li>
                // A topic a click would empty the list with is dimmed (its hidden count says
                // "0 articles"), and stays a button: a reader may still want the empty state.
                <button
                    type="button"
                    class=move || {
                        let empty = count() == Some(0) && !pressed.get();
                        if empty { "lede-topic lede-topic--empty" } else { "lede-topic" }.to_string()
                    }
                    aria-pressed=move || pressed.get().to_string()
                    aria-describedby=described_by
                    on:click=move |_| viewer.update_filter(|f| f.toggle(&id))
                >
                    <span class="lede-topic__label">{topic.label.clone()}</span>
                    <span class="lede-topic__count" aria-hidden="true">
                        {text(move || count().map_or_else(|| "…".to_string(), |n| n.to_string()))}
                    </span>
                    <span class="lede-visually-hidden" id=count_id aria-hidden="true">
                        {text(move || {
                            match count() {
                                None => viewer.word(UiText::Counting),
                                Some(n) => viewer.count(n, UiText::ArticleCountOne, UiText::ArticleCount),
                            }
                        })}
                    </span>
                </button>
            </li>
        }
    };
    let toggles = move || {
        shown
            .with(|positions| match positions {
                Some(positions) => each(positions.iter().copied(), &toggle),
                None => each(0..topic_total, &toggle),
            })
            .into_any()
    };
    let show_all = optional(long.then_some(()), |()| {
        view! {
            <button
                type="button"
                class="lede-button lede-button--quiet lede-filter__all"
                aria-controls=list_id.clone()
                on:click=move |_| expanded.update(|e| *e ^= 1)
            >
                {text(move || {
                    let (label, n) = if expanded.get() != 0 {
                        (UiText::ShowFewerTopics, SHORTLIST_LEN)
                    } else {
                        (UiText::ShowAllTopics, topic_total)
                    };
                    viewer.fill(label, &[("n", &n.to_string())])
                })}
            </button>
        }
    });
    let mode_radio = move |mode: TopicMatch, label: UiText| {
        radio(
            "lede-match__option",
            mode_name.clone(),
            mode.as_str().to_string(),
            viewer.word(label),
            Box::new(move || filter.with(|f| f.mode == mode)),
            Box::new(move || viewer.update_filter(|f| f.mode = mode)),
        )
    };

    // "Clear topics" is disabled through the `disabled` property (rule 8 of "Writing views").
    view! {
        <section class="lede-filter" aria-labelledby=labelled_by>
            <h2 class="lede-filter__heading" id=heading_id>
                {viewer.word(UiText::Topics)}
            </h2>
            <ul class="lede-filter__topics" id=list_id>{move || toggles()}</ul>
            {show_all}
            <div class="lede-filter__controls">
                <fieldset class="lede-match">
                    <legend>{viewer.word(UiText::ShowArticlesWith)}</legend>
                    {mode_radio(TopicMatch::Any, UiText::AnySelectedTopic)}
                    {mode_radio(TopicMatch::All, UiText::AllSelectedTopics)}
                </fieldset>
                <button
                    type="button"
                    class="lede-button lede-button--quiet"
                    prop:disabled=move || filter.with(|f| f.is_empty())
                    on:click=move |_| viewer.update_filter(|f| f.clear())
                >
                    {viewer.word(UiText::ClearTopics)}
                </button>
            </div>
        </section>
    }
}
