//! Lede: a news-article viewer. See the README for the format, the commands and the layout.
//!
//! - [`core`]: plain Rust, everywhere (the viewer, the corpus tool, host tests);
//! - `web`: browser services the components use (fetching, history, the console), wasm32 only;
//! - `app`: the Leptos components, on top of `core` and `web`, wasm32 only;
//! - `entry`: what mounts the viewer into a page (`[data-lede]`, `<lede-viewer>`), wasm32 only.
//!
//! `app`, `web` and `entry` are the `viewer` feature (default); the search worker
//! (`src/bin/lede-search.rs`) is built without it and links only `core`.

pub mod core;

#[cfg(all(target_arch = "wasm32", feature = "viewer"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "viewer"))]
pub mod entry;
#[cfg(all(target_arch = "wasm32", feature = "viewer"))]
pub mod web;
