// The entity page's keyword in context: under each article that mentions an entity, the
// sentence of its first mention with the mention marked, read from the article's own file. On the default corpus (inline) and on the paged layout of a 10,000-article
// synthetic corpus, built by `lede-corpus synth` and `paginate`, served by a plain static server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, formatViolations } from './support/axe.mjs';
import { launchBrowser, newContext } from './support/browser.mjs';
import { recordProblems } from './support/console.mjs';
import { SEED_ID } from './support/corpus.mjs';
import { distDir, repoRoot } from './support/paths.mjs';
import { serveSite } from './support/server.mjs';
import { until, viewShown } from './support/wait.mjs';

/** How many cards a list shows at first (`PAGE_SIZE`), each with its sentence. */
const PAGE = 30;
/** How many of them are checked against their article files. */
const CHECKED = 10;
const ELLIPSIS = '…';
const state = {};

function corpusTool(...args) {
  execFileSync('cargo', ['run', '--quiet', '--bin', 'lede-corpus', '--', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

before(async () => {
  const dist = distDir();
  state.inlineDir = join(dist, 'corpus');
  state.inlineServer = await serveSite(dist);

  // 10,000 synthetic articles in the paged layout (listing pages of 500).
  const synthDir = mkdtempSync(join(tmpdir(), 'lede-synth10k-'));
  corpusTool('synth', '--articles', '10000', '--seed', '7', '--out', synthDir);
  const site = mkdtempSync(join(tmpdir(), 'lede-paged10k-'));
  cpSync(dist, site, { recursive: true, dereference: true });
  rmSync(join(site, 'corpus'), { recursive: true });
  corpusTool('paginate', join(synthDir, 'index.json'), '--out', join(site, 'corpus'), '--page-size', '500');
  state.pagedDir = join(site, 'corpus');
  state.cleanup = [synthDir, site];
  state.pagedServer = await serveSite(site);
  state.browser = await launchBrowser();
});

after(async () => {
  await state.browser?.close();
  await state.inlineServer?.close();
  await state.pagedServer?.close();
  for (const dir of state.cleanup ?? []) rmSync(dir, { recursive: true, force: true });
});

async function open(server, query, { beforeGoto } = {}) {
  const context = await newContext(state.browser, server, { abortImages: true });
  const page = await context.newPage();
  const problems = recordProblems(page, server.origin);
  if (beforeGoto) await beforeGoto(page);
  await page.goto(server.url + query);
  return { context, page, problems };
}

/** Each card of the entity page: its article id, and its sentence (text and mark) if shown. */
function cardsWithSentences(page) {
  return page.$$eval('ol.lede-list > li', (items) => items.map((li) => {
    const link = li.querySelector('.lede-card a[href*="article="]');
    const kwic = li.querySelector('.lede-kwic');
    return {
      id: link && new URL(link.href).searchParams.get('article'),
      text: kwic?.textContent ?? null,
      mark: kwic?.querySelector('mark')?.textContent ?? null,
      lang: kwic?.getAttribute('lang') ?? null,
    };
  }));
}

/**
 * Checks one card's sentence against the article's file: the mark is one of the entity's names
 * (a mention as written), the shown text is a piece of one paragraph (around the cuts marked
 * `…`) and holds the mark.
 */
function checkSentence(card, article, entityId) {
  const entity = article.entities.find((e) => e.id === entityId);
  assert.ok(entity, `${card.id} lists ${entityId}`);
  assert.ok(card.text, `${card.id}: a sentence is shown`);
  const names = [entity.name, ...(entity.aliases ?? [])];
  assert.ok(names.includes(card.mark), `${card.id}: the mark ${JSON.stringify(card.mark)} is one of ${JSON.stringify(names)}`);
  const pieces = card.text.split(ELLIPSIS).map((s) => s.trim()).filter(Boolean);
  const paragraph = article.body.find((p) => pieces.every((piece) => p.text.includes(piece)));
  assert.ok(paragraph, `${card.id}: ${JSON.stringify(card.text)} comes from one paragraph`);
  assert.ok(card.text.includes(card.mark), `${card.id}: the sentence holds the mention`);
}

test('the entity page of Lloyd Austin shows the sentence of each mention, the mention marked', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await open(state.inlineServer, '?entity=lloyd-austin');
  try {
    await viewShown(page, 'entity');
    const { entities } = JSON.parse(readFileSync(join(state.inlineDir, 'entities.json'), 'utf8'));
    const expected = Math.min(PAGE, entities.find((e) => e.id === 'lloyd-austin').articles.length);
    assert.ok(expected >= 1);
    await until(page, 'the sentences', (n) => document.querySelectorAll('.lede-kwic mark').length === n, expected);
    const cards = await cardsWithSentences(page);
    for (const card of cards.slice(0, expected)) {
      const article = JSON.parse(readFileSync(join(state.inlineDir, 'articles', `${card.id}.json`), 'utf8'));
      checkSentence(card, article, 'lloyd-austin');
      assert.equal(card.lang, article.language, `${card.id}: the sentence in the article's language`);
    }
    const seed = cards.find((c) => c.id === SEED_ID);
    assert.equal(seed.mark, 'Lloyd Austin');
    assert.match(seed.text, /Lloyd Austin/);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an article file that cannot load leaves its card with a quiet line instead of the sentence', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await open(state.inlineServer, '?entity=lloyd-austin', {
    beforeGoto: (p) => p.route(`**/corpus/articles/${SEED_ID}.json`, (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  try {
    await viewShown(page, 'entity');
    const quiet = await until(page, 'the quiet line', () => document.querySelector('.lede-kwic--quiet')?.textContent);
    assert.equal(quiet, 'The sentence that mentions it could not be loaded.');
    const cards = await cardsWithSentences(page);
    assert.ok(cards.some((c) => c.id === SEED_ID && c.text === quiet), 'on the seed\'s card, which stays');
    // The 404 is the only problem (the browser reports the response; the viewer warns).
    assert.ok(problems.length > 0 && problems.every((p) => p.includes(`${SEED_ID}.json`)), problems.join('\n'));
  } finally {
    await context.close();
  }
});

test('the same in the paged layout of a 10,000-article synthetic corpus, with "Often with"', { timeout: 120_000 }, async () => {
  // The synthetic entity named in the most articles.
  const mentions = JSON.parse(readFileSync(join(state.pagedDir, 'mentions.json'), 'utf8'));
  const [entityId] = Object.entries(mentions.entities).sort((a, b) => b[1].length - a[1].length)[0];
  const { context, page, problems } = await open(state.pagedServer, `?entity=${entityId}`);
  try {
    await viewShown(page, 'entity');
    await until(page, 'a sentence under every card', (n) => document.querySelectorAll('.lede-kwic mark').length === n, PAGE);
    await until(page, '"Often with"', () => document.querySelectorAll('.lede-entity__often a').length > 0);
    const cards = await cardsWithSentences(page);
    assert.equal(cards.length, 30, 'the first 30 of its articles');
    for (const card of cards.slice(0, CHECKED)) {
      const article = JSON.parse(readFileSync(join(state.pagedDir, 'articles', `${card.id}.json`), 'utf8'));
      checkSentence(card, article, entityId);
    }
    assert.ok(cards.every((c) => c.mark), 'every card has its sentence');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
