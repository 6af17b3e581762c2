// The release build's code splitting (src/app/split_pages.rs, scripts/split.mjs): the list loads
// only the main wasm; the article and entity pages fetch their chunks when first shown; a chunk
// that does not load shows the error panel, and "Try again" recovers; a host that serves .wasm
// as application/octet-stream still works.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { SEED_ID, newestFirst, readAhead } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { until, viewShown } from './support/wait.mjs';

const site = useSite();
const CHUNK = /\/(split_lede_\w+|chunk_\d+)-[0-9a-f]+\.wasm$/;

test('the build has the chunks: the article\'s, the entity\'s and their shared code', () => {
  const files = readdirSync(site.dist).filter((f) => f.endsWith('.wasm')).sort();
  assert.ok(files.includes('lede_bg.wasm'));
  assert.ok(files.some((f) => f.startsWith('split_lede_article-')), files.join());
  assert.ok(files.some((f) => f.startsWith('split_lede_entity-')), files.join());
});

test('the list draws without any chunk; the article\'s is fetched when the browser is idle after it; the entity\'s only when shown', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', {
    abortImages: true,
    // When the first card appears, on the page's own clock (the resource timings' too).
    beforeGoto: (p) => p.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.lede-card')) {
          window.__firstCard = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }),
  });
  const chunks = () => page.evaluate((pattern) => performance.getEntriesByType('resource')
    .filter((e) => new RegExp(pattern).test(new URL(e.name).pathname))
    .map((e) => ({ name: new URL(e.name).pathname.match(new RegExp(pattern))[1], start: e.startTime })), CHUNK.source);
  try {
    await viewShown(page, 'list');
    await page.locator('.lede-card').first().waitFor();
    const prefetched = await until(page, 'the article chunk, prefetched', () =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('split_lede_article')));
    assert.ok(prefetched);
    const firstCard = await page.evaluate(() => window.__firstCard);
    const early = (await chunks()).filter((c) => c.start < firstCard);
    assert.deepEqual(early, [], 'no chunk before the list is drawn');
    assert.ok(!(await chunks()).some((c) => c.name === 'split_lede_entity'), 'no entity chunk yet');

    await page.locator('.lede-card__headline a').first().click();
    await viewShown(page, 'article');
    await page.locator('.lede-article__body p').first().waitFor();
    await page.locator('.lede-article__body a.lede-mention').first().click();
    await viewShown(page, 'entity');
    await page.locator('.lede-entity__header h1').waitFor();
    const names = (await chunks()).map((c) => c.name);
    assert.ok(names.includes('split_lede_entity'), names.join());
    assert.equal(new Set(names).size, names.length, `each chunk fetched once: ${names.join()}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('when idle after the chunk loads, the article page is built once off the page (its code compiled before the first open), and nothing the reader sees changes', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', { abortImages: true });
  const marks = () => page.evaluate(() => performance.getEntriesByName('lede: article page warmed up').length);
  try {
    await viewShown(page, 'list');
    await page.locator('.lede-card').first().waitFor();
    // From the list drawn to the warm-up's mark: every console message of any kind but the
    // cards' thumbnails' (refused here, each reported when it fails, which may be now), and
    // every request but theirs and the chunks' own (a failed request of the viewer's own is
    // among `problems`).
    const heard = [];
    const thumbnail = /image did not load|Failed to load resource/;
    page.on('console', (message) => {
      if (!thumbnail.test(message.text())) heard.push(`console.${message.type()}: ${message.text()}`);
    });
    // (The lead stories' files, read ahead after the warm-up, are read-ahead.test.mjs's.)
    const lead = readAhead(newestFirst(site.index.articles)).map((a) => `/corpus/${a.url}`);
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.resourceType() !== 'image' && !CHUNK.test(path) && !lead.some((file) => path.endsWith(file))) heard.push(`request: ${request.url()}`);
    });
    const before = { title: await page.title(), url: page.url(), headlines: await page.locator('.lede-card__headline').allTextContents() };
    await until(page, 'the warm-up', () => performance.getEntriesByName('lede: article page warmed up').length > 0);
    assert.deepEqual(heard, [], 'no console message and no request of the warm-up\'s');
    assert.deepEqual({ title: await page.title(), url: page.url(), headlines: await page.locator('.lede-card__headline').allTextContents() }, before);
    assert.equal(await page.locator('.lede-article, .lede-page--article').count(), 0, 'no article page in the document');
    // The first open afterwards is an ordinary one; Back and the list's idle time warm nothing again.
    await page.locator('.lede-card__headline a').first().click();
    await viewShown(page, 'article');
    await page.locator('.lede-article__body p').first().waitFor();
    await page.goBack();
    await viewShown(page, 'list');
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r))));
    assert.equal(await marks(), 1);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a page that opened on an article (its code compiled then) is not warmed up when its list shows', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open(`?article=${SEED_ID}`, { abortImages: true });
  try {
    await viewShown(page, 'article');
    await page.locator('.lede-article__body p').first().waitFor();
    await page.locator('.lede-back a').first().click();
    await viewShown(page, 'list');
    await page.locator('.lede-card').first().waitFor();
    // The list's idle work (its chunk already here): a few idle periods and a pause.
    for (let i = 0; i < 3; i++) await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r())));
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('lede: article page warmed up').length), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a chunk that does not load shows the error panel, says so in the console, and "Try again" recovers', { timeout: 60_000 }, async () => {
  let blocked = true;
  const { context, page, problems } = await site.open(`?article=${SEED_ID}`, {
    abortImages: true,
    beforeGoto: (p) => p.route(CHUNK, (route) => (blocked ? route.abort('internetdisconnected') : route.continue())),
  });
  try {
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.ok(problems.some((p) => p.includes('lede: a part of the viewer did not load')), problems.join('\n'));
    blocked = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await viewShown(page, 'article');
    await until(page, 'the body', () => document.querySelectorAll('.lede-article__body p').length > 0);
    assert.equal(await page.getByRole('alert').count(), 0);
  } finally {
    await context.close();
  }
});

test('a host that serves .wasm as application/octet-stream still shows the list and an article', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', {
    abortImages: true,
    beforeGoto: (p) => p.route(/\.wasm$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    }),
  });
  try {
    await viewShown(page, 'list');
    await page.locator('.lede-card__headline a').first().click();
    await viewShown(page, 'article');
    await until(page, 'the body', () => document.querySelectorAll('.lede-article__body p').length > 0);
    // The main wasm's glue warns when it falls back from streaming compilation; nothing fails.
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
