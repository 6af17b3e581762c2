//! A cleaned article page plus its metadata, as in mozilla/readability's test pages:
//! `expected.html` (the article markup) and `expected-metadata.json` (`title`, `byline`,
//! `excerpt`, `lang`, `siteName`, `publishedTime`).

use crate::html::{self, FoundImage};
use lede::core::format::{Article, LeadImage, Paragraph, FORMAT_VERSION};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Metadata {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    byline: Option<String>,
    #[serde(default)]
    excerpt: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    site_name: Option<String>,
    #[serde(default)]
    published_time: Option<String>,
}

/// The article, plus every usable picture of the page (the caller picks the lead one).
pub struct Imported {
    pub article: Article,
    pub images: Vec<FoundImage>,
}

/// Reads the page. A missing or unreadable `publishedTime` leaves `published` empty: the
/// caller must supply a date (and say where it comes from).
pub fn import(id: &str, page: &str, metadata: &str) -> Result<Imported, String> {
    let meta: Metadata =
        lede::core::format::from_json(metadata).map_err(|e| format!("metadata: {e}"))?;
    let extracted = html::extract(page);
    if extracted.paragraphs.is_empty() {
        return Err("the page has no paragraphs of text".into());
    }
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(|s| html::collapse(&html::decode_entities(s)))
            .filter(|s| !s.is_empty())
    };
    let published = meta
        .published_time
        .as_deref()
        .and_then(normalise_timestamp)
        .unwrap_or_default();
    let article = Article {
        version: FORMAT_VERSION,
        id: id.to_string(),
        headline: clean(&meta.title).ok_or("the metadata has no title")?,
        standfirst: clean(&meta.excerpt),
        byline: clean(&meta.byline),
        published,
        language: clean(&meta.lang),
        source_name: clean(&meta.site_name),
        image: extracted.images.first().map(lead_image),
        body: extracted
            .paragraphs
            .into_iter()
            .map(|text| Paragraph {
                text,
                mentions: None,
            })
            .collect(),
        ..Default::default()
    };
    Ok(Imported {
        article,
        images: extracted.images,
    })
}

/// The lead picture from a found one: alt text falls back to the caption.
pub fn lead_image(found: &FoundImage) -> LeadImage {
    LeadImage {
        url: found.src.clone(),
        alt: if found.alt.is_empty() {
            found.caption.clone().unwrap_or_default()
        } else {
            found.alt.clone()
        },
        caption: found.caption.clone(),
        credit: found.credit.clone(),
        width: found.width,
        height: found.height,
    }
}

/// Accepts what pages write (`2015-07-24T05:36:09+01:00`, `2019-04-28 06:01:07`,
/// `2021-11-01T10:52:50+0100`) and returns the ISO 8601 form the format reads.
pub fn normalise_timestamp(raw: &str) -> Option<String> {
    let candidate = raw.trim().replacen(' ', "T", 1);
    lede::core::text::dates::parse_timestamp(&candidate).map(|_| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_and_metadata() {
        let meta = r#"{"title": "T &amp; U", "byline": null, "lang": "fr", "siteName": "S",
                       "publishedTime": "2019-04-28 06:01:07", "excerpt": "E"}"#;
        let got = import("x", "<p>One</p><p>Two</p>", meta).unwrap();
        let a = got.article;
        assert_eq!(a.headline, "T & U");
        assert_eq!(a.published, "2019-04-28T06:01:07");
        assert_eq!(a.language.as_deref(), Some("fr"));
        assert_eq!(a.body.len(), 2);
        assert!(a.byline.is_none());
    }

    #[test]
    fn bad_metadata_names_the_path() {
        let err = import("x", "<p>a</p>", r#"{"title": 3}"#).err().unwrap();
        assert!(err.contains("title"), "{err}");
        assert!(import("x", "", r#"{"title": "t"}"#).is_err());
    }
}
