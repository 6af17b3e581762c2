//! The reader's own settings, as Firefox Reader View has them: the size of the text and the
//! theme. (The reading time beside an article is `core::text::reading_time`.)
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
}
