//! Languages, names, the entity registry and the sentences articles are made of.

use super::*;

/// A language of the generated text.
#[derive(Clone, Copy)]
pub(super) struct Lang {
    pub(super) tag: &'static str,
    pub(super) words: &'static [&'static str],
    /// Chinese and Japanese: no spaces between words, and fewer characters per headline.
    pub(super) dense: bool,
    pub(super) stop: &'static str,
}

pub(super) const LANGS: [(Lang, f64); 7] = [
    (
        Lang {
            tag: "en",
            words: EN,
            dense: false,
            stop: ".",
        },
        0.80,
    ),
    (
        Lang {
            tag: "ru",
            words: RU,
            dense: false,
            stop: ".",
        },
        0.05,
    ),
    (
        Lang {
            tag: "el",
            words: EL,
            dense: false,
            stop: ".",
        },
        0.03,
    ),
    (
        Lang {
            tag: "zh",
            words: ZH,
            dense: true,
            stop: "。",
        },
        0.04,
    ),
    (
        Lang {
            tag: "ja",
            words: JA,
            dense: true,
            stop: "。",
        },
        0.03,
    ),
    (
        Lang {
            tag: "ar",
            words: AR,
            dense: false,
            stop: ".",
        },
        0.03,
    ),
    (
        Lang {
            tag: "he",
            words: HE,
            dense: false,
            stop: ".",
        },
        0.02,
    ),
];

pub(super) fn pick_lang(rng: &mut Rng) -> Lang {
    let mut x = rng.unit();
    for (lang, p) in LANGS {
        if x < p {
            return lang;
        }
        x -= p;
    }
    LANGS[0].0
}

pub(super) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

pub(super) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn invented_name(rng: &mut Rng) -> String {
    let n = rng.range(2, 3);
    let raw: String = (0..n).map(|_| *rng.pick(SYLLABLES)).collect();
    capitalise(&raw)
}

pub(super) fn topics() -> Vec<Topic> {
    TOPICS
        .iter()
        .map(|label| Topic {
            id: slug(label),
            label: (*label).to_string(),
            count: None,
        })
        .collect()
}

/// The entity registry: 300 distinct names (persons with their surname as alias,
/// organisations, places, events), depending only on the seed.
pub(super) fn registry(seed: u64) -> Vec<Entity> {
    let mut rng = Rng::new(seed ^ 0xE27_17E5, u64::MAX);
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::with_capacity(REGISTRY_SIZE);
    while out.len() < REGISTRY_SIZE {
        let slot = out.len() % 10;
        let (kind, name, aliases) = match slot {
            0..=3 => {
                let last = *rng.pick(LAST);
                (
                    EntityKind::Person,
                    format!("{} {last}", rng.pick(FIRST)),
                    vec![last.to_string()],
                )
            }
            4..=6 => (
                EntityKind::Organisation,
                format!("{} {}", invented_name(&mut rng), rng.pick(ORG_KINDS)),
                vec![],
            ),
            7 | 8 => (EntityKind::Place, invented_name(&mut rng), vec![]),
            _ => (
                EntityKind::Event,
                format!("{} {}", invented_name(&mut rng), rng.pick(EVENT_KINDS)),
                vec![],
            ),
        };
        let id = slug(&name);
        // Names are unique and never a surname alias of someone else, so every inserted name is
        // found as exactly one mention of its own entity.
        if names.contains(&name) || ids.contains(&id) || LAST.contains(&name.as_str()) {
            continue;
        }
        names.insert(name.clone());
        ids.insert(id.clone());
        let n = out.len();
        let (url, wikidata) = match n % 3 {
            0 => (Some(format!("https://wiki.example/{id}")), None),
            1 => (None, Some(format!("Q{}", 100_000 + n * 7))),
            _ => (None, None),
        };
        out.push(Entity {
            id,
            name,
            kind,
            aliases,
            url,
            wikidata,
            ..Default::default()
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Text

/// Words of `lang` until the text has about `target` code points (never more than `max`).
pub(super) fn words_to_length(rng: &mut Rng, lang: Lang, target: usize, max: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    while len < target {
        let w = *rng.pick(lang.words);
        let extra = w.chars().count() + usize::from(!lang.dense && !out.is_empty());
        if len + extra > max && len > 0 {
            break;
        }
        if !lang.dense && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        len += extra;
    }
    capitalise(&out)
}

/// A length in `lo..=hi`, peaked in the middle (the mean of two uniforms).
pub(super) fn peaked(rng: &mut Rng, lo: usize, hi: usize) -> usize {
    let span = (hi - lo) as f64;
    lo + ((rng.unit() + rng.unit()) / 2.0 * span) as usize
}

pub(super) fn headline(rng: &mut Rng, lang: Lang) -> String {
    if lang.dense {
        let t = peaked(rng, 12, 36);
        words_to_length(rng, lang, t, 40)
    } else {
        let t = peaked(rng, 44, 100);
        words_to_length(rng, lang, t, 110)
    }
}

pub(super) fn standfirst(rng: &mut Rng, lang: Lang) -> String {
    let text = if lang.dense {
        let t = peaked(rng, 30, 90);
        words_to_length(rng, lang, t, 95)
    } else {
        let t = peaked(rng, 85, 210);
        words_to_length(rng, lang, t, 219)
    };
    format!("{text}{}", lang.stop)
}

/// One sentence of 8–20 words of `lang`, with `names` placed at random word positions.
pub(super) fn sentence(rng: &mut Rng, lang: Lang, names: &[&str]) -> String {
    let n = rng.range(8, 20);
    let mut words: Vec<String> = (0..n)
        .map(|_| (*rng.pick(lang.words)).to_string())
        .collect();
    for name in names {
        let at = rng.range(1, words.len());
        words.insert(at, (*name).to_string());
        // A filler word after every name, so two names never run into one another.
        words.insert(at + 1, (*rng.pick(lang.words)).to_string());
    }
    let sep = if lang.dense { "" } else { " " };
    format!("{}{}", capitalise(&words.join(sep)), lang.stop)
}

/// Mentions found by [`find_mentions`] in every paragraph; keeps only the entities found,
/// renumbers the mentions, and returns the registry positions of the entities kept.
pub(super) fn resolve_mentions(
    paragraphs: Vec<String>,
    chosen: &[usize],
    registry: &[Entity],
) -> (Vec<Paragraph>, Vec<Entity>, Vec<usize>) {
    let entities: Vec<Entity> = chosen.iter().map(|&i| registry[i].clone()).collect();
    let found: Vec<Vec<Mention>> = paragraphs
        .iter()
        .map(|p| find_mentions(p, &entities))
        .collect();
    let used: Vec<usize> = (0..entities.len())
        .filter(|i| found.iter().flatten().any(|m| m.entity_index == *i))
        .collect();
    let body = paragraphs
        .into_iter()
        .zip(found)
        .map(|(text, mentions)| Paragraph {
            text,
            mentions: Some(
                mentions
                    .into_iter()
                    .map(|m| Mention {
                        entity_index: used.iter().position(|u| *u == m.entity_index).unwrap(),
                        ..m
                    })
                    .collect(),
            ),
        })
        .collect();
    let kept = used.iter().map(|&i| entities[i].clone()).collect();
    (body, kept, used.iter().map(|&i| chosen[i]).collect())
}
