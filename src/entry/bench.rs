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
