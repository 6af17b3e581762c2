//! `lede-corpus`: builds, checks and imports Lede corpora. Shares the format with the viewer
//! (`lede::core`), so what it writes is what the viewer reads.
//!
//! - `build`: the sources manifest → `corpus/index.json` and `corpus/articles/<id>.json`;
//! - `validate`: reads a corpus the way the viewer does and reports every problem;
//! - `import-ninjs` / `import-html`: one source → an article JSON on stdout, for publishers
//!   adding their own articles.
//!
//! Bad input is reported on stderr with the file and JSON path, and the exit code is 1; the
//! tool does not panic on input.

mod build;
mod html;
mod manifest;
mod ninjs;
mod paginate;
mod readability;
mod search;
mod seed;
mod synth;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "\
lede-corpus: build, check and import Lede corpora (format version 1)

USAGE:
    lede-corpus build [--sources <manifest.json>] [--out <dir>] [--root <dir>]
    lede-corpus validate <index.json>
    lede-corpus import-ninjs <item.json> [--id <id>] [--body-role <role>]
    lede-corpus import-html <article.html> <metadata.json> [--id <id>] [--published <date>]
    lede-corpus synth --articles <n> --seed <s> --out <dir> [--long]
    lede-corpus paginate <index.json> --out <dir> [--page-size <n>]
    lede-corpus --help

COMMANDS:
    build         Imports every source listed in the manifest (default sources/sources.json),
                  applies its curation (topics, entities, corrections), computes mentions and
                  writes <out>/index.json, <out>/entities.json (the entity directory) and
                  <out>/articles/<id>.json (default out: corpus).
                  Source paths in the manifest are relative to --root (default: the current
                  directory, the repository root). Stale article files in <out>/articles are
                  removed. Also writes the search index, <out>/search/ (README, Search
                  index). The output is deterministic.
    validate      Reads an index, its entity directory and every article it lists (for a
                  paged corpus, also its listing pages, postings and mentions); checks JSON shape, dates, ids,
                  topics and entities against the index, mention offsets (code points) in
                  headlines and paragraphs, and URLs (entity pictures too). Exit code 1 if
                  anything is wrong; a description longer than 300 characters is a warning.
    import-ninjs  Prints the article read from an IPTC ninjs item (topics from its subjects;
                  entities from its people/organisations/places/events: name, kind, an
                  http(s) uri as url or a Wikidata id, a description if given; mentions left
                  to matching).
    import-html   Prints the article read from cleaned article HTML and a metadata JSON
                  (title, byline, excerpt, lang, siteName, publishedTime). When the
                  metadata has no usable publishedTime, give the date with --published.
    paginate      Writes the paged layout of a large corpus (small index with topic counts and
                  a catalog; listing pages of <page-size> summaries (10 unless given),
                  newest first; topic postings; entity mentions; the entity directory; the
                  article files; the search index) from an inline corpus.
    synth         Writes a deterministic synthetic corpus of <n> articles for benchmarks
                  (bench/): realistic lengths, 40 skewed topics, 300 entities, 15% non-Latin
                  and 5% right-to-left text, computed mentions. --long adds one article of
                  10,000 words with 1,000 mentions. Same arguments, same bytes.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lede-corpus: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some(command) = args.first() else {
        eprint!("{HELP}");
        return Err("no command given".into());
    };
    let rest = &args[1..];
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        print!("{HELP}");
        return Ok(());
    }
    match command.as_str() {
        "--help" | "-h" | "help" => {
            print!("{HELP}");
            Ok(())
        }
        "build" => {
            let opts = Options::parse(rest, &["--sources", "--out", "--root"], 0)?;
            let root = PathBuf::from(opts.get("--root").unwrap_or("."));
            let sources = opts
                .get("--sources")
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("sources/sources.json"));
            let out = opts
                .get("--out")
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("corpus"));
            let built = build::build(&sources, &root, &out)?;
            for w in &built.warnings {
                eprintln!("lede-corpus: warning: {w}");
            }
            println!(
                "wrote {} articles and {} entities to {}",
                built.articles,
                built.entities,
                out.display()
            );
            print_search(&built.search);
            Ok(())
        }
        "validate" => {
            let opts = Options::parse(rest, &[], 1)?;
            let index = PathBuf::from(&opts.positional[0]);
            let report = validate::validate(&index);
            for w in &report.warnings {
                eprintln!("warning: {w}");
            }
            for p in &report.problems {
                eprintln!("{p}");
            }
            if report.problems.is_empty() {
                println!(
                    "{}: OK ({} articles, {} mentions)",
                    index.display(),
                    report.articles_read,
                    report.mentions
                );
                Ok(())
            } else {
                Err(format!(
                    "{} problem(s) in {}",
                    report.problems.len(),
                    index.display()
                ))
            }
        }
        "import-ninjs" => {
            let opts = Options::parse(rest, &["--id", "--body-role"], 1)?;
            let path = &opts.positional[0];
            let text = read(path)?;
            let id = opts
                .get("--id")
                .map(str::to_string)
                .unwrap_or_else(|| id_from_path(path));
            let got = ninjs::import(&id, &text, opts.get("--body-role"))
                .map_err(|e| format!("{path}: {e}"))?;
            let mut article = got.article;
            article.entities = got.named;
            article.topics = got
                .subjects
                .iter()
                .map(|s| ninjs::slug(s))
                .filter(|s| !s.is_empty())
                .collect();
            print_article(&article, path)
        }
        "import-html" => {
            let opts = Options::parse(rest, &["--id", "--published"], 2)?;
            let (page_path, meta_path) = (&opts.positional[0], &opts.positional[1]);
            let page = read(page_path)?;
            let meta = read(meta_path)?;
            let id = opts
                .get("--id")
                .map(str::to_string)
                .unwrap_or_else(|| id_from_path(page_path));
            let got =
                readability::import(&id, &page, &meta).map_err(|e| format!("{page_path}: {e}"))?;
            let mut article = got.article;
            if let Some(date) = opts.get("--published") {
                article.published = date.to_string();
            }
            print_article(&article, page_path)
        }
        "paginate" => {
            let opts = Options::parse(rest, &["--out", "--page-size"], 1)?;
            let index = PathBuf::from(&opts.positional[0]);
            let out = PathBuf::from(opts.get("--out").ok_or("paginate needs --out <dir>")?);
            let page_size = match opts.get("--page-size") {
                Some(n) => n
                    .parse()
                    .map_err(|_| format!("--page-size {n:?} is not a number"))?,
                None => paginate::DEFAULT_PAGE_SIZE,
            };
            let done = paginate::paginate(&index, &out, page_size)?;
            println!(
                "wrote {} articles in {} listing pages to {}",
                done.articles,
                done.pages,
                out.display()
            );
            print_search(&done.search);
            Ok(())
        }
        "synth" => {
            // `--long` takes no value: take it out before the `--flag value` parser.
            let long = rest.iter().any(|a| a == "--long");
            let rest: Vec<String> = rest.iter().filter(|a| *a != "--long").cloned().collect();
            let opts = Options::parse(&rest, &["--articles", "--seed", "--out"], 0)?;
            let number = |name: &str| -> Result<u64, String> {
                let v = opts
                    .get(name)
                    .ok_or_else(|| format!("synth needs {name}"))?;
                v.parse()
                    .map_err(|_| format!("{name} {v:?} is not a non-negative integer"))
            };
            let options = synth::SynthOptions {
                articles: number("--articles")? as usize,
                seed: number("--seed")?,
                long,
            };
            let out = PathBuf::from(opts.get("--out").ok_or("synth needs --out")?);
            let done = synth::synth(options, &out)?;
            println!(
                "wrote {} articles and {} entities to {} (index {} bytes)",
                done.articles,
                done.entities,
                out.display(),
                done.index_bytes
            );
            print_search(&done.search);
            Ok(())
        }
        other => Err(format!("unknown command {other:?}; see lede-corpus --help")),
    }
}

/// The search index's summary line: its files and their raw sizes.
fn print_search(s: &search::SearchWritten) {
    println!(
        "search index: {} fragments, {} bytes in all (meta {} bytes, term fragments {} bytes)",
        s.fragments, s.bytes, s.meta_bytes, s.term_bytes
    );
}

/// Prints an imported article, after checking that the viewer would read it.
fn print_article(article: &lede::core::format::Article, path: &str) -> Result<(), String> {
    let json = article.to_json();
    if let Err(e) = lede::core::format::Article::from_json(&json) {
        return Err(format!(
            "{path}: the imported article is not valid yet ({e}); fix the source or curate it in a manifest"
        ));
    }
    println!("{json}");
    Ok(())
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))
}

/// An id from a file name: `sources/readability-news/bbc-1/expected.html` → `bbc-1`.
fn id_from_path(path: &str) -> String {
    let p = std::path::Path::new(path);
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("article");
    let name = if stem == "expected" || stem == "index" {
        p.parent()
            .and_then(|d| d.file_name())
            .and_then(|s| s.to_str())
            .unwrap_or(stem)
    } else {
        stem
    };
    let slug = ninjs::slug(name);
    if slug.is_empty() {
        "article".into()
    } else {
        slug
    }
}

/// `--flag value` options and a fixed number of positional arguments.
struct Options {
    flags: Vec<(String, String)>,
    positional: Vec<String>,
}

impl Options {
    fn parse(args: &[String], known: &[&str], positional: usize) -> Result<Options, String> {
        let mut flags = Vec::new();
        let mut rest = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if a.starts_with("--") {
                let (name, inline) = match a.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (a.as_str(), None),
                };
                if !known.contains(&name) {
                    return Err(format!("unknown option {name:?}; see lede-corpus --help"));
                }
                let value = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .ok_or_else(|| format!("option {name} needs a value"))?,
                };
                flags.push((name.to_string(), value));
            } else {
                rest.push(a.clone());
            }
        }
        if rest.len() != positional {
            return Err(format!(
                "expected {positional} argument(s), got {}; see lede-corpus --help",
                rest.len()
            ));
        }
        Ok(Options {
            flags,
            positional: rest,
        })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}
