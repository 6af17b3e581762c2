//! One generated article: its date, picture, body with mentions, and the long variant.

use super::*;

pub(super) const SIZES: [(u32, u32); 5] = [
    (1200, 675),
    (1200, 800),
    (1024, 768),
    (800, 600),
    (640, 427),
];

pub(super) fn date(rng: &mut Rng) -> String {
    // 2019-01-01 .. 2024-12-31.
    let day = rng.below(2192) as i64;
    let (y, m, d) = civil_from_days(17_897 + day);
    if rng.chance(0.4) {
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00Z",
            rng.below(24),
            rng.below(60)
        )
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (year, month, day).
pub(super) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub(super) fn image(rng: &mut Rng, id: &str, headline: &str) -> LeadImage {
    let (width, height) = *rng.pick(&SIZES);
    let alt: String = headline.chars().take(60).collect();
    LeadImage {
        url: format!("https://img.example/synth/{id}.jpg"),
        alt,
        caption: Some("A picture for a synthetic article.".into()),
        credit: Some(format!("Photographer {}", rng.below(50) + 1)),
        width: Some(width),
        height: Some(height),
    }
}

type Generated = (Article, Option<Thumbnail>, Vec<usize>);

pub(super) fn article(
    rng: &mut Rng,
    n: usize,
    topics: &[Topic],
    registry: &[Entity],
    topic_weights: &[f64],
    entity_weights: &[f64],
) -> Generated {
    let id = format!("synth-{n:06}");
    let lang = pick_lang(rng);
    let headline = headline(rng, lang);
    let standfirst = standfirst(rng, lang);
    let published = date(rng);
    let topic_count = [1, 1, 2, 2, 2, 3, 3, 4, 5][rng.below(9)];
    let article_topics = rng
        .weighted_distinct(topic_weights, topic_count)
        .into_iter()
        .map(|i| topics[i].id.clone())
        .collect();
    let entity_count = [0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6][rng.below(12)];
    let chosen = rng.weighted_distinct(entity_weights, entity_count);

    // 3–8 paragraphs of 2–5 sentences; every chosen entity is named once in full, then now and
    // then again (persons sometimes by surname).
    let paragraph_count = rng.range(3, 8);
    let mut names_by_paragraph: Vec<Vec<&str>> = vec![Vec::new(); paragraph_count];
    for &e in &chosen {
        let entity = &registry[e];
        names_by_paragraph[rng.below(paragraph_count)].push(&entity.name);
        for _ in 0..rng.below(3) {
            let name = match entity.aliases.first() {
                Some(alias) if rng.chance(0.5) => alias.as_str(),
                _ => entity.name.as_str(),
            };
            names_by_paragraph[rng.below(paragraph_count)].push(name);
        }
    }
    let paragraphs: Vec<String> = names_by_paragraph
        .iter()
        .map(|names| {
            let sentences = rng.range(2, 5);
            let mut per: Vec<Vec<&str>> = vec![Vec::new(); sentences];
            for name in names {
                per[rng.below(sentences)].push(name);
            }
            let sep = if lang.dense { "" } else { " " };
            per.iter()
                .map(|names| sentence(rng, lang, names))
                .collect::<Vec<_>>()
                .join(sep)
        })
        .collect();
    let (body, entities, used) = resolve_mentions(paragraphs, &chosen, registry);

    let image = rng.chance(0.7).then(|| image(rng, &id, &headline));
    let thumbnail = image.as_ref().map(thumbnail_of);
    let article = Article {
        version: FORMAT_VERSION,
        source_url: Some(format!("https://news.example/{id}")),
        id,
        headline,
        standfirst: Some(standfirst),
        byline: Some(format!("{} {}", rng.pick(FIRST), rng.pick(LAST))),
        published,
        language: Some(lang.tag.to_string()),
        source_name: Some("Synthetic Wire".into()),
        rights: Some("Synthetic text generated for benchmarks; no rights reserved.".into()),
        topics: article_topics,
        image,
        entities,
        body,
        ..Default::default()
    };
    (with_headline_mentions(article), thumbnail, used)
}

/// The article with its headline's mentions written out, as `lede-corpus build` writes them,
/// so that the viewer never matches names in a synthetic headline either.
fn with_headline_mentions(mut article: Article) -> Article {
    let found = lede::core::format::matching::find_mentions(&article.headline, &article.entities);
    article.headline_mentions = Some(found);
    article
}

pub(super) fn thumbnail_of(image: &LeadImage) -> Thumbnail {
    Thumbnail {
        url: image.url.as_str().into(),
        alt: image.alt.as_str().into(),
        width: image.width,
        height: image.height,
    }
}

/// The long article: 100 paragraphs of 100 words, each naming 10 entities, so 10,000 words and
/// 1,000 mentions of the first 100 registry entities (10 each, always by full name).
pub(super) fn long_article(seed: u64, topics: &[Topic], registry: &[Entity]) -> Generated {
    let mut rng = Rng::new(seed ^ 0x10A6, u64::MAX - 1);
    let per_paragraph = LONG_MENTIONS / 100;
    let words_per_paragraph = LONG_WORDS / 100;
    let mut paragraphs = Vec::with_capacity(100);
    for p in 0..100 {
        let names: Vec<&str> = (0..per_paragraph)
            .map(|k| {
                registry[(p * per_paragraph + k) % LONG_ENTITIES]
                    .name
                    .as_str()
            })
            .collect();
        let name_words: usize = names.iter().map(|n| n.split(' ').count()).sum();
        let filler = words_per_paragraph - name_words;
        // Slots: a filler word, then a name, and so on; the rest of the filler at the end.
        let mut words: Vec<String> = Vec::with_capacity(words_per_paragraph);
        let mut left = filler;
        for name in &names {
            let gap = (filler / (per_paragraph + 1)).max(1);
            for _ in 0..gap {
                words.push((*rng.pick(EN)).to_string());
            }
            left -= gap;
            words.push((*name).to_string());
        }
        for _ in 0..left {
            words.push((*rng.pick(EN)).to_string());
        }
        paragraphs.push(format!("{}.", capitalise(&words.join(" "))));
    }
    let chosen: Vec<usize> = (0..LONG_ENTITIES).collect();
    let (body, entities, used) = resolve_mentions(paragraphs, &chosen, registry);
    let headline =
        "The long read: ten thousand words on everyone who shaped the decade".to_string();
    let image = image(&mut rng, LONG_ID, &headline);
    let thumbnail = Some(thumbnail_of(&image));
    let article = Article {
        version: FORMAT_VERSION,
        id: LONG_ID.into(),
        headline,
        standfirst: Some(
            "A synthetic long article for benchmarks: 10,000 words and 1,000 mentions of 100 \
             people, organisations, places and events."
                .into(),
        ),
        byline: Some("Synthetic Wire".into()),
        published: "2025-01-15T12:00:00Z".into(),
        language: Some("en".into()),
        source_url: Some(format!("https://news.example/{LONG_ID}")),
        source_name: Some("Synthetic Wire".into()),
        rights: Some("Synthetic text generated for benchmarks; no rights reserved.".into()),
        topics: vec![topics[0].id.clone(), topics[1].id.clone()],
        image: Some(image),
        entities,
        body,
        ..Default::default()
    };
    (with_headline_mentions(article), thumbnail, used)
}
