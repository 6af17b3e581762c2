// The publisher's own pages under a strict Content-Security-Policy: the standalone index.html
// and the iframe mode's embed.html must run with no inline script or style allowed. Each is
// served with the policy as a response header (added by the test's route, as a host would send
// it); the viewer must render the list, and no violation may be reported.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';
import { listHeadlines } from './support/wait.mjs';

const site = useSite();

const POLICY = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Opens /news/<path> with POLICY on every HTML response; returns the page and what went wrong. */
async function openUnderPolicy(path) {
  const violations = [];
  const opened = await site.open(path, {
    beforeGoto: async (page) => {
      await page.route(
        (url) => url.origin === site.server.origin && (url.pathname.endsWith('/') || url.pathname.endsWith('.html')),
        async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': POLICY } });
        },
      );
      await page.exposeFunction('recordViolation', (v) => violations.push(v));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          window.recordViolation(`${e.violatedDirective}: ${e.blockedURI} (${e.sample})`),
        ),
      );
    },
  });
  return { ...opened, violations };
}

for (const [name, path] of [
  ['index.html', ''],
  ['embed.html', 'embed.html'],
]) {
  test(`${name} runs under "${POLICY}" with no violation`, { timeout: 60_000 }, async () => {
    const { context, page, problems, violations } = await openUnderPolicy(path);
    try {
      const count = Math.min(30, site.index.articles.length);
      const headlines = await listHeadlines(page, count);
      assert.equal(headlines.length, count, 'the viewer started and rendered the list');
      // The styles inline attributes used to set now come from lede.css.
      const margin = await page.evaluate(() => getComputedStyle(document.body).margin);
      assert.equal(margin, '0px', "the body's margin is taken off by the stylesheet");
      // lede.css applies, theme included (embed.html's element had none of its custom properties).
      const style = await page.evaluate(() => {
        const point = getComputedStyle(document.querySelector('[data-lede]'));
        return { text: point.getPropertyValue('--lede-text').trim(), font: point.fontFamily };
      });
      assert.ok(style.text.startsWith('light-dark('), `the theme's custom properties are set: ${JSON.stringify(style)}`);
      assert.match(style.font, /system-ui/, "the viewer's UI font");
      assert.deepEqual(violations, [], 'CSP violations');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test(`the search (its chunk and its worker) runs under "${POLICY}" with no violation`, { timeout: 60_000 }, async () => {
  const { context, page, problems, violations } = await openUnderPolicy('?q=austin');
  try {
    await page.waitForFunction(() => /articles? match/.test(document.querySelector('p.lede-results')?.textContent || ''), null, {
      timeout: 20_000,
    });
    assert.ok((await page.locator('ol.lede-list > li').count()) > 0, 'the worker answered: results are listed');
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('no HTML file of the build has an inline script, <style> or style attribute', () => {
  const found = [];
  for (const name of readdirSync(site.dist).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(site.dist, name), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    for (const [tag, attrs] of html.matchAll(/<script\b([^>]*)>/g)) if (!/\bsrc=/.test(attrs)) found.push(`${name}: ${tag}`);
    for (const [match] of html.matchAll(/<style\b[^>]*>|\sstyle=("[^"]*"|'[^']*'|[^\s>]+)/g)) found.push(`${name}: ${match.trim()}`);
  }
  assert.deepEqual(found, []);
});
