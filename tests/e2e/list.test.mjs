// 1. The list at /news/: every article, newest first, the corpus title, nothing broken.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newestFirst } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const site = useSite();

test('the list shows every article newest first, titled, with no errors', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open();
  try {
    await viewShown(page, 'list');
    const expected = newestFirst(site.index.articles);
    const headlines = await listHeadlines(page, expected.length);
    assert.deepEqual(headlines, expected.map((a) => a.headline), 'cards in newest-first order');

    const hrefs = await page.$$eval('.lede-card__headline a', (as) => as.map((a) => a.href));
    assert.deepEqual(
      hrefs.map((h) => new URL(h).searchParams.get('article')),
      expected.map((a) => a.id),
      'each headline links to a real URL with ?article=<id>',
    );
    for (const href of hrefs) assert.equal(new URL(href).pathname, '/news/', `link stays under /news/: ${href}`);

    assert.equal(await page.textContent('h1.lede-page__title'), site.index.title);
    assert.equal(await page.title(), site.index.title, 'document title');
    assert.equal((await page.textContent('p.lede-results[role=status]')).trim(), `${expected.length} articles`);
    assert.equal(await page.$eval('[data-lede]', (el) => el.classList.contains('lede')), true, 'root gets class lede');
    assert.equal(await page.locator('.lede-loading').count(), 0, 'loading indicator gone');

    // Every card: standfirst (when the index has one), a date, its topics.
    const cards = await page.$$eval('.lede-card', (els) =>
      els.map((el) => ({
        standfirst: el.querySelector('.lede-card__standfirst')?.textContent ?? null,
        datetime: el.querySelector('time.lede-date')?.getAttribute('datetime') ?? null,
        topics: el.querySelector('.lede-card__topics')?.textContent ?? null,
        thumb: !!el.querySelector('.lede-card__thumb .lede-image img'),
      })),
    );
    expected.forEach((a, i) => {
      assert.equal(cards[i].standfirst, a.standfirst ?? null, `standfirst of ${a.id}`);
      assert.equal(cards[i].datetime, a.published, `date of ${a.id}`);
      for (const t of a.topics) {
        const label = site.index.topics.find((x) => x.id === t).label;
        assert.ok(cards[i].topics?.includes(label), `${a.id} lists topic ${label}: ${cards[i].topics}`);
      }
      assert.equal(cards[i].thumb, !!a.thumbnail, `thumbnail of ${a.id}`);
    });

    // Bring every (lazy) thumbnail into view and wait until each has loaded or failed, so late
    // errors are caught too.
    await page.$$eval('.lede-card__thumb img', (imgs) => imgs.forEach((img) => img.scrollIntoView()));
    await until(page, 'thumbnails to settle', () =>
      [...document.querySelectorAll('.lede-card__thumb img')].every(
        (img) => img.complete || img.closest('.lede-image--failed'),
      ),
    );
    assert.deepEqual(problems, [], 'no page errors, console errors or failed app requests');
  } finally {
    await context.close();
  }
});

test('a topic on a card, and at the end of an article, is a link to that topic\'s list', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', { abortImages: true });
  try {
    await viewShown(page, 'list');
    const first = newestFirst(site.index.articles)[0];
    const topic = site.index.topics.find((t) => t.id === first.topics[0]);
    const link = page.locator('.lede-card').first().locator('.lede-card__topics a', { hasText: topic.label });
    assert.equal(new URL(await link.getAttribute('href')).searchParams.getAll('topic').join(), topic.id);
    await link.click();
    await until(page, 'the topic selected', (label) =>
      [...document.querySelectorAll('button.lede-topic[aria-pressed=true]')].map((b) => b.querySelector('.lede-topic__label').textContent).join() === label, topic.label);
    const expected = newestFirst(site.index.articles).filter((a) => a.topics.includes(topic.id));
    assert.deepEqual(await listHeadlines(page, expected.length), expected.map((a) => a.headline));

    // The article's own topics, at its end.
    await page.locator('.lede-card__headline a').first().click();
    await viewShown(page, 'article');
    await page.locator('.lede-article__topics a').first().waitFor();
    const labels = await page.locator('.lede-article__topics a').allTextContents();
    assert.deepEqual(labels, expected[0].topics.map((id) => site.index.topics.find((t) => t.id === id).label));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// A card's links have no listener each: one on the card (components/article_card.rs) does what
// a NavLink does. A click with a modifier key is the browser's (a new tab here), not the viewer's.
test('a card\'s links open in place on a plain click and leave Ctrl+click to the browser', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', { abortImages: true });
  try {
    await viewShown(page, 'list');
    const [first, second] = newestFirst(site.index.articles);
    await listHeadlines(page, site.index.articles.length);
    const topic = site.index.topics.find((t) => t.id === second.topics[0]);
    const topicLink = page.locator('.lede-card').nth(1).locator('.lede-card__topics a', { hasText: topic.label });
    const opened = [];
    for (const link of [topicLink, page.locator('.lede-card__headline a').first()]) {
      const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 10_000 }), link.click({ modifiers: ['ControlOrMeta'] })]);
      await tab.waitForURL((u) => u.protocol === 'http:');
      opened.push(new URL(tab.url()).search);
      await tab.close();
    }
    assert.deepEqual(opened, [`?topic=${topic.id}`, `?article=${first.id}`], 'each Ctrl+click opened its link in a new tab');
    assert.equal(new URL(page.url()).search, '', 'the list stayed where it was');
    assert.equal(await page.locator('button.lede-topic[aria-pressed=true]').count(), 0, 'no topic selected in place');

    // A page load would lose this.
    await page.evaluate(() => (window.__samePage = true));
    await topicLink.click();
    await until(page, 'the topic selected in place', (id) => new URL(location.href).searchParams.getAll('topic').join() === id, topic.id);
    await page.locator('.lede-card__headline a', { hasText: second.headline }).click();
    await viewShown(page, 'article');
    assert.equal(await page.evaluate(() => window.__samePage), true, 'both links followed in place, not by a page load');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('article'), second.id);
    assert.equal(url.searchParams.getAll('topic').join(), topic.id, 'the headline kept the topic selected');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('one date style in the list (the interface\'s), the publisher and reading time on each card, and a foreign article\'s language named', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', { abortImages: true });
  try {
    await viewShown(page, 'list');
    const expected = newestFirst(site.index.articles);
    await listHeadlines(page, expected.length);
    const cards = await page.$$eval('.lede-card', (cs) => cs.map((c) => ({
      timeLang: c.querySelector('time').getAttribute('lang'),
      time: c.querySelector('time').textContent,
      badge: c.querySelector('.lede-card__lang')?.textContent ?? null,
      source: c.querySelector('.lede-card__source')?.textContent ?? null,
      meta: c.querySelector('.lede-card__meta').textContent,
    })));
    const english = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric' });
    cards.forEach((card, i) => {
      assert.equal(card.timeLang, 'en');
      assert.match(card.time, /^[A-Z][a-z]+ \d{1,2}, \d{4}$/, `an English date: ${card.time}`);
      assert.equal(card.source, expected[i].source_name ?? null, `${expected[i].id}: the publisher`);
      if (expected[i].reading_minutes) assert.ok(card.meta.includes(`${expected[i].reading_minutes} min read`), card.meta);
      const language = expected[i].language;
      if (!language || language.split('-')[0].toLowerCase() === 'en') {
        assert.equal(card.badge, null, `${expected[i].id}: no badge`);
      } else {
        assert.equal(card.badge, new Intl.DisplayNames(['en'], { type: 'language' }).of(language), expected[i].id);
      }
    });
    assert.ok(english && cards.some((c) => c.badge === 'French'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// The first list used to load the browser's locale data (17–40 ms at 1x CPU) for its dates and
// language names; in plain English the viewer writes them itself (core/text/english.rs), so
// they must read as the browser's own Intl writes them, on whichever side of midnight the
// reader's time zone puts an article.
for (const timezoneId of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
  test(`an English list paints with no Intl formatter made, its dates the reader's day (${timezoneId}) and its language names the browser's`, { timeout: 60_000 }, async () => {
    const { context, page, problems } = await site.open('', {
      abortImages: true,
      timezoneId,
      beforeGoto: (page) => page.addInitScript(() => {
        // Each formatter made, and whether a card was on the page by then.
        window.__intlMade = [];
        for (const name of ['DateTimeFormat', 'DisplayNames']) {
          Intl[name] = new Proxy(Intl[name], {
            construct(target, args) {
              window.__intlMade.push({ name, locale: String(args[0]), cards: document.querySelectorAll('.lede-card').length });
              return Reflect.construct(target, args);
            },
          });
        }
      }),
    });
    try {
      await viewShown(page, 'list');
      const expected = newestFirst(site.index.articles);
      await listHeadlines(page, expected.length);
      const early = await page.evaluate(() => window.__intlMade.filter((made) => made.cards === 0));
      assert.deepEqual(early, [], 'no Intl formatter made before the first card');
      const shown = await page.$$eval('.lede-card', (cs) => cs.map((c) => ({
        time: c.querySelector('time').textContent,
        badge: c.querySelector('.lede-card__lang')?.textContent ?? null,
      })));
      const intl = await page.evaluate((articles) => articles.map(({ published, language }) => {
        const zoned = published.length > 10 && !/(Z|[+-]\d\d:?\d\d)$/.test(published) ? `${published}Z` : published;
        const options = { year: 'numeric', month: 'long', day: 'numeric' };
        if (published.length === 10) options.timeZone = 'UTC';
        const foreign = language && language.split('-')[0].toLowerCase() !== 'en';
        return {
          time: new Intl.DateTimeFormat('en', options).format(new Date(zoned)),
          badge: foreign ? new Intl.DisplayNames(['en'], { type: 'language' }).of(language) : null,
        };
      }), expected.map(({ published, language }) => ({ published, language })));
      assert.deepEqual(shown, intl);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
