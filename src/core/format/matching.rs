//! Finding mentions in a paragraph that has none written down: the article's entity names and
//! aliases, matched as whole words, longest first, never overlapping.
//!
//! Matching is case-sensitive (entity names are proper nouns: "Iran" is not "iran"). A name must
//! not continue a word on either side (see [`continues_word`]): "Iran-Iraq" yields both
//! countries, "Sudani’s" yields Sudani, "Iranian" does not yield Iran, and a decomposed "José"
//! does not yield "Jose". Chinese and Japanese are written without spaces, so there a name only
//! has to not run into letters of another script: `公司DeepMind开发` yields DeepMind, and names
//! written in Han or kana match wherever they occur (curators give only distinctive ones).

use crate::core::format::article::Mention;
use crate::core::format::entity::Entity;

/// Mentions of `entities` in `text`, sorted by start, in code-point offsets, each with its
/// entity's id and index.
pub fn find_mentions(text: &str, entities: &[Entity]) -> Vec<Mention> {
    // (name, entity index), longest name first so "Islamic State of Iraq" wins over "Iraq".
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
    // Total order (entity, then the name itself), so the smaller unstable sort is deterministic.
    // Longest first is also what makes the overlap test below two lookups.
    names.sort_unstable_by(|a, b| {
        let (la, lb) = (a.0.chars().count(), b.0.chars().count());
        lb.cmp(&la).then(a.1.cmp(&b.1)).then(a.0.cmp(b.0))
    });

    // The same name given twice (two entities, or a name repeated as an alias) can only find
    // what its first, winning, occurrence already took: match each name once.
    let mut by_name: Vec<usize> = (0..names.len()).collect();
    by_name.sort_unstable_by(|&a, &b| names[a].0.cmp(names[b].0).then(a.cmp(&b)));
    let mut first = vec![true; names.len()];
    for pair in by_name.windows(2) {
        first[pair[1]] = names[pair[0]].0 != names[pair[1]].0;
    }
    let names = names
        .into_iter()
        .zip(first)
        .filter_map(|(name, first)| first.then_some(name));

    // Which bytes of the text a mention taken so far covers, and the mentions taken. Names
    // come longest first, so a range taken earlier is at least as long as a later match: if
    // it overlaps the match at all, it covers the match's first or last byte. Two lookups per
    // match instead of a comparison with every range taken (a paragraph of 100,000 one-letter
    // names was 5 billion comparisons), and marking costs each byte of the text once.
    let mut covered = vec![false; text.len()];
    let mut taken: Vec<(usize, usize, usize)> = Vec::new();
    for (name, entity_index) in names {
        let mut from = 0;
        while let Some(found) = text[from..].find(name) {
            let start = from + found;
            let end = start + name.len();
            from = start + name.chars().next().map_or(1, char::len_utf8);
            let (first, last) = (name.chars().next(), name.chars().next_back());
            let whole_word = !continues_word(first, text[..start].chars().next_back())
                && !continues_word(last, text[end..].chars().next());
            if whole_word && !covered[start] && !covered[end - 1] {
                covered[start..end].fill(true);
                taken.push((start, end, entity_index));
            }
        }
    }
    taken.sort_unstable();

    // Convert byte offsets to code-point offsets in one pass over the text.
    let mut mentions = Vec::with_capacity(taken.len());
    let mut chars_before = 0;
    let mut byte_cursor = 0;
    let mut count_to = |byte: usize| {
        chars_before += text[byte_cursor..byte].chars().count();
        byte_cursor = byte;
        chars_before
    };
    for (start, end, entity_index) in taken {
        let start = count_to(start);
        let end = count_to(end);
        mentions.push(Mention {
            start,
            end,
            entity: entities[entity_index].id.clone(),
            entity_index,
        });
    }
    mentions
}

/// Whether `neighbour`, just outside a match, continues the word that the match's `edge`
/// character belongs to.
fn continues_word(edge: Option<char>, neighbour: Option<char>) -> bool {
    let (Some(edge), Some(neighbour)) = (edge, neighbour) else {
        return false;
    };
    if is_combining_mark(neighbour) {
        return true;
    }
    if is_unspaced_script(edge) || is_unspaced_script(neighbour) {
        return false;
    }
    neighbour.is_alphanumeric()
}

/// Han ideographs, kana, and the CJK punctuation and full-width blocks: scripts written without
/// spaces between words.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
}

/// Combining marks that attach to the letter before them (the common diacritic blocks, and the
/// vowel signs and viramas of the Indic scripts), so that a match never ends inside a letter.
fn is_combining_mark(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
        // Indic blocks (Devanagari to Malayalam): signs sit at offsets 0x00-0x03, 0x3A-0x4F,
        // 0x51-0x57 and 0x62-0x63 of each 128-character block.
        || ((0x0900..=0x0D7F).contains(&u)
            && matches!(u & 0x7F, 0x00..=0x03 | 0x3A..=0x4F | 0x51..=0x57 | 0x62..=0x63)
            && !matches!(u & 0x7F, 0x3D | 0x50))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::EntityKind;

    fn entity(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: name.to_lowercase().replace(' ', "-"),
            name: name.into(),
            kind: EntityKind::Other,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            url: None,
            wikidata: None,
            description: None,
            image: None,
        }
    }

    fn spans(text: &str, entities: &[Entity]) -> Vec<(String, usize)> {
        find_mentions(text, entities)
            .into_iter()
            .map(|m| {
                (
                    text.chars().skip(m.start).take(m.end - m.start).collect(),
                    m.entity_index,
                )
            })
            .collect()
    }

    #[test]
    fn longest_name_wins_over_contained_shorter_name() {
        let es = [
            entity("Iraq", &[]),
            entity("Islamic State of Iraq", &["ISI"]),
        ];
        let found = spans("the Islamic State of Iraq (ISI) left Iraq", &es);
        assert_eq!(
            found,
            vec![
                ("Islamic State of Iraq".into(), 1),
                ("ISI".into(), 1),
                ("Iraq".into(), 0)
            ]
        );
    }

    #[test]
    fn partial_words_do_not_match() {
        let es = [entity("Iran", &[]), entity("ISI", &[])];
        assert!(spans("Iranian forces fought ISIS", &es).is_empty());
    }

    #[test]
    fn hyphen_and_curly_apostrophe_are_boundaries() {
        let es = [
            entity("Iran", &[]),
            entity("Iraq", &[]),
            entity("Sudani", &[]),
        ];
        let found: Vec<String> = spans("the Iran-Iraq border, Sudani’s office", &es)
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(found, ["Iran", "Iraq", "Sudani"]);
    }

    #[test]
    fn offsets_are_code_points_after_multibyte_text() {
        let es = [entity("Erbil", &[])];
        let text = "“Erbil” — Erbil";
        let ms = find_mentions(text, &es);
        assert_eq!((ms[0].start, ms[0].end), (1, 6));
        assert_eq!((ms[1].start, ms[1].end), (10, 15));
    }

    #[test]
    fn latin_name_inside_chinese_text_is_found() {
        let es = [entity("DeepMind", &[]), entity("谷歌", &[])];
        let found: Vec<String> = spans("谷歌旗下的公司DeepMind开发了", &es)
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(found, ["谷歌", "DeepMind"]);
    }

    #[test]
    fn name_does_not_stop_before_a_combining_accent() {
        let es = [entity("Jose", &[])];
        assert!(spans("Jose\u{301} Mujica", &es).is_empty());
        assert_eq!(spans("Jose Mujica", &es).len(), 1);
    }

    #[test]
    fn aliases_match_and_blank_names_are_ignored() {
        let es = [entity("Nechirvan Barzani", &["Nechirivan Barzani", "  "])];
        assert_eq!(
            spans("met Nechirivan Barzani", &es)[0].0,
            "Nechirivan Barzani"
        );
    }
}
