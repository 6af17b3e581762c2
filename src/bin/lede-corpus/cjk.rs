//! Mentions in Chinese and Japanese text, where words are not separated by spaces.
//!
//! [`lede::core::matching::find_mentions`] requires a name to stand as a whole word: the
//! characters around it must not be letters or digits. Han ideographs and kana count as letters,
//! so in `公司DeepMind开发` the name `DeepMind` is never found. For articles in a language written
//! without spaces, this matcher only asks that a name not continue a run of the *same* kind of
//! letters: Latin names need non-Latin-alphanumeric neighbours, and names in Han or kana need
//! none (they are matched as substrings, so curators must only give distinctive ones).
//! Otherwise it follows the core rules: case-sensitive, longest name first, never overlapping,
//! code-point offsets.

use lede::core::format::{Entity, Mention};

/// True for languages written without spaces between words.
pub fn is_unspaced_language(tag: Option<&str>) -> bool {
    let Some(tag) = tag else { return false };
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "zh" | "ja" | "yue" | "wuu" | "cmn" | "th" | "lo" | "km" | "my"
    )
}

/// Han ideographs, kana and CJK punctuation/compatibility blocks.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
}

/// Whether `neighbour` continues a word that `edge` (the name's first or last character)
/// belongs to.
fn joins(edge: char, neighbour: Option<char>) -> bool {
    match neighbour {
        None => false,
        Some(n) => {
            if is_cjk(edge) {
                false
            } else {
                n.is_alphanumeric() && !is_cjk(n)
            }
        }
    }
}

/// Mentions of `entities` in `text`, sorted by start, in code-point offsets.
pub fn find_mentions_unspaced(text: &str, entities: &[Entity]) -> Vec<Mention> {
    let mut names: Vec<(&str, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .map(move |n| (n.trim(), i))
        })
        .filter(|(n, _)| !n.is_empty())
        .collect();
    names.sort_by(|a, b| {
        let (la, lb) = (a.0.chars().count(), b.0.chars().count());
        lb.cmp(&la).then(a.1.cmp(&b.1))
    });
    let mut taken: Vec<(usize, usize, usize)> = Vec::new();
    for (name, entity_index) in names {
        let first = name.chars().next().expect("non-empty");
        let last = name.chars().next_back().expect("non-empty");
        let mut from = 0;
        while let Some(found) = text[from..].find(name) {
            let start = from + found;
            let end = start + name.len();
            from = start + first.len_utf8();
            let whole = !joins(first, text[..start].chars().next_back())
                && !joins(last, text[end..].chars().next());
            let free = taken.iter().all(|&(s, e, _)| end <= s || start >= e);
            if whole && free {
                taken.push((start, end, entity_index));
            }
        }
    }
    taken.sort_unstable();
    taken
        .into_iter()
        .map(|(start, end, entity_index)| Mention {
            start: text[..start].chars().count(),
            end: text[..end].chars().count(),
            entity_index,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede::core::format::EntityKind;

    fn entity(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: name.to_lowercase(),
            name: name.into(),
            kind: EntityKind::Other,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            url: None,
            wikidata: None,
        }
    }

    #[test]
    fn latin_names_inside_han_text_are_found() {
        let es = [entity("DeepMind", &[]), entity("Google", &["谷歌"])];
        let text = "谷歌(微博) 在2014年收购的人工智能公司DeepMind开发出";
        let found: Vec<(usize, usize, usize)> = find_mentions_unspaced(text, &es)
            .iter()
            .map(|m| (m.start, m.end, m.entity_index))
            .collect();
        assert_eq!(found, [(0, 2, 1), (22, 30, 0)]);
    }

    #[test]
    fn latin_names_still_need_latin_boundaries() {
        let es = [entity("DNC", &[])];
        assert!(find_mentions_unspaced("DNCs and xDNC", &es).is_empty());
        assert_eq!(find_mentions_unspaced("名为DNC（可微", &es).len(), 1);
    }

    #[test]
    fn languages() {
        assert!(is_unspaced_language(Some("zh-Hans")));
        assert!(is_unspaced_language(Some("ja")));
        assert!(!is_unspaced_language(Some("en")));
        assert!(!is_unspaced_language(None));
    }
}
