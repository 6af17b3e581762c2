// 5. Loading a deep link in a fresh context (a reload, a shared link) shows that view.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_ID, filtered, loadArticle, topicLabel } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const site = useSite();

test('a deep link to an article under a topic shows the article', { timeout: 60_000 }, async () => {
  const seed = loadArticle(site.dist, site.index, SEED_ID);
  const topic = seed.topics[1];
  const { context, page, problems } = await site.open(`?topic=${topic}&article=${SEED_ID}`);
  try {
    await viewShown(page, 'article');
    assert.equal(await page.textContent('h1.lede-article__headline'), seed.headline);
    await until(page, 'the article body', (n) => document.querySelectorAll('.lede-article__body p').length === n, seed.body.length);
    const back = new URL(await page.getAttribute('.lede-back a', 'href'), page.url());
    assert.deepEqual(back.searchParams.getAll('topic'), [topic], 'the back link keeps the topic');
    assert.equal(back.searchParams.get('article'), null);

    await page.click('.lede-back a');
    await viewShown(page, 'list');
    const expected = filtered(site.index, [topic]);
    assert.deepEqual(await listHeadlines(page, expected.length), expected.map((a) => a.headline), 'back to the filtered list');
    assert.equal(await page.getAttribute(`button.lede-topic:has(.lede-topic__label:text-is("${topicLabel(site.index, topic)}"))`, 'aria-pressed'), 'true');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a deep link to an entity shows the entity page', { timeout: 60_000 }, async () => {
  const baghdad = site.index.entities.find((e) => e.id === 'baghdad');
  const { context, page, problems } = await site.open('?entity=baghdad');
  try {
    await viewShown(page, 'entity');
    assert.equal((await page.textContent('.lede-page--entity h1')).trim(), baghdad.name);
    assert.equal((await page.textContent('.lede-entity__kind')).trim(), 'Place');
    assert.equal(await page.getAttribute('a.lede-external', 'href'), baghdad.url);
    const cards = await page.locator('.lede-page--entity .lede-card').count();
    assert.equal(cards, site.index.articles.filter((a) => (a.entities || []).includes('baghdad')).length);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a deep link with topics and match=all shows that filtered list', { timeout: 60_000 }, async () => {
  const selected = ['europe', 'sport'];
  const { context, page, problems } = await site.open(`?topic=${selected[0]}&topic=${selected[1]}&match=all`);
  try {
    await viewShown(page, 'list');
    const expected = filtered(site.index, selected, 'all');
    assert.ok(expected.length > 0, 'the fixture combination has articles');
    assert.deepEqual(await listHeadlines(page, expected.length), expected.map((a) => a.headline));
    const pressed = await page.$$eval('button.lede-topic[aria-pressed=true] .lede-topic__label', (ls) => ls.map((l) => l.textContent));
    assert.deepEqual(pressed.sort(), selected.map((t) => topicLabel(site.index, t)).sort(), 'exactly those toggles pressed');
    assert.equal(await page.isChecked('input[type=radio][value=all]'), true, '"all" radio checked');
    assert.equal(await page.isChecked('input[type=radio][value=any]'), false);
    assert.equal((await page.textContent('p.lede-results')).trim(), `Showing ${expected.length} of ${site.index.articles.length} articles`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an unknown article says so and links back to the list; other keys survive', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('?ref=newsletter&article=does-not-exist');
  try {
    const alert = page.locator('.lede-error[role=alert]');
    await alert.waitFor();
    assert.equal((await alert.locator('.lede-error__title, h2').first().textContent()).trim(), 'No such article');
    assert.match(await alert.textContent(), /does-not-exist/);
    await alert.getByRole('link').click();
    await viewShown(page, 'list');
    await listHeadlines(page, site.index.articles.length);
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('article'), null);
    assert.equal(params.get('ref'), 'newsletter', 'a key the viewer does not own is kept');
    // A missing article is the reader's link going stale, not a bug: a warning at most.
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

for (const width of [320, 1280]) {
  test(`Back returns to the place in the article and in the list, focus left alone (${width} px)`, { timeout: 90_000 }, async () => {
    const { context, page, problems } = await site.open(`?article=${SEED_ID}`, { viewport: { width, height: 700 }, abortImages: true });
    try {
      await viewShown(page, 'article');
      await until(page, 'the body', () => document.querySelectorAll('.lede-article__body p').length > 10);
      // Read down to paragraph 10 and follow a mention there.
      const y = await page.evaluate(() => {
        const p = document.querySelectorAll('.lede-article__body p')[9];
        p.scrollIntoView();
        return scrollY;
      });
      assert.ok(y > 500, `scrolled into the article: ${y}`);
      const mention = await page.evaluate(() => {
        const links = [...document.querySelectorAll('.lede-article__body a.lede-mention')];
        const visible = links.find((a) => { const r = a.getBoundingClientRect(); return r.top > 0 && r.bottom < innerHeight; });
        return visible ? visible.dataset.entity : null;
      });
      const link = mention
        ? page.locator(`.lede-article__body a.lede-mention[data-entity="${mention}"]`)
        : page.locator('.lede-in-article a').first();
      // Twice: by the entity page's "Back to" link, then by the browser's Back.
      const headline = site.index.articles.find((a) => a.id === SEED_ID).headline;
      for (const how of ['the "Back to" link', 'Back']) {
        await link.click();
        await viewShown(page, 'entity');
        if (how === 'Back') {
          await page.goBack();
        } else {
          const backTo = page.locator('.lede-back a.lede-back__article');
          assert.equal(await backTo.textContent(), `← Back to “${headline}”`);
          await backTo.click();
        }
        await viewShown(page, 'article');
        const back = await until(page, 'the old place', (want) => Math.abs(scrollY - want) <= 50 && String(scrollY), y);
        assert.ok(Math.abs(Number(back) - y) <= 50, `${how}: back at ${back}, was ${y}`);
        assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'H1', `${how}: focus not moved to the heading`);
      }
      assert.ok(new URL(page.url()).searchParams.has('article'));

      // The list: scroll to card 10, open it, come back.
      await page.goto(site.server.url);
      await viewShown(page, 'list');
      await page.locator('.lede-card').nth(9).waitFor();
      const listY = await page.evaluate(() => { document.querySelectorAll('.lede-card')[9].scrollIntoView(); return scrollY; });
      await page.locator('.lede-card').nth(9).locator('a').first().click();
      await viewShown(page, 'article');
      await page.goBack();
      await viewShown(page, 'list');
      const listBack = await until(page, 'the old place in the list', (want) => Math.abs(scrollY - want) <= 50 && String(scrollY), listY);
      assert.ok(Math.abs(Number(listBack) - listY) <= 50, `list back at ${listBack}, was ${listY}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('"Back to" shows only while the page before is known to be that article', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open(`?article=${SEED_ID}`, { abortImages: true });
  try {
    await viewShown(page, 'article');
    await page.locator('.lede-in-article a', { hasText: 'Lloyd Austin' }).click();
    await viewShown(page, 'entity');
    const backTo = page.locator('.lede-back a.lede-back__article');
    await backTo.waitFor();
    // To another entity: its page was not opened from an article.
    await until(page, '"Often with"', () => document.querySelector('.lede-entity__often a') !== null);
    await page.locator('.lede-entity__often a').first().click();
    await until(page, 'another entity', () => !location.search.includes('lloyd-austin'));
    await viewShown(page, 'entity');
    assert.equal(await backTo.count(), 0, 'no "Back to" on a page opened from an entity');
    // Back to the first entity: the entry before it is no longer known for sure.
    await page.goBack();
    await until(page, 'Lloyd Austin again', () => location.search.includes('lloyd-austin'));
    await viewShown(page, 'entity');
    assert.equal(await backTo.count(), 0, 'no "Back to" after Back');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
