use crate::app::use_viewer;
use crate::app::views::each;
use crate::core::format::mentions::{paragraph_segments, Segment, WarningBudget};
use crate::core::format::Article;
use crate::core::text::quote::quoted;
use crate::core::view::mention_links::LinkPlan;
use crate::core::view::state::{View, ViewState};
use crate::web::console;
use leptos::prelude::*;

/// One body paragraph; a mention of an entity is a link to that entity's page when the
/// article's [`LinkPlan`] says so (by default only the first of each entity), and a quiet,
/// unfocusable mark otherwise. Mentions of a kind the reader muted ("In this article") are
/// plain text.
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
    /// Which mentions are links, shared by the article's paragraphs (rendered in order);
    /// absent, all are.
    #[prop(optional)]
    links: Option<std::rc::Rc<std::cell::RefCell<LinkPlan>>>,
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
    // Owned, so that muting a kind redraws the paragraph without segmenting it again.
    let pieces: Vec<(String, Option<(usize, bool)>)> = segments
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => (text.to_string(), None),
            Segment::Mention { text, entity_index } => {
                let link = links
                    .as_ref()
                    .is_none_or(|p| p.borrow_mut().link(entity_index));
                (text.to_string(), Some((entity_index, link)))
            }
        })
        .collect();
    let muted = viewer.muted;
    view! {
        <p>
            {move || {
                let muted = muted.get();
                each(pieces.iter(), |(text, mention)| {
                    let text = text.clone();
                    let Some((entity_index, link)) = *mention else {
                        return text.into_any();
                    };
                    let entity = &article.entities[entity_index];
                    let kind = entity.kind.name();
                    if muted & entity.kind.bit() != 0 {
                        return text.into_any();
                    }
                    // `data-entity` names the entity for its preview card (`entity_preview`).
                    if !link {
                        let class = format!("lede-mention-mark lede-mention--{kind}");
                        return view! { <span class=class data-entity=entity.id.clone()>{text}</span> }
                            .into_any();
                    }
                    // A link with no listener of its own: `MentionPreviews`, which listens on
                    // the viewer's element for its previews, follows it (a listener per mention
                    // was a closure made and registered per link: the long article has a
                    // thousand).
                    let class = format!("lede-mention lede-mention--{kind}");
                    let href = viewer.href(&ViewState {
                        view: View::Entity(entity.id.clone()),
                        filter: filter.clone(),
                    });
                    let described_by = viewer.id(&format!("kind-{kind}"));
                    let id = entity.id.clone();
                    view! { <a class=class href=href aria-describedby=described_by data-entity=id>{text}</a> }
                        .into_any()
                })
                .into_any()
            }}
        </p>
    }
}
