// A <lede-viewer> removed, or given a new `src`, while a paged corpus's postings are on their
// way: the answer arrives for a viewer that no longer exists, and must be dropped quietly (it
// used to end in `RuntimeError: unreachable`, a panic in the release build). The postings
// request is held by the test until the viewer is gone, then let through: no clock involved.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { filtered, topicLabel } from './support/corpus.mjs';
import { serveStatic, useEmbedHosts, viewerList } from './support/embed.mjs';
import { repoRoot } from './support/paths.mjs';

const hosts = useEmbedHosts();
const paged = {};

/** The default corpus in the paged layout (pages of 5), on its own origin, with CORS; made when
 * the first test needs it (once useEmbedHosts' hook has found the build). */
async function servePaged() {
  if (paged.server) return;
  paged.root = mkdtempSync(join(tmpdir(), 'lede-teardown-'));
  execFileSync(
    'cargo',
    ['run', '--quiet', '--bin', 'lede-corpus', '--', 'paginate', join(hosts.dist, 'corpus', 'index.json'), '--out', join(paged.root, 'corpus'), '--page-size', '5'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  paged.server = await serveStatic(paged.root, { cors: true });
  paged.index = `${paged.server.origin}/corpus/index.json`;
}

after(async () => {
  await paged.server?.close();
  if (paged.root) rmSync(paged.root, { recursive: true, force: true });
});

/** Lets the page run its tasks, microtasks and frames a few times over. */
async function settle(page) {
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  }
}

/**
 * Opens the host page with a third viewer on the paged corpus, clicks a topic in it, holds the
 * postings request, runs `teardown` (in the page), then lets the postings through and waits
 * until they have been read. Returns the page and its problems.
 */
async function clickThenTeardown(teardown) {
  await servePaged();
  // The test's hosts allow their own three origins only: let the paged corpus's through too.
  const allowPaged = (page, context) =>
    context.route((url) => url.origin === paged.server.origin, (route) => route.continue());
  const opened = await hosts.open('host.html', { beforeGoto: allowPaged });
  const { page } = opened;
  const held = new Promise((resolve) => {
    page.route('**/corpus/postings.json', (route) => resolve(route));
  });
  await page.evaluate((src) => {
    const v3 = document.createElement('lede-viewer');
    v3.id = 'v3';
    v3.setAttribute('src', src);
    document.body.append(v3);
  }, paged.index);
  await viewerList(page, '#v3', hosts.index.articles.length);
  await page.locator('#v3').getByRole('button', { name: topicLabel(hosts.index, 'europe'), exact: true }).click();
  const route = await held; // the viewer is now waiting for the postings
  await page.evaluate(teardown, paged.index);
  const finished = page.waitForEvent('requestfinished', (r) => r.url().endsWith('/corpus/postings.json'));
  await route.continue();
  await finished;
  await settle(page);
  return opened;
}

test('a viewer removed while its postings load: no error when they arrive', { timeout: 120_000 }, async () => {
  const { context, page, problems } = await clickThenTeardown(() => document.querySelector('#v3').remove());
  try {
    assert.equal(await page.locator('#v3').count(), 0, 'the viewer is gone');
    // The other viewers carry on.
    await page.locator('#v2').getByRole('button', { name: topicLabel(hosts.index, 'europe'), exact: true }).click();
    const europe = filtered(hosts.index, ['europe']);
    assert.deepEqual(await viewerList(page, '#v2', europe.length), europe.map((a) => a.headline));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a viewer whose src changes while its postings load: no error, and the new corpus works", { timeout: 120_000 }, async () => {
  const { context, page, problems } = await clickThenTeardown((src) => document.querySelector('#v3').setAttribute('src', `${src}?again`));
  try {
    assert.deepEqual(await viewerList(page, '#v3', hosts.index.articles.length).then((h) => h.length), hosts.index.articles.length);
    await page.unroute('**/corpus/postings.json');
    await page.locator('#v3').getByRole('button', { name: topicLabel(hosts.index, 'europe'), exact: true }).click();
    const europe = filtered(hosts.index, ['europe']);
    assert.deepEqual(await viewerList(page, '#v3', europe.length), europe.map((a) => a.headline));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
