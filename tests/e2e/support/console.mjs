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
