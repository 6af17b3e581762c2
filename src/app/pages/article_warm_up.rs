//! The article page, built once off the document for a small article of the viewer's own, so
//! that the reader's first article does not wait for the browser to compile the code that
//! draws it.
//!
//! Why: a browser compiles a wasm function the first time it is called (V8's lazy compilation:
//! Liftoff, on the main thread), and a page's first article open is the first call of about 470
//! functions (70 kB of wasm: the article page's chunk, the article decoder's, the navigation's).
//! Traced at 4x CPU on the default corpus, that was 30–40 ms of the first open's 110, twice
//! what the same open took once another article had been opened first. Nothing on the web asks
//! a browser to compile a module's functions ahead (V8's compilation-hints section is behind a
//! flag), so the viewer calls them itself: [`warm_up_page`], built and dropped off the document
//! when the browser is idle after the page's code has loaded (`split_pages`).
//!
//! It is one idle task (6–11 ms at 1x, 25–28 ms at 4x CPU, traced on the default corpus's
//! list): a click that comes during it waits for it, as for any other task; it is work that
//! click's first open would otherwise do itself. It is skipped once an article page has been
//! shown (a deep link, or a reader quicker than the idle callbacks): that compiled the code.
//!
//! What it must not do, and does not: touch the document (its elements are never inserted),
//! the address, the title, the console, storage or the network (the article has no image and
//! no topics, so no picture is requested and no "More on" is ranked, and it is not fetched: it
//! is decoded from the text below, which also runs the article decoder's code). Its listeners
//! (the mention previews', on the viewer's element) are removed with its owner in the same task,
//! before any event can reach them, and its effects are disposed before they first run.

use crate::app::pages::article::ArticlePage;
use crate::core::format::Article;
use leptos::prelude::*;
use std::sync::Arc;

/// The warm-up's article: a headline, a standfirst, a byline, a date, a publisher, rights, three
/// entities of three kinds, and a paragraph that mentions each (one twice: a link, then a mark)
/// beside a plain one, as an article's code paths want. Offsets count Unicode code points. In
/// plain English, whose date the viewer writes itself (`core/text/english.rs`): without a
/// `language` its date would make the reader's default `Intl` formatter, and the page's first
/// one loads the browser's locale data (17–40 ms at 1x CPU) inside this idle task.
pub const WARM_UP_ARTICLE: &str = r#"{
  "version": 1,
  "id": "lede-warm-up",
  "headline": "Lede warms up",
  "headline_mentions": [{ "start": 0, "end": 4, "entity": "lede" }],
  "standfirst": "An article the viewer builds off the page, once",
  "byline": "Lede",
  "published": "2026-11-30",
  "language": "en",
  "source_name": "Lede",
  "source_url": "https://example.org/lede",
  "rights": "Lede",
  "topics": [],
  "entities": [
    { "id": "lede", "name": "Lede", "type": "organisation", "description": "A news viewer" },
    { "id": "ada", "name": "Ada", "type": "person" },
    { "id": "paris", "name": "Paris", "type": "place" }
  ],
  "body": [
    {
      "text": "Ada read Lede in Paris, and Lede again.",
      "mentions": [
        { "start": 0, "end": 3, "entity": "ada" },
        { "start": 9, "end": 13, "entity": "lede" },
        { "start": 17, "end": 22, "entity": "paris" },
        { "start": 28, "end": 32, "entity": "lede" }
      ]
    },
    { "text": "Nothing else happens." }
  ]
}"#;

/// Builds `page` off the document under a child of `owner` (whose contexts it reads), cleans
/// that owner up at once (its listeners and effects go with it), and returns the page's
/// top-level elements, never inserted anywhere (a test reads them; the warm-up drops them).
pub fn build_off_document(owner: &Owner, page: impl FnOnce() -> AnyView) -> Vec<web_sys::Element> {
    let warm = owner.child();
    let elements = warm.with(|| untrack(|| page().build().elements()));
    warm.cleanup();
    elements
}

/// The article page for [`WARM_UP_ARTICLE`], for the warm-up to build and drop.
pub fn warm_up_page() -> AnyView {
    match Article::from_json(WARM_UP_ARTICLE) {
        Ok(article) => {
            view! { <ArticlePage id=String::new() warm_up=Arc::new(article) /> }.into_any()
        }
        // Never: a component test builds this page and finds the article in it.
        Err(_) => ().into_any(),
    }
}
