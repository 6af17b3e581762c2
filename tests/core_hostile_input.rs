//! The corpus format against input written by others to break parsers: the JSONTestSuite
//! parsing cases, the Big List of Naughty Strings, and hand-made malformed Lede files whose
//! errors must name the right place.
//!
//! The corpora are vendored, byte-identical to upstream, in `tests/data/` (see its README).

mod common;

use lede::core::format::mentions::{paragraph_segments, segments, Segment, SpanProblem};
use lede::core::format::{
    Article, CorpusIndex, EntityDirectory, EntityKind, FormatError, UNKNOWN_ENTITY,
};
use lede::core::text::url_safety::safe_url;
use lede::core::view::state::{View, ViewState};
use serde_json::{json, Value};
use std::path::PathBuf;

fn corpus(relative: &str) -> PathBuf {
    let corpora = common::root().join("tests/data");
    let path = corpora.join(relative);
    assert!(
        path.exists(),
        "missing test corpus {}: the vendored corpora are expected at {} \
         (see tests/data/README.md)",
        path.display(),
        corpora.display()
    );
    path
}

fn joined(pieces: &[Segment]) -> String {
    pieces.iter().map(Segment::text).collect()
}

// ---------------------------------------------------------------------------------------------
// JSONTestSuite
// ---------------------------------------------------------------------------------------------

struct Case {
    name: String,
    /// The file as text. Files that are not UTF-8 (some `n_` and `i_` cases) are decoded
    /// lossily, as a browser's `Response.text()` would, so that they are still exercised; the
    /// format's entry points take `&str` and never see raw bytes.
    text: String,
    utf8: bool,
}

fn json_test_suite() -> Vec<Case> {
    let dir = corpus("JSONTestSuite/test_parsing");
    let mut cases: Vec<Case> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let utf8 = std::str::from_utf8(&bytes).is_ok();
            Case {
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
                utf8,
            }
        })
        .filter(|c| c.name.ends_with(".json"))
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(
        cases.len() >= 300,
        "expected the 318 JSONTestSuite cases in {}, found {}",
        dir.display(),
        cases.len()
    );
    cases
}

/// Runs both entry points, turning a panic into a test failure that names the file.
fn parse_both(
    case: &Case,
) -> (
    Result<CorpusIndex, FormatError>,
    Result<Article, FormatError>,
) {
    let text = case.text.clone();
    std::panic::catch_unwind(move || {
        // The entity directory's reader shares the index's; it must not panic either.
        let _ = EntityDirectory::from_json(&text);
        (CorpusIndex::from_json(&text), Article::from_json(&text))
    })
    .unwrap_or_else(|_| panic!("{}: parsing panicked", case.name))
}

/// Guards against a parser panic (stack overflow on deep nesting, slicing a multi-byte
/// character) and against malformed JSON being accepted as a corpus or an article.
#[test]
fn json_test_suite_never_panics_and_rejects_every_malformed_file() {
    let cases = json_test_suite();
    let mut rejected_n = 0;
    for case in &cases {
        let (index, article) = parse_both(case);
        if case.name.starts_with("n_") {
            assert!(index.is_err(), "{}: accepted as an index", case.name);
            assert!(article.is_err(), "{}: accepted as an article", case.name);
            for err in [index.unwrap_err(), article.unwrap_err()] {
                assert!(
                    !err.to_string().is_empty(),
                    "{}: empty error message",
                    case.name
                );
            }
            rejected_n += 1;
        }
    }
    assert!(
        rejected_n >= 180,
        "only {rejected_n} n_ cases found: wrong folder?"
    );
}

/// Guards against valid JSON that is not a Lede file (`[]`, `"x"`, `{"a":1}`, `1e400`...) being
/// accepted, or refused with an error a reader cannot act on.
#[test]
fn json_test_suite_valid_json_is_refused_as_not_a_lede_file() {
    let cases = json_test_suite();
    let mut seen = 0;
    for case in cases.iter().filter(|c| c.name.starts_with("y_")) {
        assert!(case.utf8, "{}: a y_ case should be UTF-8", case.name);
        let (index, article) = parse_both(case);
        for (what, result) in [("index", index.err()), ("article", article.err())] {
            let err = result.unwrap_or_else(|| panic!("{}: accepted as an {what}", case.name));
            assert!(
                matches!(err, FormatError::Json { .. }),
                "{}: as an {what}, expected FormatError::Json, got {err:?}",
                case.name
            );
            let message = err.to_string();
            assert!(!message.trim().is_empty(), "{}: empty message", case.name);
            if let FormatError::Json { line, column, .. } = err {
                assert!(
                    line >= 1 && column <= case.text.len() + 1,
                    "{}: {line}:{column}",
                    case.name
                );
            }
        }
        seen += 1;
    }
    assert!(seen >= 90, "only {seen} y_ cases found");
}

/// Guards against forward compatibility breaking on unusual values: any valid JSON under an
/// unknown key, at the top level or inside an article entry, must be ignored.
#[test]
fn json_test_suite_values_under_unknown_keys_are_ignored() {
    for case in json_test_suite()
        .iter()
        .filter(|c| c.name.starts_with("y_"))
    {
        let value = case.text.trim_start_matches('\u{FEFF}');
        let index = format!(
            r#"{{"version":1,"future":{value},"articles":[{{"id":"a","headline":"h","published":"2023-01-01","url":"a.json","future":{value}}}]}}"#
        );
        let article = format!(
            r#"{{"version":1,"id":"a","headline":"h","published":"2023-01-01","future":{value},"body":[{{"text":"t","future":{value}}}]}}"#
        );
        if let Err(e) = CorpusIndex::from_json(&index) {
            panic!("{}: unknown key refused in an index: {e}", case.name);
        }
        if let Err(e) = Article::from_json(&article) {
            panic!("{}: unknown key refused in an article: {e}", case.name);
        }
    }
}

/// Guards against panics on implementation-defined input (huge numbers, lone surrogates,
/// 500-deep nesting, non-UTF-8 bytes decoded lossily).
#[test]
fn json_test_suite_implementation_defined_cases_do_not_panic() {
    let cases = json_test_suite();
    let mut lossy = 0;
    for case in cases.iter().filter(|c| c.name.starts_with("i_")) {
        let (index, article) = parse_both(case);
        // None of them is a Lede file either.
        assert!(index.is_err() && article.is_err(), "{}", case.name);
        lossy += usize::from(!case.utf8);
    }
    assert!(
        lossy > 0,
        "expected some non-UTF-8 i_ cases to exercise lossy decoding"
    );
}

// ---------------------------------------------------------------------------------------------
// Big List of Naughty Strings
// ---------------------------------------------------------------------------------------------

fn naughty_strings() -> Vec<String> {
    let path = corpus("naughty-strings/blns.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let strings: Vec<String> = serde_json::from_str(&text).unwrap();
    assert!(
        strings.len() >= 500,
        "expected ~515 strings in {}",
        path.display()
    );
    strings
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// An index with `s` everywhere a publisher writes text, ids included when `s` is non-empty.
fn naughty_index(s: &str) -> String {
    let id = if s.is_empty() { "fallback" } else { s };
    json!({
        "version": 1,
        "title": s,
        "topics": [{"id": id, "label": s}, {"id": "plain", "label": "Plain"}],
        "entities": [{"id": id, "name": s, "type": "person", "url": s}],
        "articles": [{
            "id": id,
            "headline": s,
            "standfirst": s,
            "published": "2023-01-01T10:00:00Z",
            "language": s,
            "topics": [id, s],
            "entities": [id],
            "thumbnail": {"url": s, "alt": s},
            "url": s,
        }],
    })
    .to_string()
}

/// An article with `s` as headline, in paragraphs, as an entity's name and alias, as a topic,
/// and as URLs; one paragraph mentions it explicitly, one leaves matching to find it.
fn naughty_article(s: &str) -> String {
    json!({
        "version": 1,
        "id": "naughty",
        "headline": s,
        "standfirst": s,
        "byline": s,
        "published": "2023-01-01",
        "language": s,
        "source_url": s,
        "source_name": s,
        "rights": s,
        "topics": [s],
        "image": {"url": s, "alt": s, "caption": s, "credit": s},
        "entities": [{"id": "e", "name": s, "aliases": [s], "type": "place", "url": s}],
        "body": [
            {"text": s},
            {
                "text": format!("Before {s} after"),
                // An empty mention would rightly be warned about: none for the empty string.
                "mentions": if s.is_empty() {
                    json!([])
                } else {
                    json!([{"start": 7, "end": 7 + chars(s), "entity": "e"}])
                },
            },
            {"text": format!("{s} and {s}")},
        ],
    })
    .to_string()
}

fn assert_no_dangerous_scheme(raw: &str) {
    if let Some(url) = safe_url(raw) {
        if let Some(colon) = url.find(':') {
            let scheme = &url[..colon];
            let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            assert!(
                !is_scheme
                    || scheme.eq_ignore_ascii_case("http")
                    || scheme.eq_ignore_ascii_case("https"),
                "{raw:?} passed as {url:?} with scheme {scheme:?}"
            );
        }
        assert!(!url.chars().any(char::is_control), "{raw:?} -> {url:?}");
    }
}

/// Guards against a naughty string being mangled (escapes, normalisation, trimming) or
/// refused anywhere a publisher can write text in an index.
#[test]
fn naughty_strings_survive_an_index_exactly() {
    for s in naughty_strings() {
        let index = CorpusIndex::from_json(&naughty_index(&s))
            .unwrap_or_else(|e| panic!("{s:?} refused in an index: {e}"));
        let id = if s.is_empty() { "fallback" } else { s.as_str() };
        assert_eq!(index.title.as_deref(), Some(s.as_str()));
        assert_eq!(index.topics[0].id, id);
        assert_eq!(index.topics[0].label, s);
        assert_eq!(index.entities[0].name, s);
        assert_eq!(index.entities[0].url.as_deref(), Some(s.as_str()));
        let a = &index.articles[0];
        assert_eq!(
            (a.id.as_str(), a.headline.as_str(), a.url.as_str()),
            (id, s.as_str(), s.as_str())
        );
        assert_eq!(a.topics, [id, s.as_str()]);
        assert_eq!(a.thumbnail.as_ref().unwrap().url, s);
        assert!(index.topic(id).is_some() && index.article(id).is_some());
        let corpus = lede::core::corpus::Corpus::new(index.clone());
        assert_eq!(corpus.inline_mentions(id).map(|m| m.len()), Some(1));
        // The index the corpus tool writes reads back identically.
        assert_eq!(
            CorpusIndex::from_json(&index.to_json()).unwrap(),
            index,
            "{s:?}"
        );
    }
}

/// Guards against the empty string slipping through as an id (an unreachable article, a
/// topic that cannot be put in a link).
#[test]
fn naughty_empty_string_is_refused_as_an_id() {
    let index = json!({
        "version": 1,
        "topics": [{"id": "", "label": "x"}],
        "articles": [],
    });
    match CorpusIndex::from_json(&index.to_string()) {
        Err(FormatError::Invalid { path, .. }) => assert_eq!(path, "topics[0].id"),
        other => panic!("expected Invalid at topics[0].id, got {other:?}"),
    }
}

/// Guards against naughty text breaking the article: lost or duplicated text in segments,
/// offsets miscounted around emoji, RTL overrides or zero-width characters, or a matched name
/// that segments then refuses.
#[test]
fn naughty_strings_survive_an_article_and_its_segments() {
    for s in naughty_strings() {
        let article = Article::from_json(&naughty_article(&s))
            .unwrap_or_else(|e| panic!("{s:?} refused in an article: {e}"));
        assert_eq!(article.headline, s);
        assert_eq!(article.byline.as_deref(), Some(s.as_str()));
        assert_eq!(article.topics, [s.as_str()]);
        assert_eq!(article.image.as_ref().unwrap().url, s);
        assert_eq!(article.entities[0].name, s);
        assert_eq!(article.entities[0].aliases, [s.as_str()]);
        assert_eq!(article.entities[0].kind, EntityKind::Place);
        assert_eq!(article.body[0].text, s);
        assert_eq!(article.body[1].text, format!("Before {s} after"));

        for (i, paragraph) in article.body.iter().enumerate() {
            let (pieces, warnings) = paragraph_segments(&article, i, paragraph);
            assert_eq!(joined(&pieces), paragraph.text, "{s:?}, paragraph {i}");
            assert!(warnings.is_empty(), "{s:?}, paragraph {i}: {warnings:?}");
        }

        // The explicit mention covers exactly the naughty string.
        let (pieces, _) = paragraph_segments(&article, 1, &article.body[1]);
        let mentioned: Vec<&str> = pieces
            .iter()
            .filter_map(|p| match p {
                Segment::Mention { text, .. } => Some(*text),
                Segment::Text(_) => None,
            })
            .collect();
        if s.is_empty() {
            assert!(mentioned.is_empty());
        } else {
            assert_eq!(mentioned, [s.as_str()], "{s:?}");
        }

        // Whatever matching links in "{s} and {s}" is the (trimmed) name itself.
        let (pieces, _) = paragraph_segments(&article, 2, &article.body[2]);
        for p in &pieces {
            if let Segment::Mention { text, .. } = p {
                assert_eq!(*text, s.trim(), "{s:?}");
            }
        }

        // It reads back identically from what the corpus tool would write.
        assert_eq!(
            Article::from_json(&article.to_json()).unwrap(),
            article,
            "{s:?}"
        );
    }
}

/// Guards against a naughty string reaching an href/src with a script, data or other scheme.
#[test]
fn naughty_strings_never_pass_url_safety_with_a_dangerous_scheme() {
    for s in naughty_strings() {
        assert_no_dangerous_scheme(&s);
        // Also as the scheme-looking prefix of a URL, and with a browser-ignored tab inside.
        assert_no_dangerous_scheme(&format!("{s}:alert(1)"));
        let with_tab: String = s.chars().flat_map(|c| [c, '\t']).collect();
        assert_no_dangerous_scheme(&with_tab);
    }
}

/// Guards against a deep link to an article, entity or topic with a naughty id not reopening it.
#[test]
fn naughty_strings_round_trip_as_ids_in_the_query() {
    for s in naughty_strings().into_iter().filter(|s| !s.is_empty()) {
        for prefix in ["", "lede."] {
            for view in [View::Article(s.clone()), View::Entity(s.clone())] {
                let mut state = ViewState {
                    view,
                    ..ViewState::default()
                };
                state.filter.toggle(&s);
                state.filter.toggle("plain");
                let query = state.to_query("?page=2&topic=host", prefix);
                assert_eq!(
                    ViewState::from_query(&query, prefix),
                    state,
                    "{s:?} via {query:?}"
                );
                assert!(query.starts_with("?page=2&"), "{query:?}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Error paths
// ---------------------------------------------------------------------------------------------

fn article_value() -> Value {
    json!({
        "version": 1,
        "id": "a",
        "headline": "h",
        "published": "2023-01-01",
        "entities": [{"id": "e", "name": "Erbil"}],
        "body": [{"text": "In Erbil", "mentions": [{"start": 3, "end": 8, "entity": "e"}]}],
    })
}

fn index_value() -> Value {
    json!({
        "version": 1,
        "topics": [{"id": "iraq", "label": "Iraq"}],
        "articles": [
            {"id": "a", "headline": "h", "published": "2023-01-01", "topics": ["iraq"], "url": "a.json"},
            {"id": "b", "headline": "h", "published": "2023-01-02", "url": "b.json"},
        ],
    })
}

fn json_error(result: Result<impl std::fmt::Debug, FormatError>) -> (String, String, usize, usize) {
    match result {
        Err(FormatError::Json {
            path,
            message,
            line,
            column,
        }) => (path, message, line, column),
        other => panic!("expected FormatError::Json, got {other:?}"),
    }
}

fn invalid(result: Result<impl std::fmt::Debug, FormatError>) -> (String, String) {
    match result {
        Err(FormatError::Invalid { path, message }) => (path, message),
        other => panic!("expected FormatError::Invalid, got {other:?}"),
    }
}

/// Guards against wrong types being reported without the place a publisher must fix.
#[test]
fn wrong_type_in_an_article_names_its_json_path() {
    let text =
        r#"{"version":1,"id":"a","headline":"h","published":"2023-01-01","body":[{"text":5}]}"#;
    let (path, message, _, _) = json_error(Article::from_json(text));
    assert_eq!(path, "body[0].text");
    assert!(message.contains("invalid type"), "{message}");
    assert!(Article::from_json(text)
        .unwrap_err()
        .to_string()
        .starts_with("at body[0].text: "));

    let mut v = article_value();
    v["body"][0]["mentions"][0]["start"] = json!(-1);
    assert_eq!(
        json_error(Article::from_json(&v.to_string())).0,
        "body[0].mentions[0].start"
    );

    let mut v = article_value();
    v["entities"][0]["aliases"] = json!(["ok", 7]);
    assert_eq!(
        json_error(Article::from_json(&v.to_string())).0,
        "entities[0].aliases[1]"
    );

    let mut v = article_value();
    v["image"] = json!({"url": "x.jpg", "width": "wide"});
    assert_eq!(
        json_error(Article::from_json(&v.to_string())).0,
        "image.width"
    );
}

/// Guards against index errors pointing at the wrong article or not at all.
#[test]
fn wrong_type_in_an_index_names_its_json_path() {
    let mut v = index_value();
    v["articles"][0]["topics"] = json!("iraq");
    let (path, ..) = json_error(CorpusIndex::from_json(&v.to_string()));
    assert!(path.contains("articles[0].topics"), "{path}");

    let mut v = index_value();
    v["articles"][1]["topics"] = json!(["iraq", 3]);
    let (path, ..) = json_error(CorpusIndex::from_json(&v.to_string()));
    assert_eq!(path, "articles[1].topics[1]");

    // Line and column point into a pretty-printed file at the bad value.
    let pretty = serde_json::to_string_pretty(&v).unwrap();
    let (_, _, line, column) = json_error(CorpusIndex::from_json(&pretty));
    let bad_line = pretty.lines().nth(line - 1).unwrap();
    assert!(
        bad_line.trim_start().starts_with('3'),
        "line {line}: {bad_line:?}"
    );
    assert!(column >= 1 && column <= bad_line.len() + 1);
}

/// Guards against a missing required field being reported without its name and place.
#[test]
fn missing_required_fields_are_named() {
    let mut v = index_value();
    v["articles"][1].as_object_mut().unwrap().remove("url");
    let (path, message, ..) = json_error(CorpusIndex::from_json(&v.to_string()));
    assert!(path.contains("articles[1]"), "{path}");
    assert!(message.contains("url"), "{message}");

    let mut v = article_value();
    v.as_object_mut().unwrap().remove("body");
    let (_, message, ..) = json_error(Article::from_json(&v.to_string()));
    assert!(message.contains("body"), "{message}");
}

/// Guards against a file without a version being read as if it were version 1.
#[test]
fn missing_version_is_an_error_that_says_version() {
    for value in [
        {
            let mut v = article_value();
            v.as_object_mut().unwrap().remove("version");
            v
        },
        {
            let mut v = index_value();
            v.as_object_mut().unwrap().remove("version");
            v
        },
    ] {
        let text = value.to_string();
        for err in [
            Article::from_json(&text).unwrap_err(),
            CorpusIndex::from_json(&text).unwrap_err(),
        ] {
            assert!(matches!(err, FormatError::Json { .. }), "{err:?}");
            assert!(err.to_string().contains("version"), "{err}");
        }
    }
    let (path, ..) = json_error(Article::from_json(
        r#"{"version":"1","id":"a","headline":"h","published":"2023-01-01","body":[]}"#,
    ));
    assert_eq!(path, "version");
}

/// Guards against a future format being misread, or reported as a confusing type error
/// inside it instead of as a version this viewer does not read.
#[test]
fn future_version_is_refused_as_a_version_even_if_the_rest_changed_shape() {
    let mut v = article_value();
    v["version"] = json!(2);
    assert_eq!(
        Article::from_json(&v.to_string()),
        Err(FormatError::Version { found: 2 })
    );
    let mut v = index_value();
    v["version"] = json!(2);
    assert_eq!(
        CorpusIndex::from_json(&v.to_string()),
        Err(FormatError::Version { found: 2 })
    );
    // A version 2 file whose fields changed type is still reported as version 2.
    let changed = r#"{"version":2,"articles":{"by-id":{}},"body":"<p>html now</p>"}"#;
    let err = CorpusIndex::from_json(changed).unwrap_err();
    assert_eq!(err, FormatError::Version { found: 2 });
    assert!(err.to_string().contains("version 2"), "{err}");
    assert_eq!(
        Article::from_json(changed),
        Err(FormatError::Version { found: 2 })
    );
    assert!(matches!(
        Article::from_json(r#"{"version":0,"body":[]}"#),
        Err(FormatError::Version { found: 0 })
    ));
}

/// Guards against duplicate ids making one article, topic or entity unreachable.
#[test]
fn duplicate_ids_are_invalid_at_the_second_one() {
    let mut v = index_value();
    v["articles"][1]["id"] = json!("a");
    let (path, message) = invalid(CorpusIndex::from_json(&v.to_string()));
    assert_eq!(path, "articles[1].id");
    assert!(message.contains("\"a\""), "{message}");

    let mut v = index_value();
    v["topics"] =
        json!([{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}, {"id": "x", "label": "X2"}]);
    assert_eq!(
        invalid(CorpusIndex::from_json(&v.to_string())).0,
        "topics[2].id"
    );

    let mut v = article_value();
    v["entities"] = json!([{"id": "e", "name": "A"}, {"id": "e", "name": "B"}]);
    assert_eq!(
        invalid(Article::from_json(&v.to_string())).0,
        "entities[1].id"
    );
}

/// Guards against an unparseable date being accepted and then sorted arbitrarily.
#[test]
fn bad_dates_are_invalid_at_their_path() {
    for bad in [
        "2023-02-30",
        "yesterday",
        "2023-03-07T25:00",
        "",
        "07/03/2023",
    ] {
        let mut v = index_value();
        v["articles"][0]["published"] = json!(bad);
        let (path, message) = invalid(CorpusIndex::from_json(&v.to_string()));
        assert_eq!(path, "articles[0].published", "{bad:?}");
        assert!(message.contains("ISO 8601"), "{message}");

        let mut v = article_value();
        v["published"] = json!(bad);
        assert_eq!(
            invalid(Article::from_json(&v.to_string())).0,
            "published",
            "{bad:?}"
        );
    }
}

/// Guards against newer writers' additions breaking older viewers.
#[test]
fn unknown_fields_are_ignored_everywhere() {
    let mut v = article_value();
    v["added_in_v1_1"] = json!({"anything": [1, 2, 3]});
    v["entities"][0]["confidence"] = json!(0.9);
    v["body"][0]["html"] = json!("<p>In Erbil</p>");
    v["body"][0]["mentions"][0]["source"] = json!("ner");
    v["image"] = json!({"url": "x.jpg", "focal_point": [0.5, 0.5]});
    let article = Article::from_json(&v.to_string()).expect("unknown fields must be ignored");
    assert_eq!(
        article.body[0].mentions.as_ref().unwrap()[0].entity_index,
        0
    );

    let mut v = index_value();
    v["generator"] = json!("lede-corpus 9");
    v["topics"][0]["colour"] = json!("#f00");
    v["articles"][0]["word_count"] = json!(812);
    v["articles"][0]["thumbnail"] = json!({"url": "t.jpg", "blurhash": "LEHV6n"});
    v["entities"] = json!([{"id": "e", "name": "E", "sameAs": []}]);
    CorpusIndex::from_json(&v.to_string()).expect("unknown fields must be ignored");
}

/// Guards against a newer writer's entity kind making the whole file unreadable.
#[test]
fn unknown_entity_type_reads_as_other() {
    let mut v = article_value();
    v["entities"] = json!([
        {"id": "e", "name": "Erbil", "type": "settlement"},
        {"id": "p", "name": "P", "type": "person"},
        {"id": "n", "name": "N"},
    ]);
    let article = Article::from_json(&v.to_string()).unwrap();
    let kinds: Vec<EntityKind> = article.entities.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [EntityKind::Other, EntityKind::Person, EntityKind::Other]
    );

    let mut v = index_value();
    v["entities"] = json!([{"id": "e", "name": "E", "type": "PERSON"}]);
    let index = CorpusIndex::from_json(&v.to_string()).unwrap();
    assert_eq!(index.entities[0].kind, EntityKind::Other);
}

/// Guards against a mention of an entity the article does not list either refusing the whole
/// article or being linked to the wrong entity.
#[test]
fn mention_of_an_unknown_entity_parses_and_is_shown_unlinked_with_a_warning() {
    let mut v = article_value();
    v["body"][0]["mentions"] = json!([
        {"start": 0, "end": 2, "entity": "nobody"},
        {"start": 3, "end": 8, "entity": "e"},
    ]);
    let article = Article::from_json(&v.to_string()).unwrap();
    let mentions = article.body[0].mentions.as_ref().unwrap();
    assert_eq!(mentions[0].entity_index, UNKNOWN_ENTITY);
    assert_eq!(mentions[1].entity_index, 0);
    assert!(article.entity_of(&mentions[0]).is_none());

    let (pieces, warnings) = segments(&article.body[0].text, mentions, article.entities.len(), 0);
    assert_eq!(
        pieces,
        [
            Segment::Text("In "),
            Segment::Mention {
                text: "Erbil",
                entity_index: 0
            }
        ]
    );
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].problem, SpanProblem::UnknownEntity);
    assert_eq!((warnings[0].start, warnings[0].end), (0, 2));
}

/// Guards against trailing garbage after a valid file being silently ignored.
#[test]
fn trailing_content_after_the_file_is_an_error() {
    let text = format!("{} x", article_value());
    let err = Article::from_json(&text).unwrap_err();
    assert!(matches!(err, FormatError::Json { .. }), "{err:?}");
    let text = format!("{}{{}}", index_value());
    assert!(matches!(
        CorpusIndex::from_json(&text),
        Err(FormatError::Json { .. })
    ));
}

/// Guards against a JSON array being read positionally as a struct: serde's derived structs
/// accept `[2]` as `{"version": 2}`, so a file that is just `[2]` was refused as "format
/// version 2 is not supported" instead of as not being a Lede file at all.
#[test]
fn top_level_array_is_not_mistaken_for_a_version() {
    for text in ["[2]", "[1]", " [0] ", "[4294967295]"] {
        let index = CorpusIndex::from_json(text);
        let article = Article::from_json(text);
        for err in [index.unwrap_err(), article.unwrap_err()] {
            assert!(
                matches!(err, FormatError::Json { .. }),
                "{text}: expected a JSON shape error, got {err:?}"
            );
            assert!(!err.to_string().contains("format version"), "{text}: {err}");
        }
    }
}

fn directory_value() -> Value {
    json!({
        "version": 1,
        "entities": [
            {"id": "baghdad", "name": "Baghdad", "type": "place", "articles": ["b", "a"]},
            {"id": "reuters", "name": "Reuters", "type": "organisation", "articles": ["b"]},
            {"id": "nobody", "name": "Nobody"},
        ],
    })
}

fn index_with_entity_file() -> CorpusIndex {
    let mut v = index_value();
    v["entity_file"] = json!("entities.json");
    CorpusIndex::from_json(&v.to_string()).unwrap()
}

/// Guards against the entity view showing nothing for a corpus whose entities live in a file.
#[test]
fn an_entity_directory_fills_in_the_entities_and_who_mentions_them() {
    let mut index = index_with_entity_file();
    let directory = EntityDirectory::from_json(&directory_value().to_string()).unwrap();
    index.add_directory(directory).unwrap();
    assert_eq!(index.entity_file, None);
    let names: Vec<&str> = index.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Baghdad", "Reuters", "Nobody"]);
    assert_eq!(
        index.entity("reuters").unwrap().kind,
        EntityKind::Organisation
    );
    assert_eq!(index.article("a").unwrap().entities, ["baghdad"]);
    assert_eq!(index.article("b").unwrap().entities, ["baghdad", "reuters"]);
}

/// Guards against a directory that names a missing article being taken silently.
#[test]
fn a_directory_naming_an_unknown_article_is_refused_with_its_path() {
    let mut v = directory_value();
    v["entities"][1]["articles"] = json!(["b", "gone"]);
    let directory = EntityDirectory::from_json(&v.to_string()).unwrap();
    let (path, message) = invalid(index_with_entity_file().add_directory(directory));
    assert_eq!(path, "entities[1].articles[1]");
    assert!(message.contains("\"gone\""), "{message}");
}

/// Guards against wrong types and repeated ids in a directory going unreported.
#[test]
fn a_malformed_directory_names_its_json_path() {
    let mut v = directory_value();
    v["entities"][0]["articles"] = json!(["a", 7]);
    let (path, ..) = json_error(EntityDirectory::from_json(&v.to_string()));
    assert_eq!(path, "entities[0].articles[1]");

    let mut v = directory_value();
    v["entities"][2]["id"] = json!("baghdad");
    let (path, message) = invalid(EntityDirectory::from_json(&v.to_string()));
    assert_eq!(path, "entities[2].id");
    assert!(message.contains("twice"), "{message}");
}

/// Guards against two sources of entities that could disagree.
#[test]
fn entities_inline_and_in_a_file_at_once_are_refused() {
    let mut v = index_value();
    v["entity_file"] = json!("entities.json");
    v["entities"] = json!([{"id": "x", "name": "X"}]);
    let (path, _) = invalid(CorpusIndex::from_json(&v.to_string()));
    assert_eq!(path, "entity_file");
}

/// Guards against reading a paged corpus's directory wiping the entity lists its listing pages
/// gave (the directory of a paged corpus has no `articles`: its mentions file says who mentions
/// whom).
#[test]
fn a_directory_leaves_a_paged_corpus_s_summaries_alone() {
    let v = json!({
        "version": 1,
        "entity_file": "entities.json",
        "catalog": {"count": 1, "page_size": 10, "pages": "listing/{page}.json",
                    "postings": "postings.json", "articles": "articles/{id}.json"},
    });
    let mut index = CorpusIndex::from_json(&v.to_string()).unwrap();
    // As `lede-corpus validate` does: the listing pages' summaries, read in.
    let inline = CorpusIndex::from_json(&index_value().to_string()).unwrap();
    let mut summary = inline.articles[0].clone();
    summary.entities = vec!["baghdad".into()];
    index.articles = vec![summary];
    let mut v = directory_value();
    v["entities"][0].as_object_mut().unwrap().remove("articles");
    v["entities"][1].as_object_mut().unwrap().remove("articles");
    index
        .add_directory(EntityDirectory::from_json(&v.to_string()).unwrap())
        .unwrap();
    assert_eq!(index.articles[0].entities, ["baghdad"]);
    assert_eq!(index.entities.len(), 3);
}

// ---------------------------------------------------------------------------------------------
// Sizes at which work or memory used to grow with the square of the input. Each bound is a size
// or a count: the old code at these sizes ran for minutes or took gigabytes; the new code's
// structure is linear or n log n, so they finish.
// ---------------------------------------------------------------------------------------------

use lede::core::corpus::topic_index::TopicIndex;
use lede::core::corpus::topics::{TopicFilter, TopicMatch};
use lede::core::corpus::Corpus;
use lede::core::format::catalog::Catalog;
use lede::core::format::matching::find_mentions;
use lede::core::format::{ArticleSummary, Entity, Topic};

fn topic(id: &str) -> Topic {
    Topic {
        id: id.to_string(),
        label: id.to_uppercase(),
        count: None,
    }
}

fn summary_carrying(i: usize, topics: Vec<String>) -> ArticleSummary {
    ArticleSummary {
        id: format!("a{i}").into(),
        headline: format!("Headline {i}").into(),
        standfirst: None,
        published: format!("2024-01-{:02}", 1 + i % 28).into(),
        language: None,
        topics: topics.into_iter().map(Into::into).collect(),
        entities: Vec::new(),
        thumbnail: None,
        url: format!("articles/a{i}.json").into(),
        source_name: None,
        reading_minutes: None,
    }
}

/// `n` articles, article `i` carrying topic `t{i}`; the index lists the topics if `listed`.
fn index_with_unique_topics(n: usize, listed: bool) -> CorpusIndex {
    CorpusIndex {
        version: 1,
        title: None,
        topics: if listed {
            (0..n).map(|i| topic(&format!("t{i}"))).collect()
        } else {
            Vec::new()
        },
        entities: Vec::new(),
        entity_file: None,
        articles: (0..n)
            .map(|i| summary_carrying(i, vec![format!("t{i}")]))
            .collect(),
        catalog: None,
        search: None,
    }
}

#[test]
fn a_topic_the_index_does_not_list_shows_its_id_not_nothing() {
    let index = index_with_unique_topics(2, true);
    assert_eq!(index.topic_label("t1"), "T1");
    assert_eq!(index.topic_label("unlisted"), "unlisted");
}

fn any_of(ids: &[&str]) -> TopicFilter {
    TopicFilter {
        selected: ids.iter().map(|s| s.to_string()).collect(),
        mode: TopicMatch::Any,
        query: String::new(),
    }
}

/// Guards against memory growing with the square of an inline index (a bitset over every
/// article for every topic): 100,000 articles, each with a topic of its own, listed or not,
/// must stay under 64 MB as the index counts its own bytes (the old index held 1.25 GB).
#[test]
fn inline_index_with_100k_unique_topics_stays_under_64_mb() {
    const LIMIT: usize = 64 * 1024 * 1024;
    for listed in [true, false] {
        let index = index_with_unique_topics(100_000, listed);
        let topics = TopicIndex::new(&index);
        assert!(
            topics.heap_bytes() < LIMIT,
            "listed: {listed}: {} bytes",
            topics.heap_bytes()
        );
        if listed {
            let result = topics.select(&any_of(&["t77777"]));
            assert_eq!(result.count, 1);
            let ordinal = topics.page(&result, 10)[0];
            assert_eq!(
                index.articles[topics.position(ordinal).unwrap()].id,
                "a77777"
            );
            let counts = topics.counts(&any_of(&["t77777"]), &result);
            // The selected topic: its one article; any other: what a click adding it shows.
            assert_eq!(counts[77_777], 1);
            assert_eq!(counts[0], 2);
        }
    }
}

/// Guards against numbering topic ids by inserting each into a sorted vector (quadratic when
/// they arrive in descending order; 300,000 froze a click): 1,000,000 postings topics, listed in
/// descending order.
#[test]
fn postings_of_1m_topics_in_descending_order_are_indexed() {
    let count = 64;
    let n = 1_000_000;
    let listed: Vec<Topic> = (0..n).rev().map(|i| topic(&format!("t{i:06}"))).collect();
    let postings: Vec<(String, Vec<u32>)> = listed
        .iter()
        .enumerate()
        .map(|(k, t)| (t.id.clone(), vec![(k % count) as u32]))
        .collect();
    let topics = TopicIndex::from_postings(count, &listed, postings);
    let result = topics.select(&any_of(&["t000007"]));
    assert_eq!(result.count, 1);
    let counts = topics.counts(&any_of(&["t000007"]), &result);
    assert_eq!(counts.len(), n);
    // The selected topic (listed at n - 1 - 7) counts its one article; any other, what a click
    // adding it shows: its one article and the selected one, unless they are the same article.
    let ordinal = topics.page(&result, 1)[0];
    for k in [0, 1, 7, 63, 64, n - 1 - 7, n - 1] {
        let expected = if k == n - 1 - 7 {
            1
        } else {
            2 - usize::from(k % count == ordinal)
        };
        assert_eq!(counts[k], expected, "topic listed at {k}");
    }
    // A few dozen bytes per topic: its id, its one-article list.
    assert!(
        topics.heap_bytes() < 128 * n,
        "{} bytes",
        topics.heap_bytes()
    );
}

/// Guards against a quadratic step between reading an index that lists 100,000 topics and
/// showing its topic table (numbering the topics, counting them, dropping stale ids from a
/// shared link): ids in descending order, the worst order for a sorted insert. 300,000 topics
/// (100,000 took 17.8 s to a first view).
#[test]
fn an_index_listing_300k_topics_gets_its_topic_table() {
    let n = 300_000;
    let topics: Vec<String> = (0..n)
        .rev()
        .map(|i| format!(r#"{{"id": "t{i:06}", "label": "Topic {i}"}}"#))
        .collect();
    let articles: Vec<String> = (0..1_000)
        .map(|i| {
            format!(
                r#"{{"id": "a{i}", "headline": "h", "published": "2024-01-01",
                   "topics": ["t{:06}"], "url": "a{i}.json"}}"#,
                i * 100
            )
        })
        .collect();
    let text = format!(
        r#"{{"version": 1, "topics": [{}], "articles": [{}]}}"#,
        topics.join(","),
        articles.join(",")
    );
    let corpus = Corpus::new(CorpusIndex::from_json(&text).unwrap());
    let totals = corpus.topic_totals();
    assert_eq!(totals.len(), n);
    assert_eq!(totals.iter().sum::<usize>(), 1_000);
    // A shared link selecting every topic, and one stale id.
    let mut filter = TopicFilter {
        selected: (0..n).map(|i| format!("t{i:06}")).collect(),
        mode: TopicMatch::Any,
        query: String::new(),
    };
    filter.selected.push("gone".into());
    let dropped = filter.retain_known(&corpus.index);
    assert_eq!(dropped, ["gone"]);
    assert_eq!(filter.selected.len(), n);
    assert_eq!(filter.selected[0], "t000000");
}

/// Guards against name matching checking each match against every match taken so far: an
/// entity named `a` and a paragraph of 300,000 `a`s without `mentions` (100,000 froze a tab).
#[test]
fn one_letter_name_matched_300k_times_in_one_paragraph() {
    let text = "a ".repeat(300_000);
    let entity = Entity {
        id: "a".into(),
        name: "a".into(),
        kind: EntityKind::Other,
        aliases: vec!["a".into(), "a a".into()],
        url: None,
        wikidata: None,
        description: None,
        image: None,
    };
    let found = find_mentions(&text, std::slice::from_ref(&entity));
    // The longer alias "a a" takes the pairs.
    assert_eq!(found.len(), 150_000);
    assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    let single = Entity {
        aliases: Vec::new(),
        ..entity
    };
    let found = find_mentions(&text, &[single]);
    assert_eq!(found.len(), 300_000);
    assert_eq!(
        (found[299_999].start, found[299_999].end),
        (599_998, 599_999)
    );
}

/// Guards against resolving each mention by scanning every entity: 50,000 entities and 250,000
/// mentions of an id none of them has (20,000 × 100,000 took 6 s natively).
#[test]
fn resolving_250k_mentions_of_an_unknown_id_among_50k_entities() {
    let (entities, mentions) = (50_000, 250_000);
    let entity_list: Vec<String> = (0..entities)
        .map(|i| format!(r#"{{"id": "e{i:05}", "name": "E{i}"}}"#))
        .collect();
    let mut mention_list = vec![r#"{"start": 0, "end": 1, "entity": "nobody"}"#; mentions];
    mention_list.push(r#"{"start": 1, "end": 2, "entity": "e49999"}"#);
    let text = format!(
        r#"{{"version": 1, "id": "a", "headline": "h", "published": "2023-01-01",
            "entities": [{}], "body": [{{"text": "xy", "mentions": [{}]}}]}}"#,
        entity_list.join(","),
        mention_list.join(",")
    );
    let article = Article::from_json(&text).unwrap();
    let resolved = article.body[0].mentions.as_ref().unwrap();
    assert!(resolved[..mentions]
        .iter()
        .all(|m| m.entity_index == UNKNOWN_ENTITY));
    assert_eq!(resolved[mentions].entity_index, entities - 1);
}

/// Guards against one console warning per bad mention (100,000 warnings for one paragraph):
/// a few are given one by one, then one line says how many more there are.
#[test]
fn warnings_of_one_paragraph_are_capped_with_a_count_of_the_rest() {
    let bad: Vec<lede::core::format::Mention> = (0..100_000)
        .map(|_| lede::core::format::Mention {
            start: 1,
            end: 0,
            entity: String::new(),
            entity_index: 0,
        })
        .collect();
    let (pieces, warnings) = segments("text", &bad, 1, 4);
    assert_eq!(joined(&pieces), "text");
    assert!(warnings.len() <= 11, "{} warnings", warnings.len());
    let last = warnings.last().unwrap().to_string();
    assert!(last.starts_with("body[4]: "), "{last}");
    assert!(
        last.contains(&format!("{} more", 100_000 - (warnings.len() - 1))),
        "{last}"
    );
}

/// Guards against an article of 100,000 paragraphs with one bad mention each logging 100,000
/// console lines: the per-paragraph cap alone does not bound that. The article's budget lets
/// through at most `MAX_ARTICLE_WARNINGS` lines and then one summary that counts the rest.
#[test]
fn warnings_of_100k_paragraphs_are_capped_per_article() {
    use lede::core::format::mentions::{WarningBudget, MAX_ARTICLE_WARNINGS};
    let one_bad = [lede::core::format::Mention {
        start: 1,
        end: 0,
        entity: String::new(),
        entity_index: 0,
    }];
    let mut budget = WarningBudget::default();
    let (mut lines, mut found) = (0, 0);
    for p in 0..100_000 {
        let (_, warnings) = segments("text", &one_bad, 1, p);
        for warning in &warnings {
            found += 1;
            if budget.admit(warning) {
                lines += 1;
            }
        }
    }
    assert_eq!(found, 100_000);
    assert_eq!(lines, MAX_ARTICLE_WARNINGS);
    let summary = budget.summary().expect("a summary of the rest");
    assert!(
        summary.contains(&format!("{} more", 100_000 - MAX_ARTICLE_WARNINGS)),
        "{summary}"
    );
}

/// Guards against `.` and `..` as article ids climbing out of an `articles/{id}/a.json`
/// template: the dots of such an id are percent-encoded, so the URL has no dot segment.
#[test]
fn dot_segment_article_ids_cannot_climb_out_of_the_articles_folder() {
    let catalog = Catalog {
        count: 1,
        page_size: 10,
        pages: "listing/{page}.json".into(),
        postings: "postings.json".into(),
        mentions: None,
        articles: "articles/{id}/a.json".into(),
    };
    assert_eq!(catalog.article_url(".."), "articles/%2E%2E/a.json");
    assert_eq!(catalog.article_url("."), "articles/%2E/a.json");
    assert_eq!(catalog.article_url("..."), "articles/.../a.json");
    assert_eq!(catalog.article_url("a.b"), "articles/a.b/a.json");
}

/// Guards against a linear duplicate check per `topic` value when reading a deep link:
/// 150,000 distinct values (and their repeats) are read once each, in order.
#[test]
fn a_deep_link_with_150k_distinct_topics_is_read() {
    let query: Vec<String> = (0..150_000)
        .chain(0..10)
        .map(|i| format!("topic=t{i}"))
        .collect();
    let state = ViewState::from_query(&query.join("&"), "");
    assert_eq!(state.filter.selected.len(), 150_000);
    assert_eq!(state.filter.selected[0], "t0");
    assert_eq!(state.filter.selected[149_999], "t149999");
}

/// 64-bit FNV-1a, as the old duplicate check hashed.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// `n` distinct ASCII ids whose FNV-1a hashes agree in their low `bits` bits: the low bits of
/// FNV-1a depend only on the low bits of its state, so three chosen bytes after a distinct
/// prefix steer any prefix to the same low bits.
fn fnv_colliding_ids(n: usize, bits: u32) -> Vec<String> {
    let mask = (1u64 << bits) - 1;
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    let mut ids = Vec::with_capacity(n);
    let mut i = 0;
    while ids.len() < n {
        let prefix = format!("id{i}-");
        i += 1;
        let h = fnv1a(prefix.as_bytes());
        'search: for b1 in 0x20u8..0x7f {
            let h1 = step(h, b1);
            for b2 in 0x20u8..0x7f {
                let h2 = step(h1, b2);
                // The multiplier is odd, so the low bits of (h2 ^ b3) * P are zero exactly
                // when those of h2 ^ b3 are: an ASCII b3 can clear bits 0-6, the rest must be 0.
                if h2 & mask < 0x80 {
                    let b3 = (h2 & 0x7f) as u8;
                    ids.push(format!(
                        "{prefix}{}{}{}",
                        b1 as char, b2 as char, b3 as char
                    ));
                    break 'search;
                }
            }
        }
    }
    ids
}

/// Guards against a duplicate-id check that a crafted file makes quadratic (a fixed hash with
/// linear probing; 30,000 took 1.4 s): 100,000 ids whose FNV-1a hashes share their low 18
/// bits, all the old table looked at, then a repeat.
#[test]
fn a_hundred_thousand_ids_with_colliding_hashes_are_checked_and_the_repeat_found() {
    let ids = fnv_colliding_ids(100_000, 18);
    assert!(ids.iter().all(|id| fnv1a(id.as_bytes()) & 0x3ffff == 0));
    let topics: Vec<Value> = ids
        .iter()
        .map(|id| json!({"id": id, "label": "x"}))
        .collect();
    let text = json!({"version": 1, "topics": topics, "articles": []}).to_string();
    assert!(CorpusIndex::from_json(&text).is_ok());

    let mut topics = topics;
    topics.push(json!({"id": ids[12_345], "label": "again"}));
    topics.push(json!({"id": ids[7], "label": "again"}));
    let text = json!({"version": 1, "topics": topics, "articles": []}).to_string();
    let (path, message) = invalid(CorpusIndex::from_json(&text));
    assert_eq!(path, "topics[100000].id");
    assert!(message.contains("used twice"), "{message}");
}

/// Guards against error messages that echo a whole hostile value: a 5 MB string where a list
/// belongs, a 5 MB date or a 5 MB duplicate id gives a message under 1 kB.
#[test]
fn a_5_mb_value_gives_a_message_under_1_kb() {
    let huge = "x".repeat(5_000_000);
    let mut v = index_value();
    v["articles"] = json!(huge);
    let message = CorpusIndex::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(message.len() < 1_000, "{} bytes", message.len());
    assert!(message.contains("invalid type: string \"xxx"), "{message}");
    assert!(message.contains('…'), "{message}");

    let mut v = index_value();
    v["articles"][0]["published"] = json!(huge);
    let message = CorpusIndex::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(message.len() < 1_000, "{} bytes", message.len());

    let mut v = index_value();
    v["articles"][0]["id"] = json!(huge);
    v["articles"][1]["id"] = json!(huge);
    let message = CorpusIndex::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(message.len() < 1_000, "{} bytes", message.len());

    // Cut on a character boundary: 3-byte characters, never split.
    let mut v = index_value();
    v["articles"] = json!("東".repeat(1_000));
    let message = CorpusIndex::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(message.len() < 1_000, "{} bytes", message.len());
    assert!(message.contains("東東…"), "{message}");
}

/// Guards against JSON keys reaching the error panel raw: a key with a newline and a
/// right-to-left override is quoted and escaped in the path, so it can neither start a new line
/// nor reverse the rest of the message; plain keys stay as they were.
#[test]
fn a_key_with_a_newline_and_a_bidi_override_is_quoted_in_the_path() {
    let text = "{\"version\": 1, \"articles\": [], \"x\\n\\u202e\": [1, -]}";
    let (path, _, _, _) = json_error(CorpusIndex::from_json(text));
    assert_eq!(path, "\"x\\n\\u{202e}\"[1]");
    let error = CorpusIndex::from_json(text).unwrap_err().to_string();
    assert!(
        !error.contains('\n') && !error.contains('\u{202e}'),
        "{error}"
    );

    let mut v = index_value();
    v["articles"][1]["topics"] = json!([1]);
    let (path, _, _, _) = json_error(CorpusIndex::from_json(&v.to_string()));
    assert_eq!(path, "articles[1].topics[0]");

    // The path of a corrupt postings list names its topic id the same way.
    let postings = "{\"version\": 1, \"count\": 3, \"topics\": {\"a\\n\\u202e\": \"*\"}}";
    match lede::core::format::catalog::postings_from_json(postings, 3) {
        Err(FormatError::Invalid { path, .. }) => assert_eq!(path, "topics.\"a\\n\\u{202e}\""),
        other => panic!("{other:?}"),
    }
}

/// Guards against the entity page checking the directory's list against every article: an
/// entity named by every one of 300,000 inline articles.
#[test]
fn an_entity_mentioned_by_every_article_of_300k_is_listed() {
    let n = 300_000;
    let corpus = Corpus::new(index_with_unique_topics(n, false));
    let ids: Vec<String> = (0..n).rev().map(|i| format!("a{i}")).collect();
    let ordinals = corpus.inline_ordinals_of(&ids).unwrap();
    assert_eq!(ordinals, (0..n).collect::<Vec<_>>());
    let some = corpus
        .inline_ordinals_of(&["a5".to_string(), "missing".to_string()])
        .unwrap();
    assert_eq!(some.len(), 1);
}

/// Guards against `%+1` decoding to U+0001 (`from_str_radix` accepts a sign): an escape is `%`
/// and exactly two hex digits; anything else is kept as written.
#[test]
fn percent_plus_one_is_not_an_escape() {
    use lede::core::text::percent::decode;
    assert_eq!(decode("%+1"), "%+1".replace('+', " "));
    assert_eq!(decode("%+F"), "% F");
    assert_eq!(decode("%-1"), "%-1");
    assert_eq!(decode("%2B%41"), "+A");
}

/// Guards against a mention that begins or ends with whitespace: the sentence's edges skip
/// whitespace and once landed inside the mention, and slicing the text between them panicked.
#[test]
fn a_mention_of_whitespace_gives_its_sentence_without_panicking() {
    use lede::core::corpus::in_context::sentence_around;
    for (text, range) in [
        (" Bob", 0..4),
        ("Hi.  Bob", 4..8),
        ("Hi. Bob ", 4..8),
        ("   ", 0..3),
        ("Hi.  ", 3..5),
    ] {
        let (sentence, at) = sentence_around(text, range.clone());
        assert!(
            at.start <= at.end && at.end <= sentence.len(),
            "{text:?} {range:?}"
        );
        assert!(sentence.is_char_boundary(at.start) && sentence.is_char_boundary(at.end));
    }
}
