// 2. Topic filter: toggles, any/all, counts, the URL, clearing, and the empty state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, formatViolations } from './support/axe.mjs';
import { filtered, topicCounts, topicLabel } from './support/corpus.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until, viewShown } from './support/wait.mjs';

const site = useSite();

/** Asserts the whole list view matches `selected`/`mode` as computed from the index. */
async function expectFilter(page, selected, mode) {
  const { index } = site;
  const expected = filtered(index, selected, mode);
  const headlines = await listHeadlines(page, expected.length);
  assert.deepEqual(headlines, expected.map((a) => a.headline), `list for [${selected}] (${mode})`);
  const summary = selected.length === 0 ? `${index.articles.length} articles` : `Showing ${expected.length} of ${index.articles.length} articles`;
  await until(page, `result summary "${summary}"`, (s) => document.querySelector('p.lede-results')?.textContent.trim() === s, summary,
    () => document.querySelector('p.lede-results')?.textContent);

  const toggles = await page.$$eval('.lede-filter button.lede-topic', (bs) =>
    bs.map((b) => ({ pressed: b.getAttribute('aria-pressed'), count: b.querySelector('.lede-topic__count')?.textContent.trim() })),
  );
  assert.equal(toggles.length, index.topics.length, 'one toggle per topic');
  const counts = topicCounts(index, selected, mode);
  index.topics.forEach((t, i) => {
    assert.equal(toggles[i].pressed, String(selected.includes(t.id)), `aria-pressed of ${t.id}`);
    assert.equal(toggles[i].count, String(counts[i]), `count of ${t.id} for [${selected}] (${mode})`);
  });

  // The address is written once the answer is painted (web/history.rs).
  // Topics and mode together: switching "any" to "all" leaves the topics as they were, so
  // waiting on the topics alone passed before match=all was written (a CI failure).
  await until(page, 'the selection and its mode in the URL', ([t, all]) => {
    const q = new URL(location.href).searchParams;
    return q.getAll('topic').join() === t && (q.get('match') === 'all') === all;
  }, [selected.join(), mode === 'all']);
  const params = new URL(page.url()).searchParams;
  assert.deepEqual(params.getAll('topic'), selected, 'topic= parameters, in selection order');
  if (mode === 'all') assert.equal(params.get('match'), 'all', 'match=all in the URL');
  else assert.notEqual(params.get('match'), 'all', 'no match=all in the URL');
  assert.equal(await page.isChecked(`.lede-filter input[type=radio][value=${mode}]`), true, `"${mode}" radio checked`);
  assert.equal(await page.isDisabled('.lede-filter button:has-text("Clear topics")'), selected.length === 0, 'Clear topics enabled iff a selection');
}

test('topics filter the list: any, all, counts, URL, clear, empty state', { timeout: 90_000 }, async () => {
  const { index } = site;
  const { context, page, problems } = await site.open();
  try {
    await viewShown(page, 'list');
    await expectFilter(page, [], 'any');
    const historyLength = await page.evaluate(() => history.length);

    // Two topics that overlap without one containing the other, so union != intersection.
    const [first, second] = pickOverlappingPair(index);
    const toggle = (id) => page.getByRole('button', { name: topicLabel(index, id), exact: true });

    await toggle(first).click();
    await expectFilter(page, [first], 'any');
    await toggle(second).click();
    await expectFilter(page, [first, second], 'any');

    await page.getByRole('radio', { name: 'all selected topics' }).check();
    await expectFilter(page, [first, second], 'all');

    assert.equal(await page.evaluate(() => history.length), historyLength, 'topic changes replace the history entry, never push');

    await page.locator('.lede-filter').getByRole('button', { name: 'Clear topics' }).click();
    await expectFilter(page, [], 'all');

    // A combination no article has in "all" mode: the empty state, with its own way out.
    const [a, b] = pickDisjointPair(index);
    await toggle(a).click();
    await toggle(b).click();
    await page.locator('.lede-page--list .lede-empty').waitFor({ state: 'visible' });
    await expectFilter(page, [a, b], 'all');
    assert.equal(await page.locator('ol.lede-list > li').count(), 0, 'no cards with the empty state');
    await page.locator('.lede-empty').getByRole('button', { name: 'Clear topics' }).click();
    await expectFilter(page, [], 'all');
    await page.locator('.lede-empty').waitFor({ state: 'detached' });

    assert.deepEqual(problems, [], 'no page errors or console errors');
  } finally {
    await context.close();
  }
});

function pickOverlappingPair(index) {
  const ids = index.topics.map((t) => t.id);
  const has = (t) => index.articles.filter((a) => a.topics.includes(t));
  for (const x of ids) {
    for (const y of ids) {
      if (x === y) continue;
      const both = filtered(index, [x, y], 'all').length;
      if (both > 0 && both < has(x).length && both < has(y).length) return [x, y];
    }
  }
  throw new Error('the corpus has no two partly overlapping topics');
}

function pickDisjointPair(index) {
  const ids = index.topics.map((t) => t.id).filter((t) => filtered(index, [t]).length > 0);
  for (const x of ids) for (const y of ids) if (x !== y && filtered(index, [x, y], 'all').length === 0) return [x, y];
  throw new Error('every two topics of the corpus share an article');
}

test('forced colours: a selected topic looks different from the others (WCAG 1.4.1)', { timeout: 60_000 }, async () => {
  const [first, second] = site.index.topics;
  const { context, page, problems } = await site.open(`?topic=${first.id}`, { forcedColors: 'active' });
  try {
    await page.locator('button.lede-topic[aria-pressed="true"]').waitFor();
    const look = (pressed) =>
      page.evaluate((p) => {
        const b = document.querySelector(`button.lede-topic[aria-pressed="${p}"]`);
        const s = getComputedStyle(b);
        return [s.backgroundColor, s.color];
      }, pressed);
    const [on, off] = [await look('true'), await look('false')];
    assert.notDeepEqual(on, off, `pressed ${on} vs not ${off}`);
    assert.ok(second, 'the corpus has more than one topic');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a count is what a click then shows, in any and all modes (issue: counts that predict)', { timeout: 90_000 }, async () => {
  const { index } = site;
  const [first, second] = pickOverlappingPair(index);
  for (const mode of ['any', 'all']) {
    const query = `?topic=${first}${mode === 'all' ? '&match=all' : ''}`;
    const { context, page, problems } = await site.open(query);
    try {
      await viewShown(page, 'list');
      for (const t of index.topics.filter((t) => t.id !== first).slice(0, 6).concat(index.topics.filter((t) => t.id === second))) {
        const button = page.getByRole('button', { name: t.label, exact: true });
        const shown = Number((await button.locator('.lede-topic__count').textContent()).trim());
        await button.click();
        const expected = filtered(index, [first, t.id], mode).length;
        const listed = await until(page, `the list with ${t.id} added (${mode})`, (n) => {
          const p = document.querySelector('p.lede-results')?.textContent ?? '';
          const m = p.match(/Showing (\d+) of/);
          return m && Number(m[1]) === n ? m[1] : false; // a string: a count of 0 is an answer too
        }, expected);
        assert.equal(shown, Number(listed), `${t.id} (${mode}): the count was ${shown}, the click showed ${listed}`);
        await button.click(); // back to the one topic
        await until(page, 'back to one topic', (id) => new URL(location.href).searchParams.getAll('topic').join() === id, first);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('in "all" mode a topic a click would empty the list with is dimmed, and still a button', { timeout: 60_000 }, async () => {
  const { index } = site;
  const [first] = pickOverlappingPair(index);
  const { context, page, problems } = await site.open(`?topic=${first}&match=all`);
  try {
    await viewShown(page, 'list');
    await page.locator('button.lede-topic[aria-pressed="true"]').waitFor();
    const toggles = await page.$$eval('.lede-filter button.lede-topic', (bs) =>
      bs.map((b) => ({ empty: b.classList.contains('lede-topic--empty'), count: b.querySelector('.lede-topic__count').textContent.trim(), pressed: b.getAttribute('aria-pressed'), disabled: b.disabled })));
    assert.ok(toggles.some((t) => t.empty), 'some topic shares no article with the selection');
    for (const t of toggles) {
      assert.equal(t.empty, t.count === '0' && t.pressed === 'false', JSON.stringify(t));
      assert.equal(t.disabled, false);
    }
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the selected topics show above the results as chips that remove themselves', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('?topic=middle-east&topic=sport', { abortImages: true, viewport: { width: 320, height: 640 } });
  try {
    await viewShown(page, 'list');
    const chips = page.locator('ul.lede-active button');
    await chips.first().waitFor();
    assert.deepEqual(await chips.allTextContents(), ['Middle East ✕', 'Sport ✕']);
    assert.equal(await page.getAttribute('ul.lede-active', 'aria-label'), 'Selected topics');
    const remove = page.getByRole('button', { name: 'Remove Middle East' });
    assert.ok(await remove.isVisible(), 'on the first screen of a phone');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    await remove.click();
    await until(page, 'Middle East removed', () => !new URL(location.href).searchParams.getAll('topic').includes('middle-east'));
    await until(page, 'one chip left', () => document.querySelectorAll('ul.lede-active button').length === 1);
    assert.deepEqual(await chips.allTextContents(), ['Sport ✕']);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Articles', 'focus on the results\' heading');
    await page.getByRole('button', { name: 'Remove Sport' }).click();
    await until(page, 'no chip', () => document.querySelector('ul.lede-active') === null);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// A topic click's address is written once its answer is painted (web/history.rs): Forward in
// that frame must not give the entry it goes to the address of the list it left.
test('Forward right after a topic click keeps the article entry its own address', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await site.open('');
  try {
    await viewShown(page, 'list');
    await page.locator('ol.lede-list > li .lede-card__headline a').first().click();
    await viewShown(page, 'article');
    const article = new URL(page.url()).searchParams.get('article');
    await page.goBack();
    await viewShown(page, 'list');
    // The click and Forward in one task: the replacement is still pending when Forward lands.
    await page.evaluate(() => {
      document.querySelector('.lede-filter button.lede-topic').click();
      history.forward();
    });
    await viewShown(page, 'article');
    await page.waitForTimeout(300);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('article'), article, 'the article entry keeps its article');
    assert.deepEqual(url.searchParams.getAll('topic'), [], 'and gets no topic of the list it left');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
