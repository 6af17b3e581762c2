// An entity's preview card inside <lede-viewer> (its shadow root) on a host page on another
// origin: focus opens it next to the mention and inside the window, and a press on the host
// page, outside the viewer, closes it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_ID } from './support/corpus.mjs';
import { useEmbedHosts, viewerShows } from './support/embed.mjs';
import { until } from './support/wait.mjs';

const site = useEmbedHosts();

test('the card opens inside the shadow root and closes on a press on the host page', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await site.open('widget.html', { viewport: { width: 1280, height: 800 } });
  try {
    await page.evaluate((id) => document.querySelector('#w').setAttribute('article', id), SEED_ID);
    await viewerShows(page, '#w', 'article');
    const mention = '#w >> .lede-article__body a.lede-mention[data-entity="lloyd-austin"]';
    await page.locator(mention).focus();
    await until(page, 'the card in the shadow root', () =>
      document.querySelector('#w').shadowRoot.querySelector('.lede-preview:not(.lede-preview--placing)') !== null);
    const box = await page.evaluate(() => {
      const r = document.querySelector('#w').shadowRoot.querySelector('.lede-preview').getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: innerWidth, height: innerHeight };
    });
    assert.ok(box.left >= 0 && box.right <= box.width && box.top >= 0 && box.bottom <= box.height, JSON.stringify(box));
    assert.equal(await page.evaluate(() => document.querySelector('.lede-preview')), null, 'nothing in the host document');
    await page.mouse.click(5, 5);
    await until(page, 'the card closed', () => document.querySelector('#w').shadowRoot.querySelector('.lede-preview') === null);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
