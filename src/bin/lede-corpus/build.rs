//! `lede-corpus build`: every source in the manifest → `articles/<id>.json` and `index.json`.
//!
//! Mentions are computed here with [`find_mentions`] (the same matcher the viewer uses for
//! paragraphs without mentions) and written explicitly into the headline and every
//! paragraph (an empty list where there are none), so the files carry verifiable code-point
//! offsets and the viewer never has to guess. Only entities actually mentioned are kept, in
//! the article and in the entity directory (`entities.json`, which the index names in
//! `entity_file`: the list's first view does not download it). Output is deterministic:
//! manifest order, pretty JSON, a trailing newline.

use crate::manifest::{non_empty, Kind, Manifest, SourceEntry};
use crate::{ninjs, readability, seed};
use lede::core::format::matching::find_mentions;
use lede::core::format::{
    Article, CorpusIndex, DirectoryEntity, EntityDirectory, EntitySummary, Mention, Thumbnail,
    FORMAT_VERSION,
};
use lede::core::text::url_safety::is_absolute_http;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Where the entity directory goes, next to the index.
const ENTITY_FILE: &str = "entities.json";

/// What `build` wrote, for the summary line and for tests.
pub struct Built {
    pub articles: usize,
    pub entities: usize,
    pub warnings: Vec<String>,
    pub search: crate::search::SearchWritten,
}

/// Builds the corpus described by `manifest_path` into `out`. Source paths resolve against
/// `root`.
pub fn build(manifest_path: &Path, root: &Path, out: &Path) -> Result<Built, String> {
    let manifest = Manifest::load(manifest_path)?;
    let mut warnings = Vec::new();
    let mut articles = Vec::new();
    for entry in &manifest.articles {
        let (article, thumbnail) = build_article(&manifest, entry, root, &mut warnings)
            .map_err(|e| format!("article {:?} ({}): {e}", entry.id, entry.path))?;
        articles.push((article, thumbnail));
    }

    // The index: every topic and every article; the directory: the registry entities mentioned
    // at least once, each with the articles that mention it.
    let mentioned: BTreeSet<&str> = articles
        .iter()
        .flat_map(|(a, _)| a.entities.iter().map(|e| e.id.as_str()))
        .collect();
    let entities: Vec<EntitySummary> = manifest
        .entities
        .iter()
        .filter(|e| mentioned.contains(e.id.as_str()))
        .map(|e| e.entity().summary())
        .collect();
    for e in &manifest.entities {
        if !mentioned.contains(e.id.as_str()) {
            warnings.push(format!(
                "entity {:?} is not mentioned in any article; left out of the entity directory",
                e.id
            ));
        }
    }
    for t in &manifest.topics {
        if !articles.iter().any(|(a, _)| a.topics.contains(&t.id)) {
            warnings.push(format!("topic {:?} has no article", t.id));
        }
    }
    let directory = EntityDirectory {
        version: FORMAT_VERSION,
        entities: entities
            .into_iter()
            .map(|entity| DirectoryEntity {
                articles: articles
                    .iter()
                    .filter(|(a, _)| a.entities.iter().any(|e| e.id == entity.id))
                    .map(|(a, _)| a.id.clone())
                    .collect(),
                entity,
            })
            .collect(),
    };
    let index = CorpusIndex {
        version: FORMAT_VERSION,
        title: Some(manifest.title.clone()),
        topics: manifest.topics.clone(),
        entities: Vec::new(),
        entity_file: Some(ENTITY_FILE.to_string()),
        articles: articles
            .iter()
            .map(|(a, thumb)| {
                // Who mentions whom is in the directory.
                let mut summary = a.summary(thumb.clone());
                summary.entities.clear();
                summary
            })
            .collect(),
        catalog: None,
        search: Some(crate::search::META.to_string()),
    };

    // Parse back what we are about to write: the tool never writes a file the viewer refuses.
    let index_json = format!("{}\n", index.to_json());
    CorpusIndex::from_json(&index_json)
        .map_err(|e| format!("internal: the index does not read back: {e}"))?;
    let directory_json = format!("{}\n", directory.to_json());
    let mut back = CorpusIndex::from_json(&index_json).expect("read back above");
    EntityDirectory::from_json(&directory_json)
        .and_then(|d| back.add_directory(d))
        .map_err(|e| format!("internal: the entity directory does not read back: {e}"))?;
    let mut files: Vec<(PathBuf, String)> = vec![
        (out.join("index.json"), index_json),
        (out.join(ENTITY_FILE), directory_json),
    ];
    for (article, _) in &articles {
        let json = format!("{}\n", article.to_json());
        let back = Article::from_json(&json)
            .map_err(|e| format!("internal: article {:?} does not read back: {e}", article.id))?;
        if &back != article {
            return Err(format!(
                "internal: article {:?} changes when read back",
                article.id
            ));
        }
        files.push((
            out.join("articles").join(format!("{}.json", article.id)),
            json,
        ));
    }

    let articles_dir = out.join("articles");
    std::fs::create_dir_all(&articles_dir)
        .map_err(|e| format!("{}: cannot create: {e}", articles_dir.display()))?;
    remove_stale(&articles_dir, &files)?;
    for (path, json) in &files {
        std::fs::write(path, json).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    let search = crate::search::write_search(&index, out, out)?;
    Ok(Built {
        articles: articles.len(),
        entities: directory.entities.len(),
        warnings,
        search,
    })
}

/// Removes `*.json` files in the articles folder that this build does not write.
fn remove_stale(dir: &Path, files: &[(PathBuf, String)]) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_json = path.extension().is_some_and(|x| x == "json");
        if is_json && path.is_file() && !files.iter().any(|(p, _)| *p == path) {
            std::fs::remove_file(&path)
                .map_err(|e| format!("{}: cannot remove stale file: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn read(root: &Path, rel: &str) -> Result<String, String> {
    let path = root.join(rel);
    std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

/// Imports one source and applies its curation.
fn build_article(
    manifest: &Manifest,
    entry: &SourceEntry,
    root: &Path,
    warnings: &mut Vec<String>,
) -> Result<(Article, Option<Thumbnail>), String> {
    let text = read(root, &entry.path)?;
    let (mut article, mut thumbnail, images) = match entry.kind {
        Kind::Seed => (seed::parse(&entry.id, &text)?, None, Vec::new()),
        Kind::Ninjs => {
            let got = ninjs::import(&entry.id, &text, entry.body_role.as_deref())?;
            (got.article, got.thumbnail, Vec::new())
        }
        Kind::Html => {
            let meta = read(root, entry.metadata.as_deref().unwrap_or_default())?;
            let got = readability::import(&entry.id, &text, &meta)?;
            (got.article, None, got.images)
        }
    };

    // Body corrections: page furniture named in the manifest.
    let total = article.body.len();
    if entry.skip_leading + entry.skip_trailing >= total {
        return Err(format!(
            "skip_leading + skip_trailing ({} + {}) leave nothing of {total} paragraphs",
            entry.skip_leading, entry.skip_trailing
        ));
    }
    article.body.truncate(total - entry.skip_trailing);
    article.body.drain(..entry.skip_leading);
    for omit in &entry.omit_paragraphs {
        let before = article.body.len();
        article.body.retain(|p| &p.text != omit);
        if article.body.len() == before {
            return Err(format!("omit_paragraphs: no paragraph reads {omit:?}"));
        }
    }

    // The lead picture: which one, then corrections.
    if let Some(i) = entry.image_index {
        if entry.kind != Kind::Html {
            return Err("image_index only applies to html sources".into());
        }
        article.image = match usize::try_from(i) {
            Ok(i) => Some(readability::lead_image(images.get(i).ok_or_else(|| {
                format!(
                    "image_index {i}: the page has {} usable pictures",
                    images.len()
                )
            })?)),
            Err(_) => None,
        };
    }
    let set = &entry.set;
    if let Some(image) = &set.image {
        article.image = image.apply(article.image.take());
    }
    if let Some(v) = &set.headline {
        article.headline = v.clone();
    }
    if let Some(v) = &set.standfirst {
        article.standfirst = non_empty(v);
    }
    if let Some(v) = &set.byline {
        article.byline = non_empty(v);
    }
    if let Some(v) = &set.published {
        article.published = v.clone();
    }
    if let Some(v) = &set.language {
        article.language = non_empty(v);
    }
    if let Some(v) = &set.source_url {
        article.source_url = non_empty(v);
    }
    if let Some(v) = &set.source_name {
        article.source_name = non_empty(v);
    }
    if let Some(rights) = &entry.rights {
        article.rights = non_empty(rights);
    }
    article.topics = entry.topics.clone();

    // Checks the format itself does not make but a corpus should meet.
    if article.published.is_empty() {
        return Err("the source gives no date: set \"set.published\" and say where it comes from in \"note\"".into());
    }
    if lede::core::text::dates::parse_timestamp(&article.published).is_none() {
        return Err(format!("{:?} is not an ISO 8601 date", article.published));
    }
    if article.rights.is_none() {
        return Err("no rights note: the source has none, so set \"rights\"".into());
    }
    match &article.language {
        None => warnings.push(format!("{}: no language", entry.id)),
        Some(l) if lede::core::text::language::clean_language_tag(l).is_none() => {
            return Err(format!("language {l:?} is not a BCP 47 tag"))
        }
        Some(_) => {}
    }
    if let Some(image) = &article.image {
        if !is_absolute_http(&image.url) {
            return Err(format!("the picture URL {:?} is not http(s)", image.url));
        }
    }
    if let Some(url) = &article.source_url {
        if !is_absolute_http(url) {
            return Err(format!("source_url {url:?} is not http(s)"));
        }
    }

    // Mentions: match every curated entity in the headline and the body, keep those found,
    // write offsets explicitly.
    let curated = manifest.entities_for(entry);
    let in_headline = find_mentions(&article.headline, &curated);
    let found: Vec<Vec<Mention>> = article
        .body
        .iter()
        .map(|p| find_mentions(&p.text, &curated))
        .collect();
    let used: Vec<usize> = (0..curated.len())
        .filter(|i| {
            in_headline
                .iter()
                .chain(found.iter().flatten())
                .any(|m| m.entity_index == *i)
        })
        .collect();
    for (i, e) in curated.iter().enumerate() {
        if !used.contains(&i) {
            warnings.push(format!(
                "{}: entity {:?} is listed but never matched in the headline or the body; dropped",
                entry.id, e.id
            ));
        }
    }
    let new_index = |old: usize| used.iter().position(|u| *u == old).expect("used entity");
    let renumbered = |mentions: Vec<Mention>| -> Vec<Mention> {
        mentions
            .into_iter()
            .map(|m| Mention {
                entity_index: new_index(m.entity_index),
                ..m
            })
            .collect()
    };
    article.headline_mentions = Some(renumbered(in_headline));
    for (p, mentions) in article.body.iter_mut().zip(found) {
        p.mentions = Some(renumbered(mentions));
    }
    article.entities = used.iter().map(|i| curated[*i].clone()).collect();

    if thumbnail.is_none() {
        thumbnail = article.image.as_ref().map(|image| Thumbnail {
            url: image.url.as_str().into(),
            alt: image.alt.as_str().into(),
            width: image.width,
            height: image.height,
        });
    } else if let (Some(t), Some(image)) = (&mut thumbnail, &article.image) {
        // The list shows the same picture as the article: same description.
        t.alt = image.alt.as_str().into();
    }
    Ok((article, thumbnail))
}
