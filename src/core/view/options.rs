//! How a page configures a viewer: attributes on the element it mounts into.
//!
//! ```html
//! <main data-lede data-corpus="corpus/index.json"></main>
//! <div data-lede data-corpus="https://news.example/corpus/index.json"
//!      data-history="off" data-topic="iraq iran" data-title="off"></div>
//! ```
//!
//! Reading them is plain Rust (the browser side passes a lookup function) so the rules are
//! tested on the host.

use crate::core::corpus::topics::TopicMatch;
use crate::core::format::UiStrings;
use crate::core::view::mention_links::MentionLinks;
use crate::core::view::presentation::Presentation;
use crate::core::view::reader_settings::ReaderSettings;
use crate::core::view::state::{View, ViewState};

/// Where the viewer's corpus index is when the page does not say.
pub const DEFAULT_CORPUS_URL: &str = "corpus/index.json";

/// A viewer's settings. `Default` is the standalone page: default corpus, URL and title kept in
/// step with the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewerOptions {
    /// URL of the corpus index, relative to the page's base URL or absolute.
    pub corpus_url: String,
    /// Keep the view in the address bar (query string) and follow back/forward. Turn off when
    /// embedding in someone else's page.
    pub history: bool,
    /// Prefix for the viewer's query keys (`lede.topic=`), so it can share the URL with a host.
    pub url_prefix: String,
    /// Set `document.title` to the article being read.
    pub set_title: bool,
    /// The view to start with when the URL does not name one.
    pub initial: ViewState,
    /// Which mentions of an article are links (`data-mentions` / `mentions`: `first` or `all`).
    pub mentions: MentionLinks,
    /// Heading, topic controls, length and layout of the list (see [`Presentation`]).
    pub presentation: Presentation,
    /// The folder of the viewer's own files (its `strings/`), absolute; empty means the page's
    /// base URL, where the standalone page and the iframe mode find them.
    pub viewer_base: String,
    /// The language the viewer's own words were last asked in (`lang`), and the words it has:
    /// English until that language's strings file has arrived. (Kept with the options, which the
    /// viewer already stores, rather than in a `StoredValue` of a type of its own: 0.1 kB gzip less.)
    pub ui_lang: Option<String>,
    pub words: UiStrings,
    /// Text size and theme as the reader chose them (the page's own viewer remembers them in
    /// `localStorage`; see [`ReaderSettings`]).
    pub reader: ReaderSettings,
    /// Whether the reader's settings are remembered in `localStorage`: by default only by the
    /// page's own viewer (the one that owns the URL); an embed writes to its host's storage
    /// only if it opts in (`remember-settings` on `<lede-viewer>`, `data-remember-settings`).
    pub remember_settings: bool,
    /// The title of the page now shown (an article's headline, an entity's name): what its
    /// "Back to" link calls it once the reader has left it. Kept here, with the options the
    /// viewer already stores, rather than in a `StoredValue<String>` of its own (README, "Size").
    pub page_title: String,
    /// The article the page now shown was opened from, when the reader followed a link from
    /// it just before (the page's address, the article's id and headline): the page's "Back
    /// to" link, which goes Back. Forgotten on Back and Forward, after which the entry before
    /// the page is no longer known to be that article.
    pub opened_from: Option<(String, String, String)>,
}

impl Default for ViewerOptions {
    fn default() -> Self {
        ViewerOptions {
            corpus_url: DEFAULT_CORPUS_URL.into(),
            history: true,
            url_prefix: String::new(),
            set_title: true,
            initial: ViewState::default(),
            mentions: MentionLinks::First,
            presentation: Presentation::default(),
            viewer_base: String::new(),
            ui_lang: None,
            words: UiStrings::english(),
            reader: ReaderSettings::default(),
            remember_settings: true,
            page_title: String::new(),
            opened_from: None,
        }
    }
}

impl ViewerOptions {
    /// Reads the `data-*` attributes of a `[data-lede]` element through `attribute(name)`.
    /// Switches are off only when written `off` or `false`, so `data-history` alone means on.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Self {
        let defaults = ViewerOptions::default();
        let history = switch(attribute("data-history"), defaults.history);
        ViewerOptions {
            corpus_url: corpus_url(attribute("data-corpus")),
            history,
            url_prefix: attribute("data-url-prefix").unwrap_or_default(),
            // A viewer that does not own the URL does not own the title either.
            set_title: switch(attribute("data-title"), history),
            initial: initial_state(&|name| attribute(&format!("data-{name}"))),
            mentions: MentionLinks::parse(attribute("data-mentions").as_deref()),
            // A viewer that does not own the page's URL sits in someone else's page (or in the
            // iframe mode): its heading defaults to an h2 under the host's own.
            presentation: Presentation::read(&|name| attribute(&format!("data-{name}")), !history),
            viewer_base: String::new(),
            ui_lang: None,
            words: UiStrings::english(),
            reader: ReaderSettings::default(),
            remember_settings: switch(attribute("data-remember-settings"), history),
            page_title: String::new(),
            opened_from: None,
        }
    }

    /// Reads the attributes of a `<lede-viewer>` element: `src`, `topic`, `match`, `article`,
    /// `entity`, `mentions`, `sync-url` and `remember-settings`. An embedded viewer never sets the host's title, and touches the
    /// host's URL only with `sync-url`, under its own prefix (`sync-url="news"` → `news.topic=`;
    /// a bare `sync-url` → `lede.topic=`), so two synced viewers need two names.
    pub fn from_element_attributes(attribute: impl Fn(&str) -> Option<String>) -> Self {
        let sync = attribute("sync-url");
        ViewerOptions {
            corpus_url: corpus_url(attribute("src")),
            history: sync.is_some(),
            url_prefix: match sync.as_deref().map(str::trim) {
                Some(name) if !name.is_empty() => format!("{name}."),
                _ => "lede.".to_string(),
            },
            set_title: false,
            initial: initial_state(&attribute),
            mentions: MentionLinks::parse(attribute("mentions").as_deref()),
            presentation: Presentation::read(&attribute, true),
            viewer_base: String::new(),
            ui_lang: None,
            words: UiStrings::english(),
            reader: ReaderSettings::default(),
            remember_settings: attribute("remember-settings").is_some(),
            page_title: String::new(),
            opened_from: None,
        }
    }
}

/// The view an element asks for: `topic` (space-separated ids), `match`, `article`, `entity`.
/// Attribute values are trimmed; empty ones count as absent. A `dyn` lookup: one copy of this
/// code for its three callers instead of one each.
pub fn initial_state(attribute: &dyn Fn(&str) -> Option<String>) -> ViewState {
    let mut initial = ViewState::default();
    if let Some(topics) = attribute("topic") {
        for topic in topics.split_whitespace() {
            if !initial.filter.is_selected(topic) {
                initial.filter.selected.push(topic.to_string());
            }
        }
    }
    if let Some(mode) = attribute("match") {
        initial.filter.mode = TopicMatch::parse(mode.trim());
    }
    let named = |name: &str| {
        attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    if let Some(entity) = named("entity") {
        initial.view = View::Entity(entity);
    } else if let Some(article) = named("article") {
        initial.view = View::Article(article);
    }
    initial
}

fn corpus_url(attribute: Option<String>) -> String {
    attribute
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| DEFAULT_CORPUS_URL.to_string())
}

fn switch(value: Option<String>, default: bool) -> bool {
    match value {
        Some(v) => !matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "off" | "false" | "0" | "no"
        ),
        None => default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> ViewerOptions {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ViewerOptions::from_attributes(|name| map.get(name).cloned())
    }

    #[test]
    fn bare_element_is_the_standalone_page() {
        assert_eq!(read(&[]), ViewerOptions::default());
    }

    #[test]
    fn embedded_viewer_without_history_leaves_the_title_alone() {
        let o = read(&[
            ("data-history", "off"),
            ("data-corpus", " https://x.example/i.json "),
        ]);
        assert!(!o.history);
        assert!(!o.set_title);
        assert_eq!(o.corpus_url, "https://x.example/i.json");
    }

    #[test]
    fn initial_topics_and_article_come_from_attributes() {
        let o = read(&[
            ("data-topic", "iraq  iran iraq"),
            ("data-match", "all"),
            ("data-article", "seed"),
        ]);
        assert_eq!(o.initial.filter.selected, ["iraq", "iran"]);
        assert_eq!(o.initial.filter.mode, TopicMatch::All);
        assert_eq!(o.initial.view, View::Article("seed".into()));
    }

    fn read_element(pairs: &[(&str, &str)]) -> ViewerOptions {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ViewerOptions::from_element_attributes(|name| map.get(name).cloned())
    }

    #[test]
    fn custom_element_never_touches_the_hosts_url_or_title_by_default() {
        let o = read_element(&[("src", "https://x.example/i.json"), ("topic", "sport")]);
        assert!(!o.history);
        assert!(!o.set_title);
        assert_eq!(o.initial.filter.selected, ["sport"]);
    }

    #[test]
    fn only_the_pages_own_viewer_remembers_reader_settings_unless_an_embed_opts_in() {
        assert!(ViewerOptions::default().remember_settings);
        assert!(ViewerOptions::from_attributes(|_| None).remember_settings);
        let off = ViewerOptions::from_attributes(|n| (n == "data-history").then(|| "off".into()));
        assert!(
            !off.remember_settings,
            "a [data-lede] viewer in someone else's page"
        );
        assert!(!read_element(&[("src", "i.json")]).remember_settings);
        assert!(read_element(&[("remember-settings", "")]).remember_settings);
    }

    #[test]
    fn sync_url_uses_a_prefix_of_its_own() {
        assert_eq!(read_element(&[("sync-url", "")]).url_prefix, "lede.");
        let o = read_element(&[("sync-url", " sidebar ")]);
        assert!(o.history);
        assert!(!o.set_title);
        assert_eq!(o.url_prefix, "sidebar.");
    }

    #[test]
    fn entity_attribute_wins_over_article() {
        let o = read_element(&[("article", "a"), ("entity", "baghdad")]);
        assert_eq!(o.initial.view, View::Entity("baghdad".into()));
    }

    #[test]
    fn mentions_attribute_links_every_mention_only_when_all() {
        assert_eq!(read(&[]).mentions, MentionLinks::First);
        assert_eq!(
            read(&[("data-mentions", "all")]).mentions,
            MentionLinks::All
        );
        assert_eq!(
            read_element(&[("mentions", "all")]).mentions,
            MentionLinks::All
        );
        assert_eq!(
            read_element(&[("mentions", "first")]).mentions,
            MentionLinks::First
        );
    }

    #[test]
    fn empty_corpus_attribute_falls_back_to_the_default() {
        assert_eq!(
            read(&[("data-corpus", "  ")]).corpus_url,
            DEFAULT_CORPUS_URL
        );
        assert!(read(&[("data-history", "")]).history);
    }
}
