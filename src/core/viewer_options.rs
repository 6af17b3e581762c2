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

use crate::core::topics::TopicMatch;
use crate::core::view_state::{View, ViewState};

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
}

impl Default for ViewerOptions {
    fn default() -> Self {
        ViewerOptions {
            corpus_url: DEFAULT_CORPUS_URL.into(),
            history: true,
            url_prefix: String::new(),
            set_title: true,
            initial: ViewState::default(),
        }
    }
}

impl ViewerOptions {
    /// Reads `data-*` attributes through `attribute(name)`. Switches are off only when written
    /// `off` or `false`, so `data-history` alone means on.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Self {
        let defaults = ViewerOptions::default();
        let switch = |name: &str, default: bool| match attribute(name) {
            Some(v) => !matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "off" | "false" | "0" | "no"
            ),
            None => default,
        };
        let mut initial = ViewState::default();
        if let Some(topics) = attribute("data-topic") {
            for topic in topics.split_whitespace() {
                if !initial.filter.is_selected(topic) {
                    initial.filter.selected.push(topic.to_string());
                }
            }
        }
        if let Some(mode) = attribute("data-match") {
            initial.filter.mode = TopicMatch::parse(mode.trim());
        }
        if let Some(article) = attribute("data-article").filter(|a| !a.trim().is_empty()) {
            initial.view = View::Article(article.trim().to_string());
        }
        let history = switch("data-history", defaults.history);
        ViewerOptions {
            corpus_url: attribute("data-corpus")
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty())
                .unwrap_or(defaults.corpus_url),
            history,
            url_prefix: attribute("data-url-prefix").unwrap_or_default(),
            // A viewer that does not own the URL does not own the title either.
            set_title: switch("data-title", history),
            initial,
        }
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

    #[test]
    fn empty_corpus_attribute_falls_back_to_the_default() {
        assert_eq!(
            read(&[("data-corpus", "  ")]).corpus_url,
            DEFAULT_CORPUS_URL
        );
        assert!(read(&[("data-history", "")]).history);
    }
}
