//! Property tests of the core: each property is named after the bug it would catch.
//!
//! Failure persistence is off so that a failing run writes nothing into the source tree; a
//! failing case is printed (shrunk) in the test output instead.

use lede::core::corpus::topics::{TopicFilter, TopicMatch};
use lede::core::format::matching::find_mentions;
use lede::core::format::mentions::{segments, Segment, SpanProblem};
use lede::core::format::{
    ArticleSummary, CorpusIndex, Entity, EntityKind, Mention, Topic, UNKNOWN_ENTITY,
};
use lede::core::text::dates::parse_timestamp;
use lede::core::text::percent::{encode, parse_query};
use lede::core::text::url_safety::safe_url;
use lede::core::view::state::{View, ViewState};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::collections::BTreeSet;

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// The code points `[start, end)` of `text`.
fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Text strategies
// ---------------------------------------------------------------------------------------------

/// Pieces of text that break byte/UTF-16/code-point confusions: multi-byte letters, astral
/// emoji and ZWJ sequences, combining marks, RTL scripts and direction marks, CJK.
const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "é",
    "e\u{301}",
    "\u{301}",
    "😀",
    "👩\u{200D}👩\u{200D}👧",
    "🇮🇶",
    "\u{200D}",
    "\u{200F}",
    "\u{202E}",
    "بغداد",
    "עברית",
    "中文",
    "’",
    "-",
    "\u{0}",
    "\r\n",
    "ß",
    "İ",
    "\u{FEFF}",
];

fn unicode_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

// ---------------------------------------------------------------------------------------------
// segments
// ---------------------------------------------------------------------------------------------

fn entity_index() -> impl Strategy<Value = usize> {
    prop_oneof![
        4 => 0usize..6,
        1 => Just(UNKNOWN_ENTITY),
        1 => Just(UNKNOWN_ENTITY - 1),
    ]
}

fn text_and_mentions() -> impl Strategy<Value = (String, Vec<Mention>, usize)> {
    unicode_text().prop_flat_map(|text| {
        let len = text.chars().count();
        let mention =
            (0..=len + 5, 0..=len + 5, entity_index()).prop_map(|(start, end, entity_index)| {
                Mention {
                    start,
                    end,
                    entity: String::new(),
                    entity_index,
                }
            });
        (
            Just(text),
            prop::collection::vec(mention, 0..8),
            0usize..5, // entity_count
        )
    })
}

proptest! {
    #![proptest_config(config(2000))]

    /// Guards against segments losing, duplicating or reordering paragraph text, slicing on
    /// bytes instead of code points, or panicking on hostile offsets.
    #[test]
    fn segments_never_lose_duplicate_or_misplace_text((text, mentions, entity_count) in text_and_mentions()) {
        let length = text.chars().count();
        let (pieces, warnings) = segments(&text, &mentions, entity_count, 7);

        // Concatenation is exactly the paragraph.
        let joined: String = pieces.iter().map(Segment::text).collect();
        prop_assert_eq!(&joined, &text);

        // No empty pieces, no two plain-text pieces in a row.
        for window in pieces.windows(2) {
            let both_text = matches!(window, [Segment::Text(_), Segment::Text(_)]);
            prop_assert!(!both_text, "adjacent Text segments: {:?}", pieces);
        }
        prop_assert!(pieces.iter().all(|p| !p.text().is_empty()), "empty segment: {:?}", pieces);

        // Every Mention piece is one of the input mentions, at its own code-point offsets.
        let mut unused: Vec<Mention> = mentions.clone();
        let mut linked: Vec<Mention> = Vec::new();
        let mut at = 0; // code points, walking the pieces in order
        for piece in &pieces {
            let n = piece.text().chars().count();
            if let Segment::Mention { text: span, entity_index } = piece {
                let found = unused
                    .iter()
                    .position(|m| m.start == at && m.end == at + n && m.entity_index == *entity_index);
                prop_assert!(found.is_some(), "mention piece {:?} at {} matches no input mention", piece, at);
                let m = unused.remove(found.unwrap());
                let expected = cp_slice(&text, m.start, m.end);
                prop_assert_eq!(*span, expected.as_str());
                prop_assert!(m.entity_index < entity_count);
                linked.push(m);
            }
            at += n;
        }
        prop_assert_eq!(at, length);

        // Every mention is either linked or warned about, once.
        prop_assert_eq!(warnings.len() + linked.len(), mentions.len());
        prop_assert_eq!(warnings.len(), unused.len());

        // Each warning names a real problem of one of the unlinked mentions.
        for w in &warnings {
            prop_assert_eq!(w.paragraph, 7);
            let candidates: Vec<&Mention> =
                unused.iter().filter(|m| m.start == w.start && m.end == w.end).collect();
            prop_assert!(!candidates.is_empty(), "warning {:?} for no unlinked mention", w);
            match &w.problem {
                SpanProblem::Empty => prop_assert!(w.start >= w.end),
                SpanProblem::OutOfBounds { length: l } => {
                    prop_assert_eq!(*l, length);
                    prop_assert!(w.end > length && w.start < w.end);
                }
                SpanProblem::Overlaps => prop_assert!(
                    linked.iter().any(|l| l.start < w.end && w.start < l.end),
                    "{:?} overlaps no linked mention", w
                ),
                SpanProblem::UnknownEntity => prop_assert!(
                    candidates.iter().any(|m| m.entity_index >= entity_count),
                    "{:?} but the entity is known", w
                ),
                SpanProblem::More { .. } => prop_assert!(false, "a summary for under 10 warnings"),
            }
            prop_assert!(!w.to_string().is_empty());
        }

        // Nothing valid is dropped unless it collides with a linked mention.
        for m in &unused {
            let valid = m.start < m.end && m.end <= length && m.entity_index < entity_count;
            if valid {
                prop_assert!(
                    linked.iter().any(|l| l.start < m.end && m.start < l.end),
                    "valid mention {:?} dropped without a collision; linked {:?}", m, linked
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// find_mentions
// ---------------------------------------------------------------------------------------------

/// Entity names and aliases: nested names, names containing other names, multi-byte and RTL
/// names, names with punctuation at their edges, and one padded with spaces (matched trimmed).
const NAMES: &[&str] = &[
    "Iraq",
    "Iran",
    "Islamic State of Iraq",
    "ISI",
    "Erbil",
    "Sudani",
    "José",
    "بغداد",
    "תל אביב",
    "😀Fan",
    "New York",
    "York",
    "U.S.",
    "aa",
    "  Kurdistan ",
    "北京",
];

/// Words around the names: prefixes and suffixes that must not match ("Iranian", "ISIS"),
/// boundaries that must ("-", "’s"), multi-byte and combining characters.
const FILLER: &[&str] = &[
    "the",
    "Iranian",
    "ISIS",
    "Iraqi",
    "a",
    "é",
    "😀",
    "’s",
    ",",
    "-",
    "(",
    ")",
    "\u{200F}",
    "1",
    "_",
    "Ω",
    "\u{301}",
    "بغدادي",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", "", "-", "’", "\n", "\u{A0}"];

fn entities() -> impl Strategy<Value = Vec<Entity>> {
    prop::collection::vec(
        (
            prop::sample::select(NAMES),
            prop::collection::vec(prop::sample::select(NAMES), 0..3),
        ),
        1..5,
    )
    .prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(i, (name, aliases))| Entity {
                id: format!("e{i}"),
                name: name.to_string(),
                kind: EntityKind::Other,
                aliases: aliases.into_iter().map(str::to_string).collect(),
                url: None,
                wikidata: None,
                description: None,
                image: None,
            })
            .collect()
    })
}

fn words_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop_oneof![
                prop::sample::select(NAMES).prop_map(str::trim),
                prop::sample::select(FILLER),
            ],
            prop::sample::select(SEPARATORS),
        ),
        0..16,
    )
    .prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
}

/// The reference word rule: a neighbour continues the word of a name's edge character if it is
/// a combining accent, or if neither is Han/kana and the neighbour is alphanumeric (Chinese and
/// Japanese have no spaces between words, so there a script change is a boundary).
fn continues(edge: char, neighbour: char) -> bool {
    let cjk =
        |c: char| ('\u{3000}'..='\u{30FF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c);
    if ('\u{300}'..='\u{36F}').contains(&neighbour) {
        return true;
    }
    !cjk(edge) && !cjk(neighbour) && neighbour.is_alphanumeric()
}

/// Whole-word occurrences (code points) of `name` in `text`.
fn occurrences(text: &str, name: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let pat: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    if pat.is_empty() || pat.len() > chars.len() {
        return out;
    }
    for s in 0..=chars.len() - pat.len() {
        let e = s + pat.len();
        if chars[s..e] == pat[..]
            && !(s > 0 && continues(pat[0], chars[s - 1]))
            && !chars
                .get(e)
                .is_some_and(|&c| continues(pat[pat.len() - 1], c))
        {
            out.push((s, e));
        }
    }
    out
}

proptest! {
    #![proptest_config(config(2000))]

    /// Guards against matches that are unsorted, overlapping, out of bounds, byte-offset,
    /// partial-word ("Iran" in "Iranian"), not an actual name of their entity, or missed.
    #[test]
    fn find_mentions_yields_sorted_whole_word_spans_of_real_names(
        text in words_text(),
        entities in entities(),
    ) {
        let chars: Vec<char> = text.chars().collect();
        let found = find_mentions(&text, &entities);

        for pair in found.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "unsorted or overlapping: {:?}", found);
        }
        for m in &found {
            prop_assert!(m.start < m.end && m.end <= chars.len(), "out of bounds: {:?}", m);
            prop_assert!(m.entity_index < entities.len());
            let span: String = chars[m.start..m.end].iter().collect();
            let e = &entities[m.entity_index];
            let names: Vec<&str> =
                std::iter::once(e.name.trim()).chain(e.aliases.iter().map(|a| a.trim())).collect();
            prop_assert!(names.contains(&span.as_str()), "{:?} is not a name of {:?}", span, e);
            if m.start > 0 {
                prop_assert!(!continues(chars[m.start], chars[m.start - 1]), "{:?} starts mid-word in {:?}", span, text);
            }
            if let Some(next) = chars.get(m.end) {
                prop_assert!(!continues(chars[m.end - 1], *next), "{:?} ends mid-word in {:?}", span, text);
            }
        }

        // Nothing missed, longest first: every whole-word occurrence of a name overlaps a match
        // at least as long (so "Iraq" never wins over "Islamic State of Iraq").
        for e in &entities {
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                for (s, end) in occurrences(&text, name.trim()) {
                    prop_assert!(
                        found.iter().any(|m| m.start < end && s < m.end && m.end - m.start >= end - s),
                        "{:?} at {}..{} in {:?} missed or beaten by a shorter name; found {:?}",
                        name, s, end, text, found
                    );
                }
            }
        }

        // What matching finds, segments always accepts.
        let (pieces, warnings) = segments(&text, &found, entities.len(), 0);
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        let linked = pieces.iter().filter(|p| matches!(p, Segment::Mention { .. })).count();
        prop_assert_eq!(linked, found.len());
    }
}

// ---------------------------------------------------------------------------------------------
// view state
// ---------------------------------------------------------------------------------------------

const OURS: &[&str] = &["topic", "match", "article", "entity", "q"];

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        unicode_text(),
        prop::sample::select(&["a&b=c?d#e", "%25", "+", "%", "%zz", " ", "topic=x"][..])
            .prop_map(str::to_string),
    ]
    .prop_filter("ids are non-empty", |s| !s.is_empty())
}

fn view_state() -> impl Strategy<Value = ViewState> {
    (
        prop::collection::vec(id(), 0..5),
        any::<bool>(),
        prop_oneof![
            Just(View::List),
            id().prop_map(View::Article),
            id().prop_map(View::Entity),
        ],
        prop::sample::select(
            &[
                "",
                "austin",
                " \"US troops\" ",
                "人工智能",
                "a&b=c?d#e",
                "+%",
            ][..],
        ),
    )
        .prop_map(|(topics, all, view, query)| {
            let mut selected: Vec<String> = Vec::new();
            for t in topics {
                if !selected.contains(&t) {
                    selected.push(t);
                }
            }
            ViewState {
                view,
                filter: TopicFilter {
                    selected,
                    mode: if all {
                        TopicMatch::All
                    } else {
                        TopicMatch::Any
                    },
                    query: query.to_string(),
                },
            }
        })
}

fn prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("lede.".to_string()),
        Just("a&b=".to_string()),
        Just("ü+".to_string()),
    ]
}

fn is_ours(key: &str, prefix: &str) -> bool {
    key.strip_prefix(prefix).is_some_and(|k| OURS.contains(&k))
}

/// An existing query string: foreign pairs (some raw, some encoded arbitrary strings) and some
/// of our own keys, with and without the prefix, to be replaced.
fn existing_query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(
            &[
                "page=2",
                "utm_source=x",
                "flag",
                "a=b=c",
                "q=hello+world",
                "e=%F0%9F%98%80",
                "topic=host",
                "lede.topic=old",
                "article=old",
                "match=all",
                "lede.entity=x",
                "%74opic=encoded-key",
                "=v",
                "",
            ][..]
        )
        .prop_map(str::to_string),
        (any::<String>(), any::<String>()).prop_map(|(k, v)| format!(
            "{}={}",
            encode(&k),
            encode(&v)
        )),
    ];
    (prop::collection::vec(piece, 0..6), any::<bool>()).prop_map(|(pieces, mark)| {
        let q = pieces.join("&");
        if mark {
            format!("?{q}")
        } else {
            q
        }
    })
}

proptest! {
    #![proptest_config(config(1000))]

    /// Guards against a shared link that does not reopen the same view: ids mangled by
    /// escaping, topics lost or reordered, the mode or the view dropped.
    #[test]
    fn view_state_round_trips_through_the_query(
        state in view_state(),
        existing in existing_query(),
        prefix in prefix(),
    ) {
        let query = state.to_query(&existing, &prefix);
        prop_assert_eq!(ViewState::from_query(&query, &prefix), state.clone());
        // Without the leading '?' too.
        let bare = query.strip_prefix('?').unwrap_or(&query);
        prop_assert_eq!(ViewState::from_query(bare, &prefix), state.clone());
        // Writing again changes nothing.
        prop_assert_eq!(state.to_query(&query, &prefix), query.clone());
    }

    /// Guards against the viewer eating or reordering the host page's own parameters
    /// (including unprefixed `topic=` when the viewer runs under a prefix).
    #[test]
    fn view_state_keeps_foreign_parameters_in_order(
        state in view_state(),
        existing in existing_query(),
        prefix in prefix(),
    ) {
        let query = state.to_query(&existing, &prefix);
        prop_assert!(query.is_empty() || query.starts_with('?'));
        let foreign = |q: &str| -> Vec<(String, String)> {
            parse_query(q).filter(|(k, _)| !is_ours(k, &prefix)).collect()
        };
        prop_assert_eq!(foreign(&query), foreign(&existing));
        // Our own pairs are exactly the state, in order, after the foreign ones.
        let ours: Vec<(String, String)> = parse_query(&query).filter(|(k, _)| is_ours(k, &prefix)).collect();
        let mut expected: Vec<(String, String)> = state
            .filter
            .selected
            .iter()
            .map(|t| (format!("{prefix}topic"), t.clone()))
            .collect();
        if state.filter.mode == TopicMatch::All {
            expected.push((format!("{prefix}match"), "all".into()));
        }
        if !state.filter.query.trim().is_empty() {
            expected.push((format!("{prefix}q"), state.filter.query.clone()));
        }
        match &state.view {
            View::List => {}
            View::Article(id) => expected.push((format!("{prefix}article"), id.clone())),
            View::Entity(id) => expected.push((format!("{prefix}entity"), id.clone())),
        }
        prop_assert_eq!(ours, expected);
        if !prefix.is_empty() {
            // Under a prefix, the host's unprefixed keys are foreign, whatever their name.
            for (k, v) in parse_query(&existing).filter(|(k, _)| OURS.contains(&k.as_str())) {
                prop_assert!(parse_query(&query).any(|(k2, v2)| k2 == k && v2 == v));
            }
        }
    }

    /// Guards against a hand-edited or doubly-shared link selecting a topic twice, selecting an
    /// empty topic, or opening an empty id; and against the entity-wins and last-match-wins rules.
    #[test]
    fn view_state_from_a_messy_query_matches_a_model(
        pieces in prop::collection::vec(
            (
                prop::sample::select(&["", "lede.", "other."][..]),
                prop::sample::select(&["topic", "match", "article", "entity", "page"][..]),
                prop::sample::select(&["", "a", "b", "a", "all", "ALL", "any", "%61", "a+b", "a%20b"][..]),
            ),
            0..10,
        ),
        prefix in prop::sample::select(&["", "lede."][..]),
    ) {
        let query = pieces
            .iter()
            .map(|(p, k, v)| format!("{p}{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        let decoded: Vec<(String, String)> = pieces
            .iter()
            .filter_map(|(p, k, v)| {
                let key = format!("{p}{k}");
                let key = key.strip_prefix(prefix)?.to_string();
                Some((key, v.replace("%61", "a").replace(['+'], " ").replace("%20", " ")))
            })
            .collect();
        let mut selected: Vec<String> = Vec::new();
        let mut mode = TopicMatch::Any;
        let (mut article, mut entity) = (None, None);
        let mut q = String::new();
        for (k, v) in &decoded {
            match k.as_str() {
                "topic" if !v.is_empty() && !selected.contains(v) => selected.push(v.clone()),
                "match" => mode = if v.eq_ignore_ascii_case("all") { TopicMatch::All } else { TopicMatch::Any },
                "article" if !v.is_empty() => article = Some(v.clone()),
                "entity" if !v.is_empty() => entity = Some(v.clone()),
                "q" => q = v.clone(),
                _ => {}
            }
        }
        let view = match (entity, article) {
            (Some(e), _) => View::Entity(e),
            (None, Some(a)) => View::Article(a),
            (None, None) => View::List,
        };
        let expected = ViewState { view, filter: TopicFilter { selected, mode, query: q } };
        prop_assert_eq!(ViewState::from_query(&query, prefix), expected, "{}", query);
    }

    /// Guards against panics and duplicate or empty topic selections from hand-edited links.
    #[test]
    fn view_state_from_any_query_is_sane(query in any::<String>(), prefix in prefix()) {
        let state = ViewState::from_query(&query, &prefix);
        let unique: BTreeSet<&String> = state.filter.selected.iter().collect();
        prop_assert_eq!(unique.len(), state.filter.selected.len());
        prop_assert!(state.filter.selected.iter().all(|t| !t.is_empty()));
        match &state.view {
            View::Article(id) | View::Entity(id) => prop_assert!(!id.is_empty()),
            View::List => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// TopicFilter
// ---------------------------------------------------------------------------------------------

const TOPIC_IDS: &[&str] = &["iraq", "iran", "sport", "ü", "a b"];
const DATES: &[&str] = &[
    "2023-01-01",
    "2023-01-01T00:00:00Z",
    "2023-01-01T02:00:00+02:00",
    "2022-12-31T23:59:59Z",
    "2024-02-29",
    "1999-12-31T10:00-05:00",
];

fn corpus_index() -> impl Strategy<Value = CorpusIndex> {
    let article = (
        prop::collection::vec(any::<bool>(), TOPIC_IDS.len() + 1),
        prop::sample::select(DATES),
        prop::sample::select(&["A", "B", "b", "Ä"][..]),
    );
    prop::collection::vec(article, 0..14).prop_map(|articles| CorpusIndex {
        version: 1,
        title: None,
        topics: TOPIC_IDS
            .iter()
            .map(|id| Topic {
                id: id.to_string(),
                label: id.to_uppercase(),
                count: None,
            })
            .collect(),
        entities: Vec::new(),
        entity_file: None,
        articles: articles
            .into_iter()
            .enumerate()
            .map(|(i, (mask, published, headline))| ArticleSummary {
                id: format!("a{}", (i * 7) % 23).into(),
                headline: headline.into(),
                standfirst: None,
                published: published.into(),
                language: None,
                // The last mask bit adds a topic the index does not list.
                topics: TOPIC_IDS
                    .iter()
                    .chain(&["unlisted"])
                    .zip(&mask)
                    .filter(|(_, on)| **on)
                    .map(|(t, _)| (*t).into())
                    .collect(),
                entities: Vec::new(),
                thumbnail: None,
                url: format!("a{i}.json").into(),
                source_name: None,
                reading_minutes: None,
            })
            .collect(),
        catalog: None,
        search: None,
    })
}

fn topic_filter() -> impl Strategy<Value = TopicFilter> {
    (
        prop::collection::vec(
            prop::sample::select(&["iraq", "iran", "sport", "ü", "a b", "unlisted", "gone"][..]),
            0..5,
        ),
        any::<bool>(),
    )
        .prop_map(|(picks, all)| {
            let mut filter = TopicFilter {
                selected: Vec::new(),
                mode: if all {
                    TopicMatch::All
                } else {
                    TopicMatch::Any
                },
                query: String::new(),
            };
            for p in picks {
                if !filter.is_selected(p) {
                    filter.toggle(p);
                }
            }
            filter
        })
}

fn ids<'a>(list: impl IntoIterator<Item = &'a ArticleSummary>) -> BTreeSet<String> {
    list.into_iter().map(|a| a.id.to_string()).collect()
}

proptest! {
    #![proptest_config(config(1000))]

    /// Guards against "any"/"all" combining topics wrongly, an empty selection hiding
    /// articles, counts that disagree with the list, and an unsorted list.
    #[test]
    fn topic_filter_is_union_or_intersection_and_counts_agree(
        index in corpus_index(),
        filter in topic_filter(),
    ) {
        let result = filter.apply(&index);
        let with = |t: &str| ids(index.articles.iter().filter(|a| a.topics.iter().any(|x| x == t)));
        let all = ids(&index.articles);
        let expected = if filter.selected.is_empty() {
            all.clone()
        } else {
            let mut sets = filter.selected.iter().map(|t| with(t));
            let first = sets.next().unwrap();
            match filter.mode {
                TopicMatch::Any => sets.fold(first, |acc, s| &acc | &s),
                TopicMatch::All => sets.fold(first, |acc, s| &acc & &s),
            }
        };
        prop_assert_eq!(result.len(), ids(result.iter().copied()).len(), "duplicates");
        prop_assert_eq!(ids(result.iter().copied()), expected);

        // A selected topic (or any, with nothing selected) counts the results that carry it.
        let counts = filter.counts(&index);
        prop_assert_eq!(counts.len(), index.topics.len());
        for (topic, count) in index.topics.iter().zip(&counts) {
            if filter.is_empty() || filter.is_selected(&topic.id) {
                let carrying = result.iter().filter(|a| a.topics.iter().any(|t| *t == topic.id)).count();
                prop_assert_eq!(*count, carrying, "count of {:?}", topic.id);
            }
        }

        // Newest first; ties by headline, then id, so the order is stable between loads.
        for pair in result.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (ta, tb) = (parse_timestamp(&a.published).unwrap(), parse_timestamp(&b.published).unwrap());
            prop_assert!(ta > tb || (ta == tb && (&a.headline, &a.id) <= (&b.headline, &b.id)),
                "{:?} before {:?}", a, b);
        }

        // Guards against counts that mislead (a count reads as "what I will get"): in either
        // mode, a topic not selected counts what the list holds after a click adds it.
        for (topic, count) in index.topics.iter().zip(&counts) {
            if !filter.is_selected(&topic.id) {
                let mut more = filter.clone();
                more.toggle(&topic.id);
                prop_assert_eq!(more.apply(&index).len(), *count, "click on {:?}", topic.id);
            }
        }
    }

    /// Guards against toggle leaving duplicates or residue behind.
    #[test]
    fn toggling_a_topic_twice_changes_nothing(
        index in corpus_index(),
        filter in topic_filter(),
        topic in prop::sample::select(&["iraq", "iran", "sport", "ü", "a b", "unlisted", "gone"][..]),
    ) {
        let mut twice = filter.clone();
        twice.toggle(topic);
        prop_assert_ne!(twice.is_selected(topic), filter.is_selected(topic));
        twice.toggle(topic);
        if filter.is_selected(topic) {
            // Re-selecting moves it to the end of the chosen order; the selection is the same.
            let a: BTreeSet<&String> = filter.selected.iter().collect();
            let b: BTreeSet<&String> = twice.selected.iter().collect();
            prop_assert_eq!(a, b);
            prop_assert_eq!(twice.selected.len(), filter.selected.len());
            prop_assert_eq!(twice.selected.last().map(String::as_str), Some(topic));
        } else {
            prop_assert_eq!(&twice, &filter);
        }
        prop_assert_eq!(ids(twice.apply(&index)), ids(filter.apply(&index)));
        prop_assert_eq!(twice.counts(&index), filter.counts(&index));
    }

    /// Guards against a stale link leaving an invisible selection that hides articles.
    #[test]
    fn retain_known_drops_exactly_the_unknown_topics(index in corpus_index(), filter in topic_filter()) {
        let mut kept = filter.clone();
        let dropped = kept.retain_known(&index);
        for t in &kept.selected {
            prop_assert!(index.topic(t).is_some());
        }
        for t in &dropped {
            prop_assert!(index.topic(t).is_none());
        }
        prop_assert_eq!(kept.selected.len() + dropped.len(), filter.selected.len());
        // Order of the kept ones is unchanged.
        let expected: Vec<&String> = filter.selected.iter().filter(|t| index.topic(t).is_some()).collect();
        prop_assert_eq!(kept.selected.iter().collect::<Vec<_>>(), expected);
    }
}

// ---------------------------------------------------------------------------------------------
// dates
// ---------------------------------------------------------------------------------------------

fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_days(y: i64, m: i64) -> i64 {
    [
        31,
        if leap(y) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][(m - 1) as usize]
}

/// Seconds since the epoch, by counting days one year and one month at a time: slow but
/// obviously right, and a different algorithm from the one under test.
fn reference_seconds(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64, offset_minutes: i64) -> i64 {
    let mut days = 0;
    if y >= 1970 {
        for year in 1970..y {
            days += if leap(year) { 366 } else { 365 };
        }
    } else {
        for year in y..1970 {
            days -= if leap(year) { 366 } else { 365 };
        }
    }
    for month in 1..mo {
        days += month_days(y, month);
    }
    days += d - 1;
    days * 86_400 + h * 3600 + mi * 60 + s - offset_minutes * 60
}

#[derive(Debug, Clone)]
enum Zone {
    None,
    Z(char),
    Offset { minutes: i64, colon: bool },
}

/// Years, biased towards the ones calendars get wrong: centuries (1900 is not leap, 2000 is),
/// year 0, the epoch and the year before it.
fn year() -> impl Strategy<Value = i64> {
    prop_oneof![
        2 => 0i64..=9999,
        1 => (0i64..=99).prop_map(|c| c * 100),
        1 => prop::sample::select(&[0i64, 1, 4, 1969, 1970, 1972, 2000, 2023, 2024, 9999][..]),
    ]
}

fn date_parts() -> impl Strategy<Value = (i64, i64, i64)> {
    (year(), prop_oneof![1 => 1i64..=12, 1 => 1i64..=3])
        .prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=month_days(y, m)))
}

proptest! {
    #![proptest_config(config(3000))]

    /// Guards against off-by-one days (leap years, centuries, year 0, January/February),
    /// zone offsets applied with the wrong sign, and seconds or fractions misread.
    #[test]
    fn parse_timestamp_agrees_with_a_day_counting_reference(
        (y, mo, d) in date_parts(),
        h in 0i64..=23,
        mi in 0i64..=59,
        s in 0i64..=60,
        shape in 0u8..4,
        fraction in "[0-9]{1,9}",
        separator in prop::sample::select(&['T', ' '][..]),
        zone in prop_oneof![
            Just(Zone::None),
            prop::sample::select(&['Z', 'z'][..]).prop_map(Zone::Z),
            (-(23 * 60 + 59)..=(23 * 60 + 59i64), any::<bool>())
                .prop_map(|(minutes, colon)| Zone::Offset { minutes, colon }),
        ],
    ) {
        let date = format!("{y:04}-{mo:02}-{d:02}");
        let (text, (hh, mm, ss)) = match shape {
            0 => (date.clone(), (0, 0, 0)),
            1 => (format!("{date}{separator}{h:02}:{mi:02}"), (h, mi, 0)),
            2 => (format!("{date}{separator}{h:02}:{mi:02}:{s:02}"), (h, mi, s)),
            _ => (format!("{date}{separator}{h:02}:{mi:02}:{s:02}.{fraction}"), (h, mi, s)),
        };
        let (text, offset) = match (&zone, shape) {
            (_, 0) | (Zone::None, _) => (text, 0),
            (Zone::Z(c), _) => (format!("{text}{c}"), 0),
            (Zone::Offset { minutes, colon }, _) => {
                let sign = if *minutes < 0 { '-' } else { '+' };
                let (oh, om) = (minutes.abs() / 60, minutes.abs() % 60);
                let sep = if *colon { ":" } else { "" };
                (format!("{text}{sign}{oh:02}{sep}{om:02}"), *minutes)
            }
        };
        prop_assert_eq!(
            parse_timestamp(&text),
            Some(reference_seconds(y, mo, d, hh, mm, ss, offset)),
            "{}", text
        );
    }

    /// Guards against impossible dates being wrapped into real ones (Feb 30 → Mar 2).
    #[test]
    fn parse_timestamp_refuses_days_past_the_end_of_the_month((y, mo, _d) in date_parts(), extra in 1i64..=3) {
        let day = month_days(y, mo) + extra;
        let text = format!("{y:04}-{mo:02}-{day:02}");
        prop_assert_eq!(parse_timestamp(&text), None, "{}", text);
    }

    /// Guards against panics (byte slicing inside a multi-byte character, overflow) on
    /// whatever a publisher writes in `published`.
    #[test]
    fn parse_timestamp_never_panics(
        text in prop_oneof![
            any::<String>(),
            "[0-9T:Z+.\\- zé😀]{0,30}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.+\\-Zé]{0,16}",
        ],
    ) {
        let parsed = parse_timestamp(&text);
        if parsed.is_some() {
            prop_assert!(text.len() >= 10 && text.is_char_boundary(10));
            prop_assert!(text.as_bytes()[..10].iter().all(|b| b.is_ascii_digit() || *b == b'-'));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// URL safety
// ---------------------------------------------------------------------------------------------

/// What the WHATWG URL parser does before reading a scheme: strip leading and trailing C0
/// controls and spaces, remove every tab and newline.
fn browser_preprocess(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme a browser would read, per the WHATWG "scheme start" and "scheme" states.
fn browser_scheme(url: &str) -> Option<String> {
    let mut chars = url.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let mut scheme = String::from(first);
    for c in chars {
        match c {
            ':' => return Some(scheme.to_ascii_lowercase()),
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => scheme.push(c),
            _ => return None,
        }
    }
    None
}

fn assert_http_or_relative(raw: &str) -> Result<(), TestCaseError> {
    if let Some(url) = safe_url(raw) {
        for seen in [
            browser_scheme(&url),
            browser_scheme(&browser_preprocess(raw)),
        ] {
            prop_assert!(
                seen.is_none()
                    || seen.as_deref() == Some("http")
                    || seen.as_deref() == Some("https"),
                "{:?} passed as {:?} with scheme {:?}",
                raw,
                url,
                seen
            );
        }
        prop_assert!(
            !url.chars().any(char::is_control),
            "{:?} kept a control character",
            url
        );
        prop_assert_eq!(url, browser_preprocess(raw));
    }
    Ok(())
}

/// "javascript:" (or another dangerous scheme) in random case, with tabs and newlines inserted
/// anywhere and C0 controls or spaces around it.
fn disguised(scheme: &'static [&'static str]) -> impl Strategy<Value = String> {
    (
        prop::sample::select(scheme),
        prop::collection::vec(any::<bool>(), 16),
        prop::collection::vec(
            (0usize..40, prop::sample::select(&['\t', '\n', '\r'][..])),
            0..6,
        ),
        "[\\x00-\\x20]{0,4}",
        "[\\x00-\\x20]{0,4}",
        prop_oneof![Just("alert(1)".to_string()), any::<String>()],
    )
        .prop_map(|(scheme, upper, inserts, lead, trail, payload)| {
            let mut url: Vec<char> = scheme
                .chars()
                .zip(upper.iter().cycle())
                .map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c })
                .collect();
            url.push(':');
            for (at, c) in inserts {
                let at = at % (url.len() + 1);
                url.insert(at, c);
            }
            format!(
                "{lead}{}{payload}{trail}",
                url.into_iter().collect::<String>()
            )
        })
}

proptest! {
    #![proptest_config(config(3000))]

    /// Guards against any string reaching an href or src with a scheme other than http(s),
    /// as the browser would read it, or against a panic on hostile input.
    #[test]
    fn safe_url_only_ever_passes_http_https_or_relative(
        raw in prop_oneof![
            any::<String>(),
            "[a-zA-Z\\t\\n\\r :/.+\\-\\x00-\\x1f]{0,20}",
            unicode_text(),
        ],
    ) {
        assert_http_or_relative(&raw)?;
    }

    /// Guards against `java\tscript:`, ` JaVaScRiPt:`, `\x01data:` and friends slipping through.
    #[test]
    fn disguised_script_urls_are_always_refused(
        raw in disguised(&["javascript", "data", "vbscript", "file", "blob"]),
    ) {
        prop_assert_eq!(safe_url(&raw), None, "{:?}", raw);
    }

    /// Guards against the filter being so eager it drops real links written untidily.
    #[test]
    fn disguised_http_urls_pass_cleaned(
        raw in disguised(&["http", "https"]).prop_filter("no control chars in the payload", |r| {
            !browser_preprocess(r).chars().any(char::is_control)
        }),
    ) {
        let url = safe_url(&raw);
        prop_assert!(url.is_some(), "{:?}", raw);
        assert_http_or_relative(&raw)?;
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// Guards against the fast bitset filter (what the viewer runs) drifting from the plain
    /// reference filter: same articles in the same order, same counts, for every selection the
    /// viewer can have (a link's ids the index does not list are dropped first, by
    /// `retain_known`), over articles that carry topics the index does not list and listed ids no
    /// article carries.
    #[test]
    fn topic_index_agrees_with_the_reference_filter(
        index in corpus_index(),
        filter in topic_filter(),
        limit in 0usize..20,
    ) {
        let mut filter = filter;
        filter.retain_known(&index);
        let fast = lede::core::corpus::topic_index::TopicIndex::new(&index);
        let result = fast.select(&filter);
        let reference = filter.apply(&index);
        let page: Vec<(String, String, String)> = fast
            .page(&result, limit)
            .into_iter()
            .map(|o| &index.articles[fast.position(o).expect("inline corpus")])
            .map(|a| (a.published.to_string(), a.headline.to_string(), a.id.to_string()))
            .collect();
        let expected: Vec<(String, String, String)> = reference
            .iter()
            .take(limit)
            .map(|a| (a.published.to_string(), a.headline.to_string(), a.id.to_string()))
            .collect();
        prop_assert_eq!(page, expected);
        prop_assert_eq!(result.count, reference.len());
        prop_assert_eq!(fast.counts(&filter, &result), filter.counts(&index));
    }
}
