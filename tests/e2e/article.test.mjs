// 3. Opening the seed article from the list: text exact, mentions linked, credit, focus.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, formatViolations } from './support/axe.mjs';
import { SEED_ID, loadArticle, mentionText } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const site = useSite();

test('the seed article opens from the list with its exact text and linked mentions', { timeout: 60_000 }, async () => {
  const seed = loadArticle(site.dist, site.index, SEED_ID);
  const { context, page, problems } = await site.open();
  try {
    await viewShown(page, 'list');
    await listHeadlines(page, site.index.articles.length);
    const historyLength = await page.evaluate(() => history.length);
    await page.locator('.lede-card__headline a', { hasText: seed.headline }).click();

    await viewShown(page, 'article');
    assert.equal(new URL(page.url()).searchParams.get('article'), SEED_ID, 'URL has article=<seed>');
    assert.equal(new URL(page.url()).pathname, '/news/');
    assert.equal(await page.evaluate(() => history.length), historyLength + 1, 'opening an article pushes a history entry');

    await until(page, `${seed.body.length} body paragraphs`, (n) => document.querySelectorAll('.lede-article__body p').length === n,
      seed.body.length, () => document.querySelectorAll('.lede-article__body p').length);

    assert.equal(await page.textContent('h1.lede-article__headline'), seed.headline);
    assert.equal(await page.title(), seed.headline, 'document title is the headline');
    assert.equal(await page.textContent('.lede-article__standfirst'), seed.standfirst);
    assert.equal(await page.textContent('.lede-article__byline'), seed.byline);
    assert.equal(seed.byline, 'News Desk');
    assert.equal(await page.getAttribute('article.lede-article', 'lang'), seed.language);
    assert.equal(await page.getAttribute('article.lede-article', 'dir'), 'ltr');
    assert.equal(await page.getAttribute('.lede-article time.lede-date', 'datetime'), seed.published);
    assert.equal(await page.textContent('.lede-article__rights'), seed.rights);

    const paragraphs = await page.$$eval('.lede-article__body p', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(paragraphs, seed.body.map((p) => p.text), 'body paragraphs equal the JSON text exactly');

    // The first mention of each entity in the JSON is a link, in order, with exactly its span of
    // text; the later ones are unfocusable marks with theirs (the default, mentions="first";
    // entities.test.mjs checks mentions="all").
    const links = await page.$$eval('.lede-article__body p', (ps) =>
      ps.map((p) => [...p.querySelectorAll('a.lede-mention')].map((a) => ({ text: a.textContent, href: a.href }))),
    );
    const marks = await page.$$eval('.lede-article__body p', (ps) =>
      ps.map((p) => [...p.querySelectorAll('.lede-mention-mark')].map((m) => m.textContent)),
    );
    const seen = new Set();
    seed.body.forEach((paragraph, i) => {
      const expected = [];
      const expectedMarks = [];
      for (const m of paragraph.mentions || []) {
        if (seen.has(m.entity)) {
          expectedMarks.push(mentionText(paragraph.text, m));
        } else {
          seen.add(m.entity);
          expected.push({ text: mentionText(paragraph.text, m), entity: m.entity });
        }
      }
      const actual = links[i].map((l) => ({ text: l.text, entity: new URL(l.href).searchParams.get('entity') }));
      assert.deepEqual(actual, expected, `linked mentions of paragraph ${i}`);
      assert.deepEqual(marks[i], expectedMarks, `marked mentions of paragraph ${i}`);
    });
    const entityIds = new Set(links.flat().map((l) => new URL(l.href).searchParams.get('entity')));
    assert.ok(entityIds.size >= 12, `at least 12 distinct entities linked, got ${entityIds.size}: ${[...entityIds]}`);
    for (const id of ['lloyd-austin', 'mohammed-shia-al-sudani', 'baghdad', 'erbil', 'islamic-state', 'reuters']) {
      assert.ok(entityIds.has(id), `${id} is linked`);
    }
    const isis = links.flat().find((l) => l.text === 'ISIS');
    assert.equal(isis && new URL(isis.href).searchParams.get('entity'), 'islamic-state', '"ISIS" links to islamic-state');

    // The photo credit is there and visible (whether or not the picture loads offline).
    const credit = page.locator('figure.lede-figure figcaption .lede-figure__credit');
    assert.equal((await credit.textContent()).trim(), `Photo: ${seed.image.credit}`);
    assert.equal(await credit.isVisible(), true, 'credit visible');

    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el && `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    });
    assert.ok(focused?.startsWith('h1') && focused.includes('lede-article__headline'), `focus on the article h1, was ${focused}`);

    const back = await page.getAttribute('.lede-back a', 'href');
    assert.equal(new URL(back, page.url()).searchParams.get('article'), null, 'back link leads to the list');
    assert.equal((await page.textContent('.lede-back a')).trim(), '← All articles');

    assert.deepEqual(problems, [], 'no page errors or console errors');
  } finally {
    await context.close();
  }
});


test('print shows the article without the viewer\'s navigation, controls or link colours', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open(`?article=${SEED_ID}`);
  try {
    await viewShown(page, 'article');
    await page.locator('.lede-article__body p').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => {
      const visible = (s) => [...document.querySelectorAll(s)].some((e) => e.getClientRects().length > 0);
      const body = document.querySelector('.lede-article__body p');
      const mention = document.querySelector('.lede-article__body a.lede-mention');
      return {
        headline: visible('.lede-article h1'),
        body: visible('.lede-article__body p'),
        credit: visible('.lede-figure__credit'),
        back: visible('.lede-back'),
        inArticle: visible('.lede-in-article'),
        mentionColour: getComputedStyle(mention).color === getComputedStyle(body).color,
        underline: getComputedStyle(mention).textDecorationLine,
      };
    });
    assert.deepEqual(shown, {
      headline: true,
      body: true,
      credit: true,
      back: false,
      inArticle: false,
      mentionColour: true,
      underline: 'none',
    });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('"More on <topic>" ends an article with up to three others of its first topic, not itself', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open(`?article=${SEED_ID}`, { abortImages: true });
  try {
    await viewShown(page, 'article');
    const seed = site.index.articles.find((a) => a.id === SEED_ID);
    const first = site.index.topics.find((t) => t.id === seed.topics[0]);
    const section = page.locator('section.lede-more-on');
    await section.locator('.lede-card').first().waitFor();
    assert.equal(await section.locator('h2').textContent(), `More on ${first.label}`);
    const ids = await section.locator('.lede-card__headline a').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('article')));
    const candidates = site.index.articles.filter((a) => a.id !== SEED_ID && a.topics.includes(first.id)).map((a) => a.id);
    assert.ok(ids.length >= 1 && ids.length <= 3, ids.join());
    assert.equal(ids.length, Math.min(3, candidates.length));
    for (const id of ids) assert.ok(candidates.includes(id), `${id} shares ${first.id}`);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    await section.locator('.lede-card__headline a').first().click();
    await until(page, 'the related article', (id) => new URL(location.href).searchParams.get('article') === id, ids[0]);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the publisher\'s name sits under the headline with the byline and date', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open(`?article=${SEED_ID}`, { abortImages: true });
  try {
    await viewShown(page, 'article');
    const seed = loadArticle(site.dist, site.index, SEED_ID);
    assert.ok(seed.source_name);
    await page.locator('.lede-article__meta .lede-article__publisher').waitFor();
    assert.equal(await page.textContent('.lede-article__meta .lede-article__publisher'), seed.source_name);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('Back at once after an article is painted returns to the list, not the page before it', { timeout: 60_000 }, async () => {
  // The article's history entry is pushed once the click's answer is painted (web/history.rs);
  // pushed any later (when the browser was next idle, c45cc26), a Back right after the paint
  // found the list's entry still the current one and left the viewer for the page before it.
  const seed = loadArticle(site.dist, site.index, SEED_ID);
  const { context, page, problems } = await site.open();
  try {
    await viewShown(page, 'list');
    await listHeadlines(page, site.index.articles.length);
    await page.locator('.lede-card__headline a', { hasText: seed.headline }).click();
    await until(page, 'the article body', (n) => document.querySelectorAll('.lede-page--article .lede-article__body p').length === n, seed.body.length);
    await page.goBack({ waitUntil: 'commit' });
    await viewShown(page, 'list');
    assert.equal(new URL(page.url()).searchParams.get('article'), null, 'Back shows the list');
    assert.equal(new URL(page.url()).pathname, '/news/', 'Back stays in the viewer');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
