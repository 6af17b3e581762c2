//! The top floor: what the reader is looking at, as a value the URL records ([`state`]), the
//! settings a page gives a viewer ([`options`]), the reader's own ([`reader_settings`]), and the viewer's rules for showing untrusted
//! shapes and sizes: an image's box ([`image_ratio`]), which topics get a toggle
//! ([`topic_shortlist`]) and where an entity's preview card goes ([`card_place`]).

pub mod card_place;
pub mod image_ratio;
pub mod mention_links;
pub mod options;
pub mod presentation;
pub mod reader_settings;
pub mod state;
pub mod topic_shortlist;
