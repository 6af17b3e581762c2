//! Entry points, the top of the viewer: what puts viewers into a page and what JavaScript may
//! call. `mount` fills every `[data-lede]` element (the standalone page, the iframe mode);
//! `embed` is the Rust half of `<lede-viewer>`; `bench` exports hooks for the benchmark harness,
//! compiled only with the `bench` feature so that no production build carries them.

#[cfg(feature = "bench")]
pub mod bench;
pub mod embed;
pub mod mount;
