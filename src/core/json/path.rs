//! The JSON path (`articles[2].topics[0]`) of a position in a JSON text.
//!
//! serde_json reports where a document went wrong as a line and column. Publishers need the
//! path to fix a file, so this walks the text up to that position and keeps the stack of
//! containers it is in. Only [`crate::core::format::from_json`] uses it, for the serde types of
//! the corpus tool's own files; corpus files are read by [`crate::core::json::reader::Reader`], which
//! tracks the path as it goes.

/// The path of the value being read at byte `offset` of `text`. The document root is `""`.
pub fn path_at(text: &str, offset: usize) -> String {
    enum Frame {
        Object { key: Option<String> },
        Array { index: usize },
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // In an object, the next string is a key until its `:` is seen.
    let mut expecting_key = false;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        let raw = text.get(start..i.min(bytes.len())).unwrap_or_default();
                        *key = Some(unescape(raw));
                    }
                    expecting_key = false;
                }
            }
            b'{' => {
                stack.push(Frame::Object { key: None });
                expecting_key = true;
            }
            b'[' => stack.push(Frame::Array { index: 0 }),
            // An error reported right after a closing bracket (a missing field, a wrong
            // length) is about that container, which the parent's frame still names.
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key }) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&crate::core::text::quote::path_key(key));
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// The byte offset of a serde_json (line, column) position: lines from 1, columns counting
/// bytes from 1 within the line.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).min(text.len())
}

/// Keys are shown as written, with the common escapes decoded.
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of_error(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).unwrap() + marker.len())
    }

    #[test]
    fn nested_arrays_and_objects() {
        let text = r#"{"articles":[{"id":"a"},{"id":"b","topics":["x",3]}]}"#;
        assert_eq!(path_of_error(text, "\"x\",3"), "articles[1].topics[1]");
        assert_eq!(path_of_error(text, "{\"id\":\"a\""), "articles[0].id");
    }

    #[test]
    fn keys_inside_string_values_do_not_confuse_the_walk() {
        let text = r#"{"a":"x,y}]{\"q","b":[1,2]}"#;
        assert_eq!(path_of_error(text, "[1,2"), "b[1]");
    }

    #[test]
    fn position_right_after_a_closing_brace_is_that_object() {
        let text = r#"{"articles":[{"id":"a"}]}"#;
        assert_eq!(path_of_error(text, "\"a\"}"), "articles[0]");
    }

    #[test]
    fn line_and_column_map_to_bytes() {
        let text = "{\n  \"a\": 1,\n  \"b\": x\n}";
        let offset = offset_of(text, 3, 8);
        assert_eq!(&text[offset - 1..offset], "x");
        assert_eq!(path_at(text, offset), "b");
    }
}
