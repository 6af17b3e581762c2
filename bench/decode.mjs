#!/usr/bin/env node
// Only the index-parse figures of bench/run.mjs, quickly and for several builds at once: in each
// build's page (its own default corpus, so the page is idle once the list is painted), the same
// index file through `JSON.parse(text)`, the bench hook `wasmBindings.decodeIndexBytes(bytes)`
// (the viewer's own path: the file's bytes, where the build has it) and
// `wasmBindings.decodeIndex(text)`, alternated, as `bench.parse` in run.mjs does. Builds are loaded in turn, round after round, so
// that drift in the machine's load hits every build alike; each page reports the ratio of its two
// medians (Lede ÷ JSON.parse), which is what compares across builds and machines.
//
//   node bench/decode.mjs --dist /tmp/a-dist[,/tmp/b-dist] --index ~/.cache/lede/bench/corpora/10000-s1-long/index.json
//                         [--rounds 3] [--iterations 9] [--cpu 1] [--hooks otherHook,...]
//
// --hooks times other exported hooks too (given the bytes when the name has `Bytes`, else the
// text), for taking a decoder apart while working on it.
//
// The builds must export the bench hooks (`scripts/build --dist DIR --features bench`).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CompressingServer } from './server.mjs';

const opts = { dist: [], hooks: [], index: null, rounds: 3, iterations: 9, cpu: 1, chromium: process.env.LEDE_CHROMIUM || '/usr/bin/chromium' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const value = () => argv[++i];
  switch (argv[i]) {
    case '--dist': opts.dist.push(...value().split(',')); break;
    case '--index': opts.index = value(); break;
    case '--rounds': opts.rounds = Number(value()); break;
    case '--iterations': opts.iterations = Number(value()); break;
    case '--cpu': opts.cpu = Number(value()); break;
    case '--hooks': opts.hooks.push(...value().split(',')); break;
    default: throw new Error(`unknown option ${argv[i]}`);
  }
}
if (!opts.dist.length || !opts.index) throw new Error('usage: --dist DIR[,DIR] --index FILE');

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

const mounts = { '/index.json': opts.index };
opts.dist.forEach((d, i) => (mounts[`/${i}/`] = d));
const server = new CompressingServer(mounts);
const origin = await server.listen();
const browser = await chromium.launch({
  executablePath: opts.chromium,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

async function measure(i) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${origin}/${i}/`);
    await page.waitForFunction(() => window.wasmBindings?.decodeIndex && document.querySelector('ol.lede-list > li'), null, { timeout: 60_000 });
    // The file is fetched and held in JS before the clock starts, as bytes and as text.
    await page.evaluate(async (url) => {
      window.__bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      window.__text = new TextDecoder().decode(window.__bytes);
    }, `${origin}/index.json`);
    if (opts.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpu });
    return await page.evaluate(([n, hooks]) => {
      const text = window.__text;
      const bytes = window.__bytes;
      const decode = window.wasmBindings.decodeIndex;
      const decodeBytes = window.wasmBindings.decodeIndexBytes;
      const json = [];
      const wasm = [];
      const wasmBytes = [];
      const extra = Object.fromEntries(hooks.map((h) => [h, []]));
      for (let k = 0; k < n; k++) {
        for (const h of hooks) {
          if (!window.wasmBindings[h]) continue;
          const arg = /Bytes/.test(h) ? bytes : text;
          const t = performance.now();
          window.wasmBindings[h](arg);
          extra[h].push(performance.now() - t);
        }
        let t = performance.now();
        const count = JSON.parse(text).articles.length;
        json.push(performance.now() - t);
        if (decodeBytes) {
          t = performance.now();
          const decoded = decodeBytes(bytes);
          wasmBytes.push(performance.now() - t);
          if (decoded !== count) throw new Error(`decodeIndexBytes says ${decoded} articles, JSON.parse ${count}`);
        }
        t = performance.now();
        const decoded = decode(text);
        wasm.push(performance.now() - t);
        if (decoded !== count) throw new Error(`decodeIndex says ${decoded} articles, JSON.parse ${count}`);
      }
      return { json, wasm, wasmBytes, extra };
    }, [opts.iterations, opts.hooks]);
  } finally {
    await context.close();
  }
}

const results = opts.dist.map(() => ({ json: [], wasm: [], wasmBytes: [], ratios: [], ratiosBytes: [], extra: {} }));
const load = [loadavg()[0]];
for (let round = 0; round < opts.rounds; round++) {
  for (let i = 0; i < opts.dist.length; i++) {
    const { json, wasm, wasmBytes, extra } = await measure(i);
    const r = results[i];
    r.wasmBytes.push(...wasmBytes);
    if (wasmBytes.length) r.ratiosBytes.push(median(wasmBytes) / median(json));
    for (const [h, xs] of Object.entries(extra)) (r.extra[h] ||= []).push(...xs);
    r.json.push(...json);
    r.wasm.push(...wasm);
    r.ratios.push(median(wasm) / median(json));
    const fromBytes = wasmBytes.length ? `decodeIndexBytes ${median(wasmBytes).toFixed(1)} ms (x${(median(wasmBytes) / median(json)).toFixed(2)}), ` : '';
    console.error(`round ${round + 1}, ${opts.dist[i]}: JSON.parse ${median(json).toFixed(1)} ms, ${fromBytes}decodeIndex ${median(wasm).toFixed(1)} ms (x${(median(wasm) / median(json)).toFixed(2)})`);
  }
}
load.push(loadavg()[0]);
await browser.close();
server.close?.();

const bytes = readFileSync(opts.index).length;
console.log(`index: ${join(basename(dirname(opts.index)), basename(opts.index))}, ${(bytes / 1e6).toFixed(2)} MB; CPU ${opts.cpu}x; ${opts.rounds} rounds x ${opts.iterations} iterations; load average ${load.map((l) => l.toFixed(2)).join(' -> ')}`);
console.log('Ratios: Lede ÷ JSON.parse, the median of the per-page ratios (each page: median of its iterations).');
console.log('| build | JSON.parse | decodeIndexBytes(bytes) | ratio | decodeIndex(text) | ratio |');
console.log('|---|---:|---:|---:|---:|---:|');
const ms = (xs) => (xs.length ? `${median(xs).toFixed(1)} ms` : '–');
const ratio = (xs) => (xs.length ? `x${median(xs).toFixed(2)}` : '–');
results.forEach((r, i) => {
  console.log(`| ${opts.dist[i]} | ${ms(r.json)} | ${ms(r.wasmBytes)} | ${ratio(r.ratiosBytes)} | ${ms(r.wasm)} | ${ratio(r.ratios)} |`);
});
results.forEach((r, i) => {
  for (const [h, xs] of Object.entries(r.extra)) console.log(`${opts.dist[i]} ${h}: ${median(xs).toFixed(1)} ms (x${(median(xs) / median(r.json)).toFixed(2)} of JSON.parse)`);
});
process.exit(0);
