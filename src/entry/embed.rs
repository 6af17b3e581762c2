//! The Rust half of `<lede-viewer>`: `embed/embed.js` defines the element (wasm-bindgen cannot
//! subclass `HTMLElement`) and calls [`mount_viewer`] with a mount point inside the element's
//! shadow root. Everything else (state, rendering, events) is the same viewer as the standalone
//! page's.

use crate::core::view::options::{initial_state, ViewerOptions, DEFAULT_CORPUS_URL};
use crate::core::view::presentation::Presentation;
use crate::entry::mount::{mount_app, with_page_language, MountedViewer};
use crate::web::urls::resolve;
use wasm_bindgen::prelude::*;

/// A viewer inside a `<lede-viewer>` element. Free it (`unmount()`) when the element leaves the
/// page.
#[wasm_bindgen]
pub struct EmbeddedViewer {
    host: web_sys::HtmlElement,
    mounted: MountedViewer,
}

/// Mounts a viewer into `point` (in `host`'s shadow root), configured by `host`'s attributes:
/// `src`, `topic`, `match`, `article`, `entity`, `sync-url` and the widget attributes.
/// `viewer_base` is the folder embed.js was loaded from, where the viewer's own files are
/// (`strings/`, and the corpus published with it): without `src`, the viewer shows that
/// corpus, not a path on the host's site.
#[wasm_bindgen(js_name = mountViewer)]
pub fn mount_viewer(
    point: web_sys::HtmlElement,
    host: web_sys::HtmlElement,
    viewer_base: String,
) -> EmbeddedViewer {
    let mut options = ViewerOptions::from_element_attributes(|name| host.get_attribute(name));
    with_page_language(&mut options.presentation, &host);
    if host
        .get_attribute("src")
        .is_none_or(|src| src.trim().is_empty())
    {
        options.corpus_url =
            resolve(DEFAULT_CORPUS_URL, &viewer_base).unwrap_or_else(|| DEFAULT_CORPUS_URL.into());
    }
    options.viewer_base = viewer_base;
    // With `sync-url`, a URL that already names this viewer's state (a shared or reloaded link)
    // wins over the attributes; otherwise the attributes give the first view.
    let mounted = mount_app(point, host.clone(), options);
    EmbeddedViewer { host, mounted }
}

#[wasm_bindgen]
impl EmbeddedViewer {
    /// Shows what the element's attributes now say: its `topic`, `match`, `article` and
    /// `entity` (a new view in place), or, when `presentation`, its `heading`, `controls`,
    /// `limit`, `more-href`, `layout` and `lang`. (One export for both: each export costs the
    /// glue and the wasm their own shims.)
    #[wasm_bindgen(js_name = attributesChanged)]
    pub fn attributes_changed(&self, presentation: bool) {
        let attribute = |name: &str| self.host.get_attribute(name);
        if presentation {
            let mut presentation = Presentation::read(&attribute, true);
            with_page_language(&mut presentation, &self.host);
            self.mounted.viewer.present(presentation);
        } else {
            self.mounted.viewer.replace(initial_state(&attribute));
        }
    }

    /// Removes the viewer from the page, with its listeners.
    pub fn unmount(self) {
        drop(self);
    }
}
