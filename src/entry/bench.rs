//! Hooks for the benchmark harness (`bench/`): exported so that it can time the viewer's own
//! decoding of an index against `JSON.parse` of the same text, in the same page.

use crate::core::format::CorpusIndex;
use wasm_bindgen::prelude::*;

/// Decodes and validates a corpus index exactly as the viewer does; returns its article count
/// or throws the error message.
#[wasm_bindgen(js_name = decodeIndex)]
pub fn decode_index(text: &str) -> Result<u32, JsError> {
    CorpusIndex::from_json(text)
        .map(|index| index.articles.len() as u32)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// [`decode_index`] from the file's UTF-8 bytes, as the viewer itself reads its index
/// (`web::fetch::load_index`): no JavaScript string, no transcoding into wasm memory, one copy
/// of the bytes (wasm-bindgen's, as gloo-net's `Response::binary` makes).
#[wasm_bindgen(js_name = decodeIndexBytes)]
pub fn decode_index_bytes(bytes: Vec<u8>) -> Result<u32, JsError> {
    CorpusIndex::from_bytes(bytes)
        .map(|index| index.articles.len() as u32)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The bytes of the wasm's linear memory: how far the viewer's heap has grown. (The glue's
/// `memory` export has a short name in a release build, `scripts/short-imports.mjs`, so the
/// harness asks here rather than reading an export by name.)
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> u32 {
    (core::arch::wasm32::memory_size::<0>() * 65_536) as u32
}
