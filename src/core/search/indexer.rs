//! Building the index at publish time: documents in, the files of [`crate::core::search::files`]
//! out. Used by `lede-corpus` (`build`, `paginate`, `synth`) and by tests; the browser never
//! builds an index.
//!
//! Documents are added in ordinal order (newest first, the order of the topic postings), and
//! each term's postings are encoded as its documents arrive, so memory is the encoded index,
//! not a table of every occurrence.

use crate::core::format::Article;
use crate::core::search::files::{
    fragment_of, norm_bucket, push_vlq, PositionsFragment, SearchMeta, TermFragment, BODY, BYLINE,
    ENTITY, FIELDS, HASH, HEADLINE, MAX_FIELD_TERMS, MAX_FRAGMENTS, STANDFIRST, TOPIC,
};
use crate::core::search::normalize::{stem, stemmer_for, tokens, TokenKind};
use rust_stemmers::Stemmer;
use std::collections::{BTreeMap, BTreeSet};

/// The size a term fragment aims at (its postings, before compression): Pagefind's chunks are
/// of this order. The fragment count is a power of two, so fragments hold 0.5–1× this on average.
pub const TARGET_FRAGMENT_BYTES: usize = 32_000;

/// Positions between the pieces of one field (two entity names, two paragraphs): more than any
/// phrase a reader types, so no phrase runs from one piece into the next.
const PIECE_GAP: u32 = 8;

#[derive(Default)]
struct TermBuf {
    last: Option<u32>,
    postings: String,
    positions: String,
}

/// Builds a search index, one document at a time.
#[derive(Default)]
pub struct IndexBuilder {
    count: u32,
    terms: BTreeMap<String, TermBuf>,
    stems: BTreeMap<String, TermBuf>,
    entities: BTreeMap<String, BTreeSet<String>>,
    lengths: [usize; 6],
    languages: BTreeSet<String>,
}

/// The index files, ready to be written as JSON.
pub struct SearchFiles {
    pub meta: SearchMeta,
    /// Term fragment and positions fragment of each number, in order.
    pub fragments: Vec<(TermFragment, PositionsFragment)>,
}

/// The folded key of an entity name: its terms, joined by one space (the query side's
/// [`crate::core::search::query::Query::entity_key`] is made the same way).
pub fn entity_key(name: &str) -> String {
    tokens(name, 0)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Unigram)
        .map(|t| t.term)
        .collect::<Vec<_>>()
        .join(" ")
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// How many documents were added.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Adds the next document (ordinal [`IndexBuilder::count`]): `topic_labels` are the labels
    /// of its topics (the article names ids; the index knows the labels).
    pub fn add(&mut self, article: &Article, topic_labels: &[&str]) {
        let ordinal = self.count;
        self.count += 1;
        let stemmer = article.language.as_deref().and_then(|l| {
            let algorithm = stemmer_for(l)?;
            self.languages
                .insert(l.split(['-', '_']).next()?.to_ascii_lowercase());
            Some(Stemmer::create(algorithm))
        });

        let mut pieces: [Vec<&str>; 6] = Default::default();
        pieces[HEADLINE as usize].push(&article.headline);
        pieces[STANDFIRST as usize].extend(article.standfirst.as_deref());
        pieces[BYLINE as usize].extend(article.byline.as_deref());
        pieces[BYLINE as usize].extend(article.source_name.as_deref());
        for e in &article.entities {
            pieces[ENTITY as usize].push(&e.name);
            pieces[ENTITY as usize].extend(e.aliases.iter().map(String::as_str));
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let key = entity_key(name);
                if !key.is_empty() {
                    self.entities.entry(key).or_default().insert(e.id.clone());
                }
            }
        }
        pieces[TOPIC as usize].extend(topic_labels);
        pieces[BODY as usize].extend(article.body.iter().map(|p| p.text.as_str()));

        // term → [(field, positions)], stem or unigram → [(field, tf)], in field order.
        let mut surface: BTreeMap<String, Vec<(u8, Vec<u32>)>> = BTreeMap::new();
        let mut stems: BTreeMap<String, Vec<(u8, u32)>> = BTreeMap::new();
        let mut lengths = [0u32; 6];
        for (field, pieces) in pieces.iter().enumerate() {
            let field = field as u8;
            let mut next = 0u32;
            for piece in pieces {
                if next >= MAX_FIELD_TERMS {
                    break;
                }
                let found = tokens(piece, next);
                for token in &found {
                    if token.position >= MAX_FIELD_TERMS {
                        break;
                    }
                    next = next.max(token.position + 1);
                    if token.kind == TokenKind::Unigram {
                        bump(stems.entry(token.term.clone()).or_default(), field);
                        continue;
                    }
                    lengths[field as usize] += 1;
                    let lists = surface.entry(token.term.clone()).or_default();
                    match lists.last_mut() {
                        Some((f, positions)) if *f == field => {
                            if positions.last() != Some(&token.position) {
                                positions.push(token.position);
                            }
                        }
                        _ => lists.push((field, vec![token.position])),
                    }
                    if let Some(stemmer) = &stemmer {
                        if let Some(s) = stem(stemmer, token) {
                            bump(stems.entry(s).or_default(), field);
                        }
                    }
                }
                next = next.saturating_add(PIECE_GAP);
            }
        }
        for (field, length) in lengths.iter().enumerate() {
            self.lengths[field] += *length as usize;
        }

        for (term, lists) in surface {
            let buf = self.terms.entry(term).or_default();
            start_document(buf, ordinal);
            let n = lists.len();
            for (i, (field, positions)) in lists.iter().enumerate() {
                entry(
                    buf,
                    *field,
                    i + 1 < n,
                    lengths[*field as usize],
                    positions.len() as u32,
                );
                let mut previous = None;
                for &p in positions {
                    push_vlq(&mut buf.positions, u64::from(previous.map_or(p, |q| p - q)));
                    previous = Some(p);
                }
            }
        }
        for (term, lists) in stems {
            let buf = self.stems.entry(term).or_default();
            start_document(buf, ordinal);
            let n = lists.len();
            for (i, (field, tf)) in lists.iter().enumerate() {
                entry(buf, *field, i + 1 < n, lengths[*field as usize], *tf);
            }
        }
    }

    /// The index files. `fragment_count` is chosen so that term fragments hold about
    /// [`TARGET_FRAGMENT_BYTES`] of postings each.
    pub fn finish(self) -> SearchFiles {
        let total: usize = self
            .terms
            .iter()
            .chain(&self.stems)
            .map(|(k, b)| k.len() + b.postings.len() + 6)
            .sum::<usize>()
            + self
                .entities
                .iter()
                .map(|(k, ids)| k.len() + ids.iter().map(|i| i.len() + 3).sum::<usize>() + 6)
                .sum::<usize>();
        let fragment_count = total
            .div_ceil(TARGET_FRAGMENT_BYTES)
            .next_power_of_two()
            .clamp(1, MAX_FRAGMENTS as usize) as u32;
        let count = self.count as usize;
        let mut fragments: Vec<(TermFragment, PositionsFragment)> = (0..fragment_count)
            .map(|n| {
                (
                    TermFragment {
                        version: 1,
                        fragment: n,
                        count,
                        ..TermFragment::default()
                    },
                    PositionsFragment {
                        version: 1,
                        fragment: n,
                        count,
                        ..PositionsFragment::default()
                    },
                )
            })
            .collect();
        // BTreeMap order is byte order: every map comes out sorted.
        for (term, buf) in self.terms {
            let (t, p) = &mut fragments[fragment_of(&term, fragment_count) as usize];
            p.positions.0.push((term.clone(), buf.positions));
            t.terms.0.push((term, buf.postings));
        }
        for (term, buf) in self.stems {
            let (t, _) = &mut fragments[fragment_of(&term, fragment_count) as usize];
            t.stems.0.push((term, buf.postings));
        }
        for (key, ids) in self.entities {
            let (t, _) = &mut fragments[fragment_of(&key, fragment_count) as usize];
            t.entities.0.push((key, ids.into_iter().collect()));
        }
        SearchFiles {
            meta: SearchMeta {
                version: 1,
                count,
                fragment_count,
                fragments: "t/{fragment}.json".into(),
                positions: "p/{fragment}.json".into(),
                hash: HASH.into(),
                fields: FIELDS.iter().map(|f| f.to_string()).collect(),
                lengths: self.lengths.to_vec(),
                languages: self.languages.into_iter().collect(),
            },
            fragments,
        }
    }
}

fn bump(lists: &mut Vec<(u8, u32)>, field: u8) {
    match lists.last_mut() {
        Some((f, tf)) if *f == field => *tf += 1,
        _ => lists.push((field, 1)),
    }
}

fn start_document(buf: &mut TermBuf, ordinal: u32) {
    let gap = buf.last.map_or(ordinal, |last| ordinal - last);
    buf.last = Some(ordinal);
    push_vlq(&mut buf.postings, u64::from(gap));
}

fn entry(buf: &mut TermBuf, field: u8, more: bool, length: u32, tf: u32) {
    push_vlq(&mut buf.postings, u64::from(field) * 2 + u64::from(more));
    push_vlq(&mut buf.postings, u64::from(norm_bucket(length)));
    push_vlq(&mut buf.postings, u64::from(tf.min(MAX_FIELD_TERMS)));
}
