//! An article's topics as links, each to the list of that topic's articles, at the end of an
//! article, as news sites link their section labels. A card draws the same links by hand
//! (`article_card::draw_card`): a change to their markup goes to both.

use crate::app::components::nav_link::NavLink;
use crate::app::corpus_data::use_corpus_data;
use crate::app::use_viewer;
use crate::app::views::each;
use crate::core::corpus::topics::TopicFilter;
use crate::core::text::ui_text::UiText;
use crate::core::view::state::{View, ViewState};
use leptos::prelude::*;

/// `topics` (ids) under their labels, separated by " · ", after a "Topics: " for screen readers
/// (in the interface's language). A topic the index does not list shows its id, unlinked ids
/// being worse than an odd label.
#[component]
pub fn TopicLinks(topics: Vec<String>, class: &'static str) -> impl IntoView {
    let viewer = use_viewer();
    let corpus = use_corpus_data().corpus();
    let last = topics.len().saturating_sub(1);
    let links = each(topics.into_iter().enumerate(), |(i, id)| {
        let label = corpus.index.topic_label(&id).to_string();
        let to = ViewState {
            view: View::List,
            filter: TopicFilter::one(id),
        };
        let separator = if i < last { " · " } else { "" };
        view! { <NavLink to>{label}</NavLink>{separator} }
    });
    view! {
        <span class=class>
            <span class="lede-visually-hidden" lang=viewer.ui_lang()>
                {viewer.word(UiText::TopicsPrefix)}
            </span>
            {links}
        </span>
    }
}
