//! The translations shipped in `strings/`: each one reads, says the language its file name
//! says, translates every word the viewer has, and uses no placeholder the English text lacks
//! (a misspelt `{n}` would show as it is).

mod common;

use lede::core::format::UiStrings;
use lede::core::text::ui_text::{ENGLISH, KEYS};
use serde_json::Value;

fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn every_shipped_translation_reads_and_covers_every_word() {
    let dir = common::root().join("strings");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let strings = UiStrings::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(strings.lang(), name, "{name}: `lang` is the file's name");
        let raw: Value = serde_json::from_str(&text).unwrap();
        let texts = raw["strings"].as_object().unwrap();
        for (key, english) in KEYS.iter().zip(ENGLISH) {
            let Some(translated) = texts.get(*key).and_then(Value::as_str) else {
                panic!("{name}: no `{key}`");
            };
            for p in placeholders(translated) {
                assert!(
                    placeholders(english).contains(&p),
                    "{name}: `{key}` has {{{p}}}, which the viewer does not fill"
                );
            }
        }
        for key in texts.keys() {
            assert!(KEYS.contains(&key.as_str()), "{name}: unknown key `{key}`");
        }
        seen += 1;
    }
    assert!(seen >= 3, "strings/ has the shipped languages");
}
