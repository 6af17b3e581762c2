//! The sets topic filtering works with: a bitset of article ordinals, and a topic's articles as
//! a bitset or a short list, whichever is smaller ([`Postings`]).

/// A set of article ordinals (positions in newest-first order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitset {
    pub(crate) words: Vec<u64>,
}

impl Bitset {
    pub(crate) fn empty(len: usize) -> Self {
        Bitset {
            words: vec![0; len.div_ceil(64)],
        }
    }

    pub(crate) fn full(len: usize) -> Self {
        let mut set = Bitset {
            words: vec![u64::MAX; len.div_ceil(64)],
        };
        if !len.is_multiple_of(64) {
            if let Some(last) = set.words.last_mut() {
                *last = (1 << (len % 64)) - 1;
            }
        }
        set
    }

    pub(crate) fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    pub(crate) fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// How many ordinals are in the set.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    pub(crate) fn intersection_len(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// The ordinals in the set, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(w * 64 + bit)
            })
        })
    }
}

/// The articles of one topic. A bitset costs an eighth of a byte per article of the corpus, a
/// list of ordinals four bytes per article of the topic: a topic on fewer than one article in
/// 32 is kept as a list, so the whole index is never larger than four bytes per (article,
/// topic) pair, however many topics there are (100,000 topics of one article each as bitsets
/// over 100,000 articles was 1.25 GB).
#[derive(Debug, Clone)]
pub(crate) enum Postings {
    /// Ascending ordinals, without repeats.
    Sparse(Vec<u32>),
    Dense(Bitset),
}

impl Postings {
    /// The postings of `ordinals` (any order, repeats allowed) in a corpus of `len` articles.
    pub(crate) fn new(mut ordinals: Vec<u32>, len: usize) -> Self {
        if !ordinals.is_sorted() {
            ordinals.sort_unstable();
        }
        ordinals.dedup();
        if ordinals.len().saturating_mul(32) > len {
            let mut set = Bitset::empty(len);
            for &ordinal in &ordinals {
                set.insert(ordinal as usize);
            }
            Postings::Dense(set)
        } else {
            ordinals.shrink_to_fit();
            Postings::Sparse(ordinals)
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        match self {
            Postings::Sparse(list) => list.capacity() * 4,
            Postings::Dense(set) => set.words.capacity() * 8,
        }
    }

    /// Adds these articles to `acc`.
    pub(crate) fn union_into(&self, acc: &mut Bitset) {
        match self {
            Postings::Sparse(list) => list.iter().for_each(|&o| acc.insert(o as usize)),
            Postings::Dense(set) => {
                for (a, b) in acc.words.iter_mut().zip(&set.words) {
                    *a |= b;
                }
            }
        }
    }

    /// Keeps in `acc` only these articles.
    pub(crate) fn intersect_into(&self, acc: &mut Bitset) {
        match self {
            Postings::Sparse(list) => {
                let mut kept = Bitset::empty(acc.words.len() * 64);
                for &o in list.iter().filter(|&&o| acc.contains(o as usize)) {
                    kept.insert(o as usize);
                }
                *acc = kept;
            }
            Postings::Dense(set) => {
                for (a, b) in acc.words.iter_mut().zip(&set.words) {
                    *a &= b;
                }
            }
        }
    }

    /// Calls `f` with each of these articles' ordinals, in order.
    pub(crate) fn for_each(&self, mut f: impl FnMut(usize)) {
        match self {
            Postings::Sparse(list) => list.iter().for_each(|&o| f(o as usize)),
            Postings::Dense(set) => set.iter().for_each(f),
        }
    }

    /// How many articles these are.
    pub(crate) fn len(&self) -> usize {
        match self {
            Postings::Sparse(list) => list.len(),
            Postings::Dense(set) => set.len(),
        }
    }

    /// How many of these articles are in `set`.
    pub(crate) fn intersection_len(&self, set: &Bitset) -> usize {
        match self {
            Postings::Sparse(list) => list.iter().filter(|&&o| set.contains(o as usize)).count(),
            Postings::Dense(own) => own.intersection_len(set),
        }
    }
}
