// 4. Following a mention to its entity, and Back through the history to the filtered list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_ID, filtered, loadArticle, newestFirst, topicLabel } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const site = useSite();

test('a mention leads to its entity page, and Back returns to the article, then the filtered list', { timeout: 60_000 }, async () => {
  const { index } = site;
  const seed = loadArticle(site.dist, index, SEED_ID);
  const austin = index.entities.find((e) => e.id === 'lloyd-austin');
  const topic = seed.topics[0];
  const { context, page, problems } = await site.open();
  try {
    await viewShown(page, 'list');
    await page.getByRole('button', { name: topicLabel(index, topic), exact: true }).click();
    const filteredList = filtered(index, [topic]);
    await listHeadlines(page, filteredList.length);
    // The address is written once the answer is painted (web/history.rs).
    await until(page, 'the topic in the URL', (t) => new URL(location.href).searchParams.getAll('topic').join() === t, topic);
    const listUrl = page.url();

    await page.locator('.lede-card__headline a', { hasText: seed.headline }).click();
    await viewShown(page, 'article');
    await page.locator('.lede-article__body a.lede-mention', { hasText: austin.name }).first().click();

    await viewShown(page, 'entity');
    assert.equal(new URL(page.url()).searchParams.get('entity'), austin.id, 'URL has entity=lloyd-austin');
    assert.equal((await page.textContent('.lede-entity__kind')).trim(), 'Person');
    assert.equal((await page.textContent('.lede-page--entity h1.lede-page__title')).trim(), austin.name);
    const external = page.locator('a.lede-external').first();
    assert.equal(await external.getAttribute('href'), austin.url, 'external link to Wikipedia');
    assert.match(austin.url, /^https:\/\/en\.wikipedia\.org\//);
    assert.equal(await external.getAttribute('target'), '_blank');
    assert.deepEqual((await external.getAttribute('rel')).split(/\s+/).sort(), ['noopener', 'noreferrer']);

    const mentioning = newestFirst(index.articles.filter((a) => (a.entities || []).includes(austin.id)));
    const cards = await page.$$eval('.lede-page--entity ol.lede-list .lede-card__headline a', (as) => as.map((a) => a.textContent.trim()));
    assert.ok(cards.includes(seed.headline), 'the entity page lists the seed article');
    assert.deepEqual(cards, mentioning.map((a) => a.headline), 'exactly the articles whose index entry names the entity');
    const focused = await page.evaluate(() => document.activeElement?.matches('.lede-page--entity h1'));
    assert.equal(focused, true, 'focus on the entity h1');

    await page.goBack();
    await viewShown(page, 'article');
    assert.equal(new URL(page.url()).searchParams.get('article'), SEED_ID, 'Back: URL has article= again');
    assert.equal(await page.textContent('h1.lede-article__headline'), seed.headline);

    await page.goBack();
    await viewShown(page, 'list');
    assert.equal(page.url(), listUrl, 'Back again: the filtered list URL');
    await listHeadlines(page, filteredList.length);
    await until(page, `the ${topic} toggle pressed`, (label) =>
      [...document.querySelectorAll('button.lede-topic')].some(
        (b) => b.querySelector('.lede-topic__label')?.textContent === label && b.getAttribute('aria-pressed') === 'true',
      ), topicLabel(index, topic));
    const headlines = await listHeadlines(page, filteredList.length);
    assert.deepEqual(headlines, filteredList.map((a) => a.headline), 'the filter is restored');

    assert.deepEqual(problems, [], 'no page errors or console errors');
  } finally {
    await context.close();
  }
});

test('the list downloads no entity; an entity directory that fails to load is an error with a retry', { timeout: 60_000 }, async () => {
  const { index } = site;
  const austin = index.entities.find((e) => e.id === 'lloyd-austin');
  const DIRECTORY = '**/news/corpus/entities.json';
  let failing = true;
  const requested = [];
  const { context, page } = await site.open('', {
    beforeGoto: (p) => {
      p.on('request', (r) => requested.push(new URL(r.url()).pathname));
      return p.route(DIRECTORY, (route) => (failing ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
    },
  });
  try {
    await viewShown(page, 'list');
    await listHeadlines(page, index.articles.length);
    assert.ok(!requested.some((p) => p.endsWith('/entities.json')), `the list fetched no entity file: ${requested.join(', ')}`);

    await page.goto(site.server.url + `?entity=${austin.id}`);
    const alert = page.locator('.lede-page--entity .lede-error[role=alert]');
    await alert.waitFor();
    const code = (await alert.locator('code').textContent()).trim();
    assert.match(code, /corpus\/entities\.json/, `the message names the entity file: ${code}`);
    assert.match(code, /503/, `the message gives the status: ${code}`);
    assert.equal(await page.locator('.lede-page--entity .lede-back a').count(), 1, 'a way back to the list');

    failing = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await until(page, 'the entity heading after the retry', (name) =>
      document.querySelector('.lede-page--entity h1.lede-page__title')?.textContent.trim() === name, austin.name);
    assert.equal(await page.locator('.lede-error').count(), 0, 'the error is gone');
  } finally {
    await context.close();
  }
});
