// Widget attributes of <lede-viewer> (heading, controls, limit, more-href, layout, lang), each changed
// live on a host page on another origin, and the same settings in the iframe's query string.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newestFirst } from './support/corpus.mjs';
import { useEmbedHosts, viewerShows } from './support/embed.mjs';
import { until } from './support/wait.mjs';

const site = useEmbedHosts();

/** In-page: what the viewer `#w` shows of its list's frame. */
function shape() {
  const root = document.querySelector('#w').shadowRoot.querySelector('.lede');
  const page = root.querySelector('.lede-page--list');
  const heading = page.querySelector('.lede-page__title');
  return {
    heading: heading ? `${heading.tagName.toLowerCase()}:${heading.textContent}` : null,
    toggles: page.querySelectorAll('button.lede-topic').length,
    cards: page.querySelectorAll('.lede-card').length,
    showMore: !!page.querySelector('button.lede-more'),
    moreLink: page.querySelector('a.lede-more--link')?.getAttribute('href') ?? null,
    compact: page.classList.contains('lede-page--compact'),
    standfirstShown: [...page.querySelectorAll('.lede-card__standfirst')].some((p) => p.getBoundingClientRect().height > 0),
  };
}

/** Waits until `check(list)` holds for the list page inside `#w`'s shadow root. */
async function settle(page, description, check) {
  await until(
    page,
    description,
    (source) => {
      const list = document.querySelector('#w')?.shadowRoot?.querySelector('.lede-page--list');
      return !!list && !!new Function('p', `return (${source})(p);`)(list);
    },
    check.toString(),
    shape,
  );
}

test('each widget attribute changes the embedded list live', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await site.open('widget.html');
  try {
    await viewerShows(page, '#w', 'list');
    const all = newestFirst(site.index.articles);
    const title = site.index.title;
    await settle(page, 'the default widget', (p) => p.querySelectorAll('.lede-card').length > 0);
    let s = await page.evaluate(shape);
    assert.equal(s.heading, `h2:${title}`, 'embedded: the corpus title as an h2, under the host h1');
    assert.ok(s.toggles > 0, 'topic controls by default');
    assert.equal(s.cards, all.length);
    assert.equal(s.compact, false);

    const set = (name, value) => page.evaluate(([n, v]) => document.querySelector('#w').setAttribute(n, v), [name, value]);

    await set('heading', 'none');
    await settle(page, 'no heading', (p) => !p.querySelector('.lede-page__title'));
    await set('heading', 'h3');
    await settle(page, 'an h3', (p) => p.querySelector('h3.lede-page__title'));
    await set('heading', 'Latest <b>news</b>');
    await settle(page, 'the host text as text', (p) => p.querySelector('h2.lede-page__title')?.textContent === 'Latest <b>news</b>');

    await set('controls', 'none');
    await settle(page, 'no topic controls', (p) => p.querySelectorAll('button.lede-topic').length === 0);

    await set('limit', '3');
    await settle(page, 'three cards and "Show more"', (p) => p.querySelectorAll('.lede-card').length === 3 && p.querySelector('button.lede-more'));
    s = await page.evaluate(shape);
    assert.deepEqual([s.cards, s.showMore, s.moreLink], [3, true, null]);

    await set('more-href', 'https://news.example/all');
    await settle(page, 'a More link instead of Show more', (p) => p.querySelector('a.lede-more--link') && !p.querySelector('button.lede-more'));
    s = await page.evaluate(shape);
    assert.deepEqual([s.cards, s.showMore, s.moreLink], [3, false, 'https://news.example/all']);

    await set('more-href', 'javascript:alert(1)');
    await settle(page, 'an unsafe more-href dropped', (p) => !p.querySelector('a.lede-more--link') && p.querySelector('button.lede-more'));

    await set('layout', 'compact');
    await settle(page, 'the compact layout', (p) => p.classList.contains('lede-page--compact'));
    s = await page.evaluate(shape);
    assert.equal(s.standfirstShown, false, 'compact: headlines without standfirsts');

    // The viewer's own words in another language, fetched from strings/ next to embed.js; the
    // viewer's root says which language they are in.
    const uiLang = () => document.querySelector('#w').shadowRoot.querySelector('.lede').getAttribute('lang');
    assert.equal(await page.evaluate(uiLang), 'en');
    await set('lang', 'fr');
    await settle(page, 'the French words', (p) => /^Afficher \d+ de plus$/.test(p.querySelector('button.lede-more')?.textContent));
    assert.equal(await page.evaluate(uiLang), 'fr');
    await set('lang', 'de-AT');
    await settle(page, 'the German words', (p) => /^\d+ weitere zeigen$/.test(p.querySelector('button.lede-more')?.textContent));
    assert.equal(await page.evaluate(uiLang), 'de');

    await page.evaluate(() => {
      const w = document.querySelector('#w');
      for (const a of ['heading', 'controls', 'limit', 'more-href', 'layout', 'lang']) w.removeAttribute(a);
    });
    await settle(page, 'back to the default widget', (p) => p.querySelectorAll('.lede-card').length > 3 && p.querySelector('h2.lede-page__title') && !p.classList.contains('lede-page--compact') && p.querySelector('.lede-filter__heading')?.textContent === 'Topics');
    assert.equal(await page.evaluate(uiLang), 'en');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the iframe takes the same settings from its query string', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await site.open('widget.html');
  try {
    const frame = page.frameLocator('#wf');
    await frame.locator('.lede-page--list.lede-page--compact').waitFor();
    await frame.locator('.lede-card').nth(3).waitFor();
    assert.equal(await frame.locator('.lede-card').count(), 4);
    assert.equal(await frame.locator('.lede-page__title').count(), 0);
    assert.equal(await frame.locator('button.lede-topic').count(), 0);
    assert.equal(await frame.locator('a.lede-more--link').getAttribute('href'), 'https://news.example/');
    await frame.locator('a.lede-more--link', { hasText: 'Más artículos' }).waitFor();
    assert.equal(await frame.locator('.lede').getAttribute('lang'), 'es');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("without lang a viewer speaks the page's language when its words ship, English otherwise", { timeout: 90_000 }, async () => {
  const { context, page, problems } = await site.open('widget.html');
  try {
    await page.evaluate(() => {
      const src = document.querySelector('#w').getAttribute('src');
      for (const [id, lang] of [['de-viewer', 'de-AT'], ['cs-viewer', 'cs']]) {
        const around = document.createElement('div');
        around.lang = lang;
        const viewer = document.createElement('lede-viewer');
        viewer.id = id;
        viewer.setAttribute('src', src);
        around.append(viewer);
        document.body.append(around);
      }
    });
    const heading = (id) =>
      page.evaluate((i) => document.querySelector(`#${i}`)?.shadowRoot?.querySelector('.lede-filter__heading')?.textContent, id);
    await until(page, 'the German words', (i) =>
      document.querySelector(`#${i}`)?.shadowRoot?.querySelector('.lede-filter__heading')?.textContent === 'Themen', 'de-viewer');
    await viewerShows(page, '#cs-viewer', 'list');
    await page.locator('#cs-viewer .lede-filter__heading').waitFor();
    assert.equal(await heading('cs-viewer'), 'Topics', 'no Czech words ship: English, and no request for them');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
