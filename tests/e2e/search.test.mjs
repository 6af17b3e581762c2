// Search: the box on the list, its code and the worker loaded only on first focus (or for a
// ?q= link), ranked results with snippets, the entity line, phrases, CJK, the empty state, the
// URL (?q= with topics, Back and Forward), axe, and <lede-viewer> (search inside the shadow
// root; search="off" removes the box).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations, formatViolations } from './support/axe.mjs';
import { launchBrowser, newContext } from './support/browser.mjs';
import { recordProblems } from './support/console.mjs';
import { SEED_ID } from './support/corpus.mjs';
import { distDir, repoRoot } from './support/paths.mjs';
import { serveSite } from './support/server.mjs';
import { useSite } from './support/site.mjs';
import { until, viewShown } from './support/wait.mjs';

// A private copy: the embed test adds a host page to it.
const site = useSite({ copy: true });

const headline = (id) => site.index.articles.find((a) => a.id === id).headline;
const BOX = '[role=search] input.lede-search__input';
const searchFiles = (paths) => paths.filter((p) => /split_lede_search|lede-search|\/search\//.test(p));

/** The result cards' headlines once the status line says the search for `query` is done. */
async function results(page, query) {
  await until(
    page,
    `the results for ${query}`,
    (q) => {
      const status = document.querySelector('p.lede-results')?.textContent || '';
      return status.includes(`match`) && status.includes(`“${q}”`);
    },
    query,
    () => ({ status: document.querySelector('p.lede-results')?.textContent, body: document.querySelector('[data-lede]')?.innerText?.slice(0, 400) }),
  );
  return page.$$eval('.lede-page--list ol.lede-list > li > article.lede-card .lede-card__headline a', (as) => as.map((a) => a.textContent.trim()));
}

/** Types `query` into the search box (all at once) and waits for its results. */
async function search(page, query) {
  await page.locator(BOX).fill(query);
  await until(page, `q=${query} in the URL`, (q) => new URL(location.href).searchParams.get('q') === q, query);
  return results(page, query);
}

test('the search code and worker load on first focus; Austin, liberation, Chinese and a phrase find their articles', { timeout: 120_000 }, async () => {
  const requested = [];
  const { context, page, problems } = await site.open('', {
    beforeGoto: async (p) => {
      p.context().on('request', (r) => requested.push(new URL(r.url()).pathname));
    },
  });
  try {
    await viewShown(page, 'list');
    await page.locator(BOX).waitFor();
    assert.equal(await page.getByRole('searchbox', { name: 'Search articles' }).count(), 1, 'a labelled search box');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(searchFiles(requested), [], 'no search code, worker or index file before focus');

    // "/" focuses the box, which loads the search's code and starts the worker.
    await page.locator('h1').first().click();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search', '"/" focuses the box');
    // The worker's own requests are not in the page's resource timing: the context sees them.
    for (let i = 0; i < 200 && !(requested.some((p) => p.includes('split_lede_search')) && requested.some((p) => p.includes('lede-search_bg.wasm'))); i++) {
      await page.waitForTimeout(100);
    }
    assert.ok(requested.some((p) => p.includes('split_lede_search')), `the search chunk is fetched on focus: ${searchFiles(requested)}`);
    assert.ok(requested.some((p) => p.includes('lede-search_bg.wasm')), `the worker starts on focus: ${searchFiles(requested)}`);

    const austin = await search(page, 'Austin');
    assert.equal(austin[0], headline(SEED_ID), 'Austin: the seed article first');
    // Snippets, with the matched word in <mark> (text nodes, no HTML).
    await until(page, 'a snippet with a mark', () => !!document.querySelector('.lede-card__snippet mark'));
    const marked = await page.$$eval('.lede-card__snippet mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(marked.includes('austin'), `marked words: ${marked}`);
    assert.equal(await page.$$eval('.lede-card__snippet *', (es) => es.filter((e) => e.tagName !== 'MARK').length), 0, 'only marks inside snippets');
    // The entity line above the results.
    await until(page, 'the entity line', () => /Lloyd Austin, person, \d+ articles?/.test(document.querySelector('.lede-search__entity')?.textContent || ''));
    assert.match(await page.locator('p.lede-results[role=status]').textContent(), /\d+ articles? match(es)? “Austin”/);

    assert.ok((await search(page, 'liberation')).includes(headline('troisieme-francais-mort-seisme-nepal')), 'liberation finds Libération');
    assert.ok((await search(page, '人工智能')).includes(headline('deepmind-dnc-memory-learning')), 'a Chinese query finds the QQ article');
    const phrase = await search(page, '"US troops"');
    assert.equal(phrase[0], headline(SEED_ID), 'the phrase "US troops" finds the seed first');

    // Enter searches at once and never reloads the page (the box is in no form).
    await page.evaluate(() => { window.__notReloaded = true; });
    await page.locator(BOX).evaluate((box) => { box.value = 'troops'; });
    await page.locator(BOX).press('Enter');
    await until(page, 'Enter sets q=troops', () => new URL(location.href).searchParams.get('q') === 'troops');
    assert.equal(await page.evaluate(() => window.__notReloaded), true, 'Enter did not reload the page');

    // Nonsense: the empty state says what to do, and its button clears the search.
    await search(page, 'zzqxwvbnonsense');
    const empty = await page.locator('.lede-empty').textContent();
    assert.match(empty, /No article matches “zzqxwvbnonsense”/);
    assert.match(empty, /spelling/);
    assert.match(empty, /fewer/);
    await page.getByRole('button', { name: 'Clear the search' }).click();
    await until(page, 'no q= in the URL', () => !new URL(location.href).searchParams.has('q'));
    await until(page, 'the whole list', (n) => document.querySelectorAll('ol.lede-list > li').length === n, Math.min(30, site.index.articles.length));
    assert.equal(await page.locator(BOX).inputValue(), '', 'the box is empty again');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('"/" on an article page is left to the page: the list\'s box, kept hidden behind the article, does not take it', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('');
  try {
    await viewShown(page, 'list');
    await page.locator(BOX).waitFor();
    await page.locator('ol.lede-list > li .lede-card__headline a').first().click();
    await viewShown(page, 'article');
    await page.locator('h1.lede-article__headline').click();
    // Whether anything before the page's own listener (the viewer's, on the document) took the
    // key: a listener on the window sees it last.
    await page.evaluate(() => {
      window.__slash = null;
      addEventListener('keydown', (e) => { if (e.key === '/') window.__slash = e.defaultPrevented; }, { once: true });
    });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => window.__slash), false, 'the key is not taken');
    assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
    // Back on the list, "/" focuses its box again.
    await page.goBack();
    await viewShown(page, 'list');
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('typing is debounced into one history entry; Back and Forward go between the list and the search', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await site.open('');
  try {
    await viewShown(page, 'list');
    const before = await page.evaluate(() => history.length);
    await page.locator(BOX).click();
    await page.locator(BOX).pressSequentially('austin', { delay: 40 });
    await until(page, 'q=austin in the URL', () => new URL(location.href).searchParams.get('q') === 'austin');
    const found = await results(page, 'austin');
    assert.equal(found[0], headline(SEED_ID));
    assert.equal(await page.evaluate(() => new URL(location.href).searchParams.get('q')), 'austin');
    assert.equal(await page.evaluate(() => history.length), before + 1, 'one entry for the whole search');
    // The list stays usable while searching: the topic filter still answers.
    await page.goBack();
    await until(page, 'the list without the search', () => !new URL(location.href).searchParams.has('q') && !/match/.test(document.querySelector('p.lede-results')?.textContent || ''));
    assert.equal(await page.locator(BOX).inputValue(), '', 'Back empties the box');
    await page.goForward();
    assert.deepEqual(await results(page, 'austin'), found, 'Forward shows the search again');
    assert.equal(await page.locator(BOX).inputValue(), 'austin', 'Forward puts the query back in the box');
    // An article opened from the results, then Back: the same results.
    await page.locator('ol.lede-list > li .lede-card__headline a').first().click();
    await viewShown(page, 'article');
    await page.goBack();
    assert.deepEqual(await results(page, 'austin'), found, 'Back from an article shows the same results');
    // The cards outlive the list page (the viewer keeps them for Back): the first result (the
    // seed, with a snippet), then one of its topics at the article's end (a list with no
    // search, the seed among its cards) shows no search's snippets.
    await until(page, 'a snippet', () => !!document.querySelector('.lede-card__snippet'));
    await page.locator('ol.lede-list > li .lede-card__headline a').first().click();
    await viewShown(page, 'article');
    await page.locator('.lede-article__topics a').first().click();
    await until(page, 'the topic list without the search', (h) => !new URL(location.href).searchParams.has('q')
      && [...document.querySelectorAll('ol.lede-list .lede-card__headline a')].some((a) => a.textContent.trim() === h), headline(SEED_ID));
    assert.equal(await page.locator('.lede-card__snippet').count(), 0, 'no snippet left on a card');
    await page.goBack();
    await viewShown(page, 'article');
    await page.goBack();
    assert.deepEqual(await results(page, 'austin'), found, 'Back to the results');
    // The entity line's link opens the entity's page.
    await until(page, 'the entity line', () => !!document.querySelector('.lede-search__entity a'));
    await page.locator('.lede-search__entity a').click();
    await viewShown(page, 'entity');
    // The page's heading as a reader gets it (the list page is still in the document, hidden:
    // app/kept_page.rs).
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /Lloyd Austin/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('?q=austin&topic=middle-east reloads to the same results, and the topic counts follow the query', { timeout: 90_000 }, async () => {
  const requested = [];
  const { context, page, problems } = await site.open('?q=austin&topic=middle-east', {
    beforeGoto: async (p) => p.context().on('request', (r) => requested.push(new URL(r.url()).pathname)),
  });
  try {
    const first = await results(page, 'austin');
    assert.ok(first.length > 0, 'results');
    assert.equal(first[0], headline(SEED_ID));
    assert.equal(await page.locator(BOX).inputValue(), 'austin');
    assert.ok(searchFiles(requested).length > 0, 'a ?q= link loads the search at once');
    const counts = await page.$$eval('.lede-filter button.lede-topic .lede-topic__count', (cs) => cs.map((c) => Number(c.textContent)));
    assert.ok(counts.length > 0 && Math.max(...counts) <= first.length + 3, `topic counts within the search's hits: ${counts}`);
    await page.reload();
    assert.deepEqual(await results(page, 'austin'), first, 'the same results after a reload');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// A search shows a page of its ten best results, not the list's thirty: in a paged corpus each
// result costs a listing page (and an article file for its snippet), and the thirty cost three
// times what ten do (bench/search.mjs, issue 14). On 2,000 synthetic articles paginated with
// the corpus tool's default page size, served as static files.
test('a search of a paged corpus shows its ten best results, fetching a listing page per result at most; "Show more" adds ten', { timeout: 180_000 }, async () => {
  const synth = mkdtempSync(join(tmpdir(), 'lede-search-synth-'));
  const root = mkdtempSync(join(tmpdir(), 'lede-search-paged-'));
  const dist = distDir();
  const tool = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'lede-corpus', '--', ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  tool('synth', '--articles', '2000', '--seed', '3', '--out', synth);
  cpSync(dist, root, { recursive: true, dereference: true });
  rmSync(join(root, 'corpus'), { recursive: true });
  tool('paginate', join(synth, 'index.json'), '--out', join(root, 'corpus'));
  const server = await serveSite(root);
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser, server, { abortImages: true });
    const page = await context.newPage();
    const problems = recordProblems(page, server.origin);
    const listing = [];
    page.on('request', (r) => /\/listing\/\d+\.json$/.test(new URL(r.url()).pathname) && listing.push(r.url()));
    await page.goto(server.url);
    await viewShown(page, 'list');
    // The list's first view (pages 0 to 2, ten summaries a page) and, when idle, the pages of
    // "Show more"'s next 30 (3 to 5): then the search's own.
    const last = /\/listing\/5\.json$/;
    if (!listing.some((url) => last.test(url))) await page.waitForRequest(last);
    const shown = listing.length;
    await page.locator(BOX).fill('government');
    await results(page, 'government');
    // Placeholders until their listing pages are here: then ten cards with headlines.
    await until(page, 'ten result cards', () => document.querySelectorAll('ol.lede-list > li .lede-card__headline a').length >= 10);
    const cards = await page.$$eval('ol.lede-list > li', (li) => li.length);
    const status = await page.locator('p.lede-results[role=status]').textContent();
    const matched = Number(status.replace(/[,\s]/g, '').match(/(\d+)articles?match/)[1]);
    assert.ok(matched > 20, `a common word matches more than two pages: ${status}`);
    assert.equal(cards, 10, 'ten results first');
    assert.ok(listing.length - shown <= 10, `at most one listing page per result: ${listing.length - shown}`);
    // Snippets for the results whose body has the word (a few have it in the headline only).
    await until(page, 'snippets for the ten', () => document.querySelectorAll('.lede-card__snippet mark').length >= 5);
    await page.locator('button.lede-more').click();
    await until(page, 'twenty results', () => document.querySelectorAll('ol.lede-list > li').length === 20);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    for (const dir of [synth, root]) rmSync(dir, { recursive: true, force: true });
  }
});

// A slow or failing network: the search's code or its index not loading is said on screen,
// with "Try again", and the rest of the page stays.
test('the search code or its index not loading shows an error with "Try again", which then finds the results', { timeout: 90_000 }, async () => {
  let failing = /split_lede_search-[^/]*\.wasm$/;
  const { context, page } = await site.open('?q=austin', {
    beforeGoto: async (p) => {
      await p.context().route(/\.wasm$|\/search\//, (route) => (failing?.test(new URL(route.request().url()).pathname) ? route.abort() : route.continue()));
    },
  });
  try {
    const panel = page.locator('.lede-page--list .lede-error[role=alert]');
    await panel.waitFor();
    assert.match(await panel.textContent(), /Try again/);
    assert.equal(await page.locator(BOX).inputValue(), 'austin', 'the box and its query stay');
    assert.ok((await page.locator('.lede-filter button.lede-topic').count()) > 0, 'the topics stay');
    // The code loads now, but not the worker's wasm: the worker's error (its loader throws it
    // again, so the page hears it), and "Try again" starts a new worker.
    failing = /lede-search_bg\.wasm$/;
    await panel.getByRole('button', { name: 'Try again' }).click();
    await until(page, 'the worker error', () => /search worker/.test(document.querySelector('.lede-page--list .lede-error')?.textContent || ''));
    // Then the worker, but not the index's fragments: the search's own error.
    failing = /\/search\/t\//;
    await page.getByRole('button', { name: 'Try again' }).click();
    await until(page, 'the index error', () => /search index/.test(document.querySelector('.lede-page--list .lede-error')?.textContent || ''));
    assert.match(await page.locator('p.lede-results[role=status]').textContent(), /The search failed/);
    failing = null;
    await page.getByRole('button', { name: 'Try again' }).click();
    assert.equal((await results(page, 'austin'))[0], headline(SEED_ID), 'results after the retry');
  } finally {
    await context.close();
  }
});

// On a first focus without a query the reader may only be passing through: the list stays,
// the status line says the search failed, and the next focus tries again.
test('the search code failing on the first focus says so in the status line, keeps the list, and the next focus tries again', { timeout: 90_000 }, async () => {
  let failing = true;
  const { context, page } = await site.open('', {
    beforeGoto: async (p) => {
      await p.context().route(/split_lede_search-[^/]*\.wasm$/, (route) => (failing ? route.abort() : route.continue()));
    },
  });
  try {
    await viewShown(page, 'list');
    await page.locator(BOX).focus();
    await until(page, 'the status line', () => /search failed/i.test(document.querySelector('p.lede-results[role=status]')?.textContent || ''));
    assert.equal(await page.locator('.lede-error').count(), 0, 'no error panel over the list');
    assert.ok((await page.locator('ol.lede-list > li').count()) > 0, 'the list stays');
    failing = false;
    await page.locator('h1').first().click();
    await page.locator(BOX).focus();
    await page.locator(BOX).fill('austin');
    assert.equal((await results(page, 'austin'))[0], headline(SEED_ID), 'the next focus loads the search');
  } finally {
    await context.close();
  }
});

test('axe finds nothing with results, snippets and the entity line, nor on the empty state', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await site.open('?q=austin');
  try {
    await results(page, 'austin');
    await until(page, 'a snippet', () => !!document.querySelector('.lede-card__snippet mark'));
    await until(page, 'the entity line', () => !!document.querySelector('.lede-search__entity a'));
    let violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    await search(page, 'zzqxwvbnonsense');
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('<lede-viewer>: search works inside the shadow root; search="off" removes the box', { timeout: 90_000 }, async () => {
  writeFileSync(
    join(site.server.siteDir, 'search-embed.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embeds</title>
<link rel="icon" href="favicon.png"><script type="module" src="embed.js"></script></head>
<body><main><h1>Embeds</h1><lede-viewer id="off" search="off"></lede-viewer><lede-viewer id="on"></lede-viewer></main></body></html>`,
  );
  const { context, page, problems } = await site.open('search-embed.html');
  try {
    const listed = (id) => until(page, `#${id}'s list`, (i) => !!document.getElementById(i)?.shadowRoot?.querySelector('.lede-page--list .lede-card'), id);
    await listed('on');
    await listed('off');
    const hasBox = (id) => page.evaluate((i) => !!document.getElementById(i).shadowRoot.querySelector('[role=search]'), id);
    assert.equal(await hasBox('on'), true, 'an embed has the box by default');
    assert.equal(await hasBox('off'), false, 'search="off" removes it');
    // Playwright's locators pierce open shadow roots.
    await page.locator(`#on ${BOX}`).fill('Austin');
    const first = await until(
      page,
      "the embed's results",
      () => {
        const root = document.getElementById('on').shadowRoot;
        const status = root.querySelector('p.lede-results')?.textContent || '';
        return /match/.test(status) && root.querySelector('ol.lede-list > li > article.lede-card .lede-card__headline a')?.textContent.trim();
      },
      null,
      () => document.getElementById('on').shadowRoot.querySelector('.lede-page--list')?.textContent.slice(0, 300),
    );
    assert.equal(first, headline(SEED_ID));
    await until(page, "a snippet in the embed", () => !!document.getElementById('on').shadowRoot.querySelector('.lede-card__snippet mark'));
    // Other attributes changed live draw the box's place again: it is filled again, with
    // the query still in it.
    await page.evaluate(() => document.getElementById('on').setAttribute('controls', 'none'));
    await until(page, 'the box alone, with its query', () => document.getElementById('on').shadowRoot.querySelector('[role=search] input')?.value.toLowerCase() === 'austin' && !document.getElementById('on').shadowRoot.querySelector('.lede-filter'));
    await page.evaluate(() => document.getElementById('on').removeAttribute('controls'));
    await until(page, 'the box above the topics again', () => document.getElementById('on').shadowRoot.querySelector('[role=search] input')?.value.toLowerCase() === 'austin' && !!document.getElementById('on').shadowRoot.querySelector('.lede-filter'));
    // Turned off live: the box goes.
    await page.evaluate(() => document.getElementById('on').setAttribute('search', 'off'));
    await until(page, 'the box gone', () => !document.getElementById('on').shadowRoot.querySelector('[role=search]'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
