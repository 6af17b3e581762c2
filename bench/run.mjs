#!/usr/bin/env node
// Lede side by side with a hand-written vanilla-JS floor (bench/baseline/), on synthetic corpora
// of 1k, 10k and 100k articles (+ one long article), in headless Chromium at CPU 1x and 4x.
//
//   node bench/run.mjs --dist /tmp/lede-dist-bench [--sizes default,1k,10k,100k] [--runs 5] [--cpu 1,4]
//                      [--load-runs 5] [--no-sequence] [--visible auto|all|N] [--page-size 10] [--check]
//                      [--timeout-s 300] [--no-write]
//   node bench/run.mjs --search [--search-engines lede,pagefind] [--sizes 10k,100k] [--runs 5] [--cpu 1,4]
//
// Usually run through scripts/bench, which builds the release first. Every timing is the median
// of --runs fresh page loads (a new browser context each: empty cache, new renderer state).
// Methods are written out in bench/README.md; in short:
//  - bytes: what the server sent (bodies, headers excluded) for the first view, requested once
//    with `Accept-Encoding: gzip` and once with `br`; app code = html/js/wasm/css, data = json;
//  - list painted: an init script polls in requestAnimationFrame for the first
//    `ol.lede-list > li > article.lede-card`; the frame in which it is first seen is the one that
//    paints it, and the time is taken in a task posted from that rAF callback (i.e. after the
//    frame's style, layout and paint), relative to navigation start (performance.timeOrigin);
//  - topic click / article open → paint: a real mouse click (Playwright, CDP Input); from the
//    click event's `timeStamp` (captured on window, capture phase, so it includes any queueing)
//    to the same after-rAF task of the first frame whose DOM shows the expected result (pressed
//    state, result count and first headline computed independently here; for an article, its
//    headline and all of its paragraphs);
//  - index parse: in Lede's page, `wasmBindings.decodeIndexBytes(bytes)` (the viewer's own path:
//    the file's bytes) and `wasmBindings.decodeIndex(text)` vs `JSON.parse(text)` of the same
//    file (the big inline index.json, not the small paged one Lede loads), alternated, median of
//    --parse-iterations;
//  - corpora: Lede is served the paged layout (`lede-corpus paginate`), the baseline the inline
//    index.json of the same synthetic corpus;
//  - memory: after a forced GC (CDP HeapProfiler.collectGarbage), CDP Runtime.getHeapUsage
//    (used JS heap) and the wasm's memory (`wasmBindings.wasmMemoryBytes()`, a bench hook), after load and after 20 filter
//    cycles (toggle the most common topic on and off, waiting for each result to show).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, homedir, hostname, loadavg, release as osRelease, totalmem, type as osType } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CompressingServer } from './server.mjs';
import { DEBOUNCE_MS, ENGINES, QUERIES, ensurePagefindSite, ledeHasSearch, measureQuery, pagefindIndexOnDisk, sizeOnDisk } from './search.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');

// ---- options ----------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = {
    dist: process.env.LEDE_BENCH_DIST || '/tmp/lede-dist-bench',
    sizes: '1k,10k,100k',
    runs: 5,
    loadRuns: null, // null: max(5, runs)
    sequence: true,
    cpu: '1,4',
    visible: 'auto',
    seed: 1,
    cache: process.env.LEDE_BENCH_CACHE || join(homedir(), '.cache/lede/bench'),
    out: join(HERE, 'results'),
    parseIterations: 5,
    pageSize: 10,
    cycles: 20,
    timeoutS: 300,
    check: false,
    write: true,
    chromium: process.env.LEDE_CHROMIUM || '/usr/bin/chromium',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const name = a.split('=')[0];
    switch (name) {
      case '--dist': o.dist = value(); break;
      case '--sizes': o.sizes = value(); break;
      case '--runs': o.runs = Number(value()); break;
      case '--load-runs': o.loadRuns = Number(value()); break;
      case '--no-sequence': o.sequence = false; break;
      case '--cpu': o.cpu = value(); break;
      case '--visible': o.visible = value(); break;
      case '--seed': o.seed = Number(value()); break;
      case '--cache': o.cache = value(); break;
      case '--out': o.out = value(); break;
      case '--parse-iterations': o.parseIterations = Number(value()); break;
      case '--cycles': o.cycles = Number(value()); break;
      case '--page-size': o.pageSize = Number(value()); break;
      case '--timeout-s': o.timeoutS = Number(value()); break;
      case '--check': o.check = true; break;
      case '--search': o.search = true; break;
      case '--search-engines': o.searchEngines = value(); break;
      case '--no-write': o.write = false; break;
      case '--render': o.render = value(); break;
      case '--help': case '-h':
        console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 10).join('\n').replace(/^\/\/ ?/gm, ''));
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  if (o.search && !argv.some((a) => a.split('=')[0] === '--sizes')) o.sizes = '10k,100k';
  o.searchEngines = (o.searchEngines || 'lede,pagefind').split(',').map((s) => s.trim()).filter(Boolean);
  o.sizes = o.sizes.split(',').map((s) => s.trim()).filter(Boolean);
  o.cpu = o.cpu.split(',').map(Number);
  o.timeoutMs = o.timeoutS * 1000;
  // One slow load must not decide the median of "navigation → list painted" (issue 13): that
  // row gets at least 5 fresh loads whatever --runs is.
  o.loadRuns = Math.max(o.runs, o.loadRuns ?? 5);
  return o;
}

// `default`: the corpus the build ships (dist/corpus, 16 real articles, inline), served as is to
// both pages; no synthetic long article.
const isDefault = (size) => size === 'default';

const articlesFor = (size) => {
  const m = /^(\d+)(k?)$/i.exec(size);
  if (!m) throw new Error(`size ${size}: use a number or Nk (1k, 10k, 100k)`);
  return Number(m[1]) * (m[2] ? 1000 : 1);
};

const log = (...a) => console.error('[bench]', ...a);

// ---- corpora ----------------------------------------------------------------------------------

/** What the synthetic corpora are made by: the generator (src/bin/lede-corpus/synth/) and the
 * format it writes (src/core/format/), so a change to either makes the cached corpora again. */
function generatorSources() {
  const dirs = ['src/bin/lede-corpus/synth', 'src/core/format'].map((d) => join(REPO, d));
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.rs')).sort().map((f) => join(d, f)));
}

function ensureCorpus(opts, size) {
  const articles = articlesFor(size);
  const synthHash = createHash('sha256');
  for (const file of generatorSources()) synthHash.update(file).update(readFileSync(file));
  const params = { articles, seed: opts.seed, long: true, synth: synthHash.digest('hex').slice(0, 16) };
  const dir = join(opts.cache, 'corpora', `${articles}-s${opts.seed}-long`);
  const stampPath = join(dir, 'params.json');
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === JSON.stringify(params) && existsSync(join(dir, 'index.json'))) {
    log(`corpus ${size}: cached in ${dir}`);
    return dir;
  }
  log(`corpus ${size}: generating ${articles} articles (+ long) into ${dir}`);
  mkdirSync(dir, { recursive: true });
  const synthArgs = ['synth', '--articles', String(articles), '--seed', String(opts.seed), '--out', dir, '--long'];
  try {
    execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'lede-corpus', '--', ...synthArgs], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    // The tree may not compile while someone is half-way through an edit elsewhere: the last
    // release build of the tool writes the same bytes if the generator is what it was built from.
    const target = process.env.CARGO_TARGET_DIR || join(REPO, 'target');
    const binary = join(target, 'release', 'lede-corpus');
    const newest = Math.max(...generatorSources().map((f) => statSync(f).mtimeMs));
    if (!existsSync(binary) || statSync(binary).mtimeMs < newest) throw error;
    log(`cargo run failed; using the last release build of the tool, ${binary} (newer than the generator's sources)`);
    execFileSync(binary, synthArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  writeFileSync(stampPath, JSON.stringify(params));
  return dir;
}

/** The files `lede-corpus paginate` reads from besides its input: a change to any regenerates. */
const PAGINATE_SOURCES = ['src/bin/lede-corpus/paginate.rs', 'src/core/format/catalog.rs'];

/**
 * The paged layout of an inline corpus (README.md, "Large corpora"), written once next to it by
 * `lede-corpus paginate` and kept while the inline corpus and the paginating code are the same.
 */
function ensurePaged(opts, size, inlineDir) {
  const hash = createHash('sha256');
  for (const f of PAGINATE_SOURCES) hash.update(readFileSync(join(REPO, f)));
  const params = { inline: readFileSync(join(inlineDir, 'params.json'), 'utf8'), pageSize: opts.pageSize, paginate: hash.digest('hex').slice(0, 16) };
  const dir = `${inlineDir}-paged-p${opts.pageSize}`;
  const stampPath = join(dir, 'params.json');
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === JSON.stringify(params) && existsSync(join(dir, 'listing', '0.json'))) {
    log(`corpus ${size}, paged: cached in ${dir}`);
    return dir;
  }
  log(`corpus ${size}, paged: paginating into ${dir} (page size ${opts.pageSize})`);
  // Stale pages or compressed copies from another layout must not survive.
  rmSync(dir, { recursive: true, force: true });
  const args = ['paginate', join(inlineDir, 'index.json'), '--out', dir, '--page-size', String(opts.pageSize)];
  execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'lede-corpus', '--', ...args], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  writeFileSync(stampPath, JSON.stringify(params));
  return dir;
}

/** What the list must show for a selection, computed here from the index (not by the pages). */
class Expectations {
  constructor(index) {
    this.index = index;
    const pos = new Map(index.topics.map((t, i) => [t.id, i]));
    this.topicsOf = index.articles.map((a) => (a.topics || []).map((t) => pos.get(t)));
    const key = (a) => {
      const t = a.published;
      const zoned = t.length > 10 && !/(Z|z|[+-]\d\d:?\d\d)$/.test(t) ? `${t}Z` : t;
      return Date.parse(zoned);
    };
    const keys = index.articles.map(key);
    // Rust compares strings by bytes (UTF-8), i.e. by code point; so does this.
    const cmp = (x, y) => {
      const a = [...x], b = [...y];
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const d = a[i].codePointAt(0) - b[i].codePointAt(0);
        if (d) return d;
      }
      return a.length - b.length;
    };
    this.order = index.articles.map((_, i) => i);
    this.order.sort((a, b) => keys[b] - keys[a] || cmp(index.articles[a].headline, index.articles[b].headline) || cmp(index.articles[a].id, index.articles[b].id));
    // The most common topics, most common first.
    const totals = index.topics.map((_, t) => this.topicsOf.filter((ts) => ts.includes(t)).length);
    this.popular = index.topics.map((_, t) => t).sort((a, b) => totals[b] - totals[a] || a - b);
  }

  /** The positions in the index of the articles shown for these selected topic positions, newest first. */
  resultOrder(selected, mode = 'any') {
    return this.order.filter((i) => {
      const ts = this.topicsOf[i];
      return selected.length === 0 || (mode === 'any' ? selected.some((t) => ts.includes(t)) : selected.every((t) => ts.includes(t)));
    });
  }

  /** { count, first } for these selected topic positions ('any' matching unless `mode`). */
  result(selected, mode = 'any') {
    const found = this.resultOrder(selected, mode);
    return { count: found.length, first: found.length ? this.index.articles[found[0]].headline : null };
  }

  article(position) {
    return this.index.articles[this.order[position]];
  }
}

// ---- the page side ----------------------------------------------------------------------------

// Installed before any page script. Everything time-related happens here, in the page.
const INIT = () => {
  const afterFrame = () =>
    new Promise((resolveFrame) => {
      // Called inside a rAF callback: the frame being produced shows the DOM as it is now. A task
      // posted from here runs after that frame's style, layout and paint on the main thread.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolveFrame(performance.now());
      ch.port2.postMessage(0);
    });
  /**
   * Resolves with { t } at the after-paint time of the first frame in which `check()` is true.
   * `check()` may instead return a string: the page has settled on a wrong result (say, the
   * right count but another first headline). Then up to 60 more frames are given for the right
   * one; failing that, it resolves with { t, wrong } at the first frame of the wrong result, so a
   * wrong page is timed and flagged instead of waited on until the timeout.
   */
  const whenPainted = (check) =>
    new Promise((resolveWhen) => {
      let wrongSince = null;
      let wrongFrames = 0;
      const tick = () => {
        let ok = false;
        try {
          ok = check();
        } catch {}
        if (ok === true) {
          afterFrame().then((t) => resolveWhen({ t }));
          return;
        }
        if (typeof ok === 'string') {
          if (wrongSince === null) afterFrame().then((t) => (wrongSince = { t, wrong: ok }));
          if (++wrongFrames > 60 && wrongSince) return resolveWhen(wrongSince);
        } else {
          wrongSince = null;
          wrongFrames = 0;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  const numbers = (text) => (text || '').replace(/(\d)[,.\u00a0\u202f ](?=\d{3}\b)/g, '$1').match(/\d+/g) || [];
  const conditions = {
    list: () => !!document.querySelector('ol.lede-list > li > article.lede-card'),
    filter: ({ button, pressed, count, first }) => {
      const b = document.querySelectorAll('section.lede-filter button.lede-topic')[button];
      if (!b || b.getAttribute('aria-pressed') !== String(pressed)) return false;
      if (!numbers(document.querySelector('p.lede-results')?.textContent).includes(String(count))) return false;
      const h = document.querySelector('ol.lede-list > li > article.lede-card h3')?.textContent.trim();
      if (count === 0 ? !h : h === first) return true;
      return `expected ${count} results starting with ${JSON.stringify(first)}; the first card reads ${JSON.stringify(h)}`;
    },
    article: ({ headline, paragraphs }) => {
      const h = document.querySelector('h1.lede-article__headline')?.textContent.trim();
      const n = document.querySelectorAll('.lede-article__body p').length;
      if (h === headline && n >= paragraphs) return true;
      if (h && h !== headline && n > 0) return `expected the article ${JSON.stringify(headline)}; the page shows ${JSON.stringify(h)}`;
      return false;
    },
    /** The any/all radio shows `mode`, with the result that goes with it. */
    mode: ({ mode, count, first }) => {
      if (!document.querySelector(`fieldset.lede-match input[value="${mode}"]`)?.checked) return false;
      return conditions.results({ count, first });
    },
    /** The list shows this result (after Back: no article on screen, no list page kept hidden). */
    results: ({ count, first }) => {
      if (document.querySelector('h1.lede-article__headline, .lede-kept--away')) return false;
      if (!numbers(document.querySelector('p.lede-results')?.textContent).includes(String(count))) return false;
      const h = document.querySelector('ol.lede-list > li > article.lede-card h3')?.textContent.trim();
      if (count === 0 ? !h : h === first) return true;
      return h ? `expected ${count} results starting with ${JSON.stringify(first)}; the first card reads ${JSON.stringify(h)}` : false;
    },
    /** "Show more": `cards` cards, the last of them (its summary loaded) reading `last`. */
    more: ({ cards, last }) => {
      const items = document.querySelectorAll('ol.lede-list > li');
      if (items.length !== cards) return items.length > cards ? `expected ${cards} cards; the list has ${items.length}` : false;
      const h = items[cards - 1].querySelector('article.lede-card h3')?.textContent.trim();
      if (!h) return false;
      return h === last || `expected card ${cards} to read ${JSON.stringify(last)}; it reads ${JSON.stringify(h)}`;
    },
    /** Pagefind's Default UI shows results for `q`: its message names the query, and the first
     * result's title (from its fragment) is drawn. */
    pagefind: ({ q }) => {
      const message = document.querySelector('.pagefind-ui__message')?.textContent || '';
      // "Searching for …" while it works; "No results for …", "N results for …" when done.
      if (!message.includes(q) || /^searching/i.test(message.trim())) return false;
      if (/^no results/i.test(message.trim())) return `Pagefind found nothing for ${q}: ${JSON.stringify(message)}`;
      const n = numbers(message)[0];
      if (n === undefined) return false;
      const title = document.querySelector('.pagefind-ui__result .pagefind-ui__result-link')?.textContent.trim();
      if (!title) return false;
      bench.lastCount = Number(n);
      return true;
    },
    /** Lede's search (docs/held-back/search-ui.patch): the status line says how many articles
     * match “q”, and every card on screen has its headline (no pending card). */
    ledeSearch: ({ q }) => {
      const empty = document.querySelector('.lede-empty')?.textContent || '';
      if (empty.includes(`“${q}”`)) return `Lede found nothing for ${q}: ${JSON.stringify(empty.slice(0, 120))}`;
      const status = document.querySelector('p.lede-results')?.textContent || '';
      if (!status.includes(`“${q}”`) || !/match/.test(status)) return false;
      const cards = [...document.querySelectorAll('ol.lede-list > li')];
      if (!cards.length || cards.some((li) => !li.querySelector('article.lede-card h3')?.textContent.trim())) return false;
      bench.lastCount = Number(numbers(status)[0]);
      return true;
    },
    /** The list on screen starts with `first` (Lede keeps its list page hidden behind an
     * article, app/kept_page.rs: that one does not count). */
    listFirst: ({ first }) => {
      const h = document.querySelector('ol.lede-list:not(.lede-kept--away *) > li > article.lede-card h3')?.textContent.trim();
      return h === first || (h ? `expected the list to start with ${JSON.stringify(first)}; it starts with ${JSON.stringify(h)}` : false);
    },
  };
  const bench = (window.__bench = { listPainted: null, clickAt: null, armed: false });
  addEventListener(
    'click',
    (e) => {
      if (bench.armed && e.isTrusted) {
        bench.clickAt = e.timeStamp;
        bench.armed = false;
      }
    },
    true,
  );
  whenPainted(conditions.list).then((r) => (bench.listPainted = r.t));
  // The search comparison (bench/search.mjs): a query arrives as one trusted input event.
  addEventListener(
    'input',
    (e) => {
      if (bench.inputArmed && e.isTrusted) {
        bench.inputAt = e.timeStamp;
        bench.inputArmed = false;
      }
    },
    true,
  );
  bench.waitForBox = (selector) => whenPainted(() => !!document.querySelector(selector)).then((r) => r.t);
  bench.armInput = (kind, arg) => {
    bench.inputAt = null;
    bench.inputArmed = true;
    bench.lastCount = null;
    bench.pending = whenPainted(() => bench.inputAt !== null && conditions[kind](arg)).then((r) => ({ ms: r.t - bench.inputAt, wrong: r.wrong, count: bench.lastCount }));
  };
  bench.arm = (kind, arg) => {
    bench.clickAt = null;
    bench.armed = true;
    bench.pending = whenPainted(() => bench.clickAt !== null && conditions[kind](arg)).then((r) => ({ ms: r.t - bench.clickAt, wrong: r.wrong }));
  };
  bench.waitFor = (kind, arg) => whenPainted(() => conditions[kind](arg)).then((r) => r.wrong || null);
  /** 20 filter cycles with synthetic clicks, each waiting for its result to be painted. */
  bench.cycles = async (n, button, on, off) => {
    const t0 = performance.now();
    for (let c = 0; c < n; c++) {
      for (const [pressed, r] of [[true, on], [false, off]]) {
        const done = whenPainted(() => conditions.filter({ button, pressed, ...r })).then((x) => x.wrong && (bench.wrong = x.wrong));
        document.querySelectorAll('section.lede-filter button.lede-topic')[button].click();
        await done;
      }
    }
    return performance.now() - t0;
  };
  bench.idle = () => new Promise((r) => requestAnimationFrame(() => requestIdleCallback(() => r(), { timeout: 2000 })));
  bench.parse = async (url, iterations) => {
    // The file's bytes, as fetched, and its text, as `response.text()` decodes them: each
    // decoder is given the file in the form its page receives it, outside the clock.
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const decode = window.wasmBindings?.decodeIndex;
    const decodeBytes = window.wasmBindings?.decodeIndexBytes;
    const json = [];
    const wasm = [];
    const wasmBytes = [];
    let count = null;
    const check = (n, what) => {
      if (n !== count) throw new Error(`${what} says ${n} articles, JSON.parse ${count}`);
    };
    for (let i = 0; i < iterations; i++) {
      let t = performance.now();
      count = JSON.parse(text).articles.length;
      json.push(performance.now() - t);
      if (decodeBytes) {
        t = performance.now();
        const n = decodeBytes(bytes);
        wasmBytes.push(performance.now() - t);
        check(n, 'decodeIndexBytes');
      }
      if (decode) {
        t = performance.now();
        const n = decode(text);
        wasm.push(performance.now() - t);
        check(n, 'decodeIndex');
      }
    }
    return { json, wasm: decode ? wasm : null, wasmBytes: decodeBytes ? wasmBytes : null, bytes: bytes.length };
  };
};

// ---- measuring --------------------------------------------------------------------------------

const median = (xs) => {
  const v = (xs || []).filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
    }),
  ]);
}

async function newPage(browser, cpu, extraHeaders) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: extraHeaders });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { context, page, cdp };
}

async function waitListPainted(page, timeoutMs, what) {
  const handle = await page.waitForFunction(() => window.__bench?.listPainted, null, { timeout: timeoutMs, polling: 100 }).catch((e) => {
    throw new Error(`${what}: the list was not painted within ${timeoutMs / 1000} s (${e.message.split('\n')[0]})`);
  });
  return handle.jsonValue();
}

/**
 * First-view bytes for one page and one encoding, as the server sent them: what was requested
 * until the list was painted, and apart from it what the page fetched after that, when idle
 * (Lede's release build prefetches the article page's wasm chunk then: docs/code-splitting.md).
 * A request belongs to the first view when its Resource Timing `startTime` is not after the
 * frame that painted the list (both on the page's clock), and it is not one of Lede's wasm
 * chunks; the document itself always does.
 */
async function measureBytes(browser, server, url, encoding, timeoutMs) {
  const { context, page } = await newPage(browser, 1, { 'Accept-Encoding': encoding });
  try {
    server.log.length = 0;
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const painted = await waitListPainted(page, timeoutMs, url);
    await page.waitForLoadState('networkidle', { timeout: timeoutMs });
    // Give the idle prefetch its chance, then let it finish.
    await withTimeout(page.evaluate(() => window.__bench.idle()), timeoutMs, 'idle after load');
    await page.waitForLoadState('networkidle', { timeout: timeoutMs });
    await page.waitForTimeout(600);
    const cards = await page.evaluate(() => document.querySelectorAll('ol.lede-list > li').length);
    const started = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => {
      const u = new URL(e.name);
      return [u.pathname + u.search, e.startTime];
    }));
    const startOf = new Map();
    for (const [path, t] of started) if (!startOf.has(path)) startOf.set(path, t);
    // Images are the corpus's pictures, not counted; the page's own icon is app code.
    const entries = server.log.filter((e) => /\/favicon\.png$/.test(e.path) || !/\.(jpe?g|png|webp|gif|avif)(\?|$)/i.test(e.path));
    // (An image is sent as it is, compressed already: the icon's bytes count as sent.)
    const wrong = entries.filter((e) => e.encoding !== encoding && !/\.png(\?|$)/.test(e.path));
    if (wrong.length) throw new Error(`asked for ${encoding}, the server sent ${wrong.map((e) => `${e.path} as ${e.encoding}`).join(', ')}`);
    const isData = (e) => /\.json(\?|$)/.test(e.path);
    const tally = (list) => ({
      app: list.filter((e) => !isData(e)).reduce((s, e) => s + e.bytes, 0),
      data: list.filter(isData).reduce((s, e) => s + e.bytes, 0),
      files: list.map(({ path, bytes }) => ({ path, bytes })),
    });
    // Lede's wasm chunks (the article and entity pages' code) are never needed for the list
    // (tests/e2e/split.test.mjs checks that none starts before the first card is in the DOM),
    // but the idle callback that prefetches them can run before the frame that paints that
    // card, on a loaded machine: they are the idle prefetch whenever they start.
    const chunk = (e) => /\/(chunk_\d+|split_[^/]*)-[0-9a-f]+\.wasm(\?|$)/.test(e.path);
    const later = (e) => chunk(e) || (startOf.has(e.path) && startOf.get(e.path) > painted);
    return { ...tally(entries.filter((e) => !later(e))), idle: tally(entries.filter(later)), cards };
  } finally {
    await context.close();
  }
}

async function gc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

async function memory(page, cdp) {
  await gc(cdp);
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.wasmBindings?.wasmMemoryBytes?.() ?? null);
  return { jsHeap: heap.usedSize, wasm };
}

async function clickAndMeasure(page, selector, kind, arg, timeoutMs, what) {
  await page.evaluate(([k, a]) => window.__bench.arm(k, a), [kind, arg]);
  await page.locator(selector).click({ timeout: timeoutMs });
  const r = await withTimeout(page.evaluate(() => window.__bench.pending), timeoutMs, what);
  return r;
}

/** Stores a measured click in the run; a wrong result is kept, flagged. */
function record(run, key, r) {
  run[key] = r.ms;
  if (r.wrong) (run.wrong ||= {})[key] = r.wrong;
}

/** One fresh page load and everything measured in it. */
async function measureRun(browser, opts, { url, expect, cpu, app, indexPath, inlineIndexUrl }) {
  const t = opts.timeoutMs;
  const { context, page, cdp } = await newPage(browser, cpu);
  const run = {};
  let step = 'load';
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: t });
    run.listPainted = await waitListPainted(page, t, `${app} ${url}`);
    await withTimeout(page.evaluate(() => window.__bench.idle()), t, 'idle after load');
    const firstCard = await page.evaluate(() => document.querySelector('ol.lede-list > li > article.lede-card h3')?.textContent.trim());
    if (firstCard !== expect.article(0).headline) {
      (run.wrong ||= {}).listPainted = `expected the list to start with ${JSON.stringify(expect.article(0).headline)} (newest); it starts with ${JSON.stringify(firstCard)}`;
    }
    step = 'memory after load';
    const m0 = await memory(page, cdp);
    run.heapLoad = m0.jsHeap;
    run.wasmLoad = m0.wasm;

    // Topic clicks: the three most common topics, added one by one ('any').
    const selected = [];
    for (let k = 0; k < 3; k++) {
      step = `click ${k + 1}`;
      const button = expect.popular[k];
      selected.push(button);
      const r = expect.result(selected);
      record(run, `click${k + 1}`, await clickAndMeasure(page, `section.lede-filter button.lede-topic >> nth=${button}`, 'filter', { button, pressed: true, ...r }, t, `topic click ${k + 1}`));
      await withTimeout(page.evaluate(() => window.__bench.idle()), t, 'idle');
    }
    // Back to no selection (not measured).
    step = 'deselect';
    while (selected.length) {
      const button = selected.pop();
      const r = expect.result(selected);
      await page.locator(`section.lede-filter button.lede-topic >> nth=${button}`).click({ timeout: t });
      await withTimeout(page.evaluate(([b, r]) => window.__bench.waitFor('filter', { button: b, pressed: false, ...r }), [button, r]), t, 'deselect');
    }
    // The first click above is the page's first filter (Lede's paged layout fetches postings.json
    // then); the same 1-topic click again, with everything loaded, is a later click.
    step = 'click 1 again';
    {
      const button = expect.popular[0];
      await withTimeout(page.evaluate(() => window.__bench.idle()), t, 'idle');
      record(run, 'click1Again', await clickAndMeasure(page, `section.lede-filter button.lede-topic >> nth=${button}`, 'filter', { button, pressed: true, ...expect.result([button]) }, t, 'topic click 1 again'));
      await withTimeout(page.evaluate(() => window.__bench.idle()), t, 'idle');
      await page.locator(`section.lede-filter button.lede-topic >> nth=${button}`).click({ timeout: t });
      await withTimeout(page.evaluate(([b, r]) => window.__bench.waitFor('filter', { button: b, pressed: false, ...r }), [button, expect.result([])]), t, 'deselect');
    }

    step = 'filter cycles';
    const top = expect.popular[0];
    await page.evaluate(() => (window.__bench.wrong = null));
    run.cyclesMs = await withTimeout(
      page.evaluate(([n, b, on, off]) => window.__bench.cycles(n, b, on, off), [opts.cycles, top, expect.result([top]), expect.result([])]),
      t * 4,
      'filter cycles',
    );
    const cyclesWrong = await page.evaluate(() => window.__bench.wrong);
    if (cyclesWrong) (run.wrong ||= {}).cyclesMs = cyclesWrong;
    await withTimeout(page.evaluate(() => window.__bench.idle()), t, 'idle');
    step = 'memory after cycles';
    const m1 = await memory(page, cdp);
    run.heapCycles = m1.jsHeap;
    run.wasmCycles = m1.wasm;

    // Article open: the long article (newest, the first card), then a typical one (the second).
    for (const [name, position] of [['articleLong', 0], ['articleTypical', 1]]) {
      step = name;
      const summary = expect.article(position);
      const full = JSON.parse(readFileSync(join(dirname(indexPath), summary.url), 'utf8'));
      if (name === 'articleTypical') {
        await page.goBack({ waitUntil: 'commit', timeout: t });
        await withTimeout(page.evaluate((first) => window.__bench.waitFor('listFirst', { first }), expect.article(0).headline), t, 'list after Back');
        await withTimeout(page.evaluate(() => window.__bench.idle()), t, 'idle');
      }
      record(
        run,
        name,
        await clickAndMeasure(
          page,
          `ol.lede-list > li:nth-child(${position + 1}) article.lede-card h3 a`,
          'article',
          { headline: summary.headline, paragraphs: full.body.length },
          t,
          name,
        ),
      );
    }

    step = 'parse';
    // The big inline index (the baseline's; same origin), not Lede's small paged one: both
    // decoders get the same bytes, and the row shows what decoding every summary costs.
    const parse = await withTimeout(page.evaluate(([u, n]) => window.__bench.parse(u, n), [inlineIndexUrl, opts.parseIterations]), t * 2, 'index parse');
    run.jsonParse = median(parse.json);
    run.decodeIndex = median(parse.wasm);
    run.decodeIndexBytes = median(parse.wasmBytes);
    return run;
  } catch (error) {
    run.error = `${step}: ${error.message.split('\n')[0]}`;
    return run;
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * The 20 mixed clicks, in this order, on a fresh page load: `on:k`/`off:k` toggles the k-th most
 * common topic, `mode:all`/`mode:any` the radio, `more` clicks "Show more", `open:k` the headline
 * of the (k+1)-th card, `back` the article page's link back to the list. The first topic click
 * is the page's first filter (Lede's paged layout fetches postings.json then). A `more` with
 * nothing more to show (a small corpus) is left out, on both pages alike.
 */
export const SEQUENCE = ['on:0', 'on:1', 'mode:all', 'mode:any', 'more', 'open:1', 'back', 'off:1', 'on:2', 'more', 'more', 'open:2', 'back', 'off:0', 'off:2', 'more', 'open:2', 'back', 'on:0', 'off:0'];

/** Nearest-rank percentile (p in 0..100) of numbers. */
function percentile(xs, p) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v[Math.max(0, Math.ceil((p / 100) * v.length) - 1)];
}

/** One fresh page load, then SEQUENCE, each click timed from its event to the paint of its result. */
async function measureSequence(browser, opts, { url, expect, cpu, indexPath, pageStep }) {
  const t = opts.timeoutMs;
  const { context, page } = await newPage(browser, cpu);
  const out = { clicks: [] };
  let step = 'load';
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: t });
    await waitListPainted(page, t, url);
    await withTimeout(page.evaluate(() => window.__bench.idle()), t, 'idle after load');
    const selected = [];
    let mode = 'any';
    for (const action of SEQUENCE) {
      step = action;
      const [kind, arg] = action.split(':');
      const result = () => expect.result(selected, mode);
      let selector, condition, detail;
      if (kind === 'on' || kind === 'off') {
        const button = expect.popular[Number(arg)];
        if (kind === 'on') selected.push(button);
        else selected.splice(selected.indexOf(button), 1);
        selector = `section.lede-filter button.lede-topic >> nth=${button}`;
        condition = ['filter', { button, pressed: kind === 'on', ...result() }];
      } else if (kind === 'mode') {
        mode = arg;
        selector = `fieldset.lede-match input[value="${arg}"]`;
        condition = ['mode', { mode, ...result() }];
      } else if (kind === 'more') {
        const found = expect.resultOrder(selected, mode);
        const cards = await page.evaluate(() => document.querySelectorAll('ol.lede-list > li').length);
        if (cards >= found.length) continue; // nothing more to show: left out
        const next = Math.min(found.length, cards + pageStep);
        selector = 'button.lede-more';
        condition = ['more', { cards: next, last: expect.index.articles[found[next - 1]].headline }];
        detail = `${cards} → ${next} cards`;
      } else if (kind === 'open') {
        const k = Number(arg);
        const found = expect.resultOrder(selected, mode);
        const summary = expect.index.articles[found[k]];
        const full = JSON.parse(readFileSync(join(dirname(indexPath), summary.url), 'utf8'));
        selector = `ol.lede-list > li:nth-child(${k + 1}) article.lede-card h3 a`;
        condition = ['article', { headline: summary.headline, paragraphs: full.body.length }];
        detail = summary.id;
      } else if (kind === 'back') {
        selector = '.lede-back a >> nth=0';
        condition = ['results', result()];
      } else {
        throw new Error(`unknown action ${action}`);
      }
      const r = await clickAndMeasure(page, selector, condition[0], condition[1], t, action);
      // The cards of the list on screen after the click (not counted on an article page, whose
      // only list is Lede's "More on"): the two pages may show lists of different lengths for
      // the same click. Lede's list, back on a filter it had grown for (Back, or a topic toggled
      // off again), is as long as the reader left it; the baseline's starts again at one page.
      await withTimeout(page.evaluate(() => window.__bench.idle()), t, 'idle');
      const cards = kind === 'open' ? null : await page.evaluate(() => document.querySelectorAll('ol.lede-list:not(.lede-kept--away *) > li').length);
      out.clicks.push({ action, ms: r.ms, cards, ...(r.wrong ? { wrong: r.wrong } : {}), ...(detail ? { detail } : {}) });
    }
    const ms = out.clicks.map((c) => c.ms);
    out.p50 = percentile(ms, 50);
    out.p95 = percentile(ms, 95);
    out.max = Math.max(...ms);
    out.wrong = out.clicks.find((c) => c.wrong)?.wrong;
    return out;
  } catch (error) {
    out.error = `${step}: ${error.message.split('\n')[0]}`;
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

/** A fresh page load timed to the list painted, and nothing else (the extra loads of that row). */
async function measureLoad(browser, opts, { url, cpu }) {
  const { context, page } = await newPage(browser, cpu);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: opts.timeoutMs });
    return { listPainted: await waitListPainted(page, opts.timeoutMs, url) };
  } catch (error) {
    return { error: `load: ${error.message.split('\n')[0]}` };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---- output -----------------------------------------------------------------------------------

const METRICS = [
  ['listPainted', 'navigation start → list painted', 'ms'],
  ['seqP50', 'interaction → next paint, 20 mixed clicks, p50', 'ms'],
  ['seqP95', 'interaction → next paint, 20 mixed clicks, p95', 'ms'],
  ['click1', 'topic click → paint, 1 topic (the first click: Lede fetched postings.json when idle)', 'ms'],
  ['click1Again', 'topic click → paint, 1 topic, a later click (postings loaded)', 'ms'],
  ['click2', 'topic click → paint, 2 topics', 'ms'],
  ['click3', 'topic click → paint, 3 topics', 'ms'],
  ['articleTypical', 'article open → paint, typical article', 'ms'],
  ['articleLong', 'article open → paint, long article (10k words, 1k mentions)', 'ms'],
  ['parseBytes', "index parse of the inline index.json: Lede's decoder from the file's bytes, as the viewer reads its index (decodeIndexBytes), vs JSON.parse of its text (same page, same file)", 'ms'],
  ['parse', 'index parse of the inline index.json: Lede from a JS string (decodeIndex: wasm-bindgen transcodes the string into wasm memory first) vs JSON.parse (same page, same text)', 'ms'],
  ['heapLoad', 'JS heap after load (after GC)', 'bytes'],
  ['heapCycles', `JS heap after 20 filter cycles (after GC)`, 'bytes'],
  ['wasmLoad', 'wasm memory after load', 'bytes'],
  ['wasmCycles', 'wasm memory after 20 filter cycles', 'bytes'],
  ['cyclesMs', '20 filter cycles, total (synthetic clicks)', 'ms'],
];

/** A row's label for this size's results: some hold only for a paged synthetic corpus. */
function labelFor(key, s) {
  if (key === 'listPainted' && s.loadRuns) return `navigation start → list painted (median of ${s.loadRuns} loads)`;
  if ((key === 'seqP50' || key === 'seqP95') && s.sequenceClicks) return METRICS.find((m) => m[0] === key)[1].replace('20 mixed clicks', `${s.sequenceClicks} mixed clicks`);
  if (key === 'click1' && !s.paged) return 'topic click → paint, 1 topic (the first click)';
  if (key === 'click1Again' && !s.paged) return 'topic click → paint, 1 topic, a later click';
  if (key === 'articleLong' && s.default) return 'article open → paint, newest article (first card)';
  return METRICS.find((m) => m[0] === key)?.[1] ?? key;
}

const fmtMs = (v) => (v == null ? '–' : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const fmtBytes = (v) => (v == null ? '–' : v >= 1e6 ? `${(v / 1e6).toFixed(2)} MB` : `${(v / 1e3).toFixed(1)} kB`);
const fmtRatio = (a, b) => (a == null || b == null || b === 0 ? '–' : `×${a / b >= 10 ? (a / b).toFixed(0) : a / b >= 0.1 ? (a / b).toFixed(2) : (a / b).toPrecision(2)}`);

function summarize(cell) {
  const ok = cell.runs.filter((r) => !r.error);
  const loads = [...cell.runs, ...(cell.loads || [])].map((r) => r.listPainted).filter((x) => typeof x === 'number');
  const out = { runs: ok.length, errors: cell.runs.filter((r) => r.error).map((r) => r.error), wrong: {} };
  for (const r of cell.runs) for (const [k, v] of Object.entries(r.wrong || {})) out.wrong[k] ||= v;
  for (const key of ['seqP50', 'seqP95', 'click1', 'click1Again', 'click2', 'click3', 'articleTypical', 'articleLong', 'jsonParse', 'decodeIndex', 'decodeIndexBytes', 'heapLoad', 'heapCycles', 'wasmLoad', 'wasmCycles', 'cyclesMs']) {
    out[key] = median(ok.map((r) => r[key]));
    // A figure some runs reached before failing is still worth showing.
    if (out[key] == null) out[key] = median(cell.runs.map((r) => r[key]));
  }
  out.listPainted = median(loads);
  out.loads = loads.length;
  out.sequenceErrors = cell.runs.filter((r) => r.sequenceError).map((r) => r.sequenceError);
  return out;
}

function markdown(report) {
  const L = [];
  const m = report.machine;
  L.push(`# Lede benchmark, ${report.date}`);
  L.push('');
  const la = (v) => (v ? v.map((x) => x.toFixed(1)).join(' / ') : null);
  const samples = m.loadSamples?.length ? ` During the run (1 min, sampled after each size and CPU setting) ${Math.min(...m.loadSamples).toFixed(1)}–${Math.max(...m.loadSamples).toFixed(1)}.` : '';
  L.push(`Machine: ${m.host ? `${m.host}, ` : ''}${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB${m.os ? `, ${m.os}` : ''}; ${m.browser}; Node ${m.node}. Lede ${m.commit}, wasm ${fmtBytes(m.wasmBytes)} raw. ${m.loadAverages ? `Load average (1 / 5 / 15 min) ${la(m.loadAverages.start)} at the start, ${la(m.loadAverages.end)} at the end, on ${m.cores} cores.${samples}` : `Load average (1 min) ${m.loadAverageAtStart.toFixed(1)} at the start, ${m.loadAverageAtEnd.toFixed(1)} at the end.`} Other work on the machine inflates every timing, Lede's and the baseline's alike (runs are interleaved).`);
  L.push('');
  for (const note of report.notes || []) L.push(`${note}\n`);
  L.push(`Each timing is the median of fresh page loads (how many: under each size); CPU throttling by CDP \`Emulation.setCPUThrottlingRate\`. Ratios are Lede ÷ baseline (×1.00 = as fast as the floor). Methods: bench/README.md.`);
  L.push('');
  for (const size of report.sizes) {
    const s = report.results[size];
    const runs = s.runs ?? report.options.runs;
    L.push(s.default ? `## default: the corpus the build ships, ${s.articles} articles (inline index.json ${fmtBytes(s.indexBytes)} raw)` : `## ${size}: ${s.articles} articles + the long article (inline index.json ${fmtBytes(s.indexBytes)} raw)`);
    L.push('');
    if (s.default) {
      L.push('Both pages are served the inline index.json of the shipped corpus, as Lede ships it. The "long article" rows are the newest article (the first card), not a synthetic long one.');
      L.push('');
    }
    if (s.paged) {
      const files = (enc) => s.bytes.lede[enc].files.filter((f) => /\.json(\?|$)/.test(f.path)).map((f) => `${f.path.replace(/^\/[^/]+\/lede\/corpus\//, '')} ${fmtBytes(f.bytes)}`).join(', ');
      L.push(`Lede is served the paged layout of this corpus (\`lede-corpus paginate\`, page size ${s.paged.pageSize}: index.json ${fmtBytes(s.paged.indexBytes)} raw, postings.json ${fmtBytes(s.paged.postingsBytes)} raw, fetched on the first topic click); the baseline, the inline index.json. Lede's first-view data requests, brotli: ${files('br')}.`);
      L.push('');
    }
    const seqNote = s.sequenceClicks ? ` The mixed clicks (${s.sequenceClicks}: ${report.options.sequence.join(', ')}${s.sequenceClicks < report.options.sequence.length ? '; a "more" with nothing more to show left out' : ''}) run on a fresh load of their own in each run; p50 and p95 (nearest rank) are per run, then the median over the runs.` : '';
    L.push(`Timings: median of ${runs} fresh page load${runs === 1 ? '' : 's'}${s.loadRuns > runs ? ` (navigation → list painted: of ${s.loadRuns})` : ''}.${seqNote} The baseline renders ${s.baselineVisible === 'all' ? 'every result' : `the first ${s.baselineVisible} results`}; Lede rendered ${s.ledeCards} cards for the unfiltered list.`);
    L.push('');
    L.push('First view, bytes sent by the server (bodies; images not counted):');
    L.push('');
    L.push('| | Lede gzip | baseline gzip | ratio | Lede brotli | baseline brotli | ratio |');
    L.push('|---|---:|---:|---:|---:|---:|---:|');
    for (const [key, label] of [['app', 'app code (html, js, wasm, css)'], ['data', 'data (json)'], ['total', 'total']]) {
      const v = (app, enc) => (key === 'total' ? s.bytes[app][enc].app + s.bytes[app][enc].data : s.bytes[app][enc][key]);
      L.push(`| ${label} | ${fmtBytes(v('lede', 'gzip'))} | ${fmtBytes(v('baseline', 'gzip'))} | ${fmtRatio(v('lede', 'gzip'), v('baseline', 'gzip'))} | ${fmtBytes(v('lede', 'br'))} | ${fmtBytes(v('baseline', 'br'))} | ${fmtRatio(v('lede', 'br'), v('baseline', 'br'))} |`);
    }
    L.push('');
    if (s.bytes.lede.br.idle) {
      const idle = (app) => {
        const f = s.bytes[app].br.idle.files;
        return f.length ? `${f.map((x) => `${x.path.replace(/^\/[^/]+\/(lede|baseline)\//, '')} ${fmtBytes(x.bytes)}`).join(', ')} (gzip ${fmtBytes(s.bytes[app].gzip.idle.app + s.bytes[app].gzip.idle.data)})` : 'nothing';
      };
      L.push(`Counted until the list is painted. Fetched after that, when idle (not counted above), brotli: Lede ${idle('lede')}; baseline ${idle('baseline')}.`);
      L.push('');
    }
    const cpus = report.options.cpu;
    L.push(`| | ${cpus.map((c) => `Lede ${c}x | baseline ${c}x | ratio`).join(' | ')} |`);
    L.push(`|---|${cpus.map(() => '---:|---:|---:').join('|')}|`);
    for (const [key, , unit] of METRICS) {
      const label = labelFor(key, s);
      // A row a report has no figure for (taken before the harness measured it).
      if (key === 'parseBytes' && cpus.every((c) => s.timing[c]?.lede?.decodeIndexBytes == null)) continue;
      if (key !== 'parse' && key !== 'parseBytes' && cpus.every((c) => s.timing[c]?.lede?.[key] == null && s.timing[c]?.baseline?.[key] == null)) continue;
      const cells = cpus.map((c) => {
        const lede = s.timing[c]?.lede;
        const base = s.timing[c]?.baseline;
        if (!lede || !base) return '– | – | –';
        const fmt = unit === 'ms' ? fmtMs : fmtBytes;
        if (key === 'parse') return `${fmtMs(lede.decodeIndex)} | ${fmtMs(lede.jsonParse)} (JSON.parse) | ${fmtRatio(lede.decodeIndex, lede.jsonParse)}`;
        if (key === 'parseBytes') return `${fmtMs(lede.decodeIndexBytes)} | ${fmtMs(lede.jsonParse)} (JSON.parse) | ${fmtRatio(lede.decodeIndexBytes, lede.jsonParse)}`;
        const flag = (cell) => (cell.wrong[key] ? ' †' : '');
        return `${fmt(lede[key])}${flag(lede)} | ${fmt(base[key])}${flag(base)} | ${fmtRatio(lede[key], base[key])}`;
      });
      L.push(`| ${label} | ${cells.join(' | ')} |`);
    }
    const problems = [];
    const wrong = new Map(); // message -> where
    for (const c of cpus) {
      for (const app of ['lede', 'baseline']) {
        const cell = s.timing[c]?.[app];
        if (!cell) continue;
        for (const [k, v] of Object.entries(cell.wrong)) {
          const label = labelFor(k, s);
          const key = `${app}|${label}|${v}`;
          if (!wrong.has(key)) wrong.set(key, []);
          wrong.get(key).push(`${c}x`);
        }
        if (cell.sequenceErrors?.length) problems.push(`${app} at ${c}x, the mixed clicks: ${[...new Set(cell.sequenceErrors)].join('; ')}`);
        if (cell.runs < runs) problems.push(`${app} at ${c}x: ${cell.runs} of ${runs} runs completed${cell.errors.length ? `; ${[...new Set(cell.errors)].join('; ')}` : ''}`);
      }
    }
    for (const [key, where] of [...wrong].reverse()) {
      const [app, label, v] = key.split('|');
      problems.unshift(`† **Wrong result** (${app} at ${where.join(' and ')}, ${label}): ${v}. The figure is the time to the first paint of that wrong result.`);
    }
    if (problems.length) {
      L.push('');
      for (const p of problems) L.push(p.startsWith('†') ? `- ${p}` : `- **Incomplete:** ${p}`);
    }
    const seqTable = sequenceTable(s, cpus);
    if (seqTable.length) {
      L.push('');
      L.push(...seqTable);
    }
    L.push('');
  }
  if (report.check) {
    L.push(`Budget check (--check): ${report.check.ok ? 'passed' : 'FAILED'}`);
    for (const line of report.check.lines) L.push(`- ${line}`);
    L.push('');
  }
  return L.join('\n');
}

/** The mixed clicks one by one: each click's median over the runs, per page and CPU setting. */
function sequenceTable(s, cpus) {
  const perAction = (cpu, app) => {
    const runs = (s.timing[cpu]?.raw?.[app]?.runs || []).filter((r) => r.sequence && !r.sequence.error);
    if (!runs.length) return null;
    return runs[0].sequence.clicks.map((c, i) => ({ action: c.action, detail: c.detail, cards: c.cards, ms: median(runs.map((r) => r.sequence.clicks[i]?.ms)) }));
  };
  const columns = cpus.flatMap((c) => [perAction(c, 'lede'), perAction(c, 'baseline')]);
  const first = columns.find(Boolean);
  if (!first) return [];
  const L = ['<details><summary>The mixed clicks one by one (median over the runs)</summary>', ''];
  L.push(`| # | click | ${cpus.map((c) => `Lede ${c}x | baseline ${c}x | ratio`).join(' | ')} |`);
  L.push(`|---:|---|${cpus.map(() => '---:|---:|---:').join('|')}|`);
  first.forEach((c, i) => {
    const cells = cpus.map((cpu, k) => {
      const a = columns[2 * k]?.[i]?.ms;
      const b = columns[2 * k + 1]?.[i]?.ms;
      return `${fmtMs(a)} | ${fmtMs(b)} | ${fmtRatio(a, b)}`;
    });
    // Where the two pages' lists differ in length after the click, say so: not the same work.
    const lede = columns[0]?.[i]?.cards;
    const base = columns[1]?.[i]?.cards;
    const differ = typeof lede === 'number' && typeof base === 'number' && lede !== base ? `; Lede shows ${lede} cards, the baseline ${base}` : '';
    L.push(`| ${i + 1} | ${c.action}${c.detail || differ ? ` (${[c.detail, differ.slice(2)].filter(Boolean).join('; ')})` : ''} | ${cells.join(' | ')} |`);
  });
  L.push('', '</details>');
  return L;
}

function checkBudgets(report) {
  const budgets = JSON.parse(readFileSync(join(HERE, 'budgets.json'), 'utf8'));
  const lines = [];
  let ok = true;
  for (const size of report.sizes) {
    const b = report.results[size].bytes;
    const test = (what, value, limit) => {
      const pass = value <= limit;
      ok &&= pass;
      lines.push(`${pass ? 'ok' : 'OVER'}: ${size} ${what} ${fmtBytes(value)} (budget ${fmtBytes(limit)})`);
    };
    test('Lede app code, gzip', b.lede.gzip.app, budgets.ledeAppGzipBytes);
    test('Lede app code, brotli', b.lede.br.app, budgets.ledeAppBrotliBytes);
    test('Lede data, gzip (vs the baseline’s)', b.lede.gzip.data, b.baseline.gzip.data * budgets.ledeDataOverBaseline);
    test('Lede data, brotli (vs the baseline’s)', b.lede.br.data, b.baseline.br.data * budgets.ledeDataOverBaseline);
  }
  return { ok, lines };
}

// ---- search, side by side with Pagefind (issue 14) --------------------------------------------

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
  '--enable-precise-memory-info',
  // Thumbnails live on img.example: fail them at once, offline and without DNS waits.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

function machineInfo(browser, dist) {
  return {
    cpu: cpus()[0]?.model?.trim() || 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1e9),
    loadAverageAtStart: loadavg()[0],
    loadAverages: { start: loadavg() },
    loadSamples: [],
    host: hostname(),
    os: `${osType()} ${osRelease()}`,
    browser: `Chromium ${browser.version()}`,
    node: process.versions.node,
    commit: (() => {
      if (process.env.LEDE_BENCH_BUILT_FROM) return `${process.env.LEDE_BENCH_BUILT_FROM} (clean export)`;
      try {
        const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO }).toString().trim();
        const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'style', 'index.html', 'Cargo.toml'], { cwd: REPO }).toString().trim();
        return dirty ? `${rev} + uncommitted changes in src/style` : rev;
      } catch {
        return 'unknown';
      }
    })(),
    wasmBytes: dist && existsSync(join(dist, 'lede_bg.wasm')) ? statSync(join(dist, 'lede_bg.wasm')).size : null,
  };
}

/** `scripts/bench --search`: each query of QUERIES on fresh loads of Lede's page and of Pagefind's. */
async function runSearch(opts) {
  const engines = opts.searchEngines;
  for (const e of engines) if (!ENGINES[e]) throw new Error(`--search-engines: ${e}? (lede, pagefind)`);
  const dist = resolve(opts.dist);
  if (engines.includes('lede') && !existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is not a Lede release build (run scripts/bench --search, or --search-engines pagefind)`);
  const corpora = {};
  const paged = {};
  const sites = {};
  for (const size of opts.sizes) {
    if (isDefault(size)) throw new Error('--search runs on the synthetic sizes (10k, 100k), not default');
    corpora[size] = ensureCorpus(opts, size);
    if (engines.includes('lede')) paged[size] = ensurePaged(opts, size, corpora[size]);
    if (engines.includes('pagefind')) sites[size] = ensurePagefindSite(corpora[size], log);
  }
  const mounts = {};
  for (const size of opts.sizes) {
    if (paged[size]) {
      mounts[`/${size}/lede/corpus/`] = paged[size];
      mounts[`/${size}/lede/`] = dist;
    }
    if (sites[size]) mounts[`/${size}/pagefind/`] = sites[size];
  }
  const cacheRoot = join(opts.cache, 'corpora');
  const server = new CompressingServer(mounts, { diskCache: (file) => (file.startsWith(cacheRoot) && !file.includes('-html/') ? dirname(file) : null) });
  const origin = await server.listen();
  log(`serving on ${origin}`);
  const browser = await chromium.launch({ executablePath: opts.chromium, args: CHROMIUM_ARGS });
  const report = {
    kind: 'search',
    date: new Date().toISOString(),
    sizes: opts.sizes,
    options: { runs: opts.runs, cpu: opts.cpu, seed: opts.seed, engines, debounceMs: DEBOUNCE_MS, queries: QUERIES, timeoutS: opts.timeoutS },
    machine: machineInfo(browser, engines.includes('lede') ? dist : null),
    results: {},
  };
  const h = { browser, server, opts, newPage, withTimeout };
  try {
    for (const size of opts.sizes) {
      const s = (report.results[size] = { articles: articlesFor(size), engines: {}, notes: [] });
      const urls = {};
      if (engines.includes('pagefind')) {
        urls.pagefind = `${origin}/${size}/pagefind/`;
        const took = join(sites[size], 'pagefind-took.json');
        s.engines.pagefind = {
          index: pagefindIndexOnDisk(sites[size]),
          fragments: sizeOnDisk(join(sites[size], 'pagefind', 'fragment')),
          html: sizeOnDisk(join(sites[size], 'articles')),
          indexingSeconds: existsSync(took) ? JSON.parse(readFileSync(took, 'utf8')).seconds : null,
          version: execFileSync(join(REPO, 'node_modules', '.bin', 'pagefind'), ['--version']).toString().trim(),
        };
      }
      if (engines.includes('lede')) {
        const ledeUrl = `${origin}/${size}/lede/`;
        s.engines.lede = { index: sizeOnDisk(join(paged[size], 'search')) };
        if (!existsSync(join(paged[size], 'search', 'meta.json'))) {
          s.notes.push(`Lede: the paged corpus has no search/meta.json (${paged[size]}); not measured.`);
        } else if (!(await ledeHasSearch(h, ledeUrl))) {
          s.notes.push(`Lede: this build has no search box (\`${ENGINES.lede.box}\`): the search UI is not merged yet; only its index on disk is reported.`);
          log(`${size}: Lede's build has no search box; measuring Pagefind only`);
        } else {
          urls.lede = ledeUrl;
        }
      }
      for (const cpu of opts.cpu) {
        const cells = Object.fromEntries(Object.keys(urls).map((app) => [app, []]));
        for (let r = 0; r < opts.runs; r++) {
          for (const query of QUERIES) {
            // Interleaved, so that drift in the machine's load hits both alike.
            for (const [app, url] of Object.entries(urls)) {
              const m = await measureQuery(h, { app, url, query, cpu });
              cells[app].push({ run: r, ...m });
              log(`${size} ${cpu}x ${app} run ${r + 1}/${opts.runs} ${query.q}: ${m.error ? `FAILED ${m.error}` : `${fmtMs(m.ms)}${m.wrong ? ` (WRONG: ${m.wrong})` : ''}, ${m.count} results, query ${fmtBytes(m.bytes)}, engine ${fmtBytes(m.engine)}, first view ${fmtBytes(m.firstView)}`}`);
            }
          }
        }
        report.machine.loadSamples.push(loadavg()[0]);
        for (const [app, list] of Object.entries(cells)) (s.engines[app].timing ||= {})[cpu] = summarizeSearch(list);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report.machine.loadAverageAtEnd = loadavg()[0];
  report.machine.loadAverages.end = loadavg();
  const md = searchMarkdown(report);
  console.log(md);
  if (opts.write) {
    mkdirSync(opts.out, { recursive: true });
    const rev = report.machine.commit.split(' ')[0];
    const base = [report.date.slice(0, 10), rev !== 'unknown' && rev, 'search', opts.sizes.join('-')].filter(Boolean).join('-');
    writeFileSync(join(opts.out, `${base}.md`), `${md}\n`);
    writeFileSync(join(opts.out, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(opts.out, 'latest-search.md'), `${md}\n`);
    log(`wrote ${join(opts.out, `${base}.md`)}, .json and latest-search.md`);
  }
}

/** Per query: median time, bytes and results; over every (query, run): p50 and p95. */
function summarizeSearch(list) {
  const ok = list.filter((m) => !m.error);
  const perQuery = QUERIES.map(({ q }) => {
    const ms = ok.filter((m) => m.query === q);
    return {
      q,
      ms: median(ms.map((m) => m.ms)),
      bytes: median(ms.map((m) => m.bytes)),
      count: median(ms.map((m) => m.count)),
      wrong: ms.find((m) => m.wrong)?.wrong,
      files: ms[0]?.files,
    };
  });
  return {
    samples: ok.length,
    errors: list.filter((m) => m.error).map((m) => `${m.query}: ${m.error}`),
    p50: percentile(ok.map((m) => m.ms), 50),
    p95: percentile(ok.map((m) => m.ms), 95),
    bytesMedian: median(perQuery.map((p) => p.bytes)),
    engine: median(ok.map((m) => m.engine)),
    engineFiles: ok[0]?.engineFiles,
    firstView: median(ok.map((m) => m.firstView)),
    firstViewFiles: ok[0]?.firstViewFiles,
    boxPainted: median(ok.map((m) => m.boxPainted)),
    encodings: [...new Set(ok.flatMap((m) => m.encodings || []))],
    perQuery,
  };
}

function searchMarkdown(report) {
  const L = [];
  const m = report.machine;
  const la = (v) => v.map((x) => x.toFixed(1)).join(' / ');
  L.push(`# Lede search side by side with Pagefind, ${report.date}`);
  L.push('');
  const samples = m.loadSamples.length ? ` During the run ${Math.min(...m.loadSamples).toFixed(1)}–${Math.max(...m.loadSamples).toFixed(1)}.` : '';
  L.push(`Machine: ${m.host}, ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}; ${m.browser}; Node ${m.node}. Lede ${m.commit}. Load average (1 / 5 / 15 min) ${la(m.loadAverages.start)} at the start, ${la(m.loadAverages.end)} at the end, on ${m.cores} cores.${samples} Other work on the machine inflates every timing, both engines' alike (runs are interleaved).`);
  L.push('');
  L.push(`Each query on a fresh page load (${report.options.runs} runs of the ${report.options.queries.length} queries, engines interleaved), brotli where the server compresses (Pagefind's own files are gzip already and are sent as they are). The query is typed as one input event; both search boxes wait ${report.options.debounceMs} ms after it (Lede's debounce; Pagefind's Default UI is given the same with \`debounceTimeoutMs\`), and the times include that wait. Ratios are Lede ÷ Pagefind. Methods: bench/README.md, "Search, side by side with Pagefind".`);
  L.push('');
  L.push(`Queries: ${report.options.queries.map((q) => `${q.kind} \`${q.q}\``).join(', ')}.`);
  L.push('');
  const cpus = report.options.cpu;
  for (const size of report.sizes) {
    const s = report.results[size];
    const lede = s.engines.lede;
    const pf = s.engines.pagefind;
    L.push(`## ${size}: ${s.articles} articles + the long article`);
    L.push('');
    for (const n of s.notes) L.push(`- ${n}`);
    if (s.notes.length) L.push('');
    if (pf) L.push(`${pf.version.replace(/^pagefind/, 'Pagefind')}, the site's HTML pages ${fmtBytes(pf.html.bytes)} in ${pf.html.count} files${pf.indexingSeconds != null ? `, indexed in ${pf.indexingSeconds.toFixed(1)} s` : ''}.`);
    L.push('');
    const t = (e, cpu) => e?.timing?.[cpu];
    const row = (label, a, b, fmt) => L.push(`| ${label} | ${fmt(a)} | ${fmt(b)} | ${fmtRatio(a, b)} |`);
    L.push('| | Lede | Pagefind | ratio |');
    L.push('|---|---:|---:|---:|');
    const c0 = cpus[0];
    row('bytes per query, median over the queries (after the engine is loaded)', t(lede, c0)?.bytesMedian, t(pf, c0)?.bytesMedian, fmtBytes);
    for (const cpu of cpus) {
      row(`keystroke → results painted, p50, ${cpu}x`, t(lede, cpu)?.p50, t(pf, cpu)?.p50, fmtMs);
      row(`keystroke → results painted, p95, ${cpu}x`, t(lede, cpu)?.p95, t(pf, cpu)?.p95, fmtMs);
    }
    row('index on disk (sum of files)', lede?.index.bytes, pf?.index.bytes, fmtBytes);
    row('index files', lede?.index.count, pf?.index.count, (v) => (v == null ? '–' : String(v)));
    if (pf?.fragments) row("index on disk without Pagefind's fragments (each page's text for its result; Lede reads its article files)", lede?.index.bytes, pf.index.bytes - pf.fragments.bytes, fmtBytes);
    row('first view: bytes until the box is painted and the network idle', t(lede, c0)?.firstView, t(pf, c0)?.firstView, fmtBytes);
    row(`first view: navigation → search box painted, ${c0}x`, t(lede, c0)?.boxPainted, t(pf, c0)?.boxPainted, fmtMs);
    row('engine load (one-time: on focus, and the engine files of the first query)', t(lede, c0)?.engine, t(pf, c0)?.engine, fmtBytes);
    L.push('');
    L.push(`Per query (bytes: median over the runs at ${c0}x; time: median over the runs):`);
    L.push('');
    L.push(`| query | Lede bytes | Pagefind bytes | ratio | ${cpus.map((c) => `Lede ${c}x | Pagefind ${c}x | ratio`).join(' | ')} | Lede results | Pagefind results |`);
    L.push(`|---|---:|---:|---:|${cpus.map(() => '---:|---:|---:').join('|')}|---:|---:|`);
    report.options.queries.forEach((q, i) => {
      const lq = t(lede, c0)?.perQuery[i];
      const pq = t(pf, c0)?.perQuery[i];
      const times = cpus.map((c) => {
        const a = t(lede, c)?.perQuery[i]?.ms;
        const b = t(pf, c)?.perQuery[i]?.ms;
        return `${fmtMs(a)} | ${fmtMs(b)} | ${fmtRatio(a, b)}`;
      });
      const n = (v) => (v == null ? '–' : String(v));
      L.push(`| ${q.kind} \`${q.q}\` | ${fmtBytes(lq?.bytes)} | ${fmtBytes(pq?.bytes)} | ${fmtRatio(lq?.bytes, pq?.bytes)} | ${times.join(' | ')} | ${n(lq?.count)} | ${n(pq?.count)} |`);
    });
    const problems = [];
    for (const [name, e] of Object.entries(s.engines)) {
      for (const cpu of cpus) {
        const cell = t(e, cpu);
        if (!cell) continue;
        for (const err of new Set(cell.errors)) problems.push(`${name} at ${cpu}x failed: ${err}`);
        for (const p of cell.perQuery) if (p.wrong) problems.push(`${name} at ${cpu}x, \`${p.q}\`: ${p.wrong}`);
      }
    }
    if (problems.length) {
      L.push('');
      for (const p of problems) L.push(`- **Problem:** ${p}`);
    }
    const files = (e) => (e ? e.map((f) => `${f.path.replace(/^\/[^/]+\/(lede|pagefind)\//, '') || 'index.html'} ${fmtBytes(f.bytes)}`).join(', ') : '–');
    L.push('');
    L.push('<details><summary>What each stage fetched (one sample)</summary>');
    L.push('');
    for (const [name, e] of Object.entries(s.engines)) {
      const cell = t(e, c0);
      if (!cell) continue;
      L.push(`- ${name}, first view: ${files(cell.firstViewFiles)}`);
      L.push(`- ${name}, engine: ${files(cell.engineFiles)}`);
      cell.perQuery.forEach((p) => L.push(`- ${name}, \`${p.q}\`: ${files(p.files)}`));
    }
    L.push('');
    L.push('</details>');
    L.push('');
  }
  return L.join('\n');
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.search) return runSearch(opts);
  if (opts.render) {
    // Re-renders a report's markdown from its JSON (after a change to the table's layout).
    const report = JSON.parse(readFileSync(opts.render, 'utf8'));
    const md = report.kind === 'search' ? searchMarkdown(report) : markdown(report);
    console.log(md);
    if (opts.write) writeFileSync(opts.render.replace(/\.json$/, '.md'), `${md}\n`);
    return;
  }
  const dist = resolve(opts.dist);
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'lede_bg.wasm'))) {
    throw new Error(`${dist} is not a Lede release build (run scripts/bench, or scripts/build --dist ${dist})`);
  }
  const hasDecode = readFileSync(join(dist, 'lede.js'), 'utf8').includes('decodeIndex');
  if (!hasDecode) log('this build does not export decodeIndex: the index-parse row will show JSON.parse only');

  const corpora = {};
  const paged = {};
  for (const size of opts.sizes) {
    if (isDefault(size)) {
      corpora[size] = paged[size] = join(dist, 'corpus');
      continue;
    }
    corpora[size] = ensureCorpus(opts, size);
    paged[size] = ensurePaged(opts, size, corpora[size]);
  }

  const mounts = {};
  for (const size of opts.sizes) {
    // Lede gets the paged layout (what a publisher of a large corpus serves); the baseline, the
    // naive floor, the inline index.json with every summary.
    mounts[`/${size}/lede/corpus/`] = paged[size];
    mounts[`/${size}/lede/`] = dist;
    mounts[`/${size}/baseline/corpus/`] = corpora[size];
    mounts[`/${size}/baseline/lede.css`] = join(dist, 'lede.css');
    mounts[`/${size}/baseline/`] = join(HERE, 'baseline');
  }
  const cacheRoot = join(opts.cache, 'corpora');
  const server = new CompressingServer(mounts, { diskCache: (file) => (file.startsWith(cacheRoot) ? dirname(file) : null) });
  const origin = await server.listen();
  log(`serving on ${origin}`);

  const browser = await chromium.launch({
    executablePath: opts.chromium,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
      '--enable-precise-memory-info',
      // Thumbnails live on img.example: fail them at once, offline and without DNS waits.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const report = {
    date: new Date().toISOString(),
    sizes: opts.sizes,
    options: { runs: opts.runs, loadRuns: opts.loadRuns, sequence: opts.sequence ? SEQUENCE : null, cpu: opts.cpu, seed: opts.seed, visible: opts.visible, parseIterations: opts.parseIterations, cycles: opts.cycles, timeoutS: opts.timeoutS },
    machine: machineInfo(browser, dist),
    results: {},
  };

  try {
    for (const size of opts.sizes) {
      const indexPath = join(corpora[size], 'index.json');
      const index = JSON.parse(readFileSync(indexPath, 'utf8'));
      const expect = new Expectations(index);
      if (!isDefault(size) && expect.article(0).id !== 'synth-long') throw new Error(`${size}: the long article is not the newest`);
      const ledeUrl = `${origin}/${size}/lede/`;
      log(`${size}: compressing what the pages will request (once; cached on disk for the corpus)`);
      await server.warm([
        `/${size}/lede/`, `/${size}/lede/lede.js`, `/${size}/lede/lede_bg.wasm`, `/${size}/lede/lede.css`,
        `/${size}/baseline/`, `/${size}/baseline/baseline.js`,
        `/${size}/lede/corpus/index.json`,
        ...(isDefault(size) ? [] : [...[0, 1, 2].map((n) => `/${size}/lede/corpus/listing/${n}.json`), `/${size}/lede/corpus/postings.json`]),
        `/${size}/baseline/corpus/index.json`,
        ...[0, 1].map((p) => (isDefault(size) ? `/${size}/lede/corpus/${expect.article(p).url}` : `/${size}/lede/corpus/articles/${encodeURIComponent(expect.article(p).id)}.json`)),
        ...[0, 1].map((p) => `/${size}/baseline/corpus/${expect.article(p).url}`),
      ]);
      const s = (report.results[size] = {
        runs: opts.runs,
        loadRuns: opts.loadRuns,
        articles: index.articles.length - (isDefault(size) ? 0 : 1),
        default: isDefault(size) || undefined,
        indexBytes: statSync(indexPath).size,
        paged: isDefault(size) ? undefined : { pageSize: opts.pageSize, indexBytes: statSync(join(paged[size], 'index.json')).size, postingsBytes: statSync(join(paged[size], 'postings.json')).size },
        bytes: { lede: {}, baseline: {} },
        timing: {},
      });

      log(`${size}: first-view bytes`);
      for (const enc of ['gzip', 'br']) s.bytes.lede[enc] = await measureBytes(browser, server, ledeUrl, enc, opts.timeoutMs);
      s.ledeCards = s.bytes.lede.br.cards;
      s.baselineVisible =
        opts.visible === 'auto' ? (s.ledeCards >= index.articles.length ? 'all' : s.ledeCards) : opts.visible === 'all' ? 'all' : Number(opts.visible);
      const baseUrl = `${origin}/${size}/baseline/?visible=${s.baselineVisible}`;
      for (const enc of ['gzip', 'br']) s.bytes.baseline[enc] = await measureBytes(browser, server, baseUrl, enc, opts.timeoutMs);

      for (const cpu of opts.cpu) {
        const cells = { lede: { runs: [] }, baseline: { runs: [] } };
        const failed = { lede: false, baseline: false };
        for (let r = 0; r < opts.runs; r++) {
          // Interleaved, so that drift in the machine's load hits both alike.
          for (const [app, url] of [['lede', ledeUrl], ['baseline', baseUrl]]) {
            if (failed[app]) continue;
            const started = Date.now();
            const run = await measureRun(browser, opts, { url, expect, cpu, app, indexPath, inlineIndexUrl: `${origin}/${size}/baseline/corpus/index.json` });
            cells[app].runs.push(run);
            log(`${size} ${cpu}x ${app} run ${r + 1}/${opts.runs} (${((Date.now() - started) / 1000).toFixed(0)} s): ${run.wrong ? `(WRONG RESULTS: ${Object.keys(run.wrong).join(', ')}) ` : ''}${run.error ? `FAILED ${run.error}` : `list ${fmtMs(run.listPainted)}, click ${fmtMs(run.click1)} (again ${fmtMs(run.click1Again)})/${fmtMs(run.click2)}/${fmtMs(run.click3)}, article ${fmtMs(run.articleTypical)}/${fmtMs(run.articleLong)}`}`);
            // A configuration that fails (a timeout) is not retried: the next run would too.
            if (run.error) failed[app] = true;
            if (!opts.sequence || failed[app]) continue;
            const seq = await measureSequence(browser, opts, { url, expect, cpu, indexPath, pageStep: s.ledeCards });
            run.sequence = seq;
            if (seq.error) run.sequenceError = seq.error;
            else {
              run.seqP50 = seq.p50;
              run.seqP95 = seq.p95;
              if (seq.wrong) (run.wrong ||= {}).seqP95 = seq.wrong;
            }
            log(`${size} ${cpu}x ${app} run ${r + 1}: 20 clicks ${seq.error ? `FAILED ${seq.error}` : `p50 ${fmtMs(seq.p50)}, p95 ${fmtMs(seq.p95)} (${seq.clicks.length} clicks)`}`);
          }
        }
        // Navigation -> list painted from at least --load-runs loads: the runs above, and more
        // fresh loads that time only that, interleaved the same way.
        for (let r = opts.runs; r < opts.loadRuns; r++) {
          for (const [app, url] of [['lede', ledeUrl], ['baseline', baseUrl]]) {
            if (failed[app]) continue;
            const load = await measureLoad(browser, opts, { url, cpu });
            (cells[app].loads ||= []).push(load);
            log(`${size} ${cpu}x ${app} load ${r + 1}/${opts.loadRuns}: ${load.error ? `FAILED ${load.error}` : `list ${fmtMs(load.listPainted)}`}`);
          }
        }
        report.machine.loadSamples.push(loadavg()[0]);
        s.timing[cpu] = { lede: summarize(cells.lede), baseline: summarize(cells.baseline), raw: cells };
        s.sequenceClicks ??= cells.lede.runs.concat(cells.baseline.runs).find((r) => r.sequence && !r.sequence.error)?.sequence.clicks.length;
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  report.machine.loadAverageAtEnd = loadavg()[0];
  report.machine.loadAverages.end = loadavg();
  if (opts.check) report.check = checkBudgets(report);
  const md = markdown(report);
  console.log(md);
  if (opts.write) {
    mkdirSync(opts.out, { recursive: true });
    const day = report.date.slice(0, 10);
    // Named by day and Lede commit, so that a rerun of another build the same day keeps the first.
    const rev = report.machine.commit.split(' ')[0];
    const base = [day, rev !== 'unknown' && rev, opts.sizes.join(',') !== '1k,10k,100k' && opts.sizes.join('-')].filter(Boolean).join('-');
    writeFileSync(join(opts.out, `${base}.md`), `${md}\n`);
    writeFileSync(join(opts.out, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(opts.out, 'latest.md'), `${md}\n`);
    log(`wrote ${join(opts.out, `${base}.md`)}, .json and latest.md`);
  }
  if (report.check && !report.check.ok) process.exit(1);
}

main().catch((error) => {
  console.error(`bench: ${error.stack || error.message}`);
  process.exit(1);
});
