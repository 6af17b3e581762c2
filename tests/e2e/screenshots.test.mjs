// 11. Screenshots for the README (docs/), only when LEDE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SEED_ID, loadArticle } from './support/corpus.mjs';
import { repoRoot } from './support/paths.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const enabled = process.env.LEDE_SCREENSHOTS === '1';
const site = useSite();
const docs = join(repoRoot, 'docs');
const options = { viewport: { width: 1200, height: 900 }, abortImages: true, reducedMotion: 'reduce' };

test('screenshot of the seed article', { skip: !enabled && 'set LEDE_SCREENSHOTS=1', timeout: 60_000 }, async () => {
  const { context, page } = await site.open(`?article=${SEED_ID}`, options);
  try {
    await viewShown(page, 'article');
    const n = loadArticle(site.dist, site.index, SEED_ID).body.length;
    await until(page, 'the article body', (k) => document.querySelectorAll('.lede-article__body p').length === k, n);
    await page.locator('.lede-image--failed').first().waitFor();
    await page.evaluate(() => document.activeElement?.blur());
    mkdirSync(docs, { recursive: true });
    const path = join(docs, 'screenshot-article.png');
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    assert.ok(statSync(path).size > 10_000, 'a real picture was written');
  } finally {
    await context.close();
  }
});

test('screenshot of the list', { skip: !enabled && 'set LEDE_SCREENSHOTS=1', timeout: 60_000 }, async () => {
  const { context, page } = await site.open('', options);
  try {
    await viewShown(page, 'list');
    await listHeadlines(page, site.index.articles.length);
    await until(page, 'visible thumbnails to settle', () =>
      [...document.querySelectorAll('.lede-card__thumb img')]
        .filter((img) => img.getBoundingClientRect().top < innerHeight)
        .every((img) => img.closest('.lede-image--failed')));
    mkdirSync(docs, { recursive: true });
    const path = join(docs, 'screenshot-list.png');
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    assert.ok(statSync(path).size > 10_000, 'a real picture was written');
  } finally {
    await context.close();
  }
});

test('screenshot of a search', { skip: !enabled && 'set LEDE_SCREENSHOTS=1', timeout: 60_000 }, async () => {
  const { context, page } = await site.open('?q=iraq', options);
  try {
    await viewShown(page, 'list');
    await until(page, 'the results', () => /match/.test(document.querySelector('p.lede-results')?.textContent || ''));
    await until(page, 'a snippet and the entity line', () =>
      !!document.querySelector('.lede-card__snippet mark') && !!document.querySelector('.lede-search__entity a'));
    await page.evaluate(() => document.activeElement?.blur());
    mkdirSync(docs, { recursive: true });
    const path = join(docs, 'screenshot-search.png');
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    assert.ok(statSync(path).size > 10_000, 'a real picture was written');
  } finally {
    await context.close();
  }
});
