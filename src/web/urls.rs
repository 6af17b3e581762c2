//! Resolving corpus URLs the way the browser will, after the core's safety check.
//!
//! Relative URLs in the index resolve against the index's URL, and relative URLs in an article
//! against the article's URL, never against the host page: a corpus can then live anywhere.

use crate::core::text::url_safety::safe_url;

/// `raw` resolved against `base`, or `None` if it is not an http(s) or relative URL, or does not
/// resolve to one.
pub fn resolve(raw: &str, base: &str) -> Option<String> {
    let cleaned = safe_url(raw)?;
    let url = web_sys::Url::new_with_base(&cleaned, base).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
}

/// The page's base URL (honours a `<base>` element), for resolving the corpus URL itself.
pub fn document_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}
