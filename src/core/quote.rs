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

/// The characters that reorder the text around them (Unicode's Bidi_Control property).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::quoted;

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
