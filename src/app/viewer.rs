//! The state one viewer shares with its pages: the view state, the options, and navigation.

use crate::app::kept_page::on_screen;
use crate::core::corpus::topics::TopicFilter;
use crate::core::corpus::Corpus;
use crate::core::format::UiStrings;
use crate::core::text::ui_text::UiText;
use crate::core::view::mention_links::MentionLinks;
use crate::core::view::options::ViewerOptions;
use crate::core::view::presentation::{strings_path, Presentation};
use crate::core::view::reader_settings::{ReaderSettings, STORAGE_KEY};
use crate::core::view::state::{View, ViewState};
use crate::web::events;
use crate::web::fetch::{fetch_ahead, fetch_text, format_error};
use crate::web::history::{self, Entry};
use crate::web::listener::EventListener;
use crate::web::storage;
use crate::web::urls::{document_base, resolve};
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

static INSTANCES: AtomicU32 = AtomicU32::new(0);

/// How many frames a restored place waits for its page to grow tall enough (an article's body
/// arrives with its file): about two seconds; then the window goes as far as it can.
const PLACE_FRAMES: u32 = 120;

/// Scrolls the window to `y` once the page is tall enough for it, or after `frames` frames.
fn restore_place(y: i32, frames: u32) {
    request_animation_frame(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let tall =
            (window.document().and_then(|d| d.document_element())).map_or(0, |e| e.scroll_height());
        let high = (window.inner_height().ok().and_then(|h| h.as_f64())).unwrap_or(0.0) as i32;
        if tall >= y + high || frames == 0 {
            window.scroll_to_with_x_and_y(0.0, y.into());
        } else {
            restore_place(y, frames - 1);
        }
    });
}

/// Handle to the viewer's shared state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Viewer {
    /// What is showing. Change it through [`Viewer::go`] or [`Viewer::update_filter`].
    pub state: RwSignal<ViewState>,
    /// Heading, topic controls, length and layout of the list: a signal, because an embed's
    /// attributes change them live. (Tried: a stored value and a trigger, 0.4 kB larger.)
    presentation: RwSignal<Presentation>,
    options: StoredValue<ViewerOptions>,
    /// Unique per viewer on the page, for element ids (`lede3-…`).
    instance: u32,
    /// The element the viewer renders into (in a shadow root when embedded): ids are looked up
    /// inside it, never in the whole document.
    root: StoredValue<SendWrapper<web_sys::HtmlElement>>,
    /// Where the viewer's DOM events are dispatched: the `<lede-viewer>` element, or the
    /// `[data-lede]` element itself.
    events: StoredValue<SendWrapper<web_sys::HtmlElement>>,
    /// The corpus once its index is here (see [`Viewer::index_ready`]): every state that enters
    /// the viewer from outside (the URL, Back and Forward, the host's attributes) is checked
    /// against its topics, not only the first.
    corpus: StoredValue<Option<Arc<Corpus>>>,
    /// The entity kinds whose mentions the reader turned into plain text ("In this article"),
    /// as [`EntityKind::bit`](crate::core::format::EntityKind::bit)s: for the page session
    /// only, never in the URL.
    pub muted: RwSignal<usize>,
    /// Bumped when the words change: the page is drawn again in the new language (a
    /// `usize` signal like `muted`, so Leptos' signal code is not linked again for another type).
    words_changed: RwSignal<usize>,
}

/// The viewer of the component being built.
pub fn use_viewer() -> Viewer {
    expect_context::<Viewer>()
}

impl Viewer {
    /// Reads the list's presentation, tracking its changes.
    pub fn presentation<T>(&self, read: impl FnOnce(&Presentation) -> T) -> T {
        self.presentation.with(read)
    }

    /// Reads the presentation without tracking it.
    pub fn presentation_untracked<T>(&self, read: impl FnOnce(&Presentation) -> T) -> T {
        self.presentation.with_untracked(read)
    }

    /// Presents the list anew (an embed's widget attributes changed).
    pub fn present(&self, presentation: Presentation) {
        let lang = presentation.lang.clone();
        self.presentation.set(presentation);
        if self.options.with_value(|o| o.ui_lang != lang) {
            self.set_language(lang);
        }
    }

    /// One of the viewer's own words, in its UI language (not tracked: a page reads them when
    /// it is drawn, and [`Viewer::track_words`] draws it again when they change). Not inlined,
    /// nor are its siblings: each of the ~60 places that shows a word is then one call (inlined,
    /// the words cost 3 kB gzip more).
    #[inline(never)]
    pub fn word(&self, text: UiText) -> String {
        self.options.with_value(|o| o.words.get(text).to_string())
    }

    /// A word with its `{name}` placeholders filled.
    #[inline(never)]
    pub fn fill(&self, text: UiText, values: &[(&str, &str)]) -> String {
        self.options.with_value(|o| o.words.fill(text, values))
    }

    /// `one` for 1, `other` with `{n}` for any other number.
    #[inline(never)]
    pub fn count(&self, n: usize, one: UiText, other: UiText) -> String {
        self.options.with_value(|o| o.words.count(n, one, other))
    }

    /// The language of the viewer's words, for the `lang` of UI words inside an article in
    /// another language.
    #[inline(never)]
    pub fn ui_lang(&self) -> String {
        self.options.with_value(|o| o.words.lang().to_string())
    }

    /// The element the viewer renders into (in a shadow root when embedded).
    pub fn root_element(&self) -> Option<web_sys::HtmlElement> {
        self.root.try_with_value(|r| (**r).clone())
    }

    /// Which words the interface is in: a number that changes when they do.
    pub fn words_version(&self) -> usize {
        self.words_changed.get_untracked()
    }

    /// Makes the calling view run again when the viewer's words change.
    pub fn track_words(&self) {
        self.words_changed.track();
    }

    /// Shows the viewer's words in `lang`: fetches its strings file (next to the viewer's own
    /// files), and meanwhile, or if it cannot be had, English. The root element's `lang` says
    /// which language the interface is in, so screen readers speak it in the right voice.
    fn set_language(&self, lang: Option<String>) {
        self.options.update_value(|o| o.ui_lang.clone_from(&lang));
        let base = self.options.with_value(|o| o.viewer_base.clone());
        let base = if base.is_empty() {
            document_base()
        } else {
            base
        };
        let url = lang
            .as_deref()
            .and_then(strings_path)
            .and_then(|path| resolve(&path, &base));
        let Some(url) = url else {
            self.use_words(lang, UiStrings::english());
            return;
        };
        if let Some(lang) = &lang {
            crate::web::dates::prepare_language(lang);
        }
        let viewer = *self;
        spawn_local(async move {
            let read = fetch_text(&url)
                .await
                .and_then(|text| UiStrings::from_json(&text).map_err(format_error(&url)));
            let words = read.unwrap_or_else(|error| {
                crate::web::console::warn(&format!("the interface stays in English: {error}"));
                UiStrings::english()
            });
            viewer.use_words(lang, words);
        });
    }

    /// Takes `words` for `lang`, unless another language was asked for meanwhile or the viewer
    /// is gone.
    fn use_words(&self, lang: Option<String>, words: UiStrings) {
        let current = self
            .options
            .try_with_value(|o| o.ui_lang == lang)
            .unwrap_or(false);
        if !current {
            return;
        }
        let _ = self
            .root
            .try_with_value(|r| r.set_attribute("lang", words.lang()));
        self.options.update_value(|o| o.words = words);
        self.words_changed.try_update(|n| *n += 1);
    }

    /// Creates the viewer's state from the URL (when it owns it) or the options, and provides it
    /// to the components below.
    pub fn provide(
        options: ViewerOptions,
        root: web_sys::HtmlElement,
        events: web_sys::HtmlElement,
    ) -> Viewer {
        let from_url = options
            .history
            .then(|| history::read_state(&options.url_prefix))
            .filter(|s| *s != ViewState::default());
        let initial = from_url.unwrap_or_else(|| options.initial.clone());
        let instance = INSTANCES.fetch_add(1, Ordering::Relaxed) + 1;
        let _ = root.set_attribute("data-lede-instance", &format!("lede{instance}"));
        let viewer = Viewer {
            state: RwSignal::new(initial),
            presentation: RwSignal::new(options.presentation.clone()),
            options: StoredValue::new(options),
            instance,
            root: StoredValue::new(SendWrapper::new(root)),
            events: StoredValue::new(SendWrapper::new(events)),
            corpus: StoredValue::new(None),
            muted: RwSignal::new(0_usize),
            words_changed: RwSignal::new(0_usize),
        };
        let _ = viewer.root.with_value(|r| r.set_attribute("lang", "en"));
        // The page's own viewer (or an embed that opts in) remembers the reader's text size
        // and theme across visits.
        if viewer.options.with_value(|o| o.remember_settings) {
            if let Some(stored) = storage::read(STORAGE_KEY) {
                viewer.apply_reader_settings(ReaderSettings::from_stored(&stored));
            }
        }
        let lang = viewer.presentation.with_untracked(|p| p.lang.clone());
        if lang.is_some() {
            viewer.set_language(lang);
        }
        if viewer.owns_url() {
            let prefix = viewer.options.with_value(|o| o.url_prefix.clone());
            // Back and Forward.
            let mut listener = EventListener::new(move |_| {
                history::forget_pending();
                // Back to an entry written before the index was known may name stale topics.
                viewer.options.update_value(|o| o.opened_from = None);
                let mut state = history::read_state(&prefix);
                viewer.drop_unknown_topics(&mut state);
                viewer.clean_url();
                viewer.state.set(state);
                // Back or Forward to a page the reader has seen: their place on it, and focus
                // left alone; otherwise the top, with focus on the heading as a new page.
                match history::recalled_place() {
                    Some((y, _)) => restore_place(y, PLACE_FRAMES),
                    None => viewer.focus_heading(),
                }
            });
            if let Some(window) = web_sys::window() {
                listener.listen(&window, "popstate", false);
            }
            // Removed with the viewer, so an unmounted viewer leaves no listener behind.
            let listener = SendWrapper::new(listener);
            on_cleanup(move || drop(listener));
        }
        provide_context(viewer);
        viewer
    }

    /// Whether this viewer keeps the page's address (its `history` option): the page's own
    /// viewer does; an embed only with `sync-url`.
    pub fn owns_url(&self) -> bool {
        self.options.with_value(|o| o.history)
    }

    /// The resolved URL of the corpus index: relative URLs in the index resolve against it.
    pub fn corpus_url(&self) -> String {
        self.options.with_value(|o| o.corpus_url.clone())
    }

    /// Which mentions of an article are links.
    pub fn mention_links(&self) -> MentionLinks {
        self.options.with_value(|o| o.mentions)
    }

    /// An element id unique to this viewer on the page.
    pub fn id(&self, name: &str) -> String {
        format!("lede{}-{name}", self.instance)
    }

    /// The link for a state: a real URL, so that opening it in a new tab or copying it works.
    pub fn href(&self, state: &ViewState) -> String {
        let prefix = self.options.with_value(|o| o.url_prefix.clone());
        history::href_for(state, &prefix)
    }

    /// Shows `state` as a new page: pushes a history entry and moves focus to the new heading.
    /// Leaving a page takes focus from it at once ([`Viewer::blur_page_left`]): a listener that
    /// calls this must not be the one that hears the `focusout` (`entity_preview` has two).
    pub fn go(&self, state: ViewState) {
        if self.state.with_untracked(|s| *s == state) {
            return;
        }
        self.fetch_ahead_if_opening(&state.view);
        let new_page = self.state.with_untracked(|s| s.view != state.view);
        // Leaving an article: the page opened from it can offer "Back to" it by name (any other
        // page leaves no way back but Back itself).
        let from = match self.state.with_untracked(|s| s.view.clone()) {
            View::Article(id) => Some((
                self.href(&state),
                id,
                self.options.with_value(|o| o.page_title.clone()),
            )),
            _ => None,
        };
        self.options.update_value(|o| o.opened_from = from);
        if self.owns_url() {
            let prefix = self.options.with_value(|o| o.url_prefix.clone());
            history::remember_place();
            history::write_state(&state, &prefix, Entry::Push);
        }
        let opened = match &state.view {
            View::Article(id) => Some(id.clone()),
            _ => None,
        };
        if new_page {
            self.blur_page_left();
        }
        self.state.set(state);
        self.focus_heading();
        if let Some(id) = opened {
            self.emit(events::ARTICLE_OPEN, &events::article_detail(&id));
        }
    }

    /// A press (`pointerdown`) in a list of articles: when it is one whose click the viewer
    /// would take ([`plain_click`](crate::app::components::nav_link::plain_click)) on a link to
    /// an article of this viewer, the request for the article's file goes now, before the click
    /// that opens it (a mouse's press comes about 100 ms before its click, a finger's more), and
    /// the click's page takes it.
    pub fn link_pressed(&self, event: &web_sys::PointerEvent) {
        if !crate::app::components::nav_link::plain_click(event) {
            return;
        }
        let href = (event.target())
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        let Some((_, query)) = href.as_deref().and_then(|h| h.split_once('?')) else {
            return;
        };
        let prefix = self.options.with_value(|o| o.url_prefix.clone());
        self.fetch_ahead_if_opening(&ViewState::from_query(query, &prefix).view);
    }

    /// Sends the request for `view`'s file ahead ([`Self::fetch_article_ahead`]) when it is an
    /// article other than the one shown: only a page about to be drawn takes the request (the
    /// same article with other topics is not drawn again).
    fn fetch_ahead_if_opening(&self, view: &View) {
        if let View::Article(id) = view {
            if self.state.with_untracked(|s| s.view != *view) {
                self.fetch_article_ahead(id);
            }
        }
    }

    /// Sends the request for article `id`'s file now, before its page is drawn; the page's own
    /// load takes it (`fetch::fetch_ahead`). Before the index is here there is no URL to send.
    fn fetch_article_ahead(&self, id: &str) {
        let url = self.corpus.with_value(|corpus| {
            let corpus = corpus.as_ref()?;
            crate::app::corpus_data::article_url(corpus, &self.corpus_url(), id).ok()
        });
        // An article read ahead (`read_ahead`) needs no request.
        if let Some(url) = url.filter(|url| !crate::app::read_ahead::is_kept(url)) {
            fetch_ahead(&url);
        }
    }

    /// Shows `state` in place of the current view, as when the host page changes a
    /// `<lede-viewer>`'s attributes: no history entry, no focus move, no event.
    pub fn replace(&self, mut state: ViewState) {
        self.drop_unknown_topics(&mut state);
        if self.owns_url() {
            let prefix = self.options.with_value(|o| o.url_prefix.clone());
            history::write_state(&state, &prefix, Entry::Replace);
        }
        self.state.set(state);
    }

    /// Changes the topic selection in place (no new history entry, focus stays on the toggle).
    pub fn update_filter(&self, change: impl FnOnce(&mut TopicFilter)) {
        let before = self.state.with_untracked(|s| s.filter.clone());
        let mut after = before.clone();
        change(&mut after);
        self.set_filter(before, after);
    }

    /// The rest of [`Viewer::update_filter`], once for all its callers (their changes are
    /// closures of types of their own: 0.5 kB gzip less than a copy each).
    #[inline(never)]
    fn set_filter(&self, before: TopicFilter, after: TopicFilter) {
        self.state.update(|s| s.filter = after.clone());
        // A topic change, not a change of the search text alone.
        if before.selected != after.selected || before.mode != after.mode {
            self.emit(events::TOPIC_CHANGE, &events::topic_detail(&after));
        }
        if self.owns_url() {
            let prefix = self.options.with_value(|o| o.url_prefix.clone());
            self.state
                .with_untracked(|s| history::write_state(s, &prefix, Entry::Replace));
        }
    }

    /// Sets the search text. A search begun on the unsearched list is a new history entry (Back
    /// returns to the list as it was); further typing, and clearing the box, replace it: each
    /// keystroke is not a page of its own.
    pub fn set_query(&self, query: String) {
        let before = self.state.with_untracked(|s| s.filter.search().to_string());
        if before == query.trim() {
            return;
        }
        let push = before.is_empty();
        self.state.update(|s| s.filter.query = query);
        if self.owns_url() {
            let prefix = self.options.with_value(|o| o.url_prefix.clone());
            if push {
                history::remember_place();
            }
            let entry = if push { Entry::Push } else { Entry::Replace };
            self.state
                .with_untracked(|s| history::write_state(s, &prefix, entry));
        }
    }

    /// The article this page was opened from just before (its id and headline), for a "Back
    /// to" link: only while the entry before this one is known to be that article.
    pub fn came_from(&self) -> Option<(String, String)> {
        let here = self.state.with_untracked(|s| self.href(s));
        self.options.with_value(|o| match &o.opened_from {
            Some((page, id, headline)) if *page == here => Some((id.clone(), headline.clone())),
            _ => None,
        })
    }

    /// Returns to the page before this one: Back, where the viewer owns the address bar (the
    /// browser then restores the reader's place there), else a new view of `state`.
    pub fn back_to(&self, state: ViewState) {
        match web_sys::window().and_then(|w| w.history().ok()) {
            Some(history) if self.owns_url() => {
                let _ = history.back();
            }
            _ => self.go(state),
        }
    }

    /// The reader's text size and theme.
    pub fn reader_settings(&self) -> ReaderSettings {
        self.options.with_value(|o| o.reader)
    }

    /// Changes one reader setting (a control's `name` and `value`, see
    /// [`ReaderSettings::with`]) and remembers it: in `localStorage` for the page's own viewer,
    /// and for an embed only if it opts in (an embed's storage is its host page's).
    pub fn change_reader_setting(&self, name: &str, value: &str) {
        let settings = self.reader_settings().with(name, value);
        self.apply_reader_settings(settings);
        if self.options.with_value(|o| o.remember_settings) {
            storage::write(STORAGE_KEY, &settings.to_stored());
        }
    }

    /// Shows the viewer with `settings`: as attributes of its root, which the stylesheet reads
    /// ("Reader settings" in `style/lede.css`).
    fn apply_reader_settings(&self, settings: ReaderSettings) {
        self.options.update_value(|o| o.reader = settings);
        self.root.with_value(|root| {
            let _ = root.set_attribute("data-text-size", &settings.text_size.to_string());
            let _ = root.set_attribute("data-reader-theme", settings.theme.name());
        });
    }

    /// The list with the current filter: where "back to the list" links go.
    pub fn list_state(&self) -> ViewState {
        self.state.with_untracked(|s| ViewState {
            view: View::List,
            filter: s.filter.clone(),
        })
    }

    /// Called once the index is loaded: drops topic ids the corpus does not have (a stale
    /// link) from the view and from the address bar, so no invisible selection hides articles;
    /// from now on every state entering the viewer is checked the same way.
    pub fn index_ready(&self, corpus: Arc<Corpus>) {
        self.corpus.set_value(Some(corpus));
        let mut state = self.state.get_untracked();
        if self.drop_unknown_topics(&mut state) {
            self.state.set(state);
        }
        self.clean_url();
    }

    /// Drops from `state` the topic ids the corpus does not have, with a console note; `true`
    /// if there were any. Before the index is loaded nothing is known, and nothing is dropped.
    fn drop_unknown_topics(&self, state: &mut ViewState) -> bool {
        let unknown = self
            .corpus
            .with_value(|c| c.as_ref().map(|c| state.filter.retain_known(&c.index)))
            .unwrap_or_default();
        if !unknown.is_empty() {
            crate::web::console::warn(&format!(
                "ignoring topics the corpus does not have: {}",
                unknown.join(", ")
            ));
        }
        !unknown.is_empty()
    }

    /// If the address bar names topics the corpus does not have, replaces the entry with one
    /// without them, so that a reload, a copied link or Back does not bring them back.
    fn clean_url(&self) {
        if !self.owns_url() {
            return;
        }
        let prefix = self.options.with_value(|o| o.url_prefix.clone());
        let mut in_url = history::read_state(&prefix);
        let dropped = self
            .corpus
            .with_value(|c| c.as_ref().map(|c| in_url.filter.retain_known(&c.index)))
            .is_some_and(|unknown| !unknown.is_empty());
        if dropped {
            history::write_state(&in_url, &prefix, Entry::Replace);
        }
    }

    /// Sets the page title, if this viewer owns the page.
    pub fn set_title(&self, title: &str) {
        self.options
            .update_value(|o| o.page_title = title.to_string());
        if self.options.with_value(|o| o.set_title) {
            history::set_title(title);
        }
    }

    /// After a navigation, moves keyboard and screen-reader focus to the new page's heading
    /// (which has `tabindex="-1"`), the way a full page load would start at the top: the list
    /// page's (`list-heading`) or another page's (`heading`), whichever is on screen (the list
    /// page stays in the document, hidden, while another shows: `kept_page`).
    pub fn focus_heading(&self) {
        self.focus_first(format!(
            "{}, {}",
            on_screen(&format!("#{}", self.id("heading"))),
            on_screen(&format!("#{}", self.id("list-heading")))
        ));
    }

    /// Moves focus to this viewer's element named `name` (its id is [`Viewer::id`]`(name)`).
    pub fn focus_named(&self, name: &str) {
        self.focus_first(on_screen(&format!("#{}", self.id(name))));
    }

    /// [`Viewer::focus_heading`] for a page whose heading appears only after something loaded:
    /// unless the reader has put focus somewhere meanwhile, it is on the page's body (the link
    /// they followed is gone), and goes to the heading.
    pub fn focus_heading_if_lost(&self) {
        let lost = web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| d.active_element().is_none_or(|e| e.tag_name() == "BODY"));
        if lost {
            self.focus_heading();
        }
    }

    /// After "Show more", moves focus to the link of the `n`th card of the list (0-based). A card
    /// whose summary is still loading has no link yet; focus then stays put.
    pub fn focus_card_link(&self, n: usize) {
        self.focus_first(on_screen(&format!(
            "ol.lede-list > li:nth-child({}) a",
            n + 1
        )));
    }

    /// Takes focus from the element of this viewer that has it (the link just followed), before
    /// the page it is on goes (removed, or hidden as the list page is: `kept_page`): Chromium
    /// recomputes style and layout at once when a focused element leaves the document, and by
    /// then the next page is half built (5 to 8 ms of an article open at 4x CPU, measured when
    /// the list page was removed, for a layout the frame does again); a focused element in a
    /// page hidden with `content-visibility` must give up focus too. In a clean document the
    /// blur costs almost nothing. Focus goes to the new page's heading at its first frame
    /// ([`Viewer::focus_heading`]), as it would have anyway.
    fn blur_page_left(&self) {
        use wasm_bindgen::JsCast;
        self.root.with_value(|root| {
            let node = root.get_root_node();
            let active = match node.dyn_ref::<web_sys::ShadowRoot>() {
                Some(shadow) => shadow.active_element(),
                None => node
                    .dyn_ref::<web_sys::Document>()
                    .and_then(|d| d.active_element()),
            };
            if let Some(element) = active
                .filter(|e| root.contains(Some(e)))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.blur();
            }
        });
    }

    /// Focuses the first element inside this viewer that matches `selector`, once the current
    /// update is drawn.
    fn focus_first(&self, selector: String) {
        let root = self.root;
        request_animation_frame(move || {
            let found = root
                .try_with_value(|r| r.query_selector(&selector).ok().flatten())
                .flatten();
            if let Some(element) =
                found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = element.focus();
            }
        });
    }

    /// Dispatches a DOM event the host page can listen to (see [`events`]).
    fn emit(&self, name: &str, detail: &wasm_bindgen::JsValue) {
        self.events
            .with_value(|target| events::dispatch(target, name, detail));
    }
}
