// Topic ids the corpus does not have (a stale or hand-edited link) are dropped wherever a view
// state enters the viewer: the first load, Back and Forward, a <lede-viewer>'s attributes; and
// the address bar is replaced so that they do not come back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_ID, filtered, topicLabel } from './support/corpus.mjs';
import { pressedTopics, useEmbedHosts, viewerList } from './support/embed.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const site = useSite();
const hosts = useEmbedHosts();

const pressed = (page) => page.$$eval('button.lede-topic[aria-pressed=true] .lede-topic__label', (ls) => ls.map((l) => l.textContent));
const topicsInUrl = (page) => new URL(page.url()).searchParams.getAll('topic');

test('?topic=gone: dropped from the view and the URL, and Back from an article does not bring it back', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('?topic=gone&ref=mail');
  try {
    const all = filtered(site.index, []);
    assert.deepEqual(await listHeadlines(page, Math.min(30, all.length)), all.slice(0, 30).map((a) => a.headline));
    await until(page, 'the URL without topic=gone', () => !new URLSearchParams(location.search).has('topic'));
    assert.equal(new URL(page.url()).searchParams.get('ref'), 'mail', 'keys the viewer does not own are kept');

    await page.locator('.lede-card__headline a').first().click();
    await viewShown(page, 'article');
    await page.goBack();
    await viewShown(page, 'list');
    assert.deepEqual(await listHeadlines(page, Math.min(30, all.length)), all.slice(0, 30).map((a) => a.headline), 'Back: every article');
    assert.equal(await page.locator('.lede-empty').count(), 0, 'no "No article is tagged with gone"');
    assert.deepEqual(await pressed(page), []);
    assert.deepEqual(topicsInUrl(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('Back to an entry that names an unknown topic drops it and replaces the entry', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('');
  try {
    await listHeadlines(page, Math.min(30, site.index.articles.length));
    // Entries the viewer never wrote: a stale topic next to a known one, under match=all.
    await page.evaluate(() => {
      history.pushState(null, '', '?topic=gone&topic=europe&match=all');
      history.pushState(null, '', `?article=${'us-troops-remain-in-iraq'}`);
    });
    await page.goBack();
    const europe = filtered(site.index, ['europe']);
    assert.deepEqual(await listHeadlines(page, europe.length), europe.map((a) => a.headline), 'filtered by europe alone');
    assert.deepEqual(await pressed(page), [topicLabel(site.index, 'europe')]);
    await until(page, 'the entry replaced without topic=gone', () => new URLSearchParams(location.search).getAll('topic').join() === 'europe');

    await page.goForward();
    await viewShown(page, 'article');
    assert.equal(new URL(page.url()).searchParams.get('article'), SEED_ID);
    await page.goBack();
    assert.deepEqual(await listHeadlines(page, europe.length), europe.map((a) => a.headline));
    assert.deepEqual(topicsInUrl(page), ['europe']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a <lede-viewer> whose topic attribute names an unknown topic ignores it', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await hosts.open('host.html');
  try {
    const sport = filtered(hosts.index, ['sport']);
    await viewerList(page, '#v1', sport.length);
    await page.evaluate(() => {
      const v1 = document.querySelector('#v1');
      v1.setAttribute('match', 'all');
      v1.setAttribute('topic', 'gone europe');
    });
    const europe = filtered(hosts.index, ['europe']);
    assert.deepEqual(await viewerList(page, '#v1', europe.length), europe.map((a) => a.headline), 'europe alone, under match=all');
    assert.deepEqual(await pressedTopics(page, '#v1'), [topicLabel(hosts.index, 'europe')]);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
