//! The part of Lede that is plain Rust: no web-sys, tested on the host with `cargo test`, and
//! shared by the viewer and the `lede-corpus` tool. It is built in floors, and every import
//! points down (`tests/layers.rs` fails otherwise):
//!
//! 1. [`text`]: quoting, URL safety, languages, dates, percent-encoding: rules about strings;
//! 2. [`json`]: a strict JSON reader that knows its path, and its error;
//! 3. [`format`]: the corpus format, the contract with publishers: one file per file kind, the
//!    mentions inside articles, and the rules `lede-corpus validate` shares;
//! 4. [`search`]: full-text search: text normalisation, the search index's files (written at
//!    publish time, fetched in fragments), query parsing, BM25F ranking, snippets;
//! 5. [`corpus`]: a loaded corpus and its layout: the list's order, topic filtering at 100,000
//!    articles, the parts fetched on demand and the rules every load follows, load errors, what
//!    the entity page computes;
//! 6. [`view`]: what the reader is looking at (the URL's view state) and the viewer's options.

pub mod text;

pub mod json;

pub mod format;

pub mod search;

pub mod corpus;

pub mod view;
