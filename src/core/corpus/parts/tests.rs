use super::*;
use crate::core::format::CorpusIndex;

/// A paged corpus of 1,000 articles, 10 to a page, with topics and entities.
fn paged() -> CorpusParts {
    paged_of(1000)
}

/// A paged corpus of `count` articles, 10 to a page, with topics and entities.
fn paged_of(count: usize) -> CorpusParts {
    let index = format!(
        r#"{{"version": 1, "topics": [{{"id": "iraq", "label": "Iraq", "count": 2}}],
        "entity_file": "entities.json",
        "catalog": {{"count": {count}, "page_size": 10, "pages": "listing/{{page}}.json",
            "postings": "postings.json", "mentions": "mentions.json",
            "articles": "articles/{{id}}.json"}}}}"#
    );
    let index = CorpusIndex::from_json(&index).unwrap();
    CorpusParts::new(Arc::new(Corpus::new(index)))
}

fn inline() -> CorpusParts {
    let index = r#"{"version": 1, "topics": [{"id": "iraq", "label": "Iraq"}],
        "entities": [{"id": "baghdad", "name": "Baghdad", "type": "place"}],
        "articles": [
          {"id": "old", "headline": "Old", "published": "2020-01-01", "topics": ["iraq"],
           "entities": ["baghdad"], "url": "articles/old.json"},
          {"id": "new", "headline": "New", "published": "2024-01-01",
           "url": "articles/new.json"}]}"#;
    let index = CorpusIndex::from_json(index).unwrap();
    CorpusParts::new(Arc::new(Corpus::new(index)))
}

#[test]
fn often_with_counts_shared_articles_inline_and_from_a_directory() {
    let index = r#"{"version": 1, "topics": [],
        "entities": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"},
                     {"id": "c", "name": "C"}],
        "articles": [
          {"id": "1", "headline": "1", "published": "2020-01-01", "entities": ["a", "b", "c"],
           "url": "1.json"},
          {"id": "2", "headline": "2", "published": "2020-01-02", "entities": ["a", "c"],
           "url": "2.json"},
          {"id": "3", "headline": "3", "published": "2020-01-03", "entities": ["b"],
           "url": "3.json"}]}"#;
    let parts = CorpusParts::new(Arc::new(Corpus::new(
        CorpusIndex::from_json(index).unwrap(),
    )));
    let names = |found: Vec<(EntitySummary, usize)>| {
        found
            .into_iter()
            .map(|(e, n)| (e.id, n))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(parts.often_with("a", 5)),
        [("c".to_string(), 2), ("b".to_string(), 1)]
    );
    assert_eq!(names(parts.often_with("a", 1)), [("c".to_string(), 2)]);

    let index = r#"{"version": 1, "topics": [], "entity_file": "e.json",
        "articles": [
          {"id": "1", "headline": "1", "published": "2020-01-01", "url": "1.json"},
          {"id": "2", "headline": "2", "published": "2020-01-02", "url": "2.json"}]}"#;
    let mut parts = CorpusParts::new(Arc::new(Corpus::new(
        CorpusIndex::from_json(index).unwrap(),
    )));
    assert!(
        parts.often_with("a", 5).is_empty(),
        "nothing before the directory"
    );
    let fetch = parts.want_directory().remove(0);
    let directory = EntityDirectory::from_json(
        r#"{"version": 1, "entities": [
            {"id": "a", "name": "A", "articles": ["1", "2"]},
            {"id": "b", "name": "B", "articles": ["1"]},
            {"id": "c", "name": "C", "articles": ["2", "1", "1"]},
            {"id": "d", "name": "D", "articles": []}]}"#,
    )
    .unwrap();
    parts.arrived(fetch.id, Ok(Loaded::Directory(directory)));
    assert_eq!(
        names(parts.often_with("a", 5)),
        [("c".to_string(), 2), ("b".to_string(), 1)]
    );
}

#[test]
fn a_paged_corpus_counts_often_with_from_its_mentions_file() {
    let mut parts = paged();
    // Nothing before the directory (the names) and the mentions file are here.
    assert!(parts.often_with("a", 5).is_empty());
    let directory = EntityDirectory::from_json(
        r#"{"version": 1, "entities": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"},
            {"id": "c", "name": "C"}, {"id": "d", "name": "D"}]}"#,
    )
    .unwrap();
    let fetch = parts.want_directory().remove(0);
    parts.arrived(fetch.id, Ok(Loaded::Directory(directory)));
    assert!(parts.often_with("a", 5).is_empty(), "mentions not here yet");
    let fetch = parts.want_mentions().remove(0);
    let mentions = vec![
        ("a".to_string(), vec![1, 5, 9]),
        ("b".to_string(), vec![5, 9, 700]),
        ("c".to_string(), vec![9]),
        ("d".to_string(), vec![2, 3]),
    ];
    parts.arrived(fetch.id, Ok(Loaded::Mentions(mentions)));
    let found: Vec<(String, usize)> = (parts.often_with("a", 5).into_iter())
        .map(|(e, n)| (e.id, n))
        .collect();
    assert_eq!(found, [("b".to_string(), 2), ("c".to_string(), 1)]);
    assert_eq!(parts.often_with("a", 1).len(), 1);
    assert!(parts.often_with("nobody", 5).is_empty());
}

/// Listing page `page` of [`paged`], as read.
fn page(page: usize) -> Loaded {
    Loaded::Page(
        (0..10)
            .map(|slot| ArticleSummary {
                id: format!("a{}", page * 10 + slot).into(),
                headline: format!("Article {}", page * 10 + slot).into(),
                standfirst: None,
                published: "2024-01-01".into(),
                language: None,
                topics: Vec::new(),
                entities: Vec::new(),
                thumbnail: None,
                url: Default::default(),
                source_name: None,
                reading_minutes: None,
            })
            .collect(),
    )
}

fn offline(path: &str) -> LoadError {
    LoadError::Network {
        url: path.into(),
        message: "offline".into(),
    }
}

fn pages_of(fetches: &[Fetch]) -> Vec<usize> {
    fetches
        .iter()
        .map(|f| match f.file {
            PartFile::Page(n) => n,
            other => panic!("not a page: {other:?}"),
        })
        .collect()
}

#[test]
fn an_ordinal_is_on_the_page_its_number_divided_by_the_page_size_says() {
    let parts = paged();
    assert_eq!(parts.page_of(0), Some((0, 0)));
    assert_eq!(parts.page_of(9), Some((0, 9)));
    assert_eq!(parts.page_of(10), Some((1, 0)));
    assert_eq!(parts.page_of(999), Some((99, 9)));
    assert_eq!(inline().page_of(0), None, "an inline corpus has no pages");
}

#[test]
fn summaries_are_fetched_by_page_and_each_page_once() {
    let mut parts = paged();
    assert_eq!(parts.summary(15), Part::NotRequested);
    let fetches = parts.want_summaries(&[15, 3, 17, 42]);
    assert_eq!(pages_of(&fetches), [1, 0, 4]);
    assert_eq!(fetches[0].path, "listing/1.json");
    assert!(parts.summary(15).is_loading());
    assert!(
        parts.want_summaries(&[15, 3, 17, 42]).is_empty(),
        "asking twice fetches once"
    );
    assert!(parts.arrived(fetches[0].id, Ok(page(1))));
    match parts.summary(15) {
        Part::Ready(summary) => assert_eq!(summary.id, "a15"),
        other => panic!("{other:?}"),
    }
    assert!(
        parts.want_summaries(&[15]).is_empty(),
        "a page here is not fetched again"
    );
}

#[test]
fn a_short_page_is_an_error_naming_the_page() {
    let mut parts = paged();
    let fetch = parts.want_summaries(&[5]).remove(0);
    parts.arrived(fetch.id, Ok(Loaded::Page(Vec::new())));
    match parts.summary(5) {
        Part::Failed(LoadError::Format { url, .. }) => assert_eq!(url, "listing/0.json"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_page_cache_is_bounded_but_keeps_what_is_on_screen_or_on_its_way() {
    let mut parts = paged_of(10_000);
    // 2400 summaries in pages of 10: pages 0..240 loaded, the bound: nothing goes yet.
    let bound = max_cached_pages(10);
    assert_eq!(bound, 240);
    for p in 0..bound {
        let fetch = parts.want_summaries(&[p * 10]).remove(0);
        parts.arrived(fetch.id, Ok(page(p)));
    }
    assert_eq!(parts.cached_pages(), bound);
    // A result on pages 3 and 5 and a new one: past the bound, only the pages on screen
    // (and any on their way) stay.
    let fetches = parts.want_summaries(&[30, 50, 5000]);
    assert_eq!(pages_of(&fetches), [500]);
    assert_eq!(parts.cached_pages(), 3, "pages 3, 5 and 500");
    assert!(matches!(parts.summary(30), Part::Ready(_)));
    assert_eq!(parts.summary(0), Part::NotRequested, "page 0 was forgotten");
    // Refilled past the bound while page 500 is still loading: page 500 stays.
    for p in 0..bound {
        parts.want_summaries(&[10_000 - (p + 1) * 10]);
    }
    assert!(parts.cached_pages() <= bound + 1);
    assert!(parts.summary(5000).waits_for(fetches[0].id));

    // The bound is the same number of summaries whatever the page size.
    assert_eq!(max_cached_pages(100), 24);
    assert_eq!(
        max_cached_pages(0),
        MAX_CACHED_SUMMARIES,
        "a page size of 0 is read as 1"
    );

    // More pages on screen than the bound: all of them stay.
    let mut parts = paged();
    let on_screen: Vec<usize> = (0..40).map(|p| p * 10).collect();
    let fetches = parts.want_summaries(&on_screen);
    assert_eq!(fetches.len(), 40);
    for (p, fetch) in fetches.iter().enumerate() {
        parts.arrived(fetch.id, Ok(page(p)));
    }
    assert!(parts.want_summaries(&on_screen).is_empty());
    assert_eq!(parts.cached_pages(), 40);
}

#[test]
fn a_failure_stays_until_a_retry_which_fetches_again() {
    let mut parts = paged();
    let first = parts.want_topics().remove(0);
    assert_eq!(
        (first.file, first.path.as_str()),
        (PartFile::Postings, "postings.json")
    );
    assert!(parts.want_topics().is_empty(), "asking twice fetches once");
    assert!(
        parts.retry_topics().is_empty(),
        "nothing failed, nothing to retry"
    );
    assert!(parts.arrived(first.id, Err(offline("postings.json"))));
    assert!(matches!(
        parts.topic_index(),
        Part::Failed(LoadError::Network { .. })
    ));
    assert!(
        parts.want_topics().is_empty(),
        "a failure is not retried by asking"
    );

    let again = parts.retry_topics().remove(0);
    assert_ne!(again.id, first.id);
    assert!(parts.topic_index().is_loading());
    let postings = vec![("iraq".to_string(), vec![3, 7])];
    assert!(parts.arrived(again.id, Ok(Loaded::Postings(postings))));
    match parts.topic_index() {
        Part::Ready(topics) => {
            let filter = crate::core::corpus::topics::TopicFilter {
                selected: vec!["iraq".into()],
                ..Default::default()
            };
            assert_eq!(topics.page(&topics.select(&filter), 10), [3, 7]);
        }
        other => panic!("{}", other.is_failed()),
    }

    // Failed listing pages: a retry fetches again the ones its ordinals need, and only those.
    let fetches = parts.want_summaries(&[0, 10]);
    for fetch in &fetches {
        parts.arrived(fetch.id, Err(offline(&fetch.path)));
    }
    assert!(parts.want_summaries(&[0, 10]).is_empty());
    assert_eq!(pages_of(&parts.retry_summaries(&[10])), [1]);
    assert!(parts.summary(10).is_loading());
    assert!(
        parts.summary(0).is_failed(),
        "a page the retry did not ask for keeps its error"
    );
    assert_eq!(pages_of(&parts.retry_summaries(&[0])), [0]);
}

#[test]
fn a_retry_for_one_card_leaves_the_other_failed_cards_failed_not_forgotten() {
    // A card kept from another list retries its own page; a card of another failed page must
    // keep its error (and its own "Try again"), not become a placeholder nothing fetches.
    let mut parts = paged();
    for fetch in parts.want_summaries(&[0, 10]) {
        parts.arrived(fetch.id, Err(offline(&fetch.path)));
    }
    parts.retry_summaries(&[0]);
    assert!(parts.summary(10).is_failed());
    assert!(parts.summary(0).is_loading());
}

#[test]
fn stale_answers_change_nothing() {
    let mut parts = paged();
    // A superseded request: the postings failed, were retried, and then an answer to the
    // first request turns up (a duplicate, a late retry of the network stack).
    let first = parts.want_topics().remove(0);
    parts.arrived(first.id, Err(offline("postings.json")));
    let second = parts.retry_topics().remove(0);
    assert!(!parts.arrived(first.id, Ok(Loaded::Postings(Vec::new()))));
    assert!(parts.topic_index().waits_for(second.id));
    assert!(!parts.arrived(first.id, Err(offline("postings.json"))));
    assert!(parts.topic_index().waits_for(second.id));

    // An answer for a page that was forgotten meanwhile.
    let fetch = parts.want_summaries(&[0]).remove(0);
    parts.arrived(fetch.id, Err(offline("listing/0.json")));
    parts.retry_summaries(&[0]);
    assert!(parts.summary(0).is_loading());
    assert!(!parts.arrived(fetch.id, Ok(page(0))));
    assert!(parts.summary(0).is_loading());

    // An answer of another kind than its request was for fills nothing.
    let mentions = parts.want_mentions().remove(0);
    assert!(!parts.arrived(mentions.id, Ok(page(0))));
    assert!(parts.mentions_of("x").waits_for(mentions.id));
}

#[test]
fn mentions_and_entities_are_fetched_once_and_looked_up() {
    let mut parts = paged();
    assert_eq!(parts.entity("baghdad"), Part::NotRequested);
    let directory = parts.want_directory().remove(0);
    assert_eq!(directory.path, "entities.json");
    assert!(parts.want_directory().is_empty());
    let mentions = parts.want_mentions().remove(0);
    assert_eq!(mentions.path, "mentions.json");
    assert!(parts.want_mentions().is_empty());

    let list = vec![
        ("z".to_string(), vec![1]),
        ("baghdad".to_string(), vec![2, 9]),
    ];
    assert!(parts.arrived(mentions.id, Ok(Loaded::Mentions(list))));
    assert_eq!(parts.mentions_of("baghdad"), Part::Ready(vec![2, 9]));
    assert_eq!(parts.mentions_of("nobody"), Part::Ready(vec![]));

    let loaded = EntityDirectory::from_json(
        r#"{"version": 1, "entities": [{"id": "baghdad", "name": "Baghdad", "type": "place"}]}"#,
    )
    .unwrap();
    assert!(parts.arrived(directory.id, Ok(Loaded::Directory(loaded))));
    match parts.entity("baghdad") {
        Part::Ready(Some(entity)) => assert_eq!(entity.name, "Baghdad"),
        other => panic!("{other:?}"),
    }
    assert_eq!(parts.entity("nobody"), Part::Ready(None));
}

#[test]
fn an_inline_corpus_has_everything_and_fetches_nothing() {
    let mut parts = inline();
    assert!(parts.want_topics().is_empty());
    assert!(parts.want_summaries(&[0, 1]).is_empty());
    assert!(parts.want_mentions().is_empty());
    assert!(parts.want_directory().is_empty());
    assert!(matches!(parts.topic_index(), Part::Ready(_)));
    match parts.summary(0) {
        Part::Ready(summary) => assert_eq!(summary.id, "new", "newest first"),
        other => panic!("{other:?}"),
    }
    assert_eq!(parts.summary(2), Part::NotRequested);
    assert_eq!(parts.mentions_of("baghdad"), Part::Ready(vec![1]));
    assert!(matches!(parts.entity("baghdad"), Part::Ready(Some(_))));
}

#[test]
fn a_new_request_supersedes_the_one_in_flight() {
    let mut part: Part<u32> = Part::NotRequested;
    let first = part.request().unwrap();
    assert_eq!(part.request(), None);
    let second = part.restart();
    assert!(!part.arrived(first, Ok(1)), "the first answer is stale");
    assert!(part.waits_for(second));
    assert!(part.arrived(second, Ok(2)));
    assert_eq!(part, Part::Ready(2));
    assert!(!part.arrived(second, Ok(3)), "an answer counts once");
    assert_eq!(part.retry(), None, "nothing failed");
}

#[test]
fn a_search_is_asked_once_and_only_the_latest_answer_is_kept() {
    let mut parts = inline();
    let found = |hits: Vec<usize>| {
        Ok(SearchAnswer {
            hits: Arc::new(hits),
            entities: vec!["baghdad".into()],
        })
    };
    assert!(parts.search_answer("austin").is_none());
    assert!(parts.ask_search("austin"));
    assert!(!parts.ask_search("austin"), "asked once");
    assert!(parts.search_answer("austin").is_none(), "on its way");
    assert!(parts.ask_search("iraq"));
    assert!(
        !parts.search_answered("austin", found(vec![1])),
        "an earlier query's answer"
    );
    assert!(parts.search_answer("austin").is_none());
    assert!(parts.search_answered("iraq", found(vec![0, 1])));
    assert!(
        !parts.search_answered("iraq", found(vec![1])),
        "answered once"
    );
    let answer = parts.search_answer("iraq").unwrap().as_ref().unwrap();
    assert_eq!(*answer.hits, [0, 1]);
    assert!(!parts.ask_search("iraq"), "answered: not asked again");
    assert!(!parts.retry_search(), "nothing failed");
    // A failure (the worker, or the viewer's search code, did not load) is retried on demand.
    assert!(parts.ask_search("baghdad"));
    assert!(parts.search_answered("baghdad", Err("search/meta.json: HTTP 404".into())));
    assert_eq!(
        parts.search_answer("baghdad"),
        Some(&Err("search/meta.json: HTTP 404".to_string()))
    );
    assert!(parts.retry_search());
    assert!(parts.search_answer("baghdad").is_none());
    assert!(parts.ask_search("baghdad"));
    // An answer when nothing was asked (the search code failed to load first) is kept.
    let mut parts = inline();
    assert!(parts.search_answered("x", Err("no".into())));
    assert!(parts.search_answer("x").is_some());
}

#[test]
fn more_on_reads_an_inline_corpus_once_for_all_its_entities_with_the_counts_of_one_read_each() {
    let index = r#"{"version": 1, "topics": [], "entity_file": "e.json",
        "articles": [
          {"id": "1", "headline": "1", "published": "2020-01-01", "entities": ["a", "b", "c"],
           "url": "1.json"},
          {"id": "2", "headline": "2", "published": "2020-01-02", "entities": ["a", "c", "a"],
           "url": "2.json"},
          {"id": "3", "headline": "3", "published": "2020-01-03", "entities": ["b"],
           "url": "3.json"}]}"#;
    let mut parts = CorpusParts::new(Arc::new(Corpus::new(
        CorpusIndex::from_json(index).unwrap(),
    )));
    // What one lookup per id gives (newest first: "3" is ordinal 0, "2" 1, "1" 2), as a
    // sorted multiset of ordinals, written out: `mentions_of` itself reads through
    // `mentions_of_each`.
    let one_by_one = |parts: &CorpusParts, ids: &[&str]| {
        let mut all: Vec<usize> = (ids.iter())
            .flat_map(|id| match parts.mentions_of(id) {
                Part::Ready(found) => found,
                _ => Vec::new(),
            })
            .collect();
        all.sort_unstable();
        all
    };
    let together = |parts: &CorpusParts, ids: &[&str]| {
        let mut all = parts.mentions_of_each(ids);
        all.sort_unstable();
        all
    };
    let ids = ["a", "b", "c", "unknown"];
    // From the summaries' lists: article 2 names "a" twice and counts once for it.
    assert_eq!(parts.mentions_of("a"), Part::Ready(vec![1, 2]));
    assert_eq!(one_by_one(&parts, &ids), [0, 1, 1, 2, 2, 2]);
    assert_eq!(together(&parts, &ids), one_by_one(&parts, &ids));
    assert_eq!(together(&parts, &ids).len(), 6);
    // With the directory: "a" and "c" from its lists (one repeat in "c"'s, counted once), "b"
    // from the summaries (the directory does not list it).
    let fetch = parts.want_directory().remove(0);
    let directory = EntityDirectory::from_json(
        r#"{"version": 1, "entities": [
            {"id": "a", "name": "A", "articles": ["3"]},
            {"id": "c", "name": "C", "articles": ["2", "1", "1", "gone"]}]}"#,
    )
    .unwrap();
    parts.arrived(fetch.id, Ok(Loaded::Directory(directory)));
    assert_eq!(parts.mentions_of("c"), Part::Ready(vec![1, 2]));
    assert_eq!(one_by_one(&parts, &ids), [0, 0, 1, 2, 2]);
    assert_eq!(together(&parts, &ids), one_by_one(&parts, &ids));
    assert_eq!(together(&parts, &ids).len(), 5);
}
