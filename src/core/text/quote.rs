//! Untrusted strings inside messages, quoted so that a reader sees where they start and end, and
//! a newline, control character or bidirectional override in them cannot forge or reorder the
//! rest of the message.
//!
//! Not `format!("{text:?}")`: the release wasm is built with `-Zfmt-debug=none`, under which `{:?}`
//! writes nothing at all (see scripts/build). Nor `str::escape_debug`, whose test for printable
//! characters links 4 kB of Unicode tables into the wasm; only the characters that can do harm in
//! a message are escaped here, so letters of every script stay readable.

use std::fmt::Write;

/// `text` in double quotes, with `"` and `\` escaped, the common control characters as `\n`,
/// `\r`, `\t`, and other control and bidirectional-formatting characters as `\u{…}`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_bidi_control(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The most characters of an untrusted value a message repeats (see [`quoted_short`]).
pub const SHOWN_CHARS: usize = 60;

/// [`quoted`], cut after [`SHOWN_CHARS`] characters (on a character boundary) with an
/// ellipsis: enough to recognise the value, and a 5 MB value still gives a short message.
pub fn quoted_short(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => {
            let mut out = quoted(&text[..cut]);
            out.insert(out.len() - 1, '…');
            out
        }
        None => quoted(text),
    }
}

/// A key of a JSON path as it is shown: as written when it is a plain name (`articles`,
/// `source_url`, `middle-east`), otherwise [`quoted_short`], so that a newline or a
/// bidirectional override in a key cannot reach a message raw.
pub fn path_key(key: &str) -> String {
    let plain = !key.is_empty()
        && key.len() <= SHOWN_CHARS
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'));
    if plain {
        key.to_string()
    } else {
        quoted_short(key)
    }
}

/// The characters that reorder the text around them (Unicode's Bidi_Control property).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_in_any_script_is_quoted_as_debug_would() {
        for text in ["", "plain", "it's", "naïve 東京 مرحبا", "café"] {
            assert_eq!(quoted(text), format!("{text:?}"), "{text:?}");
        }
    }

    #[test]
    fn quotes_backslashes_and_controls_are_escaped_as_debug_would() {
        for text in [
            "say \"hi\"",
            "back\\slash",
            "line\nbreak\ttab\r",
            "\u{7f}\u{1b}[31m",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"), "{text:?}");
        }
    }

    #[test]
    fn long_values_are_cut_on_a_character_boundary() {
        assert_eq!(quoted_short("short"), "\"short\"");
        let cut = quoted_short(&"é".repeat(100));
        assert_eq!(cut, format!("\"{}…\"", "é".repeat(SHOWN_CHARS)));
        assert_eq!(
            quoted_short(&"x".repeat(SHOWN_CHARS)),
            quoted(&"x".repeat(SHOWN_CHARS))
        );
    }

    #[test]
    fn plain_path_keys_stay_as_written_and_others_are_quoted() {
        assert_eq!(path_key("source_url"), "source_url");
        assert_eq!(path_key("middle-east"), "middle-east");
        assert_eq!(path_key("a b"), "\"a b\"");
        assert_eq!(path_key(""), "\"\"");
        assert_eq!(path_key("x\n\u{202e}"), "\"x\\n\\u{202e}\"");
    }

    #[test]
    fn nul_is_a_code_point_escape() {
        assert_eq!(quoted("a\u{0}b"), "\"a\\u{0}b\"");
    }

    #[test]
    fn a_newline_in_an_id_cannot_start_a_new_line_of_the_message() {
        assert!(!quoted("x\nERROR: forged").contains('\n'));
    }

    #[test]
    fn a_right_to_left_override_cannot_reverse_the_rest_of_the_message() {
        assert_eq!(quoted("gpj.\u{202e}exe"), "\"gpj.\\u{202e}exe\"");
        assert_eq!(quoted("\u{2067}x\u{2069}"), "\"\\u{2067}x\\u{2069}\"");
    }
}
