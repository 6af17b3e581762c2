//! The lead stories, read ahead: the files of the first articles of the list of every article,
//! fetched and decoded when the browser is idle, so that opening one draws its whole page in
//! the click's own task. Without it an open draws the header (known from the index), waits for
//! the file (the request goes out with the press, `fetch::fetch_ahead`), and draws the body in
//! a second frame. On the default corpus at 4x CPU, opening the second card's article after
//! Back took 112 ms without it and 63 ms with it (medians of eight loads, builds alternating);
//! on a phone's network the wait for the file is most of an open.
//!
//! What it costs, and the bounds on it: at most [`ARTICLES_AHEAD`] files a page load, one after
//! another, each only if its summary says it is short ([`LONGEST_AHEAD_MINUTES`]; a summary
//! without a reading time is not guessed at), kept decoded until the page goes (a few tens of
//! kB). Only while the list of every article shows (with a topic or a search, the lead stories
//! are not the cards on screen), in the viewer that keeps the page's address (the page's own; an
//! embed only with `sync-url`: an embed is a guest on a page whose reader came for that page),
//! and not where the reader asked the browser to save data. Once per page load, for the first
//! viewer whose list shows (`split_pages`' idle chain runs once a page): when that one is an
//! embed, nothing is read ahead in the page. A file that fails is dropped without a
//! word: the open, if it comes, loads it and says what went wrong. A file the reader's press has
//! already asked for (`fetch::fetch_ahead`) is left to that request.
//!
//! Only a split build reads ahead (`split_pages`, after the warm-up): the decoder is the article
//! page's code, in its chunk, loaded when idle; the first view does not carry it.

use crate::app::corpus_data::CorpusData;
use crate::core::corpus::part::Part;
use crate::core::corpus::parts::CorpusParts;
use crate::core::format::Article;
use std::cell::RefCell;
use std::sync::Arc;

/// How many of the list's first articles are read ahead: the lead story and the two below it,
/// what a desktop's first screen shows whole (a phone's shows one or two).
pub const ARTICLES_AHEAD: usize = 3;

/// The longest article read ahead, in minutes of reading (the index's `reading_minutes`): ten
/// minutes are about 2,300 words, a file of some 15–30 kB. A longer article is fetched when
/// opened.
pub const LONGEST_AHEAD_MINUTES: u32 = 10;

thread_local! {
    /// The articles read ahead, with the URLs they were read from.
    static KEPT: RefCell<Vec<(String, Arc<Article>)>> = const { RefCell::new(Vec::new()) };
}

/// Starts reading ahead the lead stories of a corpus's list ([`lead_urls`]), if there are any.
pub fn start(data: CorpusData) {
    let urls = lead_urls(data);
    if !urls.is_empty() {
        leptos::task::spawn_local(read(urls));
    }
}

/// The files to read ahead: the URLs of the first [`ARTICLES_AHEAD`] articles of the list of
/// every article (newest first) whose summaries are here and short enough; none once the
/// viewer is gone, or when the reader saves data.
pub fn lead_urls(data: CorpusData) -> Vec<String> {
    let short = |parts: &CorpusParts, ordinal: usize| match parts.summary(ordinal) {
        Part::Ready(summary) => summary
            .reading_minutes
            .is_some_and(|m| m <= LONGEST_AHEAD_MINUTES)
            .then(|| summary.id.to_string()),
        _ => None,
    };
    let Some(ids) = data.read_untracked(|parts| {
        (0..ARTICLES_AHEAD)
            .filter_map(|o| short(parts, o))
            .collect::<Vec<_>>()
    }) else {
        return Vec::new();
    };
    if crate::web::fetch::saves_data() {
        return Vec::new();
    }
    ids.iter()
        .filter_map(|id| data.article_url(id).ok())
        .collect()
}

/// Fetches and decodes the files at `urls`, one after another, keeping each article as it
/// arrives (so that an open during the rest finds it), then leaves [`READ_AHEAD`] in the page's
/// performance timeline.
pub async fn read(urls: Vec<String>) {
    for url in urls {
        if is_kept(&url) || crate::web::fetch::is_ahead(&url) {
            continue;
        }
        if let Ok(article) = crate::web::fetch::load_article(&url).await {
            KEPT.with_borrow_mut(|kept| {
                if kept.len() == ARTICLES_AHEAD {
                    kept.remove(0);
                }
                kept.push((url, Arc::new(article)));
            });
        }
    }
    crate::web::console::mark(READ_AHEAD);
}

/// The performance mark left when the lead stories have been read (for profiles, and the
/// end-to-end tests).
pub const READ_AHEAD: &str = "lede: lead stories read ahead";

/// The article read ahead from `url`, if there is one.
pub fn kept(url: &str) -> Option<Arc<Article>> {
    KEPT.with_borrow(|kept| {
        (kept.iter())
            .find(|(from, _)| from == url)
            .map(|(_, article)| article.clone())
    })
}

/// Whether the article at `url` has been read ahead (without a copy of its handle).
pub fn is_kept(url: &str) -> bool {
    KEPT.with_borrow(|kept| kept.iter().any(|(from, _)| from == url))
}
