//! `lede-corpus paginate`: turns a corpus listed inline (index.json with every summary) into
//! the paged layout of a large corpus (see `lede::core::format::catalog`): a small index with topic
//! counts and a `catalog`, listing pages of summaries in newest-first order, topic postings and
//! entity mentions as compact ordinal lists, and the entity directory. Article files are copied
//! unchanged.

use lede::core::corpus::topic_index::TopicIndex;
use lede::core::format::catalog::encode_ordinals;
use lede::core::format::{ArticleSummary, CorpusIndex, DirectoryEntity, EntityDirectory};
use serde_json::{json, Map, Value};
use std::path::Path;

/// Summaries per listing page when `--page-size` is not given. Small, because the lists that
/// fetch pages at scale are scattered: a topic's newest 30 articles, or a search's first 10
/// results, are on as many different pages, and each page is fetched whole. Measured on the
/// synthetic 100,000-article corpus (brotli 11): a page of 100 summaries is 11.6 kB (116 B a
/// summary), of 20 2.8 kB, of 10 1.6 kB (158 B a summary), of 5 0.9 kB. At 10, ten search results
/// cost 16 kB of pages instead of 116 kB, and the unfiltered list's 30 cards three requests
/// instead of one (`bench/search.mjs` measures the former; the README's "Search" says why).
pub const DEFAULT_PAGE_SIZE: usize = 10;

/// What was written.
pub struct Paginated {
    pub articles: usize,
    pub pages: usize,
    pub search: crate::search::SearchWritten,
}

/// Reads the inline corpus at `index_path` and writes its paged layout into `out`.
pub fn paginate(index_path: &Path, out: &Path, page_size: usize) -> Result<Paginated, String> {
    if page_size == 0 {
        return Err("--page-size must be at least 1".into());
    }
    let text = std::fs::read_to_string(index_path)
        .map_err(|e| format!("{}: cannot read: {e}", index_path.display()))?;
    let mut index =
        CorpusIndex::from_json(&text).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let source_dir = index_path.parent().unwrap_or(Path::new("."));
    // The paged index lists the entities itself and its mentions file says who mentions whom.
    if let Some(file) = index.entity_file.clone() {
        let path = source_dir.join(file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        EntityDirectory::from_json(&text)
            .and_then(|directory| index.add_directory(directory))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let topics = TopicIndex::new(&index);
    let count = index.articles.len();
    let order: Vec<usize> = (0..count)
        .map(|o| {
            topics
                .position(o)
                .expect("an inline corpus has every position")
        })
        .collect();

    std::fs::create_dir_all(out.join("listing")).map_err(|e| io(out, e))?;
    std::fs::create_dir_all(out.join("articles")).map_err(|e| io(out, e))?;

    // Listing pages, newest first; article files copied under the template's names.
    let pages = count.div_ceil(page_size);
    for page in 0..pages {
        let summaries: Vec<Value> = order[page * page_size..((page + 1) * page_size).min(count)]
            .iter()
            .map(|&p| {
                let mut summary = index.articles[p].clone();
                let from = source_dir.join(summary.url.as_str());
                let to = format!(
                    "articles/{}.json",
                    lede::core::format::catalog::encode_id(&summary.id)
                );
                copy(&from, &out.join(&to))?;
                summary.url = to.into();
                serde_json::to_value(&summary).map_err(|e| e.to_string())
            })
            .collect::<Result<_, String>>()?;
        write(
            &out.join(format!("listing/{page}.json")),
            &json!({ "version": 1, "page": page, "articles": summaries }),
        )?;
    }

    // The ordinals (newest-first positions) of the articles that satisfy `has`.
    let ordinals_where = |has: &dyn Fn(&ArticleSummary) -> bool| -> Vec<u32> {
        (0..count)
            .filter(|&o| has(&index.articles[order[o]]))
            .map(|o| o as u32)
            .collect()
    };

    // Postings: for each topic, the ordinals of its articles.
    let mut postings = Map::new();
    let mut counts = Vec::new();
    for topic in &index.topics {
        let ordinals = ordinals_where(&|a| a.topics.iter().any(|t| *t == topic.id));
        counts.push(ordinals.len());
        postings.insert(topic.id.clone(), Value::String(encode_ordinals(&ordinals)));
    }
    write(
        &out.join("postings.json"),
        &json!({ "version": 1, "count": count, "topics": postings }),
    )?;

    // Mentions: for each entity, the ordinals of the articles that mention it.
    let mut mentions = Map::new();
    for entity in &index.entities {
        let ordinals = ordinals_where(&|a| a.entities.iter().any(|e| *e == entity.id));
        mentions.insert(entity.id.clone(), Value::String(encode_ordinals(&ordinals)));
    }
    write(
        &out.join("mentions.json"),
        &json!({ "version": 1, "count": count, "entities": mentions }),
    )?;

    // The entity directory, without article lists (the mentions file has them): fetched when a
    // reader first opens an entity, so that a corpus with many entities keeps a small index.
    let directory = EntityDirectory {
        version: lede::core::format::FORMAT_VERSION,
        entities: index
            .entities
            .iter()
            .map(|entity| DirectoryEntity {
                entity: entity.clone(),
                articles: Vec::new(),
            })
            .collect(),
    };
    write(
        &out.join("entities.json"),
        &serde_json::to_value(&directory).map_err(|e| e.to_string())?,
    )?;

    // The small index: topics with their totals, where the entities are, the catalog.
    let topics_with_counts: Vec<Value> = index
        .topics
        .iter()
        .zip(&counts)
        .map(|(t, n)| json!({ "id": t.id, "label": t.label, "count": n }))
        .collect();
    let mut small = json!({
        "version": 1,
        "topics": topics_with_counts,
        "entity_file": "entities.json",
        "catalog": {
            "count": count,
            "page_size": page_size,
            "pages": "listing/{page}.json",
            "postings": "postings.json",
            "mentions": "mentions.json",
            "articles": "articles/{id}.json",
        },
    });
    if let Some(title) = &index.title {
        small["title"] = Value::String(title.clone());
    }
    // The search index: the same newest-first ordinals as the listing pages and postings.
    let search = crate::search::write_search(&index, source_dir, out)?;
    small["search"] = Value::String(crate::search::META.into());
    write(&out.join("index.json"), &small)?;
    Ok(Paginated {
        articles: count,
        pages,
        search,
    })
}

fn io(path: &Path, e: std::io::Error) -> String {
    format!("{}: {e}", path.display())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("{}: cannot copy to {}: {e}", from.display(), to.display()))
}

/// Compact JSON: these files are for machines, and at 100,000 articles every byte counts.
fn write(path: &Path, value: &Value) -> Result<(), String> {
    let mut text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    text.push('\n');
    std::fs::write(path, text).map_err(|e| io(path, e))
}
