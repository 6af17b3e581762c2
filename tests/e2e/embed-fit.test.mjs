// Embeds that fit any host (README, "Embedding"): the standalone page, <lede-viewer> and the
// iframe mode share one set of theme tokens; the layout follows the viewer's own width (container
// queries), not the window's; theme="auto" follows the host page's colour scheme; a corpus that
// fails shows its error inside the embed; and an element's children are its fallback until the
// viewer starts, and for good if it cannot. Host pages: tests/e2e/fixtures/embed-host/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_ID, filtered } from './support/corpus.mjs';
import { useEmbedHosts, viewerList, viewerShows } from './support/embed.mjs';
import { TIMEOUT, until } from './support/wait.mjs';

const site = useEmbedHosts();
const sportCount = () => filtered(site.index, ['sport']).length;
const allCount = () => site.index.articles.length;
const WIDE = { viewport: { width: 1400, height: 900 } };

/**
 * The content frame of the iframe `#id`, once it lists `count` cards. Polled on a timer, not on
 * animation frames: Chromium does not render a cross-origin frame that is off screen.
 */
async function frameWithCards(page, id, count) {
  const frame = await page.locator(`#${id}`).elementHandle().then((h) => h.contentFrame());
  await frame.waitForFunction((n) => document.querySelectorAll('.lede-page--list .lede-card').length === n, count, {
    timeout: TIMEOUT,
    polling: 100,
  });
  return frame;
}

/**
 * In-page (a document or a shadow root, found by `where`): the computed styles the three modes
 * must share. `where` is [selector of a <lede-viewer>] or null for the document itself.
 */
function themeSample(selector) {
  const root = selector ? document.querySelector(selector).shadowRoot : document;
  const style = (s) => {
    const element = root.querySelector(s);
    return element ? getComputedStyle(element) : null;
  };
  const point = style('.lede');
  const pressed = style('button.lede-topic[aria-pressed=true]');
  const headline = style('.lede-card__headline');
  return {
    uiFont: point.fontFamily,
    bodyFont: headline.fontFamily,
    text: point.color,
    background: point.backgroundColor,
    pressedBackground: pressed.backgroundColor,
    pressedBorder: pressed.borderTopColor,
    pressedText: pressed.color,
  };
}

/** In-page: the link colour (the article page's "back" link) and the article text's font. */
function articleSample(selector) {
  const root = selector ? document.querySelector(selector).shadowRoot : document;
  const link = root.querySelector('.lede-back a');
  const body = root.querySelector('.lede-article__body');
  return { link: getComputedStyle(link).color, articleFont: getComputedStyle(body).fontFamily };
}

test('one set of theme tokens: the standalone page, <lede-viewer> and the iframe look the same on a plain light host', { timeout: 120_000 }, async () => {
  const { context, page, problems } = await site.open('plain.html');
  try {
    await viewerList(page, '#p1', sportCount());
    const frame = await frameWithCards(page, 'pf', sportCount());
    const standalone = await context.newPage();
    await standalone.goto(`${site.viewer.base}?topic=sport`);
    await until(standalone, 'the standalone list', (n) => document.querySelectorAll('.lede-card').length === n, sportCount());

    const element = await page.evaluate(themeSample, '#p1');
    const framed = await frame.evaluate(themeSample, null);
    const own = await standalone.evaluate(themeSample, null);
    assert.match(own.bodyFont, /Charter/, `the viewer's own fonts: ${JSON.stringify(own)}`);
    assert.equal(own.background, 'rgb(253, 252, 249)', 'the light background (the reader prefers light here)');
    assert.deepEqual(element, own, '<lede-viewer> on the plain page matches the standalone page');
    assert.deepEqual(framed, own, 'the iframe on the plain page matches the standalone page');

    // The article page: links and article text.
    await page.evaluate((id) => document.querySelector('#p1').setAttribute('article', id), SEED_ID);
    await viewerShows(page, '#p1', 'article');
    await page.locator('#p1 .lede-article__body p').first().waitFor();
    await frame.locator('.lede-card__headline a').first().click();
    await frame.locator('.lede-article__body p').first().waitFor();
    await standalone.goto(`${site.viewer.base}?article=${SEED_ID}`);
    await standalone.locator('.lede-article__body p').first().waitFor();
    const ownArticle = await standalone.evaluate(articleSample, null);
    assert.equal(ownArticle.link, 'rgb(11, 79, 138)', 'the light link colour');
    assert.deepEqual(await page.evaluate(articleSample, '#p1'), ownArticle, '<lede-viewer> article page');
    assert.deepEqual(await frame.evaluate(articleSample, null), ownArticle, 'iframe article page');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/**
 * In-page: how the viewer fits its container `root` (a .lede element): what overflows it, and the
 * narrowest headline as a share of the container's width.
 */
function fitOf(selector) {
  const root = selector ? document.querySelector(selector).shadowRoot.querySelector('.lede') : document.querySelector('.lede');
  const container = selector ? document.querySelector(selector).parentElement : document.documentElement;
  const edge = root.getBoundingClientRect();
  const overflowing = [];
  const boxes = [root, ...root.querySelectorAll('.lede-card, .lede-filter, .lede-article, .lede-error')];
  for (const box of boxes) {
    if (box.scrollWidth > box.clientWidth) overflowing.push(`${box.className}: scrollWidth ${box.scrollWidth} > clientWidth ${box.clientWidth}`);
  }
  // Inside a sideways scroller (the topic toggles in a narrow viewer), an element out of view
  // is scrolled, not overflowing: the scroller itself is checked like any other element.
  const scrolled = (element) => {
    for (let e = element.parentElement; e && e !== root; e = e.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true;
    }
    return false;
  };
  for (const element of root.querySelectorAll('*')) {
    if (element.closest('.lede-visually-hidden') || scrolled(element)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.left < edge.left - 0.5 || rect.right > edge.right + 0.5) {
      overflowing.push(`${element.tagName.toLowerCase()}.${element.className}: ${rect.left}..${rect.right} outside ${edge.left}..${edge.right}`);
    }
  }
  const headlines = [...root.querySelectorAll('.lede-card__headline')].map((h) => h.getBoundingClientRect().width);
  return {
    container: container.clientWidth,
    root: edge.width,
    documentOverflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    overflowing: overflowing.slice(0, 10),
    cards: headlines.length,
    narrowestHeadline: Math.min(...headlines),
    columns: [...root.querySelectorAll('.lede-card')].map((c) => getComputedStyle(c).gridTemplateColumns.split(' ').length),
  };
}

function assertFits(fit, width, what) {
  assert.equal(fit.container, width, `${what}: the container is ${width} px wide`);
  assert.ok(Math.abs(fit.root - width) <= 1, `${what}: the viewer fills its container: ${fit.root}`);
  assert.deepEqual(fit.overflowing, [], `${what}: nothing overflows`);
  assert.equal(fit.cards, allCount(), `${what}: every card is there`);
  assert.ok(fit.narrowestHeadline >= 0.6 * width, `${what}: headlines get at least 60 % of ${width} px: ${fit.narrowestHeadline}`);
}

test('<lede-viewer> fits a 240 px and a 300 px sidebar and a 1280 px column (container queries, not the window)', { timeout: 120_000 }, async () => {
  const { context, page, problems } = await site.open('fit.html', WIDE);
  try {
    for (const width of [240, 300, 1280]) {
      await viewerList(page, `#w${width}`, allCount());
      const fit = await page.evaluate(fitOf, `#w${width}`);
      assertFits(fit, width, `<lede-viewer> in ${width} px`);
      // Thumbnails beside the text only where the viewer itself is wide (the window is 1400 px).
      const expected = width === 1280 ? 2 : 1;
      assert.ok(fit.columns.every((n) => n <= expected), `${width} px: cards have at most ${expected} column(s): ${fit.columns}`);
      if (width === 1280) assert.ok(fit.columns.includes(2), 'at 1280 px a card with a picture has it beside the text');
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true);

    // The article page and the entity page in the narrowest sidebar.
    await page.evaluate((id) => document.querySelector('#w240').setAttribute('article', id), SEED_ID);
    await viewerShows(page, '#w240', 'article');
    await page.locator('#w240 .lede-article__body p').first().waitFor();
    let fit = await page.evaluate(fitOf, '#w240');
    assert.deepEqual(fit.overflowing, [], `the article in 240 px: nothing overflows`);
    await page.evaluate(() => document.querySelector('#w240').setAttribute('entity', 'baghdad'));
    await viewerShows(page, '#w240', 'entity');
    fit = await page.evaluate(fitOf, '#w240');
    assert.deepEqual(fit.overflowing, [], `the entity page in 240 px: nothing overflows`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the iframe fits 240, 300 and 1280 px as well', { timeout: 120_000 }, async () => {
  const { context, page, problems } = await site.open('fit-frames.html', WIDE);
  try {
    for (const width of [240, 300, 1280]) {
      const frame = await frameWithCards(page, `f${width}`, allCount());
      // Sized to its content by frame-parent.js, so no scroll bar takes width from it.
      await page.locator(`#f${width}`).scrollIntoViewIfNeeded();
      await frame.waitForFunction(() => document.documentElement.scrollHeight <= innerHeight, null, { timeout: TIMEOUT, polling: 100 });
      const fit = await frame.evaluate(fitOf, null);
      assertFits(fit, width, `the iframe at ${width} px`);
      assert.equal(fit.documentOverflow, false, `the frame at ${width} px does not scroll sideways`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

const luminance = (rgb) =>
  rgb
    .match(/[\d.]+/g)
    .slice(0, 3)
    .map(Number)
    .reduce((a, b) => a + b, 0);

/** The viewer's background in the element `selector`, or in the frame `frame`. */
const elementBackground = (page, selector) =>
  page.evaluate((s) => getComputedStyle(document.querySelector(s).shadowRoot.querySelector('.lede')).backgroundColor, selector);
const frameBackground = (frame) => frame.evaluate(() => getComputedStyle(document.querySelector('.lede')).backgroundColor);

async function isDark(read, what, dark) {
  // Waits (the iframe hears the parent's scheme by message), then asserts.
  const deadline = Date.now() + TIMEOUT;
  let seen;
  while (Date.now() < deadline) {
    seen = await read();
    if ((luminance(seen) < 150) === dark) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what}: expected a ${dark ? 'dark' : 'light'} background, saw ${seen}`);
}

test('theme="auto" follows the host page\'s colour scheme, not the reader\'s, unless the page supports both', { timeout: 120_000 }, async () => {
  // The reader's system is dark; the page declares no scheme of its own.
  const { context, page, problems } = await site.open('scheme.html', { colorScheme: 'dark' });
  try {
    for (const id of ['s-none', 's-light', 's-dark', 's-both']) await viewerList(page, `#${id}`, sportCount());
    const schemes = await page.evaluate(() =>
      Object.fromEntries(['s-none', 's-light', 's-dark', 's-both'].map((id) => [id, getComputedStyle(document.getElementById(id)).colorScheme])),
    );
    assert.deepEqual(schemes, { 's-none': 'normal', 's-light': 'light', 's-dark': 'dark', 's-both': 'light dark' }, 'the elements compute the host scheme');
    await isDark(() => elementBackground(page, '#s-none'), 'a host that declares nothing', false);
    await isDark(() => elementBackground(page, '#s-light'), 'a host that declares light', false);
    await isDark(() => elementBackground(page, '#s-dark'), 'a host that declares dark', true);
    await isDark(() => elementBackground(page, '#s-both'), 'a host that supports both (the reader is dark)', true);

    // The theme attribute forces it, live, and auto gives the host's back.
    const theme = (id, value) =>
      page.evaluate(([i, v]) => (v === null ? document.getElementById(i).removeAttribute('theme') : document.getElementById(i).setAttribute('theme', v)), [id, value]);
    await theme('s-none', 'dark');
    await theme('s-dark', 'light');
    await isDark(() => elementBackground(page, '#s-none'), 'theme="dark" on a light host', true);
    await isDark(() => elementBackground(page, '#s-dark'), 'theme="light" on a dark host', false);
    await theme('s-none', 'auto');
    await theme('s-dark', null);
    await isDark(() => elementBackground(page, '#s-none'), 'theme="auto" again', false);
    await isDark(() => elementBackground(page, '#s-dark'), 'no theme again', true);
    // The host switching itself to dark: the element follows (nothing but CSS).
    await page.evaluate(() => (document.documentElement.style.colorScheme = 'dark'));
    await isDark(() => elementBackground(page, '#s-none'), 'the host switched to dark', true);
    await page.evaluate(() => (document.documentElement.style.colorScheme = ''));
    await isDark(() => elementBackground(page, '#s-none'), 'the host back to no scheme', false);

    // The iframe: frame-parent.js tells each frame its element's scheme; ?theme= forces it.
    const none = await frameWithCards(page, 'sf-none', sportCount());
    const dark = await frameWithCards(page, 'sf-dark', sportCount());
    const forced = await frameWithCards(page, 'sf-forced', sportCount());
    await isDark(() => frameBackground(none), 'a frame on a host that declares nothing', false);
    await isDark(() => frameBackground(dark), 'a frame in a dark part of the host', true);
    await isDark(() => frameBackground(forced), 'a frame with ?theme=dark', true);
    // A dark-mode switch on the host's <html>: frame-parent.js passes it on.
    await page.evaluate(() => (document.documentElement.style.colorScheme = 'dark'));
    await isDark(() => frameBackground(none), 'the frame after the host switched to dark', true);
    await page.evaluate(() => (document.documentElement.style.colorScheme = 'light dark'));
    await isDark(() => frameBackground(none), 'the frame on a host that supports both (the reader is dark)', true);
    await page.evaluate(() => (document.documentElement.style.colorScheme = 'light'));
    await isDark(() => frameBackground(none), 'the frame after the host switched to light', false);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a corpus that fails shows the error panel inside the element, sized to it, with a lede: message', { timeout: 120_000 }, async () => {
  const messages = [];
  const { context, page, problems } = await site.open('errors.html', {
    beforeGoto: (p) => p.on('console', (m) => m.type() === 'error' && messages.push(m.text())),
  });
  try {
    const expected = {
      e404: /File not found/,
      ecors: /Could not reach the server/,
      ejson: /not a valid Lede file/,
    };
    for (const [id, title] of Object.entries(expected)) {
      const alert = page.locator(`#${id} .lede-error[role=alert]`);
      await alert.waitFor();
      assert.match(await alert.locator('.lede-error__title').textContent(), title, `#${id}`);
      const box = await page.evaluate((i) => {
        const host = document.getElementById(i);
        const panel = host.shadowRoot.querySelector('.lede-error');
        const point = host.shadowRoot.querySelector('.lede');
        const r = panel.getBoundingClientRect();
        const h = host.getBoundingClientRect();
        return { left: r.left, right: r.right, height: r.height, hostLeft: h.left, hostRight: h.right, hostHeight: h.height, overflow: point.scrollWidth > point.clientWidth };
      }, id);
      assert.ok(box.hostHeight > 100 && box.height > 50, `#${id} is visible, not 0 px tall: ${JSON.stringify(box)}`);
      assert.ok(box.left >= box.hostLeft && box.right <= box.hostRight && !box.overflow, `#${id}'s panel fits its 300 px: ${JSON.stringify(box)}`);
    }
    const ledes = messages.filter((m) => m.startsWith('lede:'));
    for (const name of ['missing.json', 'malformed.json']) {
      assert.ok(ledes.some((m) => m.includes(name)), `a lede: console error names ${name}: ${JSON.stringify(messages)}`);
    }
    assert.ok(ledes.length >= 3, `one lede: error per failing viewer: ${JSON.stringify(ledes)}`);
    // The only problems: the browser's own reports of the 404 and the CORS refusal, and the viewers' errors.
    const unexpected = problems.filter((p) => !/missing\.json|malformed\.json|CORS|lede:/.test(p));
    assert.deepEqual(unexpected, []);
  } finally {
    await context.close();
  }
});

/** Whether the fallback link of #fb1 is visible, and what #fb2 (no children) shows. */
function fallbackState() {
  const link = document.getElementById('fallback-link');
  const rect = link.getBoundingClientRect();
  const note = document.getElementById('fb2').shadowRoot?.querySelector('.lede-fallback__note');
  return {
    link: rect.width > 0 && rect.height > 0 && getComputedStyle(link).visibility === 'visible' && !!link.checkVisibility(),
    note: note && note.checkVisibility() ? note.textContent : null,
    started: !!document.getElementById('fb1').shadowRoot?.querySelector('.lede-app'),
  };
}

test('fallback children: shown until the viewer starts, hidden once it has', { timeout: 120_000 }, async () => {
  // The wasm is held back until the test has seen the fallback.
  let release;
  const held = new Promise((r) => (release = r));
  const { context, page, problems } = await site.open('fallback.html', {
    beforeGoto: (p) =>
      p.route('**/lede_bg.wasm', async (route) => {
        await held;
        await route.continue();
      }),
  });
  try {
    await until(page, 'the element to be defined', () => !!customElements.get('lede-viewer'));
    assert.deepEqual(await page.evaluate(fallbackState), { link: true, note: null, started: false }, 'while the viewer loads, its children show');
    release();
    await viewerList(page, '#fb1', site.index.articles.length);
    assert.deepEqual(await page.evaluate(fallbackState), { link: false, note: null, started: true }, 'once it has started, the viewer replaces them');
    assert.deepEqual(problems, []);
  } finally {
    release();
    await context.close();
  }
});

for (const [blocked, pattern, how] of [
  ['embed.js', '**/lede/embed.js', (route) => route.fulfill({ status: 404, body: 'not found' })],
  ['the JS glue', '**/lede/lede.js', (route) => route.abort('blockedbyclient')],
  ['the wasm', '**/lede/lede_bg.wasm', (route) => route.abort('blockedbyclient')],
]) {
  test(`fallback children stay when ${blocked} cannot load`, { timeout: 60_000 }, async () => {
    const messages = [];
    const errors = [];
    const { context, page } = await site.open('fallback.html', {
      beforeGoto: (p) => {
        p.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
        p.on('pageerror', (e) => errors.push(e.message));
        return p.route(pattern, how);
      },
    });
    try {
      await page.waitForLoadState('load');
      if (blocked === 'embed.js') {
        // Nothing defines the element: the browser shows its children as it would any element's.
        await page.waitForTimeout(500);
        assert.equal(await page.evaluate(() => !!customElements.get('lede-viewer')), false);
        assert.equal((await page.evaluate(fallbackState)).link, true, 'the fallback link is visible');
      } else {
        await until(page, 'the note in the element without children', () => {
          const note = document.getElementById('fb2').shadowRoot?.querySelector('.lede-fallback__note');
          return !!note && note.checkVisibility();
        });
        const state = await page.evaluate(fallbackState);
        assert.deepEqual(state, { link: true, note: 'The news cannot be shown here.', started: false }, 'the children stay; an empty element says so');
        const ledes = messages.filter((m) => m.startsWith('error: lede:'));
        assert.equal(ledes.length, 1, `one lede: error for the page: ${JSON.stringify(messages)}`);
        assert.match(ledes[0], /could not start/);
        assert.deepEqual(errors, [], 'no uncaught error');
      }
      await page.locator('#fallback-link').click();
      await page.waitForURL(site.host.url('news/'));
    } finally {
      await context.close();
    }
  });
}

for (const [blocked, file] of [
  ['the JS glue', 'lede.js'],
  ['the wasm', 'lede_bg.wasm'],
]) {
  test(`the iframe says so when ${blocked} cannot load`, { timeout: 60_000 }, async () => {
    const messages = [];
    const { context, page } = await site.open('plain.html', {
      beforeGoto: (p) => {
        p.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
        return p.context().route(`**/lede/${file}`, (route) => route.abort('blockedbyclient'));
      },
    });
    try {
      const frame = await page.locator('#pf').elementHandle().then((h) => h.contentFrame());
      const alert = frame.locator('.lede-error[role=alert]');
      await alert.waitFor({ timeout: TIMEOUT, polling: 100 });
      assert.match(await alert.textContent(), /cannot be shown here/);
      assert.ok(messages.some((m) => m.startsWith('error: lede: embed.html could not start')), JSON.stringify(messages));
    } finally {
      await context.close();
    }
  });
}
