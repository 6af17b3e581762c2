// An index that lists 5,000 topics: the filter renders a bounded shortlist (the 40 most used
// topics, and the selected ones; src/core/topic_shortlist.rs), and "Show all 5000 topics"
// (reachable by keyboard) reaches a topic that only one article carries.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations, formatViolations } from './support/axe.mjs';
import { useSite } from './support/site.mjs';
import { listHeadlines, until } from './support/wait.mjs';

const site = useSite({ copy: true });

// Enough to show the bound (40 of 5,000); "Show all" then renders every toggle, and each click
// updates all of them (about a second here on 2 shared cores; linear in the topics).
const TOPICS = 5_000;
/** The filter's bound without a selection (SHORTLIST_LEN in src/core/topic_shortlist.rs). */
const SHORTLIST = 40;
const ARTICLES = 60;
const RARE = { id: `t-${TOPICS - 1}`, label: 'The rare topic' };

/**
 * Topic i is carried by the articles k with k % 50 == i (so t-0 … t-49 are used, t-0 … t-9 by
 * two articles each); the last topic by article 0 only; all others by none.
 */
// Written when the first test starts: the site's copy exists only once useSite's hook has run.
let written = false;
function writeCorpus() {
  if (written) return;
  written = true;
  const topics = Array.from({ length: TOPICS }, (_, i) => ({ id: `t-${i}`, label: `Topic ${i}` }));
  topics[TOPICS - 1] = RARE;
  const articles = Array.from({ length: ARTICLES }, (_, k) => ({
    id: `a-${k}`,
    headline: `Article ${k}`,
    published: `2024-01-01T00:${String(59 - k).padStart(2, '0')}:00Z`,
    url: `articles/a-${k}.json`,
    topics: k === 0 ? [`t-${k % 50}`, RARE.id] : [`t-${k % 50}`],
  }));
  writeFileSync(
    join(site.server.siteDir, 'corpus', 'index.json'),
    JSON.stringify({ version: 1, title: 'Many topics', topics, entities: [], articles }),
  );
}

const toggles = (page) => page.locator('button.lede-topic').count();
const rareToggle = (page) => page.getByRole('button', { name: RARE.label, exact: true });

test(`the filter shows ${SHORTLIST} of ${TOPICS} topics, the most used, and "Show all" reaches a rare one`, { timeout: 120_000 }, async () => {
  writeCorpus();
  const { context, page, problems } = await site.open();
  try {
    await listHeadlines(page, 30);
    assert.equal(await toggles(page), SHORTLIST, `${SHORTLIST} toggles rendered, not ${TOPICS}`);
    const labels = await page.$$eval('button.lede-topic .lede-topic__label', (ls) => ls.map((l) => l.textContent));
    for (let i = 0; i < 10; i++) assert.ok(labels.includes(`Topic ${i}`), `Topic ${i} (two articles) is on the shortlist`);
    assert.ok(!labels.includes(RARE.label), 'the rare topic (one article) is not: 40 topics carry more or as many, earlier');
    assert.equal(await rareToggle(page).count(), 0);

    // By keyboard: focus the button, press Enter.
    const showAll = page.getByRole('button', { name: `Show all ${TOPICS} topics` });
    await showAll.focus();
    await page.keyboard.press('Enter');
    await until(page, `${TOPICS} toggles`, (n) => document.querySelectorAll('button.lede-topic').length === n, TOPICS);
    await rareToggle(page).click();
    assert.deepEqual(await listHeadlines(page, 1), ['Article 0']);
    assert.equal(await rareToggle(page).getAttribute('aria-pressed'), 'true');
    // The address is written once the answer is painted (web/history.rs).
    await until(page, 'the rare topic in the URL', (id) => new URL(location.href).searchParams.get('topic') === id, RARE.id);

    // Back to the shortlist: the selected rare topic stays on it, pressed.
    const fewer = page.getByRole('button', { name: `Show only the ${SHORTLIST} most used topics` });
    await fewer.focus();
    await page.keyboard.press('Enter');
    await until(page, `${SHORTLIST + 1} toggles`, (n) => document.querySelectorAll('button.lede-topic').length === n, SHORTLIST + 1);
    assert.equal(await rareToggle(page).getAttribute('aria-pressed'), 'true');
    assert.ok(await page.getByRole('button', { name: `Show all ${TOPICS} topics` }).isVisible());
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a link that selects a rare topic shows its toggle, pressed, on the shortlist', { timeout: 60_000 }, async () => {
  writeCorpus();
  const { context, page, problems } = await site.open(`?topic=${RARE.id}`);
  try {
    assert.deepEqual(await listHeadlines(page, 1), ['Article 0']);
    assert.equal(await toggles(page), SHORTLIST + 1, 'the shortlist and the selected topic');
    assert.equal(await rareToggle(page).getAttribute('aria-pressed'), 'true');
    // Deselecting keeps the toggle (and the keyboard focus) where it was.
    await rareToggle(page).focus();
    await page.keyboard.press('Enter');
    await listHeadlines(page, 30);
    assert.equal(await rareToggle(page).getAttribute('aria-pressed'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.includes('The rare topic')), true, 'focus stays on the toggle');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the shortlist and its button:\n${formatViolations(violations)}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
