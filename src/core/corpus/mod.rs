//! A loaded corpus: the index as read and what the viewer derives from it once ([`Corpus`],
//! its [`Layout`]), the list's order, topic filtering that stays fast at 100,000 articles, the
//! parts fetched when first needed and how a load goes ([`part`], [`parts`]), why a file of it
//! could not be loaded, and what the entity page computes: an entity's first mention in its
//! sentence ([`in_context`]) and the entities most often named with it ([`often_with`]).

pub mod in_context;
pub mod load_error;
mod loaded;
pub mod often_with;
pub mod order;
pub mod part;
pub mod parts;
mod postings;
pub mod topic_index;
pub mod topics;

pub use loaded::{Corpus, Layout};
