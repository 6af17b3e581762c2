//! Search on the default corpus, built the way `lede-corpus build` builds it (into a temporary
//! folder; the committed `corpus/` is not touched), and queried the way the browser will: parse,
//! plan, read only the planned fragments, rank. Plus hostile sizes, as bounds on sizes and
//! counts.

mod common;

use lede::core::format::{Article, CorpusIndex};
use lede::core::search::files::FIELDS;
use lede::core::search::{
    best_snippet, matching_entities, search, Fragments, IndexBuilder, PositionsFragment, Query,
    SearchMeta, TermFragment,
};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The default corpus, built with its search index into a temporary folder, once per run.
fn built() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = std::env::temp_dir().join(format!("lede-search-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let status = Command::new(env!("CARGO_BIN_EXE_lede-corpus"))
            .arg("build")
            .arg("--out")
            .arg(&out)
            .current_dir(common::root())
            .output()
            .expect("lede-corpus runs");
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        out
    })
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Corpus {
    index: CorpusIndex,
    meta: SearchMeta,
    dir: PathBuf,
}

fn corpus() -> Corpus {
    let dir = built().to_path_buf();
    let index = CorpusIndex::from_json(&read(&dir.join("index.json"))).unwrap();
    let meta_url = index
        .search
        .clone()
        .expect("the index names its search index");
    let meta = SearchMeta::from_json(&read(&dir.join(&meta_url))).unwrap();
    Corpus {
        index,
        meta,
        dir: dir.join(meta_url).parent().unwrap().to_path_buf(),
    }
}

impl Corpus {
    /// What the browser does: fetch the planned fragments (and only those), then rank.
    /// Returns article ids, best first, and the bytes fetched.
    fn query(&self, text: &str) -> (Vec<String>, usize, Query, Fragments) {
        let query = Query::parse(text, &self.meta.languages);
        let plan = query.plan(&self.meta);
        let mut fragments = Fragments::default();
        let mut bytes = 0;
        for n in plan.terms {
            let text = read(&self.dir.join(self.meta.fragment_url(n)));
            bytes += text.len();
            fragments.terms.insert(
                n,
                TermFragment::from_json(&text, n, self.meta.count).unwrap(),
            );
        }
        for n in plan.positions {
            let text = read(&self.dir.join(self.meta.positions_url(n)));
            bytes += text.len();
            fragments.positions.insert(
                n,
                PositionsFragment::from_json(&text, n, self.meta.count).unwrap(),
            );
        }
        let order = lede::core::corpus::topic_index::TopicIndex::new(&self.index);
        let results = search(&query, &self.meta, &fragments, &|_| true);
        let ids = results
            .hits
            .iter()
            .map(|h| {
                let p = order.position(h.ordinal as usize).unwrap();
                self.index.articles[p].id.to_string()
            })
            .collect();
        (ids, bytes, query, fragments)
    }

    fn article(&self, id: &str) -> Article {
        let summary = self.index.article(id).unwrap();
        Article::from_json(&read(&built().join(summary.url.as_str()))).unwrap()
    }
}

#[test]
fn austin_finds_the_seed_article_first_and_names_the_entity() {
    let c = corpus();
    let (ids, _, query, fragments) = c.query("Austin");
    assert_eq!(
        ids.first().map(String::as_str),
        Some("us-troops-remain-in-iraq")
    );
    assert_eq!(
        matching_entities(&query, &c.meta, &fragments),
        ["lloyd-austin".to_string()]
    );
    let (_, _, query, fragments) = c.query("LLOYD austin");
    assert_eq!(
        matching_entities(&query, &c.meta, &fragments),
        ["lloyd-austin".to_string()]
    );
}

#[test]
fn liberation_finds_the_liberation_article() {
    let c = corpus();
    let (ids, _, _, _) = c.query("liberation");
    assert!(
        ids.contains(&"troisieme-francais-mort-seisme-nepal".to_string()),
        "{ids:?}"
    );
}

#[test]
fn chinese_words_find_the_qq_article() {
    let c = corpus();
    for word in ["人工智能", "记忆", "记"] {
        let (ids, _, _, _) = c.query(word);
        assert_eq!(
            ids.first().map(String::as_str),
            Some("deepmind-dnc-memory-learning"),
            "{word}: {ids:?}"
        );
    }
}

#[test]
fn phrases_need_adjacent_words() {
    let c = corpus();
    let (ids, bytes, _, _) = c.query("\"US troops\"");
    assert_eq!(ids, ["us-troops-remain-in-iraq"], "{bytes}");
    // Both words are in the seed article, never as "troops US".
    let (ids, _, _, _) = c.query("\"troops US\"");
    assert!(ids.is_empty(), "{ids:?}");
    let (unquoted, _, _, _) = c.query("troops US");
    assert!(unquoted.contains(&"us-troops-remain-in-iraq".to_string()));
}

#[test]
fn nonsense_finds_nothing_and_and_falls_back_to_or() {
    let c = corpus();
    assert!(c.query("xqzzyvv").0.is_empty());
    assert!(c.query("").0.is_empty());
    assert!(c.query(" \" , . ").0.is_empty());
    // No article has both words: OR finds the seed.
    let (ids, _, query, fragments) = c.query("Austin xqzzyvv");
    assert_eq!(
        ids.first().map(String::as_str),
        Some("us-troops-remain-in-iraq")
    );
    assert!(!search(&query, &c.meta, &fragments, &|_| true).matched_all);
}

#[test]
fn stems_find_other_forms_and_rank_below_the_word_as_written() {
    let c = corpus();
    let (ids, _, _, _) = c.query("troop");
    assert!(
        ids.contains(&"us-troops-remain-in-iraq".to_string()),
        "{ids:?}"
    );
}

#[test]
fn a_facet_predicate_restricts_the_results() {
    let c = corpus();
    let (_, _, query, fragments) = c.query("the");
    let all = search(&query, &c.meta, &fragments, &|_| true);
    assert!(all.hits.len() > 3);
    let even = search(&query, &c.meta, &fragments, &|o| o % 2 == 0);
    assert!(!even.hits.is_empty());
    assert!(even.hits.iter().all(|h| h.ordinal % 2 == 0));
    assert!(search(&query, &c.meta, &fragments, &|_| false)
        .hits
        .is_empty());
}

#[test]
fn snippets_mark_the_matches() {
    let c = corpus();
    let seed = c.article("us-troops-remain-in-iraq");
    let paragraphs: Vec<&str> = seed.body.iter().map(|p| p.text.as_str()).collect();
    let query = Query::parse("Austin Iraq", &c.meta.languages);
    let s = best_snippet(&paragraphs, &query, Some("en"), 160).unwrap();
    assert!(s.text.chars().count() <= 160);
    let marked: Vec<String> = s
        .highlights
        .iter()
        .map(|&(a, b)| s.text.chars().skip(a).take(b - a).collect())
        .collect();
    assert!(
        marked.iter().any(|m| m == "Austin"),
        "{marked:?} in {:?}",
        s.text
    );
    assert!(marked.iter().any(|m| m.starts_with("Iraq")), "{marked:?}");
}

#[test]
fn a_word_query_fetches_one_term_fragment_and_no_positions() {
    let c = corpus();
    let query = Query::parse("earthquake", &["en".to_string()]);
    let plan = query.plan(&c.meta);
    assert!(plan.positions.is_empty());
    assert!(plan.terms.len() <= 3, "{plan:?}");
}

fn article(id: &str, body: Vec<String>) -> Article {
    Article {
        version: 1,
        id: id.into(),
        headline: format!("Headline of {id}"),
        published: "2024-01-01".into(),
        language: Some("en".into()),
        body: body
            .into_iter()
            .map(|text| lede::core::format::Paragraph {
                text,
                mentions: None,
            })
            .collect(),
        ..Article::default()
    }
}

fn fragments_of(files: &lede::core::search::SearchFiles) -> Fragments {
    let mut f = Fragments::default();
    for (t, p) in &files.fragments {
        f.terms.insert(t.fragment, t.clone());
        f.positions.insert(p.fragment, p.clone());
    }
    f
}

#[test]
fn a_one_megabyte_paragraph_is_bounded() {
    let paragraph = "alpha beta gamma delta ".repeat(1_000_000 / 23);
    let mut b = IndexBuilder::new();
    b.add(&article("huge", vec![paragraph.clone()]), &[]);
    b.add(&article("small", vec!["alpha omega".into()]), &[]);
    let files = b.finish();
    let bytes: usize = files
        .fragments
        .iter()
        .map(|(t, p)| {
            serde_json::to_string(t).unwrap().len() + serde_json::to_string(p).unwrap().len()
        })
        .sum();
    // At most MAX_FIELD_TERMS (50,000) positions, 1–2 characters each.
    assert!(bytes < 200_000, "{bytes}");
    let f = fragments_of(&files);
    let r = search(
        &Query::parse("\"gamma delta\"", &[]),
        &files.meta,
        &f,
        &|_| true,
    );
    assert_eq!(r.hits.len(), 1);
    let r = search(&Query::parse("omega", &[]), &files.meta, &f, &|_| true);
    assert_eq!(r.hits[0].ordinal, 1);
    // A paragraph of one 1 MB "word" indexes nothing, and snippets stay short.
    let mut b = IndexBuilder::new();
    b.add(&article("blob", vec!["x".repeat(1_000_000)]), &[]);
    let files = b.finish();
    let terms: Vec<&str> = files
        .fragments
        .iter()
        .flat_map(|(t, _)| t.terms.0.iter().map(|(k, _)| k.as_str()))
        .collect();
    assert!(terms.iter().all(|t| t.chars().count() <= 64), "{terms:?}");
    assert_eq!(files.meta.lengths[5], 0, "a 1 MB word is not a term");
    let s = best_snippet(&[&paragraph], &Query::parse("gamma", &[]), None, 160).unwrap();
    assert!(s.text.chars().count() <= 160);
}

#[test]
fn a_query_of_ten_thousand_terms_fetches_a_bounded_plan() {
    let c = corpus();
    let text = (0..10_000)
        .map(|i| format!("word{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let query = Query::parse(&text, &c.meta.languages);
    let plan = query.plan(&c.meta);
    assert!(plan.terms.len() <= c.meta.fragment_count as usize);
    let words: usize = query.elements.iter().map(|e| e.words.len()).sum();
    assert_eq!(words, lede::core::search::query::MAX_QUERY_WORDS);
    let quoted = format!("\"{text}\"");
    let query = Query::parse(&quoted, &c.meta.languages);
    assert_eq!(query.elements.len(), 1);
    assert!(query.plan(&c.meta).positions.len() <= lede::core::search::query::MAX_QUERY_WORDS);
}

#[test]
fn a_hundred_thousand_documents() {
    let mut b = IndexBuilder::new();
    for i in 0..100_000u32 {
        let mut a = article(
            &format!("a{i}"),
            vec![format!("common word{} shared{}", i % 1000, i % 7)],
        );
        a.headline = if i == 77_777 {
            "needle".into()
        } else {
            format!("story {}", i % 100)
        };
        b.add(&a, &[]);
    }
    let files = b.finish();
    assert_eq!(files.meta.count, 100_000);
    let largest = files
        .fragments
        .iter()
        .map(|(t, _)| serde_json::to_string(t).unwrap().len())
        .max()
        .unwrap();
    let total: usize = files
        .fragments
        .iter()
        .map(|(t, _)| serde_json::to_string(t).unwrap().len())
        .sum();
    // Fragments are about the target size; one very common term can make one larger.
    assert!(total / files.fragments.len() < 40_000, "{total}");
    assert!(largest < 1_000_000, "{largest}");
    let f = fragments_of(&files);
    let r = search(&Query::parse("needle", &[]), &files.meta, &f, &|_| true);
    assert_eq!(
        r.hits.iter().map(|h| h.ordinal).collect::<Vec<_>>(),
        [77_777]
    );
    let r = search(&Query::parse("common", &[]), &files.meta, &f, &|o| o < 10);
    assert_eq!(r.hits.len(), 10);
    // Near-ties go to the newer (lower ordinal) document.
    assert!(r.hits.windows(2).all(|w| w[0].ordinal < w[1].ordinal));
}

#[test]
fn every_field_is_indexed_and_headline_outranks_body() {
    let mut b = IndexBuilder::new();
    let mut in_body = article("body", vec!["zebra crossing".into()]);
    in_body.headline = "Other".into();
    let mut in_headline = article("head", vec!["nothing".into()]);
    in_headline.headline = "Zebra".into();
    b.add(&in_body, &[]);
    b.add(&in_headline, &["Wildlife"]);
    let files = b.finish();
    let f = fragments_of(&files);
    let r = search(&Query::parse("zebra", &[]), &files.meta, &f, &|_| true);
    assert_eq!(r.hits[0].ordinal, 1, "{r:?}");
    let r = search(&Query::parse("wildlife", &[]), &files.meta, &f, &|_| true);
    assert_eq!(r.hits.len(), 1);
    assert_eq!(FIELDS.len(), files.meta.lengths.len());
}

/// Measures what queries fetch from a built corpus: `LEDE_SEARCH_MEASURE=<corpus dir> cargo
/// test --release --test search -- --ignored --nocapture measure`. Prints, per query, the files
/// a browser would fetch (meta first), for the README's figures (gzip them to compare).
#[test]
#[ignore]
fn measure() {
    let Ok(dir) = std::env::var("LEDE_SEARCH_MEASURE") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let meta = SearchMeta::from_json(&read(&dir.join("search/meta.json"))).unwrap();
    let queries = std::env::var("LEDE_SEARCH_QUERIES").unwrap_or("government".into());
    for q in queries.split(',') {
        let plan = Query::parse(q, &meta.languages).plan(&meta);
        let mut files = vec!["search/meta.json".to_string()];
        files.extend(
            plan.terms
                .iter()
                .map(|n| format!("search/{}", meta.fragment_url(*n))),
        );
        files.extend(
            plan.positions
                .iter()
                .map(|n| format!("search/{}", meta.positions_url(*n))),
        );
        println!("QUERY {q}\t{}", files.join(" "));
    }
}
