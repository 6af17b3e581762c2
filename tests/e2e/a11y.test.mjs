// 8. axe-core (WCAG 2.0–2.2, A and AA) finds nothing on any view, light and dark.
import assert from 'node:assert/strict';
import { rmSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations, formatViolations } from './support/axe.mjs';
import { SEED_ID, loadArticle } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

// A private copy: the error view is scanned with the index really missing.
const site = useSite({ copy: true });

const VIEWS = {
  list: {
    query: '',
    ready: async (page) => {
      await viewShown(page, 'list');
      await listHeadlines(page, site.index.articles.length);
    },
  },
  article: {
    query: `?article=${SEED_ID}`,
    ready: async (page) => {
      await viewShown(page, 'article');
      const n = loadArticle(site.dist, site.index, SEED_ID).body.length;
      await until(page, 'the article body', (k) => document.querySelectorAll('.lede-article__body p').length === k, n);
      await page.locator('.lede-image--failed').first().waitFor();
    },
  },
  entity: {
    query: '?entity=lloyd-austin',
    ready: (page) => viewShown(page, 'entity'),
  },
  error: {
    query: '',
    missingIndex: true,
    ready: (page) => page.locator('.lede-error[role=alert] .lede-error__title').waitFor(),
  },
};

for (const [name, view] of Object.entries(VIEWS)) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: ${name} view, ${colorScheme} scheme`, { timeout: 60_000 }, async () => {
      const served = join(site.server.siteDir, 'corpus', 'index.json');
      if (view.missingIndex) rmSync(served);
      const { context, page } = await site.open(view.query, { colorScheme, abortImages: true, reducedMotion: 'reduce' });
      try {
        await view.ready(page);
        assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe violations on the ${name} view (${colorScheme}):\n${formatViolations(violations)}`);
      } finally {
        await context.close();
        if (view.missingIndex) copyFileSync(join(site.dist, 'corpus', 'index.json'), served);
      }
    });
  }
}
