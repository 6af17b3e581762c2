//! The search worker's client: starts `lede-search_loader.js` (src/bin/lede-search.rs) on first
//! use, one worker for the page, and hands each answer to the callback of its request.
//! Requests sent before the worker says it is ready wait in a queue (a message sent earlier
//! would be lost).
//!
//! Messages are strings, fields separated by U+001F (the protocol is written above the
//! worker's `main`): strings cross to a worker and back without any JS object code in the
//! first view's wasm.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The field separator of the worker's messages.
pub const SEP: char = '\u{1f}';

#[wasm_bindgen]
extern "C" {
    /// The URL of the viewer's JS glue: the worker's files are next to it (also when the viewer
    /// is embedded in another page).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

/// An answer's fields after the id, or why there is none.
type Done = Box<dyn FnOnce(Result<Vec<String>, String>)>;

#[derive(Default)]
struct Client {
    worker: Option<web_sys::Worker>,
    /// `Some` until the worker is ready: what to send then.
    queue: Option<Vec<String>>,
    /// Requests waiting for an answer, by id.
    waiting: Vec<(u32, Done)>,
    next_id: u32,
    failed: bool,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

/// Starts the worker if it is not running; `false` if it cannot run here (no workers, or the
/// viewer's files on another origin than the page: browsers refuse such a worker).
pub fn start() -> bool {
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.worker.is_some() || c.failed {
            return !c.failed;
        }
        let worker = GLUE_URL
            .with(|glue| web_sys::Url::new_with_base("lede-search_loader.js", glue))
            .and_then(|url| web_sys::Worker::new(&url.href()));
        let Ok(worker) = worker else {
            c.failed = true;
            return false;
        };
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // A worker that fails to load answers nothing: every waiting request fails.
        let on_error = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|_| fail_all());
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        c.worker = Some(worker);
        c.queue = Some(Vec::new());
        true
    })
}

fn on_message(event: web_sys::MessageEvent) {
    let data = event.data().as_string().unwrap_or_default();
    if data == "ready" {
        CLIENT.with(|c| {
            let c = &mut *c.borrow_mut();
            if let (Some(queue), Some(w)) = (c.queue.take(), &c.worker) {
                for message in queue {
                    let _ = w.post_message(&JsValue::from_str(&message));
                }
            }
        });
        return;
    }
    let mut fields = data.split(SEP).map(str::to_string);
    let id: Option<u32> = fields.next().and_then(|f| f.parse().ok());
    let ok = fields.next().as_deref() == Some("1");
    let rest: Vec<String> = fields.collect();
    let done = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let at = c.waiting.iter().position(|(i, _)| Some(*i) == id)?;
        Some(c.waiting.swap_remove(at).1)
    });
    if let Some(done) = done {
        done(if ok { Ok(rest) } else { Err(rest.concat()) });
    }
}

/// The worker failed (its files did not load, or it stopped): every waiting request fails,
/// and the next one starts a new worker, so that "Try again" can succeed. (`failed` stays for
/// a page that cannot run a worker at all.)
fn fail_all() {
    let waiting = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(worker) = c.worker.take() {
            worker.terminate();
        }
        c.queue = None;
        std::mem::take(&mut c.waiting)
    });
    for (_, done) in waiting {
        done(Err("the search worker did not start".into()));
    }
}

/// Sends `kind` and `fields` with a new id, and calls `done` with the answer.
fn ask(kind: &str, fields: &[&str], done: Done) {
    if !start() {
        return done(Err("search is not available here".into()));
    }
    CLIENT.with(|c| {
        let c = &mut *c.borrow_mut();
        let id = c.next_id;
        c.next_id += 1;
        let mut message = format!("{kind}{SEP}{id}");
        for f in fields {
            message.push(SEP);
            message.push_str(f);
        }
        c.waiting.push((id, done));
        match (&mut c.queue, &c.worker) {
            (Some(queue), _) => queue.push(message),
            (None, Some(w)) => {
                let _ = w.post_message(&JsValue::from_str(&message));
            }
            _ => {}
        }
    });
}

/// Searches the corpus whose index is at `index_url` (resolved), its search meta file at
/// `meta` (relative to it); `done` gets the ordinals found, best first, and the ids of the
/// entities the query names.
pub fn search(
    index_url: &str,
    meta: &str,
    query: &str,
    done: impl FnOnce(Result<(Vec<usize>, Vec<String>), String>) + 'static,
) {
    ask(
        "s",
        &[index_url, meta, query],
        Box::new(move |answer| {
            done(answer.map(|fields| {
                let list = |n: usize| {
                    let field = fields.get(n).map_or("", String::as_str);
                    field
                        .split(' ')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                };
                let hits = list(0).iter().filter_map(|o| o.parse().ok()).collect();
                (hits, list(1))
            }))
        }),
    );
}

/// The best window of `paragraphs` for `query`: `done` gets its text and the (start, end)
/// code-point spans to mark, or nothing when nothing matches.
pub fn snippet(
    query: &str,
    language: Option<&str>,
    paragraphs: &[&str],
    done: impl FnOnce(String, Vec<(usize, usize)>) + 'static,
) {
    let mut fields = vec![language.unwrap_or(""), query];
    fields.extend(paragraphs.iter().copied());
    ask(
        "p",
        &fields,
        Box::new(move |answer| {
            let Ok(fields) = answer else { return };
            let (Some(text), Some(marks)) = (fields.first(), fields.get(1)) else {
                return;
            };
            let n: Vec<usize> = marks.split(' ').filter_map(|m| m.parse().ok()).collect();
            if !text.is_empty() {
                done(
                    text.clone(),
                    n.chunks_exact(2).map(|p| (p[0], p[1])).collect(),
                );
            }
        }),
    );
}
