//! Messages for developers and publishers, in the browser console, always prefixed `lede:` so
//! a host page can tell the viewer's messages from its own; and marks in the page's performance
//! timeline, where a profile (and the end-to-end tests) find when the viewer's idle work was
//! done.

pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("lede: {message}").into());
}

pub fn error(message: &str) {
    web_sys::console::error_1(&format!("lede: {message}").into());
}

/// Leaves the mark `name` (say `"lede: article page warmed up"`) in the page's performance
/// timeline; nothing where the browser has none.
pub fn mark(name: &str) {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::JsCast;
    if let Ok(performance) = Reflect::get(&js_sys::global(), &"performance".into()) {
        if let Ok(Ok(mark)) =
            Reflect::get(&performance, &"mark".into()).map(JsCast::dyn_into::<Function>)
        {
            let _ = mark.call1(&performance, &name.into());
        }
    }
}
