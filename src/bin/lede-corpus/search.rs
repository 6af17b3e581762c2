//! The search index of a corpus (`lede::core::search`), written next to its index by `build`,
//! `paginate` and `synth`, and read back in full by `validate`.

use lede::core::corpus::topic_index::TopicIndex;
use lede::core::format::{Article, CorpusIndex};
use lede::core::search::{IndexBuilder, PositionsFragment, SearchMeta, TermFragment};
use lede::core::text::url_safety::is_absolute_http;
use std::path::Path;

/// Where the meta file goes, relative to the corpus index (the index's `search`).
pub const META: &str = "search/meta.json";

/// What was written, for the summary line and the measurements in the README.
pub struct SearchWritten {
    pub fragments: u32,
    /// Every search file, raw bytes.
    pub bytes: u64,
    pub meta_bytes: u64,
    /// Term fragments only (what a word query fetches from), raw bytes.
    pub term_bytes: u64,
}

/// Builds the search index of `index` (an inline corpus, or a paged one whose summaries were
/// read in ordinal order) into `<out>/search/`, reading each article from `base`. Documents go
/// in newest-first order, so ordinals are those of the topic postings.
pub fn write_search(index: &CorpusIndex, base: &Path, out: &Path) -> Result<SearchWritten, String> {
    let order = TopicIndex::new(index);
    let mut builder = IndexBuilder::new();
    for ordinal in 0..index.articles.len() {
        let position = order
            .position(ordinal)
            .ok_or("internal: an inline corpus has every position")?;
        let summary = &index.articles[position];
        if is_absolute_http(&summary.url) {
            return Err(format!(
                "article {:?}: {} is remote; the search index is built from local files",
                summary.id, summary.url
            ));
        }
        let path = base.join(summary.url.as_str());
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let article = Article::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let labels: Vec<&str> = article
            .topics
            .iter()
            .filter_map(|t| index.topic(t).map(|t| t.label.as_str()))
            .collect();
        builder.add(&article, &labels);
    }
    let files = builder.finish();
    let dir = out.join("search");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("{}: cannot clear: {e}", dir.display()))?;
    }
    for sub in ["t", "p"] {
        std::fs::create_dir_all(dir.join(sub))
            .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    }
    let mut written = SearchWritten {
        fragments: files.meta.fragment_count,
        bytes: 0,
        meta_bytes: 0,
        term_bytes: 0,
    };
    let write = |path: &Path, json: String| -> Result<u64, String> {
        let text = json + "\n";
        std::fs::write(path, &text)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        Ok(text.len() as u64)
    };
    written.meta_bytes = write(&out.join(META), json(&files.meta))?;
    written.bytes += written.meta_bytes;
    for (n, (terms, positions)) in files.fragments.iter().enumerate() {
        let t = write(&dir.join(files.meta.fragment_url(n as u32)), json(terms))?;
        written.term_bytes += t;
        written.bytes += t + write(
            &dir.join(files.meta.positions_url(n as u32)),
            json(positions),
        )?;
    }
    Ok(written)
}

/// Compact JSON: these files are for machines.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("search files always serialise")
}

/// Reads the search index an index names, every fragment and every posting, as a query would;
/// `count` is the corpus's size. Problems are reported with the file and the JSON path.
pub fn validate_search(base: &Path, meta_url: &str, count: usize, problems: &mut Vec<String>) {
    let path = base.join(meta_url);
    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => return problems.push(format!("{shown}: cannot read: {e}")),
    };
    let meta = match SearchMeta::from_json(&text) {
        Ok(m) => m,
        Err(e) => return problems.push(format!("{shown}: {e}")),
    };
    if meta.count != count {
        problems.push(format!(
            "{shown}: at count: the search index has {} documents, the corpus {count}",
            meta.count
        ));
        return;
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    for n in 0..meta.fragment_count {
        let read = |url: String| {
            let path = dir.join(url);
            (path.display().to_string(), std::fs::read_to_string(&path))
        };
        let (shown, text) = read(meta.fragment_url(n));
        let terms = match text
            .map_err(|e| e.to_string())
            .and_then(|t| TermFragment::from_json(&t, n, count).map_err(|e| e.to_string()))
        {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("{shown}: {e}"));
                continue;
            }
        };
        if let Err(e) = terms.validate() {
            problems.push(format!("{shown}: {e}"));
        }
        let (shown, text) = read(meta.positions_url(n));
        match text
            .map_err(|e| e.to_string())
            .and_then(|t| PositionsFragment::from_json(&t, n, count).map_err(|e| e.to_string()))
        {
            Ok(p) => {
                if let Err(e) = lede::core::search::files::validate_positions(&terms, &p) {
                    problems.push(format!("{shown}: {e}"));
                }
            }
            Err(e) => problems.push(format!("{shown}: {e}")),
        }
    }
}
