// An entity's preview card (README, "What a reader gets"): opened by hover (after a delay, kept
// open while the pointer moves into it), by keyboard focus (Escape closes it, focus stays), by a
// tap on a touch screen (a bottom sheet; the first tap does not navigate, the second does); an
// outside press closes it; it stays inside a 320 px viewport; axe is clean with it open; and
// nothing it shows is fetched from another origin.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations, formatViolations } from './support/axe.mjs';
import { IMAGE_URL } from './support/browser.mjs';
import { SEED_ID } from './support/corpus.mjs';
import { repoRoot } from './support/paths.mjs';
import { useSite } from './support/site.mjs';
import { until, viewShown } from './support/wait.mjs';

const site = useSite();
const AUSTIN = '.lede-article__body a.lede-mention[data-entity="lloyd-austin"]';

async function openSeed(options = {}) {
  const opened = await site.open(`?article=${SEED_ID}`, { abortImages: true, ...options });
  await viewShown(opened.page, 'article');
  await opened.page.locator(AUSTIN).waitFor();
  return opened;
}

/** In-page: the open card's text and box, or null. */
function card() {
  const c = document.querySelector('.lede-preview:not(.lede-preview--placing)');
  if (!c) return null;
  const r = c.getBoundingClientRect();
  return {
    text: c.textContent,
    sheet: c.classList.contains('lede-preview--sheet'),
    box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
    viewport: { width: innerWidth, height: innerHeight },
  };
}

test('hover opens the card after a delay, with the right content, and it stays open inside it', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openSeed();
  try {
    await page.locator(AUSTIN).hover();
    assert.equal(await page.evaluate(card), null, 'not at once: a pointer passing by opens nothing');
    await until(page, 'the card', () => document.querySelector('.lede-preview:not(.lede-preview--placing)') !== null);
    await until(page, 'the description from the entity directory', () =>
      document.querySelector('.lede-preview')?.textContent.includes('Secretary of Defense'));
    const shown = await page.evaluate(card);
    assert.match(shown.text, /Person/);
    assert.match(shown.text, /Lloyd Austin/);
    assert.match(shown.text, /Mentioned in 1 article/);
    assert.equal(shown.sheet, false);
    // Into the card: it stays; its link leads to the entity page.
    await page.locator('.lede-preview').hover();
    await page.waitForTimeout(600);
    assert.notEqual(await page.evaluate(card), null, 'open while the pointer is in it');
    // Away: it closes.
    await page.mouse.move(5, 5);
    await until(page, 'the card closed', () => document.querySelector('.lede-preview') === null);
    // Open again and follow the card's own link to the entity page.
    await page.locator(AUSTIN).hover();
    await until(page, 'the card again', () => document.querySelector('.lede-preview:not(.lede-preview--placing)') !== null);
    await page.locator('.lede-preview a', { hasText: 'Mentioned in' }).click();
    await viewShown(page, 'entity');
    assert.match(page.url(), /entity=lloyd-austin/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('focus opens the card at once; Escape closes it and focus stays on the mention', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openSeed();
  try {
    await page.locator(AUSTIN).focus();
    await until(page, 'the card', () => document.querySelector('.lede-preview:not(.lede-preview--placing)') !== null);
    assert.match((await page.evaluate(card)).text, /Lloyd Austin/);
    await page.keyboard.press('Escape');
    await until(page, 'the card closed', () => document.querySelector('.lede-preview') === null);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.entity), 'lloyd-austin');
    // Tab moves on to the next mention, whose card opens instead: nothing traps focus.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.dataset.entity);
    assert.ok(next && next !== 'lloyd-austin', `focus moved on: ${next}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a tap opens a bottom sheet without navigating; a second tap follows the link; an outside tap closes', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openSeed({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const before = page.url();
    await page.locator(AUSTIN).tap();
    await until(page, 'the sheet', () => document.querySelector('.lede-preview--sheet:not(.lede-preview--placing)') !== null);
    assert.equal(page.url(), before, 'the first tap does not navigate');
    const sheet = await page.evaluate(card);
    assert.ok(sheet.box.bottom <= sheet.viewport.height + 1 && sheet.box.left >= 0 && sheet.box.right <= sheet.viewport.width + 1);
    // A tap elsewhere closes it.
    await page.locator('.lede-article__headline, h1').first().tap();
    await until(page, 'the sheet closed', () => document.querySelector('.lede-preview') === null);
    // Open again, then the second tap on the same mention follows it.
    await page.locator(AUSTIN).tap();
    await until(page, 'the sheet again', () => document.querySelector('.lede-preview--sheet') !== null);
    await page.locator(AUSTIN).tap();
    await viewShown(page, 'entity');
    assert.match(page.url(), /entity=lloyd-austin/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('at 320 px a card opened by focus stays inside the viewport', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openSeed({ viewport: { width: 320, height: 640 } });
  try {
    const ids = await page.$$eval('.lede-article__body a.lede-mention', (as) => as.map((a) => a.dataset.entity));
    for (const id of ids.slice(0, 8)) {
      await page.locator(`.lede-article__body a.lede-mention[data-entity="${id}"]`).focus();
      await until(page, `the card of ${id}`, (entity) => {
        const c = document.querySelector('.lede-preview:not(.lede-preview--placing)');
        return c && document.activeElement?.dataset.entity === entity;
      }, id);
      const { box, viewport } = await page.evaluate(card);
      assert.ok(box.left >= 0 && box.right <= viewport.width, `${id}: ${JSON.stringify(box)}`);
      assert.ok(box.top >= 0 && box.bottom <= viewport.height, `${id}: ${JSON.stringify(box)}`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe is clean with a card open (${colorScheme}), and opening cards requests nothing from another origin`, { timeout: 90_000 }, async () => {
    const foreign = [];
    const { context, page, problems } = await openSeed({
      colorScheme,
      beforeGoto: (p) => p.on('request', (r) => {
        const url = new URL(r.url());
        if (url.origin !== site.server.origin && !IMAGE_URL.test(url.href)) foreign.push(r.url());
      }),
    });
    try {
      for (const id of ['lloyd-austin', 'baghdad', 'islamic-state']) {
        await page.locator(`.lede-article__body a.lede-mention[data-entity="${id}"]`).focus();
        await until(page, `the card of ${id}`, () => document.querySelector('.lede-preview:not(.lede-preview--placing)') !== null);
      }
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations));
      assert.deepEqual(foreign, [], 'no request left the origin');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('forced colours: the card keeps a visible border; axe is clean with a card open and a kind muted', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openSeed({ forcedColors: 'active' });
  try {
    await page.locator('.lede-in-article__group--place .lede-in-article__toggle').click(); // mute places
    await page.locator(AUSTIN).focus();
    await until(page, 'the card', () => document.querySelector('.lede-preview:not(.lede-preview--placing)') !== null);
    const border = await page.evaluate(() => getComputedStyle(document.querySelector('.lede-preview')).borderTopColor);
    assert.notEqual(border, 'rgba(0, 0, 0, 0)', 'a border in forced colours');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// Pictures for people to look at (README): LEDE_SCREENSHOTS=1 writes docs/preview-*.png.
const shots = process.env.LEDE_SCREENSHOTS === '1';
for (const [name, options, tap] of [
  ['desktop-light', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' }, false],
  ['desktop-dark', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' }, false],
  ['phone-sheet', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }, true],
]) {
  test(`screenshot of a preview card, ${name}`, { skip: !shots && 'set LEDE_SCREENSHOTS=1', timeout: 60_000 }, async () => {
    const { context, page } = await openSeed(options);
    try {
      await page.locator(AUSTIN).scrollIntoViewIfNeeded();
      if (tap) await page.locator(AUSTIN).tap();
      else await page.locator(AUSTIN).hover();
      await until(page, 'the card with its description', () =>
        document.querySelector('.lede-preview:not(.lede-preview--placing)')?.textContent.includes('Secretary'));
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(repoRoot, 'docs', `preview-${name}.png`) });
    } finally {
      await context.close();
    }
  });
}
