//! `lede-corpus validate <index.json>`: reads the index and every article it points to the way
//! the viewer does (also its entity directory, and for a paged corpus its listing pages, postings
//! and mentions), and reports every problem with its file and JSON path.

use lede::core::format::mentions::{headline_segments, paragraph_segments, Segment};
use lede::core::format::{
    Article, CorpusIndex, Entity, EntityDirectory, EntityImage, EntitySummary,
    MAX_DESCRIPTION_CHARS,
};
use lede::core::text::url_safety::{external_url, is_absolute_http, safe_url, wikidata_id};
use std::collections::HashSet;
use std::path::Path;

/// What was checked, what is wrong, and what is advice only.
pub struct Report {
    pub articles_read: usize,
    pub mentions: usize,
    pub problems: Vec<String>,
    /// Not wrong, but worth a writer's look (a description longer than
    /// [`MAX_DESCRIPTION_CHARS`]): printed, without failing the check.
    pub warnings: Vec<String>,
}

pub fn validate(index_path: &Path) -> Report {
    let mut report = Report {
        articles_read: 0,
        mentions: 0,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let shown = index_path.display().to_string();
    let text = match std::fs::read_to_string(index_path) {
        Ok(t) => t,
        Err(e) => {
            report.problems.push(format!("{shown}: cannot read: {e}"));
            return report;
        }
    };
    let index = match CorpusIndex::from_json(&text) {
        Ok(i) => i,
        Err(e) => {
            report.problems.push(format!("{shown}: {e}"));
            return report;
        }
    };
    let base = index_path.parent().unwrap_or(Path::new("."));
    // A paged corpus: read its listing pages into the list of summaries checked below, and
    // decode its postings and mentions, as the viewer would.
    let mut index = index;
    if let Some(catalog) = index.catalog.clone() {
        read_paged(&catalog, base, &mut index, &mut report.problems);
    }
    // Where the entities are written: their image URLs resolve against that file.
    let entity_file = match index.entity_file.clone() {
        Some(file) => {
            let path = base.join(&file);
            add_directory(&mut index, &path, &mut report.problems);
            path.display().to_string()
        }
        None => shown.clone(),
    };
    if let Some(meta) = &index.search {
        let count = index
            .catalog
            .as_ref()
            .map_or(index.articles.len(), |c| c.count);
        crate::search::validate_search(base, meta, count, &mut report.problems);
    }
    let topics: HashSet<&str> = index.topics.iter().map(|t| t.id.as_str()).collect();
    let entities: HashSet<&str> = index.entities.iter().map(|e| e.id.as_str()).collect();
    for (i, e) in index.entities.iter().enumerate() {
        let at = format!("{entity_file}: at entities[{i}]");
        check_entity(&at, &e.into(), &mut report.problems, &mut report.warnings);
    }
    for (i, summary) in index.articles.iter().enumerate() {
        let at = |field: &str| format!("{shown}: at articles[{i}]{field}");
        for (j, t) in summary.topics.iter().enumerate() {
            if !topics.contains(t.as_str()) {
                report.problems.push(format!(
                    "{}: topic {t:?} is not in the index's topics",
                    at(&format!(".topics[{j}]"))
                ));
            }
        }
        for (j, e) in summary.entities.iter().enumerate() {
            if !entities.contains(e.as_str()) {
                report.problems.push(format!(
                    "{}: entity {e:?} is not among the corpus's entities (the index's or its entity directory's)",
                    at(&format!(".entities[{j}]"))
                ));
            }
        }
        if let Some(thumb) = &summary.thumbnail {
            if safe_url(&thumb.url).is_none() {
                report.problems.push(format!(
                    "{}: {:?} is not a safe URL",
                    at(".thumbnail.url"),
                    thumb.url
                ));
            }
        }
        if safe_url(&summary.url).is_none() {
            report.problems.push(format!(
                "{}: {:?} is not a safe URL",
                at(".url"),
                summary.url
            ));
            continue;
        }
        if is_absolute_http(&summary.url) {
            report.problems.push(format!(
                "{}: {:?} is remote; this tool only checks local files",
                at(".url"),
                summary.url
            ));
            continue;
        }
        let path = base.join(summary.url.as_str());
        let file = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                report
                    .problems
                    .push(format!("{file}: cannot read (from {}): {e}", at(".url")));
                continue;
            }
        };
        let article = match Article::from_json(&text) {
            Ok(a) => a,
            Err(e) => {
                report.problems.push(format!("{file}: {e}"));
                continue;
            }
        };
        report.articles_read += 1;
        check_article(&article, summary, &file, &topics, &entities, &mut report);
    }
    report
}

/// What [`check_entity`] looks at, the same in an index, a directory and an article.
struct EntityView<'a> {
    url: Option<&'a str>,
    wikidata: Option<&'a str>,
    description: Option<&'a str>,
    image: Option<&'a EntityImage>,
}

impl<'a> From<&'a EntitySummary> for EntityView<'a> {
    fn from(e: &'a EntitySummary) -> Self {
        EntityView {
            url: e.url.as_deref(),
            wikidata: e.wikidata.as_deref(),
            description: e.description.as_deref(),
            image: e.image.as_ref(),
        }
    }
}

impl<'a> From<&'a Entity> for EntityView<'a> {
    fn from(e: &'a Entity) -> Self {
        EntityView {
            url: e.url.as_deref(),
            wikidata: e.wikidata.as_deref(),
            description: e.description.as_deref(),
            image: e.image.as_ref(),
        }
    }
}

/// An entity's links and picture, by the rules the viewer applies (`core::text::url_safety`):
/// what it would not link or show is a problem here. A description longer than
/// [`MAX_DESCRIPTION_CHARS`] is a warning: the viewer shows it, but it is no longer one line.
/// `at` names the entity (`file: at entities[3]`).
fn check_entity(
    at: &str,
    entity: &EntityView,
    problems: &mut Vec<String>,
    warnings: &mut Vec<String>,
) {
    entity_links(at, entity.url, entity.wikidata, problems);
    if let Some(image) = entity.image {
        if safe_url(&image.url).is_none() {
            problems.push(format!(
                "{at}.image.url: {:?} is not an http(s) or relative URL; the viewer shows no picture",
                image.url
            ));
        }
    }
    if let Some(description) = entity.description {
        let length = description.chars().count();
        if length > MAX_DESCRIPTION_CHARS {
            warnings.push(format!(
                "{at}.description: {length} characters; a description is one short line (at most {MAX_DESCRIPTION_CHARS})"
            ));
        }
    }
}

/// An entity's external links: what the entity view would not link is a problem.
fn entity_links(at: &str, url: Option<&str>, wikidata: Option<&str>, problems: &mut Vec<String>) {
    if let Some(url) = url {
        if external_url(url).is_none() {
            problems.push(format!(
                "{at}.url: {url:?} is not an absolute http(s) URL; the viewer shows no \"Read more\" link"
            ));
        }
    }
    if let Some(id) = wikidata {
        if wikidata_id(id).is_none() {
            problems.push(format!(
                "{at}.wikidata: {id:?} is not a Wikidata item id such as \"Q796\"; the viewer shows no Wikidata link"
            ));
        }
    }
}

/// Reads the entity directory into the index, as the viewer does when an entity is opened.
fn add_directory(index: &mut CorpusIndex, path: &Path, problems: &mut Vec<String>) {
    let file = path.display();
    let read = std::fs::read_to_string(path)
        .map_err(|e| format!("{file}: cannot read (the index's entity_file): {e}"))
        .and_then(|text| EntityDirectory::from_json(&text).map_err(|e| format!("{file}: {e}")))
        .and_then(|directory| {
            index
                .add_directory(directory)
                .map_err(|e| format!("{file}: {e}"))
        });
    if let Err(problem) = read {
        problems.push(problem);
    }
}

fn check_article(
    article: &Article,
    summary: &lede::core::format::ArticleSummary,
    file: &str,
    topics: &HashSet<&str>,
    entities: &HashSet<&str>,
    report: &mut Report,
) {
    let Report {
        problems,
        warnings,
        mentions: mention_count,
        ..
    } = report;
    if article.id != summary.id {
        problems.push(format!(
            "{file}: at id: {:?} but the index calls it {:?}",
            article.id, summary.id
        ));
    }
    if article.headline != summary.headline {
        problems.push(format!(
            "{file}: at headline: differs from the index's headline"
        ));
    }
    if article.published != summary.published {
        problems.push(format!(
            "{file}: at published: {:?} but the index says {:?}",
            article.published, summary.published
        ));
    }
    if article.topics != summary.topics {
        problems.push(format!("{file}: at topics: differ from the index's topics"));
    }
    for (j, t) in article.topics.iter().enumerate() {
        if !topics.contains(t.as_str()) {
            problems.push(format!(
                "{file}: at topics[{j}]: topic {t:?} is not in the index"
            ));
        }
    }
    for (j, e) in article.entities.iter().enumerate() {
        if !entities.contains(e.id.as_str()) {
            problems.push(format!(
                "{file}: at entities[{j}].id: {:?} is not among the corpus's entities (the index's or its entity directory's)",
                e.id
            ));
        }
        let at = format!("{file}: at entities[{j}]");
        check_entity(&at, &e.into(), problems, warnings);
    }
    if let Some(image) = &article.image {
        if safe_url(&image.url).is_none() {
            problems.push(format!(
                "{file}: at image.url: {:?} is not a safe URL",
                image.url
            ));
        }
    }
    if let Some(url) = &article.source_url {
        if external_url(url).is_none() {
            problems.push(format!(
                "{file}: at source_url: {url:?} is not an absolute http(s) URL; the viewer shows no \"First published by\" link"
            ));
        }
    }
    // Entities the headline and the paragraphs link to, compared with the index summary's list.
    let mut linked: HashSet<&str> = HashSet::new();
    let headline = std::iter::once(headline_segments(article));
    let body = (article.body.iter().enumerate())
        .map(|(p, paragraph)| paragraph_segments(article, p, paragraph));
    for (segments, span_warnings) in headline.chain(body) {
        for w in span_warnings {
            problems.push(format!("{file}: {w}"));
        }
        for s in segments {
            if let Segment::Mention { entity_index, .. } = s {
                *mention_count += 1;
                if let Some(e) = article.entities.get(entity_index) {
                    linked.insert(e.id.as_str());
                }
            }
        }
    }
    for e in &summary.entities {
        if !linked.contains(e.as_str()) {
            problems.push(format!("{file}: the index lists entity {e:?} for this article but neither the headline nor any paragraph mentions it"));
        }
    }
    for e in &linked {
        if !summary.entities.iter().any(|s| s == e) {
            problems.push(format!(
                "{file}: mentions entity {e:?} but the index does not list it for this article"
            ));
        }
    }
}

/// Reads the listing pages, postings and mentions of a paged corpus; appends the summaries to
/// `index.articles` (so that they and their article files are checked like an inline corpus's).
fn read_paged(
    catalog: &lede::core::format::catalog::Catalog,
    base: &Path,
    index: &mut CorpusIndex,
    problems: &mut Vec<String>,
) {
    use lede::core::format::catalog::{
        listing_page_from_json, mentions_from_json, postings_from_json,
    };
    let read = |relative: &str, problems: &mut Vec<String>| {
        let path = base.join(relative);
        std::fs::read_to_string(&path)
            .map_err(|e| problems.push(format!("{}: cannot read: {e}", path.display())))
            .ok()
            .map(|text| (path.display().to_string(), text))
    };
    for page in 0..catalog.page_count() {
        let Some((shown, text)) = read(&catalog.page_url(page), problems) else {
            continue;
        };
        match listing_page_from_json(&text, page) {
            Ok(summaries) => {
                let expected = catalog
                    .page_size
                    .min(catalog.count - page * catalog.page_size);
                if summaries.len() != expected {
                    problems.push(format!(
                        "{shown}: holds {} articles, the catalog says {expected}",
                        summaries.len()
                    ));
                }
                for s in &summaries {
                    if s.url != catalog.article_url(&s.id) {
                        problems.push(format!(
                            "{shown}: article {:?} is at {:?}, but the catalog's template says {:?}",
                            s.id,
                            s.url,
                            catalog.article_url(&s.id)
                        ));
                    }
                }
                index.articles.extend(summaries);
            }
            Err(e) => problems.push(format!("{shown}: {e}")),
        }
    }
    if let Some((shown, text)) = read(&catalog.postings, problems) {
        if let Err(e) = postings_from_json(&text, catalog.count) {
            problems.push(format!("{shown}: {e}"));
        }
    }
    if let Some(mentions) = &catalog.mentions {
        if let Some((shown, text)) = read(mentions, problems) {
            if let Err(e) = mentions_from_json(&text, catalog.count) {
                problems.push(format!("{shown}: {e}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a small inline corpus: one entity with the given `image` URL and `description`,
    /// one article whose headline names it (and, if `bad_mention`, an entity it does not list).
    fn corpus(name: &str, image: &str, description: &str, bad_mention: bool) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("lede-validate-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let entity = serde_json::json!({
            "id": "erbil", "name": "Erbil", "type": "place",
            "description": description, "image": { "url": image, "alt": "A map" }
        });
        let index = serde_json::json!({
            "version": 1, "entities": [entity],
            "articles": [{ "id": "a", "headline": "Erbil and Mosul", "published": "2024-01-01",
                           "entities": ["erbil"], "url": "a.json" }]
        });
        let mut mentions = vec![serde_json::json!({ "start": 0, "end": 5, "entity": "erbil" })];
        if bad_mention {
            mentions.push(serde_json::json!({ "start": 10, "end": 15, "entity": "mosul" }));
        }
        let article = serde_json::json!({
            "version": 1, "id": "a", "headline": "Erbil and Mosul", "published": "2024-01-01",
            "headline_mentions": mentions,
            "entities": [entity], "body": [{ "text": "Nothing named here.", "mentions": [] }]
        });
        std::fs::write(dir.join("index.json"), index.to_string()).unwrap();
        std::fs::write(dir.join("a.json"), article.to_string()).unwrap();
        dir
    }

    #[test]
    fn entity_pictures_descriptions_and_headline_mentions_are_checked() {
        let dir = corpus(
            "bad",
            "javascript:alert(1)",
            &"x".repeat(MAX_DESCRIPTION_CHARS + 1),
            true,
        );
        let report = validate(&dir.join("index.json"));
        std::fs::remove_dir_all(&dir).unwrap();
        let problems = report.problems.join("\n");
        assert!(
            problems.contains("index.json: at entities[0].image.url"),
            "{problems}"
        );
        assert!(
            problems.contains("a.json: at entities[0].image.url"),
            "{problems}"
        );
        assert!(problems.contains("headline: mention 10..15"), "{problems}");
        assert_eq!(report.problems.len(), 3, "{problems}");
        // A headline mention counts as mentioning the entity: no "never mentioned" problem.
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
        assert!(report.warnings[0].contains("301 characters"));
    }

    #[test]
    fn relative_pictures_and_short_descriptions_pass() {
        let dir = corpus(
            "good",
            "img/erbil.png",
            "Capital of the Kurdistan Region of Iraq",
            false,
        );
        let report = validate(&dir.join("index.json"));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        assert_eq!(report.mentions, 1);
    }
}
