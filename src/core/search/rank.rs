//! Ranking: the fetched fragments and a parsed query → ordinals, best first.
//!
//! - **BM25F** (Robertson and Zaragoza): per field, `tf / (1 − b + b · len / avglen)`, weighted
//!   by the field's weight and summed, then saturated: `idf · t / (k1 + t)`, k1 = 1.2,
//!   b = 0.75. Weights: headline 6 ≫ entity names 3 > standfirst 2 > topic labels 1.5 > byline
//!   and source 1.2 > body 1. A word found only by its stem counts 0.6 of one found as written.
//! - **AND**: a result contains every word and phrase of the query (a word by itself or one of
//!   its stems). When that finds nothing and the query has several parts, **OR** instead: any
//!   part, ranked by the sum of the parts it has ([`Results::matched_all`] says which it was).
//! - **Phrases**: the words at consecutive positions of one field (the positions fragments).
//! - **Recency**: ordinals are newest first, so the score is multiplied by
//!   `1 + 0.02 · (1 − ordinal / count)`: it orders near-ties, it never beats a better match.
//! - **Facets**: `allowed(ordinal)` (e.g. a topic selection's bitset) removes documents before
//!   ranking, so AND-or-OR is decided within the selection.

use crate::core::search::files::{
    bucket_length, decode_positions, decode_postings, DocPostings, PositionsFragment, SearchMeta,
    TermFragment, FIELDS,
};
use crate::core::search::query::{Element, Query};
use std::collections::BTreeMap;

pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;
/// Field weights, in field code order (headline, standfirst, byline, entity, topic, body).
pub const WEIGHTS: [f32; 6] = [6.0, 2.0, 1.2, 3.0, 1.5, 1.0];
/// What a match by stem counts, against a match of the word as written.
pub const STEM_WEIGHT: f32 = 0.6;
/// How much newer wins a near-tie: the newest document gets this much more than the oldest.
pub const RECENCY: f32 = 0.02;

/// The fragments fetched for a query, by number.
#[derive(Debug, Default)]
pub struct Fragments {
    pub terms: BTreeMap<u32, TermFragment>,
    pub positions: BTreeMap<u32, PositionsFragment>,
}

impl Fragments {
    fn term_fragment(&self, meta: &SearchMeta, term: &str) -> Option<&TermFragment> {
        self.terms.get(&crate::core::search::files::fragment_of(
            term,
            meta.fragment_count,
        ))
    }
}

/// One result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub ordinal: u32,
    pub score: f32,
}

/// A query's results.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Best first; ties go to the newer document (lower ordinal).
    pub hits: Vec<Hit>,
    /// Whether every part of the query matched (AND); `false` means the OR fallback.
    pub matched_all: bool,
}

/// A term's occurrences (the word's, or a stem's: `terms` and `stems` merged), decoded.
struct Postings {
    docs: Vec<DocPostings>,
    idf: f32,
}

fn idf(count: usize, df: usize) -> f32 {
    let (n, df) = (count as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The postings of `key` in `terms` and `stems`, merged by document, or an empty list if the
/// fragment was not fetched or is corrupt (a corrupt list is reported by `validate`).
fn lookup(meta: &SearchMeta, fragments: &Fragments, key: &str, stems_too: bool) -> Postings {
    let mut docs: Vec<DocPostings> = Vec::new();
    if let Some(f) = fragments.term_fragment(meta, key) {
        let tables = if stems_too {
            &[&f.terms, &f.stems][..]
        } else {
            &[&f.terms][..]
        };
        for table in tables {
            if let Some(encoded) = table.get(key) {
                let list = decode_postings(encoded, meta.count).unwrap_or_default();
                docs = if docs.is_empty() {
                    list
                } else {
                    merge(docs, list)
                };
            }
        }
    }
    let idf = idf(meta.count, docs.len());
    Postings { docs, idf }
}

/// Two posting lists as one: a document in both has the entries of both (tf added per field).
fn merge(a: Vec<DocPostings>, b: Vec<DocPostings>) -> Vec<DocPostings> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (Some(x), Some(y)) if x.ordinal < y.ordinal => a.next(),
            (Some(x), Some(y)) if x.ordinal > y.ordinal => b.next(),
            _ => {
                let (mut x, y) = (a.next().unwrap(), b.next().unwrap());
                for e in y.entries {
                    match x.entries.iter_mut().find(|f| f.field == e.field) {
                        Some(f) => f.tf = f.tf.saturating_add(e.tf),
                        None => x.entries.push(e),
                    }
                }
                x.entries.sort_by_key(|e| e.field);
                Some(x)
            }
        };
        out.extend(next);
    }
    out
}

/// BM25F of one document's entries for a term of inverse document frequency `idf`.
fn bm25f(doc: &DocPostings, idf: f32, averages: &[f32; 6]) -> f32 {
    let mut t = 0.0;
    for e in &doc.entries {
        let f = e.field as usize;
        if f >= FIELDS.len() {
            continue;
        }
        let len = bucket_length(e.norm) as f32;
        t += WEIGHTS[f] * e.tf as f32 / (1.0 - B + B * len / averages[f]);
    }
    idf * t * (K1 + 1.0) / (K1 + t)
}

/// For one element: ordinal → score, of the allowed documents that contain it.
fn element_scores(
    element: &Element,
    meta: &SearchMeta,
    fragments: &Fragments,
    averages: &[f32; 6],
    allowed: &dyn Fn(u32) -> bool,
) -> BTreeMap<u32, f32> {
    let mut scores: BTreeMap<u32, f32> = BTreeMap::new();
    if !element.phrase {
        let word = &element.words[0];
        let mut variants = vec![(word.term.as_str(), 1.0)];
        variants.extend(word.stems.iter().map(|s| (s.as_str(), STEM_WEIGHT)));
        for (i, (key, weight)) in variants.into_iter().enumerate() {
            // The word as written: also a single CJK character inside a longer run (a
            // "stem"-table entry). A stem: as written somewhere, or as a stem.
            let postings = lookup(meta, fragments, key, true);
            for doc in postings.docs.iter().filter(|d| allowed(d.ordinal)) {
                let s = weight * bm25f(doc, postings.idf, averages);
                let slot = scores.entry(doc.ordinal).or_insert(0.0);
                *slot = if i == 0 { s } else { slot.max(s) };
            }
        }
        return scores;
    }
    // A phrase: every word as written, with positions, adjacent in one field.
    let mut lists = Vec::new();
    for word in &element.words {
        let postings = lookup(meta, fragments, &word.term, false);
        let positions = fragments
            .positions
            .get(&crate::core::search::files::fragment_of(
                &word.term,
                meta.fragment_count,
            ))
            .and_then(|p| p.positions.get(&word.term))
            .and_then(|text| decode_positions(text, &postings.docs).ok());
        let Some(positions) = positions else {
            return scores;
        };
        let mut offsets = Vec::with_capacity(postings.docs.len());
        let mut at = 0;
        for d in &postings.docs {
            offsets.push(at);
            at += d.entries.len();
        }
        lists.push((postings, positions, offsets));
    }
    // Documents of the first word, checked against the others.
    let (first, first_positions, _) = &lists[0];
    let mut first_entry = 0;
    for doc in &first.docs {
        let entries_at = first_entry;
        first_entry += doc.entries.len();
        if !allowed(doc.ordinal) {
            continue;
        }
        // For every other word: its document and the index of its first entry.
        let mut others = Vec::new();
        for (postings, _, offsets) in &lists[1..] {
            match postings
                .docs
                .binary_search_by_key(&doc.ordinal, |d| d.ordinal)
            {
                Ok(d) => others.push((d, offsets[d])),
                Err(_) => break,
            }
        }
        if others.len() + 1 < lists.len() {
            continue;
        }
        let mut found_phrase = false;
        'fields: for (k, entry) in doc.entries.iter().enumerate() {
            let starts = &first_positions[entries_at + k];
            let mut per_word = Vec::new();
            for (w, &(d, at)) in others.iter().enumerate() {
                let (postings, positions, _) = &lists[w + 1];
                match postings.docs[d]
                    .entries
                    .iter()
                    .position(|e| e.field == entry.field)
                {
                    Some(j) => per_word.push(&positions[at + j]),
                    None => continue 'fields,
                }
            }
            for &p in starts {
                if per_word
                    .iter()
                    .enumerate()
                    .all(|(w, list)| list.binary_search(&(p + w as u32 + 1)).is_ok())
                {
                    found_phrase = true;
                    break 'fields;
                }
            }
        }
        if found_phrase {
            let mut s = bm25f(doc, first.idf, averages);
            for (w, &(d, _)) in others.iter().enumerate() {
                let postings = &lists[w + 1].0;
                s += bm25f(&postings.docs[d], postings.idf, averages);
            }
            scores.insert(doc.ordinal, s);
        }
    }
    scores
}

/// Ranks the documents allowed by `allowed` for `query`, given the fragments its
/// [`Query::plan`] named (a fragment not fetched counts as holding nothing).
pub fn search(
    query: &Query,
    meta: &SearchMeta,
    fragments: &Fragments,
    allowed: &dyn Fn(u32) -> bool,
) -> Results {
    if query.is_empty() {
        return Results::default();
    }
    let averages = meta.average_lengths();
    let per_element: Vec<BTreeMap<u32, f32>> = query
        .elements
        .iter()
        .map(|e| element_scores(e, meta, fragments, &averages, allowed))
        .collect();
    // AND: the smallest list, kept where every other element has the document.
    let smallest = (0..per_element.len())
        .min_by_key(|&i| per_element[i].len())
        .unwrap_or(0);
    let mut totals: Vec<(u32, f32)> = per_element[smallest]
        .keys()
        .filter_map(|&o| {
            let mut sum = 0.0;
            for scores in &per_element {
                sum += scores.get(&o)?;
            }
            Some((o, sum))
        })
        .collect();
    let mut matched_all = true;
    if totals.is_empty() && per_element.len() > 1 {
        matched_all = false;
        let mut any: BTreeMap<u32, f32> = BTreeMap::new();
        for scores in &per_element {
            for (&o, &s) in scores {
                *any.entry(o).or_insert(0.0) += s;
            }
        }
        totals = any.into_iter().collect();
    }
    let count = meta.count.max(1) as f32;
    let mut hits: Vec<Hit> = totals
        .into_iter()
        .map(|(ordinal, s)| Hit {
            ordinal,
            score: s * (1.0 + RECENCY * (1.0 - ordinal as f32 / count)),
        })
        .collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.ordinal.cmp(&b.ordinal)));
    Results {
        matched_all: matched_all && !hits.is_empty(),
        hits,
    }
}

/// The entities a query names, by name or alias, folded (`lloyd austin`, `AUSTIN`): their ids,
/// for a "Lloyd Austin, person, 3 articles" line above the results. Needs the term fragment
/// of [`Query::entity_key`], which [`Query::plan`] includes.
pub fn matching_entities<'a>(
    query: &Query,
    meta: &SearchMeta,
    fragments: &'a Fragments,
) -> &'a [String] {
    fragments
        .term_fragment(meta, &query.entity_key)
        .and_then(|f| f.entities.get(&query.entity_key))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}
