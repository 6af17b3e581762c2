// Waiting on the page's state (never on the clock), with failures that say what was seen.
import assert from 'node:assert/strict';

export const TIMEOUT = Number(process.env.LEDE_E2E_TIMEOUT_MS || 20_000);

/**
 * Waits until `fn(arg)`, evaluated in the page, returns a truthy value; returns that value.
 * On timeout, fails with `what` and the last value of `describe(arg)` (also evaluated in the page).
 */
export async function until(page, what, fn, arg, describe) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout: TIMEOUT, polling: 'raf' });
    return await handle.jsonValue();
  } catch (error) {
    let seen = '';
    try {
      seen = JSON.stringify(await page.evaluate(describe || (() => document.querySelector('[data-lede]')?.innerText?.slice(0, 800)), arg));
    } catch (inner) {
      seen = `(could not read the page: ${inner.message})`;
    }
    assert.fail(`Timed out waiting for ${what}.\nLast seen: ${seen}\nURL: ${page.url()}\n${error.message.split('\n')[0]}`);
  }
}

/** What a kept page hidden behind another one is not (app/kept_page.rs). */
const ON_SCREEN = ':not(.lede-kept--away *)';

/** Waits until the view with this class (list, article, entity) is shown and settled: the
 * browser idle once after it, by when a new page's address is in the address bar (it is written
 * once the click's answer is painted: web/history.rs). */
export async function viewShown(page, kind) {
  // Not the list page kept, hidden, behind another page (app/kept_page.rs).
  const selector = `.lede-page--${kind}${ON_SCREEN}`;
  await until(page, `the ${kind} view (${selector})`, (s) => !!document.querySelector(s), selector);
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(), { timeout: 1000 })));
}

/** The list view's card headlines, in order, once the list holds `count` cards (the list on
 * screen: ON_SCREEN written out, as the page's code cannot see this module). */
export async function listHeadlines(page, count) {
  await until(
    page,
    `a list with ${count} article(s) and a matching result summary`,
    (n) =>
      document.querySelectorAll('.lede-page--list:not(.lede-kept--away *) ol.lede-list > li > article.lede-card').length === n ||
      (n === 0 && !!document.querySelector('.lede-page--list:not(.lede-kept--away *) .lede-empty')),
    count,
    () => ({
      cards: document.querySelectorAll('.lede-page--list .lede-card').length,
      results: document.querySelector('.lede-results')?.textContent,
      body: document.querySelector('[data-lede]')?.innerText?.slice(0, 300),
    }),
  );
  return page.$$eval('.lede-page--list .lede-card .lede-card__headline a', (as) => as.map((a) => a.textContent.trim()));
}
