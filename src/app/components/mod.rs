//! Widgets shared by the pages, one per file.

pub mod article_card;
pub mod article_list;
pub mod body_text;
pub mod entity_picture;
pub mod entity_preview;
pub mod error_panel;
pub mod in_this_article;
pub mod lead_image;
pub mod loading;
pub mod more_on;
pub mod nav_link;
pub mod not_found;
pub mod published_date;
pub mod reader_controls;
pub mod safe_image;
pub mod search;
pub mod search_box;
pub mod search_context;
pub mod topic_filter;
pub mod topic_links;
