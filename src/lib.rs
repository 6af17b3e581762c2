//! Lede: a news-article viewer. See the README for the format, the commands and the layout.
//!
//! - [`core`]: plain Rust, everywhere (the viewer, the corpus tool, host tests);
//! - `app`: the Leptos components, wasm32 only;
//! - `web`: what touches the browser (fetching, history, mounting), wasm32 only.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod web;
