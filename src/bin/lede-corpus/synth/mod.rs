//! `lede-corpus synth`: deterministic synthetic corpora for benchmarks (`bench/`), in the current
//! format (an index with inline summaries + `articles/<id>.json`).
//!
//! Shapes follow real news rather than uniform noise: headlines of about 40–110 characters and
//! standfirsts of 80–220 (shorter in Chinese and Japanese, which need fewer characters), 40 topics
//! drawn with a Zipf-like skew (1–5 per article), thumbnails on about 70% of articles, dates over
//! six years (some with a time of day), about 15% of articles in Cyrillic, Greek or CJK text and
//! about 5% in Arabic or Hebrew (with the matching `language`), an entity registry of 300 (0–6 per
//! article, also skewed), and 3–8 paragraphs per article whose mentions are computed with
//! [`find_mentions`], exactly as `lede-corpus build` does. With `--long`, one more article of
//! 10,000 words with 1,000 mentions of 100 entities, dated after every other one (so it is the
//! first card of the unfiltered list).
//!
//! Randomness comes from a small SplitMix64 generator seeded by `--seed`; every article has its
//! own stream (seed and position), and nothing iterates a hash map, so the output is
//! byte-identical for the same arguments on every machine.

mod article;
mod rng;
mod text;
mod words;

use article::*;
use rng::*;
use text::*;

use lede::core::format::matching::find_mentions;
use lede::core::format::{
    Article, CorpusIndex, Entity, EntityKind, LeadImage, Mention, Paragraph, Thumbnail, Topic,
    FORMAT_VERSION,
};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use words::*;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    pub articles: usize,
    pub seed: u64,
    pub long: bool,
}

/// What `synth` wrote, for the summary line.
pub struct Synthesized {
    pub articles: usize,
    pub entities: usize,
    pub index_bytes: usize,
    pub search: crate::search::SearchWritten,
}

/// The id of the long article (`--long`).
pub const LONG_ID: &str = "synth-long";
/// Words, mentions and distinct entities of the long article.
pub const LONG_WORDS: usize = 10_000;
pub const LONG_MENTIONS: usize = 1_000;
pub const LONG_ENTITIES: usize = 100;
/// Size of the entity registry.
pub const REGISTRY_SIZE: usize = 300;

/// Writes `<out>/index.json` and `<out>/articles/<id>.json`; removes other `*.json` files in
/// `<out>/articles` so that a smaller corpus written over a larger one leaves nothing stale.
pub fn synth(options: SynthOptions, out: &Path) -> Result<Synthesized, String> {
    let articles_dir = out.join("articles");
    std::fs::create_dir_all(&articles_dir)
        .map_err(|e| format!("{}: cannot create: {e}", articles_dir.display()))?;
    let mut written: BTreeSet<PathBuf> = BTreeSet::new();
    let mut index = generate(options, |article| {
        let path = articles_dir.join(format!("{}.json", article.id));
        std::fs::write(&path, format!("{}\n", article.to_json()))
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        written.insert(path);
        Ok(())
    })?;
    let entries =
        std::fs::read_dir(&articles_dir).map_err(|e| format!("{}: {e}", articles_dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "json") && !written.contains(&path) {
            std::fs::remove_file(&path)
                .map_err(|e| format!("{}: cannot remove stale file: {e}", path.display()))?;
        }
    }
    let search = crate::search::write_search(&index, out, out)?;
    index.search = Some(crate::search::META.to_string());
    let json = format!("{}\n", index.to_json());
    let path = out.join("index.json");
    std::fs::write(&path, &json).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    Ok(Synthesized {
        articles: index.articles.len(),
        entities: index.entities.len(),
        index_bytes: json.len(),
        search,
    })
}

/// Generates the corpus, handing every article to `sink` as soon as it exists (a 100k corpus
/// does not fit comfortably in memory as `Article`s) and returning the index.
pub fn generate(
    options: SynthOptions,
    mut sink: impl FnMut(&Article) -> Result<(), String>,
) -> Result<CorpusIndex, String> {
    let topics = topics();
    let registry = registry(options.seed);
    let topic_weights = zipf_cumulative(topics.len(), 1.0);
    let entity_weights = zipf_cumulative(registry.len(), 0.8);
    let mut summaries = Vec::with_capacity(options.articles + 1);
    let mut mentioned = vec![false; registry.len()];
    for n in 0..options.articles {
        let mut rng = Rng::new(options.seed ^ 0x5EED_0000_0000_0000, n as u64);
        let (article, thumbnail, used) = article(
            &mut rng,
            n,
            &topics,
            &registry,
            &topic_weights,
            &entity_weights,
        );
        for i in used {
            mentioned[i] = true;
        }
        sink(&article)?;
        summaries.push(article.summary(thumbnail));
    }
    if options.long {
        let (article, thumbnail, used) = long_article(options.seed, &topics, &registry);
        for i in used {
            mentioned[i] = true;
        }
        sink(&article)?;
        summaries.push(article.summary(thumbnail));
    }
    let entities = registry
        .iter()
        .zip(&mentioned)
        .filter(|(_, m)| **m)
        .map(|(e, _)| e.summary())
        .collect();
    Ok(CorpusIndex {
        version: FORMAT_VERSION,
        title: Some(format!(
            "Lede — synthetic corpus ({} articles{}, seed {})",
            options.articles,
            if options.long { " + long" } else { "" },
            options.seed
        )),
        topics,
        entities,
        entity_file: None,
        articles: summaries,
        catalog: None,
        search: None,
    })
}

// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use lede::core::format::mentions::segments;
    use lede::core::format::ArticleSummary;

    fn corpus(articles: usize, seed: u64, long: bool) -> (CorpusIndex, Vec<Article>) {
        let mut all = Vec::new();
        let index = generate(
            SynthOptions {
                articles,
                seed,
                long,
            },
            |a| {
                all.push(a.clone());
                Ok(())
            },
        )
        .unwrap();
        (index, all)
    }

    fn text_of(index: &CorpusIndex, articles: &[Article]) -> String {
        let mut s = index.to_json();
        for a in articles {
            s.push_str(&a.to_json());
        }
        s
    }

    #[test]
    fn same_arguments_same_bytes_other_seed_other_bytes() {
        let (i1, a1) = corpus(300, 7, true);
        let (i2, a2) = corpus(300, 7, true);
        assert_eq!(text_of(&i1, &a1), text_of(&i2, &a2));
        let (i3, a3) = corpus(300, 8, true);
        assert_ne!(text_of(&i1, &a1), text_of(&i3, &a3));
        // A larger corpus starts with the same articles: each article has its own stream.
        let (_, a4) = corpus(400, 7, false);
        assert_eq!(a1[..300], a4[..300]);
    }

    #[test]
    fn synth_writes_files_that_read_back_and_is_byte_identical() {
        let dir = std::env::temp_dir().join(format!("lede-synth-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let options = SynthOptions {
            articles: 50,
            seed: 3,
            long: true,
        };
        synth(options, &dir).unwrap();
        let first = std::fs::read(dir.join("index.json")).unwrap();
        let long = std::fs::read(dir.join("articles/synth-long.json")).unwrap();
        // A stale file from a larger corpus goes away; a second run writes the same bytes.
        std::fs::write(dir.join("articles/synth-999999.json"), "{}").unwrap();
        synth(options, &dir).unwrap();
        assert_eq!(first, std::fs::read(dir.join("index.json")).unwrap());
        assert_eq!(
            long,
            std::fs::read(dir.join("articles/synth-long.json")).unwrap()
        );
        assert!(!dir.join("articles/synth-999999.json").exists());
        let index = CorpusIndex::from_json(std::str::from_utf8(&first).unwrap()).unwrap();
        assert_eq!(index.articles.len(), 51);
        for s in &index.articles {
            let text = std::fs::read_to_string(dir.join(s.url.as_str())).unwrap();
            let a = Article::from_json(&text).unwrap();
            assert_eq!(a.headline, s.headline);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn shapes_are_roughly_those_of_real_news() {
        let (index, articles) = corpus(3000, 42, false);
        let n = articles.len() as f64;
        let share =
            |f: &dyn Fn(&Article) -> bool| articles.iter().filter(|a| f(a)).count() as f64 / n;
        let lang = |a: &Article| a.language.clone().unwrap();
        let non_latin = share(&|a| ["ru", "el", "zh", "ja"].contains(&lang(a).as_str()));
        let rtl = share(&|a| ["ar", "he"].contains(&lang(a).as_str()));
        assert!((0.12..0.18).contains(&non_latin), "non-Latin {non_latin}");
        assert!((0.035..0.065).contains(&rtl), "rtl {rtl}");
        let thumbs = index
            .articles
            .iter()
            .filter(|a| a.thumbnail.is_some())
            .count() as f64
            / n;
        assert!((0.66..0.74).contains(&thumbs), "thumbnails {thumbs}");
        for a in &articles {
            let (h, s) = (
                a.headline.chars().count(),
                a.standfirst.as_ref().unwrap().chars().count(),
            );
            if ["zh", "ja"].contains(&lang(a).as_str()) {
                assert!((8..=40).contains(&h), "{h}: {}", a.headline);
            } else {
                assert!((40..=110).contains(&h), "{h}: {}", a.headline);
                assert!((80..=220).contains(&s), "{s}: {:?}", a.standfirst);
            }
            assert!((1..=5).contains(&a.topics.len()));
            assert!(a.entities.len() <= 6);
            assert!((3..=8).contains(&a.body.len()));
            assert!(lede::core::text::dates::parse_timestamp(&a.published).is_some());
        }
        // Topics: all 40 used, skewed (the most common far above the least).
        let counts: Vec<usize> = index
            .topics
            .iter()
            .map(|t| articles.iter().filter(|a| a.topics.contains(&t.id)).count())
            .collect();
        assert_eq!(counts.len(), 40);
        assert!(counts.iter().all(|c| *c > 0));
        assert!(counts[0] > 8 * counts[39], "{counts:?}");
        // Dates over several years.
        let years: BTreeSet<&str> = articles.iter().map(|a| &a.published[..4]).collect();
        assert_eq!(years.len(), 6);
        // The registry is mostly used, and entities are skewed too.
        assert!(index.entities.len() > 250, "{}", index.entities.len());
        assert!(index.entities.len() <= REGISTRY_SIZE);
    }

    fn assert_mentions_valid(a: &Article) -> usize {
        let mut total = 0;
        for (i, p) in a.body.iter().enumerate() {
            let mentions = p.mentions.as_ref().expect("explicit mentions");
            let (_, warnings) = segments(&p.text, mentions, a.entities.len(), i);
            assert!(warnings.is_empty(), "{}: {warnings:?}", a.id);
            assert_eq!(mentions, &find_mentions(&p.text, &a.entities), "{}", a.id);
            for m in mentions {
                let named: String = p.text.chars().skip(m.start).take(m.end - m.start).collect();
                let e = &a.entities[m.entity_index];
                assert!(
                    named == e.name || e.aliases.contains(&named),
                    "{named} / {}",
                    e.name
                );
            }
            total += mentions.len();
        }
        // Every listed entity is mentioned at least once.
        for (i, _) in a.entities.iter().enumerate() {
            assert!(
                a.body
                    .iter()
                    .flat_map(|p| p.mentions.iter().flatten())
                    .any(|m| m.entity_index == i),
                "{}: entity {i} unmentioned",
                a.id
            );
        }
        total
    }

    #[test]
    fn mentions_are_valid_in_every_script() {
        let (index, articles) = corpus(1500, 9, false);
        let mut with_entities = 0;
        for (a, s) in articles.iter().zip(&index.articles) {
            assert_mentions_valid(a);
            let ids: Vec<&str> = a.entities.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(s.entities, ids);
            with_entities += usize::from(!a.entities.is_empty());
            // What the tool writes is what the viewer reads.
            assert_eq!(&Article::from_json(&a.to_json()).unwrap(), a);
        }
        assert!(with_entities > 1000);
        // Names are found in CJK text too (a change of script is a word boundary).
        assert!(articles
            .iter()
            .any(|a| a.language.as_deref() == Some("zh") && !a.entities.is_empty()));
        CorpusIndex::from_json(&index.to_json()).unwrap();
    }

    #[test]
    fn the_long_article() {
        let (index, articles) = corpus(10, 1, true);
        let long = articles.last().unwrap();
        assert_eq!(long.id, LONG_ID);
        let words: usize = long
            .body
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum();
        assert_eq!(words, LONG_WORDS);
        assert_eq!(assert_mentions_valid(long), LONG_MENTIONS);
        assert_eq!(long.entities.len(), LONG_ENTITIES);
        // Newest, so first in the unfiltered list.
        let mut all: Vec<&ArticleSummary> = index.articles.iter().collect();
        lede::core::corpus::order::sort_newest_first(&mut all);
        assert_eq!(all[0].id, LONG_ID);
    }

    #[test]
    fn civil_dates_round_trip() {
        for day in [0, 17_897, 17_897 + 2191, 19_000] {
            let (y, m, d) = civil_from_days(day);
            let text = format!("{y:04}-{m:02}-{d:02}");
            assert_eq!(
                lede::core::text::dates::parse_timestamp(&text),
                Some(day * 86_400),
                "{text}"
            );
        }
    }
}
