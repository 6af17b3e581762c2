use crate::app::effect::effect;
use crate::app::use_viewer;
use crate::app::Viewer;
use crate::core::corpus::topics::TopicFilter;
use crate::core::format::mentions::{paragraph_segments, Segment, WarningBudget};
use crate::core::format::Article;
use crate::core::text::quote::quoted;
use crate::core::view::mention_links::LinkPlan;
use crate::core::view::state::{View, ViewState};
use crate::web::console;
use crate::web::dom::{self, empty};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// One body paragraph; a mention of an entity is a link to that entity's page when the
/// article's [`LinkPlan`] says so (by default only the first of each entity), and a quiet,
/// unfocusable mark otherwise. Mentions of a kind the reader muted ("In this article") are
/// plain text.
///
/// Text goes into text nodes only. A mention that cannot be honoured (bad offsets, unknown
/// entity) keeps its text, unlinked, and is reported in the console.
///
/// The paragraph's content is drawn by hand, not as Leptos views: a view per piece of text and
/// per mention was most of an article's build (each a few calls across the wasm boundary, its
/// strings copied each time, a reactive closure per paragraph), several times what the browser
/// takes to lay the text out. Here each entity's link (or mark) is made once per article, with
/// its attributes, and each mention is a copy of it (`cloneNode`) given its text, a slice of the
/// paragraph's. An effect ([`Paragraphs`]) draws the paragraphs again when a kind is muted.
#[component]
pub fn BodyParagraph(
    article: Arc<Article>,
    index: usize,
    /// The article's console budget, shared by its paragraphs (the page logs the summary); a
    /// paragraph on its own gets a budget of its own.
    #[prop(optional)]
    warnings: Rc<RefCell<WarningBudget>>,
    /// Which mentions are links, shared by the article's paragraphs (rendered in order);
    /// absent, all are.
    #[prop(optional)]
    links: Option<Rc<RefCell<LinkPlan>>>,
    /// What the article's paragraphs share (their mentions' elements, one redrawing effect);
    /// a paragraph on its own gets its own.
    #[prop(optional)]
    shared: Rc<Paragraphs>,
) -> impl IntoView {
    let viewer = use_viewer();
    let paragraph = &article.body[index];
    let (segments, found) = paragraph_segments(&article, index, paragraph);
    for warning in &found {
        if warnings.borrow_mut().admit(warning) {
            console::warn(&format!("article {}: {warning}", quoted(&article.id)));
        }
    }
    // Byte ranges of the paragraph's text, so that muting a kind redraws it without
    // segmenting it again (and without a copy of its text). The segments are the paragraph's
    // text cut in order, end to end (`mentions::segments`).
    let mut end = 0;
    let pieces: Vec<Piece> = segments
        .into_iter()
        .map(|segment| {
            let (text, entity) = match segment {
                Segment::Text(text) => (text, None),
                Segment::Mention { text, entity_index } => (text, Some(entity_index)),
            };
            let bytes = end..end + text.len();
            debug_assert_eq!(paragraph.text.get(bytes.clone()), Some(text));
            end = bytes.end;
            let link = entity.is_some_and(|entity| {
                (links.as_ref()).is_none_or(|plan| plan.borrow_mut().link(entity))
            });
            Piece {
                bytes,
                entity,
                link,
            }
        })
        .collect();
    let drawing = Rc::new(Drawing {
        article: article.clone(),
        index,
        pieces,
        filter: viewer.state.with_untracked(|s| s.filter.clone()),
    });
    if shared.start() {
        let (shared, muted) = (shared.clone(), viewer.muted);
        effect(move || shared.redraw(viewer, muted.get()));
    }
    let draw = move |p: web_sys::Element| shared.draw(viewer, p, drawing.clone());
    view! { <p use:draw /> }
}

/// A piece of a paragraph: a byte range of its text and, for a mention, the entity's index and
/// whether the mention is a link (or a mark).
struct Piece {
    bytes: Range<usize>,
    entity: Option<usize>,
    link: bool,
}

/// A paragraph drawn, with the muted kinds it was drawn for.
struct Drawn {
    element: web_sys::Element,
    muted: usize,
    drawing: Rc<Drawing>,
}

/// What a paragraph draws: its pieces, and what its links need.
struct Drawing {
    article: Arc<Article>,
    index: usize,
    pieces: Vec<Piece>,
    filter: TopicFilter,
}

/// What an article's paragraphs share while they are drawn: the element each entity's mentions
/// are copies of (a link and a mark, made in the first paragraph that needs it and kept in the
/// page's JavaScript, `kept`, at `2 × entity + link`), and each paragraph with the muted kinds it
/// was drawn for, which the first paragraph's effect draws again when they change.
#[derive(Default)]
pub struct Paragraphs {
    started: Cell<bool>,
    kept: js_sys::Array,
    /// Which of `kept` are made.
    made: RefCell<Vec<bool>>,
    drawn: RefCell<Vec<Drawn>>,
}

impl Paragraphs {
    /// True the first time: the caller makes the redrawing effect.
    fn start(&self) -> bool {
        !self.started.replace(true)
    }

    /// Draws a paragraph into `p` for the muted kinds of now, and keeps it for
    /// [`Self::redraw`]. (An article's body is never rebuilt in place: another article is
    /// another body. Should it be, the paragraph is emptied first: [`empty`].)
    fn draw(&self, viewer: Viewer, p: web_sys::Element, drawing: Rc<Drawing>) {
        empty(&p);
        let muted = viewer.muted.get_untracked();
        self.fill(viewer, &p, &drawing, muted);
        self.drawn.borrow_mut().push(Drawn {
            element: p,
            muted,
            drawing,
        });
    }

    /// Draws again each paragraph drawn for other muted kinds than `muted`.
    fn redraw(&self, viewer: Viewer, muted: usize) {
        for drawn in self.drawn.borrow_mut().iter_mut() {
            if drawn.muted != muted {
                drawn.element.set_text_content(None);
                self.fill(viewer, &drawn.element, &drawn.drawing, muted);
                drawn.muted = muted;
            }
        }
    }

    /// Draws the pieces into `p` (empty), in one call out of the wasm ([`dom::Drawing`]): a
    /// mention is a copy of its entity's kept link or mark, given its text.
    ///
    /// Made one DOM call at a time from Rust (a slice of the paragraph's text, a copy, its text
    /// set, each a call out of the wasm), the benchmark's long article (a hundred paragraphs, a
    /// thousand mentions) took 57 ms to fill at 4x CPU; drawn, 35 ms (CPU profiles, four opens
    /// of each build). A drawing has no bound on its pieces: `draw.js` appends them one by one,
    /// not as the arguments of one call.
    fn fill(&self, viewer: Viewer, p: &web_sys::Element, drawing: &Drawing, muted: usize) {
        let text = &drawing.article.body[drawing.index].text;
        // A paragraph without a mention (most of them): its text, in one call.
        if let [Piece { entity: None, .. }] = drawing.pieces.as_slice() {
            p.set_text_content(Some(text));
            return;
        }
        let mut made = self.made.borrow_mut();
        let mut elements = dom::Drawing::default();
        for piece in &drawing.pieces {
            let part = text.get(piece.bytes.clone()).unwrap_or_default();
            let entity = piece
                .entity
                .filter(|&entity| muted & drawing.article.entities[entity].kind.bit() == 0);
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
                open_mention(&mut elements, viewer, drawing, entity, piece.link);
                elements.keep(k as u32);
                made[k] = true;
            }
            elements.text(part);
            elements.close();
        }
        if let Err(error) = elements.draw_keeping(p, &self.kept) {
            console::warn(&format!(
                "article {}: paragraph {} could not be drawn whole: {error:?}",
                quoted(&drawing.article.id),
                drawing.index + 1
            ));
        }
    }
}

/// Opens the element an entity's mentions are copies of. `data-entity` names the entity for
/// its preview card (`entity_preview`). A link has no listener of its own: `MentionPreviews`,
/// which listens on the viewer's element for its previews, follows it. A mark is quiet and
/// unfocusable.
fn open_mention(
    elements: &mut dom::Drawing,
    viewer: Viewer,
    drawing: &Drawing,
    entity: usize,
    link: bool,
) {
    let entity = &drawing.article.entities[entity];
    let kind = entity.kind.name();
    if !link {
        let class = format!("lede-mention-mark lede-mention--{kind}");
        elements.open("span", &[("class", &class), ("data-entity", &entity.id)]);
        return;
    }
    let href = viewer.href(&ViewState {
        view: View::Entity(entity.id.clone()),
        filter: drawing.filter.clone(),
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
