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
