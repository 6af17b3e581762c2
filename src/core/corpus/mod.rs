//! A loaded corpus: the index as read and what the viewer derives from it once ([`Corpus`]),
//! the list's order, topic filtering that stays fast at 100,000 articles, and why a file of it
//! could not be loaded.

pub mod load_error;
mod loaded;
pub mod order;
mod postings;
pub mod topic_index;
pub mod topics;

pub use loaded::Corpus;
