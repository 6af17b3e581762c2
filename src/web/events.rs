//! DOM events a viewer dispatches so that the page around it can follow what the reader does.
//!
//! Both bubble and are `composed` (they cross the shadow boundary of `<lede-viewer>`). They fire
//! for the reader's own actions, not for changes the host makes through attributes.
//!
//! - `lede-article-open`, `detail: { id }`: the reader opened an article;
//! - `lede-topic-change`, `detail: { topics: [ids], match: "any" | "all" }`: the reader changed
//!   the topic selection.

use crate::core::corpus::topics::TopicFilter;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

pub const ARTICLE_OPEN: &str = "lede-article-open";
pub const TOPIC_CHANGE: &str = "lede-topic-change";

/// `{ id }`
pub fn article_detail(id: &str) -> JsValue {
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"id".into(), &id.into());
    detail.into()
}

/// `{ topics, match }`
pub fn topic_detail(filter: &TopicFilter) -> JsValue {
    let detail = Object::new();
    let topics: Array = filter
        .selected
        .iter()
        .map(|t| JsValue::from_str(t))
        .collect();
    let _ = Reflect::set(&detail, &"topics".into(), &topics);
    let _ = Reflect::set(&detail, &"match".into(), &filter.mode.as_str().into());
    detail.into()
}

/// Dispatches `name` with `detail` on `target`.
pub fn dispatch(target: &web_sys::HtmlElement, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}
