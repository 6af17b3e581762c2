use crate::app::components::article_card::{ArticleCard, PendingCard};
use crate::app::components::error_panel::ErrorPanel;
use crate::app::computed::{computed, Computed};
use crate::app::corpus_data::use_corpus_data;
use crate::app::effect::effect;
use crate::app::kept_list::{kept_list, Shelf};
use crate::app::use_viewer;
use crate::app::views::{flag, text, Handler};
use crate::app::work::ListWork;
use crate::core::corpus::part::Part;
use crate::core::text::ui_text::UiText;
use leptos::prelude::*;
use std::sync::Arc;

/// How many articles a list shows at first, and adds per "Show more": a click never builds more
/// than this many cards, however large the corpus.
pub const PAGE_SIZE: usize = 30;

/// The same for a search's results (`?q=`), which are ranked: the best ten are what a reader
/// reads (as on the search pages they know), and each costs a listing page and, for its
/// snippet, an article file (`components/search.rs`, `SNIPPETS`): 30 results fetched three
/// times what 10 do, most of it never read.
pub const SEARCH_PAGE_SIZE: usize = 10;

/// What [`ArticleList`] shows under a card, given the article's id.
pub type Note = Arc<dyn Fn(String) -> AnyView + Send + Sync>;

/// A list of article cards for the given ordinals, fetching their summaries if the corpus is
/// paged, with a "Show more" button while `remaining` is not zero.
#[component]
pub fn ArticleList(
    /// The ordinals of the articles to show, newest first.
    visible: Computed<Vec<usize>>,
    /// How many more articles the list could show: read where the list draws it, which then
    /// follows the signals it reads. (A closure, not a `Signal`: rule 10 of "Writing views in
    /// Lede", `app/mod.rs`.)
    remaining: Arc<dyn Fn() -> usize + Send + Sync>,
    /// Shows the next page of articles ([`PAGE_SIZE`], or [`SEARCH_PAGE_SIZE`] for a search).
    on_more: Handler,
    /// Something to show under a card once its summary is here, given the article's id (the
    /// entity page's sentence of the mention). A shared closure, not a
    /// `Callback` of a second type.
    #[prop(optional)]
    note: Option<Note>,
    /// Where the cards are kept between updates: the list's own, or one that outlives it (the
    /// list page's, across the phases that draw the list anew).
    #[prop(optional)]
    shelf: Option<Shelf>,
) -> impl IntoView {
    let data = use_corpus_data();
    let viewer = use_viewer();
    // Fetching is the outside world: an effect (the summaries of the ordinals on screen).
    effect(move || visible.with(|v| data.request(|parts| parts.want_summaries(v))));
    // What `<Show when>` does, written out (see "Writing views in Lede", `app/mod.rs`): the
    // button is rebuilt only when it appears or goes, not each time the count changes.
    let more = {
        let remaining = remaining.clone();
        flag(move || remaining() != 0)
    };
    // Each card is built once and kept across topic clicks (`kept_list`). It follows one
    // memo: whether its summary is here yet (a paged corpus's listing page may still be on its
    // way), not every change of the corpus's parts, which would rebuild every kept card.
    let build = move |ordinal: usize| {
        ListWork::count_card();
        let note = note.clone();
        let arrived = computed(move || data.read(|parts| parts.summary(ordinal).map(|_| ())));
        let card = move || match arrived.get() {
            Part::Ready(()) => {
                let Part::Ready(summary) = untrack(|| data.read(|parts| parts.summary(ordinal)))
                else {
                    return view! { <PendingCard /> }.into_any();
                };
                let note = note.as_ref().map(|note| note(summary.id.to_string()));
                view! { <ArticleCard summary />{note} }.into_any()
            }
            Part::Failed(error) => {
                // The list's articles, or this one's if the card outlived its list (`Shelf`).
                let retry: Handler = Arc::new(move || {
                    let ordinals = visible
                        .try_with_untracked(Vec::clone)
                        .unwrap_or_else(|| vec![ordinal]);
                    data.request(|parts| parts.retry_summaries(&ordinals))
                });
                view! { <ErrorPanel error retry /> }.into_any()
            }
            Part::NotRequested | Part::Loading(_) => view! { <PendingCard /> }.into_any(),
        };
        view! { <li>{move || card()}</li> }.into_any()
    };
    let list = NodeRef::new();
    kept_list(list, visible, build, shelf.unwrap_or_default());
    view! {
        <ol class="lede-list" node_ref=list on:pointerdown=move |e| viewer.link_pressed(&e)></ol>
        {move || {
            more.get().then(|| {
                let on_more = on_more.clone();
                view! {
                    <button
                        type="button"
                        class="lede-button lede-button--quiet lede-more"
                        on:click=move |_| {
                            // Keyboard and screen-reader users continue at the first new article.
                            let first_new = visible.with_untracked(Vec::len);
                            on_more();
                            viewer.focus_card_link(first_new);
                        }
                    >
                        {text({
                            let remaining = remaining.clone();
                            move || {
                            let n = remaining().min(PAGE_SIZE).to_string();
                            viewer.fill(UiText::ShowMore, &[("n", &n)])
                        }})}
                    </button>
                }
                .into_any()
            })
            .into_any()
        }}
    }
}
