#!/usr/bin/env node
// Lede side by side with a hand-written vanilla-JS floor (bench/baseline/), on synthetic corpora
// of 1k, 10k and 100k articles (+ one long article), in headless Chromium at CPU 1x and 4x.
//
//   node bench/run.mjs --dist /tmp/lede-dist-bench [--sizes default,1k,10k,100k] [--runs 5] [--cpu 1,4]
//                      [--visible auto|all|N] [--page-size 100] [--check] [--timeout-s 300] [--no-write]
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
import { cpus, homedir, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CompressingServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');

// ---- options ----------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = {
    dist: process.env.LEDE_BENCH_DIST || '/tmp/lede-dist-bench',
    sizes: '1k,10k,100k',
    runs: 5,
    cpu: '1,4',
    visible: 'auto',
    seed: 1,
    cache: process.env.LEDE_BENCH_CACHE || join(homedir(), '.cache/lede/bench'),
    out: join(HERE, 'results'),
    parseIterations: 5,
    pageSize: 100,
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
      case '--no-write': o.write = false; break;
      case '--render': o.render = value(); break;
      case '--help': case '-h':
        console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 8).join('\n').replace(/^\/\/ ?/gm, ''));
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  o.sizes = o.sizes.split(',').map((s) => s.trim()).filter(Boolean);
  o.cpu = o.cpu.split(',').map(Number);
  o.timeoutMs = o.timeoutS * 1000;
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

  /** { count, first } for these selected topic positions ('any' matching). */
  result(selected, mode = 'any') {
    let count = 0;
    let first = null;
    for (const i of this.order) {
      const ts = this.topicsOf[i];
      const ok = selected.length === 0 || (mode === 'any' ? selected.some((t) => ts.includes(t)) : selected.every((t) => ts.includes(t)));
      if (!ok) continue;
      if (first === null) first = this.index.articles[i].headline;
      count++;
    }
    return { count, first };
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
    listFirst: ({ first }) => {
      const h = document.querySelector('ol.lede-list > li > article.lede-card h3')?.textContent.trim();
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

/** First-view bytes for one page and one encoding, as the server sent them. */
async function measureBytes(browser, server, url, encoding, timeoutMs) {
  const { context, page } = await newPage(browser, 1, { 'Accept-Encoding': encoding });
  try {
    server.log.length = 0;
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await waitListPainted(page, timeoutMs, url);
    await page.waitForLoadState('networkidle', { timeout: timeoutMs });
    const cards = await page.evaluate(() => document.querySelectorAll('ol.lede-list > li').length);
    const entries = server.log.filter((e) => !/\.(jpe?g|png|webp|gif|avif)(\?|$)/i.test(e.path));
    const wrong = entries.filter((e) => e.encoding !== encoding);
    if (wrong.length) throw new Error(`asked for ${encoding}, the server sent ${wrong.map((e) => `${e.path} as ${e.encoding}`).join(', ')}`);
    const sum = (f) => entries.filter(f).reduce((s, e) => s + e.bytes, 0);
    const isData = (e) => /\.json(\?|$)/.test(e.path);
    return { app: sum((e) => !isData(e)), data: sum(isData), files: entries.map(({ path, bytes }) => ({ path, bytes })), cards };
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

// ---- output -----------------------------------------------------------------------------------

const METRICS = [
  ['listPainted', 'navigation start → list painted', 'ms'],
  ['click1', 'topic click → paint, 1 topic (the first click: Lede fetches postings.json)', 'ms'],
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
  const out = { runs: ok.length, errors: cell.runs.filter((r) => r.error).map((r) => r.error), wrong: {} };
  for (const r of cell.runs) for (const [k, v] of Object.entries(r.wrong || {})) out.wrong[k] ||= v;
  for (const key of ['listPainted', 'click1', 'click1Again', 'click2', 'click3', 'articleTypical', 'articleLong', 'jsonParse', 'decodeIndex', 'decodeIndexBytes', 'heapLoad', 'heapCycles', 'wasmLoad', 'wasmCycles', 'cyclesMs']) {
    out[key] = median(ok.map((r) => r[key]));
    // A figure some runs reached before failing is still worth showing.
    if (out[key] == null) out[key] = median(cell.runs.map((r) => r[key]));
  }
  return out;
}

function markdown(report) {
  const L = [];
  const m = report.machine;
  L.push(`# Lede benchmark, ${report.date}`);
  L.push('');
  L.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; ${m.browser}; Node ${m.node}. Lede ${m.commit}, wasm ${fmtBytes(m.wasmBytes)} raw. Load average (1 min) ${m.loadAverageAtStart.toFixed(1)} at the start, ${m.loadAverageAtEnd.toFixed(1)} at the end: other work on the machine inflates every timing, Lede's and the baseline's alike (runs are interleaved).`);
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
    L.push(`Timings: median of ${runs} fresh page load${runs === 1 ? '' : 's'}. The baseline renders ${s.baselineVisible === 'all' ? 'every result' : `the first ${s.baselineVisible} results`}; Lede rendered ${s.ledeCards} cards for the unfiltered list.`);
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
    L.push('');
  }
  if (report.check) {
    L.push(`Budget check (--check): ${report.check.ok ? 'passed' : 'FAILED'}`);
    for (const line of report.check.lines) L.push(`- ${line}`);
    L.push('');
  }
  return L.join('\n');
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

// ---- main -------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.render) {
    // Re-renders a report's markdown from its JSON (after a change to the table's layout).
    const report = JSON.parse(readFileSync(opts.render, 'utf8'));
    const md = markdown(report);
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
    options: { runs: opts.runs, cpu: opts.cpu, seed: opts.seed, visible: opts.visible, parseIterations: opts.parseIterations, cycles: opts.cycles, timeoutS: opts.timeoutS },
    machine: {
      cpu: cpus()[0]?.model?.trim() || 'unknown',
      cores: cpus().length,
      memoryGB: Math.round(totalmem() / 1e9),
      loadAverageAtStart: loadavg()[0],
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
      wasmBytes: statSync(join(dist, 'lede_bg.wasm')).size,
    },
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
        ...(isDefault(size) ? [] : [`/${size}/lede/corpus/listing/0.json`, `/${size}/lede/corpus/postings.json`]),
        `/${size}/baseline/corpus/index.json`,
        ...[0, 1].map((p) => (isDefault(size) ? `/${size}/lede/corpus/${expect.article(p).url}` : `/${size}/lede/corpus/articles/${encodeURIComponent(expect.article(p).id)}.json`)),
        ...[0, 1].map((p) => `/${size}/baseline/corpus/${expect.article(p).url}`),
      ]);
      const s = (report.results[size] = {
        runs: opts.runs,
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
          }
        }
        s.timing[cpu] = { lede: summarize(cells.lede), baseline: summarize(cells.baseline), raw: cells };
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  report.machine.loadAverageAtEnd = loadavg()[0];
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
