// Search side by side with Pagefind (issue 14): the same synthetic corpus rendered as plain
// static HTML pages, one per article, indexed by Pagefind (npm `pagefind`, pinned in
// package.json) and searched through Pagefind's Default UI; and Lede's own search box on the
// paged layout of the corpus (whose `search/` index `lede-corpus paginate` writes). Used by
// bench/run.mjs (`--search`); methods in bench/README.md, "Search, side by side with Pagefind".
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');

/**
 * The fixed queries, picked from the synthetic vocabulary (src/bin/lede-corpus/synth/words.rs):
 * a word of the English list (in about two thirds of the articles), an invented place name
 * (an entity of the registry, in about 0.2% of them), two English words, two English words as
 * a phrase (adjacent in about 1% of the articles), and a Russian word (in about 5%). Each must
 * find something in both engines; the report says how many each found.
 */
export const QUERIES = [
  { kind: 'common word', q: 'government' },
  { kind: 'rare word', q: 'nuquako' },
  { kind: 'two words', q: 'central bank' },
  { kind: 'phrase', q: '"interest rates"' },
  { kind: 'non-Latin word', q: 'правительство' },
];

/** Lede's debounce (the search box sets the query after a 150 ms pause: docs/held-back/search-ui.patch,
 * `build_form`); Pagefind's Default UI is given the same (`debounceTimeoutMs`, 300 by default). */
export const DEBOUNCE_MS = 150;

const escape = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * One article as the plain HTML page a static site would publish: headline, standfirst, byline
 * and date, body; `data-pagefind-body` on the article (Pagefind then indexes only it), the
 * headline its title (Pagefind takes the first h1), the page's language on `<html>`.
 */
export function articleHtml(a) {
  const lang = escape(a.language || 'en');
  const paragraphs = a.body.map((p) => `<p>${escape(p.text)}</p>`).join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(a.headline)}</title>
</head>
<body>
<main>
<article data-pagefind-body>
<h1>${escape(a.headline)}</h1>
${a.standfirst ? `<p class="standfirst">${escape(a.standfirst)}</p>\n` : ''}<p class="byline">${a.byline ? `By ${escape(a.byline)}, ` : ''}<time datetime="${escape(a.published)}" data-pagefind-ignore>${escape(a.published)}</time></p>
${paragraphs}
</article>
</main>
</body>
</html>
`;
}

/** The search page: Pagefind's Default UI, what readers of static sites know. */
export function searchPageHtml() {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search</title>
<link href="./pagefind/pagefind-ui.css" rel="stylesheet">
<script src="./pagefind/pagefind-ui.js"></script>
</head>
<body>
<main>
<h1>Search</h1>
<div id="search"></div>
</main>
<script>
  window.addEventListener('DOMContentLoaded', () => {
    new PagefindUI({ element: '#search', showSubResults: false, showImages: false, debounceTimeoutMs: ${DEBOUNCE_MS} });
  });
</script>
</body>
</html>
`;
}

const pagefindBin = () => join(REPO, 'node_modules', '.bin', 'pagefind');

function pagefindVersion() {
  return execFileSync(pagefindBin(), ['--version']).toString().trim();
}

/**
 * The HTML site of an inline corpus, indexed by Pagefind, in `<corpus>-html/` next to it: kept
 * while the corpus, the page templates and Pagefind's version are what it was made from.
 * Pagefind runs with `--force-language en`: one index for every article, as Lede's is, so that
 * one box finds the Russian, Greek, Arabic and CJK articles too (by default Pagefind writes an
 * index per `<html lang>` and a page searches only its own language's).
 */
export function ensurePagefindSite(inlineDir, log) {
  const hash = createHash('sha256').update(articleHtml.toString()).update(searchPageHtml.toString()).update(String(DEBOUNCE_MS));
  const params = { inline: readFileSync(join(inlineDir, 'params.json'), 'utf8'), pages: hash.digest('hex').slice(0, 16), pagefind: pagefindVersion(), flags: ['--force-language', 'en'] };
  const dir = `${inlineDir}-html`;
  const stampPath = join(dir, 'params.json');
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === JSON.stringify(params) && existsSync(join(dir, 'pagefind', 'pagefind-entry.json'))) {
    log(`${dir}: HTML pages and Pagefind index cached`);
    return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const index = JSON.parse(readFileSync(join(inlineDir, 'index.json'), 'utf8'));
  log(`${dir}: writing ${index.articles.length} HTML pages`);
  for (const s of index.articles) {
    const a = JSON.parse(readFileSync(join(inlineDir, s.url), 'utf8'));
    writeFileSync(join(dir, 'articles', `${a.id}.html`), articleHtml(a));
  }
  writeFileSync(join(dir, 'index.html'), searchPageHtml());
  log(`${dir}: indexing with ${params.pagefind}`);
  const started = Date.now();
  execFileSync(pagefindBin(), ['--site', dir, ...params.flags, '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
  writeFileSync(join(dir, 'pagefind-took.json'), JSON.stringify({ seconds: (Date.now() - started) / 1000 }));
  writeFileSync(stampPath, JSON.stringify(params));
  return dir;
}

/** Files under `dir`, recursively: { count, bytes }, those `skip` names left out. */
export function sizeOnDisk(dir, skip = () => false) {
  let count = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!skip(p)) {
        count++;
        bytes += statSync(p).size;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { count, bytes };
}

/** Pagefind's bundle minus its UIs: the index and the engine (entry, meta, wasm, fragments). */
export const pagefindIndexOnDisk = (site) => sizeOnDisk(join(site, 'pagefind'), (p) => /pagefind-(component-|modular-)?ui\.(js|css)$|pagefind-highlight\.js$/.test(p));

/**
 * The two engines as the harness drives them: the page, its box, the condition for "results
 * painted" (bench/run.mjs INIT, `conditions`), and which requests are the engine's one-time load
 * rather than the query's.
 */
export const ENGINES = {
  lede: {
    box: '[role=search] input.lede-search__input',
    condition: 'ledeSearch',
    // The worker and its wasm, the search meta file, and what the page fetches once for the
    // first query whatever it is (topic postings, so that topic counts follow the query; the
    // entity directory and mentions, for the entity line).
    engine: (path) => /lede-search|\/search\/meta\.json|\/postings\.json|\/entities\.json|\/mentions\.json/.test(path),
  },
  pagefind: {
    box: '.pagefind-ui__search-input',
    condition: 'pagefind',
    engine: (path) => /\/pagefind\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[^/]*\.pagefind|[^/]*\.pf_meta)(\?|$)/.test(path),
  },
};

/**
 * One query on a fresh page load: first view (until the box is painted and the network is idle),
 * focus on the box (the engine loads), then the query typed as one input event; the time from
 * that event to the frame that paints its results, and the bytes each stage cost.
 */
export async function measureQuery(h, { app, url, query, cpu }) {
  const { browser, server, opts, newPage, withTimeout } = h;
  const t = opts.timeoutMs;
  const engine = ENGINES[app];
  const { context, page } = await newPage(browser, cpu, { 'Accept-Encoding': 'br' });
  const out = { query: query.q };
  let step = 'load';
  const since = (mark) => server.log.slice(mark).filter((e) => !/\.(jpe?g|png|webp|gif|avif)(\?|$)/i.test(e.path));
  const sum = (entries) => entries.reduce((s, e) => s + e.bytes, 0);
  try {
    server.log.length = 0;
    await page.goto(url, { waitUntil: 'commit', timeout: t });
    const box = await withTimeout(page.evaluate((sel) => window.__bench.waitForBox(sel), engine.box), t, `${app}: the search box`);
    out.boxPainted = box;
    await page.waitForLoadState('networkidle', { timeout: t });
    await withTimeout(page.evaluate(() => window.__bench.idle()), t, 'idle');
    await page.waitForLoadState('networkidle', { timeout: t });
    // Lede's idle prefetch of its article page's wasm chunks is not first-view cost (as in the
    // main table: bench/README.md, "Bytes, first view").
    const chunk = (e) => /\/(chunk_\d+|split_[^/]*)-[0-9a-f]+\.wasm(\?|$)/.test(e.path);
    const firstView = since(0).filter((e) => !chunk(e));
    out.firstView = sum(firstView);
    out.firstViewFiles = firstView.map(({ path, bytes }) => ({ path, bytes }));
    out.idlePrefetch = sum(since(0).filter(chunk));

    step = 'focus';
    let mark = server.log.length;
    await page.click(engine.box, { timeout: t });
    await page.waitForLoadState('networkidle', { timeout: t });
    await page.waitForTimeout(300);
    const onFocus = since(mark);

    step = 'query';
    mark = server.log.length;
    await page.evaluate(([kind, arg]) => window.__bench.armInput(kind, arg), [engine.condition, { q: query.q }]);
    await page.keyboard.insertText(query.q);
    const r = await withTimeout(page.evaluate(() => window.__bench.pending), t, `${app}: results for ${query.q}`);
    out.ms = r.ms;
    if (r.wrong) out.wrong = r.wrong;
    out.count = r.count ?? null;
    await page.waitForLoadState('networkidle', { timeout: t });
    await page.waitForTimeout(300);
    await page.waitForLoadState('networkidle', { timeout: t });
    const during = since(mark);
    const engineFiles = [...onFocus, ...during.filter((e) => engine.engine(e.path))];
    const queryFiles = during.filter((e) => !engine.engine(e.path));
    out.engine = sum(engineFiles);
    out.engineFiles = engineFiles.map(({ path, bytes }) => ({ path, bytes }));
    out.bytes = sum(queryFiles);
    out.files = queryFiles.map(({ path, bytes }) => ({ path, bytes }));
    out.encodings = [...new Set(server.log.map((e) => e.encoding))];
    return out;
  } catch (error) {
    out.error = `${step}: ${error.message.split('\n')[0]}`;
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Whether Lede's build has a search box at all (the search UI may not be merged yet). */
export async function ledeHasSearch(h, url) {
  const { browser, opts, newPage } = h;
  const { context, page } = await newPage(browser, 1);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: opts.timeoutMs });
    await page.waitForFunction(() => window.__bench?.listPainted, null, { timeout: opts.timeoutMs, polling: 100 });
    // The box is drawn with the list, or just after it: give it 5 s.
    return await page
      .waitForSelector(ENGINES.lede.box, { state: 'attached', timeout: 5000 })
      .then(() => true)
      .catch(() => false);
  } finally {
    await context.close().catch(() => {});
  }
}
