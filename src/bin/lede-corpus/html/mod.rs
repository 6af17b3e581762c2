//! A small, tolerant HTML reader: enough to turn a cleaned news page (readability's
//! `expected.html`, a ninjs HTML body) into paragraphs and a lead picture.
//!
//! It is not a browser. It splits the markup into tags and text, decodes character
//! references, treats block elements as paragraph breaks and drops what is not article text
//! (`<head>`, `<script>`, `<style>`, `<figure>` contents other than the caption, `<h1>` which
//! repeats the headline). Malformed markup never fails: unknown or unclosed tags are ignored.

mod entities;
mod tokens;

pub use entities::decode_entities;
use tokens::{tokenize, Token};

/// Elements whose start or end closes the current paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose whole content is not article text.
const SKIPPED: &[&str] = &[
    "button", "canvas", "form", "h1", "head", "iframe", "noscript", "object", "script", "select",
    "style", "svg", "template", "textarea", "title", "video", "audio",
];

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// A picture found in the markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoundImage {
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// The figure's caption, without its credit.
    pub caption: Option<String>,
    /// A credit found in the figure (`<span class="credit">`, `itemprop="copyrightHolder"`,
    /// `<div class="byline">`) or in the image's `data-…-credit` attribute.
    pub credit: Option<String>,
}

/// What [`extract`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    pub paragraphs: Vec<String>,
    /// Every usable picture, in document order (`http:`/`https:` sources only).
    pub images: Vec<FoundImage>,
}

/// Splits HTML into paragraphs of plain text and the pictures it shows.
pub fn extract(html: &str) -> Extracted {
    let tokens = tokenize(html);
    let mut out = Extracted::default();
    let mut paragraph = String::new();
    // Depth inside elements whose text is dropped.
    let mut skip_depth: Vec<String> = Vec::new();
    // Inside a <figure>: its picture, its caption text and its credit text.
    let mut figure: Option<FigureState> = None;
    // Inside an element that holds a credit (inside a figure).
    let mut credit_depth: Vec<String> = Vec::new();

    for token in tokens {
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                if !skip_depth.is_empty() {
                    if !self_closing && !VOID.contains(&name.as_str()) && name == skip_depth[0] {
                        skip_depth.push(name);
                    }
                    continue;
                }
                if SKIPPED.contains(&name.as_str()) && !self_closing {
                    flush(&mut paragraph, &mut out.paragraphs);
                    skip_depth.push(name);
                    continue;
                }
                if name == "img" {
                    if let Some(image) = image_from(&attrs) {
                        match &mut figure {
                            Some(f) if f.image.is_none() => f.image = Some(image),
                            Some(_) => {}
                            None => out.images.push(image),
                        }
                    }
                    continue;
                }
                if name == "br" {
                    paragraph.push(' ');
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    flush(&mut paragraph, &mut out.paragraphs);
                }
                if name == "figure" && !self_closing {
                    figure = Some(FigureState::default());
                    continue;
                }
                if let Some(f) = &mut figure {
                    if name == "figcaption" {
                        f.in_caption = true;
                    }
                    let holds_credit = attrs.iter().any(|(k, v)| {
                        (k == "class"
                            && v.split_whitespace().any(|c| {
                                let c = c.to_ascii_lowercase();
                                c.contains("credit") || c == "byline"
                            }))
                            || (k == "itemprop" && v == "copyrightHolder")
                    });
                    // Track the outermost credit element, and nested elements of its name, so
                    // that its end tag is recognised.
                    let opens = !self_closing && !VOID.contains(&name.as_str());
                    let starts_credit = credit_depth.is_empty() && holds_credit;
                    let nests = credit_depth.first() == Some(&name);
                    if opens && (starts_credit || nests) {
                        credit_depth.push(name);
                    }
                }
            }
            Token::End { name } => {
                if !skip_depth.is_empty() {
                    if name == skip_depth[0] {
                        skip_depth.pop();
                    }
                    continue;
                }
                if let Some(f) = &mut figure {
                    if !credit_depth.is_empty() && credit_depth[0] == name {
                        credit_depth.pop();
                        if credit_depth.is_empty() {
                            f.credit.push(' ');
                        }
                    }
                    if name == "figcaption" {
                        f.in_caption = false;
                    }
                    if name == "figure" {
                        if let Some(done) = figure.take() {
                            if let Some(image) = done.finish() {
                                out.images.push(image);
                            }
                        }
                        credit_depth.clear();
                        continue;
                    }
                }
                if BLOCKS.contains(&name.as_str()) {
                    flush(&mut paragraph, &mut out.paragraphs);
                }
            }
            Token::Text(text) => {
                if !skip_depth.is_empty() {
                    continue;
                }
                match &mut figure {
                    Some(f) => {
                        if !credit_depth.is_empty() {
                            f.credit.push_str(&text);
                        } else if f.in_caption {
                            f.caption.push_str(&text);
                        }
                    }
                    None => paragraph.push_str(&text),
                }
            }
        }
    }
    if let Some(done) = figure.take() {
        if let Some(image) = done.finish() {
            out.images.push(image);
        }
    }
    flush(&mut paragraph, &mut out.paragraphs);
    out
}

#[derive(Default)]
struct FigureState {
    image: Option<FoundImage>,
    in_caption: bool,
    caption: String,
    credit: String,
}

impl FigureState {
    fn finish(self) -> Option<FoundImage> {
        let mut image = self.image?;
        let caption = collapse(&self.caption);
        if !caption.is_empty() {
            image.caption = Some(caption);
        }
        let credit = collapse(&self.credit);
        let credit = credit
            .strip_prefix("Credit ")
            .map(str::to_string)
            .unwrap_or(credit);
        if !credit.is_empty() {
            image.credit = Some(credit);
        }
        Some(image)
    }
}

/// A picture from an `<img>`, if it has a usable `http:`/`https:` source and is not an
/// obvious decoration (a rule line, a spacer: declared narrower than 100 pixels).
fn image_from(attrs: &[(String, String)]) -> Option<FoundImage> {
    let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let src = ["src", "data-src", "data-hi-res-src"]
        .iter()
        .filter_map(|k| get(k))
        .map(str::trim)
        .find(|s| is_http(s))?;
    let width = get("width").and_then(|w| w.trim().parse::<u32>().ok());
    let height = get("height").and_then(|h| h.trim().parse::<u32>().ok());
    if width.is_some_and(|w| w < 100) || height.is_some_and(|h| h < 50) {
        return None;
    }
    let credit = attrs
        .iter()
        .find(|(k, v)| k.starts_with("data-") && k.ends_with("-credit") && !v.trim().is_empty())
        .map(|(_, v)| collapse(v));
    Some(FoundImage {
        src: src.to_string(),
        alt: collapse(get("alt").unwrap_or("")),
        width,
        height,
        caption: None,
        credit,
    })
}

fn is_http(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn flush(paragraph: &mut String, paragraphs: &mut Vec<String>) {
    let text = collapse(paragraph);
    if !text.is_empty() {
        paragraphs.push(text);
    }
    paragraph.clear();
}

/// Collapses runs of ASCII whitespace (what HTML treats as inter-element space) into one space
/// and trims the ends. No-break and thin spaces inside the text are kept: they are the
/// publisher's typography (`25 000`, `mardi 5 mai`).
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            pending_space = true;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out.trim_matches(char::is_whitespace).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_inline_tags_vanish() {
        let got =
            extract("<div><p>One <a href=x>two</a>\n  three</p>loose<p>four &amp; five</p></div>");
        assert_eq!(got.paragraphs, ["One two three", "loose", "four & five"]);
    }

    #[test]
    fn entities_numeric_named_and_unknown() {
        assert_eq!(
            decode_entities("&#233;&#xE9;&eacute;&nbsp;&bogus; & &#0;"),
            "ééé\u{a0}&bogus; & &#0;"
        );
    }

    #[test]
    fn head_script_style_and_h1_are_dropped() {
        let got = extract(
            "<html><head><title>T</title><style>p{}</style></head><body><h1>Head</h1>\
             <script>if (a < b) { x('</p>') }</script><p>Body</p></body></html>",
        );
        assert_eq!(got.paragraphs, ["Body"]);
    }

    #[test]
    fn figure_gives_image_caption_and_credit_not_paragraphs() {
        let got = extract(
            "<p>A</p><figure><img src=\"https://x.example/a.jpg\" alt=\"Alt\" width=\"800\" height=\"450\"/>\
             <div class=\"byline\">Jo Doe/TT</div><figcaption>The caption.</figcaption></figure><p>B</p>",
        );
        assert_eq!(got.paragraphs, ["A", "B"]);
        let image = &got.images[0];
        assert_eq!(image.src, "https://x.example/a.jpg");
        assert_eq!(image.caption.as_deref(), Some("The caption."));
        assert_eq!(image.credit.as_deref(), Some("Jo Doe/TT"));
        assert_eq!((image.width, image.height), (Some(800), Some(450)));
    }

    #[test]
    fn script_and_data_images_and_decorations_are_ignored() {
        let got = extract(
            "<img src=\"javascript:alert(1)\"><img src=\"data:image/png;base64,AA\">\
             <img src=\"http://x.example/line.png\" width=\"464\" height=\"2\">",
        );
        assert!(got.images.is_empty());
    }

    #[test]
    fn malformed_markup_does_not_panic() {
        for bad in [
            "<",
            "<p",
            "<p class=\"x>text",
            "</>",
            "&#xFFFFFFFF;",
            "<a =b>c</a>",
            "<<>>",
        ] {
            let _ = extract(bad);
        }
        assert_eq!(extract("1 < 2").paragraphs, ["1 < 2"]);
    }
}
