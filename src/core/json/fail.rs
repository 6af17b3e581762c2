//! Where and why reading stopped, and how that becomes a [`JsonError`] with a path, a line and a
//! column.

use crate::core::json::JsonError;
use crate::core::text::quote::path_key;

/// Where reading stopped: a byte offset, a message and the path, innermost segment first.
/// Boxed, so that a [`Read`] is no wider than its value: every `?` of the readers passes one
/// pointer up instead of seven words, which is both smaller code and faster on the good path.
pub(crate) struct Fail(Box<Failure>);

struct Failure {
    at: usize,
    message: String,
    path: Vec<Segment>,
}

pub(super) enum Segment {
    Key(String),
    Index(usize),
}

pub(crate) type Read<T> = Result<T, Fail>;

impl Fail {
    pub(crate) fn new(at: usize, message: String) -> Fail {
        Fail(Box::new(Failure {
            at,
            message,
            path: Vec::new(),
        }))
    }

    pub(super) fn within(mut self, segment: Segment) -> Fail {
        self.0.path.push(segment);
        self
    }

    /// The error as the format reports it: path, message, and a 1-based line and byte column.
    pub(crate) fn into_error(self, text: &str) -> JsonError {
        let Failure {
            at,
            message,
            path: segments,
        } = *self.0;
        let mut path = String::new();
        for segment in segments.iter().rev() {
            match segment {
                Segment::Key(key) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&path_key(key));
                }
                Segment::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        let before = &text.as_bytes()[..at.min(text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        JsonError {
            path,
            message,
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: before.len() - line_start + 1,
        }
    }
}
