// <lede-viewer> on a hostile host page (tests/e2e/fixtures/embed-host/host.html), the viewer's
// files on another origin: two viewers side by side, each on its own; the host's links, history,
// URL, title and styles untouched; theming; live attributes; events; removal and re-adding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_ID, filtered, loadArticle, topicLabel } from './support/corpus.mjs';
import { pressedTopics, useEmbedHosts, viewerList, viewerShows } from './support/embed.mjs';
import { until } from './support/wait.mjs';

const site = useEmbedHosts();

const sportCount = () => filtered(site.index, ['sport']).length;
const headlines = (articles) => articles.map((a) => a.headline);
const topicButton = (page, viewer, topic) =>
  page.locator(viewer).getByRole('button', { name: topicLabel(site.index, topic), exact: true });

/** Opens the hostile page and waits until both viewers show their lists. */
async function openHost(options) {
  const opened = await site.open('host.html', options);
  await viewerList(opened.page, '#v1', sportCount());
  await viewerList(opened.page, '#v2', site.index.articles.length);
  return opened;
}

/** Computed style values of an element inside a viewer's shadow root. */
function shadowStyle(page, viewer, selector, properties) {
  return page.evaluate(
    ([v, s, props]) => {
      const element = document.querySelector(v)?.shadowRoot?.querySelector(s);
      if (!element) return null;
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      return Object.fromEntries([...props.map((p) => [p, style.getPropertyValue(p)]), ['width', rect.width], ['height', rect.height]]);
    },
    [viewer, selector, properties],
  );
}

test('two viewers on a hostile page render the corpus, each keeping its own topics', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openHost();
  try {
    const all = filtered(site.index, []);
    const sport = filtered(site.index, ['sport']);
    assert.ok(sport.length > 0 && sport.length < all.length, 'the corpus has some sport articles, not all');
    assert.deepEqual(await viewerList(page, '#v2', all.length), headlines(all), 'v2 (no topic) lists every article');
    assert.deepEqual(await viewerList(page, '#v1', sport.length), headlines(sport), 'v1 (topic="sport") lists the sport articles');
    assert.deepEqual(await pressedTopics(page, '#v1'), ['Sport']);
    assert.deepEqual(await pressedTopics(page, '#v2'), []);
    const point = await page.evaluate(() => {
      const p = document.querySelector('#v1').shadowRoot.querySelector('.lede');
      return { className: p.className, part: p.getAttribute('part'), mode: document.querySelector('#v1').shadowRoot.mode };
    });
    assert.deepEqual(point, { className: 'lede lede--embedded', part: 'viewer', mode: 'open' });

    // A topic clicked in v2 changes v2 only.
    await topicButton(page, '#v2', 'europe').click();
    const europe = filtered(site.index, ['europe']);
    assert.deepEqual(await viewerList(page, '#v2', europe.length), headlines(europe));
    assert.deepEqual(await pressedTopics(page, '#v2'), ['Europe']);
    assert.deepEqual(await viewerList(page, '#v1', sport.length), headlines(sport), 'v1 unchanged by a click in v2');
    assert.deepEqual(await pressedTopics(page, '#v1'), ['Sport']);

    // And a topic clicked in v1 changes v1 only.
    await topicButton(page, '#v1', 'sport').click();
    assert.deepEqual(await viewerList(page, '#v1', all.length), headlines(all), 'v1 without topics lists everything');
    assert.deepEqual(await pressedTopics(page, '#v1'), []);
    assert.deepEqual(await viewerList(page, '#v2', europe.length), headlines(europe), 'v2 unchanged by a click in v1');
    assert.deepEqual(await pressedTopics(page, '#v2'), ['Europe']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("the host's links navigate normally and its own pushState still works", { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openHost();
  try {
    const start = page.url();
    // In-page link: only the hash changes, the document stays.
    await page.click('#to-section');
    await until(page, 'location.hash to become #section', () => location.hash === '#section');
    assert.equal(await page.evaluate(() => window.pageLoads), 1, 'same document (no reload)');
    assert.equal(page.url(), `${start}#section`);

    // The host's own history entry.
    const length = await page.evaluate(() => history.length);
    const popstates = await page.evaluate(() => window.hostPopstates); // a fragment navigation fires one too
    await page.click('#push');
    await until(page, 'the host to push ?host=1', () => location.search === '?host=1' && window.hostPushed === true);
    assert.equal(await page.evaluate(() => history.length), length + 1);
    assert.deepEqual(await viewerList(page, '#v1', sportCount()), headlines(filtered(site.index, ['sport'])), 'v1 unchanged');
    await page.goBack();
    await until(page, 'Back to the host page before its pushState', () => location.search === '' && location.hash === '#section');
    assert.equal(await page.evaluate(() => window.hostPopstates), popstates + 1, "the host's popstate still reaches it");
    assert.deepEqual(await pressedTopics(page, '#v1'), ['Sport'], 'a viewer without sync-url ignores the host history');
    await viewerList(page, '#v2', site.index.articles.length);

    // A link to another page of the host.
    await Promise.all([page.waitForURL(site.host.url('page2.html')), page.click('#to-page2')]);
    await page.locator('#page2').waitFor();
    assert.equal(await page.title(), 'Host page two');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("without sync-url the host's URL, history and title never change", { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openHost();
  try {
    const before = await page.evaluate(() => ({ href: location.href, title: document.title, length: history.length }));
    const same = async (what) =>
      assert.deepEqual(
        await page.evaluate(() => ({ href: location.href, title: document.title, length: history.length })),
        before,
        `host URL, title and history after ${what}`,
      );

    await topicButton(page, '#v2', 'middle-east').click();
    await viewerList(page, '#v2', filtered(site.index, ['middle-east']).length);
    await page.locator('#v2').getByRole('radio', { name: 'all selected topics' }).check();
    await topicButton(page, '#v1', 'europe').click();
    await viewerList(page, '#v1', filtered(site.index, ['sport', 'europe']).length);
    await same('topic clicks');

    const seed = loadArticle(site.dist, site.index, SEED_ID);
    await page.locator('#v2 .lede-card__headline a', { hasText: seed.headline }).click();
    await viewerShows(page, '#v2', 'article');
    assert.equal((await page.locator('#v2 h1.lede-article__headline').textContent()).trim(), seed.headline);
    await until(
      page,
      'the article body (its URL resolved against the corpus, not the host <base>)',
      (n) => document.querySelector('#v2').shadowRoot.querySelectorAll('.lede-article__body p').length === n,
      seed.body.length,
    );
    await same('opening an article');

    await page.locator('#v2 .lede-article__body a.lede-mention').first().click();
    await viewerShows(page, '#v2', 'entity');
    await same('opening an entity');

    await page.locator('#v2 .lede-back a').first().click();
    await viewerShows(page, '#v2', 'list');
    await same('going back to the list');
    assert.deepEqual(await viewerList(page, '#v1', filtered(site.index, ['sport', 'europe']).length), headlines(filtered(site.index, ['sport', 'europe'])));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("the host's styles stay as they were, and the host's CSS does not break the viewers", { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openHost();
  try {
    const [before, after] = await page.evaluate(() => [window.hostStyleBefore, window.hostStyleOf()]);
    assert.equal(before.color, 'rgb(255, 0, 0)', 'the fixture measured its own styles before the viewers existed');
    assert.match(before.fontFamily, /monospace/);
    assert.equal(before.margin, '0px');
    assert.equal(before.linkDisplay, 'inline');
    assert.deepEqual(after, before, '#host-text and the host link keep their computed styles');

    for (const viewer of ['#v1', '#v2']) {
      const point = await shadowStyle(page, viewer, '.lede', ['display', 'font-family', 'color']);
      assert.equal(point.display, 'block', `${viewer} .lede is displayed`);
      assert.ok(point.height > 200, `${viewer} .lede has height: ${point.height}`);
      assert.doesNotMatch(point['font-family'], /monospace/, `${viewer} font is the viewer's: ${point['font-family']}`);
      assert.notEqual(point.color, 'rgb(255, 0, 0)');

      const link = await shadowStyle(page, viewer, '.lede-card h3.lede-card__headline a', ['display', 'color', 'visibility']);
      assert.notEqual(link.display, 'none', `${viewer} headline link displayed`);
      assert.ok(link.width > 0 && link.height > 0, `${viewer} headline link has a box`);
      assert.notEqual(link.color, 'rgb(255, 0, 0)', `${viewer} headline link is not the host's red`);

      const heading = await shadowStyle(page, viewer, 'h3.lede-card__headline', ['display']);
      assert.equal(heading.display, 'block', `${viewer} card headline is not hidden by the host's h3 rule`);
      const list = await shadowStyle(page, viewer, 'ol.lede-list', ['display']);
      assert.notEqual(list.display, 'none');

      const button = await shadowStyle(page, viewer, 'button.lede-topic', ['padding-left', 'padding-top', 'visibility', 'display']);
      assert.ok(parseFloat(button['padding-left']) > 0 && parseFloat(button['padding-top']) > 0, `${viewer} topic buttons keep their padding: ${JSON.stringify(button)}`);
      assert.equal(button.visibility, 'visible');
      assert.notEqual(button.display, 'none');
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('theming: custom properties from the host win; theme="light"/"dark"/absent pick the scheme', { timeout: 90_000 }, async () => {
  // The reader prefers dark, but the page declares no colour scheme, so a viewer without `theme`
  // is light like the page (embed-fit.test.mjs has the other host schemes).
  const { context, page, problems } = await openHost({ colorScheme: 'dark' });
  try {
    const background = (viewer) => shadowStyle(page, viewer, '.lede', ['background-color']).then((s) => s['background-color']);
    // A pressed topic toggle is filled with --lede-link.
    const pressedFill = (viewer) =>
      shadowStyle(page, viewer, 'button.lede-topic[aria-pressed=true]', ['background-color']).then((s) => s['background-color']);

    // #v2 { --lede-link: rgb(1, 2, 3) } on the host page.
    await topicButton(page, '#v2', 'europe').click();
    await viewerList(page, '#v2', filtered(site.index, ['europe']).length);
    assert.equal(await pressedFill('#v2'), 'rgb(1, 2, 3)', "the host's --lede-link wins over the default");
    assert.notEqual(await pressedFill('#v1'), 'rgb(1, 2, 3)', 'and only where the host set it');

    const dark = await background('#v1'); // theme="dark"
    const light = await background('#v2'); // theme="light"
    assert.notEqual(dark, light, `theme=dark and theme=light differ: ${dark} vs ${light}`);
    const luminance = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    assert.ok(luminance(dark) < 150, `theme="dark" gives a dark background: ${dark}`);
    assert.ok(luminance(light) > 600, `theme="light" gives a light background: ${light}`);

    // Live: swapping the attributes swaps the schemes (CSS only, nothing re-renders).
    await page.evaluate(() => {
      document.querySelector('#v1').setAttribute('theme', 'light');
      document.querySelector('#v2').setAttribute('theme', 'dark');
    });
    assert.equal(await background('#v1'), light);
    assert.equal(await background('#v2'), dark);
    // No theme (or "auto"): the page's scheme, light here (it declares none).
    await page.evaluate(() => {
      document.querySelector('#v1').removeAttribute('theme');
      document.querySelector('#v2').setAttribute('theme', 'auto');
    });
    assert.equal(await background('#v1'), light);
    assert.equal(await background('#v2'), light);
    // A page that declares `color-scheme: light dark` lets the reader's setting (dark) choose.
    await page.evaluate(() => (document.documentElement.style.colorScheme = 'light dark'));
    assert.equal(await background('#v1'), dark);
    assert.equal(await background('#v2'), dark);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('changing attributes updates the view in place; a bad src fails in that viewer only', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openHost();
  try {
    const set = (name, value) =>
      page.evaluate(([n, v]) => (v === null ? document.querySelector('#v1').removeAttribute(n) : document.querySelector('#v1').setAttribute(n, v)), [name, value]);
    const europe = filtered(site.index, ['europe']);

    await set('topic', 'europe');
    assert.deepEqual(await viewerList(page, '#v1', europe.length), headlines(europe), 'topic="europe"');
    assert.deepEqual(await pressedTopics(page, '#v1'), ['Europe']);

    await set('match', 'all');
    await set('topic', 'europe sport');
    const both = filtered(site.index, ['europe', 'sport'], 'all');
    assert.deepEqual(await viewerList(page, '#v1', both.length), headlines(both), 'topic="europe sport" match="all"');
    await set('match', null);
    await set('topic', 'europe');
    await viewerList(page, '#v1', europe.length);

    const seed = loadArticle(site.dist, site.index, SEED_ID);
    await set('article', SEED_ID);
    await viewerShows(page, '#v1', 'article');
    assert.equal((await page.locator('#v1 h1.lede-article__headline').textContent()).trim(), seed.headline);

    await set('article', null);
    assert.deepEqual(await viewerList(page, '#v1', europe.length), headlines(europe), 'removing article: back to the list');

    const baghdad = site.index.entities.find((e) => e.id === 'baghdad');
    await set('entity', 'baghdad');
    await viewerShows(page, '#v1', 'entity');
    assert.equal((await page.locator('#v1 .lede-page--entity h1').textContent()).trim(), baghdad.name);
    await set('entity', null);
    await viewerList(page, '#v1', europe.length);

    const bogus = `${site.viewer.base}corpus/missing.json`;
    await set('src', bogus);
    const alert = page.locator('#v1 .lede-error[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /missing\.json/, 'the error names the file');
    assert.equal(await page.locator('#v2 .lede-error').count(), 0, 'v2 has no error');
    await viewerList(page, '#v2', site.index.articles.length);

    await set('src', `${site.viewer.base}corpus/index.json`);
    assert.deepEqual(await viewerList(page, '#v1', europe.length), headlines(europe), 'the real src again: the list');
    assert.equal(await page.locator('#v1 .lede-error').count(), 0);
    assert.equal(await page.evaluate(() => document.querySelector('#v1').shadowRoot.querySelectorAll('.lede-app').length), 1, 'one app after remounting');
    // The only problems: the 404 for the bogus index and the viewer's report of it.
    assert.deepEqual(problems.filter((p) => !p.includes('missing.json')), []);
  } finally {
    await context.close();
  }
});

test('lede-topic-change and lede-article-open reach document listeners; attribute changes fire nothing', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openHost();
  try {
    const events = () => page.evaluate(() => window.ledeEvents);
    assert.deepEqual(await events(), [], 'nothing fired while loading');

    await topicButton(page, '#v2', 'europe').click();
    await topicButton(page, '#v2', 'sport').click();
    await page.locator('#v2').getByRole('radio', { name: 'all selected topics' }).check();
    await topicButton(page, '#v1', 'sport').click();
    const both = filtered(site.index, ['europe', 'sport'], 'all');
    await viewerList(page, '#v2', both.length);
    const common = { bubbles: true, composed: true };
    assert.deepEqual(await events(), [
      { type: 'lede-topic-change', target: 'v2', detail: { topics: ['europe'], match: 'any' }, ...common },
      { type: 'lede-topic-change', target: 'v2', detail: { topics: ['europe', 'sport'], match: 'any' }, ...common },
      { type: 'lede-topic-change', target: 'v2', detail: { topics: ['europe', 'sport'], match: 'all' }, ...common },
      { type: 'lede-topic-change', target: 'v1', detail: { topics: [], match: 'any' }, ...common },
    ]);

    await page.locator('#v2 .lede-card__headline a', { hasText: both[0].headline }).click();
    await viewerShows(page, '#v2', 'article');
    const opened = (await events()).slice(4);
    assert.deepEqual(opened, [{ type: 'lede-article-open', target: 'v2', detail: { id: both[0].id }, ...common }]);

    // The host's own changes: no events.
    await page.evaluate((id) => {
      const v1 = document.querySelector('#v1');
      v1.setAttribute('topic', 'asia europe');
      v1.setAttribute('match', 'all');
      v1.setAttribute('article', id);
    }, SEED_ID);
    await viewerShows(page, '#v1', 'article');
    await page.evaluate(() => document.querySelector('#v1').removeAttribute('article'));
    await viewerList(page, '#v1', filtered(site.index, ['asia', 'europe'], 'all').length);
    assert.equal((await events()).length, 5, `no events for attribute changes: ${JSON.stringify((await events()).slice(5))}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('removed and re-added, a viewer renders again once, with working controls', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openHost();
  try {
    const inside = () =>
      page.evaluate(() => {
        const root = document.querySelector('#v1').shadowRoot;
        return {
          points: root.querySelectorAll('.lede').length,
          apps: root.querySelectorAll('.lede-app').length,
          filters: root.querySelectorAll('.lede-filter').length,
          toggles: root.querySelectorAll('button.lede-topic').length,
          cards: root.querySelectorAll('.lede-card').length,
        };
      });
    const once = { points: 1, apps: 1, filters: 1, toggles: site.index.topics.length, cards: sportCount() };
    assert.deepEqual(await inside(), once);

    await page.evaluate(() => {
      window.removedV1 = document.querySelector('#v1');
      window.removedV1.remove();
    });
    assert.equal(await page.evaluate(() => window.removedV1.shadowRoot.querySelectorAll('.lede-app').length), 0, 'unmounted on removal');

    await page.evaluate(() => document.body.append(window.removedV1));
    await viewerList(page, '#v1', sportCount());
    assert.deepEqual(await inside(), once, 'rendered again, nothing doubled');

    // Quickly out and in twice: still one app.
    await page.evaluate(() => {
      const v1 = document.querySelector('#v1');
      v1.remove();
      document.body.append(v1);
      v1.remove();
      document.body.prepend(v1);
    });
    await viewerList(page, '#v1', sportCount());
    assert.deepEqual(await inside(), once, 'after quick remove/append cycles, nothing doubled');

    // Its controls work, and an event fires once (no listeners left over from earlier mounts).
    await topicButton(page, '#v1', 'sport').click();
    await viewerList(page, '#v1', site.index.articles.length);
    assert.deepEqual(
      (await page.evaluate(() => window.ledeEvents)).map((e) => `${e.type} ${e.target} ${e.detail.topics}`),
      ['lede-topic-change v1 '],
    );
    await viewerList(page, '#v2', site.index.articles.length);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the viewers read no article ahead: a guest on the host\'s page fetches an article only when it is opened (read_ahead.rs)', { timeout: 90_000 }, async () => {
  const requested = [];
  const { context, page, problems } = await openHost({
    beforeGoto: (p) => p.on('request', (r) => {
      if (/\/corpus\/articles\//.test(new URL(r.url()).pathname)) requested.push(r.url());
    }),
  });
  try {
    // The viewers' idle work: the article page's code, its warm-up, then what the page's own
    // viewer would read ahead.
    await until(page, 'the warm-up', () => performance.getEntriesByName('lede: article page warmed up').length > 0);
    for (let i = 0; i < 3; i++) await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r())));
    await page.waitForTimeout(300);
    assert.deepEqual(requested, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
