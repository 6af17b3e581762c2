use crate::app::components::article_list::{ArticleList, PAGE_SIZE, SEARCH_PAGE_SIZE};
use crate::app::components::error_panel::ErrorPanel;
use crate::app::components::loading::Loading;
use crate::app::components::search_box::SearchBox;
use crate::app::components::search_context::SearchHooks;
use crate::app::components::topic_filter::TopicFilterBar;
use crate::app::computed::{computed, computed_from};
use crate::app::corpus_data::use_corpus_data;
use crate::app::effect::effect;
use crate::app::kept_list::Shelf;
use crate::app::split_pages::chunk_not_loaded;
use crate::app::use_viewer;
use crate::app::views::{each, flag, optional, text, Handler};
use crate::app::work::ListWork;
use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::part::Part;
use crate::core::corpus::parts::CorpusParts;
use crate::core::corpus::topics::{TopicFilter, TopicMatch};
use crate::core::text::ui_text::UiText;
use crate::core::view::presentation::{Heading, ListLayout};
use crate::core::view::state::View;
use crate::core::view::topic_shortlist::most_used;
use crate::web::history;
use crate::web::idle::when_idle;
use leptos::prelude::*;
use std::sync::Arc;

/// The mark after a selected topic's label on its chip. A constant, not a literal in the view:
/// an element whose content is all literal is an inert element, created from HTML by code of
/// its own that nothing else in the viewer needs (0.4 kB gzip).
const REMOVE_MARK: &str = " ✕";

/// How many listing pages of "Show more"'s next cards a selection fetches ahead, at most.
const PAGES_AHEAD: usize = 6;

/// What the current selection shows: how many articles match, the ordinals of the visible ones,
/// and the count beside each topic. `None` while a paged corpus's postings are still loading.
#[derive(Debug, Clone, PartialEq)]
struct Listing {
    count: usize,
    visible: Vec<usize>,
    counts: Vec<usize>,
    /// The visible ordinals and those "Show more" would add (empty when it would add none, or
    /// for a search): what is fetched ahead of the click.
    ahead: Vec<usize>,
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
        .unwrap_or_else(|| viewer.word(UiText::DefaultTitle));
    // The document's title, again each time the page is shown: it is kept while another page
    // is (`kept_page`), not built anew.
    let shown = flag(move || viewer.state.with(|s| matches!(s.view, View::List)));
    let page_title = title.clone();
    effect(move || {
        if shown.get() {
            viewer.set_title(&page_title);
        }
    });
    let total = corpus.len();
    let totals = corpus.topic_totals();
    let top_topic = most_used(&totals, 1)
        .first()
        .map(|&i| corpus.index.topics[i].id.clone());
    // The one filter memo of the page: the topic bar reads this one too. The state's filter
    // while the list is shown; while another page is, the one it showed: the page is kept out
    // of sight then (`kept_page`), and an article's state carries a filter of its own, which the
    // list must not redraw itself (and its search refetch) for.
    let filter = computed_from(move |before: Option<&TopicFilter>| {
        viewer.state.with(|s| match (&s.view, before) {
            (View::List, _) | (_, None) => s.filter.clone(),
            (_, Some(before)) => before.clone(),
        })
    });
    // A search (`?q=`), when the corpus has a search index and the list a box
    // (`components/search_box.rs`): its results, status line and empty state come from the
    // search's own code once it runs (`hooks`), which is not in the first view.
    let hooks = SearchHooks::default();
    let indexed = corpus.index.search.is_some();
    let search_shown = move || indexed && viewer.presentation(|p| p.search);
    let searching = move || search_shown() && filter.with(|f| !f.search().is_empty());
    // A page: of the list, or of a search's results, which are ranked and show fewer.
    let page_size = move || {
        if searching() {
            SEARCH_PAGE_SIZE
        } else {
            PAGE_SIZE
        }
    };
    // Grows with "Show more". Kept with the filter it was grown for, so that a new selection
    // starts again from one page without an effect resetting it (which made every topic click
    // select and build the cards twice). Back on that same filter (a topic toggled on and off
    // again) the list is as long as the reader left it.
    //
    // An embed's `limit` is the first page's length; with a `more-href` it is the whole list,
    // which then ends in a "More" link instead of "Show more".
    let first_page = move || viewer.presentation(|p| p.limit).unwrap_or_else(page_size);
    let has_more_href = move || viewer.presentation(|p| p.more_href.is_some());
    // What "Show more" added, on top of the first page, for the filter it was grown for.
    // Back to a list the reader had grown: as long as they left it (`history` remembers).
    let grown = RwSignal::new((filter.get_untracked(), recalled_depth()));
    // Shown again (the page is kept while another is shown: `kept_page`), it is as long as the
    // place remembered for its address says, as when it was built: Back (or "All articles") to
    // a list the reader grew finds its cards; an address with no place shows one page, not
    // every card the kept page grew for another. (An effect that sets a signal, which effects
    // otherwise never do: the depth comes from the history, outside the signals.)
    effect(move || {
        if shown.get() {
            let now = (filter.get_untracked(), recalled_depth());
            if grown.with_untracked(|g| *g != now) {
                grown.set(now);
            }
        }
    });
    let limit = move || {
        let first = first_page();
        if has_more_href() {
            return first;
        }
        first
            + grown
                .with(|(grown_for, extra)| filter.with(|f| if f == grown_for { *extra } else { 0 }))
    };
    let show_more = move || {
        let extra = limit() - untrack(first_page) + untrack(page_size);
        grown.set((filter.get_untracked(), extra));
        history::note_depth(extra);
    };
    // A paged corpus fetches its postings when the reader first filters or searches, or
    // before that, once the list is on screen and the browser idle: a first topic click then
    // costs what a later one does (30 kB at 10,000 articles, 0.3 MB at 100,000; never during
    // the first view). Ahead of need only where the reader can filter or search here (an
    // embed showing a few headlines does not download them on every page of its host). A
    // filter or a search fetches them again if they failed before, whether ahead of need or
    // on an earlier click: the reader sees an error only for a fetch their own click made
    // (the effect below, with the search box).
    when_idle(Box::new(move || {
        // The viewer may be gone by then, its data with it (`read_untracked` says; the data
        // goes before the viewer's own signals).
        if data.read_untracked(|_| ()).is_none() {
            return;
        }
        let filterable = viewer.presentation_untracked(|p| p.topic_controls)
            || (indexed && viewer.presentation_untracked(|p| p.search));
        if filterable {
            data.request(CorpusParts::want_topics);
        }
    }));

    // Reads every part's state: in a paged corpus a listing page that arrives recomputes this
    // too (a few thousand 64-bit ANDs and popcounts at 100,000 articles; the result is equal,
    // so nothing that reads it runs again). A memo of the topics' state alone would avoid it
    // (0.6 kB gzipped when memos of each type cost their own code; less now, see `computed`).
    let listed = hooks.clone();
    let listing = computed(move || {
        ListWork::count_selection();
        let limit = limit();
        if searching() {
            let (count, visible, counts) = listed.listing(data, limit)?;
            return Some(Listing {
                count,
                visible,
                counts,
                ahead: Vec::new(),
            });
        }
        // "Show more"'s next page too, when there is one to show.
        let next = limit + untrack(page_size);
        let everything = filter.with(|f| f.is_empty());
        match data.read(CorpusParts::topic_index) {
            Part::Ready(topics) => {
                let result = filter.with(|f| topics.select(f));
                let more = result.count > limit && !has_more_href();
                let mut ahead = topics.page(&result, if more { next } else { limit });
                let visible = ahead[..limit.min(ahead.len())].to_vec();
                if !more {
                    ahead.clear();
                }
                Some(Listing {
                    count: result.count,
                    visible,
                    counts: filter.with(|f| topics.counts(f, &result)),
                    ahead,
                })
            }
            // Before the postings arrive, "everything" is simply the first ordinals.
            _ if everything => Some(Listing {
                count: total,
                visible: (0..total.min(limit)).collect(),
                counts: totals.clone(),
                ahead: if total > limit && !has_more_href() {
                    (0..total.min(next)).collect()
                } else {
                    Vec::new()
                },
            }),
            _ => None,
        }
    });
    let visible = computed(move || {
        listing.with(|l| l.as_ref().map(|l| l.visible.clone()).unwrap_or_default())
    });
    let counts = computed(move || listing.with(|l| l.as_ref().map(|l| l.counts.clone())));
    // The cards of the click a reader most likely makes first, on the list of every article:
    // the largest topic's first page. Built when the browser is idle (`Shelf::ahead`), from the
    // summaries already here (nothing is fetched for them), so that the first topic click only
    // places its cards, as a later one does: at 10,000 articles it built some 15 cards, about
    // 50 ms of script at 4x CPU. One topic, one first page: a guess costs that page's cards'
    // DOM and the idle time to build them, and which topic a reader takes after their first
    // is anyone's guess. Like `listing`, it reads every part's state: while the list shows
    // every article, each listing page that arrives selects the largest topic again (one
    // topic's bits, and its first page; the result is equal, so nothing runs again).
    let likely = move || {
        let top = top_topic.as_ref()?;
        if searching() || filter.with(|f| !f.is_empty()) {
            return None;
        }
        if !viewer.presentation(|p| p.topic_controls) {
            return None;
        }
        let Part::Ready(topics) = data.read(CorpusParts::topic_index) else {
            return None;
        };
        let result = topics.select(&TopicFilter::one(top.clone()));
        let page = topics.page(&result, first_page());
        let here = |p: &CorpusParts, o: &usize| matches!(p.summary(*o), Part::Ready(_));
        Some(data.read(|p| page.into_iter().filter(|o| here(p, o)).collect()))
    };
    let likely = computed(move || likely().unwrap_or_default());
    // The page's shelf of cards: they outlive the list drawn for one phase (results, loading,
    // empty), so that results shown again find their cards built, and hold those built ahead.
    // (`SendWrapper`: the views' closures want `Send`; a page has one thread.)
    let cards = send_wrapper::SendWrapper::new(Shelf::new().ahead(likely));
    // In a paged corpus, the summaries of "Show more"'s next page are on listing pages not
    // fetched yet (three at 10 a page for the whole list, up to one per card for a topic's),
    // which the click waited for: 70 ms of a 4x-throttled click at 10,000 articles, its cards
    // drawn twice (placeholders, then cards). Fetched when the browser is idle after the list
    // is drawn, with the visible ones (so that the page cache keeps theirs), only while "Show
    // more" is there, and at most `PAGES_AHEAD` listing pages a selection (about 10 kB brotli
    // at 10 summaries a page): a sparse topic's next cards, one a page, are not all fetched
    // for a click the reader may never make.
    effect(move || {
        let Some((visible, mut ahead)) =
            listing.with(|l| l.as_ref().map(|l| (l.visible.len(), l.ahead.clone())))
        else {
            return;
        };
        let corpus = data.corpus();
        let Some(catalog) = corpus.catalog() else {
            return;
        };
        let mut pages = Vec::new();
        let within = ahead.iter().skip(visible).position(|&ordinal| {
            let page = catalog.locate(ordinal).0;
            if !pages.contains(&page) {
                pages.push(page);
            }
            pages.len() > PAGES_AHEAD
        });
        if let Some(n) = within {
            ahead.truncate(visible + n);
        }
        if ahead.len() > visible {
            when_idle(Box::new(move || {
                // The viewer may be gone by then (`read_untracked` says).
                if data.read_untracked(|_| ()).is_some() {
                    data.request(|parts| parts.want_summaries(&ahead));
                }
            }));
        }
    });
    let count = move || listing.with(|l| l.as_ref().map_or(0, |l| l.count));
    // The page's element: its search finds the box, the entity line and the cards in it.
    let page = NodeRef::new();
    let search = SearchBox::new(viewer, data, filter, visible, hooks.clone(), page);
    // The box goes into its place once Leptos has put that in the page (again when the
    // attributes draw it anew), and a search loads the search's code at once (a link with
    // `?q=`, Back to one), not only on the box's first focus.
    let load = search.clone();
    effect(move || {
        viewer.presentation(|p| p.topic_controls);
        let searching = searching();
        if search_shown() {
            load.fill();
        }
        if searching {
            load.load();
        }
        if searching || !filter.with(TopicFilter::is_empty) {
            data.request(|parts| match parts.retry_topics() {
                again if again.is_empty() => parts.want_topics(),
                again => again,
            });
        }
    });

    let (status, unavailable) = (hooks.clone(), search.clone());
    let summary = move || {
        if searching() {
            status
                .status(listing.with(|l| l.as_ref().map(|l| l.count)))
                .unwrap_or_else(|| viewer.word(UiText::Filtering))
        } else if unavailable.failed() {
            viewer.word(UiText::SearchFailed)
        } else if filter.with(|f| f.is_empty()) {
            viewer.count(total, UiText::ArticleCountOne, UiText::ArticleCount)
        } else if listing.with(Option::is_none) {
            viewer.word(UiText::Filtering)
        } else {
            let (n, total) = (count().to_string(), total.to_string());
            viewer.fill(UiText::Showing, &[("n", &n), ("total", &total)])
        }
    };
    let selected_labels = {
        let corpus = corpus.clone();
        move || {
            filter.with(|f| {
                f.selected
                    .iter()
                    .map(|id| corpus.index.topic_label(id))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        }
    };
    // The selected topics above the results, at every width (on a phone the toggles scroll
    // out of sight), each a button that removes it; focus then goes to the results' heading,
    // since the button it was on is gone.
    let active = {
        let corpus = corpus.clone();
        move || {
            let selected = filter.with(|f| f.selected.clone());
            let chips = each(selected, |id| {
                let label = corpus.index.topic_label(&id).to_string();
                let name = viewer.fill(UiText::RemoveTopic, &[("label", &label)]);
                let remove = move |_| {
                    viewer.update_filter(|f| f.toggle(&id));
                    viewer.focus_named("results");
                };
                view! {
                    <li>
                        <button type="button" class="lede-active__chip" aria-label=name on:click=remove>
                            {label}
                            <span aria-hidden="true">{REMOVE_MARK}</span>
                        </button>
                    </li>
                }
            });
            optional((!chips.is_empty()).then_some(chips), |chips| {
                view! { <ul class="lede-active" aria-label=viewer.word(UiText::SelectedTopics)>{chips}</ul> }
            })
            .into_any()
        }
    };
    // With a `more-href`, the rest of the list is behind the "More" link, not "Show more".
    let remaining = move || {
        if has_more_href() {
            return 0;
        }
        count().saturating_sub(listing.with(|l| l.as_ref().map_or(0, |l| l.visible.len())))
    };
    let more_link = move || {
        let cut = count() > listing.with(|l| l.as_ref().map_or(0, |l| l.visible.len()));
        viewer
            .presentation(|p| p.more_href.clone())
            .filter(|_| cut)
            .map(|href| {
                let label = viewer.word(UiText::MoreArticles);
                // `_top`: in the iframe mode the full list opens as the page, not inside the frame.
                view! { <a class="lede-more lede-more--link" href=href target="_top">{label}</a> }
                    .into_any()
            })
    };
    let empty_state = move || {
        let labels = selected_labels();
        let all = filter.with(|f| f.mode == TopicMatch::All);
        let (none, hint) = if all {
            (UiText::NoneWithAll, UiText::HintAll)
        } else {
            (UiText::NoneWith, UiText::HintAny)
        };
        view! {
            <div class="lede-empty">
                <p>{viewer.fill(none, &[("labels", &labels)])}</p>
                <p>{viewer.word(hint)}</p>
                <button
                    type="button"
                    class="lede-button"
                    on:click=move |_| viewer.update_filter(|f| f.clear())
                >
                    {viewer.word(UiText::ClearTopics)}
                </button>
            </div>
        }
    };
    // Only a change of phase rebuilds the list's frame; new results only rebuild the cards.
    let (failing, retrying) = (search.clone(), search.clone());
    let phase = computed(move || {
        // The search's code did not load for a search (on a first focus without one, the
        // status line says so: `summary`). The search's own errors, of the worker or the
        // index, are its empty state (`components/search.rs`).
        if searching() && failing.failed() {
            return Phase::Failed(chunk_not_loaded());
        }
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
            let search = retrying.clone();
            let retry: Handler = Arc::new(move || {
                data.request(CorpusParts::retry_topics);
                search.retry();
            });
            view! { <ErrorPanel error retry /> }.into_any()
        }
        Phase::Loading => view! { <Loading label=viewer.word(UiText::LoadingTopics) /> }.into_any(),
        Phase::Empty => (searching().then(|| hooks.empty()).flatten())
            .unwrap_or_else(|| empty_state().into_any()),
        Phase::Results => view! {
            <ArticleList
                shelf=(*cards).clone()
                visible
                remaining=Arc::new(remaining)
                on_more=Arc::new(show_more)
            />
            {move || more_link().into_any()}
        }
        .into_any(),
    };
    // The heading's level and text, and whether the topic filter shows, follow the embed's
    // attributes live. Plain closures, not memos: the attributes change rarely.
    let heading = move || {
        // Its own id, not the other pages' `heading`: this page stays in the document while they
        // show (`kept_page`), and `aria-labelledby` would find it first.
        let id = viewer.id("list-heading");
        match viewer.presentation(|p| p.heading.clone()) {
            Heading::Hidden => None,
            Heading::Shown { level, text } => {
                let text = text.unwrap_or_else(|| title.clone());
                Some(match level {
                    1 => view! { <h1 class="lede-page__title" id=id tabindex="-1">{text}</h1> }
                        .into_any(),
                    2 => view! { <h2 class="lede-page__title" id=id tabindex="-1">{text}</h2> }
                        .into_any(),
                    _ => view! { <h3 class="lede-page__title" id=id tabindex="-1">{text}</h3> }
                        .into_any(),
                })
            }
        }
    };
    // The skip link goes with the toggles it skips (and the search box between them: the
    // skip link stays the first stop of the keyboard).
    let boxed = search.clone();
    let topic_bar = move || {
        viewer.presentation(|p| p.topic_controls).then(|| {
            view! {
                <a
                    class="lede-skip"
                    href=format!("#{}", viewer.id("results"))
                    on:click=move |event: web_sys::MouseEvent| {
                        event.prevent_default();
                        viewer.focus_named("results");
                    }
                >
                    {viewer.word(UiText::SkipToArticles)}
                </a>
                {search_shown().then(|| boxed.view())}
                <TopicFilterBar filter counts />
            }
            .into_any()
        })
    };
    let page_class = move || {
        match viewer.presentation(|p| p.layout) {
            ListLayout::Cards => "lede-page lede-page--list",
            ListLayout::Compact => "lede-page lede-page--list lede-page--compact",
        }
        .to_string()
    };
    // Reactive children as "Writing views in Lede" (`app/mod.rs`) says.
    // The results are a region with a heading of their own (under the topics' heading, above
    // the cards' h3s), and a skip link past the topic toggles leads there: on a phone the
    // toggles fill the first screen, and a keyboard would Tab through every one of them. The
    // link moves focus itself: a `#` fragment would be a navigation in the host's URL.
    let results = viewer.id("results");
    let labelled_by = results.clone();
    view! {
        <div class=page_class node_ref=page>
            {move || heading().into_any()}
            {move || topic_bar().into_any()}
            {move || {
                let alone = search_shown() && !viewer.presentation(|p| p.topic_controls);
                alone.then(|| search.view()).into_any()
            }}
            <section class="lede-results-region" aria-labelledby=labelled_by>
                <h2 class="lede-visually-hidden" id=results tabindex="-1">
                    {viewer.word(UiText::Results)}
                </h2>
                {move || active()}
                <p class="lede-results" role="status">
                    {text(summary)}
                </p>
                {move || body()}
            </section>
        </div>
    }
}

/// How far "Show more" had grown the list at the address shown now (0 for an address with no
/// remembered place), noted as the depth of the list on screen.
fn recalled_depth() -> usize {
    let extra = history::recalled_place().map_or(0, |(_, extra)| extra);
    history::note_depth(extra);
    extra
}
