//! Fetching corpus files with gloo-net: a timeout, HTTP errors as values, and parsing that names
//! the file and the JSON path when a file is malformed.

use crate::core::corpus::load_error::LoadError;
use crate::core::format::{utf8_text, Article, CorpusIndex, FormatError};
use gloo_net::http::Request;
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
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    // gloo-net has no timeout of its own: abort the request from a timer.
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = controller.clone().and_then(|controller| {
        let flag = timed_out.clone();
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
    let result = async {
        let response = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| network_error(url, &timed_out, e))?;
        if !response.ok() {
            return Err(LoadError::Http {
                url: url.to_string(),
                status: response.status(),
            });
        }
        response
            .binary()
            .await
            .map_err(|e| network_error(url, &timed_out, e))
    }
    .await;
    if let (Some((id, _closure)), Some(window)) = (timer, web_sys::window()) {
        window.clear_timeout_with_handle(id);
    }
    result
}

fn network_error(
    url: &str,
    timed_out: &std::cell::Cell<bool>,
    error: gloo_net::Error,
) -> LoadError {
    if timed_out.get() {
        LoadError::Timeout {
            url: url.to_string(),
            seconds: TIMEOUT_SECONDS,
        }
    } else {
        LoadError::Network {
            url: url.to_string(),
            message: network_message(error),
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
