// Entities as a reader's tool: one link per entity (mentions="all" for every one), kinds told
// apart without colour, "In this article" with a mute per kind, the entity page's description
// and "Often with", accessibility, and no request leaving the page's origin.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations, formatViolations } from './support/axe.mjs';
import { IMAGE_URL } from './support/browser.mjs';
import { SEED_ID, loadArticle } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { until, viewShown } from './support/wait.mjs';

const site = useSite();
const SHOTS = process.env.LEDE_SHOTS; // a folder: screenshots for a person to look at

/** Opens the seed article and waits for its body and "In this article". */
async function openSeed(options = {}) {
  const opened = await site.open(`?article=${SEED_ID}`, { abortImages: true, ...options });
  await viewShown(opened.page, 'article');
  await until(opened.page, 'the body and "In this article"', () =>
    document.querySelectorAll('.lede-article__body p').length > 0 && document.querySelector('.lede-in-article') !== null);
  return opened;
}

/** Elements of the body a Tab key stops at. */
function bodyTabStops(page) {
  return page.$$eval('.lede-article__body *', (all) =>
    all.filter((el) => el.tabIndex >= 0 && !el.disabled && (el.matches('a[href], button, input, select, textarea, [tabindex]'))).length);
}

function seedFacts() {
  const seed = loadArticle(site.dist, site.index, SEED_ID);
  const mentions = seed.body.flatMap((p) => p.mentions || []);
  const linked = new Set(mentions.map((m) => m.entity));
  return { seed, mentions, linked };
}

test('by default only the first mention of each entity is a tab stop; the rest are marks', { timeout: 60_000 }, async () => {
  const { mentions, linked } = seedFacts();
  assert.equal(linked.size, 17);
  assert.equal(mentions.length, 58);
  const { context, page, problems } = await openSeed();
  try {
    assert.equal(await bodyTabStops(page), linked.size, 'one tab stop per linked entity');
    const hrefs = await page.$$eval('.lede-article__body a.lede-mention', (as) => as.map((a) => new URL(a.href).searchParams.get('entity')));
    assert.deepEqual(new Set(hrefs), linked, 'each entity linked');
    assert.equal(hrefs.length, linked.size, 'once');
    const marks = await page.$$eval('.lede-article__body .lede-mention-mark', (ms) => ms.map((m) => [m.tagName, m.tabIndex]));
    assert.equal(marks.length, mentions.length - linked.size);
    assert.ok(marks.every(([tag, tab]) => tag === 'SPAN' && tab < 0), 'marks are unfocusable spans');
    // The kind is in the accessible description, not in a title.
    const described = await page.$$eval('.lede-article__body a.lede-mention', (as) => as.map((a) => {
      const target = a.getRootNode().getElementById(a.getAttribute('aria-describedby'));
      return [a.className.match(/lede-mention--(\w+)/)[1], target && target.textContent, a.title];
    }));
    // In the interface's words: the kind's label ("Person" for lede-mention--person).
    const labels = { person: 'Person', place: 'Place', organisation: 'Organisation', event: 'Event', other: 'Other' };
    for (const [kind, description, title] of described) {
      assert.equal(description, labels[kind]);
      assert.equal(title, '');
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('mentions="all" on the page links every mention', { timeout: 60_000 }, async () => {
  const { mentions } = seedFacts();
  const html = readFileSync(join(site.dist, 'index.html'), 'utf8').replace('data-lede ', 'data-lede data-mentions="all" ');
  assert.match(html, /data-mentions="all"/);
  const { context, page, problems } = await openSeed({
    beforeGoto: (p) => p.route((url) => url.pathname === '/news/', (route) => route.fulfill({ contentType: 'text/html', body: html })),
  });
  try {
    await until(page, '58 links', (n) => document.querySelectorAll('.lede-article__body a.lede-mention').length === n, mentions.length,
      () => document.querySelectorAll('.lede-article__body a.lede-mention').length);
    assert.equal(await bodyTabStops(page), mentions.length);
    assert.equal(await page.locator('.lede-article__body .lede-mention-mark').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('each kind has its own underline style, in the body and in the legend', { timeout: 60_000 }, async () => {
  const { context, page } = await openSeed();
  try {
    const styles = await page.$$eval('.lede-in-article .lede-chip', (chips) => {
      const byKind = {};
      for (const chip of chips) {
        const kind = chip.className.match(/lede-mention--(\w+)/)[1];
        byKind[kind] = getComputedStyle(chip).textDecorationStyle;
      }
      return byKind;
    });
    const kinds = Object.keys(styles);
    assert.ok(kinds.length >= 3, `several kinds in the seed: ${kinds}`);
    assert.equal(new Set(Object.values(styles)).size, kinds.length, `distinct styles: ${JSON.stringify(styles)}`);
    for (const kind of kinds) {
      const body = await page.$eval(`.lede-article__body a.lede-mention--${kind}`, (a) => getComputedStyle(a).textDecorationStyle);
      assert.equal(body, styles[kind], `${kind} in the body as in the legend`);
    }
    // Every kind, even those the seed lacks, has a style of its own.
    const all = await page.evaluate(() => ['person', 'place', 'organisation', 'event', 'other'].map((k) => {
      const a = document.createElement('a');
      a.href = '#';
      a.className = `lede-mention lede-mention--${k}`;
      document.querySelector('.lede-article__body').append(a);
      const style = getComputedStyle(a).textDecorationStyle;
      a.remove();
      return style;
    }));
    assert.equal(new Set(all).size, 5, `five styles: ${all}`);
  } finally {
    await context.close();
  }
});

test('"In this article" lists the 17 entities by kind, and muting a kind unlinks it', { timeout: 60_000 }, async () => {
  const { seed, linked } = seedFacts();
  const { context, page, problems } = await openSeed();
  try {
    const chips = await page.$$eval('.lede-in-article .lede-chip', (as) => as.map((a) => new URL(a.href).searchParams.get('entity')));
    assert.equal(chips.length, 17);
    assert.deepEqual(new Set(chips), new Set(seed.entities.map((e) => e.id)));
    assert.deepEqual(new Set(chips), linked);
    const headings = await page.$$eval('.lede-in-article__kind', (hs) => hs.map((h) => h.textContent));
    const count = (type) => seed.entities.filter((e) => e.type === type).length;
    assert.ok(headings.includes(`People (${count('person')})`), `${headings}`);
    assert.ok(headings.includes(`Places (${count('place')})`), `${headings}`);

    const places = count('place');
    const toggle = page.getByRole('button', { name: 'Link places in the text' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await until(page, 'no place linked', () => document.querySelectorAll('.lede-article__body .lede-mention--place').length === 0);
    assert.equal(await bodyTabStops(page), 17 - places);
    assert.equal(await page.locator('.lede-in-article .lede-chip').count(), 17, 'every entity still reachable');
    const text = await page.$$eval('.lede-article__body p', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(text, seed.body.map((p) => p.text), 'the text is unchanged');

    await toggle.click();
    await until(page, 'places linked again', (n) => document.querySelectorAll('.lede-article__body a.lede-mention--place').length === n, places);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the entity page shows the description and "Often with"', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('?entity=lloyd-austin', { abortImages: true });
  try {
    await viewShown(page, 'entity');
    await until(page, '"Often with"', () => document.querySelector('.lede-entity__often') !== null);
    assert.equal(await page.textContent('.lede-entity__description'), 'United States Secretary of Defense (2021–2025)');
    const often = await page.$$eval('.lede-entity__often a', (as) => as.map((a) => a.textContent));
    assert.ok(often.length >= 1, 'an "Often with" list');
    assert.match(await page.textContent('.lede-entity__often'), /^Often with: .+ \(\d+\)/);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'entity-light.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

for (const [name, options] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['forced colours', { forcedColors: 'active' }],
]) {
  test(`axe: the article with a kind muted, ${name}`, { timeout: 90_000 }, async () => {
    const { context, page } = await openSeed({ ...options, reducedMotion: 'reduce' });
    try {
      await page.getByRole('button', { name: 'Link people in the text' }).click();
      await until(page, 'no person linked', () => document.querySelectorAll('.lede-article__body .lede-mention--person').length === 0);
      if (SHOTS) {
        const slug = name.replace(' ', '-');
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.screenshot({ path: join(SHOTS, `article-${slug}-1280.png`) });
        await page.setViewportSize({ width: 320, height: 800 });
        await page.screenshot({ path: join(SHOTS, `article-${slug}-320.png`), fullPage: true });
      }
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations));
    } finally {
      await context.close();
    }
  });
}

test('the entity page and the chips request nothing from another origin', { timeout: 60_000 }, async () => {
  const foreign = [];
  const { context, page, problems } = await openSeed({
    beforeGoto: (p) => p.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin !== site.server.origin && !IMAGE_URL.test(url.href)) foreign.push(r.url());
    }),
  });
  try {
    await page.locator('.lede-in-article .lede-chip', { hasText: 'Lloyd Austin' }).click();
    await viewShown(page, 'entity');
    await until(page, '"Often with"', () => document.querySelector('.lede-entity__often a') !== null);
    await page.locator('.lede-entity__often a').first().click();
    await until(page, 'another entity', () => !location.search.includes('lloyd-austin'));
    await viewShown(page, 'entity');
    await page.goBack();
    await page.goBack();
    await viewShown(page, 'article');
    assert.deepEqual(foreign, [], 'no request left the origin');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// "In this article"'s chips are drawn by hand, their links followed by one listener on each
// kind's list (components/in_this_article.rs).
test('a chip opens its entity\'s page in place, with the topics selected, and leaves Ctrl+click to the browser', { timeout: 60_000 }, async () => {
  const seed = loadArticle(site.dist, site.index, SEED_ID);
  const topic = seed.topics[0];
  const { context, page, problems } = await site.open(`?article=${SEED_ID}&topic=${topic}`, { abortImages: true });
  try {
    await viewShown(page, 'article');
    const chip = page.locator('.lede-in-article .lede-chip', { hasText: 'Lloyd Austin' });
    await chip.waitFor();
    const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 10_000 }), chip.click({ modifiers: ['ControlOrMeta'] })]);
    await tab.waitForURL((u) => u.protocol === 'http:');
    assert.equal(new URL(tab.url()).searchParams.get('entity'), 'lloyd-austin', 'Ctrl+click opened the chip in a new tab');
    await tab.close();
    assert.equal(new URL(page.url()).searchParams.get('article'), SEED_ID, 'the article stayed');

    await page.evaluate(() => (window.__samePage = true));
    await chip.click();
    await viewShown(page, 'entity');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('entity'), 'lloyd-austin');
    assert.equal(url.searchParams.getAll('topic').join(), topic, 'the topics selected kept');
    assert.equal(await page.evaluate(() => window.__samePage), true, 'followed in place, not by a page load');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an entity\'s picture on the corpus\'s own host shows on its page and in its card, with the credit; one elsewhere does not', { timeout: 60_000 }, async () => {
  // The directory as served, with a picture for Lloyd Austin on the corpus's host (relative to
  // the directory) and one for Iraq on another host.
  const file = join(site.dist, 'corpus', site.index.entity_file);
  const directory = JSON.parse(readFileSync(file, 'utf8'));
  for (const e of directory.entities) {
    if (e.id === 'lloyd-austin') e.image = { url: 'pictures/austin.png', alt: 'Lloyd Austin in 2021', credit: 'U.S. Department of Defense' };
    if (e.id === 'iraq') e.image = { url: 'https://images.example/iraq.png', alt: 'A map of Iraq', credit: 'Someone' };
  }
  const requested = [];
  const options = {
    beforeGoto: async (p) => {
      p.on('request', (r) => requested.push(r.url()));
      await p.route(`**/corpus/${site.index.entity_file}`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(directory) }));
      // The picture itself, served by the test (the corpus ships none).
      await p.route('**/corpus/pictures/austin.png', (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: readFileSync(join(site.dist, 'favicon.png')) }));
    },
  };
  const { context, page, problems } = await site.open('?entity=lloyd-austin', options);
  try {
    await viewShown(page, 'entity');
    const figure = page.locator('.lede-entity__header figure.lede-entity-picture');
    await figure.waitFor();
    assert.equal(await figure.locator('img').getAttribute('alt'), 'Lloyd Austin in 2021');
    assert.match(await figure.locator('img').getAttribute('src'), /\/corpus\/pictures\/austin\.png$/);
    assert.equal(await figure.locator('figcaption').textContent(), 'U.S. Department of Defense');

    await page.goto(`${site.server.url}?entity=iraq`);
    await viewShown(page, 'entity');
    await until(page, 'the description', () => document.querySelector('.lede-entity__description') !== null);
    assert.equal(await page.locator('figure.lede-entity-picture').count(), 0, 'no picture from another host');

    // The seed's card for Lloyd Austin has the same picture.
    await page.goto(`${site.server.url}?article=${SEED_ID}`);
    await viewShown(page, 'article');
    const mention = page.locator('.lede-article__body a.lede-mention[data-entity="lloyd-austin"]');
    await mention.focus();
    const card = page.locator('.lede-preview figure.lede-entity-picture');
    await card.waitFor();
    assert.equal(await card.locator('figcaption').textContent(), 'U.S. Department of Defense');
    // (The article's own pictures are the publisher's; the entity's foreign one is never asked for.)
    assert.deepEqual(requested.filter((u) => u.includes('images.example')), [], 'the foreign picture never requested');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
