//! Putting viewers into a page: one per element that carries `data-lede`, configured by that
//! element's attributes (see [`crate::core::view::options`]). Nothing outside the element is
//! touched, except the address bar and title when the options say so. `<lede-viewer>` elements
//! mount through [`crate::entry::embed`] instead.

use crate::app::{App, Viewer};
use crate::core::view::options::ViewerOptions;
use crate::core::view::presentation::{inherited_ui_lang, Presentation};
use crate::web::urls::{document_base, resolve};
use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Mounts a viewer into every `[data-lede]` element of the document, for the page's lifetime.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(elements) = document.query_selector_all("[data-lede]") else {
        return;
    };
    for i in 0..elements.length() {
        let element = elements
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let mut options = ViewerOptions::from_attributes(|name| element.get_attribute(name));
            // Only the page's own viewer (which owns its URL) finds `strings/` next to the page;
            // a `[data-lede]` viewer in someone else's page speaks English unless `data-lang`.
            if options.history {
                with_page_language(&mut options.presentation, &element);
            }
            // `forget`: a standalone viewer lives as long as the page.
            std::mem::forget(mount_app(element.clone(), element, options));
        }
    }
}

/// Without a UI language of its own (`data-lang`, `lang` on `<lede-viewer>`), a viewer speaks
/// the page's (`<html lang>`, or the nearest `lang` around it) when its words ship with the
/// viewer ([`inherited_ui_lang`]).
pub(crate) fn with_page_language(presentation: &mut Presentation, element: &web_sys::Element) {
    if presentation.lang.is_none() {
        let around = element.closest("[lang]").ok().flatten();
        presentation.lang =
            inherited_ui_lang(around.and_then(|e| e.get_attribute("lang")).as_deref());
    }
}

/// A mounted viewer: dropping it unmounts the viewer and removes its listeners.
pub struct MountedViewer {
    _handle: Box<dyn Any>,
    pub viewer: Viewer,
}

/// Mounts a viewer into `point`, dispatching its DOM events on `events`.
pub fn mount_app(
    point: web_sys::HtmlElement,
    events: web_sys::HtmlElement,
    mut options: ViewerOptions,
) -> MountedViewer {
    // Resolve the corpus URL once, against the page (a <base> element counts), so that every URL
    // inside the corpus can then resolve against the corpus file itself. An unsafe URL stays as
    // it is: the app refuses it with a message on screen.
    if let Some(url) = resolve(&options.corpus_url, &document_base()) {
        options.corpus_url = url;
    }
    // Clear what the page put there for browsers without wasm (the <noscript> note).
    point.set_text_content(None);
    let _ = point.class_list().add_1("lede");
    let created: Rc<Cell<Option<Viewer>>> = Rc::new(Cell::new(None));
    let out = created.clone();
    let root = point.clone();
    let handle = leptos::mount::mount_to(point, move || {
        let viewer = Viewer::provide(options, root, events);
        out.set(Some(viewer));
        leptos::view! { <App viewer /> }
    });
    MountedViewer {
        _handle: Box::new(handle),
        viewer: created
            .take()
            .expect("mount_to runs the view function before it returns"),
    }
}
