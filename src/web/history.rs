//! The view state in the address bar, over the History API (no router: see README).
//!
//! Opening an article or an entity pushes a history entry, so Back returns to where the reader
//! was; changing the topic selection replaces the current entry, so Back does not step through
//! every toggle. A viewer with history off never touches the URL.

use crate::core::view::state::ViewState;

thread_local! {
    /// Where the reader was on each page of this session's history: its address → the
    /// window's scroll position when they left it, so that Back and Forward return there. In
    /// memory, not in `history.state`: an embed with `sync-url` shares the host page's entries,
    /// and their state is the host's. At most [`MAX_PLACES`] addresses (the oldest goes first).
    static PLACES: std::cell::RefCell<Vec<(String, i32, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// How many articles "Show more" added to the last list shown (remembered with every
    /// place, and used only by a list's): Back to a long list finds its cards again.
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Notes how many articles "Show more" has added to the list now on screen.
pub fn note_depth(extra: usize) {
    DEPTH.set(extra);
}

/// How many pages' places are kept.
const MAX_PLACES: usize = 64;

/// Remembers the reader's place on the current page, before it is left.
pub fn remember_place() {
    flush_pending();
    let (Some(url), Some(y)) = (
        location().and_then(|l| l.href().ok()),
        web_sys::window().and_then(|w| w.scroll_y().ok()),
    ) else {
        return;
    };
    PLACES.with_borrow_mut(|places| {
        places.retain(|(u, ..)| *u != url);
        if places.len() == MAX_PLACES {
            places.remove(0);
        }
        places.push((url, y as i32, DEPTH.get()));
    });
}

/// The remembered place of the page the address bar now shows, if the reader has been there:
/// the window's scroll position, and how far "Show more" had grown its list.
pub fn recalled_place() -> Option<(i32, usize)> {
    flush_pending();
    let url = location().and_then(|l| l.href().ok())?;
    PLACES.with_borrow(|places| {
        (places.iter())
            .find(|(u, ..)| *u == url)
            .map(|&(_, y, extra)| (y, extra))
    })
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The state the current URL describes.
pub fn read_state(prefix: &str) -> ViewState {
    flush_pending();
    let search = location().and_then(|l| l.search().ok()).unwrap_or_default();
    ViewState::from_query(&search, prefix)
}

/// The absolute URL that shows `state`: this page's, with our query keys replaced and the
/// page's other parameters kept. Absolute, because a host page's `<base>` element would
/// otherwise send a relative link (and `pushState`) to another site.
pub fn href_for(state: &ViewState, prefix: &str) -> String {
    let Some((page, search)) = page_address() else {
        return state.to_query("", prefix);
    };
    format!("{page}{}", state.to_query(&search, prefix))
}

thread_local! {
    /// This page's origin and path, and its query, as [`page_address`] last read them.
    static PAGE_ADDRESS: std::cell::RefCell<Option<(String, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// This page's origin and path, and its query string, read once per task: a list of 30 cards
/// has some 150 links, and three reads of `location` each (strings copied out of the browser)
/// were a tenth of a topic click's time. Forgotten in a microtask, before anything else (this
/// viewer's history writes, a host page's `pushState`) can change the address.
fn page_address() -> Option<(String, String)> {
    if let Some(known) = PAGE_ADDRESS.with_borrow(Clone::clone) {
        return Some(known);
    }
    let location = location()?;
    let search = location.search().unwrap_or_default();
    let page = location.origin().unwrap_or_default() + &location.pathname().unwrap_or_default();
    PAGE_ADDRESS.with_borrow_mut(|known| *known = Some((page.clone(), search.clone())));
    leptos::tachys::renderer::dom::queue_microtask(|| {
        PAGE_ADDRESS.with_borrow_mut(|known| *known = None);
    });
    Some((page, search))
}

/// How a state change enters the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new page for Back to return from.
    Push,
    /// The same page, adjusted.
    Replace,
}

thread_local! {
    /// The address a write will give the address bar once the click's answer is painted, the
    /// address it follows (the entry's, when the write was asked for), and how.
    static PENDING: std::cell::RefCell<Option<(String, String, Entry)>> =
        const { std::cell::RefCell::new(None) };
    /// The document title asked for while a write waits ([`set_title`]).
    static PENDING_TITLE: std::cell::RefCell<Option<String>> =
        const { std::cell::RefCell::new(None) };
}

/// Writes the pending address, if any. Everything that reads the address or writes one does
/// this first, so the pending write always lands on the entry it was made for; and it is
/// dropped if the address changed meanwhile (a host page's own `pushState`), since the entry it
/// was for is then not the current one.
fn flush_pending() {
    if let Some((url, before, entry)) = PENDING.take() {
        if location()
            .and_then(|l| l.href().ok())
            .is_some_and(|now| now == before)
        {
            write(&url, entry);
        }
    }
    // The new page's title, asked for while its entry waited: set now, so that it names the
    // new entry and not the one before (Back's menu lists each entry by its title).
    if let Some(title) = PENDING_TITLE.take() {
        set_document_title(&title);
    }
}

/// Drops the pending write: Back or Forward has left the entry it was for (between a click and
/// its write), and writing it now would give the entry the reader went to the address of
/// the page they left, or push a page after it.
pub fn forget_pending() {
    PENDING.take();
    PENDING_TITLE.take();
}

/// Pushes or replaces the current entry's address, now.
fn write(url: &str, entry: Entry) {
    let history = web_sys::window().and_then(|w| w.history().ok());
    let written = history.map(|h| match entry {
        Entry::Push => h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url)),
        Entry::Replace => h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url)),
    });
    PAGE_ADDRESS.with_borrow_mut(|known| *known = None);
    if !matches!(written, Some(Ok(()))) {
        crate::web::console::warn("could not write the view to the address bar");
    }
}

/// Writes `state` to the address bar, once the answer to the click is painted:
/// `history.replaceState` and `pushState` are synchronous round trips to the browser (5 ms of
/// a 4x-throttled topic click of ~30 ms, traced; a push 19 ms at 4x on a slower machine,
/// measured in the page), and the reader sees the page, not the address bar. A second write in
/// the same frame writes the first at once (a page with two viewers that share the address:
/// the second builds its address on the first's), and so does anything that reads the address;
/// Back or Forward in that frame drops it ([`forget_pending`]).
///
/// Not later than the next frame, for a new page (an article, an entity) too: Back pressed
/// before its entry is pushed leaves the page the reader was on, the list, for the one before
/// it, often another site. (Pushed when the browser was next idle, after the article's body,
/// the benchmark's Back right after a long article's paint left the viewer: c45cc26.)
pub fn write_state(state: &ViewState, prefix: &str, entry: Entry) {
    flush_pending();
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut url = href_for(state, prefix);
    if let Ok(hash) = window.location().hash() {
        url.push_str(&hash);
    }
    let Ok(before) = window.location().href() else {
        return write(&url, entry);
    };
    PENDING.set(Some((url, before, entry)));
    crate::web::idle::after_paint(Box::new(flush_pending));
}

/// Sets the document title (only for a viewer that owns the page); while an address write
/// waits for the next frame, once it is written: a browser names a history entry by the title
/// the page had while it was the current entry.
pub fn set_title(title: &str) {
    if PENDING.with_borrow(Option::is_some) {
        PENDING_TITLE.set(Some(title.to_string()));
    } else {
        set_document_title(title);
    }
}

fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
