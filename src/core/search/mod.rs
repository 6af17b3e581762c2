//! Full-text search, Pagefind-style: an index written at publish time
//! (`lede-corpus build`/`paginate`/`synth`) and split into small fragments, of which the browser
//! fetches only those its query's terms hash to, then ranks in wasm, combined with the topic
//! facets. The floor between the format and a loaded corpus: it reads article files
//! ([`crate::core::format`]) and nothing above.
//!
//! - [`normalize`]: text → terms (word boundaries, lowercase, diacritics, stems, CJK bigrams);
//! - [`files`]: the index files (meta, term and positions fragments) and their encoding;
//! - [`indexer`]: documents → the files (publish time);
//! - [`query`]: a query string → words and phrases → which fragments to fetch;
//! - [`rank`]: fragments + query → ranked ordinals (BM25F, AND then OR, phrases, a facet
//!   predicate), and the entity a query names;
//! - [`snippet`]: the best window of an article for a query, with spans to highlight.
//!
//! The viewer's first view does not use this floor (nothing in `src/app` names it), so none of
//! its crates are linked into the first-view wasm; a search worker links it.
//!
//! How the UI or a worker uses it:
//!
//! ```text
//! let meta = SearchMeta::from_json(&fetch(index_dir + index.search))?;
//! let query = Query::parse(&typed, &meta.languages);
//! let plan = query.plan(&meta);                 // fragment numbers → meta.fragment_url(n) …
//! let mut fragments = Fragments::default();     // … fetched and read with TermFragment::from_json
//! let results = search(&query, &meta, &fragments, &|ordinal| selection.contains(ordinal));
//! let entities = matching_entities(&query, &meta, &fragments);
//! let snippet = best_snippet(&paragraphs, &query, article.language.as_deref(), SNIPPET_CHARS);
//! ```

pub mod files;
pub mod indexer;
pub mod normalize;
pub mod query;
pub mod rank;
pub mod snippet;

pub use files::{PositionsFragment, SearchMeta, TermFragment};
pub use indexer::{IndexBuilder, SearchFiles};
pub use query::{Plan, Query};
pub use rank::{matching_entities, search, Fragments, Hit, Results};
pub use snippet::{best_snippet, Snippet, SNIPPET_CHARS};
