//! Elements made with plain DOM calls, for what is drawn by hand rather than as Leptos views
//! (a list's cards, an article's mentions, "In this article"'s chips, the search box and its
//! snippets: "Writing views in Lede", `app/mod.rs`). Text goes into text nodes only
//! (`textContent`), never parsed as HTML.

use web_sys::{Document, Element};

/// A new element of `document`: `tag` with `attributes` (in order) and `text` (none when
/// empty). `None` only when the document will not make it (an invalid name).
pub fn element(
    document: &Document,
    tag: &str,
    attributes: &[(&str, &str)],
    text: &str,
) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    for (name, value) in attributes {
        element.set_attribute(name, value).ok()?;
    }
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    Some(element)
}

/// Empties `element` before something drawn by hand is drawn into it again: Leptos runs a
/// directive (`use:draw`) again when it rebuilds its element in place, and what the last run
/// drew must not stay beside the new.
pub fn empty(element: &Element) {
    if element.has_child_nodes() {
        element.set_text_content(None);
    }
}

/// [`element`], appended to `parent`.
pub fn child(
    document: &Document,
    parent: &Element,
    tag: &str,
    attributes: &[(&str, &str)],
    text: &str,
) -> Option<Element> {
    let element = element(document, tag, attributes, text)?;
    parent.append_child(&element).ok()?;
    Some(element)
}
