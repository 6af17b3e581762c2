//! Lede: a news-article viewer. See the README for the format, the commands and the layout.
//!
//! - [`core`]: plain Rust, everywhere (the viewer, the corpus tool, host tests);
//! - `web`: browser services the components use (fetching, history, the console), wasm32 only;
//! - `app`: the Leptos components, on top of `core` and `web`, wasm32 only;
//! - `entry`: what mounts the viewer into a page (`[data-lede]`, `<lede-viewer>`), wasm32 only.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod entry;
#[cfg(target_arch = "wasm32")]
pub mod web;
