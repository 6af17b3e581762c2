// The lead stories read ahead (src/app/read_ahead.rs): once the list is drawn and the browser
// idle, the files of the list's first three articles are fetched and decoded, and opening one
// draws its whole page without a request; the fourth is fetched when opened; a reader who asked
// to save data gets nothing ahead.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTICLES_AHEAD, LONGEST_AHEAD_MINUTES, loadArticle, newestFirst, readAhead } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { until, viewShown } from './support/wait.mjs';

const site = useSite();
const articleFile = (url) => new URL(url).pathname.match(/\/corpus\/articles\/([^/]+)\.json$/)?.[1];

/** The list at `query`, with every request for an article's file recorded by the article's id. */
async function openList(query, beforeGoto) {
  const requested = [];
  const opened = await site.open(query, {
    abortImages: true,
    beforeGoto: async (p) => {
      p.on('request', (r) => {
        const id = articleFile(r.url());
        if (id) requested.push(decodeURIComponent(id));
      });
      await beforeGoto?.(p);
    },
  });
  await viewShown(opened.page, 'list');
  await opened.page.locator('.lede-card').first().waitFor();
  return { ...opened, requested };
}

/** The list's idle work: the article chunk, its warm-up, then the read-ahead's idle period. */
async function idleWorkDone(page) {
  await until(page, 'the warm-up', () => performance.getEntriesByName('lede: article page warmed up').length > 0);
  for (let i = 0; i < 3; i++) await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r())));
}

/** The read-ahead's end: its mark (READ_AHEAD in src/app/read_ahead.rs), left once every article it read is kept. */
const readAheadDone = (page) => until(page, 'the lead stories read', () => performance.getEntriesByName('lede: lead stories read ahead').length > 0);

test('the first three articles are read when idle, and opening one sends no request; the fourth is fetched when opened', { timeout: 60_000 }, async () => {
  const order = newestFirst(site.index.articles);
  // The fixture's first articles are short enough to be read ahead.
  assert.ok(order.slice(0, ARTICLES_AHEAD).every((a) => a.reading_minutes <= LONGEST_AHEAD_MINUTES), 'the fixture suits this test');
  const lead = readAhead(order).map((a) => a.id);
  const { context, page, problems, requested } = await openList('');
  try {
    await readAheadDone(page);
    assert.deepEqual(requested, lead, 'the first three, in the list\'s order, and nothing else');

    // The second card's article, drawn whole without a request of its own.
    await page.locator('.lede-card__headline a').nth(1).click();
    await viewShown(page, 'article');
    const paragraphs = loadArticle(site.dist, site.index, lead[1]).body.length;
    await until(page, 'the body', (n) => document.querySelectorAll('.lede-article__body p').length === n, paragraphs);
    assert.equal((await page.locator('h1.lede-article__headline').textContent()).trim(), order[1].headline);
    assert.deepEqual(requested, lead, 'no request for an article read ahead');

    // The fourth was not read ahead: its open fetches it.
    await page.goBack();
    await viewShown(page, 'list');
    await page.locator('.lede-card__headline a').nth(ARTICLES_AHEAD).click();
    await viewShown(page, 'article');
    await page.locator('.lede-article__body p').first().waitFor();
    assert.deepEqual(requested, [...lead, order[ARTICLES_AHEAD].id]);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a reader who asked to save data gets nothing read ahead', { timeout: 60_000 }, async () => {
  const { context, page, problems, requested } = await openList('', (p) =>
    p.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true })),
  );
  try {
    await idleWorkDone(page);
    await page.waitForTimeout(300);
    assert.deepEqual(requested, [], 'no article fetched before it is opened');
    await page.locator('.lede-card__headline a').first().click();
    await viewShown(page, 'article');
    await page.locator('.lede-article__body p').first().waitFor();
    assert.equal(requested.length, 1, 'the open fetched its article');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a list opened on a topic reads nothing ahead: the lead stories are not its cards', { timeout: 60_000 }, async () => {
  const topic = site.index.topics[0].id;
  const { context, page, problems, requested } = await openList(`?topic=${topic}`);
  try {
    await idleWorkDone(page);
    await page.waitForTimeout(300);
    assert.deepEqual(requested, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
