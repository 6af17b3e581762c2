// axe-core (WCAG 2.0–2.2, A and AA) inside two <lede-viewer>s on the hostile host page: the host's
// CSS and the host's --lede-link override leave the viewers accessible, light and dark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS, formatViolations } from './support/axe.mjs';
import { SEED_ID, filtered } from './support/corpus.mjs';
import { useEmbedHosts, viewerList, viewerShows } from './support/embed.mjs';
import { until } from './support/wait.mjs';

const site = useEmbedHosts();

async function scanViewers(page) {
  // Only the viewers: the host page itself is deliberately careless (red on white, monospace).
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).include('lede-viewer').analyze();
  return results;
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe: two viewers on the hostile page (list, and article + entity), ${colorScheme} scheme`, { timeout: 120_000 }, async () => {
    const { context, page, problems } = await site.open('host.html', { colorScheme, reducedMotion: 'reduce' });
    try {
      await viewerList(page, '#v1', filtered(site.index, ['sport']).length);
      await viewerList(page, '#v2', site.index.articles.length);
      // A pressed toggle in v2 shows the host's --lede-link fill.
      await page.locator('#v2').getByRole('button', { name: 'Europe', exact: true }).click();
      await viewerList(page, '#v2', filtered(site.index, ['europe']).length);
      let results = await scanViewers(page);
      assert.ok(results.passes.length > 0, 'axe looked inside the viewers');
      // A node in a shadow root has a nested target: [['#v1', 'button…']].
      const inShadow = (rule) => rule?.nodes.some((n) => n.target.some(Array.isArray));
      assert.ok(results.passes.some(inShadow), 'axe reached elements inside the shadow roots');
      assert.ok(inShadow(results.passes.find((r) => r.id === 'color-contrast')), 'colour contrast was checked inside the viewers');
      assert.equal(results.violations.length, 0, `lists:\n${formatViolations(results.violations)}`);

      await page.evaluate((id) => document.querySelector('#v1').setAttribute('article', id), SEED_ID);
      await page.evaluate(() => document.querySelector('#v2').setAttribute('entity', 'baghdad'));
      await viewerShows(page, '#v1', 'article');
      await viewerShows(page, '#v2', 'entity');
      await until(page, "the article's body", () => document.querySelector('#v1').shadowRoot.querySelectorAll('.lede-article__body p').length > 0);
      results = await scanViewers(page);
      assert.equal(results.violations.length, 0, `article and entity:\n${formatViolations(results.violations)}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
