// 6. When the lead picture cannot load, its box and credit stay; no broken-image icon.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_ID, loadArticle } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { viewShown } from './support/wait.mjs';

const site = useSite();

test('a failed lead image keeps its aspect-ratio box and the photo credit', { timeout: 60_000 }, async () => {
  const seed = loadArticle(site.dist, site.index, SEED_ID);
  const { context, page } = await site.open(`?article=${SEED_ID}`, {
    viewport: { width: 1200, height: 900 },
    beforeGoto: (p) => p.route(/\.(jpe?g|png|webp|gif)(\?|$)/i, (r) => r.abort()),
  });
  try {
    await viewShown(page, 'article');
    const box = page.locator('figure.lede-figure .lede-image');
    await page.locator('figure.lede-figure .lede-image.lede-image--failed').waitFor();

    const credit = page.locator('figure.lede-figure figcaption .lede-figure__credit');
    assert.equal((await credit.textContent()).trim(), `Photo: ${seed.image.credit}`);
    const creditBox = await credit.boundingBox();
    assert.ok(creditBox && creditBox.width > 0 && creditBox.height > 0, `credit has a box: ${JSON.stringify(creditBox)}`);
    assert.equal(await credit.isVisible(), true, 'credit visible');

    const imageBox = await box.boundingBox();
    assert.ok(imageBox && imageBox.height > 0 && imageBox.width > 0, `image box keeps its size: ${JSON.stringify(imageBox)}`);
    const img = box.locator('img');
    const [w, h] = [Number(await img.getAttribute('width')), Number(await img.getAttribute('height'))];
    assert.equal(w, seed.image.width);
    assert.equal(h, seed.image.height);
    const ratio = imageBox.width / imageBox.height;
    assert.ok(Math.abs(ratio - w / h) / (w / h) < 0.02, `box ratio ${ratio.toFixed(3)} ≈ ${(w / h).toFixed(3)}`);

    assert.equal(await img.evaluate((el) => getComputedStyle(el).visibility), 'hidden', 'no broken-image icon: img hidden');
    assert.ok(creditBox.y >= imageBox.y + imageBox.height - 1, 'credit below the picture box, not covered by it');
  } finally {
    await context.close();
  }
});

// A card's thumbnail is drawn by hand (components/article_card.rs) and shares one `error`
// listener with every other card's: each failed thumbnail must still get its placeholder.
test('every failed card thumbnail keeps its box, shows the placeholder and is named in the console', { timeout: 60_000 }, async () => {
  const warnings = [];
  const { context, page } = await site.open('', {
    viewport: { width: 1200, height: 900 },
    beforeGoto: (p) => {
      p.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      return p.route(/\.(jpe?g|png|webp|gif)(\?|$)/i, (r) => r.abort());
    },
  });
  try {
    await viewShown(page, 'list');
    const thumbs = await page.locator('.lede-card__thumb img').count();
    assert.ok(thumbs >= 2, `the list shows thumbnails (${thumbs})`);
    // Lazy images load when near the viewport: each is scrolled to, and waited for, in turn.
    for (let i = 0; i < thumbs; i++) {
      await page.locator('.lede-card__thumb img').nth(i).scrollIntoViewIfNeeded();
      await page.locator('.lede-card__thumb .lede-image').nth(i).and(page.locator('.lede-image--failed')).waitFor();
    }
    const boxes = await page.$$eval('.lede-card__thumb .lede-image', (els) => els.map((e) => ({
      height: e.getBoundingClientRect().height,
      img: getComputedStyle(e.querySelector('img')).visibility,
      placeholder: getComputedStyle(e.querySelector('.lede-image__placeholder')).display,
    })));
    for (const box of boxes) {
      assert.ok(box.height > 0, 'the box keeps its size');
      assert.equal(box.img, 'hidden', 'no broken-image icon');
      assert.notEqual(box.placeholder, 'none', 'the placeholder shows');
    }
    for (const src of await page.$$eval('.lede-card__thumb img', (imgs) => imgs.map((img) => img.getAttribute('src')))) {
      assert.ok(warnings.some((w) => w === `lede: image did not load: ${src}`), `console names ${src}`);
    }
  } finally {
    await context.close();
  }
});
