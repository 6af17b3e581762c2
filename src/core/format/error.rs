//! Why a file could not be read as the Lede format, and the version this build reads.

use crate::core::json::JsonError;
use serde::Deserialize;
use std::fmt;

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Why a file could not be read as the Lede format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON at all, or JSON of the wrong shape. `path` is where it went wrong
    /// (`articles[2].topics`); `line`/`column` point into the file.
    Json {
        path: String,
        message: String,
        line: usize,
        column: usize,
    },
    /// A `version` this build does not read.
    Version { found: u32 },
    /// Well-formed JSON that breaks a rule of the format (a duplicate id, a bad date).
    Invalid { path: String, message: String },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Json {
                path,
                message,
                line,
                column,
            } => JsonError {
                path: path.clone(),
                message: message.clone(),
                line: *line,
                column: *column,
            }
            .fmt(f),
            FormatError::Version { found } => write!(
                f,
                "format version {found} is not supported (this viewer reads version {FORMAT_VERSION})"
            ),
            FormatError::Invalid { path, message } => write!(f, "at {path}: {message}"),
        }
    }
}

impl std::error::Error for FormatError {}

impl From<JsonError> for FormatError {
    fn from(e: JsonError) -> Self {
        FormatError::Json {
            path: e.path,
            message: e.message,
            line: e.line,
            column: e.column,
        }
    }
}

/// Reads JSON into any serde type `T`, reporting the path of the first value that does not fit
/// in the same [`FormatError`] shape as the format's own readers (serde's wording). For the
/// corpus tool's own files; the viewer does not use it, so it costs the wasm binary nothing.
pub fn from_json<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, FormatError> {
    serde_json::from_str(text).map_err(|error| {
        let (line, column) = (error.line(), error.column());
        let path = crate::core::json::path::path_at(
            text,
            crate::core::json::path::offset_of(text, line, column),
        );
        FormatError::Json {
            path,
            message: strip_position(&error.to_string()),
            line,
            column,
        }
    })
}

/// serde_json appends " at line L column C" to its messages; we report those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}
