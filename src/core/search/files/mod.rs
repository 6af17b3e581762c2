//! The search index's files: what `lede-corpus` writes at publish time and the browser fetches
//! per query, Pagefind-style. Next to the corpus index (which names the meta file in `search`):
//!
//! ```text
//! search/meta.json        {"version": 1, "count": 16, "fragment_count": 8,
//!                          "fragments": "t/{fragment}.json", "positions": "p/{fragment}.json",
//!                          "hash": "fnv1a32", "fields": ["headline", ...], "lengths": [...],
//!                          "languages": ["en", "fr", ...]}
//! search/t/3.json         {"version": 1, "fragment": 3, "count": 16,
//!                          "terms": {"austin": "<postings>", ...},   surface words, folded
//!                          "stems": {"troop": "<postings>", ...},    stems unlike their word,
//!                                                                    single CJK characters
//!                          "entities": {"lloyd austin": ["lloyd-austin"], ...}}
//! search/p/3.json         {"version": 1, "fragment": 3, "count": 16,
//!                          "positions": {"austin": "<positions>", ...}}
//! ```
//!
//! A term lives in fragment `fnv1a32(term as UTF-8) % fragment_count`, and so does an entity
//! name (its folded words joined by one space): the browser computes which fragments a query
//! needs from the meta file alone. The term fragment (`t/`) is all a ranked word query needs;
//! the positions fragment (`p/`) of the same number is fetched only for a phrase (`"US
//! troops"`) or a Chinese or Japanese word of three characters or more. Keys ascend in byte
//! order (a repeated key is refused); `count` must be the corpus's.
//!
//! Documents are numbered by their **ordinal**: their place in the corpus's newest-first order,
//! the same number the topic postings and the listing pages of the paged layout use (for an
//! inline corpus, `TopicIndex::position` maps it to the index's list). Lower is newer, which is
//! all the ranking's recency tie-break needs, so the meta file has no per-document table and
//! stays the same ~300 bytes at any corpus size.
//!
//! **Postings** are a string of unsigned numbers in base64 VLQ (as the topic postings in
//! [`crate::core::format::catalog`]: 5 bits a character, the sixth says "more follows"):
//!
//! ```text
//! postings  := document*
//! document  := ordinal-gap entry+          first ordinal, then the gap to the previous one (≥ 1)
//! entry     := head norm tf                one per field the term occurs in, fields ascending
//! head      := field * 2 + more            more = 1 if another entry of this document follows
//! norm      := the field's length bucket   0..=31, see `norm_bucket` (the BM25 length)
//! tf        := occurrences in the field    ≥ 1
//! ```
//!
//! **Positions** follow the postings of the same term, entry by entry: `tf` numbers per entry,
//! the first position and then the gaps (≥ 1). A position counts the terms of a field before
//! this one (words and CJK bigrams; entity names and topic labels are 8 apart, so no phrase
//! runs from one into the next).

mod postings;

pub use postings::{
    decode_positions, decode_postings, push_vlq, DocPostings, Entry, BODY, BYLINE, ENTITY, FIELDS,
    HEADLINE, MAX_FIELD_TERMS, STANDFIRST, TOPIC,
};

use crate::core::format::error::FormatError;
use crate::core::format::shape::{files, parse, read_shape, shape, FromJson};
use crate::core::format::MAX_CATALOG_ARTICLES;
use crate::core::json::reader::{Fail, Read, Reader};
use crate::core::text::quote::path_key;

/// The only hash the format knows: FNV-1a, 32 bits, over the term's UTF-8 bytes.
pub const HASH: &str = "fnv1a32";

/// At most this many fragments (a file name per fragment; 2^16 at ~30 kB is 2 GB of index).
pub const MAX_FRAGMENTS: u32 = 1 << 16;

/// FNV-1a, 32 bits.
pub fn fnv1a32(text: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// The fragment a term (or a folded entity name) lives in.
pub fn fragment_of(term: &str, fragment_count: u32) -> u32 {
    fnv1a32(term) % fragment_count.max(1)
}

/// The field length a norm bucket stands for: 0..=8 exactly, then 35 % more per bucket, up to
/// about 7,900 terms at bucket 31 (longer fields share it).
pub fn bucket_length(bucket: u8) -> u32 {
    let mut length = 0u32;
    for b in 1..=bucket.min(31) {
        length = if b <= 8 {
            u32::from(b)
        } else {
            (length * 135).div_ceil(100)
        };
    }
    length
}

/// The bucket of a field length: the smallest whose length is at least `length`.
pub fn norm_bucket(length: u32) -> u8 {
    (0..31).find(|&b| bucket_length(b) >= length).unwrap_or(31)
}

// {"version": 1, "count": 16, "fragment_count": 8, "fragments": "t/{fragment}.json",
//  "positions": "p/{fragment}.json", "hash": "fnv1a32", "fields": [...], "lengths": [...],
//  "languages": ["en"]}
shape! {
    /// The search index's meta file: what the browser needs to plan a query's fetches.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SearchMeta {
        pub version: u32 = required,
        /// How many documents: every ordinal is below it.
        pub count: usize = required(read_count),
        /// How many term fragments (and positions fragments) there are.
        pub fragment_count: u32 = required(read_fragment_count),
        /// The URL of term fragment `{fragment}`, relative to the meta file.
        pub fragments: String = required(read_fragment_template),
        /// The URL of positions fragment `{fragment}`, relative to the meta file.
        pub positions: String = required(read_fragment_template),
        /// How terms are assigned to fragments: `fnv1a32`.
        pub hash: String = required(read_hash),
        /// The field names, in code order: [`FIELDS`].
        pub fields: Vec<String> = required(read_fields),
        /// The total number of terms of each field over all documents (BM25's average length).
        pub lengths: Vec<usize> = required,
        /// The languages whose stems are indexed (BCP 47 primary subtags): a query is stemmed
        /// in each of them.
        pub languages: Vec<String> = default,
    }
}

fn read_count(r: &mut Reader) -> Read<usize> {
    let at = r.position();
    let count = usize::read(r)?;
    if count > MAX_CATALOG_ARTICLES {
        return Err(Fail::new(
            at,
            format!("a search index covers at most {MAX_CATALOG_ARTICLES} documents"),
        ));
    }
    Ok(count)
}

fn read_fragment_count(r: &mut Reader) -> Read<u32> {
    let at = r.position();
    let n = u32::read(r)?;
    if n == 0 || n > MAX_FRAGMENTS {
        return Err(Fail::new(
            at,
            format!("fragment_count must be 1 to {MAX_FRAGMENTS}"),
        ));
    }
    Ok(n)
}

fn read_fragment_template(r: &mut Reader) -> Read<String> {
    let at = r.position();
    let template = r.string()?;
    if template.contains("{fragment}") {
        Ok(template)
    } else {
        Err(Fail::new(
            at,
            "a URL template must contain {fragment}".into(),
        ))
    }
}

fn read_hash(r: &mut Reader) -> Read<String> {
    let at = r.position();
    let hash = r.string()?;
    if hash == HASH {
        Ok(hash)
    } else {
        Err(Fail::new(
            at,
            format!("unknown hash; this viewer knows {HASH}"),
        ))
    }
}

fn read_fields(r: &mut Reader) -> Read<Vec<String>> {
    let at = r.position();
    let fields: Vec<String> = r.list(Reader::string)?;
    if fields.iter().map(String::as_str).eq(FIELDS) {
        Ok(fields)
    } else {
        Err(Fail::new(at, format!("the fields must be {FIELDS:?}")))
    }
}

impl SearchMeta {
    /// Reads and checks a meta file.
    pub fn from_json(text: &str) -> Result<SearchMeta, FormatError> {
        let meta: SearchMeta = parse(text, read_shape)?;
        if meta.lengths.len() != FIELDS.len() {
            return Err(FormatError::Invalid {
                path: "lengths".into(),
                message: format!("one total per field: {} numbers", FIELDS.len()),
            });
        }
        Ok(meta)
    }

    /// The URL of term fragment `n`, relative to the meta file.
    pub fn fragment_url(&self, n: u32) -> String {
        self.fragments.replace("{fragment}", &n.to_string())
    }

    /// The URL of positions fragment `n`, relative to the meta file.
    pub fn positions_url(&self, n: u32) -> String {
        self.positions.replace("{fragment}", &n.to_string())
    }

    /// The average length of each field (BM25's `avgdl`), at least 1.
    pub fn average_lengths(&self) -> [f32; 6] {
        let mut out = [1.0; 6];
        for (i, total) in self.lengths.iter().take(6).enumerate() {
            out[i] = (*total as f32 / self.count.max(1) as f32).max(1.0);
        }
        out
    }
}

/// A JSON object whose keys ascend in byte order, as a sorted list (found by binary search).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SortedMap<T>(pub Vec<(String, T)>);

impl<T> SortedMap<T> {
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| &self.0[i].1)
    }
}

impl<T: FromJson> FromJson for SortedMap<T> {
    fn read(r: &mut Reader) -> Read<SortedMap<T>> {
        let mut items: Vec<(String, T)> = Vec::new();
        let mut order_broken = false;
        r.object("an object", &mut |r, key| {
            if items.last().is_some_and(|(last, _)| last.as_str() >= key) {
                order_broken = true;
            }
            let value = T::read(r)?;
            items.push((key.to_string(), value));
            Ok(())
        })?;
        if order_broken {
            // Found after the object: the error names the object, not the key.
            return Err(Fail::new(
                r.position(),
                "keys must ascend in byte order, each once".into(),
            ));
        }
        Ok(SortedMap(items))
    }
}

impl<T: serde::Serialize> serde::Serialize for SortedMap<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

// {"version": 1, "fragment": 3, "count": 16, "terms": {...}, "stems": {...}, "entities": {...}}
shape! {
    /// A term fragment: the postings of the terms that hash to it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct TermFragment {
        pub version: u32 = required,
        /// Which fragment this is.
        pub fragment: u32 = required,
        /// The corpus size the ordinals are for.
        pub count: usize = required,
        /// Folded words (and CJK bigrams) → postings, with positions in the positions fragment.
        pub terms: SortedMap<String> = default,
        /// Stems that differ from their word, and single CJK characters → postings, no positions.
        pub stems: SortedMap<String> = default,
        /// Folded entity names and aliases → entity ids.
        pub entities: SortedMap<Vec<String>> = default,
    }
}

// {"version": 1, "fragment": 3, "count": 16, "positions": {"austin": "...", ...}}
shape! {
    /// A positions fragment: for each term of the term fragment of the same number, its
    /// positions, entry by entry.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PositionsFragment {
        pub version: u32 = required,
        pub fragment: u32 = required,
        pub count: usize = required,
        pub positions: SortedMap<String> = default,
    }
}

files!(SearchMeta, TermFragment, PositionsFragment);

fn check_fragment(found: (u32, usize), fragment: u32, count: usize) -> Result<(), FormatError> {
    if found.0 != fragment {
        return Err(FormatError::Invalid {
            path: "fragment".into(),
            message: format!("this is fragment {}, not fragment {fragment}", found.0),
        });
    }
    if found.1 != count {
        return Err(FormatError::Invalid {
            path: "count".into(),
            message: format!(
                "written for {} documents, but the index has {count}",
                found.1
            ),
        });
    }
    Ok(())
}

impl TermFragment {
    /// Reads term fragment `fragment` of an index of `count` documents. Postings are decoded
    /// when a query needs them ([`decode_postings`]); `validate_fragment` decodes them all.
    pub fn from_json(text: &str, fragment: u32, count: usize) -> Result<TermFragment, FormatError> {
        let f: TermFragment = parse(text, read_shape)?;
        check_fragment((f.fragment, f.count), fragment, count)?;
        Ok(f)
    }

    /// Decodes every posting list, as `lede-corpus validate` does: the first error, with the
    /// key it is under.
    pub fn validate(&self) -> Result<(), FormatError> {
        for (table, map) in [("terms", &self.terms), ("stems", &self.stems)] {
            for (term, encoded) in &map.0 {
                decode_postings(encoded, self.count).map_err(|message| FormatError::Invalid {
                    path: format!("{table}.{}", path_key(term)),
                    message,
                })?;
            }
        }
        Ok(())
    }
}

impl PositionsFragment {
    /// Reads positions fragment `fragment` of an index of `count` documents.
    pub fn from_json(
        text: &str,
        fragment: u32,
        count: usize,
    ) -> Result<PositionsFragment, FormatError> {
        let f: PositionsFragment = parse(text, read_shape)?;
        check_fragment((f.fragment, f.count), fragment, count)?;
        Ok(f)
    }
}

/// Checks a positions fragment against the term fragment of the same number: the same terms,
/// and for each exactly the positions its postings count.
pub fn validate_positions(
    terms: &TermFragment,
    positions: &PositionsFragment,
) -> Result<(), FormatError> {
    let keys = |m: &SortedMap<String>| m.0.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    if keys(&terms.terms) != keys(&positions.positions) {
        return Err(FormatError::Invalid {
            path: "positions".into(),
            message: "the terms differ from those of the term fragment".into(),
        });
    }
    for ((term, postings), (_, encoded)) in terms.terms.0.iter().zip(&positions.positions.0) {
        let invalid = |message| FormatError::Invalid {
            path: format!("positions.{}", path_key(term)),
            message,
        };
        let docs = decode_postings(postings, terms.count).map_err(invalid)?;
        decode_positions(encoded, &docs).map_err(invalid)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
