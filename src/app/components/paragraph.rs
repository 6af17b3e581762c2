use crate::app::components::nav_link::NavLink;
use crate::app::use_viewer;
use crate::core::format::mentions::{paragraph_segments, Segment, WarningBudget};
use crate::core::format::Article;
use crate::core::text::quote::quoted;
use crate::core::view::state::{View, ViewState};
use crate::web::console;
use leptos::prelude::*;

/// One body paragraph; every mention of an entity is a link to that entity's page.
///
/// Text goes into text nodes only. A mention that cannot be honoured (bad offsets, unknown
/// entity) keeps its text, unlinked, and is reported in the console.
#[component]
pub fn BodyParagraph(
    article: std::sync::Arc<Article>,
    index: usize,
    /// The article's console budget, shared by its paragraphs (the page logs the summary); a
    /// paragraph on its own gets a budget of its own.
    #[prop(optional)]
    warnings: std::rc::Rc<std::cell::RefCell<WarningBudget>>,
) -> impl IntoView {
    let viewer = use_viewer();
    let paragraph = &article.body[index];
    let (segments, found) = paragraph_segments(&article, index, paragraph);
    for warning in &found {
        if warnings.borrow_mut().admit(warning) {
            console::warn(&format!("article {}: {warning}", quoted(&article.id)));
        }
    }
    let filter = viewer.state.with_untracked(|s| s.filter.clone());
    let pieces = segments
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => text.to_string().into_any(),
            Segment::Mention { text, entity_index } => {
                let entity = &article.entities[entity_index];
                let text = text.to_string();
                let class = format!("lede-mention lede-mention--{}", kind_class(entity.kind));
                let to = ViewState {
                    view: View::Entity(entity.id.clone()),
                    filter: filter.clone(),
                };
                view! {
                    <NavLink to class>{text}</NavLink>
                }
                .into_any()
            }
        })
        .collect_view();
    view! { <p>{pieces}</p> }
}

fn kind_class(kind: crate::core::format::EntityKind) -> &'static str {
    use crate::core::format::EntityKind::*;
    match kind {
        Person => "person",
        Organisation => "organisation",
        Place => "place",
        Event => "event",
        Other => "other",
    }
}
