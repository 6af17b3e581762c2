// Debian's chromium, driven by playwright-core (no browser download).
import { chromium } from 'playwright-core';

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.LEDE_CHROMIUM || '/usr/bin/chromium',
    args: ARGS,
  });
}

/** Matches image requests (the corpus's pictures are all on other hosts). */
export const IMAGE_URL = /\.(jpe?g|png|webp|gif|avif|svg)(\?|$)/i;

/**
 * A fresh context whose requests to any host but the test server fail at once, so no test
 * depends on (or waits for) the internet. With `abortImages`, images fail even if local (all
 * but the page's icon).
 */
export async function newContext(browser, server, options = {}) {
  const { abortImages = false, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  await context.route(
    (url) => url.origin !== server.origin,
    (route) => route.abort('internetdisconnected'),
  );
  if (abortImages) {
    // The corpus's pictures, not the page's own icon (favicon.png), which must load.
    await context.route(
      (url) => IMAGE_URL.test(url.href) && !url.pathname.endsWith('/favicon.png'),
      (route) => route.abort(),
    );
  }
  return context;
}
