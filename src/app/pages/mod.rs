//! One file per page of the viewer: the article list, an article, an entity.

pub mod article;
pub mod entity;
pub mod list;
