// The iframe mode runs on the publisher's origin, in the publisher's style, so `embed.html?src=`
// must not show just any corpus (content spoofing: a link to the publisher's page showing
// someone else's "news"). A corpus on another origin is refused unless the publisher lists it
// in `data-allow-corpus` on embed.html's [data-lede] element: an origin, or a URL prefix ending
// in "/". A refusal is a message in the frame and a `lede:` console error, and nothing is fetched.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
import { recordProblems } from './support/console.mjs';
import { loadIndex } from './support/corpus.mjs';
import { serveStatic } from './support/embed.mjs';
import { distDir } from './support/paths.mjs';
import { serveSite } from './support/server.mjs';
import { listHeadlines, until } from './support/wait.mjs';

const PLANTED = 'Planted by another origin';
const state = {};

before(async () => {
  const dist = distDir();
  state.index = loadIndex(dist);
  // The publisher: a copy of the build, with two edited copies of embed.html next to it.
  state.publisher = await serveSite(dist, { copy: true });
  // Another origin serving a corpus (with CORS, so that only the viewer's rule can stop it):
  // the default index with one headline changed, at /corpora/ and at a look-alike /corpora-evil/.
  state.root = mkdtempSync(join(tmpdir(), 'lede-other-'));
  const index = JSON.parse(readFileSync(join(dist, 'corpus', 'index.json'), 'utf8'));
  index.articles[0].headline = PLANTED;
  for (const dir of ['corpora', 'corpora-evil']) {
    mkdirSync(join(state.root, dir));
    writeFileSync(join(state.root, dir, 'index.json'), JSON.stringify(index));
  }
  state.other = await serveStatic(state.root, { cors: true });
  const embed = readFileSync(join(state.publisher.siteDir, 'embed.html'), 'utf8');
  const allowing = (list) => {
    const edited = embed.replace('<div class="lede lede--embedded" data-lede', `$& data-allow-corpus="${list}"`);
    assert.notEqual(edited, embed, "embed.html's [data-lede] element is where the test expects it");
    return edited;
  };
  writeFileSync(join(state.publisher.siteDir, 'embed-origin.html'), allowing(`https://unrelated.example ${state.other.origin}`));
  writeFileSync(join(state.publisher.siteDir, 'embed-prefix.html'), allowing(`not-a-url ${state.other.origin}/corpora/`));
  state.browser = await launchBrowser();
});

after(async () => {
  await state.browser?.close();
  await state.publisher?.close();
  await state.other?.close();
  if (state.root) rmSync(state.root, { recursive: true, force: true });
});

/** Opens /news/<page>?src=<src> with only the two test origins reachable. */
async function open(page, src) {
  const context = await state.browser.newContext();
  const local = new Set([state.publisher.origin, state.other.origin]);
  await context.route(
    (u) => !local.has(u.origin),
    (route) => route.abort('internetdisconnected'),
  );
  const tab = await context.newPage();
  const problems = recordProblems(tab, state.publisher.origin);
  const messages = [];
  tab.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  const fetched = [];
  tab.on('request', (r) => {
    if (new URL(r.url()).origin === state.other.origin) fetched.push(r.url());
  });
  await tab.goto(`${state.publisher.url}${page}?src=${encodeURIComponent(src)}`);
  return { context, page: tab, problems, messages, fetched };
}

const count = () => Math.min(30, state.index.articles.length);

async function assertRefused(pageName, src) {
  const { context, page, problems, messages, fetched } = await open(pageName, src);
  try {
    const shown = await until(
      page,
      `the refusal of ${src}`,
      () => {
        const alert = document.querySelector('[data-lede] [role="alert"]');
        return alert && { text: alert.innerText, code: alert.querySelector('code')?.textContent };
      },
      null,
    );
    assert.match(shown.text, /cannot be shown here/);
    assert.equal(shown.code, src, 'the refused URL is named, as text');
    assert.equal(await page.locator('.lede-card').count(), 0, 'no article is listed');
    assert.deepEqual(fetched, [], 'nothing is fetched from the refused origin');
    const refusal = messages.filter((m) => m.startsWith('error: lede: embed.html refuses the corpus'));
    assert.equal(refusal.length, 1, `one lede: console error: ${JSON.stringify(messages)}`);
    assert.ok(refusal[0].includes(src), refusal[0]);
    // The refusal is the only problem: the frame is not blank or broken otherwise.
    assert.deepEqual(
      problems.filter((p) => !p.includes('lede: embed.html refuses the corpus')),
      [],
    );
  } finally {
    await context.close();
  }
}

async function assertShown(pageName, src) {
  const { context, page, problems } = await open(pageName, src);
  try {
    const headlines = await listHeadlines(page, count());
    assert.ok(headlines.includes(PLANTED), `the listed corpus is shown: ${headlines.slice(0, 3)}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

test('embed.html refuses a corpus on another origin by default, with a message and a lede: error', { timeout: 60_000 }, async () => {
  await assertRefused('embed.html', `${state.other.origin}/corpora/index.json`);
  await assertRefused('embed.html', `${state.other.origin.replace('http:', '')}/corpora/index.json`);
});

test('embed.html still shows corpora on its own origin, relative or absolute', { timeout: 60_000 }, async () => {
  for (const src of ['corpus/index.json', `${state.publisher.url}corpus/index.json`]) {
    const { context, page, problems } = await open('embed.html', src);
    try {
      const headlines = await listHeadlines(page, count());
      assert.ok(!headlines.includes(PLANTED));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('an origin listed in data-allow-corpus is accepted', { timeout: 60_000 }, async () => {
  await assertShown('embed-origin.html', `${state.other.origin}/corpora/index.json`);
  await assertShown('embed-origin.html', `${state.other.origin}/corpora-evil/index.json`);
});

test('a URL prefix listed in data-allow-corpus accepts what is under it and nothing else', { timeout: 90_000 }, async () => {
  const other = state.other.origin;
  await assertShown('embed-prefix.html', `${other}/corpora/index.json`);
  await assertRefused('embed-prefix.html', `${other}/corpora-evil/index.json`);
  await assertRefused('embed-prefix.html', `${other}/corpora/../corpora-evil/index.json`);
  await assertRefused('embed-prefix.html', `${other}/corpora/..%2fcorpora-evil/index.json`);
  // Tomcat-style servers read `..;` as `..`; the URL parser keeps it as a segment.
  await assertRefused('embed-prefix.html', `${other}/corpora/..;/corpora-evil/index.json`);
  await assertRefused('embed-prefix.html', `${other}/corpora`);
});
