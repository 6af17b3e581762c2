//! Everything that can go wrong while loading a corpus file, as values the viewer shows.

use crate::core::format::FormatError;
use crate::core::text::quote::quoted_short;
use crate::core::text::ui_text::UiText;
use std::fmt;

/// Why a file of the corpus could not be shown. Every variant names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request did not complete: offline, DNS, CORS, connection reset.
    Network { url: String, message: String },
    /// The request took longer than the viewer waits.
    Timeout { url: String, seconds: u32 },
    /// The server answered with an error status.
    Http { url: String, status: u16 },
    /// The file arrived but is not a valid Lede file.
    Format { url: String, error: FormatError },
    /// A URL in the corpus was refused (not http, https or relative).
    UnsafeUrl { url: String },
}

impl LoadError {
    /// The file the error is about.
    pub fn url(&self) -> &str {
        match self {
            LoadError::Network { url, .. }
            | LoadError::Timeout { url, .. }
            | LoadError::Http { url, .. }
            | LoadError::Format { url, .. }
            | LoadError::UnsafeUrl { url } => url,
        }
    }

    /// A short headline for the error panel, in the viewer's words.
    pub fn title(&self) -> UiText {
        match self {
            LoadError::Network { .. } => UiText::ErrorNetwork,
            LoadError::Timeout { .. } => UiText::ErrorTimeout,
            LoadError::Http { status: 404, .. } => UiText::ErrorNotFound,
            LoadError::Http { .. } => UiText::ErrorServer,
            LoadError::Format { .. } => UiText::ErrorFormat,
            LoadError::UnsafeUrl { .. } => UiText::ErrorUnsafeUrl,
        }
    }

    /// What the reader can do about it, in the viewer's words: check the connection (the
    /// network, a timeout), wait (the server failed), or nothing but tell the publisher (the file
    /// is missing, broken or points somewhere unsafe).
    pub fn advice(&self) -> UiText {
        match self {
            LoadError::Network { .. } | LoadError::Timeout { .. } => UiText::CheckConnection,
            LoadError::Http { status: 404, .. } => UiText::FileMissingAdvice,
            LoadError::Http { .. } => UiText::ServerAdvice,
            LoadError::Format { .. } | LoadError::UnsafeUrl { .. } => UiText::PublisherMustFix,
        }
    }

    /// Whether trying again might help (a malformed file stays malformed, but the publisher may
    /// be fixing it, so every error offers a retry; this only orders the advice).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            LoadError::Network { .. } | LoadError::Timeout { .. } | LoadError::Http { .. }
        )
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { url, message } => write!(f, "{url}: network error: {message}"),
            LoadError::Timeout { url, seconds } => {
                write!(f, "{url}: no answer after {seconds} seconds")
            }
            LoadError::Http { url, status } => write!(f, "{url}: HTTP status {status}"),
            LoadError::Format { url, error } => write!(f, "{url}: {error}"),
            LoadError::UnsafeUrl { url } => write!(
                f,
                "{} is not an http, https or relative URL, so it was not followed",
                quoted_short(url)
            ),
        }
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_errors_name_the_file_and_the_json_path() {
        let error = LoadError::Format {
            url: "corpus/articles/a.json".into(),
            error: FormatError::Invalid {
                path: "body[2].text".into(),
                message: "expected a string".into(),
            },
        };
        assert_eq!(
            error.to_string(),
            "corpus/articles/a.json: at body[2].text: expected a string"
        );
        assert!(!error.is_transient());
    }
}
