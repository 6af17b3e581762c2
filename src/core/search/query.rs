//! A query string → what to look up, and which fragments hold it.
//!
//! `Austin "US troops" 人工智能`: words are looked up one by one; text in double quotes is a
//! **phrase** (its words adjacent, in order, in one field); a run of Chinese or Japanese
//! characters is a phrase of its bigrams. Punctuation and unmatched quotes are ignored. Each
//! word is looked up as written (folded) and by its stem in each language of the index's meta
//! file (or those the caller gives, e.g. the reader's language): a stem cannot hurt
//! precision much, since it only ranks below the word as written.

use crate::core::search::files::{fragment_of, SearchMeta};
use crate::core::search::indexer::entity_key;
use crate::core::search::normalize::{stem, stemmer_for, tokens, Token, TokenKind};
use rust_stemmers::Stemmer;

/// Words of a query beyond this many are ignored: what a query fetches stays bounded (a 10,000
/// word paste fetches no more than a 16-word one).
pub const MAX_QUERY_WORDS: usize = 16;

/// A word of a query: its folded form and the stems it may also be found by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub term: String,
    /// Stems unlike `term`, one per distinct stem across the query's languages.
    pub stems: Vec<String>,
}

/// What a result must contain: one word, or a phrase of several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub words: Vec<QueryWord>,
    /// The words must be adjacent, in order, in one field.
    pub phrase: bool,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub elements: Vec<Element>,
    /// The whole query as an entity name would be keyed ([`crate::core::search::indexer::entity_key`]).
    pub entity_key: String,
}

/// Which fragments a query needs, by number (URLs: [`SearchMeta::fragment_url`],
/// [`SearchMeta::positions_url`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub terms: Vec<u32>,
    pub positions: Vec<u32>,
}

impl Query {
    /// Parses `text`, stemming in `languages` (BCP 47 tags; languages without a stemmer are
    /// skipped). Pass the meta file's `languages`, or the reader's language to fetch less.
    pub fn parse(text: &str, languages: &[String]) -> Query {
        let stemmers: Vec<Stemmer> = {
            let mut algorithms = Vec::new();
            for l in languages {
                if let Some(a) = stemmer_for(l) {
                    if !algorithms.contains(&a) {
                        algorithms.push(a);
                    }
                }
            }
            algorithms.into_iter().map(Stemmer::create).collect()
        };
        let word = |t: &Token| {
            let mut stems: Vec<String> = Vec::new();
            for s in stemmers.iter().filter_map(|s| stem(s, t)) {
                if !stems.contains(&s) {
                    stems.push(s);
                }
            }
            QueryWord {
                term: t.term.clone(),
                stems,
            }
        };
        let mut elements = Vec::new();
        let mut words = 0;
        // Even pieces are outside quotes, odd ones inside.
        for (i, piece) in text.split('"').enumerate() {
            let found: Vec<Token> = tokens(piece, 0)
                .into_iter()
                .filter(|t| t.kind != TokenKind::Unigram)
                .collect();
            if i % 2 == 1 {
                let take = found.len().min(MAX_QUERY_WORDS.saturating_sub(words));
                words += take;
                if take > 0 {
                    elements.push(Element {
                        words: found[..take].iter().map(word).collect(),
                        phrase: take > 1,
                    });
                }
                continue;
            }
            // Outside quotes: a word each, a CJK run (consecutive bigrams) a phrase.
            let mut k = 0;
            while k < found.len() && words < MAX_QUERY_WORDS {
                let mut end = k + 1;
                if found[k].kind == TokenKind::Bigram {
                    while end < found.len()
                        && found[end].kind == TokenKind::Bigram
                        && found[end].position == found[end - 1].position + 1
                        && found[end].start == found[end - 1].start + 1
                    {
                        end += 1;
                    }
                }
                let end = end.min(k + MAX_QUERY_WORDS - words);
                words += end - k;
                elements.push(Element {
                    words: found[k..end].iter().map(word).collect(),
                    phrase: end - k > 1,
                });
                k = end;
            }
        }
        Query {
            elements,
            entity_key: entity_key(&text.replace('"', " ")),
        }
    }

    /// Whether the query has nothing to look up.
    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }

    /// The fragments to fetch: the term fragment of every word, stem and the entity key; the
    /// positions fragment of every word of a phrase. Sorted, each once.
    pub fn plan(&self, meta: &SearchMeta) -> Plan {
        let n = meta.fragment_count;
        let mut plan = Plan::default();
        for element in &self.elements {
            for word in &element.words {
                plan.terms.push(fragment_of(&word.term, n));
                plan.terms
                    .extend(word.stems.iter().map(|s| fragment_of(s, n)));
                if element.phrase {
                    plan.positions.push(fragment_of(&word.term, n));
                }
            }
        }
        if !self.entity_key.is_empty() {
            plan.terms.push(fragment_of(&self.entity_key, n));
        }
        for list in [&mut plan.terms, &mut plan.positions] {
            list.sort_unstable();
            list.dedup();
        }
        plan
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Vec<String> {
        vec!["en".to_string()]
    }

    #[test]
    fn words_phrases_and_cjk_runs() {
        let q = Query::parse("Austin, \"US troops\" 人工智能 \"unclosed", &en());
        let shape: Vec<(Vec<&str>, bool)> = q
            .elements
            .iter()
            .map(|e| (e.words.iter().map(|w| w.term.as_str()).collect(), e.phrase))
            .collect();
        assert_eq!(
            shape,
            [
                (vec!["austin"], false),
                (vec!["us", "troops"], true),
                (vec!["人工", "工智", "智能"], true),
                (vec!["unclosed"], false),
            ]
        );
        assert_eq!(q.elements[1].words[1].stems, ["troop"]);
        assert!(Query::parse(" ,.;\"\" ", &en()).is_empty());
    }

    #[test]
    fn a_huge_query_is_cut_to_a_bounded_plan() {
        let text = (0..10_000)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let q = Query::parse(&text, &en());
        let words: usize = q.elements.iter().map(|e| e.words.len()).sum();
        assert_eq!(words, MAX_QUERY_WORDS);
    }
}
