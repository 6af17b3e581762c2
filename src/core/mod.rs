//! The part of Lede that is plain Rust: the corpus format, mentions and their offsets, topic
//! filtering, URL safety and the view state. No web-sys here: it is tested on the host with
//! `cargo test` and shared by the viewer and the `lede-corpus` tool.

pub mod catalog;
pub mod corpus;
pub mod dates;
pub mod format;
pub mod image_ratio;
pub mod json;
pub mod json_path;
pub mod language;
pub mod load_error;
pub mod matching;
pub mod mentions;
pub mod quote;
pub mod topic_index;
pub mod topic_shortlist;
pub mod topics;
pub mod url_safety;
pub mod view_state;
pub mod viewer_options;
