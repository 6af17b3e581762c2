//! A loaded corpus: the index as read and what the viewer derives from it once ([`Corpus`],
//! its [`Layout`]), the list's order, topic filtering that stays fast at 100,000 articles, the
//! parts fetched when first needed and how a load goes ([`part`], [`parts`]), and why a file
//! of it could not be loaded.

pub mod load_error;
mod loaded;
pub mod order;
pub mod part;
pub mod parts;
pub mod topic_index;
pub mod topics;

pub use loaded::{Corpus, Layout};
