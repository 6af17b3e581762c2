// Collects what a page reports as broken: uncaught exceptions and console errors.
import { IMAGE_URL } from './browser.mjs';

/**
 * Starts recording on `page`. Images are expected to fail offline: the browser's own
 * "Failed to load resource" error for an image URL is not counted (the viewer's warning
 * "lede: image did not load" is a warning, not an error). Everything else is.
 * Also records failed or error responses for same-origin files (the app itself).
 */
export function recordProblems(page, origin) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.stack || error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const where = message.location()?.url || '';
    if (text.startsWith('Failed to load resource') && IMAGE_URL.test(where)) return;
    problems.push(`console.error: ${text}${where ? ` (at ${where})` : ''}`);
  });
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).origin === origin) {
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on('response', (response) => {
    if (new URL(response.url()).origin === origin && response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

/** A 1×1 transparent GIF: what `answerImages` serves for pictures on other hosts. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Serves a 1×1 picture for every image request to an origin not in `local` (the corpus's
 * pictures are on the publishers' hosts, unreachable here), so that a page loads without a
 * single failed request. Registered on `target` (a page or context) after its other routes, it
 * is asked first. Images on the test's own origins are left alone: a missing icon still fails.
 */
export function answerImages(target, local) {
  return target.route(
    (url) => !local.has(url.origin) && IMAGE_URL.test(url.href),
    (route) => route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL }),
  );
}

/**
 * Records everything the README promises a reader's console will not show: every console
 * message of any type from any frame (`{ type, text, where }`; the viewer's own start with
 * `lede:`), uncaught exceptions, and every failed request or HTTP error on any origin.
 * The browser's own request for /favicon.ico (made when a page declares no icon; a 404 on most
 * hosts) is invisible to Playwright's events once a route is set (Playwright aborts it quietly),
 * so it is watched through the DevTools protocol and counted as a failure.
 * Resolves to { messages, failures, foreign() }; `foreign()` is the messages not the viewer's.
 */
export async function recordEverything(page) {
  const messages = [];
  const failures = [];
  page.on('console', (message) =>
    messages.push({ type: message.type(), text: message.text(), where: message.location()?.url || '' }),
  );
  page.on('pageerror', (error) => failures.push(`pageerror: ${error.stack || error.message}`));
  page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', ({ request }) => {
    if (new URL(request.url).pathname.endsWith('/favicon.ico')) {
      failures.push(`the browser asked for ${request.url}: the page declares no icon`);
    }
  });
  await cdp.send('Network.enable');
  return { messages, failures, foreign: () => messages.filter((m) => !m.text.startsWith('lede:')) };
}
