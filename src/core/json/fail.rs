//! Where and why reading stopped, and how that becomes a [`JsonError`] with a path, a line and a
//! column.

use crate::core::json::JsonError;
use crate::core::text::quote::path_key;

/// Where reading stopped: a byte offset, a message and the path, innermost segment first.
pub(crate) struct Fail {
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
        Fail {
            at,
            message,
            path: Vec::new(),
        }
    }

    pub(super) fn within(mut self, segment: Segment) -> Fail {
        self.path.push(segment);
        self
    }

    /// The error as the format reports it: path, message, and a 1-based line and byte column.
    pub(crate) fn into_error(self, text: &str) -> JsonError {
        let mut path = String::new();
        for segment in self.path.iter().rev() {
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
        let before = &text.as_bytes()[..self.at.min(text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        JsonError {
            path,
            message: self.message,
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: before.len() - line_start + 1,
        }
    }
}
