//! Elements made by hand rather than as Leptos views (a list's cards, an article's mentions,
//! "In this article"'s chips, the search box and its snippets: "Writing views in Lede",
//! `app/mod.rs`): one at a time with plain DOM calls ([`element`], [`child`]), or many in one
//! call out of the wasm ([`Drawing`]). Text goes into text nodes only (`textContent`, text
//! nodes), never parsed as HTML.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// Elements described in Rust and made by one call out of the wasm ([`Drawing::draw`]).
///
/// Made one DOM call at a time from Rust, a card of a list was about 130 calls out of the wasm
/// (an element, each of its attributes and its text a call, and every string decoded from UTF-8
/// on its own on the way); a drawing crosses once, with its strings in one text, and
/// `draw.js` makes the elements as a hand-written page would.
///
/// The instructions, `ops`, as `draw.js` reads them (u32 words; `s` is a string: two words, its
/// start and its length in `text`, in UTF-16 code units, which is how JS counts):
///
/// ```text
///   0 s      open: a new element named s, appended to the current one, is the current one
///   1        close: the current element's parent is the current one again
///   2 s s    an attribute (name, value) of the current element
///   3 s      a text node appended to the current element
///   4 s s    a property (name, value) of the current element's style, through the CSSOM (a
///            host page's Content-Security-Policy may refuse style attributes)
///   5        the current element's `onerror` is the drawing's error listener
///   6 k      open: a copy of kept element k (its attributes, not its content), appended to the
///            current one, is the current one
///   7 k      a copy of the current element as it is now is kept element k
/// ```
///
/// Kept elements are kept in an array the caller holds across drawings
/// ([`draw_keeping`](Drawing::draw_keeping)): an article's body copies each entity's link and
/// mark, drawn again when the reader mutes a kind.
#[derive(Default)]
pub struct Drawing {
    ops: Vec<u32>,
    text: String,
    /// `text`'s length in UTF-16 code units.
    units: u32,
}

#[wasm_bindgen(module = "/src/web/draw.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn draw(
        parent: &Element,
        ops: &[u32],
        text: &str,
        onerror: Option<&js_sys::Function>,
        kept: Option<&js_sys::Array>,
    ) -> Result<(), JsValue>;
}

impl Drawing {
    /// A new element `tag` with `attributes`, in the current one; it is the current one until
    /// [`close`](Drawing::close).
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) {
        self.ops.push(0);
        self.string(tag);
        for (name, value) in attributes {
            self.ops.push(2);
            self.string(name);
            self.string(value);
        }
    }

    /// Back to the current element's parent.
    pub fn close(&mut self) {
        self.ops.push(1);
    }

    /// A text node in the current element.
    pub fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.ops.push(3);
            self.string(text);
        }
    }

    /// An element with its text and nothing else: [`open`](Drawing::open), [`text`](Drawing::text),
    /// [`close`](Drawing::close).
    pub fn leaf(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(tag, attributes);
        self.text(text);
        self.close();
    }

    /// A property of the current element's style.
    pub fn style(&mut self, name: &str, value: &str) {
        self.ops.push(4);
        self.string(name);
        self.string(value);
    }

    /// The current element's `onerror` is the listener given to [`draw`](Drawing::draw).
    pub fn on_error(&mut self) {
        self.ops.push(5);
    }

    /// A new element in the current one, a copy of kept element `k` (made by
    /// [`keep`](Drawing::keep) in this drawing or an earlier one given the same array); it is the
    /// current one until [`close`](Drawing::close).
    pub fn copy(&mut self, k: u32) {
        self.ops.extend([6, k]);
    }

    /// Keeps a copy of the current element, as it is now, as kept element `k`.
    pub fn keep(&mut self, k: u32) {
        self.ops.extend([7, k]);
    }

    /// Makes the elements in `parent`. An error only if the document refused one (an invalid
    /// element or attribute name); what was made before it stays.
    pub fn draw(
        &self,
        parent: &Element,
        on_error: Option<&js_sys::Function>,
    ) -> Result<(), JsValue> {
        draw(parent, &self.ops, &self.text, on_error, None)
    }

    /// [`draw`](Drawing::draw), with the kept elements in `kept`.
    pub fn draw_keeping(&self, parent: &Element, kept: &js_sys::Array) -> Result<(), JsValue> {
        draw(parent, &self.ops, &self.text, None, Some(kept))
    }

    fn string(&mut self, s: &str) {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.chars().map(char::len_utf16).sum()
        } as u32;
        self.ops.extend([self.units, units]);
        self.text.push_str(s);
        self.units += units;
    }
}

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
