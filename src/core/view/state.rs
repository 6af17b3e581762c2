//! What the reader is looking at, as a value that round-trips through a query string.
//!
//! `?topic=iraq&topic=iran&match=all&article=<id>` or `?entity=<id>`, with `q=<search text>` for
//! a search of the list (combined with the topics): a query string, not a
//! path or a hash route, so every view is a deep link that works on any static host under any
//! sub-path without rewrite rules (the server always serves the same `index.html`). An embedded
//! viewer may put its keys under a prefix (`lede.topic=`) so that it shares the URL with its host;
//! parameters that are not ours are kept as they were.

use crate::core::corpus::topics::{TopicFilter, TopicMatch};
use crate::core::text::percent::{encode, parse_query};

/// Which page of the viewer is showing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    List,
    Article(String),
    Entity(String),
}

/// Everything the URL records: the view and the topic selection (kept while reading an article,
/// so that going back to the list restores it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ViewState {
    pub view: View,
    pub filter: TopicFilter,
}

const TOPIC: &str = "topic";
const MATCH: &str = "match";
const ARTICLE: &str = "article";
const ENTITY: &str = "entity";
const QUERY: &str = "q";

impl ViewState {
    /// Reads the state from a query string (with or without its leading `?`). Unknown keys and
    /// malformed escapes are ignored; an empty id counts as absent.
    pub fn from_query(query: &str, prefix: &str) -> Self {
        let mut state = ViewState::default();
        let (mut article, mut entity) = (None, None);
        let mut topics = Vec::new();
        for (key, value) in parse_query(query) {
            let Some(key) = key.strip_prefix(prefix) else {
                continue;
            };
            match key {
                TOPIC if !value.is_empty() => topics.push(value),
                MATCH => state.filter.mode = TopicMatch::parse(&value),
                ARTICLE if !value.is_empty() => article = Some(value),
                ENTITY if !value.is_empty() => entity = Some(value),
                QUERY => state.filter.query = value,
                _ => {}
            }
        }
        state.filter.selected = first_occurrences(topics);
        // An entity link followed from an article names only the entity: it wins if both appear.
        state.view = match (entity, article) {
            (Some(id), _) => View::Entity(id),
            (None, Some(id)) => View::Article(id),
            (None, None) => View::List,
        };
        state
    }

    /// Writes the state into `existing` (a query string), replacing our keys and keeping the
    /// rest in their order. Returns the new query with its `?`, or `""` when nothing is left.
    pub fn to_query(&self, existing: &str, prefix: &str) -> String {
        let mut pairs: Vec<(String, String)> = parse_query(existing)
            .filter(|(k, _)| {
                !k.strip_prefix(prefix)
                    .is_some_and(|k| matches!(k, TOPIC | MATCH | ARTICLE | ENTITY | QUERY))
            })
            .collect();
        for topic in &self.filter.selected {
            pairs.push((format!("{prefix}{TOPIC}"), topic.clone()));
        }
        if self.filter.mode != TopicMatch::default() {
            pairs.push((format!("{prefix}{MATCH}"), self.filter.mode.as_str().into()));
        }
        if !self.filter.search().is_empty() {
            pairs.push((format!("{prefix}{QUERY}"), self.filter.query.clone()));
        }
        match &self.view {
            View::List => {}
            View::Article(id) => pairs.push((format!("{prefix}{ARTICLE}"), id.clone())),
            View::Entity(id) => pairs.push((format!("{prefix}{ENTITY}"), id.clone())),
        }
        if pairs.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        format!("?{}", encoded.join("&"))
    }
}

/// `values` without repeats, each at its first place. One sort of the positions, not a search
/// of the values kept so far for each value (150,000 topics in a link took 17 s that way), and
/// no `HashSet`, whose SipHash the wasm does not otherwise carry (README, "Size").
fn first_occurrences(values: Vec<String>) -> Vec<String> {
    let mut by_value: Vec<usize> = (0..values.len()).collect();
    by_value.sort_unstable_by(|&a, &b| values[a].cmp(&values[b]).then(a.cmp(&b)));
    let mut keep = vec![false; values.len()];
    for (i, &at) in by_value.iter().enumerate() {
        keep[at] = i == 0 || values[by_value[i - 1]] != values[at];
    }
    values
        .into_iter()
        .zip(keep)
        .filter_map(|(value, keep)| keep.then_some(value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_topics_mode_and_article() {
        let s = ViewState::from_query("?topic=iraq&topic=iran&match=all&article=seed", "");
        assert_eq!(s.filter.selected, ["iraq", "iran"]);
        assert_eq!(s.filter.mode, TopicMatch::All);
        assert_eq!(s.view, View::Article("seed".into()));
    }

    #[test]
    fn repeated_topic_in_a_shared_link_is_selected_once() {
        let s = ViewState::from_query("topic=iraq&topic=iraq", "");
        assert_eq!(s.filter.selected, ["iraq"]);
    }

    #[test]
    fn foreign_parameters_survive_a_write() {
        let mut s = ViewState::default();
        s.filter.toggle("iraq");
        s.view = View::Entity("lloyd-austin".into());
        let q = s.to_query("?page=2&topic=old&utm_source=x", "");
        assert_eq!(q, "?page=2&utm_source=x&topic=iraq&entity=lloyd-austin");
    }

    #[test]
    fn prefixed_keys_leave_the_hosts_keys_alone() {
        let mut s = ViewState::default();
        s.filter.toggle("sport");
        let q = s.to_query("?topic=host-owned&lede.topic=old", "lede.");
        assert_eq!(q, "?topic=host-owned&lede.topic=sport");
        let back = ViewState::from_query(&q, "lede.");
        assert_eq!(back.filter.selected, ["sport"]);
    }

    #[test]
    fn hostile_ids_round_trip_exactly() {
        let mut s = ViewState {
            view: View::Article("a&b=c?d#e %25 ü 😀 +".into()),
            ..ViewState::default()
        };
        s.filter.toggle("x=y&z");
        let q = s.to_query("", "");
        assert_eq!(ViewState::from_query(&q, ""), s);
    }

    #[test]
    fn malformed_escapes_do_not_panic() {
        let s = ViewState::from_query("?article=%E2%82&topic=%zz&topic=%", "");
        assert_eq!(s.view, View::Article("\u{FFFD}".into()));
        assert_eq!(s.filter.selected, ["%zz", "%"]);
    }

    #[test]
    fn the_search_text_round_trips_with_topics() {
        let s = ViewState::from_query("?q=%22US%20troops%22+austin&topic=middle-east", "");
        assert_eq!(s.filter.query, "\"US troops\" austin");
        assert_eq!(s.filter.selected, ["middle-east"]);
        let q = s.to_query("?keep=1&q=old", "");
        assert_eq!(q, "?keep=1&topic=middle-east&q=%22US%20troops%22%20austin");
        assert_eq!(ViewState::from_query(&q, ""), s);
    }

    #[test]
    fn a_blank_search_is_not_written_and_prefixes_apply() {
        let mut s = ViewState::default();
        s.filter.query = "  ".into();
        assert_eq!(s.to_query("?q=x", ""), "");
        s.filter.query = "人工智能".into();
        let q = s.to_query("?q=host", "lede.");
        assert!(q.starts_with("?q=host&lede.q="), "{q}");
        assert_eq!(ViewState::from_query(&q, "lede.").filter.query, "人工智能");
        assert_eq!(ViewState::from_query(&q, "").filter.query, "host");
    }

    #[test]
    fn empty_state_writes_an_empty_query() {
        assert_eq!(ViewState::default().to_query("?topic=a&article=b", ""), "");
    }
}
