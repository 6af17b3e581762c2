use crate::app::components::nav_link::NavLink;
use crate::app::use_viewer;
use crate::app::views::each;
use crate::core::format::{Article, EntityKind};
use crate::core::text::ui_text::UiText;
use crate::core::view::state::{View, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// "In this article": the article's entities grouped by kind, with counts, as links to their
/// pages. It is also the legend (each chip carries its kind's treatment, as the mentions do)
/// and the switch: a toggle per kind turns that kind's mentions in the body into plain text,
/// for the rest of the page session (the viewer's [`muted`](crate::app::Viewer::muted)).
///
/// It holds the hidden texts the body's links name in `aria-describedby` ("person", ...), so
/// that a mention's kind reaches screen readers without colour or underline.
#[component]
pub fn InThisArticle(article: Arc<Article>) -> impl IntoView {
    let viewer = use_viewer();
    let muted = viewer.muted;
    let filter = viewer.state.with_untracked(|s| s.filter.clone());
    let title_id = viewer.id("in-article");
    let groups: Vec<(EntityKind, Vec<(String, String)>)> = (EntityKind::ALL.into_iter())
        .map(|kind| {
            let members = (article.entities.iter())
                .filter(|e| e.kind == kind)
                .map(|e| (e.id.clone(), e.name.clone()))
                .collect();
            (kind, members)
        })
        .filter(|(_, members): &(_, Vec<_>)| !members.is_empty())
        .collect();
    let groups = each(groups, |(kind, members)| {
        let name = kind.name();
        let bit = kind.bit();
        let heading = format!("{} ({})", viewer.word(kind.plural()), members.len());
        let chips = each(members, |(id, entity)| {
            let to = ViewState {
                view: View::Entity(id),
                filter: filter.clone(),
            };
            let class = format!("lede-chip lede-mention--{name}");
            view! { <li><NavLink to class>{entity}</NavLink></li> }
        });
        let toggle = viewer.word(kind.link_switch());
        view! {
            <div class=format!("lede-in-article__group lede-in-article__group--{name}")>
                <h3 class="lede-in-article__kind">{heading}</h3>
                <button
                    type="button"
                    class="lede-in-article__toggle"
                    aria-pressed=move || (muted.get() & bit == 0).to_string()
                    on:click=move |_| muted.update(|m| *m ^= bit)
                >
                    {toggle}
                </button>
                <ul class="lede-in-article__list">{chips}</ul>
            </div>
        }
    });
    let descriptions = each(EntityKind::ALL, |kind| {
        let label = viewer.word(kind.label());
        view! { <span id=viewer.id(&format!("kind-{}", kind.name()))>{label}</span> }
    });
    view! {
        <section class="lede-in-article" aria-labelledby=title_id.clone()>
            <h2 class="lede-in-article__title" id=title_id.clone()>
                {viewer.word(UiText::InThisArticle)}
            </h2>
            {groups}
            <div class="lede-kinds">{descriptions}</div>
        </section>
    }
}
