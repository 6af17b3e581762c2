// Screenshots of the embeds for the README (docs/embed-*.png), only when LEDE_SCREENSHOTS=1:
// <lede-viewer> in a 1280 px main column and, compact, in a 300 px sidebar, and the iframe mode, each in a
// light and a dark scheme (tests/e2e/fixtures/embed-host/shapes.html).
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { filtered } from './support/corpus.mjs';
import { useEmbedHosts, viewerList } from './support/embed.mjs';
import { repoRoot } from './support/paths.mjs';
import { TIMEOUT, until } from './support/wait.mjs';

const enabled = process.env.LEDE_SCREENSHOTS === '1';
const site = useEmbedHosts();
const docs = join(repoRoot, 'docs');

/** A screenshot of the element `selector`, cut at `maxHeight` px (lists are long). */
async function shoot(page, selector, maxHeight, name) {
  // Pictures come from other hosts, unreachable here, and load lazily: in view, wait until
  // those of this shape have failed (the placeholder), not mid-load (an empty box).
  await page.locator(selector).scrollIntoViewIfNeeded();
  await until(
    page,
    `the thumbnails in ${selector} to settle`,
    (s) =>
      [...document.querySelectorAll(`${s} lede-viewer`)]
        .flatMap((v) => [...v.shadowRoot.querySelectorAll('.lede-card__thumb img')])
        .filter((img) => img.getClientRects().length > 0 && img.getBoundingClientRect().top < innerHeight)
        .every((img) => img.closest('.lede-image--failed')),
    selector,
  );
  const box = await page.locator(selector).boundingBox();
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const path = join(docs, name);
  await page.screenshot({
    path,
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
    clip: { x: box.x + scroll.x, y: box.y + scroll.y, width: box.width, height: Math.min(box.height, maxHeight) },
  });
  assert.ok(statSync(path).size > 5_000, `a real picture was written: ${name}`);
}

for (const scheme of ['light', 'dark']) {
  test(`screenshots of the three shapes, ${scheme}`, { skip: !enabled && 'set LEDE_SCREENSHOTS=1', timeout: 120_000 }, async () => {
    const { context, page } = await site.open('shapes.html', {
      viewport: { width: 1360, height: 1200 },
      colorScheme: scheme,
      reducedMotion: 'reduce',
    });
    try {
      await viewerList(page, '#in-column', site.index.articles.length);
      await viewerList(page, '#in-sidebar', Math.min(5, filtered(site.index, ['europe']).length));
      const frame = await page.locator('#frame').elementHandle().then((h) => h.contentFrame());
      const count = filtered(site.index, ['middle-east']).length;
      await frame.waitForFunction((n) => document.querySelectorAll('.lede-card').length === n, count, { timeout: TIMEOUT, polling: 100 });
      await page.locator('#frame').scrollIntoViewIfNeeded();
      await until(page, 'the frame sized to its content', () => {
        const f = document.getElementById('frame');
        return parseFloat(f.style.height) > 300;
      });
      await page.evaluate(() => document.activeElement?.blur());
      mkdirSync(docs, { recursive: true });
      await shoot(page, '#column', 900, `embed-column-${scheme}.png`);
      await shoot(page, '#sidebar', 1300, `embed-sidebar-${scheme}.png`);
      await shoot(page, '#framed', 900, `embed-iframe-${scheme}.png`);
    } finally {
      await context.close();
    }
  });
}
