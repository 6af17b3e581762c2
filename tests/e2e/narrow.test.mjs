// 10. A 320 px wide screen: nothing scrolls sideways.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_ID, loadArticle } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const site = useSite();
const VIEWPORT = { width: 320, height: 640 };

async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  });
}

for (const [name, query] of [['list', ''], ['article', `?article=${SEED_ID}`], ['entity', '?entity=islamic-state']]) {
  test(`no horizontal overflow at 320 px: ${name} view`, { timeout: 60_000 }, async () => {
    const { context, page } = await site.open(query, { viewport: VIEWPORT, abortImages: true });
    try {
      await viewShown(page, name);
      if (name === 'list') await listHeadlines(page, site.index.articles.length);
      if (name === 'article') {
        const n = loadArticle(site.dist, site.index, SEED_ID).body.length;
        await until(page, 'the article body', (k) => document.querySelectorAll('.lede-article__body p').length === k, n);
        await page.locator('.lede-image--failed').first().waitFor();
      }
      const { scrollWidth, wide } = await overflow(page);
      assert.ok(scrollWidth <= VIEWPORT.width, `scrollWidth ${scrollWidth} > ${VIEWPORT.width}; widest elements: ${wide.join(', ')}`);
    } finally {
      await context.close();
    }
  });
}

test('phones first: at 320 x 640 px the first headline is on the first screen, the topics one scrolling row', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', { viewport: { width: 320, height: 640 } });
  try {
    await viewShown(page, 'list');
    await page.locator('.lede-card h3').first().waitFor();
    const m = await page.evaluate(() => {
      const row = document.querySelector('.lede-filter__topics');
      const h = document.querySelector('.lede-card h3').getBoundingClientRect();
      return { headlineBottom: h.bottom, rowScrolls: row.scrollWidth > row.clientWidth, rowHeight: row.getBoundingClientRect().height, pageWidth: document.documentElement.scrollWidth };
    });
    assert.ok(m.headlineBottom <= 640, `the first headline ends at ${m.headlineBottom} px`);
    assert.ok(m.rowScrolls, 'the toggles scroll sideways');
    assert.ok(m.rowHeight < 80, `one row: ${m.rowHeight} px`);
    assert.ok(m.pageWidth <= 320, `the page does not scroll sideways: ${m.pageWidth}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
