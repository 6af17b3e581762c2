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
    let (mut words, mut dense) = (0_usize, 0_usize);
    for text in paragraphs {
        let mut in_word = false;
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
    }
    // Minutes as a whole number, rounded up, without floating point (README, "Size").
    // Saturating: a body of billions of words (a 32-bit `usize` in wasm) must not wrap.
    let per_minute_units = WORDS_PER_MINUTE * CHARS_PER_MINUTE;
    let units = (words.saturating_mul(CHARS_PER_MINUTE))
        .saturating_add(dense.saturating_mul(WORDS_PER_MINUTE));
    units.div_ceil(per_minute_units).max(1)
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
}
