// Per test file: the built site on a static server, a browser, and the corpus it serves.
import { after, before } from 'node:test';
import { launchBrowser, newContext } from './browser.mjs';
import { recordProblems } from './console.mjs';
import { loadIndex } from './corpus.mjs';
import { distDir } from './paths.mjs';
import { serveSite } from './server.mjs';

/**
 * Registers before/after hooks for the file and returns the shared state, filled in by `before`:
 * { dist, index, server, browser, open(query, options) }.
 * `open` makes a fresh context and page, records problems, and loads /news/<query>.
 */
export function useSite({ copy = false } = {}) {
  const site = {};
  before(async () => {
    site.dist = distDir();
    site.index = loadIndex(site.dist);
    site.server = await serveSite(site.dist, { copy });
    site.browser = await launchBrowser();
    site.open = async (query = '', options = {}) => {
      const { beforeGoto, ...contextOptions } = options;
      const context = await newContext(site.browser, site.server, contextOptions);
      const page = await context.newPage();
      const problems = recordProblems(page, site.server.origin);
      if (beforeGoto) await beforeGoto(page);
      await page.goto(site.server.url + query);
      return { context, page, problems };
    };
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
