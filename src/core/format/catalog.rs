//! The paged layout of a large corpus, for when one index file would be too big to download.
//!
//! A small corpus lists its articles inline in the index. A large one (tens of thousands of
//! articles) gives a `catalog` instead, the way Pagefind splits its index: the first view needs
//! only the index (topics with their totals) and the first **listing page**; topic **postings**
//! are fetched when the reader first filters, the listing pages a result needs when it is shown,
//! entity **mentions** when an entity is opened, and an article's file when it is opened.
//!
//! ```text
//! index.json            topics (with counts), entities, "catalog": {...}
//! listing/0.json ...    page n holds the summaries of articles n*page_size .. (n+1)*page_size,
//!                       newest first: an article's position in that order is its *ordinal*
//! postings.json         per topic, the ordinals of its articles
//! mentions.json         per entity, the ordinals of the articles that mention it
//! articles/<id>.json    one file per article, as in a small corpus
//! ```
//!
//! Ordinal lists are written compactly: ascending, as gaps (the first ordinal, then each
//! difference to the previous one), each gap in base64 VLQ as in source maps (5 bits per
//! character, the sixth bit says "more follows"). A topic on every third article costs about one
//! character per article.

use crate::core::format::error::FormatError;
use crate::core::format::shape::{
    files, parse, parse_shared, position, read_shape, shape, FromJson, Shape, AN_OBJECT,
};
use crate::core::format::summary::ArticleSummary;
use crate::core::json::reader::{Fail, Read, Reader};
use crate::core::json::shared::SharedText;
use std::sync::Arc;

/// The most articles a paged corpus may have (its catalog's `count`): ten times the largest
/// corpus the viewer is measured with (README, "Benchmarks").
pub const MAX_CATALOG_ARTICLES: usize = 1_000_000;

// { "count": 25000, "page_size": 100, "pages": "listing/{page}.json",
//   "postings": "postings.json", "mentions": "mentions.json", "articles": "articles/{id}.json" }
shape! {
    /// Where the parts of a paged corpus live, relative to the index file.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Catalog {
        /// How many articles the corpus has.
        pub count: usize = required(read_count),
        /// How many summaries each listing page holds (the last may hold fewer).
        pub page_size: usize = required(read_page_size),
        /// The URL of listing page `{page}` (0-based), e.g. `listing/{page}.json`.
        pub pages: String = required(read_pages_template),
        /// The URL of the topic postings file.
        pub postings: String = required,
        /// The URL of the entity mentions file, if the corpus has entities.
        pub mentions: Option<String> = optional,
        /// The URL of article `{id}`'s file, e.g. `articles/{id}.json`.
        pub articles: String = required(read_articles_template),
    }
}

fn read_count(r: &mut Reader) -> Read<usize> {
    let at = r.position();
    let count = usize::read(r)?;
    // The viewer keeps a bit per article per topic: a hostile count must not make it allocate
    // gigabytes before the first byte of postings arrives.
    if count > MAX_CATALOG_ARTICLES {
        return Err(Fail::new(
            at,
            format!("a catalog lists at most {MAX_CATALOG_ARTICLES} articles"),
        ));
    }
    Ok(count)
}

fn read_page_size(r: &mut Reader) -> Read<usize> {
    let at = r.position();
    let size = usize::read(r)?;
    if size == 0 {
        return Err(Fail::new(at, "a page holds at least one article".into()));
    }
    Ok(size)
}

fn read_pages_template(r: &mut Reader) -> Read<String> {
    read_template(r, "{page}")
}

fn read_articles_template(r: &mut Reader) -> Read<String> {
    read_template(r, "{id}")
}

/// A URL template, which must contain its placeholder.
fn read_template(r: &mut Reader, placeholder: &str) -> Read<String> {
    let at = r.position();
    let template = r.string()?;
    if template.contains(placeholder) {
        Ok(template)
    } else {
        Err(Fail::new(
            at,
            format!("a URL template must contain {placeholder}"),
        ))
    }
}

impl Catalog {
    /// How many listing pages there are.
    pub fn page_count(&self) -> usize {
        self.count.div_ceil(self.page_size.max(1))
    }

    /// The listing page that holds `ordinal`, and its place on that page.
    pub fn locate(&self, ordinal: usize) -> (usize, usize) {
        let size = self.page_size.max(1);
        (ordinal / size, ordinal % size)
    }

    /// The URL of listing page `page`.
    pub fn page_url(&self, page: usize) -> String {
        self.pages.replace("{page}", &page.to_string())
    }

    /// The URL of the article with this id. The id is percent-encoded, so an id can never
    /// climb out of the articles folder (`../`) or add a query; an id that is a dot segment on
    /// its own (`.`, `..`) has its dots encoded too, since `articles/{id}/a.json` with `..`
    /// would otherwise name `a.json` beside `articles/` (URL parsers read `%2E%2E` as a name).
    pub fn article_url(&self, id: &str) -> String {
        self.articles.replace("{id}", &encode_id(id))
    }
}

/// An article id as it goes into a URL template: percent-encoded, and a dot segment (`.`,
/// `..`) with its dots encoded as well. (`lede-corpus paginate` names the files the same way.)
pub fn encode_id(id: &str) -> String {
    match id {
        "." => "%2E".to_string(),
        ".." => "%2E%2E".to_string(),
        _ => crate::core::text::percent::encode(id),
    }
}

// { "version": 1, "page": 3, "articles": [{ "id": "...", ... }] }
shape! {
    /// A listing page of a paged corpus.
    pub struct ListingPage {
        pub version: u32 = required,
        /// Which page this is.
        pub page: usize = required,
        /// Summaries, newest first.
        pub articles: Vec<ArticleSummary> = required,
    }
}

files!(ListingPage);

/// Reads listing page `page`: `{"version": 1, "page": n, "articles": [summaries...]}`. A file
/// that says it is another page is refused (a mix-up on the server would show wrong articles).
pub fn listing_page_from_json(text: &str, page: usize) -> Result<Vec<ArticleSummary>, FormatError> {
    listing_page_from_shared(&Arc::new(text.to_string()), page)
}

/// [`listing_page_from_json`], with the summaries' strings ranges of `text` (see [`SharedStr`]).
///
/// [`SharedStr`]: crate::core::json::shared::SharedStr
pub fn listing_page_from_shared(
    text: &SharedText,
    page: usize,
) -> Result<Vec<ArticleSummary>, FormatError> {
    let listing: ListingPage = parse_shared(text, read_shape)?;
    if listing.page != page {
        return Err(FormatError::Invalid {
            path: "page".into(),
            message: format!("this is page {}, not page {page}", listing.page),
        });
    }
    Ok(listing.articles)
}

/// Reads the topic postings of a corpus of `count` articles:
/// `{"version": 1, "count": n, "topics": {"<topic id>": "<ordinals>", ...}}`.
pub fn postings_from_json(
    text: &str,
    count: usize,
) -> Result<Vec<(String, Vec<u32>)>, FormatError> {
    let postings = ordinal_lists_from_json(text, count, "topics")?;
    // The viewer turns each topic into a bitset over every article: refuse a file that would
    // take more memory than a real corpus ever needs (100,000 articles and 100 topics is 1.2 MB).
    if postings.len().saturating_mul(count) > MAX_TOPIC_BITS {
        return Err(FormatError::Invalid {
            path: "topics".into(),
            message: format!(
                "{} topics over {count} articles is more than the viewer keeps in memory ({} MB)",
                postings.len(),
                MAX_TOPIC_BITS / 8 / 1_000_000
            ),
        });
    }
    Ok(postings)
}

/// The most topic-article pairs a paged corpus's postings may describe: 64 MB of bitsets.
pub const MAX_TOPIC_BITS: usize = 512_000_000;

/// Reads the entity mentions of a corpus of `count` articles:
/// `{"version": 1, "count": n, "entities": {"<entity id>": "<ordinals>", ...}}`.
pub fn mentions_from_json(
    text: &str,
    count: usize,
) -> Result<Vec<(String, Vec<u32>)>, FormatError> {
    ordinal_lists_from_json(text, count, "entities")
}

fn ordinal_lists_from_json(
    text: &str,
    count: usize,
    list: &'static str,
) -> Result<Vec<(String, Vec<u32>)>, FormatError> {
    let read = if list == "topics" {
        read_shape::<Postings>
    } else {
        read_entity_lists
    };
    let Postings {
        count: found,
        topics: OrdinalLists(raw),
        ..
    } = parse(text, read)?;
    if found != count {
        return Err(FormatError::Invalid {
            path: "count".into(),
            message: format!("written for {found} articles, but the index has {count}"),
        });
    }
    let mut lists = Vec::with_capacity(raw.len());
    for (id, encoded) in raw {
        match decode_ordinals(&encoded, count) {
            Ok(ordinals) => lists.push((id, ordinals)),
            Err(message) => {
                return Err(FormatError::Invalid {
                    path: format!("{list}.{}", crate::core::text::quote::path_key(&id)),
                    message,
                })
            }
        }
    }
    Ok(lists)
}

/// An object of ordinal lists as written: id → encoded ordinals, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct OrdinalLists(pub Vec<(String, String)>);

impl FromJson for OrdinalLists {
    fn read(r: &mut Reader) -> Read<OrdinalLists> {
        let mut lists = Vec::new();
        r.object("an object of ordinal lists", &mut |r, id| {
            let encoded = r.string()?;
            lists.push((id.to_string(), encoded));
            Ok(())
        })?;
        Ok(OrdinalLists(lists))
    }
}

// { "version": 1, "count": 25000, "topics": { "iraq": "ABB...", ... } }
shape! {
    /// The topic postings of a paged corpus.
    pub struct Postings {
        pub version: u32 = required,
        /// The corpus size the ordinals are for.
        pub count: usize = required,
        /// Topic id → the ordinals of its articles.
        pub topics: OrdinalLists = required,
    }
}

// { "version": 1, "count": 25000, "entities": { "lloyd-austin": "ABB...", ... } }
shape! {
    /// The entity mentions of a paged corpus.
    pub struct Mentions {
        pub version: u32 = required,
        /// The corpus size the ordinals are for.
        pub count: usize = required,
        /// Entity id → the ordinals of the articles that mention it.
        pub entities: OrdinalLists = required,
    }
}

files!(Postings);

// The two shapes' keys differ only in the name of the lists, and sit at the same indexes.
const _: () = assert!(
    Postings::FIELDS.len() == 3
        && Mentions::FIELDS.len() == 3
        && Mentions::REQUIRED == 3
        && position(Mentions::FIELDS, "version") == position(Postings::FIELDS, "version")
        && position(Mentions::FIELDS, "count") == position(Postings::FIELDS, "count")
);

/// A mentions file read into the postings' shape: the two differ only in the name of their
/// lists, the third key of both, so the viewer needs one reader and one `parse` for both.
fn read_entity_lists(r: &mut Reader) -> Read<Postings> {
    let mut lists = Postings::default();
    r.fields(
        AN_OBJECT,
        Mentions::FIELDS,
        Mentions::REQUIRED,
        &mut |r, field| lists.read_field(r, field),
    )?;
    Ok(lists)
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Appends `n` in base64 VLQ: 5 bits a character, low bits first, the sixth bit set when more
/// follow. The one writer of the encoding, for the topic postings and mentions here and for the
/// search index's postings ([`crate::core::search`]).
pub fn push_vlq(out: &mut String, n: u64) {
    let mut rest = n;
    loop {
        let digit = rest & 0b1_1111;
        rest >>= 5;
        let more = if rest > 0 { 0b10_0000 } else { 0 };
        out.push(BASE64[(digit | more) as usize] as char);
        if rest == 0 {
            break;
        }
    }
}

/// The value of one base64 character of [`BASE64`], or `None`. The one reader of the alphabet,
/// for the ordinals here and for the search index's postings ([`crate::core::search`]).
pub fn base64_digit(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Writes ascending ordinals as base64 VLQ gaps. Panics in debug builds if not ascending.
pub fn encode_ordinals(ordinals: &[u32]) -> String {
    let mut out = String::with_capacity(ordinals.len() * 2);
    let mut previous = None;
    for &ordinal in ordinals {
        let gap = match previous {
            None => ordinal,
            Some(p) => {
                debug_assert!(ordinal > p, "ordinals must ascend");
                ordinal - p
            }
        };
        previous = Some(ordinal);
        push_vlq(&mut out, u64::from(gap));
    }
    out
}

/// Reads what [`encode_ordinals`] wrote. Every ordinal must be below `limit` (the corpus size)
/// and ascend strictly; anything else is an error naming the character where it went wrong.
pub fn decode_ordinals(text: &str, limit: usize) -> Result<Vec<u32>, String> {
    let mut ordinals = Vec::new();
    let mut previous: Option<u32> = None;
    let mut gap: u64 = 0;
    let mut shift = 0;
    for (i, byte) in text.bytes().enumerate() {
        let Some(value) = base64_digit(byte) else {
            return Err(format!("character {i} is not base64"));
        };
        if shift > 30 {
            return Err(format!("character {i}: number too large"));
        }
        gap |= u64::from(value & 0b1_1111) << shift;
        shift += 5;
        if value & 0b10_0000 != 0 {
            continue;
        }
        if previous.is_some() && gap == 0 {
            return Err(format!("character {i}: ordinals must ascend"));
        }
        let ordinal = previous.map_or(gap, |p| u64::from(p) + gap);
        if ordinal >= limit as u64 {
            return Err(format!(
                "character {i}: ordinal {ordinal} is past the corpus ({limit} articles)"
            ));
        }
        ordinals.push(ordinal as u32);
        previous = Some(ordinal as u32);
        gap = 0;
        shift = 0;
    }
    if shift != 0 {
        return Err("the last number is cut short".into());
    }
    Ok(ordinals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::CorpusIndex;

    #[test]
    fn round_trip_small_and_large_gaps() {
        let ordinals = [0, 1, 2, 31, 32, 33, 1_000, 99_999, 1 << 30];
        let text = encode_ordinals(&ordinals);
        assert_eq!(decode_ordinals(&text, usize::MAX).unwrap(), ordinals);
        assert_eq!(encode_ordinals(&[0, 1, 2]), "ABB");
    }

    #[test]
    fn empty_list_is_empty_text() {
        assert_eq!(encode_ordinals(&[]), "");
        assert_eq!(decode_ordinals("", 10).unwrap(), Vec::<u32>::new());
    }

    #[test]
    fn corrupt_postings_are_errors_not_panics() {
        assert!(decode_ordinals("A*", 10).is_err(), "not base64");
        assert!(
            decode_ordinals("g", 10).is_err(),
            "continuation without an end"
        );
        assert!(
            decode_ordinals("AA", 10).is_err(),
            "a zero gap repeats an ordinal"
        );
        assert!(
            decode_ordinals("K", 10).is_err(),
            "10 is past a corpus of 10"
        );
        assert!(
            decode_ordinals("//////////", usize::MAX).is_err(),
            "overflow"
        );
    }

    #[test]
    fn postings_name_the_topic_whose_list_is_corrupt() {
        let text = r#"{"version": 1, "count": 3, "topics": {"iraq": "AB", "iran": "D"}}"#;
        match postings_from_json(text, 3) {
            Err(FormatError::Invalid { path, .. }) => assert_eq!(path, "topics.iran"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            postings_from_json(r#"{"version": 1, "count": 3, "topics": {"iraq": "AB"}}"#, 3)
                .unwrap(),
            vec![("iraq".to_string(), vec![0, 1])]
        );
    }

    #[test]
    fn postings_too_big_for_memory_are_refused_before_any_bitset_is_made() {
        let count = 1_000_000;
        let topics: Vec<String> = (0..600).map(|i| format!("\"t{i}\": \"\"")).collect();
        let text = format!(
            r#"{{"version": 1, "count": {count}, "topics": {{{}}}}}"#,
            topics.join(",")
        );
        match postings_from_json(&text, count) {
            Err(FormatError::Invalid { path, message }) => {
                assert_eq!(path, "topics");
                assert!(message.contains("600 topics"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_catalog_with_a_hostile_article_count_is_refused() {
        let index = |count: &str| {
            format!(
                r#"{{"version": 1, "catalog": {{"count": {count}, "page_size": 10,
                "pages": "p/{{page}}.json", "postings": "t.json", "articles": "a/{{id}}.json"}}}}"#
            )
        };
        assert!(CorpusIndex::from_json(&index("1000000")).is_ok());
        match CorpusIndex::from_json(&index("1000001")) {
            Err(FormatError::Json { path, message, .. }) => {
                assert_eq!(path, "catalog.count");
                assert!(message.contains("at most 1000000"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn postings_for_another_corpus_size_are_refused() {
        let text = r#"{"version": 1, "count": 5, "entities": {}}"#;
        assert!(matches!(
            mentions_from_json(text, 3),
            Err(FormatError::Invalid { path, .. }) if path == "count"
        ));
    }

    #[test]
    fn listing_page_must_be_the_page_asked_for() {
        let text = r#"{"version": 1, "page": 2, "articles": [
            {"id": "a", "headline": "A", "published": "2024-01-01", "url": "articles/a.json"}]}"#;
        assert_eq!(listing_page_from_json(text, 2).unwrap()[0].id, "a");
        assert!(listing_page_from_json(text, 3).is_err());
        let wrong_type = r#"{"version": 1, "page": 0, "articles": [{"id": 5}]}"#;
        match listing_page_from_json(wrong_type, 0) {
            Err(FormatError::Json { path, .. }) => assert_eq!(path, "articles[0].id"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn article_ids_cannot_escape_the_template() {
        let catalog = Catalog {
            count: 1,
            page_size: 100,
            pages: "listing/{page}.json".into(),
            postings: "postings.json".into(),
            mentions: None,
            articles: "articles/{id}.json".into(),
        };
        assert_eq!(catalog.article_url("../x?y"), "articles/..%2Fx%3Fy.json");
        assert_eq!(catalog.page_url(7), "listing/7.json");
        assert_eq!(catalog.locate(250), (2, 50));
    }
}
