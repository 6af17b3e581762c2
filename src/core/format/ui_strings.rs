//! A strings file: the viewer's own words in one language (`core::text::ui_text` lists them,
//! with their English text). The viewer ships them in `strings/` next to its files and fetches
//! one when an element asks for its language (`lang="fr"`); a publisher may add a language by
//! adding a file. `schema/lede-ui-strings.v1.schema.json` is its schema.

use crate::core::format::error::FormatError;
use crate::core::format::shape::{files, parse, read_shape, shape};
use crate::core::json::reader::{Read, Reader};
use crate::core::text::language::clean_language_tag;
use crate::core::text::ui_text::{self, UiText, KEYS};

// { "version": 1, "lang": "fr",
//   "strings": { "show_more": "Afficher {n} de plus", "topics": "Thèmes", ... } }
shape! {
    /// A strings file as written.
    #[derive(Debug, Clone, PartialEq)]
    pub struct UiStringsFile {
        pub version: u32 = required,
        /// The language of the texts, a BCP 47 tag (`fr`, `pt-BR`).
        pub lang: String = required,
        /// Text by key. Keys the viewer does not know are kept and ignored (a newer file);
        /// keys it knows and the file leaves out stay English.
        pub strings: Translations = required(read_translations),
    }
}

files!(UiStringsFile);

/// The `strings` object of a file, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translations(pub Vec<(String, String)>);

/// Written back as the object it was read from.
impl serde::Serialize for Translations {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

fn read_translations(r: &mut Reader) -> Read<Translations> {
    let mut pairs = Vec::new();
    r.object("an object of texts", &mut |r, key| {
        pairs.push((key.to_string(), r.string()?));
        Ok(())
    })?;
    Ok(Translations(pairs))
}

/// The viewer's words in one language, English where a file leaves one out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiStrings {
    lang: String,
    /// By [`UiText`] (`texts[t as usize]`); empty for English.
    texts: Vec<Option<String>>,
}

impl Default for UiStrings {
    fn default() -> Self {
        UiStrings::english()
    }
}

impl UiStrings {
    /// The built-in words.
    pub fn english() -> UiStrings {
        UiStrings {
            lang: "en".to_string(),
            texts: Vec::new(),
        }
    }

    /// Reads a strings file. A `lang` that is not a language tag is an error: it ends up in the
    /// page's `lang` attribute.
    pub fn from_json(text: &str) -> Result<UiStrings, FormatError> {
        let file: UiStringsFile = parse(text, read_shape)?;
        let lang = clean_language_tag(&file.lang).ok_or_else(|| FormatError::Invalid {
            path: "lang".to_string(),
            message: "not a language tag".to_string(),
        })?;
        let mut texts = vec![None; KEYS.len()];
        for (key, text) in file.strings.0 {
            if let Some(i) = KEYS.iter().position(|k| *k == key) {
                texts[i] = Some(text);
            }
        }
        Ok(UiStrings { lang, texts })
    }

    /// The language of the words, for the `lang` attribute of what shows them.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// One word or sentence.
    pub fn get(&self, text: UiText) -> &str {
        match self.texts.get(text as usize) {
            Some(Some(t)) => t,
            _ => text.english(),
        }
    }

    /// [`UiStrings::get`] with its `{name}` placeholders filled.
    pub fn fill(&self, text: UiText, values: &[(&str, &str)]) -> String {
        ui_text::fill(self.get(text), values)
    }

    /// "1 article" or "{n} articles": `one` for 1, `other` (with `{n}`) for any other number.
    pub fn count(&self, n: usize, one: UiText, other: UiText) -> String {
        if n == 1 {
            self.get(one).to_string()
        } else {
            self.fill(other, &[("n", &n.to_string())])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_overrides_the_words_it_has_and_leaves_english_for_the_rest() {
        let s = UiStrings::from_json(
            r#"{"version":1,"lang":"fr","strings":{"topics":"Thèmes","show_more":"Afficher {n} de plus","from_the_future":"x"}}"#,
        )
        .unwrap();
        assert_eq!(s.lang(), "fr");
        assert_eq!(s.get(UiText::Topics), "Thèmes");
        assert_eq!(
            s.fill(UiText::ShowMore, &[("n", "5")]),
            "Afficher 5 de plus"
        );
        assert_eq!(s.get(UiText::ClearTopics), "Clear topics");
        assert_eq!(
            s.count(1, UiText::ArticleCountOne, UiText::ArticleCount),
            "1 article"
        );
        assert_eq!(
            UiStrings::english().count(3, UiText::ArticleCountOne, UiText::ArticleCount),
            "3 articles"
        );
    }

    #[test]
    fn a_strings_file_with_a_bad_language_or_a_non_text_value_is_refused() {
        for bad in [
            r#"{"version":1,"lang":"fr\" onclick=x","strings":{}}"#,
            r#"{"version":1,"lang":"fr","strings":{"topics":3}}"#,
            r#"{"version":1,"lang":"fr","strings":[]}"#,
            r#"{"version":2,"lang":"fr","strings":{}}"#,
            r#"{"version":1,"strings":{}}"#,
        ] {
            assert!(UiStrings::from_json(bad).is_err(), "{bad}");
        }
    }
}
