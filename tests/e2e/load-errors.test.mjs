// 7. A corpus that cannot be loaded: the reader is told what and which file, and can retry.
import assert from 'node:assert/strict';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';
import { listHeadlines, viewShown } from './support/wait.mjs';

// A private copy of the site, so the index file can really be missing from the server.
const site = useSite({ copy: true });
const INDEX = '**/news/corpus/index.json';

async function errorPanel(page) {
  const alert = page.locator('.lede-error[role=alert]');
  await alert.waitFor();
  return {
    title: (await alert.locator('h2.lede-error__title').textContent()).trim(),
    code: (await alert.locator('code').first().textContent()).trim(),
    retry: alert.getByRole('button', { name: 'Try again' }),
  };
}

/** Clicks the panel's "Try again" and waits for the whole list to be back. */
async function retryShowsTheList(page, panel) {
  await panel.retry.click();
  await viewShown(page, 'list');
  await listHeadlines(page, site.index.articles.length);
}

/** Opens `path` with every request for `pattern` held until `release()`; `before` runs on the
 * page first (an init script, say). The page's animations are held still from the start
 * (the DevTools protocol's playback rate), so that a test sees their first moment however slow
 * this machine is, until `thaw()`. */
async function openHolding(path, pattern, before = async () => {}) {
  let release;
  const held = new Promise((r) => (release = r));
  let cdp;
  const opened = await site.open(path, {
    beforeGoto: async (p) => {
      await before(p);
      cdp = await p.context().newCDPSession(p);
      await cdp.send('Animation.enable');
      await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
      await p.route(pattern, async (route) => {
        await held;
        await route.continue();
      });
    },
  });
  const thaw = () => cdp.send('Animation.setPlaybackRate', { playbackRate: 1 });
  return { ...opened, release, thaw };
}

test('a missing index: "File not found" naming the file; Try again once it is back', { timeout: 60_000 }, async () => {
  const served = join(site.server.siteDir, 'corpus', 'index.json');
  rmSync(served);
  let context;
  try {
    const opened = await site.open();
    context = opened.context;
    const { page } = opened;
    const panel = await errorPanel(page);
    assert.equal(panel.title, 'File not found');
    assert.match(panel.code, /corpus\/index\.json/, `the message names the index: ${panel.code}`);
    assert.match(panel.code, /404/, `the message gives the status: ${panel.code}`);

    copyFileSync(join(site.dist, 'corpus', 'index.json'), served);
    await retryShowsTheList(page, panel);
    assert.equal(await page.locator('.lede-error').count(), 0, 'the error is gone');
  } finally {
    copyFileSync(join(site.dist, 'corpus', 'index.json'), served);
    await context?.close();
  }
});

test('a malformed index: "not a valid Lede file" with the JSON path', { timeout: 60_000 }, async () => {
  const { context, page } = await site.open('', {
    beforeGoto: (p) =>
      p.route(INDEX, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{"version":1,"articles":[{"id":5}]}' }),
      ),
  });
  try {
    const panel = await errorPanel(page);
    assert.equal(panel.title, 'This file is not a valid Lede file');
    assert.match(panel.code, /corpus\/index\.json/, `names the file: ${panel.code}`);
    assert.ok(panel.code.includes('articles[0]'), `names the JSON path articles[0]: ${panel.code}`);

    await page.unroute(INDEX);
    await retryShowsTheList(page, panel);
  } finally {
    await context.close();
  }
});

test('a network failure: "Could not reach the server"; Try again recovers', { timeout: 60_000 }, async () => {
  const { context, page } = await site.open('', {
    beforeGoto: (p) => p.route(INDEX, (route) => route.abort('internetdisconnected')),
  });
  try {
    const panel = await errorPanel(page);
    assert.equal(panel.title, 'Could not reach the server');
    assert.match(panel.code, /corpus\/index\.json/, `names the file: ${panel.code}`);

    await page.unroute(INDEX);
    await retryShowsTheList(page, panel);
  } finally {
    await context.close();
  }
});

test('an article listed in the index whose file is missing keeps its headline and standfirst above the error', { timeout: 60_000 }, async () => {
  const listed = site.index.articles.find((a) => a.standfirst);
  const served = join(site.server.siteDir, 'corpus', 'articles', `${listed.id}.json`);
  rmSync(served);
  let context;
  try {
    const opened = await site.open(`?article=${listed.id}`);
    context = opened.context;
    const { page } = opened;
    const panel = await errorPanel(page);
    assert.equal(panel.title, 'File not found');
    assert.match(panel.code, new RegExp(`${listed.id}\\.json`));
    assert.equal((await page.locator('.lede-article h1').textContent()).trim(), listed.headline);
    assert.equal((await page.locator('.lede-article__standfirst').textContent()).trim(), listed.standfirst);
    const advice = await page.locator('.lede-error p').first().textContent();
    assert.match(advice, /moved or removed/, 'a missing file is not a connection problem');
    // The file's URL is for the publisher: behind a disclosure, closed.
    assert.equal(await page.locator('.lede-error details').getAttribute('open'), null);
  } finally {
    copyFileSync(join(site.dist, 'corpus', 'articles', `${listed.id}.json`), served);
    await context?.close();
  }
});

test('a slow index: the placeholder shows from half a second on, announced, and goes with the list', { timeout: 60_000 }, async () => {
  // When the viewer's root and its placeholder first appear, on the page's clock.
  const { context, page, release } = await openHolding('', INDEX, (p) =>
    p.addInitScript(() => {
      window.__appeared = {};
      new MutationObserver(() => {
        for (const [name, selector] of [['app', '.lede-app'], ['placeholder', '.lede-loading']]) {
          if (window.__appeared[name] === undefined && document.querySelector(selector)) window.__appeared[name] = performance.now();
        }
      }).observe(document, { childList: true, subtree: true });
    }),
  );
  try {
    const placeholder = page.locator('.lede-loading[role=status][aria-busy=true]');
    await placeholder.waitFor();
    assert.match(await placeholder.textContent(), /Loading/, 'the placeholder says what it waits for');
    // Its lines show as it comes (animations held still since the page began): it has waited
    // already, and the stylesheet's wait for a placeholder's lines (a slow article, below) is
    // not added to that.
    const lines = await page.evaluate(() => getComputedStyle(document.querySelector('.lede-loading'), '::before').visibility);
    assert.equal(lines, 'visible', 'the index placeholder\'s lines wait no longer');
    const { app, placeholder: shown } = await page.evaluate(() => window.__appeared);
    // PLACEHOLDER_AFTER (500 ms, src/app/mod.rs): a quicker index is drawn without a placeholder
    // before it. A timer never fires early, but this one starts as the viewer's component is
    // made, a few milliseconds before its root is in the document: hence 450. Without the wait,
    // the placeholder came with the root (0 ms).
    assert.ok(shown - app >= 450, `the placeholder showed ${(shown - app).toFixed(1)} ms after the viewer's root, not about 500`);
    release();
    await viewShown(page, 'list');
    await listHeadlines(page, site.index.articles.length);
    assert.equal(await page.locator('.lede-loading').count(), 0, 'the placeholder is gone');
  } finally {
    release();
    await page.unroute(INDEX);
    await context.close();
  }
});

test('a slow article: its headline at once, the placeholder\'s lines drawn from 0.3 s on (no flash before), then the body', { timeout: 60_000 }, async () => {
  const listed = site.index.articles.find((a) => a.standfirst);
  const { context, page, release, thaw } = await openHolding(`?article=${listed.id}`, `**/news/corpus/${listed.url}`);
  try {
    const placeholder = page.locator('.lede-article .lede-loading[role=status][aria-busy=true]');
    await placeholder.waitFor();
    assert.equal((await page.locator('.lede-article h1').textContent()).trim(), listed.headline);
    // The lines are the placeholder's ::before, held back by its animation (style/lede.css,
    // `lede-appear`): hidden while the file may yet come at once, drawn once it is slow.
    const look = () => placeholder.evaluate((element) => ({
      waiting: element.getAnimations({ subtree: true }).some((a) => a.animationName === 'lede-appear'),
      lines: getComputedStyle(element, '::before').visibility,
    }));
    assert.deepEqual(await look(), { waiting: true, lines: 'hidden' }, 'the lines wait');
    await thaw();
    await placeholder.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).filter((a) => a.animationName === 'lede-appear').map((a) => a.finished)));
    assert.deepEqual(await look(), { waiting: false, lines: 'visible' }, 'the lines are drawn once the file is slow');
    release();
    await page.locator('.lede-article__body p').first().waitFor();
    assert.equal(await page.locator('.lede-article .lede-loading').count(), 0, 'the placeholder is gone');
  } finally {
    release();
    await context.close();
  }
});
