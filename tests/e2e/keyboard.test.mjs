// 9. The list works from the keyboard alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const site = useSite();

const focusedInfo = () => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body' };
  return {
    tag: el.tagName.toLowerCase(),
    cls: el.className,
    text: el.textContent.trim(),
    pressed: el.getAttribute('aria-pressed'),
    headline: !!el.closest('.lede-card__headline'),
    firstTopic: el === document.querySelector('button.lede-topic'),
  };
};

test('Tab reaches the first topic, Space and Enter toggle it, Enter on a headline opens it', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', { abortImages: true });
  try {
    await viewShown(page, 'list');
    await listHeadlines(page, site.index.articles.length);
    const firstLabel = site.index.topics[0].label;

    // From the start of the page: the first tab stop is (after at most the page heading) the first toggle.
    let info;
    let tabs = 0;
    do {
      await page.keyboard.press('Tab');
      tabs += 1;
      info = await page.evaluate(focusedInfo);
    } while (!info.firstTopic && tabs < 3);
    assert.equal(info.firstTopic, true, `Tab from the top reaches the first topic toggle (after ${tabs} presses focus was ${JSON.stringify(info)})`);
    assert.ok(info.text.startsWith(firstLabel), `it is the ${firstLabel} toggle: ${info.text}`);
    assert.equal(info.pressed, 'false');

    await page.keyboard.press('Space');
    await until(page, 'Space to press the toggle', () => document.activeElement?.getAttribute('aria-pressed') === 'true');
    // The address is written once the answer is painted (web/history.rs).
    await until(page, 'the topic in the URL', (id) => new URL(location.href).searchParams.getAll('topic').join() === id, site.index.topics[0].id);
    await page.keyboard.press('Enter');
    await until(page, 'Enter to release the toggle', () => document.activeElement?.getAttribute('aria-pressed') === 'false');
    await until(page, 'no topic in the URL', () => !new URL(location.href).searchParams.has('topic'));

    // On to the first headline link.
    tabs = 0;
    do {
      await page.keyboard.press('Tab');
      tabs += 1;
      info = await page.evaluate(focusedInfo);
    } while (!info.headline && tabs < 60);
    assert.equal(info.headline, true, `Tab reaches a headline link (focus: ${JSON.stringify(info)})`);
    const headline = info.text;
    await page.keyboard.press('Enter');
    await viewShown(page, 'article');
    assert.equal((await page.textContent('h1.lede-article__headline')).trim(), headline);
    const onHeading = await page.evaluate(() => document.activeElement?.matches('h1.lede-article__headline'));
    assert.equal(onHeading, true, 'focus moves to the article heading');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the list page kept behind an article is out of reach: not in the tab order or the roles, and the article is named by its own heading', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', { abortImages: true });
  try {
    await viewShown(page, 'list');
    await listHeadlines(page, site.index.articles.length);
    await page.locator('ol.lede-list > li .lede-card__headline a').first().click();
    await viewShown(page, 'article');
    const headline = (await page.textContent('h1.lede-article__headline')).trim();
    // The list page is still in the document (app/kept_page.rs), hidden.
    await until(page, 'the list page kept in the document, hidden', () => document.querySelectorAll('.lede-kept--away .lede-card').length > 0);
    // One level-1 heading as a reader gets it, the article's; no card of the list.
    const h1s = await page.getByRole('heading', { level: 1 }).allTextContents();
    assert.deepEqual(h1s.map((t) => t.trim()), [headline]);
    assert.equal(await page.getByRole('button', { name: new RegExp(site.index.topics[0].label) }).count(), 0, 'no topic toggle of the list');
    // The article's accessible name is its headline, not the list's title (ids are per page).
    assert.equal(await page.getByRole('article', { name: headline }).count(), 1);
    // Tab from the top of the page never lands in the kept page.
    await page.evaluate(() => document.activeElement?.blur());
    for (let tabs = 0; tabs < 40; tabs++) {
      await page.keyboard.press('Tab');
      const inKept = await page.evaluate(() => !!document.activeElement?.closest('.lede-kept'));
      assert.equal(inKept, false, `Tab ${tabs + 1} reached the hidden list page`);
    }
    // Back: the list shows again, reachable as before.
    await page.goBack();
    await viewShown(page, 'list');
    assert.equal(await page.locator('.lede-kept--away').count(), 0);
    assert.ok(await page.getByRole('button', { name: new RegExp(site.index.topics[0].label) }).count() > 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a skip link past the topic toggles: the first Tab reaches it, Enter goes to the articles, the next Tab to the first one', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', { viewport: { width: 320, height: 640 } });
  try {
    await viewShown(page, 'list');
    await page.locator('.lede-card').first().waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ cls: document.activeElement?.className, text: document.activeElement?.textContent }));
    assert.equal(first.cls, 'lede-skip');
    assert.equal(first.text, 'Skip to articles');
    await page.keyboard.press('Enter');
    await until(page, 'focus on the results heading', () => document.activeElement?.tagName === 'H2' && document.activeElement.closest('.lede-results-region') !== null);
    assert.equal(new URL(page.url()).hash, '', 'no fragment in the URL');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.closest('.lede-card')?.querySelector('h3')?.textContent);
    const newest = await page.evaluate(() => document.querySelector('.lede-card h3').textContent);
    assert.equal(next, newest, 'the next Tab reaches the first article');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a followed link gives up focus before its page goes (a focused link leaving the document made Chromium lay out the half-built next page at once)', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('', { abortImages: true });
  try {
    await viewShown(page, 'list');
    // `lede-article-open` is dispatched as the article's state is set, before the list page is
    // taken out (an effect, later): what has focus then, and whether the link is still there.
    const seen = () =>
      page.evaluate(() => {
        window.__atOpen = null;
        document.addEventListener(
          'lede-article-open',
          () => {
            const link = document.querySelector('ol.lede-list > li:nth-child(2) article.lede-card h3 a');
            window.__atOpen = { active: document.activeElement?.tagName.toLowerCase(), linkConnected: !!link?.isConnected };
          },
          { once: true },
        );
      });
    const link = page.locator('ol.lede-list > li:nth-child(2) article.lede-card h3 a');

    // From the keyboard: the link has focus, Enter follows it.
    await seen();
    await link.focus();
    await page.keyboard.press('Enter');
    await viewShown(page, 'article');
    let atOpen = await page.evaluate(() => window.__atOpen);
    assert.deepEqual(atOpen, { active: 'body', linkConnected: true }, 'focus left the link while it was still in the document');
    await until(page, 'focus on the article heading', () => document.activeElement?.matches('h1.lede-article__headline'));

    // With the mouse (a press focuses the link).
    await page.goBack();
    await viewShown(page, 'list');
    await seen();
    await link.click();
    await viewShown(page, 'article');
    atOpen = await page.evaluate(() => window.__atOpen);
    assert.deepEqual(atOpen, { active: 'body', linkConnected: true }, 'the same for a click');
    assert.deepEqual(problems, [], 'no page errors or console errors');
  } finally {
    await context.close();
  }
});
