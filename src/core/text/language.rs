//! Languages and writing direction, so each article is announced and laid out correctly.

/// Which way an article's script runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    /// The value for the HTML `dir` attribute.
    pub fn as_attr(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

// Primary language subtags whose usual script runs right to left.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "ha-arab", "he", "iw", "khw", "ks", "ku-arab", "ps", "sd",
    "syr", "ug", "ur", "yi",
];
// Script subtags that run right to left whatever the language.
const RTL_SCRIPTS: &[&str] = &["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"];

/// A language tag made safe for the `lang` attribute: `None` unless it looks like BCP 47
/// (ASCII letters, digits and hyphens, starting with a letter, at most 35 characters).
pub fn clean_language_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let ok = !tag.is_empty()
        && tag.len() <= 35
        && tag.as_bytes()[0].is_ascii_alphabetic()
        && tag
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()));
    ok.then(|| tag.to_string())
}

/// Whether two language tags name the same language (the same primary subtag, in any case):
/// `en-GB` and `EN` do, `zh-Hans` and `ja` do not.
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |tag: &str| {
        tag.trim()
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

/// The writing direction of a language tag; unknown or missing tags are left to right.
pub fn direction(tag: Option<&str>) -> Direction {
    let Some(tag) = tag.and_then(clean_language_tag) else {
        return Direction::LeftToRight;
    };
    let lower = tag.to_ascii_lowercase();
    let mut parts = lower.split('-');
    let primary = parts.next().unwrap_or_default();
    let script = lower
        .split('-')
        .skip(1)
        .find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()));
    if let Some(script) = script {
        return if RTL_SCRIPTS.contains(&script) {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        };
    }
    if RTL_LANGUAGES.contains(&primary) {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_language_compares_the_primary_subtag() {
        assert!(same_language("en-GB", "EN"));
        assert!(same_language("zh-Hans", "zh-Hant-TW"));
        assert!(!same_language("zh-Hans", "ja"));
        assert!(!same_language("", "en"));
    }

    #[test]
    fn arabic_hebrew_persian_are_rtl_with_or_without_region() {
        for tag in ["ar", "ar-IQ", "he", "fa-IR", "ur", "AR"] {
            assert_eq!(direction(Some(tag)), Direction::RightToLeft, "{tag}");
        }
    }

    #[test]
    fn latin_script_overrides_rtl_language() {
        assert_eq!(direction(Some("ku-Latn")), Direction::LeftToRight);
        assert_eq!(direction(Some("az-Arab")), Direction::RightToLeft);
    }

    #[test]
    fn missing_or_hostile_tags_fall_back_to_ltr_and_no_lang() {
        assert_eq!(direction(None), Direction::LeftToRight);
        assert_eq!(direction(Some("en\" onload=\"x")), Direction::LeftToRight);
        assert_eq!(clean_language_tag("en\" onload=\"x"), None);
        assert_eq!(clean_language_tag("-en"), None);
        assert_eq!(clean_language_tag("pt-BR").as_deref(), Some("pt-BR"));
    }
}
