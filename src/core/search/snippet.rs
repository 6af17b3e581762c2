//! Snippets: the best window of an article's text for a query, with the matched spans, for the
//! results list. Offsets are code points (as mention offsets), so the view builds text nodes
//! and `<mark>` elements from them: the text is never parsed as HTML.

use crate::core::search::normalize::{stem, stemmer_for, tokens, TokenKind};
use crate::core::search::query::Query;
use rust_stemmers::Stemmer;

/// A snippet's usual length, in characters.
pub const SNIPPET_CHARS: usize = 160;

/// A matched token: code-point start and end, and which part of the query it matches.
type Match = (usize, usize, usize);

/// A window of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Which paragraph of those given.
    pub paragraph: usize,
    /// The window, code-point offsets in the paragraph, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The window's text.
    pub text: String,
    /// The matched spans, code-point offsets in `text`, ascending, not overlapping.
    pub highlights: Vec<(usize, usize)>,
}

/// The window of at most `max_chars` characters (cut at spaces) that holds the most distinct
/// parts of the query, then the most matches, then comes first; `None` when no paragraph
/// matches. `language` is the article's, for its stems.
pub fn best_snippet(
    paragraphs: &[&str],
    query: &Query,
    language: Option<&str>,
    max_chars: usize,
) -> Option<Snippet> {
    let stemmer = language.and_then(stemmer_for).map(Stemmer::create);
    // Per query part, the strings a token may fold or stem to.
    let accepted: Vec<Vec<String>> = query
        .elements
        .iter()
        .map(|e| {
            let mut all = Vec::new();
            for w in &e.words {
                all.push(w.term.clone());
                all.extend(w.stems.iter().cloned());
                if let Some(s) = &stemmer {
                    let t = &tokens(&w.term, 0);
                    all.extend(t.first().and_then(|t| stem(s, t)));
                }
            }
            all
        })
        .collect();
    // (distinct parts, matches, paragraph, the matches in the window)
    let mut best: Option<(usize, usize, usize, Vec<Match>)> = None;
    for (i, text) in paragraphs.iter().enumerate() {
        let mut matches: Vec<Match> = Vec::new();
        for t in tokens(text, 0) {
            if t.kind == TokenKind::Unigram {
                continue;
            }
            let stemmed = stemmer.as_ref().and_then(|s| stem(s, &t));
            if let Some(part) = accepted.iter().position(|a| {
                a.contains(&t.term) || stemmed.as_ref().is_some_and(|s| a.contains(s))
            }) {
                matches.push((t.start, t.end, part));
            }
        }
        for (k, &(start, _, _)) in matches.iter().enumerate() {
            let inside: Vec<Match> = matches[k..]
                .iter()
                .take_while(|m| m.1 <= start + max_chars)
                .copied()
                .collect();
            let mut parts: Vec<usize> = inside.iter().map(|m| m.2).collect();
            parts.sort_unstable();
            parts.dedup();
            let better = match &best {
                None => true,
                Some((p, n, _, _)) => (parts.len(), inside.len()) > (*p, *n),
            };
            if better {
                best = Some((parts.len(), inside.len(), i, inside));
            }
        }
    }
    let (_, _, paragraph, inside) = best?;
    let chars: Vec<char> = paragraphs[paragraph].chars().collect();
    let first = inside[0].0;
    let last = inside.iter().map(|m| m.1).max().unwrap_or(first);
    // Some context before the first match, then cut at spaces.
    let slack = max_chars.saturating_sub(last - first);
    let mut start = first.saturating_sub((slack / 4).min(40));
    while start > 0 && start < first && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    if start > first {
        start = first;
    }
    let mut end = (start + max_chars).min(chars.len());
    if end < chars.len() {
        let mut cut = end;
        while cut > last && !chars[cut].is_whitespace() {
            cut -= 1;
        }
        end = cut.max(last);
    }
    let mut highlights: Vec<(usize, usize)> = Vec::new();
    for &(s, e, _) in &inside {
        let (s, e) = (s.max(start) - start, e.min(end) - start);
        match highlights.last_mut() {
            Some(h) if s <= h.1 => h.1 = h.1.max(e),
            _ => highlights.push((s, e)),
        }
    }
    Some(Snippet {
        paragraph,
        start,
        end,
        text: chars[start..end].iter().collect(),
        highlights,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_with_most_parts_wins_and_spans_are_code_points() {
        let q = Query::parse("austin iraq", &["en".to_string()]);
        let paragraphs = [
            "Nothing here.",
            "Austin said nothing. Then, much later and after a great many words about other \
             things that fill the paragraph well past the length of one snippet, and then some \
             more words, and more again, so that no window holds both, Iraq came up.",
            "In Baghdad, Lloyd Austin spoke of Iraq’s future.",
        ];
        let s = best_snippet(&paragraphs, &q, Some("en"), 160).unwrap();
        assert_eq!(s.paragraph, 2);
        let marked: Vec<String> = s
            .highlights
            .iter()
            .map(|&(a, b)| s.text.chars().skip(a).take(b - a).collect())
            .collect();
        assert_eq!(marked, ["Austin", "Iraq"]);
        assert!(best_snippet(&paragraphs, &Query::parse("zzz", &[]), None, 160).is_none());
    }

    #[test]
    fn a_long_paragraph_gives_a_short_window_cut_at_spaces() {
        let long = format!("{} Libération {}", "mot ".repeat(500), "mot ".repeat(500));
        let q = Query::parse("liberation", &["fr".to_string()]);
        let s = best_snippet(&[&long], &q, Some("fr"), 160).unwrap();
        assert!(s.text.chars().count() <= 160);
        assert!(!s.text.starts_with("ot"), "{:?}", s.text);
        let (a, b) = s.highlights[0];
        assert_eq!(
            s.text.chars().skip(a).take(b - a).collect::<String>(),
            "Libération"
        );
    }
}
