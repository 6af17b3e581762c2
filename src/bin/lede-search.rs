//! The search worker: the search engine (`lede::core::search`, with its Unicode tables and
//! stemmers) as a wasm module of its own, run in a Web Worker, so none of it is in the first
//! view's wasm. Trunk builds it (`index.html`, `data-type="worker"`, without the `viewer`
//! feature) into `lede-search.js`, `lede-search_bg.wasm` and `lede-search_loader.js`; the viewer
//! starts it when the reader first focuses the search box (`src/web/search.rs`).
//!
//! Messages are strings, fields separated by U+001F (`SEP`), so the viewer's side needs no JS
//! object code (`src/web/search.rs`):
//!
//! - in `s SEP id SEP index SEP meta SEP query [SEP allowed]`: search the corpus whose index is
//!   at the URL `index`, whose search meta file is `meta` (relative to the index); `allowed`
//!   (ordinals, space-separated) restricts the search to them (the viewer intersects with the
//!   topic selection itself, so that the topic counts follow the query). Out
//!   `id SEP 1 SEP hits SEP entities`: ordinals best first and entity ids, space-separated.
//! - in `p SEP id SEP language SEP query SEP paragraph...`: the best snippet of an article for
//!   the query. Out `id SEP 1 SEP text SEP marks` (start end pairs, code points of `text`,
//!   space-separated), `text` empty when nothing matches.
//! - out `id SEP 0 SEP message` when a search fails (a file missing or malformed).
//! - out `ready` once, when the worker listens: messages sent before it would be lost.
//!
//! The meta file and every fragment are fetched once per worker and kept.

#[cfg(target_arch = "wasm32")]
mod worker {
    use lede::core::search::{
        best_snippet, matching_entities, search, Fragments, PositionsFragment, Query, SearchMeta,
        TermFragment, SNIPPET_CHARS,
    };
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

    /// The index being searched: its meta file's URL, the meta file, the fragments fetched.
    #[derive(Default)]
    struct Loaded {
        meta_url: String,
        meta: Option<Rc<SearchMeta>>,
        fragments: Fragments,
    }

    thread_local! {
        static LOADED: RefCell<Loaded> = RefCell::new(Loaded::default());
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    const SEP: char = '\u{1f}';

    fn post(text: &str) {
        let _ = scope().post_message(&JsValue::from_str(text));
    }

    fn resolve(relative: &str, base: &str) -> Result<String, String> {
        web_sys::Url::new_with_base(relative, base)
            .map(|u| u.href())
            .map_err(|_| format!("not a URL: {relative}"))
    }

    async fn fetch_text(url: &str) -> Result<String, String> {
        let failed = |what: &str| format!("{url}: {what}");
        let response: Response = JsFuture::from(scope().fetch_with_str(url))
            .await
            .map_err(|_| failed("network error"))?
            .unchecked_into();
        if !response.ok() {
            return Err(failed(&format!("HTTP {}", response.status())));
        }
        let text = response.text().map_err(|_| failed("unreadable"))?;
        JsFuture::from(text)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| failed("unreadable"))
    }

    /// The meta file of the index at `index_url`, fetched once.
    async fn meta(index_url: &str, meta_path: &str) -> Result<(Rc<SearchMeta>, String), String> {
        let meta_url = resolve(meta_path, index_url)?;
        let known = LOADED.with(|l| {
            let l = l.borrow();
            (l.meta_url == meta_url).then(|| l.meta.clone()).flatten()
        });
        if let Some(meta) = known {
            return Ok((meta, meta_url));
        }
        let text = fetch_text(&meta_url).await?;
        let meta = Rc::new(SearchMeta::from_json(&text).map_err(|e| format!("{meta_url}: {e}"))?);
        LOADED.with(|l| {
            let mut l = l.borrow_mut();
            if l.meta_url != meta_url {
                *l = Loaded {
                    meta_url: meta_url.clone(),
                    ..Loaded::default()
                };
            }
            l.meta = Some(meta.clone());
        });
        Ok((meta, meta_url))
    }

    /// A search: `fields` are index, meta, query and, optionally, the allowed ordinals.
    async fn run_search(fields: Vec<String>) -> Result<String, String> {
        let field = |n: usize| fields.get(n).map_or("", String::as_str);
        let (index_url, meta_path, text) = (field(0), field(1), field(2));
        let (meta, meta_url) = meta(index_url, meta_path).await?;
        let query = Query::parse(text, &meta.languages);
        let plan = query.plan(&meta);
        // Fetch what is missing, all at once; then read it (a fragment that fails to load or
        // parse is an error: a partial answer would look like a complete one).
        let (terms, positions): (Vec<u32>, Vec<u32>) = LOADED.with(|l| {
            let l = l.borrow();
            (
                plan.terms
                    .iter()
                    .copied()
                    .filter(|n| !l.fragments.terms.contains_key(n))
                    .collect(),
                plan.positions
                    .iter()
                    .copied()
                    .filter(|n| !l.fragments.positions.contains_key(n))
                    .collect(),
            )
        });
        let mut loads = Vec::new();
        for &n in &terms {
            loads.push((true, n, resolve(&meta.fragment_url(n), &meta_url)?));
        }
        for &n in &positions {
            loads.push((false, n, resolve(&meta.positions_url(n), &meta_url)?));
        }
        let texts = futures_join(loads.iter().map(|(_, _, url)| url.clone()).collect()).await;
        for ((is_term, n, url), text) in loads.into_iter().zip(texts) {
            let text = text?;
            let bad = |e: lede::core::format::FormatError| format!("{url}: {e}");
            LOADED.with(|l| -> Result<(), String> {
                let mut l = l.borrow_mut();
                if is_term {
                    let f = TermFragment::from_json(&text, n, meta.count).map_err(bad)?;
                    l.fragments.terms.insert(n, f);
                } else {
                    let f = PositionsFragment::from_json(&text, n, meta.count).map_err(bad)?;
                    l.fragments.positions.insert(n, f);
                }
                Ok(())
            })?;
        }
        let allowed: Option<Vec<u32>> = fields.get(3).map(|a| {
            let mut v: Vec<u32> = a.split(' ').filter_map(|o| o.parse().ok()).collect();
            v.sort_unstable();
            v
        });
        Ok(LOADED.with(|l| {
            let l = l.borrow();
            let results = search(&query, &meta, &l.fragments, &|o| {
                allowed.as_ref().is_none_or(|a| a.binary_search(&o).is_ok())
            });
            let hits: Vec<String> = results.hits.iter().map(|h| h.ordinal.to_string()).collect();
            let entities = matching_entities(&query, &meta, &l.fragments).join(" ");
            format!("{}{SEP}{entities}", hits.join(" "))
        }))
    }

    /// Fetches the URLs at once, answers in their order.
    async fn futures_join(urls: Vec<String>) -> Vec<Result<String, String>> {
        let promises: Vec<js_sys::Promise> =
            urls.iter().map(|url| scope().fetch_with_str(url)).collect();
        let mut out = Vec::new();
        for (url, promise) in urls.iter().zip(promises) {
            // The request is already under way: awaiting in order costs nothing extra.
            let response = JsFuture::from(promise).await;
            out.push(match response {
                Err(_) => Err(format!("{url}: network error")),
                Ok(r) => {
                    let r: Response = r.unchecked_into();
                    if !r.ok() {
                        Err(format!("{url}: HTTP {}", r.status()))
                    } else {
                        match r.text() {
                            Ok(p) => JsFuture::from(p)
                                .await
                                .ok()
                                .and_then(|t| t.as_string())
                                .ok_or_else(|| format!("{url}: unreadable")),
                            Err(_) => Err(format!("{url}: unreadable")),
                        }
                    }
                }
            });
        }
        out
    }

    /// A snippet: `fields` are language, query, paragraphs.
    fn snippet(fields: &[String]) -> String {
        let language = fields.first().filter(|l| !l.is_empty()).cloned();
        let text = fields.get(1).map_or("", String::as_str);
        let languages: Vec<String> = language.iter().cloned().collect();
        let query = Query::parse(text, &languages);
        let refs: Vec<&str> = fields.iter().skip(2).map(String::as_str).collect();
        match best_snippet(&refs, &query, language.as_deref(), SNIPPET_CHARS) {
            Some(s) => {
                let marks: Vec<String> = s
                    .highlights
                    .iter()
                    .map(|&(a, b)| format!("{a} {b}"))
                    .collect();
                format!("{}{SEP}{}", s.text, marks.join(" "))
            }
            None => SEP.to_string(),
        }
    }

    pub fn start() {
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
            let data = event.data().as_string().unwrap_or_default();
            let mut fields: Vec<String> = data.split(SEP).map(str::to_string).collect();
            if fields.len() < 2 {
                return;
            }
            let rest = fields.split_off(2);
            let (kind, id) = (fields[0].clone(), fields[1].clone());
            if kind == "p" {
                post(&format!("{id}{SEP}1{SEP}{}", snippet(&rest)));
                return;
            }
            spawn_local(async move {
                match run_search(rest).await {
                    Ok(answer) => post(&format!("{id}{SEP}1{SEP}{answer}")),
                    Err(error) => post(&format!("{id}{SEP}0{SEP}{error}")),
                }
            });
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post("ready");
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("lede-search is the viewer's search worker, built for the browser by Trunk.");
    std::process::exit(2);
}
