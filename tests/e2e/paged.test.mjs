// The paged layout of a large corpus (index with a catalog; listing pages, postings and mentions
// fetched on demand), built by `lede-corpus paginate` from the default corpus and from a
// synthetic corpus, served by a plain static server under /news/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newContext } from './support/browser.mjs';
import { recordProblems } from './support/console.mjs';
import { filtered, loadIndex, readAhead, SEED_ID, topicCounts } from './support/corpus.mjs';
import { distDir, repoRoot } from './support/paths.mjs';
import { serveSite } from './support/server.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const state = {};

/** Runs the corpus tool (built by the host tests; cargo only rebuilds if needed). */
function corpusTool(...args) {
  execFileSync('cargo', ['run', '--quiet', '--bin', 'lede-corpus', '--', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** A copy of the build whose corpus/ is the paged layout of `inlineIndex`. */
function pagedSite(dist, inlineIndex, pageSize) {
  const site = mkdtempSync(join(tmpdir(), 'lede-paged-'));
  cpSync(dist, site, { recursive: true, dereference: true });
  rmSync(join(site, 'corpus'), { recursive: true });
  corpusTool('paginate', inlineIndex, '--out', join(site, 'corpus'), '--page-size', String(pageSize));
  return site;
}

before(async () => {
  const dist = distDir();
  state.inline = loadIndex(dist);
  state.defaultSite = pagedSite(dist, join(dist, 'corpus', 'index.json'), 5);

  const synthDir = mkdtempSync(join(tmpdir(), 'lede-synth-'));
  corpusTool('synth', '--articles', '300', '--seed', '7', '--out', synthDir);
  state.synthInline = JSON.parse(readFileSync(join(synthDir, 'index.json'), 'utf8'));
  state.synthDir = synthDir;
  state.synthSite = pagedSite(dist, join(synthDir, 'index.json'), 20);
  // Pages of 2: a filtered list of 30 spans up to 15 pages, past the viewer's 24-page cache.
  state.tinyPagesSite = pagedSite(dist, join(synthDir, 'index.json'), 2);
  state.cleanup = [state.defaultSite, state.synthSite, state.tinyPagesSite, synthDir];

  state.defaultServer = await serveSite(state.defaultSite);
  state.synthServer = await serveSite(state.synthSite);
  state.tinyPagesServer = await serveSite(state.tinyPagesSite);
  state.browser = await launchBrowser();
});

after(async () => {
  await state.browser?.close();
  await state.defaultServer?.close();
  await state.synthServer?.close();
  await state.tinyPagesServer?.close();
  for (const dir of state.cleanup ?? []) rmSync(dir, { recursive: true, force: true });
});

async function open(server, query = '', prepare = async () => {}) {
  const context = await newContext(state.browser, server);
  const page = await context.newPage();
  const problems = recordProblems(page, server.origin);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await prepare(page);
  await page.goto(server.url + query);
  return { context, page, problems, requests };
}

const corpusFiles = (requests) =>
  requests.filter((p) => p.includes('/corpus/')).map((p) => p.slice(p.indexOf('/corpus/') + 8));

test('the first view of a paged corpus fetches only the index and the first listing pages, then, when idle, the postings and "Show more"\'s page', async () => {
  // What is fetched when idle is held back until the list is checked, so that it cannot come
  // before the first view's requests are read.
  const held = {};
  const asked = (file) => new Promise((resolve) => (held[file] = resolve));
  const postingsAsked = asked('postings.json');
  const nextPageAsked = asked('listing/2.json');
  const { context, page, problems, requests } = await open(state.synthServer, '', (page) =>
    page.route(/\/corpus\/(postings|listing\/2)\.json$/, (route) => held[new URL(route.request().url()).pathname.replace(/.*\/corpus\//, '')](route)));
  const expected = filtered(state.synthInline, []).slice(0, 30);
  const headlines = await listHeadlines(page, 30);
  assert.deepEqual(headlines, expected.map((a) => a.headline), 'the 30 newest, in order');
  // The lead stories' files, when short, are read ahead once the list is drawn, the browser
  // idle and the article page's code here (read-ahead.test.mjs): not the first view's either,
  // and on a quick machine the first of them can be asked for before the requests are read.
  const lead = readAhead(filtered(state.synthInline, [])).map((a) => `articles/${encodeURIComponent(a.id)}.json`);
  // 30 articles on pages of 20: listing pages 0 and 1, nothing else...
  const firstView = corpusFiles(requests).filter((f) => f !== 'postings.json' && f !== 'listing/2.json' && !lead.includes(f)).sort();
  assert.deepEqual(firstView, ['index.json', 'listing/0.json', 'listing/1.json']);
  // ...and, once the list is drawn and the browser idle, the postings a first topic click needs
  // and the listing page of "Show more"'s next 30 (articles 40 to 59 are on page 2).
  for (const route of await Promise.all([postingsAsked, nextPageAsked])) await route.continue();
  await page.unroute(/\/corpus\/(postings|listing\/2)\.json$/);
  const corpusParts = corpusFiles(requests).filter((f) => !lead.includes(f));
  assert.deepEqual(corpusParts.sort(), ['index.json', 'listing/0.json', 'listing/1.json', 'listing/2.json', 'postings.json']);
  const counts = await page.$$eval('.lede-topic__count', (cs) => cs.map((c) => c.textContent.trim()));
  assert.deepEqual(counts, topicCounts(state.synthInline, []).map(String), 'totals from the index');

  await page.getByRole('button', { name: 'Show 30 more' }).click();
  const more = await listHeadlines(page, 60);
  assert.deepEqual(more, filtered(state.synthInline, []).slice(0, 60).map((a) => a.headline));
  assert.deepEqual(problems, []);
  await context.close();
});

test('filtering a paged corpus fetches the postings once and agrees with the inline corpus', async () => {
  const { context, page, problems, requests } = await open(state.synthServer);
  await listHeadlines(page, 30);
  const [first, second] = state.synthInline.topics;
  await page.locator('button.lede-topic').nth(0).click();
  let expected = filtered(state.synthInline, [first.id]);
  assert.deepEqual(await listHeadlines(page, Math.min(30, expected.length)), expected.slice(0, 30).map((a) => a.headline));
  await page.locator('button.lede-topic').nth(1).click();
  await page.locator('input[type=radio][value=all]').check();
  expected = filtered(state.synthInline, [first.id, second.id], 'all');
  assert.deepEqual(
    await listHeadlines(page, Math.min(30, expected.length)),
    expected.slice(0, 30).map((a) => a.headline),
    `${first.id} and ${second.id}`,
  );
  await until(page, 'counts for the "all" selection', (want) =>
    JSON.stringify([...document.querySelectorAll('.lede-topic__count')].map((c) => c.textContent.trim())) === want,
    JSON.stringify(topicCounts(state.synthInline, [first.id, second.id], 'all').map(String)),
    () => [...document.querySelectorAll('.lede-topic__count')].map((c) => c.textContent.trim()));
  assert.equal(corpusFiles(requests).filter((f) => f === 'postings.json').length, 1, 'postings fetched once');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the paged default corpus shows the same list, articles and entities as the inline one', async () => {
  const { context, page, problems } = await open(state.defaultServer);
  const all = filtered(state.inline, []);
  assert.deepEqual(await listHeadlines(page, all.length), all.map((a) => a.headline));

  await page.getByRole('link', { name: all.find((a) => a.id === SEED_ID).headline }).click();
  await viewShown(page, 'article');
  await until(page, 'the seed article body', () => document.querySelectorAll('.lede-article__body p').length === 13);
  assert.ok(new URL(page.url()).searchParams.get('article') === SEED_ID);

  await page.locator('a.lede-mention', { hasText: 'Lloyd Austin' }).first().click();
  await viewShown(page, 'entity');
  const mentioning = state.inline.articles.filter((a) => a.entities.includes('lloyd-austin'));
  const expected = filtered({ ...state.inline, articles: mentioning }, []).map((a) => a.headline);
  const cards = await until(page, `${expected.length} card(s) of articles mentioning Lloyd Austin`, (n) => {
    const hs = [...document.querySelectorAll('.lede-page--entity article.lede-card h3')].map((h) => h.textContent.trim());
    return hs.length === n && hs;
  }, expected.length);
  assert.deepEqual(cards, expected);
  assert.deepEqual(problems, []);
  await context.close();
});

test('deep links into a paged corpus restore the view', async () => {
  const europe = filtered(state.inline, ['europe']);
  let { context, page } = await open(state.defaultServer, '?topic=europe');
  assert.deepEqual(await listHeadlines(page, europe.length), europe.map((a) => a.headline));
  await context.close();

  ({ context, page } = await open(state.defaultServer, `?article=${SEED_ID}`));
  await until(page, 'the seed headline from the article file', () =>
    document.querySelector('h1.lede-article__headline')?.textContent.includes('remain in Iraq'));
  await context.close();

  ({ context, page } = await open(state.defaultServer, '?article=no-such-article'));
  await until(page, '"No such article"', () => document.querySelector('[role=alert]')?.textContent.includes('No such article'));
  await context.close();
});

test('a failing postings file shows an error with a retry that recovers', async () => {
  // Failing from the start: the list fetches the postings when idle, before any click.
  const { context, page, problems } = await open(state.defaultServer, '', (page) =>
    page.route('**/corpus/postings.json', (route) => route.fulfill({ status: 503, body: 'busy' })));
  await listHeadlines(page, state.inline.articles.length);
  await page.locator('button.lede-topic').first().click();
  await until(page, 'an error naming postings.json', () =>
    /postings\.json/.test(document.querySelector('.lede-error')?.textContent ?? ''));
  await page.unroute('**/corpus/postings.json');
  await page.getByRole('button', { name: 'Try again' }).click();
  const expected = filtered(state.inline, [state.inline.topics[0].id]);
  assert.deepEqual(await listHeadlines(page, expected.length), expected.map((a) => a.headline));
  // The 503 itself is logged by the browser and by the viewer; nothing else may be.
  assert.deepEqual(problems.filter((p) => !/postings\.json|503/.test(p)), []);
  await context.close();
});

test('postings that failed while fetched ahead of need are fetched again by the first click, with no error shown', async () => {
  // The idle fetch fails (a blip); the reader's click must not meet an error it did not cause.
  let failures = 0;
  const { context, page, problems } = await open(state.defaultServer, '', (page) =>
    page.route('**/corpus/postings.json', (route) => {
      if (failures++ === 0) return route.fulfill({ status: 503, body: 'busy' });
      return route.continue();
    }));
  await listHeadlines(page, state.inline.articles.length);
  // Until the viewer has taken the failure in (the browser logs the 503).
  for (let i = 0; i < 100 && !problems.some((p) => /postings\.json|503/.test(p)); i++) await page.waitForTimeout(100);
  await page.waitForTimeout(200);
  assert.equal(failures, 1, 'the postings were fetched ahead of need, and failed');
  await page.locator('button.lede-topic').first().click();
  const expected = filtered(state.inline, [state.inline.topics[0].id]);
  assert.deepEqual(await listHeadlines(page, expected.length), expected.map((a) => a.headline));
  assert.equal(await page.locator('.lede-error').count(), 0, 'no error panel');
  assert.equal(failures, 2, 'fetched again by the click');
  assert.deepEqual(problems.filter((p) => !/postings\.json|503/.test(p)), []);
  await context.close();
});

test('topic after topic, a paged corpus of tiny pages shows the right cards, each page fetched once', async () => {
  const { context, page, problems, requests } = await open(state.tinyPagesServer);
  await listHeadlines(page, 30);
  const topics = state.synthInline.topics.slice(0, 4);
  for (const [i, topic] of [...topics, topics[0]].entries()) {
    const toggle = page.locator('button.lede-topic').nth(state.synthInline.topics.indexOf(topic));
    await toggle.click(); // select this one
    const expected = filtered(state.synthInline, [topic.id]).slice(0, 30);
    assert.deepEqual(await listHeadlines(page, expected.length), expected.map((a) => a.headline), `round ${i}: ${topic.id}`);
    await toggle.click(); // and clear it again
  }
  // The bound is 2,400 summaries (`MAX_CACHED_SUMMARIES`), which five topics of this corpus do
  // not reach: forgetting pages and fetching them again is tested on the host
  // (`the_page_cache_is_bounded_but_keeps_what_is_on_screen_or_on_its_way`); here, that every
  // round shows the right cards, each page fetched once.
  const listings = corpusFiles(requests).filter((f) => f.startsWith('listing/'));
  assert.equal(listings.length, new Set(listings).size, 'each listing page fetched once');
  assert.deepEqual(problems, []);
  await context.close();
});

/** The entity the most synthetic articles mention, and how many do. */
function busiestEntity() {
  const file = state.synthInline.entity_file;
  const entities = file
    ? JSON.parse(readFileSync(join(state.synthDir, file), 'utf8')).entities
    : state.synthInline.entities;
  const counts = new Map();
  if (file) {
    for (const e of entities) counts.set(e.id, (e.articles || []).length);
  } else {
    for (const a of state.synthInline.articles) for (const id of a.entities || []) counts.set(id, (counts.get(id) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
}

// Guards against the entity page rebuilding itself whenever any part of a paged corpus arrived
// (it read the one signal that holds every part): "Show more" fetched listing pages, their
// arrival rebuilt the page, and the list fell back to 30 cards with focus lost to <body>.
test('an entity page of a paged corpus keeps its "Show more" depth and focus while pages arrive', { timeout: 90_000 }, async () => {
  const [id, mentioned] = busiestEntity();
  assert.ok(mentioned > 40, `an entity in more than 40 articles (found ${id} in ${mentioned})`);
  const { context, page, problems } = await open(state.tinyPagesServer, `?entity=${encodeURIComponent(id)}`);
  try {
    const cards = () => page.evaluate(() => document.querySelectorAll('.lede-page--entity ol.lede-list > li .lede-card:not(.lede-card--pending)').length);
    await until(page, 'the first 30 cards', () =>
      document.querySelectorAll('.lede-page--entity ol.lede-list > li .lede-card:not(.lede-card--pending)').length === 30);
    await page.locator('.lede-page--entity button.lede-more').click();
    const expected = Math.min(60, mentioned);
    await until(page, `${expected} cards, their listing pages loaded`, (n) =>
      document.querySelectorAll('.lede-page--entity ol.lede-list > li .lede-card:not(.lede-card--pending)').length === n, expected);
    // Pages keep arriving for a moment (mentions, neighbours); the page must not start over.
    await page.waitForTimeout(500);
    assert.equal(await cards(), expected, 'the list kept its depth');
    const focus = await page.evaluate(() => document.activeElement?.tagName);
    assert.notEqual(focus, 'BODY', 'focus stayed in the list');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});


test('"Often with" on an entity page of a paged corpus counts from its mentions file, as the inline corpus does', { timeout: 60_000 }, async () => {
  // Expected, from the inline corpus's entity directory: the entities named in the most of the
  // articles that name Lloyd Austin, with how many (ties by id), at most five.
  const { entities } = JSON.parse(readFileSync(join(distDir(), 'corpus', state.inline.entity_file), 'utf8'));
  const own = new Set(entities.find((e) => e.id === 'lloyd-austin').articles);
  const expected = entities
    .filter((e) => e.id !== 'lloyd-austin')
    .map((e) => [e.id, e.name, (e.articles || []).filter((a) => own.has(a)).length])
    .filter(([, , n]) => n > 0)
    .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([, name, n]) => `${name} (${n})`);
  assert.ok(expected.length > 0);
  const { context, page, problems } = await open(state.defaultServer, '?entity=lloyd-austin');
  try {
    await viewShown(page, 'entity');
    const shown = await until(page, '"Often with"', () => {
      const p = document.querySelector('.lede-entity__often');
      return p && [...p.querySelectorAll('a')].map((a) => `${a.textContent} (${a.nextSibling.textContent.match(/\d+/)[0]})`);
    });
    assert.deepEqual(shown, expected);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('Back to a list grown with "Show more" finds it as long as it was, at the same place', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await open(state.synthServer);
  try {
    const cards = () => page.evaluate(() => document.querySelectorAll('ol.lede-list > li .lede-card:not(.lede-card--pending)').length);
    await until(page, '30 cards', () => document.querySelectorAll('ol.lede-list > li .lede-card:not(.lede-card--pending)').length === 30);
    await page.locator('button.lede-more').click();
    await until(page, '60 cards', () => document.querySelectorAll('ol.lede-list > li .lede-card:not(.lede-card--pending)').length === 60);
    const y = await page.evaluate(() => { document.querySelectorAll('ol.lede-list > li')[45].scrollIntoView(); return scrollY; });
    await page.locator('ol.lede-list > li').nth(45).locator('a').first().click();
    await until(page, 'the article', () => new URL(location.href).searchParams.has('article'));
    await page.goBack();
    // The list on screen, not the one kept hidden behind the article (app/kept_page.rs).
    await until(page, '60 cards again', () => document.querySelectorAll('.lede-page--list:not(.lede-kept--away *) ol.lede-list > li .lede-card:not(.lede-card--pending)').length === 60);
    assert.equal(await cards(), 60);
    const back = await until(page, 'the old place', (want) => Math.abs(scrollY - want) <= 50 && String(scrollY), y);
    assert.ok(Math.abs(Number(back) - y) <= 50, `back at ${back}, was ${y}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('in a right-to-left article a preview card lines up with the end of its mention and stays in the viewport', { timeout: 90_000 }, async () => {
  const rtl = state.synthInline.articles.find((a) => ['ar', 'he'].includes(a.language) && (a.entities || []).length > 0);
  assert.ok(rtl, 'the synthetic corpus has a right-to-left article that names entities');
  for (const width of [320, 1280]) {
    const context = await newContext(state.browser, state.synthServer, { viewport: { width, height: 800 } });
    const page = await context.newPage();
    const problems = recordProblems(page, state.synthServer.origin);
    try {
      await page.goto(`${state.synthServer.url}?article=${rtl.id}`);
      await page.locator('.lede-article__body a.lede-mention').first().waitFor();
      assert.equal(await page.locator('article.lede-article').getAttribute('dir'), 'rtl');
      const ids = await page.$$eval('.lede-article__body a.lede-mention', (as) => as.map((a) => a.dataset.entity));
      for (const id of ids.slice(0, 4)) {
        const mention = page.locator(`.lede-article__body a.lede-mention[data-entity="${id}"]`);
        await mention.focus();
        await until(page, `the card of ${id}`, () => document.querySelector('.lede-preview:not(.lede-preview--placing)') !== null);
        const m = await page.evaluate((i) => {
          const a = document.querySelector(`.lede-article__body a.lede-mention[data-entity="${i}"]`).getBoundingClientRect();
          const c = document.querySelector('.lede-preview').getBoundingClientRect();
          return { mentionRight: a.right, card: { left: c.left, right: c.right, top: c.top, bottom: c.bottom }, width: innerWidth, height: innerHeight };
        }, id);
        const { card } = m;
        assert.ok(card.left >= 0 && card.right <= m.width && card.top >= 0 && card.bottom <= m.height, `${id} at ${width}: ${JSON.stringify(m)}`);
        // Its right edge under the mention's, unless the viewport's margin moved it inward.
        const aligned = Math.abs(card.right - m.mentionRight) <= 1;
        const clamped = card.left <= 8.5 || card.right >= m.width - 8.5;
        assert.ok(aligned || clamped, `${id} at ${width}: right edge ${card.right}, mention ends at ${m.mentionRight}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('a press on a card\'s headline requests its article before the click, and the click\'s page takes that request', async () => {
  const { context, page, problems, requests } = await open(state.synthServer);
  try {
    await listHeadlines(page, 30);
    // The fifth card: the first three may have been read ahead (read-ahead.test.mjs), and the
    // requests counted are this article's own.
    const link = page.locator('ol.lede-list > li:nth-child(5) article.lede-card h3 a');
    const id = new URL(await link.getAttribute('href'), page.url()).searchParams.get('article');
    const file = `articles/${encodeURIComponent(id)}.json`;
    const articles = () => corpusFiles(requests).filter((f) => f === file);
    await link.scrollIntoViewIfNeeded();
    const box = await link.boundingBox();
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    const asked = page.waitForRequest((r) => new URL(r.url()).pathname.endsWith(`/corpus/${file}`));
    await page.mouse.down();
    // Without the press's request, this waits until Playwright's timeout and fails.
    await asked;
    assert.equal(articles().length, 1, 'the article requested at the press, before the release');
    await page.mouse.up();
    await viewShown(page, 'article');
    await until(page, 'the article body', () => document.querySelectorAll('.lede-article__body p').length > 0);
    assert.equal(articles().length, 1, 'the click\'s page took that request instead of sending another');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
