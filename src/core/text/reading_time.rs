//! How long an article takes to read, in whole minutes: shown beside an article and on its
//! card (the corpus tool writes it into the index, `reading_minutes`, so that a list need not
//! fetch the articles).

/// Words per minute for the reading time: a common figure for reading on screen.
pub const WORDS_PER_MINUTE: usize = 230;

/// Characters per minute for text written without spaces between words (Chinese, Japanese),
/// where words cannot be counted by spaces.
pub const CHARS_PER_MINUTE: usize = 500;

/// Minutes to read `paragraphs`, at least 1: words counted by spaces, and each character of a
/// script written without spaces (Han, Hiragana, Katakana, Hangul syllables) counted as
/// `WORDS_PER_MINUTE / CHARS_PER_MINUTE` of a word. One pass over the text.
pub fn reading_minutes<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> usize {
    let (words, dense) = words_and_dense(paragraphs);
    // Minutes as a whole number, rounded up, without floating point (README, "Size").
    // Saturating: a body of billions of words (a 32-bit `usize` in wasm) must not wrap.
    let per_minute_units = WORDS_PER_MINUTE * CHARS_PER_MINUTE;
    let units = (words.saturating_mul(CHARS_PER_MINUTE))
        .saturating_add(dense.saturating_mul(WORDS_PER_MINUTE));
    units.div_ceil(per_minute_units).max(1)
}

/// An index's `reading_minutes` as the viewer shows it, on a card and on the article's page
/// alike: at least a minute, as a count of the body gives (an index may say 0).
pub fn indexed_minutes(minutes: u32) -> usize {
    (minutes as usize).max(1)
}

/// The words (runs of characters between white space and dense characters) and the dense
/// characters of `paragraphs`.
fn words_and_dense<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> (usize, usize) {
    let (mut words, mut dense) = (0_usize, 0_usize);
    for text in paragraphs {
        let mut in_word = false;
        // By bytes, an ASCII one read as it is: `chars()` and `char::is_whitespace` were calls of
        // their own for every character in the wasm, 4 ms of the benchmark's long article
        // (70,000 characters) at 4x CPU.
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let (space, dense_char) = if byte.is_ascii() {
                at += 1;
                (matches!(byte, b'\t'..=b'\r' | b' '), false)
            } else {
                // `at` is always a character's first byte.
                let c = text[at..].chars().next().unwrap_or(' ');
                at += c.len_utf8();
                (c.is_whitespace(), is_dense(c))
            };
            if dense_char {
                dense += 1;
                in_word = false;
            } else if space {
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += 1;
            }
        }
    }
    (words, dense)
}

/// A character of a script written without spaces between words.
fn is_dense(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_counts_words_and_dense_scripts() {
        assert_eq!(reading_minutes([]), 1);
        assert_eq!(reading_minutes(["one two three"]), 1);
        let words = vec!["word"; 231].join(" ");
        assert_eq!(
            reading_minutes([words.as_str()]),
            2,
            "231 words are more than a minute"
        );
        let exact = vec!["word"; 460].join(" ");
        assert_eq!(reading_minutes([exact.as_str()]), 2);
        // 1,000 Han characters at 500 a minute.
        let han = "中".repeat(1000);
        assert_eq!(reading_minutes([han.as_str()]), 2);
        // Mixed: "Lede 新闻" is one word and two dense characters.
        assert_eq!(reading_minutes(["Lede 新闻"]), 1);
    }

    #[test]
    fn an_index_saying_zero_minutes_shows_one_as_a_count_would() {
        assert_eq!(indexed_minutes(0), reading_minutes([]));
        assert_eq!(indexed_minutes(1), 1);
        assert_eq!(indexed_minutes(43), 43);
    }

    #[test]
    fn bytes_read_as_ascii_count_as_the_characters_would() {
        // The count reads ASCII bytes as they are and decodes the rest: every kind of white
        // space (ASCII's six, and U+0085, U+00A0, U+2003 and U+3000 beyond it), dense and
        // accented characters next to ASCII ones must count as `chars()` counts them.
        let by_chars = |text: &str| {
            let (mut words, mut dense, mut in_word) = (0, 0, false);
            for c in text.chars() {
                if is_dense(c) {
                    dense += 1;
                    in_word = false;
                } else if c.is_whitespace() {
                    in_word = false;
                } else if !in_word {
                    in_word = true;
                    words += 1;
                }
            }
            (words, dense)
        };
        for text in [
            "one\ttwo\nthree\u{b}four\u{c}five\rsix seven",
            "a\u{85}b\u{a0}c\u{2003}d\u{3000}e",
            "Zoë’s café—in São Paulo 新闻Lede中a 👋🏽b",
            "",
            "   ",
            "\u{a0}ünïcödé\u{a0}",
        ] {
            assert_eq!(words_and_dense([text]), by_chars(text), "{text:?}");
        }
    }
}
