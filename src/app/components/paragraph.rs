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
use crate::web::dom::{element, empty};
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

/// How many nodes one `append` call takes: a call's arguments are bounded (V8 runs out of stack
/// past about a hundred thousand, other engines stop at 65,536), and a hostile paragraph can
/// have hundreds of thousands of pieces.
const APPEND_AT_ONCE: u32 = 8192;

/// What a paragraph draws: its pieces, and what its links need.
struct Drawing {
    article: Arc<Article>,
    index: usize,
    pieces: Vec<Piece>,
    filter: TopicFilter,
}

/// What an article's paragraphs share while they are drawn: the element each entity's mentions
/// are copies of (a link and a mark, made when first needed), and each paragraph with the muted
/// kinds it was drawn for, which the first paragraph's effect draws again when they change.
#[derive(Default)]
pub struct Paragraphs {
    started: Cell<bool>,
    mentions: RefCell<Vec<[Option<web_sys::Element>; 2]>>,
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

    /// Draws the pieces into `p` (empty). The paragraph's text crosses into JavaScript once,
    /// and each piece is a slice of it (`substring`: V8 copies only short slices) put into the
    /// element as it is: a Rust string passed to JavaScript is decoded from UTF-8 each time
    /// (`TextDecoder`), which was a third of the long article's build when each of its two
    /// thousand pieces was passed on its own.
    fn fill(&self, viewer: Viewer, p: &web_sys::Element, drawing: &Drawing, muted: usize) {
        let text = &drawing.article.body[drawing.index].text;
        // A paragraph without a mention (most of them): its text, in one call.
        if let [Piece { entity: None, .. }] = drawing.pieces.as_slice() {
            p.set_text_content(Some(text));
            return;
        }
        let whole = js_sys::JsString::from(text.as_str());
        let ascii = text.is_ascii();
        let text_content = wasm_bindgen::JsValue::from_str("textContent");
        let mut nodes = js_sys::Array::new();
        // How many `nodes` holds, counted here: asking the array is a call out of the wasm.
        let mut held = 0_u32;
        // `append(...nodes)`: strings become text nodes.
        let append = |nodes: &js_sys::Array| {
            if let Err(error) = p.append_with_node(nodes) {
                console::warn(&format!(
                    "article {}: paragraph {} could not be drawn whole: {error:?}",
                    quoted(&drawing.article.id),
                    drawing.index + 1
                ));
            }
        };
        // The UTF-16 offset of the next piece (`substring` counts code units).
        let mut at = 0_u32;
        for piece in &drawing.pieces {
            let part = text.get(piece.bytes.clone()).unwrap_or_default();
            let units = if ascii {
                part.len()
            } else {
                part.chars().map(char::len_utf16).sum()
            } as u32;
            let slice = whole.substring(at, at + units);
            at += units;
            let copy = piece
                .entity
                .filter(|&entity| muted & drawing.article.entities[entity].kind.bit() == 0)
                .and_then(|entity| self.mention(viewer, p, drawing, entity, piece.link));
            match copy {
                Some(element) => {
                    // `textContent` from the slice (web-sys' setter takes a `&str`).
                    let _ = js_sys::Reflect::set(&element, &text_content, &slice);
                    nodes.push(&element);
                }
                None => {
                    nodes.push(&slice);
                }
            }
            held += 1;
            if held == APPEND_AT_ONCE {
                append(&nodes);
                nodes = js_sys::Array::new();
                held = 0;
            }
        }
        if held > 0 {
            append(&nodes);
        }
    }

    /// A new element for a mention of entity `entity` (empty: the caller gives it its text):
    /// a copy of the entity's link, or of its mark.
    fn mention(
        &self,
        viewer: Viewer,
        p: &web_sys::Element,
        drawing: &Drawing,
        entity: usize,
        link: bool,
    ) -> Option<web_sys::Node> {
        let mut mentions = self.mentions.borrow_mut();
        if mentions.len() <= entity {
            mentions.resize(entity + 1, [None, None]);
        }
        let made = &mut mentions[entity][usize::from(link)];
        if made.is_none() {
            *made = make_mention(viewer, p, drawing, entity, link);
        }
        made.as_ref()?.clone_node().ok()
    }
}

/// The element an entity's mentions are copies of. `data-entity` names the entity for its
/// preview card (`entity_preview`). A link has no listener of its own: `MentionPreviews`,
/// which listens on the viewer's element for its previews, follows it. A mark is quiet and
/// unfocusable.
fn make_mention(
    viewer: Viewer,
    p: &web_sys::Element,
    drawing: &Drawing,
    entity: usize,
    link: bool,
) -> Option<web_sys::Element> {
    let entity = &drawing.article.entities[entity];
    let kind = entity.kind.name();
    let document = p.owner_document()?;
    if !link {
        let class = format!("lede-mention-mark lede-mention--{kind}");
        let attributes = [("class", class.as_str()), ("data-entity", &entity.id)];
        return element(&document, "span", &attributes, "");
    }
    let href = viewer.href(&ViewState {
        view: View::Entity(entity.id.clone()),
        filter: drawing.filter.clone(),
    });
    let class = format!("lede-mention lede-mention--{kind}");
    let described_by = viewer.id(&format!("kind-{kind}"));
    let attributes = [
        ("class", class.as_str()),
        ("href", &href),
        ("aria-describedby", &described_by),
        ("data-entity", &entity.id),
    ];
    element(&document, "a", &attributes, "")
}
