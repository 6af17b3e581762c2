//! Which URLs from a corpus may reach an `href` or a `src`.
//!
//! Only `http:`, `https:` and relative URLs pass. Browsers strip leading and trailing control
//! characters and spaces and ignore tabs and newlines anywhere in a URL, and read schemes
//! case-insensitively, so `" JaVa\tScRiPt:alert(1)"` is a script URL; the check therefore
//! looks at the URL the way a browser will, and returns that cleaned form for use.

/// The URL to use, or `None` if it must not reach the page.
pub fn safe_url(raw: &str) -> Option<String> {
    // What the URL parser does first: trim C0 controls and space, drop tab and newlines.
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    // Anything else invisible or control-like has no business in a corpus URL.
    if cleaned.chars().any(|c| c.is_control()) {
        return None;
    }
    match scheme(&cleaned) {
        None => Some(cleaned),
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => {
            Some(cleaned)
        }
        Some(_) => None,
    }
}

/// True if `raw` is absolute `http:`/`https:` (not relative, not another scheme).
pub fn is_absolute_http(raw: &str) -> bool {
    external_url(raw).is_some()
}

/// A link to another site (an entity's `url`, an article's `source_url`): absolute `http:` or
/// `https:` only, in the cleaned form [`safe_url`] gives. A relative one would resolve into the
/// publisher's own site, which is never what such a link means, so the viewer shows no link and
/// `lede-corpus validate` reports it: both use this one rule.
pub fn external_url(raw: &str) -> Option<String> {
    safe_url(raw).filter(|u| scheme(u).is_some())
}

/// A Wikidata item id (`Q` and digits, as in `Q796`), which the entity view links to
/// `https://www.wikidata.org/wiki/<id>`; anything else is not linked, and validate says so.
pub fn wikidata_id(raw: &str) -> Option<&str> {
    let digits = raw.strip_prefix('Q')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(raw)
}

/// The scheme of a URL, if it has one: ASCII letter, then letters, digits, `+`, `-`, `.`,
/// then `:` before any `/`, `?` or `#`.
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(candidate)
}

/// The origin of an absolute `http:`/`https:` URL as a URL parser wrote it (`https://a.example:8080`,
/// scheme and host in lower case), or `None` for anything else.
pub fn origin(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let scheme = url.len() - rest.len();
    (end > 0).then(|| &url[..scheme + end])
}

/// Whether two absolute URLs (as a URL parser wrote them) are on the same origin.
pub fn same_origin(a: &str, b: &str) -> bool {
    match (origin(a), origin(b)) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_https_and_relative_pass() {
        for ok in [
            "https://media.thecradle.co/a.jpg",
            "HTTP://example.com",
            "articles/seed.json",
            "/news/corpus/index.json",
            "../img/a.png",
            "?article=x",
            "#top",
            "//cdn.example.com/a.jpg",
        ] {
            assert!(safe_url(ok).is_some(), "{ok:?}");
        }
    }

    #[test]
    fn script_and_data_urls_are_dropped_in_every_disguise() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "javascript\r:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml;base64,PHN2Zz4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://x/y",
            "a:b/../c",
            "",
            "   ",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn html_entities_are_not_decoded_so_they_cannot_hide_a_scheme() {
        // Attributes set from script are not entity-decoded: this is a harmless relative URL.
        let text = "jav&#x09;ascript:alert(1)";
        assert_eq!(safe_url(text).as_deref(), Some(text));
    }

    #[test]
    fn cleaned_form_is_what_gets_used() {
        assert_eq!(
            safe_url("  https://a.example/x\ty  ").as_deref(),
            Some("https://a.example/xy")
        );
    }

    #[test]
    fn external_links_must_be_absolute_http() {
        assert_eq!(
            external_url(" https://en.wikipedia.org/wiki/X ").as_deref(),
            Some("https://en.wikipedia.org/wiki/X")
        );
        for relative in [
            "wiki/X",
            "/wiki/X",
            "//cdn.example/x",
            "javascript:alert(1)",
        ] {
            assert_eq!(external_url(relative), None, "{relative}");
        }
    }

    #[test]
    fn wikidata_ids_are_q_and_digits() {
        assert_eq!(wikidata_id("Q796"), Some("Q796"));
        for bad in ["Q", "q796", "Q79a", "P31", " Q1", "Q1 ", "Q١"] {
            assert_eq!(wikidata_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn colon_after_a_slash_is_not_a_scheme() {
        assert_eq!(safe_url("img/a:b.png").as_deref(), Some("img/a:b.png"));
        assert!(is_absolute_http("https://x.example"));
        assert!(!is_absolute_http("x/y"));
    }

    #[test]
    fn same_origin_compares_scheme_host_and_port() {
        let corpus = "https://news.example/lede/corpus/index.json";
        assert!(same_origin("https://news.example/img/a.jpg", corpus));
        assert!(same_origin("https://NEWS.example?x", corpus));
        assert!(!same_origin("https://news.example.evil/img/a.jpg", corpus));
        assert!(!same_origin("http://news.example/img/a.jpg", corpus));
        assert!(!same_origin("https://news.example:8443/a.jpg", corpus));
        assert!(!same_origin("https://evil.example/x.png", corpus));
        assert!(!same_origin("data:image/png,x", corpus));
        assert_eq!(
            origin("https://a.example:8080/x"),
            Some("https://a.example:8080")
        );
        assert_eq!(origin("https:///x"), None);
    }
}
