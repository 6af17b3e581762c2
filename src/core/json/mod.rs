//! JSON, the bottom floor with `text`: a strict reader that knows its path ([`reader`]), the
//! strings it can read without copying them ([`shared`]) and the path of a position in a text
//! ([`path`]), for serde's errors in the corpus tool. Nothing here
//! knows the Lede format; the format is built on top ([`crate::core::format`]).

mod fail;
pub mod path;
pub mod reader;
pub mod shared;

use std::fmt;

/// Why a text is not the JSON a reader expected: where (`articles[2].topics`, and the 1-based
/// line and byte column) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub path: String,
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let JsonError {
            path,
            message,
            line,
            column,
        } = self;
        if path.is_empty() || path == "." {
            write!(f, "{message} (line {line}, column {column})")
        } else {
            write!(f, "at {path}: {message} (line {line}, column {column})")
        }
    }
}
