//! Turning a paragraph and its mentions into the pieces the viewer renders.
//!
//! Mentions come from the file (explicit code-point offsets) or from [`super::matching`]. A
//! mention that cannot be honoured (offsets outside the paragraph, `start >= end`, overlapping an
//! earlier mention, or pointing at an unknown entity) is dropped with a [`SpanWarning`]: its text
//! stays in the paragraph, unlinked, and the reader loses nothing. A paragraph reports at most
//! [`MAX_WARNINGS`] of them one by one, then how many more there were.

use crate::core::format::article::{Article, Mention, Paragraph, UNKNOWN_ENTITY};
use crate::core::format::matching::find_mentions;
use std::fmt;

/// A run of paragraph text, linked to an entity or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Mention { text: &'a str, entity_index: usize },
}

impl<'a> Segment<'a> {
    /// The paragraph text this segment covers.
    pub fn text(&self) -> &'a str {
        match self {
            Segment::Text(t) | Segment::Mention { text: t, .. } => t,
        }
    }
}

/// Why a mention was not linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanProblem {
    OutOfBounds {
        length: usize,
    },
    Empty,
    Overlaps,
    UnknownEntity,
    /// Stands for the paragraph's warnings past [`MAX_WARNINGS`]: how many more there were.
    More {
        count: usize,
    },
}

/// How many warnings a paragraph reports one by one; the rest are summed up in one
/// [`SpanProblem::More`]. A file with 100,000 bad mentions must not flood the console.
pub const MAX_WARNINGS: usize = 10;

/// How many warnings an article reports one by one across all its paragraphs; the rest are
/// summed up in one line by [`WarningBudget::summary`]. The per-paragraph cap alone would let an
/// article of 100,000 paragraphs with one bad mention each log 100,000 lines.
pub const MAX_ARTICLE_WARNINGS: usize = 20;

/// Counts one article's warnings as its paragraphs are rendered, so that the console gets at
/// most [`MAX_ARTICLE_WARNINGS`] lines one by one and then a single summary.
#[derive(Debug, Default)]
pub struct WarningBudget {
    shown: usize,
    held_back: usize,
}

impl WarningBudget {
    /// Whether `warning` is still shown one by one; it is counted either way.
    pub fn admit(&mut self, warning: &SpanWarning) -> bool {
        if self.shown < MAX_ARTICLE_WARNINGS {
            self.shown += 1;
            return true;
        }
        self.held_back += match warning.problem {
            SpanProblem::More { count } => count,
            _ => 1,
        };
        false
    }

    /// The line that stands for every warning not shown, if any was held back.
    pub fn summary(&self) -> Option<String> {
        (self.held_back > 0).then(|| {
            format!(
                "and {} more mentions that could not be linked (not listed one by one)",
                self.held_back
            )
        })
    }
}

/// The [`SpanWarning::paragraph`] of a warning about a mention in the headline, which is not a
/// paragraph of the body (as [`UNKNOWN_ENTITY`] is no entity's index).
pub const HEADLINE: usize = usize::MAX;

/// A mention the viewer could not link, for the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanWarning {
    /// The paragraph of the body, or [`HEADLINE`].
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub problem: SpanProblem,
}

impl fmt::Display for SpanWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, e) = (self.start, self.end);
        let p = Place(self.paragraph);
        match &self.problem {
            SpanProblem::OutOfBounds { length } => write!(
                f,
                "{p}: mention {s}..{e} lies outside the paragraph ({length} code points); shown unlinked"
            ),
            SpanProblem::Empty => write!(f, "{p}: mention {s}..{e} is empty or reversed; ignored"),
            SpanProblem::Overlaps => write!(
                f,
                "{p}: mention {s}..{e} overlaps an earlier mention; shown unlinked"
            ),
            SpanProblem::UnknownEntity => write!(
                f,
                "{p}: mention {s}..{e} names an entity the article does not list; shown unlinked"
            ),
            SpanProblem::More { count } => write!(
                f,
                "{p}: and {count} more mentions that could not be linked (not listed one by one)"
            ),
        }
    }
}

/// Where a warning's mention is, as a JSON path: `body[3]`, or `headline`.
struct Place(usize);

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            HEADLINE => f.write_str("headline"),
            p => write!(f, "body[{p}]"),
        }
    }
}

/// Splits `text` into segments for the given mentions (code-point offsets). The segments,
/// concatenated, are always exactly `text`; bad mentions are reported, never panicked on.
pub fn segments<'a>(
    text: &'a str,
    mentions: &[Mention],
    entity_count: usize,
    paragraph: usize,
) -> (Vec<Segment<'a>>, Vec<SpanWarning>) {
    let mut at = CodePoints::new(text);
    let length = at.count;

    // Earliest first, the longer of two at the same start first, and otherwise in file order
    // (the position makes the key total, so the smaller unstable sort is enough).
    let mut sorted: Vec<(usize, &Mention)> = mentions.iter().enumerate().collect();
    sorted.sort_unstable_by_key(|(i, m)| (m.start, std::cmp::Reverse(m.end), *i));

    let mut warnings = Vec::new();
    let mut pieces = Vec::new();
    let mut cursor = 0; // in code points
    for (_, m) in sorted {
        let warn = |problem| SpanWarning {
            paragraph,
            start: m.start,
            end: m.end,
            problem,
        };
        if m.start >= m.end {
            warnings.push(warn(SpanProblem::Empty));
            continue;
        }
        if m.end > length {
            warnings.push(warn(SpanProblem::OutOfBounds { length }));
            continue;
        }
        if m.start < cursor {
            warnings.push(warn(SpanProblem::Overlaps));
            continue;
        }
        if m.entity_index == UNKNOWN_ENTITY || m.entity_index >= entity_count {
            warnings.push(warn(SpanProblem::UnknownEntity));
            continue;
        }
        let (from, start) = (at.byte(cursor), at.byte(m.start));
        if start > from {
            pieces.push(Segment::Text(&text[from..start]));
        }
        pieces.push(Segment::Mention {
            text: &text[start..at.byte(m.end)],
            entity_index: m.entity_index,
        });
        cursor = m.end;
    }
    if cursor < length {
        pieces.push(Segment::Text(&text[at.byte(cursor)..]));
    }
    if warnings.len() > MAX_WARNINGS {
        let count = warnings.len() - MAX_WARNINGS;
        warnings.truncate(MAX_WARNINGS);
        warnings.push(SpanWarning {
            paragraph,
            start: 0,
            end: 0,
            problem: SpanProblem::More { count },
        });
    }
    (pieces, warnings)
}

/// Code-point offsets of a text to byte offsets, asked in order (never backwards), so that a
/// paragraph costs one pass and no table: a table of every code point's byte offset was a
/// `usize` per character, built for every paragraph drawn (a tenth of the long article's
/// build in the benchmark, 70,000 characters). In ASCII text the two offsets are one.
struct CodePoints<'a> {
    text: &'a str,
    /// The text's length in code points.
    count: usize,
    /// A code point's offset and its byte offset, where the last question left off.
    point: usize,
    byte: usize,
}

impl<'a> CodePoints<'a> {
    fn new(text: &'a str) -> Self {
        let count = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        CodePoints {
            text,
            count,
            point: 0,
            byte: 0,
        }
    }

    /// The byte offset of code point `point` (at most [`Self::count`], and not before the last
    /// one asked).
    fn byte(&mut self, point: usize) -> usize {
        if self.count == self.text.len() {
            return point;
        }
        debug_assert!(point >= self.point && point <= self.count);
        let rest = &self.text[self.byte..];
        self.byte += rest
            .char_indices()
            .nth(point - self.point)
            .map_or(rest.len(), |(i, _)| i);
        self.point = point;
        self.byte
    }
}

/// The segments of one paragraph of an article: its explicit mentions if it has any, otherwise
/// the mentions found by matching the article's entity names.
pub fn paragraph_segments<'a>(
    article: &Article,
    index: usize,
    paragraph: &'a Paragraph,
) -> (Vec<Segment<'a>>, Vec<SpanWarning>) {
    match &paragraph.mentions {
        Some(explicit) => segments(&paragraph.text, explicit, article.entities.len(), index),
        None => {
            let found = find_mentions(&paragraph.text, &article.entities);
            segments(&paragraph.text, &found, article.entities.len(), index)
        }
    }
}

/// The segments of an article's headline: its `headline_mentions` if it has them, otherwise
/// the mentions found by matching the article's entity names, as for a paragraph. Warnings
/// name the [`HEADLINE`].
pub fn headline_segments(article: &Article) -> (Vec<Segment<'_>>, Vec<SpanWarning>) {
    let count = article.entities.len();
    match &article.headline_mentions {
        Some(explicit) => segments(&article.headline, explicit, count, HEADLINE),
        None => {
            let found = find_mentions(&article.headline, &article.entities);
            segments(&article.headline, &found, count, HEADLINE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, entity_index: usize) -> Mention {
        Mention {
            start,
            end,
            entity: String::new(),
            entity_index,
        }
    }

    fn joined(pieces: &[Segment]) -> String {
        pieces.iter().map(Segment::text).collect()
    }

    #[test]
    fn later_mentions_in_non_ascii_text_are_sliced_by_code_points_too() {
        // Offsets are turned into byte offsets in one forward pass (`CodePoints`): every mention
        // after the first must land where counting from the start would put it, including one
        // that ends the text, beside skipped ones (overlapping, out of bounds) that ask nothing.
        let text = "Zoë and Łódź met 😀 at São Paulo’s café";
        // Where `word` starts and ends, in code points.
        let span = |word: &str| {
            let start = text[..text.find(word).unwrap()].chars().count();
            (start, start + word.chars().count())
        };
        let [zoe, lodz, sao, cafe] = ["Zoë", "Łódź", "São Paulo", "café"].map(span);
        let n = cafe.1;
        let mentions = [
            m(zoe.0, zoe.1, 0),
            m(zoe.0 + 1, zoe.1, 0),
            m(lodz.0, lodz.1, 1),
            m(sao.0, sao.1, 0),
            m(cafe.0, cafe.1, 1),
            m(n, n + 3, 0),
        ];
        let (pieces, warnings) = segments(text, &mentions, 2, 0);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        let expected = vec![
            Segment::Mention {
                text: "Zoë",
                entity_index: 0,
            },
            Segment::Text(" and "),
            Segment::Mention {
                text: "Łódź",
                entity_index: 1,
            },
            Segment::Text(" met 😀 at "),
            Segment::Mention {
                text: "São Paulo",
                entity_index: 0,
            },
            Segment::Text("’s "),
            Segment::Mention {
                text: "café",
                entity_index: 1,
            },
        ];
        assert_eq!(pieces, expected);
        assert_eq!(joined(&pieces), text);
    }

    #[test]
    fn offsets_count_code_points_not_bytes_or_utf16() {
        // "Sudani’s" has a 3-byte apostrophe; the emoji is 2 UTF-16 units and 4 bytes.
        let text = "😀 Sudani’s office";
        let (pieces, warnings) = segments(text, &[m(2, 8, 0)], 1, 0);
        assert!(warnings.is_empty());
        assert_eq!(
            pieces,
            vec![
                Segment::Text("😀 "),
                Segment::Mention {
                    text: "Sudani",
                    entity_index: 0
                },
                Segment::Text("’s office"),
            ]
        );
    }

    #[test]
    fn mention_past_the_end_is_shown_unlinked_with_a_warning() {
        let (pieces, warnings) = segments("Baghdad", &[m(0, 99, 0)], 1, 3);
        assert_eq!(pieces, vec![Segment::Text("Baghdad")]);
        assert_eq!(warnings[0].problem, SpanProblem::OutOfBounds { length: 7 });
        assert!(warnings[0]
            .to_string()
            .starts_with("body[3]: mention 0..99"));
    }

    #[test]
    fn overlapping_and_reversed_mentions_do_not_duplicate_text() {
        let text = "Iraqi Kurdistan Region";
        let (pieces, warnings) = segments(text, &[m(6, 22, 0), m(0, 15, 1), m(5, 2, 0)], 2, 0);
        assert_eq!(joined(&pieces), text);
        assert_eq!(warnings.len(), 2);
    }

    #[test]
    fn unknown_entity_is_unlinked() {
        let (pieces, warnings) = segments("ISIS", &[m(0, 4, UNKNOWN_ENTITY)], 1, 0);
        assert_eq!(pieces, vec![Segment::Text("ISIS")]);
        assert_eq!(warnings[0].problem, SpanProblem::UnknownEntity);
    }

    #[test]
    fn empty_paragraph_has_no_segments() {
        let (pieces, warnings) = segments("", &[m(0, 1, 0)], 1, 0);
        assert!(pieces.is_empty());
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn headline_mentions_resolve_like_the_body_and_warn_as_the_headline() {
        let text = r#"{"version": 1, "id": "a", "headline": "Iraq and Iran meet",
            "published": "2024-01-01",
            "headline_mentions": [{"start": 0, "end": 4, "entity": "iraq"},
                                  {"start": 9, "end": 13, "entity": "nowhere"}],
            "entities": [{"id": "iraq", "name": "Iraq"}, {"id": "iran", "name": "Iran"}],
            "body": []}"#;
        let article = Article::from_json(text).unwrap();
        let (pieces, warnings) = headline_segments(&article);
        assert_eq!(joined(&pieces), "Iraq and Iran meet");
        assert_eq!(
            pieces[0],
            Segment::Mention {
                text: "Iraq",
                entity_index: 0
            }
        );
        assert_eq!(warnings.len(), 1, "the unknown entity is shown unlinked");
        assert_eq!(warnings[0].problem, SpanProblem::UnknownEntity);
        assert!(warnings[0]
            .to_string()
            .starts_with("headline: mention 9..13"));
    }

    #[test]
    fn a_headline_without_mentions_is_matched_by_name() {
        let text = r#"{"version": 1, "id": "a", "headline": "Iraq and Iran meet",
            "published": "2024-01-01", "entities": [{"id": "iran", "name": "Iran"}],
            "body": []}"#;
        let article = Article::from_json(text).unwrap();
        let (pieces, warnings) = headline_segments(&article);
        assert!(warnings.is_empty());
        assert_eq!(
            pieces[1],
            Segment::Mention {
                text: "Iran",
                entity_index: 0
            }
        );
    }
}
