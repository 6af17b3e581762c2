//! The search on a list page, in the search's wasm chunk (`split_search.rs`): started when the
//! reader first focuses the box (`search_box.rs`, in the first view) or the URL names a search.
//!
//! - typing sets the query (`?q=`) after a 150 ms pause, Enter at once; Back and Forward put
//!   the URL's query back in the box;
//! - each new query goes to the search worker (`web::search`, `src/bin/lede-search.rs`), whose
//!   answer goes into the corpus parts, where the list reads it (`pages/list.rs`: the hits
//!   within the topic selection, ranked, with the topic counts of the search);
//! - the first [`SNIPPETS`] results get a snippet of their article with the matched words in
//!   `<mark>`, and the entity the query names a line above the results ("Lloyd Austin, person,
//!   3 articles"). Both are drawn into the list's elements with the DOM API, text nodes only,
//!   never HTML: Leptos views here would link rendering code of their own for two small
//!   elements. They are drawn once the list has drawn its cards (the next animation frame), and
//!   again whenever the cards, the query or the snippets change.

use crate::app::components::error_panel::ErrorPanel;
use crate::app::components::nav_link::plain_click;
use crate::app::components::search_context::{Hooks, SearchContext};
use crate::app::computed::Computed;
use crate::app::corpus_data::CorpusData;
use crate::app::effect::effect;
use crate::app::viewer::Viewer;
use crate::app::views::Handler;
use crate::core::corpus::load_error::LoadError;
use crate::core::corpus::part::Part;
use crate::core::corpus::parts::{CorpusParts, SearchAnswer};
use crate::core::corpus::topics::TopicFilter;
use crate::core::format::EntitySummary;
use crate::core::text::ui_text::UiText;
use crate::core::view::state::{View, ViewState};
use crate::web::dom::{child, element};
use crate::web::fetch::load_article;
use crate::web::listener::EventListener;
use crate::web::search as worker;
use crate::web::urls::resolve;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// How many results get a snippet (each is an article file to fetch).
pub const SNIPPETS: usize = 10;

/// How long typing must pause before the query is set.
const PAUSE: Duration = Duration::from_millis(150);

/// A snippet: its text, and the (start, end) code points of the text to mark.
type Snippet = (String, Vec<(usize, usize)>);

/// The query some snippets are for, and per article id its snippet (`None`: asked for, not
/// here, or nothing matched).
type Snippets = (String, Vec<(String, Option<Snippet>)>);

/// The search's own state on one list page.
struct Search {
    context: SearchContext,
    snippets: RefCell<Snippets>,
    /// The entity the line above the results names, for its link.
    entity: RefCell<Option<String>>,
    /// Bumped by every keystroke: only the last of a pause sets the query.
    typed: Cell<u32>,
    /// The query (trimmed) the box last set or was given: another one came from elsewhere
    /// (Back, Forward, "Clear the search") and goes into the box.
    shown: RefCell<String>,
    /// The cards given a snippet on this page (at most [`MARKED`]). Cards are kept
    /// (`kept_list::Shelf`), and may outlive the page that marked them: when the page goes,
    /// their snippets go, or a list without a search would show them again with another
    /// search's words marked.
    marked: Rc<RefCell<Vec<Element>>>,
}

/// How many cards [`Search::marked`] remembers: a few pages of results; a card given a snippet
/// longer ago than that has most likely left the page's shelf too.
const MARKED: usize = 300;

/// Starts the search on the list page being built (its effects and listeners go with it).
pub fn start(context: SearchContext) {
    let SearchContext {
        viewer,
        data,
        filter,
        visible,
        ..
    } = context;
    worker::start();
    context.hooks.set(list_hooks(viewer, data, filter), data);
    let search = Rc::new(Search {
        context,
        snippets: RefCell::new((String::new(), Vec::new())),
        entity: RefCell::new(None),
        typed: Cell::new(0),
        shown: RefCell::new(String::new()),
        marked: Rc::default(),
    });
    let marked = SendWrapper::new(search.marked.clone());
    on_cleanup(move || unmark(&marked));
    let index_url = data.index_url();
    let meta_url = (data.corpus().index.search.clone())
        .and_then(|meta| resolve(&meta, &index_url))
        .unwrap_or_default();

    // Typing, Enter, and a click on the entity line: listened to on the viewer's element, so
    // that a box drawn again (the `search` attribute off and on) is heard too.
    let listening = search.clone();
    let mut listener = EventListener::new(move |e: web_sys::Event| listening.event(&e));
    if let Some(root) = viewer.root_element() {
        for event in ["input", "keydown", "click"] {
            listener.listen(&root, event, false);
        }
    }
    let listener = SendWrapper::new(listener);
    on_cleanup(move || drop(listener));
    // What the reader typed before this code was here.
    search.set_query_from_box(false);

    // A new query goes to the worker; the answer goes into the parts.
    let asking = search.clone();
    effect(move || {
        let query = filter.with(|f| f.search().to_string());
        asking.show_in_box(&query);
        // Tracked: a retry forgets a failed answer, and this runs again.
        if query.is_empty() || data.read(|p| p.search_answer(&query).is_some()) {
            return;
        }
        let mut ask = false;
        data.change(&mut |p| {
            ask = p.ask_search(&query);
            false
        });
        if ask {
            worker::search(&index_url, &meta_url, &query.clone(), move |found| {
                let mut answer = Some(found.map(|(hits, entities)| SearchAnswer {
                    hits: Arc::new(hits),
                    entities,
                }));
                data.change(&mut |p| answer.take().is_some_and(|a| p.search_answered(&query, a)));
            });
        }
    });

    // Snippets and the entity line, whenever the cards or the answer change.
    effect(move || {
        let query = filter.with(|f| f.search().to_string());
        let ids: Vec<(String, Option<String>)> = visible.with(|v| {
            data.read(|p| {
                (v.iter().take(SNIPPETS))
                    .map_while(|&o| match p.summary(o) {
                        Part::Ready(s) => {
                            Some((s.id.to_string(), s.language.map(|l| l.to_string())))
                        }
                        _ => None,
                    })
                    .collect()
            })
        });
        let entity = data.read(|p| entity_of(p, &query));
        if matches!(entity, Some(None)) {
            data.request(CorpusParts::want_directory);
            data.request(CorpusParts::want_mentions);
        }
        if query.is_empty() {
            // The cards lose their snippets now, not at the next frame's drawing: a list page
            // kept while an article was read (`kept_page`) is on screen again by then, and the
            // cards it shows again must not carry another search's words.
            unmark(&search.marked);
        } else {
            search.want_snippets(&query, ids);
        }
        let entity = entity.flatten();
        let drawing = search.clone();
        request_animation_frame(move || drawing.draw(entity));
    });
}

/// The list's search parts: its listing (the hits within the topic selection, ranked, with the
/// search's topic counts), its status line and its empty state.
fn list_hooks(viewer: Viewer, data: CorpusData, filter: Computed<TopicFilter>) -> Hooks {
    // A failed search lists nothing (its empty state is the error), with the topic counts of
    // the list without it.
    let listing = move |limit: usize| {
        filter.with(|f| {
            data.read(|p| match (p.topic_index(), p.search_answer(f.search())) {
                (Part::Ready(topics), Some(Ok(answer))) => {
                    Some(topics.search_listing(f, &answer.hits, limit))
                }
                (Part::Ready(topics), Some(Err(_))) => {
                    Some((0, Vec::new(), topics.counts(f, &topics.select(f))))
                }
                _ => None,
            })
        })
    };
    let status = move |count: Option<usize>| {
        let query = filter.with(|f| f.search().to_string());
        let failed = data.read(|p| matches!(p.search_answer(&query), Some(Err(_))));
        match count {
            _ if failed => viewer.word(UiText::SearchFailed),
            None => viewer.fill(UiText::Searching, &[("query", &query)]),
            Some(n) => {
                let text = if n == 1 {
                    UiText::MatchesOne
                } else {
                    UiText::Matches
                };
                viewer.fill(text, &[("n", &n.to_string()), ("query", &query)])
            }
        }
    };
    // As the list's own empty state, in other words; or why the search failed (the worker or
    // the index did not load), with "Try again".
    let empty = move || {
        let query = filter.with(|f| f.search().to_string());
        let failed = data.read(|p| match p.search_answer(&query) {
            Some(Err(why)) => Some(why.clone()),
            _ => None,
        });
        if let Some(message) = failed {
            let error = LoadError::Network {
                url: "(the search index)".to_string(),
                message,
            };
            let retry: Handler = Arc::new(move || data.change(&mut CorpusParts::retry_search));
            return view! { <ErrorPanel error retry /> }.into_any();
        }
        let topics = !filter.with(TopicFilter::is_empty);
        let (hint, button) = if topics {
            (UiText::HintSearchTopics, UiText::ClearTopics)
        } else {
            (UiText::HintSearch, UiText::ClearSearch)
        };
        view! {
            <div class="lede-empty">
                <p>{viewer.fill(UiText::NoneMatch, &[("query", &query)])}</p>
                <p>{viewer.word(hint)}</p>
                <button
                    type="button"
                    class="lede-button"
                    on:click=move |_| {
                        viewer.update_filter(|f| if topics { f.clear() } else { f.query.clear() })
                    }
                >
                    {viewer.word(button)}
                </button>
            </div>
        }
        .into_any()
    };
    Hooks {
        listing: Box::new(listing),
        status: Box::new(status),
        empty: Box::new(empty),
    }
}

/// The entity the answer to `query` names first: `None` if none; `Some(None)` while its parts
/// (the directory, the mentions) are still to come; else it and how many articles mention it.
fn entity_of(parts: &CorpusParts, query: &str) -> Option<Option<(EntitySummary, usize)>> {
    let answer = parts.search_answer(query)?.as_ref().ok()?;
    let id = answer.entities.first()?;
    match (parts.entity(id), parts.mentions_of(id)) {
        (Part::Ready(None), _) => None,
        (Part::Ready(Some(e)), Part::Ready(list)) => Some(Some((e, list.len()))),
        (Part::Failed(_), _) | (_, Part::Failed(_)) => None,
        _ => Some(None),
    }
}

impl Search {
    /// This viewer's element named `name` (see [`Viewer::id`]).
    fn element(&self, name: &str) -> Option<Element> {
        let id = self.context.viewer.id(name);
        self.context.find(&format!("#{id}"))
    }

    fn input(&self) -> Option<web_sys::HtmlInputElement> {
        self.element("search")?.dyn_into().ok()
    }

    /// Sets the query to the box's text: now, or after [`PAUSE`] if no key follows.
    fn set_query_from_box(self: &Rc<Self>, pause: bool) {
        let n = self.typed.get().wrapping_add(1);
        self.typed.set(n);
        let search = self.clone();
        let set = move || {
            let viewer = search.context.viewer;
            let (Some(input), true) = (search.input(), search.typed.get() == n) else {
                return;
            };
            if viewer.state.try_with_untracked(|_| ()).is_some() {
                let value = input.value();
                *search.shown.borrow_mut() = value.trim().to_string();
                viewer.set_query(value);
            }
        };
        if pause {
            set_timeout(set, PAUSE);
        } else {
            set();
        }
    }

    /// Puts `query` in the box when it came from elsewhere than the box (Back or Forward) and
    /// is not what the box says. Never while the reader types ahead of the query (the pause).
    fn show_in_box(&self, query: &str) {
        if *self.shown.borrow() == query {
            return;
        }
        *self.shown.borrow_mut() = query.to_string();
        if let Some(input) = self.input() {
            if input.value().trim() != query {
                let text = self
                    .context
                    .viewer
                    .state
                    .with_untracked(|s| s.filter.query.clone());
                input.set_value(&text);
            }
        }
    }

    fn event(self: &Rc<Self>, e: &web_sys::Event) {
        let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
        let Some(target) = target else {
            return;
        };
        let viewer = self.context.viewer;
        match e.type_().as_str() {
            "input" if target.id() == viewer.id("search") => self.set_query_from_box(true),
            // Enter searches at once (the box is in no form: nothing is submitted).
            "keydown" if target.id() == viewer.id("search") => {
                let enter = e.dyn_ref::<web_sys::KeyboardEvent>();
                if enter.is_some_and(|k| k.key() == "Enter" && !k.is_composing()) {
                    self.set_query_from_box(false);
                }
            }
            "click" if target.tag_name() == "A" => {
                let line = target.parent_element().map(|p| p.id());
                if line.is_some_and(|id| id == viewer.id("search-entity")) {
                    self.entity_clicked(e);
                }
            }
            _ => {}
        }
    }

    /// A plain click on the entity's link opens its page in the viewer; with a modifier the
    /// browser does what it does with a link.
    fn entity_clicked(&self, e: &web_sys::Event) {
        let Some(click) = e.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        if let (true, Some(id)) = (plain_click(click), self.entity.borrow().clone()) {
            e.prevent_default();
            let viewer = self.context.viewer;
            viewer.go(viewer.state.with_untracked(|s| ViewState {
                view: View::Entity(id),
                filter: s.filter.clone(),
            }));
        }
    }

    /// Fetches the snippets of these results (article id, language) not asked for yet.
    fn want_snippets(self: &Rc<Self>, query: &str, ids: Vec<(String, Option<String>)>) {
        let mut known = self.snippets.borrow_mut();
        if known.0 != query {
            *known = (query.to_string(), Vec::new());
        }
        for (id, language) in ids {
            if known.1.iter().any(|(i, _)| *i == id) {
                continue;
            }
            known.1.push((id.clone(), None));
            let Ok(url) = self.context.data.article_url(&id) else {
                continue;
            };
            let (search, query) = (self.clone(), query.to_string());
            spawn_local(async move {
                let Ok(article) = load_article(&url).await else {
                    return;
                };
                // The body only: the card shows the headline and the standfirst already.
                let texts: Vec<&str> = article.body.iter().map(|p| p.text.as_str()).collect();
                let language = article.language.as_deref().or(language.as_deref());
                let asked = query.clone();
                worker::snippet(&asked, language, &texts, move |text, marks| {
                    let mut known = search.snippets.borrow_mut();
                    if known.0 != query {
                        return;
                    }
                    if let Some(slot) = known.1.iter_mut().find(|(i, _)| *i == id) {
                        slot.1 = Some((text, marks));
                    }
                    drop(known);
                    let entity = entity_untracked(search.context.data, &query);
                    let drawing = search.clone();
                    request_animation_frame(move || drawing.draw(entity));
                });
            });
        }
    }

    /// Draws the snippets into the list's cards and the entity line into the box's form.
    fn draw(&self, entity: Option<(EntitySummary, usize)>) {
        let (Some(page), Some(doc)) = (self.context.page.get_untracked(), document()) else {
            return;
        };
        let Some(query) = (self.context.filter).try_with_untracked(|f| f.search().to_string())
        else {
            return;
        };
        // The ids of the cards' articles, as far as their summaries are here; nothing once the
        // list page is gone.
        let data = self.context.data;
        let ids = self.context.visible.try_with_untracked(|v| {
            data.read_untracked(|p| {
                (v.iter().take(SNIPPETS))
                    .map_while(|&o| match p.summary(o) {
                        Part::Ready(s) => Some(s.id),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
        });
        let Some(ids) = ids.flatten() else {
            return;
        };
        let snippets = self.snippets.borrow();
        let cards = page.query_selector_all("ol.lede-list > li").ok();
        for n in 0..cards.as_ref().map_or(0, |c| c.length()) {
            let Some(card) = (cards.as_ref())
                .and_then(|c| c.item(n))
                .and_then(|c| c.dyn_into::<Element>().ok())
            else {
                continue;
            };
            let wanted = (!query.is_empty() && snippets.0 == query)
                .then(|| ids.get(n as usize))
                .flatten()
                .and_then(|id| {
                    let found = snippets.1.iter().find(|(i, _)| i == id)?;
                    Some((format!("{id}\u{1f}{query}"), found.1.as_ref()?))
                });
            if wanted.is_some() {
                let mut marked = self.marked.borrow_mut();
                if !marked.contains(&card) {
                    if marked.len() == MARKED {
                        marked.remove(0);
                    }
                    marked.push(card.clone());
                }
            }
            draw_snippet(&doc, &card, wanted);
        }
        if let Some(line) = self.element("search-entity") {
            line.set_text_content(None);
            *self.entity.borrow_mut() = None;
            if let (Some((e, count)), false) = (entity, query.is_empty()) {
                self.entity_line(&doc, &line, &e, count);
                *self.entity.borrow_mut() = Some(e.id);
            }
        }
    }

    /// "Lloyd Austin, person, 3 articles", the name a link to the entity's page.
    fn entity_line(&self, doc: &Document, line: &Element, entity: &EntitySummary, count: usize) {
        let viewer = self.context.viewer;
        let to = viewer.state.with_untracked(|s| ViewState {
            view: View::Entity(entity.id.clone()),
            filter: s.filter.clone(),
        });
        let href = viewer.href(&to);
        if child(doc, line, "a", &[("href", &href)], &entity.name).is_none() {
            return;
        }
        let mut kind = viewer.word(entity.kind.label());
        // A kind in the middle of a sentence, except in German, whose nouns keep their capital.
        if !viewer.ui_lang().starts_with("de") {
            kind = kind.to_lowercase();
        }
        let mut rest = format!(", {kind}");
        if count > 0 {
            rest.push_str(", ");
            rest.push_str(&viewer.count(count, UiText::ArticleCountOne, UiText::ArticleCount));
        }
        add_text(doc, line, &rest);
    }
}

/// The entity line's entity for `query`, not tracked (a redraw outside an effect).
fn entity_untracked(data: CorpusData, query: &str) -> Option<(EntitySummary, usize)> {
    data.read_untracked(|p| entity_of(p, query).flatten())
        .flatten()
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn add_text(doc: &Document, parent: &Element, text: &str) {
    let _ = parent.append_child(&doc.create_text_node(text));
}

/// Puts `wanted` (its key, then its text and marks) into the card, after the standfirst, in
/// place of the snippet there; or removes it when `None`. A snippet already there with the
/// same key (article and query) is left alone.
fn draw_snippet(doc: &Document, card: &Element, wanted: Option<(String, &Snippet)>) {
    let old = card.query_selector(".lede-card__snippet").ok().flatten();
    let key = wanted.as_ref().map(|(key, _)| key.as_str());
    if let Some(old) = old {
        if old.get_attribute("data-key").as_deref() == key {
            return;
        }
        old.remove();
    }
    let Some((key, (text, marks))) = wanted else {
        return;
    };
    let Some(place) = card.query_selector(".lede-card__text").ok().flatten() else {
        return;
    };
    let attributes = [("class", "lede-card__snippet"), ("data-key", &key)];
    let Some(p) = element(doc, "p", &attributes, "") else {
        return;
    };
    let chars: Vec<char> = text.chars().collect();
    let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    add_text(doc, &p, "… ");
    let mut at = 0;
    for &(a, b) in marks {
        let (a, b) = (a.min(chars.len()), b.min(chars.len()));
        if a >= at && b > a {
            add_text(doc, &p, &piece(at, a));
            child(doc, &p, "mark", &[], &piece(a, b));
            at = b;
        }
    }
    add_text(doc, &p, &(piece(at, chars.len()) + " …"));
    let meta = place.query_selector(".lede-card__meta").ok().flatten();
    let _ = place.insert_before(&p, meta.as_ref().map(|m| m.as_ref()));
}

/// Takes the snippets out of the cards given one (`Search::marked`), and forgets them.
fn unmark(marked: &RefCell<Vec<Element>>) {
    for card in marked.take() {
        if let Ok(Some(snippet)) = card.query_selector(".lede-card__snippet") {
            snippet.remove();
        }
    }
}
