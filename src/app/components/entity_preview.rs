//! The preview card of an entity mention: who or what it is, without leaving the article.
//!
//! [`MentionPreviews`] draws the cards of an article's body (`BodyText`, beside it) and listens
//! on the viewer's element (clicks in the capture phase), once for all its mentions
//! (delegation: no listener per mention); it also follows a mention link, which has no
//! listener of its own:
//! - **pointer hover** opens a mention's card after [`OPEN_DELAY_MS`], and it stays open while
//!   the pointer moves from the mention into the card ([`CLOSE_DELAY_MS`] to get there);
//! - **keyboard focus** on a mention link opens it at once; Escape closes it and focus stays on
//!   the link (the card is not modal and never takes focus);
//! - **a tap** on a touch screen opens the card as a bottom sheet, and that first tap does not
//!   follow the link: a second tap on the same mention does;
//! - a press outside the card closes it.
//!
//! Everything shown comes from the corpus (the article's entity, and the entity directory,
//! fetched once): no request to a third party. That is also why the card shows an entity's
//! picture only when its URL is relative, that is on the corpus's own host.
//!
//! Written for size (the first view's budget, "Writing views in Lede" in `app/mod.rs`): the
//! open card is one `usize` signal, the kind the viewer already uses, and the card is placed
//! by writing its style once it is drawn, not through a signal of its own (a signal of a
//! struct, a timer handle and a spread attribute cost 2.5 kB gzip more).

use crate::app::components::entity_picture::{directory_picture, picture};
use crate::app::components::nav_link::{plain_click, NavLink};
use crate::app::corpus_data::use_corpus_data;
use crate::app::use_viewer;
use crate::app::views::optional;
use crate::core::corpus::part::Part;
use crate::core::corpus::parts::CorpusParts;
use crate::core::format::Article;
use crate::core::text::language::{direction, Direction};
use crate::core::text::ui_text::UiText;
use crate::core::text::url_safety::is_absolute_http;
use crate::core::view::card_place::{place_card, Box2, CardPlace};
use crate::core::view::state::{View, ViewState};
use crate::web::listener::EventListener;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long the pointer rests on a mention before its card opens: long enough that moving
/// across a paragraph opens nothing.
pub const OPEN_DELAY_MS: u64 = 300;
/// How long a card stays open after the pointer leaves the mention or the card: time to move
/// from one to the other.
pub const CLOSE_DELAY_MS: u64 = 300;
/// No card is open (the value of the open-card signal).
const CLOSED: usize = usize::MAX;

/// The preview cards of the mentions in an article's body ([`BodyText`](super::body_text::BodyText)).
#[component]
pub fn MentionPreviews(article: Arc<Article>) -> impl IntoView {
    let viewer = use_viewer();
    let data = use_corpus_data();
    // The open card: the entity's index in the article times two, plus one for a sheet.
    let open = RwSignal::new(CLOSED);
    // The mention the open card belongs to: the card is placed next to it each time it is drawn
    // (again when the entity directory arrives with a description).
    let anchor: Rc<RefCell<Option<web_sys::Element>>> = Rc::default();
    let rtl = direction(article.language.as_deref()) == Direction::RightToLeft;
    // Bumped by every pointer move that schedules or cancels something: a timer that finds it
    // changed since it was set does nothing.
    let pending = Rc::new(Cell::new(0_usize));
    // Whether the last press was a touch: its click is a tap. (Not the click's own
    // `pointerType`, which not every browser gives a click.)
    let pressed_by_touch = Rc::new(Cell::new(false));

    let handler = {
        let (anchor, article) = (anchor.clone(), article.clone());
        let (pressed_by_touch, pending) = (pressed_by_touch.clone(), pending.clone());
        move |event: web_sys::Event| {
            let kind = event.type_();
            let touch = event
                .dyn_ref::<web_sys::PointerEvent>()
                .is_some_and(|p| p.pointer_type() == "touch");
            let in_card = origin(&event)
                .and_then(|e| e.closest(".lede-preview").ok().flatten())
                .is_some();
            let mention = mention_at(&article, &event);
            let showing = open.try_get_untracked().unwrap_or(CLOSED);
            let same = mention.as_ref().is_some_and(|(_, e)| showing / 2 == *e);
            let show = {
                let anchor = anchor.clone();
                move |element: web_sys::Element, entity: usize, sheet: bool| {
                    // The entity directory (descriptions, pictures, counts): asked for once.
                    data.request(CorpusParts::want_directory);
                    *anchor.borrow_mut() = Some(element);
                    open.try_set(entity * 2 + usize::from(sheet));
                }
            };
            // Cancels what the last pointer move scheduled, and returns the next ticket.
            let ticket = pending.get() + 1;
            match kind.as_str() {
                // Into the card, or back onto its mention: it stays open.
                "pointerover" if !touch && (in_card || same) => pending.set(ticket),
                "pointerover" if !touch => {
                    if let Some((element, entity)) = mention {
                        pending.set(ticket);
                        let action = move || show(element, entity, false);
                        later(&pending, ticket, OPEN_DELAY_MS, Box::new(action));
                    }
                }
                // Out of a mention or the card: a card about to open does not; an open one
                // closes unless the pointer comes back in time.
                "pointerout" if !touch && (in_card || mention.is_some()) => {
                    pending.set(ticket);
                    if showing != CLOSED {
                        let action = move || {
                            open.try_set(CLOSED);
                        };
                        later(&pending, ticket, CLOSE_DELAY_MS, Box::new(action));
                    }
                }
                // (Not the focus a tap gives the link: the tap's click opens a sheet instead.)
                "focusin" if !pressed_by_touch.get() => {
                    if let Some((element, entity)) = mention {
                        pending.set(ticket);
                        show(element, entity, false);
                    }
                }
                // Focus leaving a mention closes its card, unless it goes into the card (a
                // press on the card's link focuses it before the click).
                "focusout" if mention.is_some() => {
                    let into_card = event
                        .dyn_ref::<web_sys::FocusEvent>()
                        .and_then(|f| f.related_target())
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|e| e.closest(".lede-preview").ok().flatten())
                        .is_some();
                    if !into_card {
                        open.try_set(CLOSED);
                    }
                }
                "keydown" => {
                    pressed_by_touch.set(false);
                    let escape = event
                        .dyn_ref::<web_sys::KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape");
                    if escape {
                        open.try_set(CLOSED);
                    }
                }
                // The first tap on a mention opens its sheet instead of following the link
                // (the arm below sees `defaultPrevented`); the second tap follows it.
                "click" if pressed_by_touch.get() && !same => {
                    if let Some((element, entity)) = mention {
                        event.prevent_default();
                        show(element, entity, true);
                    }
                }
                // A mention link followed: its page, in place (the links have no listener
                // of their own: `body_text`).
                "click" => {
                    let link = mention
                        .as_ref()
                        .filter(|(element, _)| element.tag_name().eq_ignore_ascii_case("a"));
                    let plain = event
                        .dyn_ref::<web_sys::MouseEvent>()
                        .is_some_and(plain_click);
                    if let (Some((_, entity)), true) = (link, plain) {
                        event.prevent_default();
                        let filter = viewer.state.with_untracked(|s| s.filter.clone());
                        let view = View::Entity(article.entities[*entity].id.clone());
                        viewer.go(ViewState { view, filter });
                    }
                }
                // A press outside the card and the mentions (anywhere on the page) closes it.
                "pointerdown" => {
                    pressed_by_touch.set(touch);
                    if !in_card && mention.is_none() {
                        open.try_set(CLOSED);
                    }
                }
                _ => {}
            }
        }
    };
    // Two listeners (one copy of the handler's code): a followed mention's `click` leaves the
    // page, which first takes focus from the link (`Viewer::go`), and the `focusout` that
    // follows at once must reach a listener not running already (a wasm-bindgen closure
    // refuses to be called from inside itself).
    let mut clicks = EventListener::new(handler.clone());
    let mut listener = EventListener::new(handler);
    if let Some(root) = viewer.root_element() {
        for event in [
            "pointerover",
            "pointerout",
            "focusin",
            "focusout",
            "keydown",
        ] {
            listener.listen(&root, event, false);
        }
        clicks.listen(&root, "click", true);
    }
    if let Some(window) = web_sys::window() {
        listener.listen(&window, "pointerdown", true);
    }
    // Removed with the article. (`SendWrapper`: the cleanup wants a `Send` value; a page has
    // one thread.)
    // A timer still pending (a card about to open) is cancelled too.
    let listener = SendWrapper::new((listener, clicks, pending.clone()));
    on_cleanup(move || {
        let (listener, clicks, pending) = listener.take();
        pending.set(pending.get() + 1);
        drop((listener, clicks));
    });

    let anchor = SendWrapper::new(anchor);
    let ui_lang = use_viewer().ui_lang();
    // Once the card is drawn, it goes where its real size fits: when it opens (hidden until
    // then), and again when its content grows (the directory's description arriving).
    let place_later = move |sheet: bool| {
        if let Some(element) = anchor.borrow().clone() {
            request_animation_frame(move || place(&element, rtl, sheet));
        }
    };
    view! {
        {move || {
            let open = open.get();
            let sheet = open % 2 == 1;
            place_later(sheet);
            let (article, place_later) = (article.clone(), place_later.clone());
            (open != CLOSED)
                .then(|| {
                    view! {
                        // The interface's language: inside an article in another one, the
                        // card's words are the viewer's.
                        <div class="lede-preview lede-preview--placing" lang=ui_lang.clone()>
                            {move || {
                                place_later(sheet);
                                preview(&article, open / 2)
                            }}
                        </div>
                    }
                })
                .into_any()
        }}
    }
}

/// The card's content for entity `index` of the article.
fn preview(article: &Article, index: usize) -> AnyView {
    let viewer = use_viewer();
    let data = use_corpus_data();
    let entity = &article.entities[index];
    // The directory's summary when it is here: it may say more than the article does.
    let known = data.read(|p| p.entity(&entity.id));
    let summary = match &known {
        Part::Ready(Some(s)) => Some(s),
        _ => None,
    };
    let description =
        (summary.and_then(|s| s.description.clone())).or_else(|| entity.description.clone());
    let url = (summary.and_then(|s| s.url.clone()))
        .or_else(|| entity.url.clone())
        .filter(|u| is_absolute_http(u));
    // The directory's picture, or the article's own (resolved against the article's file).
    let image = match summary.and_then(|s| s.image.clone()) {
        Some(image) => {
            let in_index = data.corpus().index.entity(&entity.id).is_some();
            directory_picture(&data, image, in_index)
        }
        None => (entity.image.clone())
            .zip(data.article_url(&article.id).ok())
            .and_then(|(image, base)| picture(image, &base, &data.index_url())),
    };
    // To the entity's page: "Mentioned in 3 articles", or its name while that is not known (a
    // paged corpus's mentions file is large, and not fetched for a card).
    let more = match data.read(|p| p.mentions_of(&entity.id)) {
        Part::Ready(ordinals) if ordinals.is_empty() => viewer.word(UiText::MentionedInNone),
        Part::Ready(ordinals) => {
            viewer.count(ordinals.len(), UiText::MentionedInOne, UiText::MentionedIn)
        }
        _ => entity.name.clone(),
    };
    let to = ViewState {
        view: View::Entity(entity.id.clone()),
        filter: viewer.state.with_untracked(|s| s.filter.clone()),
    };
    let read_more = viewer.word(UiText::ReadMoreAbout) + &entity.name;
    view! {
        <p class=format!("lede-preview__kind lede-mention--{}", entity.kind.name())>
            {viewer.word(entity.kind.label())}
        </p>
        <p class="lede-preview__name">{entity.name.clone()}</p>
        {optional(description, |d| view! { <p>{d}</p> })}
        {image}
        <p class="lede-preview__links">
            <NavLink to>{more}</NavLink>
            {optional(url, |href| {
                view! {
                    <a href=href target="_blank" rel="noopener noreferrer" class="lede-external">
                        {read_more}
                    </a>
                }
            })}
        </p>
    }
    .into_any()
}

/// The element an event happened on, inside a shadow root too (a listener on the window sees
/// the shadow host as the event's `target`).
fn origin(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.composed_path().get(0).dyn_into().ok()
}

/// Runs `action` after `ms` milliseconds, unless `pending` has moved on from `ticket` by then
/// (a later pointer move cancelled it).
fn later(pending: &Rc<Cell<usize>>, ticket: usize, ms: u64, action: Box<dyn FnOnce()>) {
    let pending = pending.clone();
    set_timeout(
        move || {
            if pending.get() == ticket {
                action();
            }
        },
        Duration::from_millis(ms),
    );
}

/// The mention an event happened on, as (its element, the entity's index in the article).
fn mention_at(article: &Article, event: &web_sys::Event) -> Option<(web_sys::Element, usize)> {
    let element = origin(event)?
        .closest(".lede-mention, .lede-mention-mark")
        .ok()??;
    let id = element.get_attribute("data-entity")?;
    let index = article.entities.iter().position(|e| e.id == id)?;
    Some((element, index))
}

/// Puts the drawn card (in the same viewer as `anchor`) where
/// [`place_card`] says, and shows it.
fn place(anchor: &web_sys::Element, rtl: bool, sheet: bool) {
    // This viewer's card: the one inside the viewer element the mention is in (a page may hold
    // several viewers).
    let card = anchor
        .closest(".lede")
        .ok()
        .flatten()
        .and_then(|viewer| viewer.query_selector(".lede-preview").ok().flatten());
    let Some(card) = card else {
        return;
    };
    let Ok(card) = card.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let boxed = |r: web_sys::DomRect| Box2 {
        left: r.left(),
        top: r.top(),
        width: r.width(),
        height: r.height(),
    };
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    let window = web_sys::window();
    let viewport = Box2 {
        left: 0.0,
        top: 0.0,
        width: (window.as_ref().and_then(|w| size(w.inner_width()))).unwrap_or(1024.0),
        height: (window.as_ref().and_then(|w| size(w.inner_height()))).unwrap_or(768.0),
    };
    let place = place_card(
        boxed(anchor.get_bounding_client_rect()),
        boxed(card.get_bounding_client_rect()),
        viewport,
        rtl,
        sheet,
    );
    let style = card.style();
    // Whole pixels: formatting an `f64` would link the float printing code (about 12 kB gzip).
    let px = |v: f64| format!("{}px", v as i32);
    match place {
        CardPlace::Sheet => {
            let _ = card.class_list().add_1("lede-preview--sheet");
        }
        CardPlace::Float { left, top, width } => {
            let _ = style.set_property("left", &px(left));
            let _ = style.set_property("top", &px(top));
            let _ = style.set_property("width", &px(width));
        }
    }
    let _ = card.class_list().remove_1("lede-preview--placing");
}
