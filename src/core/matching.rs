//! Finding mentions in a paragraph that has none written down: the article's entity names and
//! aliases, matched as whole words, longest first, never overlapping.
//!
//! Matching is case-sensitive (entity names are proper nouns: "Iran" is not "iran"), and a
//! word boundary is any character that is not alphanumeric, so "Iran-Iraq" yields both
//! countries, "Sudani’s" yields Sudani, and "Iranian" does not yield Iran.

use crate::core::format::{Entity, Mention};

/// Mentions of `entities` in `text`, sorted by start, in code-point offsets.
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
    names.sort_by(|a, b| {
        let (la, lb) = (a.0.chars().count(), b.0.chars().count());
        lb.cmp(&la).then(a.1.cmp(&b.1))
    });

    // Byte ranges taken so far, with the entity that took them.
    let mut taken: Vec<(usize, usize, usize)> = Vec::new();
    for (name, entity_index) in names {
        let mut from = 0;
        while let Some(found) = text[from..].find(name) {
            let start = from + found;
            let end = start + name.len();
            from = start + name.chars().next().map_or(1, char::len_utf8);
            let whole_word = !text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            let free = taken.iter().all(|&(s, e, _)| end <= s || start >= e);
            if whole_word && free {
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
            entity_index,
        });
    }
    mentions
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
    fn aliases_match_and_blank_names_are_ignored() {
        let es = [entity("Nechirvan Barzani", &["Nechirivan Barzani", "  "])];
        assert_eq!(
            spans("met Nechirivan Barzani", &es)[0].0,
            "Nechirivan Barzani"
        );
    }
}
