// The reader's settings on the article page ("Text and theme"): text size in four steps and the
// theme (auto, light, dark, sepia), remembered by the page's own viewer in localStorage and
// never written by an embed; the reading time beside the date.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, formatViolations } from './support/axe.mjs';
import { SEED_ID, loadArticle } from './support/corpus.mjs';
import { useEmbedHosts } from './support/embed.mjs';
import { useSite } from './support/site.mjs';
import { until, viewShown } from './support/wait.mjs';

const site = useSite();
const hosts = useEmbedHosts();

async function openSeed(options = {}) {
  const opened = await site.open(`?article=${SEED_ID}`, { abortImages: true, viewport: { width: 1100, height: 800 }, ...options });
  await viewShown(opened.page, 'article');
  await until(opened.page, 'the body', () => document.querySelectorAll('.lede-article__body p').length > 0);
  return opened;
}

const bodyFontSize = (page) => page.$eval('.lede-article__body', (b) => parseFloat(getComputedStyle(b).fontSize));

test('text size and sepia change the article, and come back after a reload', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openSeed();
  try {
    const before = await bodyFontSize(page);
    await page.getByText('Text and theme').click();
    await page.getByRole('radio', { name: 'Very large' }).check();
    await page.getByRole('radio', { name: 'Sepia' }).check();
    const root = await page.$eval('.lede', (r) => [r.dataset.textSize, r.dataset.readerTheme, getComputedStyle(r).backgroundColor]);
    assert.deepEqual(root, ['3', 'sepia', 'rgb(244, 236, 216)']);
    const larger = await bodyFontSize(page);
    assert.ok(Math.abs(larger / before - 1.3) < 0.02, `${before}px → ${larger}px`);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations));

    await page.reload();
    await viewShown(page, 'article');
    await until(page, 'the body', () => document.querySelectorAll('.lede-article__body p').length > 0);
    assert.equal(await bodyFontSize(page), larger, 'the size is remembered');
    assert.equal(await page.$eval('.lede', (r) => r.dataset.readerTheme), 'sepia');
    await page.getByText('Text and theme').click();
    assert.ok(await page.getByRole('radio', { name: 'Sepia' }).isChecked());
    assert.ok(await page.getByRole('radio', { name: 'Very large' }).isChecked());
    assert.equal(await page.evaluate(() => localStorage.getItem('lede-reader')), '3 sepia');

    // Back to the defaults: "Automatic" follows the reader's system again.
    await page.getByRole('radio', { name: 'Automatic' }).check();
    await page.getByRole('radio', { name: 'Medium' }).check();
    assert.equal(await bodyFontSize(page), before);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the dark theme on a light system, with pictures dimmed; the keyboard reaches every setting, and Escape closes the panel', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openSeed({ colorScheme: 'light' });
  try {
    const summary = page.locator('.lede-reader > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    // The first radio of the first group; arrows move within a group, Tab to the next.
    assert.equal(await page.evaluate(() => document.activeElement.name.endsWith('-text-size')), true);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.name.endsWith('-theme')), true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.$eval('.lede', (r) => r.dataset.readerTheme), 'dark');
    const [scheme, filter] = await page.$eval('.lede', (r) => [getComputedStyle(r).colorScheme, getComputedStyle(r.querySelector('img')).filter]);
    assert.equal(scheme, 'dark');
    assert.equal(filter, 'brightness(0.85)');
    // Escape closes the panel and puts focus back on its summary.
    await page.keyboard.press('Escape');
    assert.equal(await page.$eval('.lede-reader', (d) => d.open), false);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the reading time is the article\'s words at 230 a minute', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openSeed();
  try {
    const seed = loadArticle(site.dist, site.index, SEED_ID);
    const words = seed.body.map((p) => p.text.split(/\s+/).filter(Boolean).length).reduce((a, b) => a + b, 0);
    const minutes = Math.max(1, Math.ceil(words / 230));
    const meta = await page.textContent('.lede-article__meta');
    assert.ok(meta.includes(`${minutes} min read`), `${meta} (${words} words)`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an embed keeps the reader\'s settings for the page, and writes the host\'s storage only if it opts in', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await hosts.open('host.html');
  try {
    await page.evaluate((id) => document.querySelector('#v2').setAttribute('article', id), SEED_ID);
    const reader = page.locator('#v2 .lede-reader');
    await reader.locator('summary').click();
    await reader.getByRole('radio', { name: 'Sepia' }).check();
    const theme = await page.evaluate(() => document.querySelector('#v2').shadowRoot.querySelector('.lede').dataset.readerTheme);
    assert.equal(theme, 'sepia');
    // The reader's choice wins over the embed's own theme="light".
    const scheme = () => page.evaluate(() => {
      const root = document.querySelector('#v2').shadowRoot.querySelector('.lede');
      return [getComputedStyle(root).colorScheme, getComputedStyle(root).backgroundColor];
    });
    assert.deepEqual(await scheme(), ['light', 'rgb(244, 236, 216)']);
    await reader.getByRole('radio', { name: 'Dark' }).check();
    assert.equal((await scheme())[0], 'dark');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored on the host');

    // One that opts in remembers them in the host's storage.
    await page.evaluate(([src, id]) => {
      const viewer = Object.assign(document.createElement('lede-viewer'), { id: 'v3' });
      viewer.setAttribute('src', src);
      viewer.setAttribute('article', id);
      viewer.setAttribute('remember-settings', '');
      document.body.append(viewer);
    }, [`${hosts.viewer.base}corpus/index.json`, SEED_ID]);
    const own = page.locator('#v3 .lede-reader');
    await own.locator('summary').click();
    await own.getByRole('radio', { name: 'Large', exact: true }).check();
    assert.equal(await page.evaluate(() => localStorage.getItem('lede-reader')), '2 auto');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
