//! Markup split into start tags, end tags and text, tolerantly: unclosed quotes, stray `<` and
//! unknown tags never fail.

use super::entities::decode_entities;

/// One piece of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
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

pub(super) fn tokenize(html: &str) -> Vec<Token> {
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

pub(super) fn tag_name(inside: &str) -> String {
    inside
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase()
}

pub(super) fn parse_attrs(mut s: &str) -> Vec<(String, String)> {
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
