// The README's promise to embedders with a strict Content-Security-Policy: the policy it lists
// is enough, and nothing the viewer does needs an inline script or style.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useEmbedHosts, viewerList, viewerShows } from './support/embed.mjs';
import { until } from './support/wait.mjs';

const hosts = useEmbedHosts();

test('the README CSP is enough for <lede-viewer>, with no violation reported', async () => {
  const violations = [];
  const { context, page, problems } = await hosts.open('csp.html', {
    beforeGoto: (p) =>
      p.exposeFunction('recordViolation', (v) => violations.push(v)).then(() =>
        p.addInitScript(() =>
          document.addEventListener('securitypolicyviolation', (e) =>
            window.recordViolation(`${e.violatedDirective}: ${e.blockedURI} (${e.sample})`),
          ),
        ),
      ),
  });
  const index = hosts.index;
  await viewerList(page, '#c1', Math.min(30, index.articles.length));

  // The article page: its picture box keeps the aspect ratio set through the CSSOM.
  await page.locator('#c1 .lede-card__headline a', { hasText: 'remain in Iraq' }).click();
  await viewerShows(page, '#c1', 'article');
  const ratio = await until(page, 'the lead image box with its aspect ratio', () => {
    const box = document.querySelector('#c1')?.shadowRoot?.querySelector('.lede-figure .lede-image');
    return box && box.style.aspectRatio;
  });
  assert.match(ratio, /1200 \/ 675/);
  const styled = await page.evaluate(() => {
    const h1 = document.querySelector('#c1').shadowRoot.querySelector('h1.lede-article__headline');
    return getComputedStyle(h1).fontFamily;
  });
  assert.ok(!/monospace/.test(styled) && styled.length > 0, `the viewer's stylesheet applied: ${styled}`);
  assert.ok(page.url().endsWith('csp.html'), 'the host URL is unchanged');

  assert.deepEqual(violations, [], 'CSP violations');
  assert.deepEqual(problems, []);
  await context.close();
});
