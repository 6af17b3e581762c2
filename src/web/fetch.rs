//! Fetching corpus files with gloo-net: a timeout, HTTP errors as values, and parsing that names
//! the file and the JSON path when a file is malformed.

use crate::core::corpus::load_error::LoadError;
use crate::core::format::{utf8_text, Article, CorpusIndex, FormatError};
use gloo_net::http::{Request, Response};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long the viewer waits for a file before it says so and offers a retry.
pub const TIMEOUT_SECONDS: u32 = 20;

/// The text of the file at `url`, or why not: read as bytes ([`fetch_bytes`]), so that the
/// viewer has one fetch path in its wasm, not two, and a file that is not UTF-8 is refused with
/// where it is not, as the index is (`Response::text()` would have replaced the bad bytes).
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let bytes = fetch_bytes(url).await?;
    utf8_text(bytes).map_err(format_error(url))
}

/// The bytes of the file at `url`, or why not. The index is decoded from its bytes
/// (`CorpusIndex::from_bytes`), which spares the browser's copy of the text into a JavaScript
/// string (UTF-16) and wasm-bindgen's copy of that string back into UTF-8 in the wasm's memory.
/// A request [`fetch_ahead`] sent for the same URL is taken instead of sending another.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let ahead = AHEAD.with_borrow_mut(|ahead| {
        ahead
            .as_ref()
            .is_some_and(|sent| sent.url == url)
            .then(|| ahead.take())
            .flatten()
    });
    ahead.unwrap_or_else(|| Sent::new(url)).read().await
}

thread_local! {
    /// The one request sent ahead, until [`fetch_bytes`] asks for its URL.
    static AHEAD: std::cell::RefCell<Option<Sent>> = const { std::cell::RefCell::new(None) };
    /// A rejection handler that does nothing, one for every request ([`Sent::new`]).
    static QUIET: Closure<dyn FnMut(wasm_bindgen::JsValue)> = Closure::new(|_| {});
}

/// Sends the request for the file at `url` now, for a [`fetch_bytes`] of the same URL that is
/// about to come: a press on an article's link, or the click, sends it before the article's
/// page is drawn, so the file travels while the page is built (at 4x CPU the page took 8 to
/// 20 ms before its own request went out). One request is held: the one before, if nobody
/// asked for it, is aborted.
pub fn fetch_ahead(url: &str) {
    // Already on its way (a press, then its click): kept.
    if is_ahead(url) {
        return;
    }
    let before = AHEAD.with_borrow_mut(|ahead| ahead.replace(Sent::new(url)));
    drop(before);
}

/// Whether the request sent ahead (a press on an article's link) is for `url`.
pub fn is_ahead(url: &str) -> bool {
    AHEAD.with_borrow(|ahead| ahead.as_ref().is_some_and(|sent| sent.url == url))
}

/// Whether the reader asked the browser to save data (`navigator.connection.saveData`, the
/// setting behind the `Save-Data` request header); `false` where the browser does not say.
pub fn saves_data() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"connection".into()))
        .and_then(|connection| js_sys::Reflect::get(&connection, &"saveData".into()))
        .is_ok_and(|save| save.is_truthy())
}

/// A request sent when this is made; [`Sent::read`] waits for its bytes, with a timeout.
/// Dropped before it is read to the end, the request is aborted; its timer is cleared either way.
struct Sent {
    url: String,
    response: Result<js_sys::Promise, LoadError>,
    controller: Option<web_sys::AbortController>,
    timed_out: Rc<Cell<bool>>,
    timer: Option<(i32, Closure<dyn FnMut()>)>,
    /// Read to the end: dropping it then aborts nothing.
    read: bool,
}

impl Sent {
    fn new(url: &str) -> Sent {
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        let timed_out = Rc::new(Cell::new(false));
        // Built by gloo-net, sent here rather than by its `send()`, which sends only when its
        // future is first polled.
        let response = Request::get(url)
            .abort_signal(signal.as_ref())
            .build()
            .map_err(|e| network_error(url, &timed_out, network_message(e)))
            .and_then(|request| {
                let window = web_sys::window().ok_or_else(|| LoadError::Network {
                    url: url.to_string(),
                    message: "no window to fetch from".to_string(),
                })?;
                let promise = window.fetch_with_request(&web_sys::Request::from(request));
                // A request fetched ahead may fail, or be aborted, before anyone reads it: its
                // rejection is handled here so that the console does not call it uncaught (the
                // reader, if any, still gets it).
                QUIET.with(|quiet| {
                    let _ = promise.catch(quiet);
                });
                Ok(promise)
            });
        Sent {
            url: url.to_string(),
            response,
            controller,
            timed_out,
            timer: None,
            read: false,
        }
    }

    /// Waits for the file, for [`TIMEOUT_SECONDS`] from now: a request sent ahead is given its
    /// full time from when it is asked for, not from when it was sent.
    async fn read(mut self) -> Result<Vec<u8>, LoadError> {
        self.timer = self.controller.clone().and_then(|controller| {
            // gloo-net has no timeout of its own: abort the request from a timer.
            let flag = self.timed_out.clone();
            let abort = Closure::once(move || {
                flag.set(true);
                controller.abort();
            });
            let id = web_sys::window()?
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    abort.as_ref().unchecked_ref(),
                    (TIMEOUT_SECONDS * 1000) as i32,
                )
                .ok()?;
            Some((id, abort))
        });
        let url = self.url.as_str();
        let promise = self.response.clone()?;
        let response: Response = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .and_then(|r| r.dyn_into::<web_sys::Response>())
            .map_err(|e| network_error(url, &self.timed_out, js_message(&e)))?
            .into();
        if !response.ok() {
            return Err(LoadError::Http {
                url: url.to_string(),
                status: response.status(),
            });
        }
        let bytes = response
            .binary()
            .await
            .map_err(|e| network_error(url, &self.timed_out, network_message(e)));
        self.read = true;
        bytes
    }
}

impl Drop for Sent {
    fn drop(&mut self) {
        if let (Some((id, _)), Some(window)) = (&self.timer, web_sys::window()) {
            window.clear_timeout_with_handle(*id);
        }
        if !self.read {
            if let Some(controller) = &self.controller {
                controller.abort();
            }
        }
    }
}

fn network_error(url: &str, timed_out: &Cell<bool>, message: String) -> LoadError {
    if timed_out.get() {
        LoadError::Timeout {
            url: url.to_string(),
            seconds: TIMEOUT_SECONDS,
        }
    } else {
        LoadError::Network {
            url: url.to_string(),
            message,
        }
    }
}

/// What the browser said about a failed request. A `match` rather than `error.to_string()`: the
/// enum's `Display` also covers serde_json errors (server_fn switches gloo-net's `json` feature
/// on), and calling it links serde_json's and std::io's message tables into the wasm for a
/// variant that `text()` never returns.
fn network_message(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(error) => error.message,
        gloo_net::Error::GlooError(message) => message,
        #[allow(unreachable_patterns)] // the `json` variant, when a dependency enables it
        _ => "the response could not be read".to_string(),
    }
}

/// What a rejected `fetch()` said (a `TypeError`'s or an `AbortError`'s message).
fn js_message(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the request failed".to_string())
}

/// A format error in the file at `url`, as a load error naming the file.
pub fn format_error(url: &str) -> impl FnOnce(FormatError) -> LoadError + '_ {
    move |error| LoadError::Format {
        url: url.to_string(),
        error,
    }
}

/// Loads and validates the corpus index.
pub async fn load_index(url: &str) -> Result<CorpusIndex, LoadError> {
    let bytes = fetch_bytes(url).await?;
    CorpusIndex::from_bytes(bytes).map_err(format_error(url))
}

/// Loads and validates one article.
pub async fn load_article(url: &str) -> Result<Article, LoadError> {
    let text = fetch_text(url).await?;
    Article::from_json(&text).map_err(format_error(url))
}
