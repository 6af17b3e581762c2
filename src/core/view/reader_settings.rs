//! The reader's own settings, as Firefox Reader View has them: the size of the text, the theme,
//! and the reading time the viewer shows beside an article.
//!
//! The viewer keeps the settings on its root element (`data-text-size`, `data-theme`: the
//! stylesheet does the rest, "Reader settings" in `style/lede.css`) and, for the page's own
//! viewer, in `localStorage` under [`STORAGE_KEY`], written as [`ReaderSettings::to_stored`]
//! (`"2 sepia"`). Whatever is stored there is untrusted: anything this module does not
//! recognise reads as the default, never as an error.

/// The `localStorage` key.
pub const STORAGE_KEY: &str = "lede-reader";

/// How many text sizes there are; `1` is the default, `0` one step smaller.
pub const TEXT_SIZES: u8 = 4;

/// Words per minute for the reading time: a common figure for reading on screen.
pub const WORDS_PER_MINUTE: usize = 230;

/// Characters per minute for text written without spaces between words (Chinese, Japanese),
/// where words cannot be counted by spaces.
pub const CHARS_PER_MINUTE: usize = 500;

/// The colours the viewer is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// The page's or system's light or dark scheme.
    #[default]
    Auto,
    Light,
    Dark,
    /// Dark brown on cream, easier on some eyes for long reading.
    Sepia,
}

impl Theme {
    /// Every theme, in the order the controls list them.
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::Sepia];

    /// Its name in `data-theme` and in storage.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Sepia => "sepia",
        }
    }

    /// The theme named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Text size and theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderSettings {
    /// `0..TEXT_SIZES`.
    pub text_size: u8,
    pub theme: Theme,
}

impl Default for ReaderSettings {
    fn default() -> Self {
        ReaderSettings {
            text_size: 1,
            theme: Theme::Auto,
        }
    }
}

impl ReaderSettings {
    /// Reads what [`ReaderSettings::to_stored`] wrote; each part that is missing or not
    /// understood keeps its default.
    pub fn from_stored(stored: &str) -> ReaderSettings {
        let mut settings = ReaderSettings::default();
        let mut parts = stored.split(' ');
        if let Some(size) = parts.next().and_then(text_size) {
            settings.text_size = size;
        }
        if let Some(theme) = parts.next().and_then(Theme::from_name) {
            settings.theme = theme;
        }
        settings
    }

    /// As kept in storage: `"<size> <theme>"`.
    pub fn to_stored(self) -> String {
        format!("{} {}", self.text_size, self.theme.name())
    }

    /// These settings with one control changed: `name` is the control's (`text-size` or
    /// `theme`) and `value` its value; anything else changes nothing.
    pub fn with(self, name: &str, value: &str) -> ReaderSettings {
        let mut next = self;
        match name {
            "text-size" => {
                if let Some(size) = text_size(value) {
                    next.text_size = size;
                }
            }
            "theme" => {
                if let Some(theme) = Theme::from_name(value) {
                    next.theme = theme;
                }
            }
            _ => {}
        }
        next
    }
}

/// The text size written `value`: one digit below [`TEXT_SIZES`]. Read by hand, not with
/// `str::parse`, whose code for `u8` nothing else in the viewer links.
fn text_size(value: &str) -> Option<u8> {
    match value.as_bytes() {
        [digit @ b'0'..=b'9'] if digit - b'0' < TEXT_SIZES => Some(digit - b'0'),
        _ => None,
    }
}

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
    let per_minute_units = WORDS_PER_MINUTE * CHARS_PER_MINUTE;
    let units = words * CHARS_PER_MINUTE + dense * WORDS_PER_MINUTE;
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
    fn stored_settings_round_trip() {
        for size in 0..TEXT_SIZES {
            for theme in Theme::ALL {
                let settings = ReaderSettings {
                    text_size: size,
                    theme,
                };
                assert_eq!(ReaderSettings::from_stored(&settings.to_stored()), settings);
            }
        }
    }

    #[test]
    fn hostile_storage_reads_as_the_defaults() {
        let default = ReaderSettings::default();
        for stored in [
            "",
            "9 sepia",
            "-1 dark",
            "x",
            "1 neon",
            "1",
            "🙂 🙂",
            &"9".repeat(10_000),
        ] {
            let read = ReaderSettings::from_stored(stored);
            assert!(read.text_size < TEXT_SIZES, "{stored}");
            if !stored.starts_with('1') {
                assert_eq!(read.text_size, default.text_size, "{stored}");
            }
        }
        assert_eq!(ReaderSettings::from_stored("9 sepia").theme, Theme::Sepia);
        assert_eq!(ReaderSettings::from_stored("1 neon").theme, Theme::Auto);
    }

    #[test]
    fn a_control_changes_only_its_setting_and_only_to_a_known_value() {
        let start = ReaderSettings::default();
        assert_eq!(start.with("text-size", "3").text_size, 3);
        assert_eq!(start.with("text-size", "4"), start);
        assert_eq!(start.with("theme", "sepia").theme, Theme::Sepia);
        assert_eq!(start.with("theme", "neon"), start);
        assert_eq!(start.with("other", "3"), start);
    }

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
