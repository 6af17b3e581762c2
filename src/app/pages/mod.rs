//! One file per page of the viewer: the article list, an article, an entity.

pub mod article;
pub mod article_warm_up;
pub mod entity;
pub mod list;
