//! Putting viewers into a page: one per element that carries `data-lede`, configured by that
//! element's attributes (see [`crate::core::viewer_options`]). Nothing outside the element is
//! touched, except the address bar and title when the options say so.

use crate::app::App;
use crate::core::viewer_options::ViewerOptions;
use crate::web::urls::{document_base, resolve};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts a viewer into every `[data-lede]` element of the document.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(elements) = document.query_selector_all("[data-lede]") else {
        return;
    };
    for i in 0..elements.length() {
        if let Some(element) = elements
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            mount(element);
        }
    }
}

/// Mounts one viewer into `element`, reading its `data-*` attributes. Exported to JavaScript so a
/// page can mount a viewer into an element it creates later.
#[wasm_bindgen(js_name = mountLede)]
pub fn mount(element: web_sys::HtmlElement) {
    let options = ViewerOptions::from_attributes(|name| element.get_attribute(name));
    mount_with(element, options);
}

/// Mounts one viewer into `element` with explicit options.
pub fn mount_with(element: web_sys::HtmlElement, mut options: ViewerOptions) {
    // Resolve the corpus URL once, against the page (a <base> element counts), so that every URL
    // inside the corpus can then resolve against the corpus file itself.
    match resolve(&options.corpus_url, &document_base()) {
        Some(url) => options.corpus_url = url,
        None => crate::web::console::error(&format!(
            "data-corpus {:?} is not an http, https or relative URL",
            options.corpus_url
        )),
    }
    // Clear what the page put there for browsers without wasm (the <noscript> note).
    element.set_text_content(None);
    element.class_list().add_1("lede").ok();
    let handle = leptos::mount::mount_to(element.clone(), move || {
        leptos::view! { <App options=options root=element.clone() /> }
    });
    // The viewer lives as long as the page: dropping the handle would unmount it.
    handle.forget();
}
