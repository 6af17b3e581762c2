// Embedding tests: the viewer's files on one origin (with CORS, as a publisher must serve them),
// a hostile host page on another, and a third, foreign origin. Pages come from templates in
// tests/e2e/fixtures/embed-host/, with the origins written in at test start.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { recordProblems } from './console.mjs';
import { loadIndex } from './corpus.mjs';
import { distDir, repoRoot } from './paths.mjs';
import { spawnServer } from './server.mjs';
import { until } from './wait.mjs';

const STATIC_SERVER = join(repoRoot, 'tests', 'e2e', 'support', 'static_server.py');
export const FIXTURES = join(repoRoot, 'tests', 'e2e', 'fixtures', 'embed-host');

/**
 * Serves `dir` with tests/e2e/support/static_server.py on 127.0.0.1 (a port of its own), with
 * `Access-Control-Allow-Origin: *` when `cors`. Returns { origin, close }.
 */
export function serveStatic(dir, { cors = false } = {}) {
  const args = [STATIC_SERVER, '--bind', '127.0.0.1', '--directory', dir, ...(cors ? ['--cors'] : []), '0'];
  return spawnServer(args, 'static_server.py');
}

/** Writes every fixture template into `dir`, replacing {{NAME}} with `values.NAME`. */
export function renderFixtures(dir, values) {
  for (const name of readdirSync(FIXTURES)) {
    const text = readFileSync(join(FIXTURES, name), 'utf8').replace(/\{\{([A-Z_]+)\}\}/g, (whole, key) => {
      if (!(key in values)) throw new Error(`fixture ${name}: no value for ${whole}`);
      return values[key];
    });
    writeFileSync(join(dir, name), text);
  }
}

/**
 * Registers before/after hooks and returns the shared state, filled in by `before`:
 * { dist, index, viewer, host, foreign, browser, open(path, options) }.
 * - viewer: the built site at <origin>/lede/ with CORS; `viewer.base` is that URL;
 * - host: the rendered fixtures (`host.url(name)`); foreign: the same pages from a third origin;
 * - open(path, { colorScheme, beforeGoto, ... }) makes a context in which every request outside
 *   the three origins fails at once, opens host.url(path), and records problems.
 */
export function useEmbedHosts() {
  const state = {};
  let root;
  before(async () => {
    state.dist = distDir();
    state.index = loadIndex(state.dist);
    root = mkdtempSync(join(tmpdir(), 'lede-embed-'));
    const viewerRoot = join(root, 'viewer');
    const hostRoot = join(root, 'host');
    // viewer/lede -> dist; host/ holds the rendered pages.
    mkdirSync(viewerRoot);
    symlinkSync(state.dist, join(viewerRoot, 'lede'), 'dir');
    mkdirSync(hostRoot);
    state.servers = []; // pushed as they start, so that `after` stops each one that did
    const start = async (dir, options) => {
      const server = await serveStatic(dir, options);
      state.servers.push(server);
      return server;
    };
    const viewerServer = await start(viewerRoot, { cors: true });
    const hostServer = await start(hostRoot);
    const foreignServer = await start(hostRoot); // the third origin: same pages, another port
    state.viewer = { origin: viewerServer.origin, base: `${viewerServer.origin}/lede/` };
    state.host = { origin: hostServer.origin, base: `${hostServer.origin}/`, url: (p) => `${hostServer.origin}/${p}` };
    state.foreign = { origin: foreignServer.origin, base: `${foreignServer.origin}/` };
    renderFixtures(hostRoot, {
      VIEWER: state.viewer.base,
      VIEWER_ORIGIN: state.viewer.origin,
      HOST: state.host.base,
      HOST_ORIGIN: state.host.origin,
      FOREIGN: state.foreign.base,
      FOREIGN_ORIGIN: state.foreign.origin,
    });
    state.browser = await launchBrowser();
    const allowed = new Set([state.viewer.origin, state.host.origin, state.foreign.origin]);
    state.open = async (path, options = {}) => {
      const { beforeGoto, ...contextOptions } = options;
      const context = await state.browser.newContext(contextOptions);
      await context.route(
        (url) => !allowed.has(url.origin),
        (route) => route.abort('internetdisconnected'),
      );
      const page = await context.newPage();
      const problems = recordProblems(page, state.viewer.origin);
      // Anything resolved against the host's <base href="https://elsewhere.invalid/"> is a bug.
      page.on('request', (request) => {
        if (request.url().includes('elsewhere.invalid')) problems.push(`request to the host's <base>: ${request.url()}`);
      });
      if (beforeGoto) await beforeGoto(page, context);
      await page.goto(state.host.url(path));
      return { context, page, problems };
    };
  });
  after(async () => {
    await state.browser?.close();
    for (const server of state.servers || []) await server.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return state;
}

// ---- Looking into a <lede-viewer>'s shadow root -------------------------------------------

/** In-page: what a viewer shows, for failure messages. */
function describeViewer(arg) {
  const selector = Array.isArray(arg) ? arg[0] : arg;
  const point = document.querySelector(selector)?.shadowRoot?.querySelector('.lede');
  if (!point) return `(no .lede in ${selector}'s shadow root)`;
  return {
    view: [...point.querySelectorAll('[class*="lede-page--"]')].map((p) => p.className),
    cards: point.querySelectorAll('.lede-card').length,
    text: point.innerText.slice(0, 300),
  };
}

/** Waits until the viewer `selector` shows the view `kind` (list, article, entity). */
export async function viewerShows(page, selector, kind) {
  await until(
    page,
    `${selector} to show the ${kind} view`,
    ([s, k]) => !!document.querySelector(s)?.shadowRoot?.querySelector(`.lede .lede-page--${k}`),
    [selector, kind],
    describeViewer,
  );
}

/** Waits until the viewer `selector`'s list holds exactly `count` cards; returns their headlines. */
export async function viewerList(page, selector, count) {
  await until(
    page,
    `${selector} to list ${count} article(s)`,
    ([s, n]) => {
      const root = document.querySelector(s)?.shadowRoot;
      const list = root?.querySelector('.lede .lede-page--list');
      if (!list) return false;
      const cards = list.querySelectorAll('ol.lede-list > li > article.lede-card').length;
      return cards === n || (n === 0 && !!list.querySelector('.lede-empty'));
    },
    [selector, count],
    describeViewer,
  );
  return viewerHeadlines(page, selector);
}

/** The headlines of the cards the viewer `selector` shows now. */
export function viewerHeadlines(page, selector) {
  return page.evaluate(
    (s) =>
      [...(document.querySelector(s)?.shadowRoot?.querySelectorAll('.lede-card .lede-card__headline a') || [])].map((a) =>
        a.textContent.trim(),
      ),
    selector,
  );
}

/** The labels of the pressed topic toggles of the viewer `selector`. */
export function pressedTopics(page, selector) {
  return page.evaluate(
    (s) =>
      [...(document.querySelector(s)?.shadowRoot?.querySelectorAll('button.lede-topic[aria-pressed=true] .lede-topic__label') || [])].map(
        (l) => l.textContent.trim(),
      ),
    selector,
  );
}
