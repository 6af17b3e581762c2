use crate::app::effect::effect;
use crate::app::use_viewer;
use crate::app::Viewer;
use crate::core::corpus::topics::TopicFilter;
use crate::core::format::mentions::{paragraph_segments, Segment, WarningBudget};
use crate::core::format::Article;
use crate::core::text::quote::quoted;
use crate::core::view::mention_links::{LinkPlan, MentionLinks};
use crate::core::view::state::{View, ViewState};
use crate::web::console;
use crate::web::dom;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// An article's body: its paragraphs, in which a mention of an entity is a link to that
/// entity's page when `links` says so (by default only the first of each entity), and a quiet,
/// unfocusable mark otherwise. Mentions of a kind the reader muted ("In this article") are
/// plain text.
///
/// Text goes into text nodes only. A mention that cannot be honoured (bad offsets, unknown
/// entity) keeps its text, unlinked, and is reported in the console (at most
/// `MAX_ARTICLE_WARNINGS` lines an article, then one that sums up the rest).
///
/// The body is drawn by hand, not as Leptos views, and in one call out of the wasm
/// ([`dom::Drawing`]): each entity's link (or mark) is made once, with its attributes, and each
/// of its mentions is a copy of it given its text. Measured on the benchmark's long article
/// (100 paragraphs, 1,000 mentions; CPU profiles of four opens at 4x CPU):
/// - a view per piece of text and per mention was several times what the browser takes to lay
///   the text out (a few calls across the wasm boundary each, its strings copied each time);
/// - a paragraph made one DOM call at a time from Rust (a slice of its text, a copy, its text
///   set) took 57 ms to fill; drawn, 35 ms;
/// - a Leptos element and directive per paragraph cost another 13 ms on top: hence one element,
///   the body, for all of them.
///
/// An effect draws the body again when the reader mutes or unmutes a kind.
#[component]
pub fn BodyText(
    article: Arc<Article>,
    /// Which mentions are links; absent, the viewer's `mentions` setting.
    #[prop(optional)]
    links: Option<MentionLinks>,
) -> impl IntoView {
    let viewer = use_viewer();
    let links = links.unwrap_or_else(|| viewer.mention_links());
    let body = Rc::new(Body::new(article, links, viewer));
    let element: Rc<RefCell<Option<web_sys::Element>>> = Rc::default();
    let drawn_for = Rc::new(Cell::new(0_usize));
    let draw = {
        let (body, element, drawn_for) = (body.clone(), element.clone(), drawn_for.clone());
        move |div: web_sys::Element| {
            let muted = viewer.muted.get_untracked();
            // Leptos runs a directive again when it rebuilds its element in place: what the last
            // run drew must not stay beside the new.
            dom::empty(&div);
            body.draw(viewer, &div, muted);
            drawn_for.set(muted);
            *element.borrow_mut() = Some(div);
        }
    };
    effect(move || {
        let muted = viewer.muted.get();
        if let Some(div) = element.borrow().as_ref() {
            if drawn_for.replace(muted) != muted {
                div.set_text_content(None);
                body.draw(viewer, div, muted);
            }
        }
    });
    view! { <div class="lede-article__body" use:draw /> }
}

/// A piece of a paragraph: a byte range of its text and, for a mention, the entity's index and
/// whether the mention is a link (or a mark).
struct Piece {
    bytes: Range<usize>,
    entity: Option<usize>,
    link: bool,
}

/// What the body draws: every paragraph's pieces, segmented once (muting a kind draws them
/// again without segmenting them again, and without a copy of their text), and the elements
/// each entity's mentions are copies of.
struct Body {
    article: Arc<Article>,
    /// The pieces of all the paragraphs, in order; `ends[i]` is the index in `pieces` just
    /// after paragraph `i`'s last piece.
    pieces: Vec<Piece>,
    ends: Vec<usize>,
    filter: TopicFilter,
    /// The link and the mark of each entity, made where the first is needed and kept in the
    /// page's JavaScript, at `2 × entity + link`.
    kept: js_sys::Array,
    /// Which of `kept` are made.
    made: RefCell<Vec<bool>>,
}

impl Body {
    /// Segments every paragraph and reports the mentions that cannot be honoured.
    fn new(article: Arc<Article>, links: MentionLinks, viewer: Viewer) -> Body {
        let mut plan = LinkPlan::new(links, article.entities.len());
        let mut warnings = WarningBudget::default();
        let mut pieces = Vec::new();
        let mut ends = Vec::with_capacity(article.body.len());
        for (index, paragraph) in article.body.iter().enumerate() {
            let (segments, found) = paragraph_segments(&article, index, paragraph);
            for warning in &found {
                if warnings.admit(warning) {
                    console::warn(&format!("article {}: {warning}", quoted(&article.id)));
                }
            }
            // Byte ranges of the paragraph's text: the segments are its text cut in order, end
            // to end (`mentions::segments`).
            let mut end = 0;
            for segment in segments {
                let (text, entity) = match segment {
                    Segment::Text(text) => (text, None),
                    Segment::Mention { text, entity_index } => (text, Some(entity_index)),
                };
                let bytes = end..end + text.len();
                debug_assert_eq!(paragraph.text.get(bytes.clone()), Some(text));
                end = bytes.end;
                let link = entity.is_some_and(|entity| plan.link(entity));
                pieces.push(Piece {
                    bytes,
                    entity,
                    link,
                });
            }
            ends.push(pieces.len());
        }
        if let Some(summary) = warnings.summary() {
            console::warn(&format!("article {}: {summary}", quoted(&article.id)));
        }
        Body {
            filter: viewer.state.with_untracked(|s| s.filter.clone()),
            article,
            pieces,
            ends,
            kept: js_sys::Array::new(),
            made: RefCell::default(),
        }
    }

    /// Draws every paragraph into `div` (empty) for the muted kinds `muted`. A drawing has no
    /// bound on its pieces: `draw.js` appends them one by one, not as the arguments of one call.
    fn draw(&self, viewer: Viewer, div: &web_sys::Element, muted: usize) {
        let mut made = self.made.borrow_mut();
        let mut elements = dom::Drawing::default();
        let mut start = 0;
        for (paragraph, &end) in self.article.body.iter().zip(&self.ends) {
            let text = &paragraph.text;
            elements.open("p", &[]);
            for piece in &self.pieces[start..end] {
                let part = text.get(piece.bytes.clone()).unwrap_or_default();
                let entity = piece
                    .entity
                    .filter(|&entity| muted & self.article.entities[entity].kind.bit() == 0);
                let Some(entity) = entity else {
                    elements.text(part);
                    continue;
                };
                let k = 2 * entity + usize::from(piece.link);
                if made.len() <= k {
                    made.resize(k + 1, false);
                }
                if made[k] {
                    elements.copy(k as u32);
                } else {
                    self.open_mention(&mut elements, viewer, entity, piece.link);
                    elements.keep(k as u32);
                    made[k] = true;
                }
                elements.text(part);
                elements.close();
            }
            elements.close();
            start = end;
        }
        if let Err(error) = elements.draw_keeping(div, &self.kept) {
            // The drawing stopped somewhere: elements this one was to keep may not be, and the
            // next drawing (a kind unmuted) makes them again rather than copying nothing.
            made.clear();
            console::warn(&format!(
                "article {}: the body could not be drawn whole: {error:?}",
                quoted(&self.article.id)
            ));
        }
    }

    /// Opens the element an entity's mentions are copies of. `data-entity` names the entity
    /// for its preview card (`entity_preview`). A link has no listener of its own:
    /// `MentionPreviews`, which listens on the viewer's element for its previews, follows it. A
    /// mark is quiet and unfocusable.
    fn open_mention(&self, elements: &mut dom::Drawing, viewer: Viewer, entity: usize, link: bool) {
        let entity = &self.article.entities[entity];
        let kind = entity.kind.name();
        if !link {
            let class = format!("lede-mention-mark lede-mention--{kind}");
            elements.open("span", &[("class", &class), ("data-entity", &entity.id)]);
            return;
        }
        let href = viewer.href(&ViewState {
            view: View::Entity(entity.id.clone()),
            filter: self.filter.clone(),
        });
        let class = format!("lede-mention lede-mention--{kind}");
        let described_by = viewer.id(&format!("kind-{kind}"));
        elements.open(
            "a",
            &[
                ("class", &class),
                ("href", &href),
                ("aria-describedby", &described_by),
                ("data-entity", &entity.id),
            ],
        );
    }
}
