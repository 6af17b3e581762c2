// Untrusted image dimensions: `width: 1, height: 4294967295` on a thumbnail and on a lead image
// must not make a page millions of pixels tall. The box's ratio is clamped to 1:4..4:1
// (src/core/image_ratio.rs) and has a max-height (style/lede.css).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const site = useSite({ copy: true });

/** The bound asserted: a list of three cards or one short article stays well under this. */
const MAX_PAGE_HEIGHT = 10_000;

const TALL = { url: 'https://images.invalid/tall.jpg', alt: 'A tall picture', width: 1, height: 4294967295 };
const WIDE = { url: 'https://images.invalid/wide.jpg', alt: 'A wide picture', width: 4294967295, height: 1 };

// Written when the first test starts: the site's copy exists only once useSite's hook has run.
let written = false;
function writeCorpus() {
  if (written) return;
  written = true;
  const corpus = join(site.server.siteDir, 'corpus');
  mkdirSync(join(corpus, 'articles'), { recursive: true });
  const summary = (id, day, thumbnail) => ({
    id,
    headline: `Headline ${id}`,
    published: `2024-05-0${day}`,
    url: `articles/${id}.json`,
    thumbnail,
  });
  writeFileSync(
    join(corpus, 'index.json'),
    JSON.stringify({
      version: 1,
      title: 'Hostile images',
      topics: [],
      entities: [],
      articles: [summary('tall', 3, TALL), summary('wide', 2, WIDE), summary('tall-too', 1, TALL)],
    }),
  );
  for (const [id, image] of [['tall', TALL], ['wide', WIDE]]) {
    writeFileSync(
      join(corpus, 'articles', `${id}.json`),
      JSON.stringify({
        version: 1,
        id,
        headline: `Headline ${id}`,
        published: '2024-05-03',
        image: { ...image, caption: 'A caption', credit: 'A credit' },
        body: [{ text: 'One paragraph.' }],
      }),
    );
  }
}

const pageHeight = (page) => page.evaluate(() => Math.max(document.documentElement.scrollHeight, document.body.scrollHeight));

for (const width of [1200, 320]) {
  test(`a thumbnail of 1 × 4294967295 keeps the list short (${width} px wide)`, { timeout: 60_000 }, async () => {
    writeCorpus();
    const { context, page, problems } = await site.open('', { viewport: { width, height: 800 } });
    try {
      await listHeadlines(page, 3);
      await until(page, 'three thumbnail boxes', () => document.querySelectorAll('.lede-card__thumb .lede-image').length === 3);
      const height = await pageHeight(page);
      assert.ok(height < MAX_PAGE_HEIGHT, `document height ${height} px < ${MAX_PAGE_HEIGHT}`);
      const boxes = await page.$$eval('.lede-card__thumb .lede-image', (els) => els.map((e) => e.getBoundingClientRect().height));
      for (const box of boxes) assert.ok(box > 0 && box <= 16 * 16 + 1, `thumbnail box height ${box} px is bounded (16rem)`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('a lead image of 1 × 4294967295 keeps the article short; 4294967295 × 1 keeps a box', { timeout: 60_000 }, async () => {
  writeCorpus();
  const { context, page, problems } = await site.open('?article=tall', { viewport: { width: 1200, height: 800 } });
  try {
    await viewShown(page, 'article');
    await until(page, 'the lead image box', () => !!document.querySelector('figure.lede-figure .lede-image'));
    const height = await pageHeight(page);
    assert.ok(height < MAX_PAGE_HEIGHT, `document height ${height} px < ${MAX_PAGE_HEIGHT}`);
    const box = await page.locator('figure.lede-figure .lede-image').boundingBox();
    assert.ok(box.height <= 800 && box.height > 0, `lead image box ${box.height} px: at most 80vh`);
    assert.ok(await page.locator('.lede-figure__credit').isVisible(), 'the credit is on screen under the picture');

    await page.goto(`${site.server.url}?article=wide`);
    await viewShown(page, 'article');
    const wide = await page.locator('figure.lede-figure .lede-image').boundingBox();
    assert.ok(wide.height >= wide.width / 4 - 1, `a 4294967295 × 1 picture still has a visible box: ${JSON.stringify(wide)}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
