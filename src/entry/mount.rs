//! Putting viewers into a page: one per element that carries `data-lede`, configured by that
//! element's attributes (see [`crate::core::view::options`]). Nothing outside the element is
//! touched, except the address bar and title when the options say so. `<lede-viewer>` elements
//! mount through [`crate::entry::embed`] instead.

use crate::app::{App, Viewer};
use crate::core::view::options::ViewerOptions;
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
            let options = ViewerOptions::from_attributes(|name| element.get_attribute(name));
            // `forget`: a standalone viewer lives as long as the page.
            std::mem::forget(mount_app(element.clone(), element, options));
        }
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
