// <lede-viewer sync-url>: the viewer keeps its state in the host's URL under a prefix of its own
// ("news." for sync-url="news", "lede." for a bare sync-url), keeps the host's own parameters,
// and restores its view from the URL on reload and on Back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filtered, topicLabel } from './support/corpus.mjs';
import { pressedTopics, useEmbedHosts, viewerList, viewerShows } from './support/embed.mjs';
import { until } from './support/wait.mjs';

const site = useEmbedHosts();

const headlines = (articles) => articles.map((a) => a.headline);
const topicButton = (page, viewer, topic) =>
  page.locator(viewer).getByRole('button', { name: topicLabel(site.index, topic), exact: true });
const params = (page) => new URL(page.url()).searchParams;

test('sync-url="news": topics and articles in the host URL under news., the host keys kept; reload and Back', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await site.open('sync.html?keep=1');
  try {
    const all = filtered(site.index, []);
    const sport = filtered(site.index, ['sport']);
    const africa = filtered(site.index, ['africa']);
    await viewerList(page, '#s1', all.length);
    await viewerList(page, '#s2', africa.length);
    await viewerList(page, '#s3', all.length);
    const title = await page.title();
    const length = await page.evaluate(() => history.length);

    await topicButton(page, '#s1', 'sport').click();
    await until(page, 'news.topic=sport in the URL', () => new URLSearchParams(location.search).get('news.topic') === 'sport');
    assert.deepEqual(await viewerList(page, '#s1', sport.length), headlines(sport));
    let p = params(page);
    assert.equal(p.get('keep'), '1', "the host's own parameter is kept");
    assert.equal(p.get('topic'), null, 'no unprefixed topic=');
    assert.equal(p.get('lede.topic'), null, 'nothing under the other viewer’s prefix');
    assert.equal(await page.evaluate(() => history.length), length, 'a topic change replaces the entry');
    assert.deepEqual(await viewerList(page, '#s2', africa.length), headlines(africa), 's2 (no sync-url) unchanged');
    assert.deepEqual(await viewerList(page, '#s3', all.length), headlines(all), 's3 unchanged');

    // The other synced viewer writes its own keys, and keeps s1's.
    await topicButton(page, '#s3', 'asia').click();
    await until(page, 'lede.topic=asia in the URL', () => new URLSearchParams(location.search).get('lede.topic') === 'asia');
    p = params(page);
    assert.equal(p.get('news.topic'), 'sport');
    assert.equal(p.get('keep'), '1');
    assert.deepEqual(await viewerList(page, '#s1', sport.length), headlines(sport), 's1 unchanged by s3');

    // Opening an article: a new history entry with news.article=.
    const opened = sport[0];
    await page.locator('#s1 .lede-card__headline a', { hasText: opened.headline }).click();
    await viewerShows(page, '#s1', 'article');
    await until(page, `news.article=${opened.id} in the URL`, (id) => new URLSearchParams(location.search).get('news.article') === id, opened.id);
    p = params(page);
    assert.equal(p.get('article'), null, 'no unprefixed article=');
    assert.equal(p.get('keep'), '1');
    assert.equal(p.get('news.topic'), 'sport');
    assert.equal(p.get('lede.topic'), 'asia');
    assert.equal(await page.evaluate(() => history.length), length + 1, 'opening an article pushes an entry');
    assert.equal(await page.title(), title, 'the host title is left alone');

    // Reload: the same views from the URL.
    await page.reload();
    await viewerShows(page, '#s1', 'article');
    assert.equal((await page.locator('#s1 h1.lede-article__headline').textContent()).trim(), opened.headline);
    const asia = filtered(site.index, ['asia']);
    assert.deepEqual(await viewerList(page, '#s3', asia.length), headlines(asia), 's3 restored from lede.topic');
    assert.deepEqual(await viewerList(page, '#s2', africa.length), headlines(africa), 's2 from its attributes');

    // Back: the sport list, without news.article.
    await page.goBack();
    await viewerShows(page, '#s1', 'list');
    assert.deepEqual(await viewerList(page, '#s1', sport.length), headlines(sport));
    assert.deepEqual(await pressedTopics(page, '#s1'), ['Sport']);
    p = params(page);
    assert.equal(p.get('news.article'), null);
    assert.equal(p.get('news.topic'), 'sport');
    assert.equal(p.get('keep'), '1');
    assert.deepEqual(await viewerList(page, '#s3', asia.length), headlines(asia), 's3 unchanged by Back');

    // Forward: the article again.
    await page.goForward();
    await viewerShows(page, '#s1', 'article');
    assert.equal((await page.locator('#s1 h1.lede-article__headline').textContent()).trim(), opened.headline);
    assert.equal(await page.title(), title);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a synced viewer reads only its own prefix from the URL', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await site.open('sync.html?topic=europe&article=x&lede.topic=asia&news.match=all&news.topic=europe&news.topic=sport');
  try {
    const both = filtered(site.index, ['europe', 'sport'], 'all');
    assert.ok(both.length > 0);
    assert.deepEqual(await viewerList(page, '#s1', both.length), headlines(both), 's1 from news.topic + news.match');
    const asia = filtered(site.index, ['asia']);
    assert.deepEqual(await viewerList(page, '#s3', asia.length), headlines(asia), 's3 from lede.topic only');
    const africa = filtered(site.index, ['africa']);
    assert.deepEqual(await viewerList(page, '#s2', africa.length), headlines(africa), 's2 ignores the URL');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('sync-url on a host page with a <base> to another origin still writes the host URL', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await site.open('sync-base.html?keep=1');
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && !m.text().includes('image did not load') && warnings.push(m.text()));
  try {
    const sport = filtered(site.index, ['sport']);
    await viewerList(page, '#s1', site.index.articles.length);
    const failures = [];

    await topicButton(page, '#s1', 'sport').click();
    await viewerList(page, '#s1', sport.length);
    const opened = sport[0];
    await page.locator('#s1 .lede-card__headline a', { hasText: opened.headline }).click();
    await viewerShows(page, '#s1', 'article');
    const p = params(page);
    if (p.get('news.topic') !== 'sport' || p.get('news.article') !== opened.id || p.get('keep') !== '1') {
      failures.push(`after a topic click and opening ${opened.id}, the host URL is ${page.url()}; console warnings: ${JSON.stringify(warnings)}`);
    }

    const back = await page.evaluate(() => document.querySelector('#s1').shadowRoot.querySelector('.lede-back a').href);
    if (!back.startsWith(site.host.url('sync-base.html?'))) {
      failures.push(`the back link (for a new tab or a copied link) points at the <base>, not at the host page: ${back}`);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
