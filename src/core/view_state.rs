//! What the reader is looking at, as a value that round-trips through a query string.
//!
//! `?topic=iraq&topic=iran&match=all&article=<id>` or `?entity=<id>`: a query string, not a
//! path or a hash route, so every view is a deep link that works on any static host under any
//! sub-path without rewrite rules (the server always serves the same `index.html`). An embedded
//! viewer may put its keys under a prefix (`lede.topic=`) so that it shares the URL with its host;
//! parameters that are not ours are kept as they were.

use crate::core::topics::{TopicFilter, TopicMatch};

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
                    .is_some_and(|k| matches!(k, TOPIC | MATCH | ARTICLE | ENTITY))
            })
            .collect();
        for topic in &self.filter.selected {
            pairs.push((format!("{prefix}{TOPIC}"), topic.clone()));
        }
        if self.filter.mode != TopicMatch::default() {
            pairs.push((format!("{prefix}{MATCH}"), self.filter.mode.as_str().into()));
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

/// Key/value pairs of an `application/x-www-form-urlencoded` query.
pub fn parse_query(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
}

/// Percent-encodes everything but the URL-safe unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `+` and `%XX`; an escape that is not two hex digits is kept as written, and bytes
/// that are not UTF-8 become U+FFFD, as browsers do.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                // Exactly two hex digits: `from_str_radix` alone would also take a sign
                // (`%+1` as U+0001).
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(value) = hex {
                    out.push(value);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
    fn empty_state_writes_an_empty_query() {
        assert_eq!(ViewState::default().to_query("?topic=a&article=b", ""), "");
    }
}
