use crate::app::components::article_card::{ArticleCard, PendingCard};
use crate::app::components::error_panel::ErrorPanel;
use crate::app::corpus_data::use_corpus_data;
use crate::app::remote::Remote;
use crate::app::{effect, use_viewer};
use leptos::prelude::*;

/// How many articles a list shows at first, and adds per "Show more": a click never builds more
/// than this many cards, however large the corpus.
pub const PAGE_SIZE: usize = 30;

/// A list of article cards for the given ordinals, fetching their summaries if the corpus is
/// paged, with a "Show more" button while `remaining` is not zero.
#[component]
pub fn ArticleList(
    /// The ordinals of the articles to show, newest first.
    visible: Memo<Vec<usize>>,
    /// How many more articles the list could show.
    #[prop(into)]
    remaining: Signal<usize>,
    /// Shows the next [`PAGE_SIZE`] articles.
    on_more: Callback<()>,
) -> impl IntoView {
    let data = use_corpus_data();
    let viewer = use_viewer();
    effect(move || visible.with(|v| data.request_summaries(v)));
    // What `<Show when>` does, written out: the memo rebuilds the button only when it appears or
    // goes, not each time the count changes. This was the viewer's last `<Show>`; without it the
    // wasm is 2.7 kB smaller.
    let more = Memo::new(move |_| remaining.get() != 0);
    let cards = move || {
        visible
            .get()
            .into_iter()
            .map(|ordinal| {
                let card = move || match data.summary(ordinal) {
                    Some(Remote::Ready(summary)) => view! { <ArticleCard summary /> }.into_any(),
                    Some(Remote::Failed(error)) => {
                        let retry = Callback::new(move |()| {
                            visible.with_untracked(|v| data.retry_summaries(v))
                        });
                        view! { <ErrorPanel error retry /> }.into_any()
                    }
                    _ => view! { <PendingCard /> }.into_any(),
                };
                // A closure written in the view, not `{card}`: erased to the `AnyView` closure
                // type other views share (see ListPage); and the item erased like the topic
                // toggles, so there is one list type (see TopicFilterBar).
                view! { <li>{move || card()}</li> }.into_any()
            })
            .collect_view()
            // Erased, and drawn by a closure written in the view: the cards then update through
            // the reactive `AnyView` code other views share instead of their own (2.5 kB of
            // wasm). The list type never changes, so every update is still an in-place rebuild.
            .into_any()
    };
    view! {
        <ol class="lede-list">{move || cards()}</ol>
        {move || {
            more.get().then(|| {
                view! {
                    <button
                        type="button"
                        class="lede-button lede-button--quiet lede-more"
                        on:click=move |_| {
                            // Keyboard and screen-reader users continue at the first new article.
                            let first_new = visible.with_untracked(Vec::len);
                            on_more.run(());
                            viewer.focus_card_link(first_new);
                        }
                    >
                        {move || format!("Show {} more", remaining.get().min(PAGE_SIZE)).into_any()}
                    </button>
                }
                .into_any()
            })
            // Erased like the cards (and the label's text): the reactive `AnyView` code, not a copy
            // for `Option` (or `String`).
            .into_any()
        }}
    }
}
