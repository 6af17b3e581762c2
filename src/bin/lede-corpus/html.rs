//! A small, tolerant HTML reader: enough to turn a cleaned news page (readability's
//! `expected.html`, a ninjs HTML body) into paragraphs and a lead picture.
//!
//! It is not a browser. It splits the markup into tags and text, decodes character
//! references, treats block elements as paragraph breaks and drops what is not article text
//! (`<head>`, `<script>`, `<style>`, `<figure>` contents other than the caption, `<h1>` which
//! repeats the headline). Malformed markup never fails: unknown or unclosed tags are ignored.

/// One piece of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    Text(String),
}

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

fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = html;
    let mut text = String::new();
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text.push_str(rest);
            break;
        };
        text.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let after = &rest[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = match comment.find("-->") {
                Some(end) => &comment[end + 3..],
                None => "",
            };
            continue;
        }
        let next = after.chars().next();
        let is_tag =
            matches!(next, Some(c) if c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
        if !is_tag {
            text.push('<');
            rest = after;
            continue;
        }
        // The tag runs to the first '>' outside quotes.
        let mut end = None;
        let mut quote: Option<char> = None;
        for (i, c) in after.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == '>' => {
                    end = Some(i);
                    break;
                }
                None => {}
            }
        }
        let Some(end) = end else {
            // An unterminated tag: the rest is not text either.
            break;
        };
        let inside = &after[..end];
        rest = &after[end + 1..];
        if !text.is_empty() {
            tokens.push(Token::Text(decode_entities(&text)));
            text.clear();
        }
        if inside.starts_with('!') || inside.starts_with('?') {
            continue;
        }
        if let Some(close) = inside.strip_prefix('/') {
            let name = tag_name(close);
            if !name.is_empty() {
                tokens.push(Token::End { name });
            }
            continue;
        }
        let name = tag_name(inside);
        let self_closing = inside.trim_end().ends_with('/');
        let attrs = parse_attrs(&inside[name.len().min(inside.len())..]);
        // Raw text elements: their content is not markup.
        if name == "script" || name == "style" {
            let closing = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            let stop = lower.find(&closing).unwrap_or(rest.len());
            rest = &rest[stop..];
            tokens.push(Token::Start {
                name,
                attrs,
                self_closing,
            });
            continue;
        }
        tokens.push(Token::Start {
            name,
            attrs,
            self_closing,
        });
    }
    if !text.is_empty() {
        tokens.push(Token::Text(decode_entities(&text)));
    }
    tokens
}

fn tag_name(inside: &str) -> String {
    inside
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase()
}

fn parse_attrs(mut s: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if s.is_empty() {
            break;
        }
        let name_end = s
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(s.len());
        let name = s[..name_end].to_ascii_lowercase();
        s = s[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after_eq) = s.strip_prefix('=') {
            let after_eq = after_eq.trim_start();
            if let Some(q) = after_eq.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let body = &after_eq[1..];
                let close = body.find(q).unwrap_or(body.len());
                value = decode_entities(&body[..close]);
                s = body.get(close + 1..).unwrap_or("");
            } else {
                let stop = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                value = decode_entities(&after_eq[..stop]);
                s = &after_eq[stop..];
            }
        }
        if name.is_empty() {
            // Stray characters such as a lone '=': skip one character and go on.
            let mut chars = s.chars();
            chars.next();
            s = chars.as_str();
            continue;
        }
        attrs.push((name, value));
    }
    attrs
}

/// Decodes character references: numeric (`&#233;`, `&#xE9;`) and the named ones news pages
/// use. Unknown or malformed references are kept as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 12);
        let decoded = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let c = if let Some(num) = name.strip_prefix('#') {
                let value = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                };
                value.and_then(char::from_u32).filter(|c| *c != '\0')
            } else {
                named_entity(name)
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "iexcl" => '¡',
        "iquest" => '¿',
        "ordf" => 'ª',
        "ordm" => 'º',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "yuml" => 'ÿ',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Zcaron" => 'Ž',
        "zcaron" => 'ž',
        _ => return None,
    })
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
