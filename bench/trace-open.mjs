#!/usr/bin/env node
// Where an article open's time goes, Lede beside the baseline: N opens of the list's second
// card and Back (CPU throttled, 4x unless CPU= says), traced (Chrome's devtools.timeline), and
// the main thread's self time per trace event name (FunctionCall: script; Layout;
// UpdateLayoutTree: style; Paint ...), per open and Back. bench/HISTORY.md quotes it.
//
//   node bench/trace-open.mjs                 # DIST=dist (a release build), its own corpus
//   DIST=/tmp/d CORP=<a corpus folder> CPU=1 N=8 node bench/trace-open.mjs
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CompressingServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.DIST || join(HERE, '..', 'dist'));
const corp = process.env.CORP || dist + '/corpus';
const server = new CompressingServer({ '/lede/corpus/': corp, '/lede/': dist, '/baseline/corpus/': corp, '/baseline/lede.css': dist + '/lede.css', '/baseline/': join(HERE, 'baseline') }, {});
const origin = await server.listen();
const cpu = Number(process.env.CPU || 4);
const N = Number(process.env.N || 4);
const browser = await chromium.launch({ executablePath: process.env.LEDE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const app of ['lede', 'baseline']) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await page.goto(`${origin}/${app}/`);
  await page.waitForSelector('ol.lede-list > li > article.lede-card');
  await page.waitForTimeout(2000);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  const times = [];
  for (let k = 0; k < N; k++) {
    times.push(await page.evaluate(() => new Promise((r) => {
      const a = document.querySelectorAll('ol.lede-list > li article.lede-card h3 a')[1];
      const t0 = performance.now();
      a.click();
      const poll = () => { if (document.querySelector('.lede-article__body p')) requestAnimationFrame(() => r(performance.now() - t0)); else requestAnimationFrame(poll); };
      poll();
    })));
    await page.waitForTimeout(400);
    await page.goBack(); await page.waitForSelector('ol.lede-list > li > article.lede-card'); await page.waitForTimeout(600);
  }
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end'); await done;
  const threads = {};
  for (const e of events) if (e.ph === 'X') threads[e.tid] = (threads[e.tid] || 0) + (e.dur || 0);
  const main = Object.entries(threads).sort((a, b) => b[1] - a[1])[0][0];
  const xs = events.filter((e) => e.ph === 'X' && String(e.tid) === main).sort((a, b) => a.ts - b.ts);
  const self = {}; const stack = [];
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    if (stack.length) { const p = stack[stack.length - 1]; self[p.name] = (self[p.name] || 0) - e.dur; }
    self[e.name] = (self[e.name] || 0) + e.dur; stack.push(e);
  }
  const fmt = (o) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${(v / 1000 / N).toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  console.log(`app=${app} cpu=${cpu} open times ${times.map((t) => t.toFixed(0)).join(' ')}\n-- self per open+back --\n${fmt(self)}`);
  await ctx.close();
}
await browser.close(); server.close?.();
process.exit(0);
