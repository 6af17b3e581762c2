//! How a viewer presents its list inside someone else's page: the widget attributes of
//! `<lede-viewer>` (`heading`, `controls`, `limit`, `more-href`, `layout`, `lang`) and of a
//! `[data-lede]` element (the same names with `data-`). Unlike the corpus and the URL mode they
//! change live: the element re-reads them on every attribute change.
//!
//! ```html
//! <lede-viewer heading="h3" controls="none" limit="5" more-href="/news/" layout="compact">
//! ```

use crate::core::text::language::clean_language_tag;
use crate::core::text::url_safety::safe_url;

/// The heading above the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    /// No heading: the host page's own heading introduces the widget.
    Hidden,
    /// A heading of this level (1 to 3), with the host's text or, when `None`, the corpus title.
    Shown { level: u8, text: Option<String> },
}

/// How the list's articles are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListLayout {
    /// Headline, standfirst, date, topics and thumbnail: the standalone page.
    #[default]
    Cards,
    /// Headline and date only, for sidebars and narrow columns.
    Compact,
}

/// A viewer's presentation. `Default` is the standalone page: the corpus title as an `h1`, the
/// topic filter, "Show more" without end, cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    pub heading: Heading,
    /// Whether the topic filter is shown (`controls="topics"`, the default, or `"none"`).
    pub topic_controls: bool,
    /// Whether the list has a search box (`search="off"` or `"none"` removes it; it shows only
    /// when the corpus has a search index).
    pub search: bool,
    /// At most this many articles, then a "More" link instead of "Show more".
    pub limit: Option<usize>,
    /// Where "More" leads when `limit` cuts the list: an `http:`, `https:` or relative URL (any
    /// other is dropped, as everywhere in Lede). Without it the list keeps its "Show more".
    pub more_href: Option<String>,
    pub layout: ListLayout,
    /// The language of the viewer's own words (`lang="fr"`), a clean BCP 47 tag; `None` is
    /// English, which is built in (see [`strings_path`]).
    pub lang: Option<String>,
}

impl Default for Presentation {
    fn default() -> Self {
        Presentation {
            heading: Heading::Shown {
                level: 1,
                text: None,
            },
            topic_controls: true,
            search: true,
            limit: None,
            more_href: None,
            layout: ListLayout::Cards,
            lang: None,
        }
    }
}

/// The largest `limit` honoured: a widget is a handful of headlines; a larger number is the
/// full list, which "Show more" already pages.
pub const MAX_LIMIT: usize = 100;

impl Presentation {
    /// Reads the widget attributes through `attribute(name)` (`heading`, not `data-heading`:
    /// the caller adds its prefix). `embedded` viewers default to an `h2`, under the host's own
    /// `h1`. Unknown values fall back to the default, never to an error: a typo in a host page
    /// must not blank the widget.
    pub fn read(attribute: &dyn Fn(&str) -> Option<String>, embedded: bool) -> Presentation {
        let value = |name: &str| {
            attribute(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let default_level = if embedded { 2 } else { 1 };
        let heading = match value("heading") {
            None => Heading::Shown {
                level: default_level,
                text: None,
            },
            Some(v) => match v.to_ascii_lowercase().as_str() {
                "none" | "off" => Heading::Hidden,
                "h1" => Heading::Shown {
                    level: 1,
                    text: None,
                },
                "h2" => Heading::Shown {
                    level: 2,
                    text: None,
                },
                "h3" => Heading::Shown {
                    level: 3,
                    text: None,
                },
                _ => Heading::Shown {
                    level: default_level,
                    text: Some(v),
                },
            },
        };
        let topic_controls = !matches!(
            value("controls").map(|v| v.to_ascii_lowercase()).as_deref(),
            Some("none" | "off")
        );
        let search = !matches!(
            value("search").map(|v| v.to_ascii_lowercase()).as_deref(),
            Some("none" | "off" | "false")
        );
        let limit = value("limit")
            .and_then(|v| small_number(&v))
            .filter(|&n| n > 0);
        let more_href = value("more-href").and_then(|v| safe_url(&v));
        let layout = match value("layout").map(|v| v.to_ascii_lowercase()).as_deref() {
            Some("compact") => ListLayout::Compact,
            _ => ListLayout::Cards,
        };
        let lang = value("lang").and_then(|v| clean_language_tag(&v));
        Presentation {
            heading,
            topic_controls,
            search,
            limit,
            more_href,
            layout,
            lang,
        }
    }
}

/// The languages whose strings files ship with the viewer (`strings/`), besides English.
pub const SHIPPED_LANGUAGES: &[&str] = &["fr", "de", "es"];

/// The interface's language a viewer takes from the page around it (`<html lang="fr">`, or a
/// `lang` on an ancestor) when it is not given one: that language if its words ship with the
/// viewer, else English (`None`). An explicit `lang` may name any language (a publisher can add
/// a strings file); an inherited one never makes the viewer fetch a file that is not there.
pub fn inherited_ui_lang(page_lang: Option<&str>) -> Option<String> {
    let tag = clean_language_tag(page_lang?)?;
    let primary = tag.split('-').next()?.to_ascii_lowercase();
    SHIPPED_LANGUAGES.contains(&primary.as_str()).then_some(tag)
}

/// Where the words of UI language `lang` are, relative to the viewer's own files:
/// `strings/fr.json` for `fr`, `fr-CA` or `FR` (one file per primary language subtag, in lower
/// case: regional variants share it). `None` for English, which is built in.
pub fn strings_path(lang: &str) -> Option<String> {
    let primary = lang.split('-').next()?.to_ascii_lowercase();
    let ok = !primary.is_empty() && primary.bytes().all(|b| b.is_ascii_alphabetic());
    (ok && primary != "en").then(|| format!("strings/{primary}.json"))
}

/// A decimal number of at most [`MAX_LIMIT`] (larger ones are [`MAX_LIMIT`]), without `str::parse`
/// and its error machinery, which the viewer does not otherwise link.
fn small_number(text: &str) -> Option<usize> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.bytes().fold(0usize, |n, b| {
        (n * 10 + usize::from(b - b'0')).min(MAX_LIMIT)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_language_is_taken_only_when_its_words_ship() {
        assert_eq!(inherited_ui_lang(Some("fr-BE")).as_deref(), Some("fr-BE"));
        assert_eq!(inherited_ui_lang(Some("DE")).as_deref(), Some("DE"));
        assert_eq!(inherited_ui_lang(Some("en")), None);
        assert_eq!(
            inherited_ui_lang(Some("cs")),
            None,
            "no file for Czech: English, no fetch"
        );
        assert_eq!(inherited_ui_lang(Some("")), None);
        assert_eq!(inherited_ui_lang(None), None);
    }

    #[test]
    fn a_ui_language_names_one_file_per_primary_subtag_and_english_none() {
        assert_eq!(strings_path("fr").as_deref(), Some("strings/fr.json"));
        assert_eq!(strings_path("FR-ca").as_deref(), Some("strings/fr.json"));
        assert_eq!(strings_path("en"), None);
        assert_eq!(strings_path("en-GB"), None);
        assert_eq!(strings_path("x1"), None);
        assert_eq!(
            read(&[("lang", " de-AT ")], true).lang.as_deref(),
            Some("de-AT")
        );
        // Only a language tag reaches a file name and the `lang` attribute.
        assert_eq!(read(&[("lang", "fr/x")], true).lang, None);
    }

    fn read(pairs: &[(&str, &str)], embedded: bool) -> Presentation {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Presentation::read(
            &|name| {
                pairs
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            },
            embedded,
        )
    }

    #[test]
    fn no_attributes_is_the_standalone_page_or_an_h2_when_embedded() {
        assert_eq!(read(&[], false), Presentation::default());
        assert_eq!(
            read(&[], true).heading,
            Heading::Shown {
                level: 2,
                text: None
            }
        );
    }

    #[test]
    fn heading_takes_none_a_level_or_a_text() {
        assert_eq!(read(&[("heading", "none")], true).heading, Heading::Hidden);
        assert_eq!(
            read(&[("heading", " H3 ")], true).heading,
            Heading::Shown {
                level: 3,
                text: None
            }
        );
        assert_eq!(
            read(&[("heading", "Latest from Iraq")], true).heading,
            Heading::Shown {
                level: 2,
                text: Some("Latest from Iraq".into())
            }
        );
    }

    #[test]
    fn limit_is_a_positive_number_bounded_and_more_href_a_safe_url() {
        assert_eq!(read(&[("limit", "5")], true).limit, Some(5));
        assert_eq!(read(&[("limit", "0")], true).limit, None);
        assert_eq!(read(&[("limit", "-3")], true).limit, None);
        assert_eq!(read(&[("limit", "many")], true).limit, None);
        assert_eq!(read(&[("limit", "99999999")], true).limit, Some(MAX_LIMIT));
        assert_eq!(
            read(&[("more-href", "/news/")], true).more_href.as_deref(),
            Some("/news/")
        );
        assert_eq!(
            read(&[("more-href", "javascript:alert(1)")], true).more_href,
            None
        );
    }

    #[test]
    fn typos_fall_back_to_the_defaults() {
        let p = read(&[("controls", "topcis"), ("layout", "grid")], true);
        assert!(p.topic_controls);
        assert_eq!(p.layout, ListLayout::Cards);
        let p = read(&[("controls", "none"), ("layout", "Compact")], true);
        assert!(!p.topic_controls);
        assert_eq!(p.layout, ListLayout::Compact);
    }

    #[test]
    fn search_is_on_unless_switched_off() {
        assert!(read(&[], true).search);
        assert!(read(&[("search", "")], true).search);
        assert!(read(&[("search", "on")], false).search);
        assert!(!read(&[("search", " OFF ")], true).search);
        assert!(!read(&[("search", "none")], false).search);
        assert!(!read(&[("search", "false")], true).search);
    }
}
