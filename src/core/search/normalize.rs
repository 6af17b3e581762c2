//! Text → search terms: the one normalisation the index and the query share.
//!
//! 1. **Words** are cut at Unicode word boundaries (UAX #29, the `unicode-segmentation` crate);
//!    a segment is a word if it holds a letter or a digit, and a word is cut again at
//!    apostrophes (`l’Assemblée` → `l`, `assemblee`), so elided French articles and English
//!    possessives do not hide the word.
//! 2. **Case**: lowercase (`str::to_lowercase`), plus `ß` → `ss`. Not full Unicode case folding
//!    (which would also fold the few characters whose lowercase is not their fold, e.g. Greek
//!    final sigma `ς` stays `ς`); lowercase covers every script of the corpus.
//! 3. **Diacritics**: NFD, combining marks dropped, NFC again (`Libération` → `liberation`,
//!    `Souček` → `soucek`), the `unicode-normalization` crate. Not applied to kana, where the
//!    voicing marks change the word (`が` is not `か`).
//! 4. **Stems**: Snowball stemmers (`rust-stemmers`) for the languages it has (English, French,
//!    German, Spanish, Portuguese, Italian, Dutch, Swedish, Norwegian, Danish, Finnish,
//!    Hungarian, Romanian, Russian, Greek, Turkish, Arabic, Tamil), applied to the lowercased
//!    word (accents matter to the stemmers) and folded afterwards. Czech and every other
//!    language without a Snowball stemmer are not stemmed: their words match as written,
//!    folded.
//! 5. **Chinese and Japanese** (Han, kana) have no spaces: a run of such characters becomes its
//!    overlapping **bigrams** (`人工智能` → `人工`, `工智`, `智能`), one position each, and its
//!    single characters, without positions, so that a one-character query finds something. A
//!    run of one character is a one-character term with a position.
//!
//! What linking this costs: nothing in the viewer's first view, which never references this
//! module (`src/app/` does not name `core::search`, so the release build drops it). A search
//! worker that links it pays for the word-boundary tables of `unicode-segmentation` (about
//! 20 kB of wasm), the decomposition and combining-class tables of `unicode-normalization`
//! (about 60 kB) and the Snowball stemmers of `rust-stemmers` (about 150 kB for all 18
//! languages): estimates from the crates' table sizes, to be measured when the worker is built.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Words longer than this (in characters) are not indexed: no language needs them, and a 1 MB
/// paragraph without a space must not become a 1 MB term.
pub const MAX_WORD_CHARS: usize = 64;

/// What kind of term a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word, or a lone Chinese or Japanese character: has a position, may have a stem.
    Word,
    /// Two adjacent Chinese or Japanese characters: has a position.
    Bigram,
    /// One character of a longer Chinese or Japanese run: no position (found by one-character
    /// queries only).
    Unigram,
}

/// One term of a text, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercased and folded: what the index stores.
    pub term: String,
    /// Lowercased only: what a stemmer reads.
    pub lower: String,
    pub kind: TokenKind,
    /// The term's place among the text's terms (`Word` and `Bigram` count; `Unigram` shares the
    /// position of the bigram that starts at its character).
    pub position: u32,
    /// Code-point offsets of the token in the text, end exclusive (as mention offsets).
    pub start: usize,
    pub end: usize,
}

/// Whether `c` is written without spaces between words: Han ideographs and kana.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF        // Hiragana, Katakana
        | 0x31F0..=0x31FF      // Katakana phonetic extensions
        | 0x3400..=0x4DBF      // CJK extension A
        | 0x4E00..=0x9FFF      // CJK unified ideographs
        | 0xF900..=0xFAFF      // CJK compatibility ideographs
        | 0xFF66..=0xFF9F      // halfwidth Katakana
        | 0x20000..=0x2FFFF) // CJK extensions B–F
}

fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

/// Lowercase, `ß` → `ss`, diacritics dropped (except on kana).
pub fn fold(text: &str) -> String {
    let lower = lowercase(text);
    fold_lower(&lower)
}

fn lowercase(text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.contains('ß') {
        lower.replace('ß', "ss")
    } else {
        lower
    }
}

fn fold_lower(lower: &str) -> String {
    if lower.is_ascii() {
        return lower.to_string();
    }
    if lower.chars().any(is_kana) {
        return lower.nfc().collect();
    }
    lower
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .nfc()
        .collect()
}

/// The Snowball stemmer for a BCP 47 language tag (by its primary subtag), if there is one.
pub fn stemmer_for(language: &str) -> Option<Algorithm> {
    let primary = language.split(['-', '_']).next()?.to_ascii_lowercase();
    Some(match primary.as_str() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// The folded stem of a lowercased word, if a stemmer applies and the stem differs from the
/// folded word itself (words of digits are not stemmed).
pub fn stem(stemmer: &Stemmer, token: &Token) -> Option<String> {
    if token.kind != TokenKind::Word || !token.lower.chars().any(char::is_alphabetic) {
        return None;
    }
    if token.lower.chars().any(is_cjk) {
        return None;
    }
    let stemmed = fold_lower(&stemmer.stem(&token.lower));
    (!stemmed.is_empty() && stemmed != token.term).then_some(stemmed)
}

/// The tokens of `text`, positions counted from `first_position`.
pub fn tokens(text: &str, first_position: u32) -> Vec<Token> {
    let mut out = Vec::new();
    let mut position = first_position;
    // The run of Chinese or Japanese characters being collected: (char offset, char).
    let mut run: Vec<(usize, char)> = Vec::new();
    // Byte offset → code-point offset, counted incrementally.
    let (mut last_byte, mut last_char) = (0usize, 0usize);
    for (byte, segment) in text.split_word_bound_indices() {
        last_char += text[last_byte..byte].chars().count();
        last_byte = byte;
        if !segment.chars().any(char::is_alphanumeric) {
            flush_run(&mut run, &mut position, &mut out);
            continue;
        }
        // A segment may mix scripts (`DeepMind新电脑` is cut by UAX #29 at the change, but a
        // katakana run with a Latin letter inside is not): split it into CJK and other parts.
        let mut part_start: Option<(usize, usize)> = None; // (byte in segment, char offset)
        for (char_at, (i, c)) in (last_char..).zip(segment.char_indices()) {
            if is_cjk(c) {
                if let Some((b, ch)) = part_start.take() {
                    flush_run(&mut run, &mut position, &mut out);
                    words(&segment[b..i], ch, &mut position, &mut out);
                }
                run.push((char_at, c));
            } else if part_start.is_none() {
                part_start = Some((i, char_at));
            }
        }
        if let Some((b, ch)) = part_start {
            flush_run(&mut run, &mut position, &mut out);
            words(&segment[b..], ch, &mut position, &mut out);
        }
    }
    flush_run(&mut run, &mut position, &mut out);
    out
}

/// A non-CJK part of a word segment, cut at apostrophes.
fn words(part: &str, char_start: usize, position: &mut u32, out: &mut Vec<Token>) {
    let mut at = char_start;
    for piece in part.split(['\'', '’', 'ʼ']) {
        let len = piece.chars().count();
        if piece.chars().any(char::is_alphanumeric) {
            if len <= MAX_WORD_CHARS {
                let lower = lowercase(piece);
                out.push(Token {
                    term: fold_lower(&lower),
                    lower,
                    kind: TokenKind::Word,
                    position: *position,
                    start: at,
                    end: at + len,
                });
            }
            *position = position.saturating_add(1);
        }
        at += len + 1;
    }
}

/// A run of CJK characters → bigrams (with positions) and unigrams (without).
fn flush_run(run: &mut Vec<(usize, char)>, position: &mut u32, out: &mut Vec<Token>) {
    match run.len() {
        0 => {}
        1 => {
            let (at, c) = run[0];
            let term = fold(&c.to_string());
            out.push(Token {
                lower: term.clone(),
                term,
                kind: TokenKind::Word,
                position: *position,
                start: at,
                end: at + 1,
            });
            *position = position.saturating_add(1);
        }
        n => {
            // Bigram i at `base + i`; the next token right after the last bigram.
            let base = *position;
            for i in 0..n {
                let (at, c) = run[i];
                let at_position = base.saturating_add(i.min(n - 2) as u32);
                if i + 1 < n {
                    let term = fold(&format!("{c}{}", run[i + 1].1));
                    out.push(Token {
                        lower: term.clone(),
                        term,
                        kind: TokenKind::Bigram,
                        position: at_position,
                        start: at,
                        end: at + 2,
                    });
                }
                let term = fold(&c.to_string());
                out.push(Token {
                    lower: term.clone(),
                    term,
                    kind: TokenKind::Unigram,
                    position: at_position,
                    start: at,
                    end: at + 1,
                });
            }
            *position = base.saturating_add((n - 1) as u32);
        }
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokens(text, 0)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Unigram)
            .map(|t| t.term)
            .collect()
    }

    #[test]
    fn words_are_lowercased_and_folded() {
        assert_eq!(
            terms("Libération, l’Assemblée!"),
            ["liberation", "l", "assemblee"]
        );
        assert_eq!(
            terms("Souček STRASSE Straße"),
            ["soucek", "strasse", "strasse"]
        );
        assert_eq!(terms("U.S. troops 2023"), ["u.s", "troops", "2023"]);
    }

    #[test]
    fn chinese_becomes_bigrams_with_positions_and_offsets() {
        let t = tokens("DeepMind新电脑", 0);
        let words: Vec<(&str, TokenKind, u32, usize)> = t
            .iter()
            .map(|t| (t.term.as_str(), t.kind, t.position, t.start))
            .collect();
        assert_eq!(
            words,
            [
                ("deepmind", TokenKind::Word, 0, 0),
                ("新电", TokenKind::Bigram, 1, 8),
                ("新", TokenKind::Unigram, 1, 8),
                ("电脑", TokenKind::Bigram, 2, 9),
                ("电", TokenKind::Unigram, 2, 9),
                ("脑", TokenKind::Unigram, 2, 10),
            ]
        );
        assert_eq!(terms("记"), ["记"]);
    }

    #[test]
    fn stems_by_language() {
        let en = Stemmer::create(stemmer_for("en").unwrap());
        let fr = Stemmer::create(stemmer_for("fr-FR").unwrap());
        let t = &tokens("troops Libérations", 0);
        assert_eq!(stem(&en, &t[0]).as_deref(), Some("troop"));
        assert_eq!(stem(&fr, &t[1]).as_deref(), Some("liber"));
        assert!(stemmer_for("cs").is_none(), "no Czech stemmer");
        assert!(stemmer_for("zh-Hans").is_none());
    }

    #[test]
    fn kana_keep_their_voicing_marks() {
        assert_ne!(fold("が"), fold("か"));
    }
}
