//! Keyword in context: the sentence of an article in which an entity is first mentioned, so the
//! entity page can show *how* each article speaks of it, not only that it does.
//!
//! The mention is the first one the reader would see linked in the body (explicit mentions, or
//! names matched in a paragraph without them: [`paragraph_segments`]). Sentences end at `.`, `!`
//! or `?` followed by a space or the end of the paragraph (closing quotes and brackets in
//! between belong to the sentence), and at `。`, `！` or `？` whatever follows, since Chinese
//! and Japanese put no space after them. A `.` after a lone capital letter ("Samuel P.
//! Huntington", "U.S.") ends no sentence. A sentence longer than [`CONTEXT_CHARS`] is cut
//! around the mention, at a space where one is near, and the cut is shown with `…`.
//!
//! The work is bounded by the snippet, not the paragraph: boundaries are looked for at most
//! [`CONTEXT_CHARS`] characters on either side of the mention, so a paragraph of a megabyte
//! without a full stop costs one pass to find the mention and a few hundred characters more.

use crate::core::format::mentions::{paragraph_segments, Segment};
use crate::core::format::Article;
use std::ops::Range;

/// The most characters (code points) of a snippet, mention included, ellipses not counted.
pub const CONTEXT_CHARS: usize = 240;

/// How far a cut may move to land on a space instead of inside a word.
const WORD_SNAP_CHARS: usize = 20;

/// The ellipsis that marks where a sentence was cut.
pub const ELLIPSIS: &str = "…";

/// A mention in its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InContext {
    /// The paragraph of the body the sentence is in.
    pub paragraph: usize,
    /// The sentence, or the part of it around the mention with [`ELLIPSIS`] where it was cut.
    pub text: String,
    /// Where the mention is in `text`: byte offsets, always on character boundaries (this is
    /// for slicing in the program, not the format's code-point offsets).
    pub mention: Range<usize>,
}

impl InContext {
    /// The text before the mention.
    pub fn before(&self) -> &str {
        &self.text[..self.mention.start]
    }

    /// The mention's own text.
    pub fn mention(&self) -> &str {
        &self.text[self.mention.clone()]
    }

    /// The text after the mention.
    pub fn after(&self) -> &str {
        &self.text[self.mention.end..]
    }
}

/// The sentence of `article`'s body in which the entity `entity_id` is first mentioned, with the
/// mention marked; `None` if the article lists no such entity or its body never links it (a
/// mention in the headline alone has no sentence to show: the headline is shown anyway).
pub fn first_mention_in_context(article: &Article, entity_id: &str) -> Option<InContext> {
    let wanted = article.entities.iter().position(|e| e.id == entity_id)?;
    for (p, paragraph) in article.body.iter().enumerate() {
        let (segments, _) = paragraph_segments(article, p, paragraph);
        let mut at = 0;
        for segment in &segments {
            let length = segment.text().len();
            if let Segment::Mention { entity_index, .. } = segment {
                if *entity_index == wanted {
                    let (text, mention) = sentence_around(&paragraph.text, at..at + length);
                    return Some(InContext {
                        paragraph: p,
                        text,
                        mention,
                    });
                }
            }
            at += length;
        }
    }
    None
}

/// The sentence of `text` around the mention at byte range `mention`, bounded to
/// [`CONTEXT_CHARS`], and where the mention is in it.
pub fn sentence_around(text: &str, mention: Range<usize>) -> (String, Range<usize>) {
    let Range { start: ms, end: me } = mention;
    // Clamped: the sentence's edges skip whitespace, and a mention that itself begins or ends
    // with whitespace (a corpus may point one at a space) would otherwise put them inside it.
    let (start, start_found) = sentence_start(text, ms);
    let (end, end_found) = sentence_end(text, me);
    let (start, end) = (start.min(ms), end.max(me));
    let mention_chars = text[ms..me].chars().count();

    let (from, to) = if mention_chars >= CONTEXT_CHARS {
        (ms, advance(text, ms, CONTEXT_CHARS))
    } else {
        let budget = CONTEXT_CHARS - mention_chars;
        let left = text[start..ms].chars().count();
        let right = text[me..end].chars().count();
        // Half the budget each side; a side that needs less gives the rest to the other.
        let take_left = left.min((budget / 2).max(budget.saturating_sub(right)));
        let take_right = right.min(budget - take_left);
        (retreat(text, ms, take_left), advance(text, me, take_right))
    };
    let cut_left = from > start || !start_found;
    let cut_right = to < end || !end_found || to < me;
    let from = if cut_left {
        snap_forward(text, from, ms)
    } else {
        from
    };
    let to = if cut_right && to >= me {
        snap_back(text, to, me)
    } else {
        to
    };

    let mut out = String::with_capacity(to - from + 2 * ELLIPSIS.len());
    if cut_left {
        out.push_str(ELLIPSIS);
    }
    let lead = out.len();
    out.push_str(&text[from..to]);
    if cut_right {
        out.push_str(ELLIPSIS);
    }
    let span = lead + (ms - from)..lead + (me.min(to) - from);
    (out, span)
}

/// Where the sentence holding byte `ms` starts, looking back at most [`CONTEXT_CHARS`]
/// characters, and whether that is a real start (a boundary or the paragraph's start) rather
/// than where the search gave up.
fn sentence_start(text: &str, ms: usize) -> (usize, bool) {
    let before = &text[..ms];
    let mut right: Option<(usize, char)> = None; // the character after the one looked at
    for (looked, (i, c)) in before.char_indices().rev().enumerate() {
        if looked > CONTEXT_CHARS {
            return (skip_space(text, right.map_or(ms, |r| r.0)), false);
        }
        let after = i + c.len_utf8();
        if is_unspaced_stop(c) {
            return (skip_space(text, skip_closers(text, after)), true);
        }
        if c.is_whitespace() && ends_sentence(before, i) {
            return (skip_space(text, after), true);
        }
        right = Some((i, c));
    }
    (skip_space(text, 0), true)
}

/// Where the sentence holding byte `me` (the end of a mention) ends, looking ahead at most
/// [`CONTEXT_CHARS`] characters, and whether that is a real end.
fn sentence_end(text: &str, me: usize) -> (usize, bool) {
    let after = &text[me..];
    for (looked, (i, c)) in after.char_indices().enumerate() {
        if looked > CONTEXT_CHARS {
            return (me + i, false);
        }
        let next = me + i + c.len_utf8();
        if is_unspaced_stop(c) {
            return (skip_closers(text, next), true);
        }
        if matches!(c, '.' | '!' | '?') && !is_initial(text, me + i) {
            let closed = skip_closers(text, next);
            if text[closed..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
            {
                return (closed, true);
            }
        }
    }
    (text.trim_end().len().max(me), true)
}

/// Whether the whitespace at byte `space` of `before` follows the end of a sentence: `.`, `!` or
/// `?`, then perhaps closing quotes or brackets, right before it.
fn ends_sentence(before: &str, space: usize) -> bool {
    let head = before[..space].trim_end_matches(is_closer);
    match head.char_indices().next_back() {
        Some((i, '.')) => !is_initial(before, i),
        Some((_, '!' | '?')) => true,
        _ => false,
    }
}

/// Whether the `.` at byte `dot` follows a lone capital letter: an initial or an abbreviation
/// such as "U.S.", not the end of a sentence.
fn is_initial(text: &str, dot: usize) -> bool {
    let mut back = text[..dot].chars().rev();
    match (back.next(), back.next()) {
        (Some(letter), before) => {
            text.as_bytes()[dot] == b'.'
                && letter.is_uppercase()
                && before.is_none_or(|b| !b.is_alphabetic())
        }
        _ => false,
    }
}

/// Full stops of scripts written without spaces: a sentence ends there whatever follows.
fn is_unspaced_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// Closing quotes and brackets, which belong to the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '」' | '』' | '）'
    )
}

fn skip_closers(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start_matches(is_closer).len()
}

fn skip_space(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start().len()
}

/// The byte `n` characters after `at`, or the end of the text.
fn advance(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

/// The byte `n` characters before `at`, or the start of the text.
fn retreat(text: &str, at: usize, n: usize) -> usize {
    match n {
        0 => at,
        n => text[..at]
            .char_indices()
            .rev()
            .nth(n - 1)
            .map_or(0, |(i, _)| i),
    }
}

/// A left cut moved forward to just after a space, if one is within [`WORD_SNAP_CHARS`] and
/// before the mention, so the snippet does not start inside a word.
fn snap_forward(text: &str, from: usize, limit: usize) -> usize {
    let window = &text[from..limit];
    let starts_word = text[..from]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    if starts_word {
        return skip_space(text, from).min(limit);
    }
    match window
        .char_indices()
        .take(WORD_SNAP_CHARS)
        .find(|(_, c)| c.is_whitespace())
    {
        Some((i, _)) => skip_space(text, from + i).min(limit),
        None => from,
    }
}

/// A right cut moved back to a space, if one is within [`WORD_SNAP_CHARS`] and after the
/// mention, so the snippet does not end inside a word.
fn snap_back(text: &str, to: usize, limit: usize) -> usize {
    let window = &text[limit..to];
    let ends_word = text[to..].chars().next().is_none_or(char::is_whitespace);
    let snapped = if ends_word {
        to
    } else {
        match window
            .char_indices()
            .rev()
            .take(WORD_SNAP_CHARS)
            .find(|(_, c)| c.is_whitespace())
        {
            Some((i, _)) => limit + i,
            None => to,
        }
    };
    limit + text[limit..snapped].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snippet for the first `name` in `text`, as before / mention / after.
    fn around(text: &str, name: &str) -> (String, String, String) {
        let start = text.find(name).unwrap();
        let (out, span) = sentence_around(text, start..start + name.len());
        (
            out[..span.start].to_string(),
            out[span.clone()].to_string(),
            out[span.end..].to_string(),
        )
    }

    #[test]
    fn the_sentence_of_the_mention_and_no_other() {
        let text = "Troops stay. The US Defense Secretary, Lloyd Austin, visited Baghdad on \
                    Tuesday! He left? Yes.";
        assert_eq!(
            around(text, "Lloyd Austin"),
            (
                "The US Defense Secretary, ".into(),
                "Lloyd Austin".into(),
                ", visited Baghdad on Tuesday!".into()
            )
        );
        assert_eq!(around(text, "Yes").0, "");
    }

    #[test]
    fn closing_quotes_initials_and_abbreviations_stay_inside() {
        let text = "He said “we stay.” Samuel P. Huntington met U.S. officials in Iraq. Then.";
        let (before, mention, after) = around(text, "Iraq");
        assert_eq!(before, "Samuel P. Huntington met U.S. officials in ");
        assert_eq!(mention, "Iraq");
        assert_eq!(after, ".");
        assert_eq!(around(text, "we").2, " stay.”");
    }

    #[test]
    fn chinese_full_stops_end_sentences_without_a_space() {
        let text = "谷歌收购了公司。DeepMind表示，DNC可以回答问题。伦敦";
        let (before, mention, after) = around(text, "DNC");
        assert_eq!(before, "DeepMind表示，");
        assert_eq!(mention, "DNC");
        assert_eq!(after, "可以回答问题。");
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_mention_at_spaces() {
        let words = "word ".repeat(200);
        let text = format!("{words}Erbil{}", " more".repeat(200));
        let (out, span) = {
            let start = text.find("Erbil").unwrap();
            sentence_around(&text, start..start + 5)
        };
        assert_eq!(&out[span.clone()], "Erbil");
        assert!(
            out.starts_with("…word ") && out.ends_with(" more…"),
            "{out}"
        );
        let chars = out.chars().count() - 2;
        assert!(chars <= CONTEXT_CHARS, "{chars}");
        assert!(chars >= CONTEXT_CHARS - 2 * WORD_SNAP_CHARS, "{chars}");
        // Near the start, the left side gives its unused share to the right.
        let (before, _, after) = around(&text.replacen("word ", "", 195), "Erbil");
        assert_eq!(before, "word word word word word ");
        assert!(after.chars().count() > CONTEXT_CHARS / 2);
    }

    #[test]
    fn cuts_never_split_a_character() {
        // Every character 4 bytes (emoji), no spaces, no sentence ends.
        let text = format!("{}Erbil{}", "😀".repeat(1000), "🙂".repeat(1000));
        let start = text.find("Erbil").unwrap();
        let (out, span) = sentence_around(&text, start..start + 5);
        assert_eq!(&out[span], "Erbil");
        assert_eq!(out.chars().count(), CONTEXT_CHARS + 2);
    }

    #[test]
    fn a_mention_longer_than_the_bound_is_shown_cut() {
        let name = "N".repeat(1000);
        let text = format!("Before. {name} after.");
        let (out, span) = sentence_around(&text, 8..8 + name.len());
        assert_eq!(span.start, 0);
        assert_eq!(&out[span.clone()], &name[..CONTEXT_CHARS]);
        assert_eq!(&out[span.end..], ELLIPSIS);
    }

    #[test]
    fn hostile_one_megabyte_paragraph_without_a_full_stop() {
        // 1,000,000 bytes of text around one mention in the middle: the snippet is bounded.
        let half = "lorem ipsum ".repeat(41_667);
        let text = format!("{half}Baghdad {half}");
        assert!(text.len() >= 1_000_000);
        let start = text.find("Baghdad").unwrap();
        let (out, span) = sentence_around(&text, start..start + 7);
        assert_eq!(&out[span], "Baghdad");
        assert!(out.chars().count() <= CONTEXT_CHARS + 2);
        assert!(out.starts_with(ELLIPSIS) && out.ends_with(ELLIPSIS));
    }

    fn article(body: &[&str], explicit: Option<&str>) -> Article {
        let body: Vec<serde_json::Value> = body
            .iter()
            .map(|text| match explicit {
                Some(mentions) => serde_json::json!({
                    "text": text,
                    "mentions": serde_json::from_str::<serde_json::Value>(mentions).unwrap()
                }),
                None => serde_json::json!({ "text": text }),
            })
            .collect();
        let file = serde_json::json!({
            "version": 1, "id": "a", "headline": "Erbil and Baghdad", "published": "2024-01-01",
            "entities": [{"id": "erbil", "name": "Erbil"}, {"id": "baghdad", "name": "Baghdad"}],
            "body": body
        });
        Article::from_json(&file.to_string()).unwrap()
    }

    #[test]
    fn the_first_linked_mention_of_the_entity_in_the_body() {
        let a = article(
            &[
                "Nothing here. Still nothing.",
                "Go. Erbil is north. Erbil again.",
            ],
            None,
        );
        let found = first_mention_in_context(&a, "erbil").unwrap();
        assert_eq!(found.paragraph, 1);
        assert_eq!(
            (found.before(), found.mention(), found.after()),
            ("", "Erbil", " is north.")
        );
        assert_eq!(
            first_mention_in_context(&a, "baghdad"),
            None,
            "in the headline only"
        );
        assert_eq!(
            first_mention_in_context(&a, "mosul"),
            None,
            "not an entity of the article"
        );
    }

    #[test]
    fn explicit_mentions_that_cannot_be_linked_are_skipped() {
        // The first mention overlaps nothing but names no listed entity; the second is the one.
        let a = article(
            &["Erbil, then Erbil."],
            Some(
                r#"[{"start": 0, "end": 5, "entity": "nowhere"},
                     {"start": 12, "end": 17, "entity": "erbil"}]"#,
            ),
        );
        let found = first_mention_in_context(&a, "erbil").unwrap();
        assert_eq!(found.before(), "Erbil, then ");
    }

    #[test]
    fn hostile_one_megabyte_paragraph_matched_by_name() {
        // A 1,000,000-byte paragraph without `mentions` and without a sentence end, naming the
        // entity once, at its end: one matching pass, and a snippet of at most 240 characters.
        let text = format!("{}Erbil", "x y ".repeat(249_999));
        assert_eq!(text.len(), 1_000_001);
        let a = article(&[&text], None);
        let found = first_mention_in_context(&a, "erbil").unwrap();
        assert_eq!(found.mention(), "Erbil");
        assert_eq!(found.after(), "");
        assert!(found.text.chars().count() <= CONTEXT_CHARS + 1);
        assert!(found.text.starts_with(ELLIPSIS));
    }
}
