use crate::app::components::nav_link::DrawnLinks;
use crate::app::use_viewer;
use crate::app::views::each;
use crate::app::Viewer;
use crate::core::corpus::topics::TopicFilter;
use crate::core::format::{Article, EntityKind};
use crate::core::text::ui_text::UiText;
use crate::core::view::state::{View, ViewState};
use crate::web::dom::{empty, Drawing};
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
        // The chips are drawn by hand ("Writing views in Lede", `app/mod.rs`), their links
        // followed by one listener on the list.
        let links = DrawnLinks::default();
        let draw = {
            let (links, filter) = (links.clone(), filter.clone());
            move |list: web_sys::Element| {
                empty(&list);
                links.set(draw_chips(viewer, &list, name, &members, &filter))
            }
        };
        let on_click =
            move |event: web_sys::MouseEvent| links.follow_click(viewer, &event, |_| false);
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
                <ul class="lede-in-article__list" on:click=on_click use:draw />
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

/// Draws a kind's chips into `list` (empty): each entity's name, a link to its page with the
/// topics selected now, in its kind's treatment. Returns the links (`href`, view).
fn draw_chips(
    viewer: Viewer,
    list: &web_sys::Element,
    kind: &str,
    members: &[(String, String)],
    filter: &TopicFilter,
) -> Vec<(String, ViewState)> {
    let class = format!("lede-chip lede-mention--{kind}");
    let mut drawing = Drawing::default();
    let links = (members.iter())
        .map(|(id, name)| {
            let to = ViewState {
                view: View::Entity(id.clone()),
                filter: filter.clone(),
            };
            let href = viewer.href(&to);
            drawing.open("li", &[]);
            drawing.leaf("a", &[("class", &class), ("href", &href)], name);
            drawing.close();
            (href, to)
        })
        .collect();
    // Only fixed names are drawn: the document refuses none.
    let _ = drawing.draw(list, None);
    links
}
