// Lede's iframe mode: embed.html on the viewer's origin reports its content height to the host
// page only (never to '*'), and frame-parent.js on the host sizes each <iframe data-lede-frame>
// from that frame's messages only (tests/e2e/fixtures/embed-host/frame.html).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { filtered, topicLabel } from './support/corpus.mjs';
import { useEmbedHosts } from './support/embed.mjs';
import { TIMEOUT, until } from './support/wait.mjs';

const site = useEmbedHosts();

/**
 * Runs in every frame on the viewer's origin before its scripts: replaces `window.parent`
 * (a [Replaceable] attribute) with a stand-in that records each targetOrigin frame.js uses,
 * then passes the message on unchanged.
 */
function recordTargetOrigins(viewerOrigin) {
  if (location.origin !== viewerOrigin || window.parent === window) return;
  const real = window.parent;
  window.targetOrigins = [];
  window.parent = {
    postMessage(message, targetOrigin, ...rest) {
      window.targetOrigins.push(typeof targetOrigin === 'string' ? targetOrigin : JSON.stringify(targetOrigin));
      return real.postMessage(message, targetOrigin, ...rest);
    },
  };
}

async function openFrames() {
  const opened = await site.open('frame.html', {
    beforeGoto: (page, context) => context.addInitScript(recordTargetOrigins, site.viewer.origin),
  });
  const frame = async (id) => opened.page.locator(`#${id}`).elementHandle().then((h) => h.contentFrame());
  return { ...opened, frame };
}

/** The iframe's height as the host sees it, and its content's height as the frame sees it. */
async function measure(page, frame, id) {
  const outer = await page.evaluate((i) => {
    const f = document.getElementById(i);
    return { style: f.style.height, box: f.getBoundingClientRect().height };
  }, id);
  const inner = await frame.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    content: document.documentElement.getBoundingClientRect().height,
    cards: document.querySelectorAll('.lede-card').length,
  }));
  return { ...outer, ...inner };
}

/**
 * Waits until the iframe `id` is as tall as its content (within 2px), for two reads in a row.
 * The frame is scrolled into view first: Chromium does not render a cross-origin frame that is
 * off screen, so its ResizeObserver (and its height report) waits until it is seen.
 */
async function fitted(page, frame, id) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  let streak = 0;
  while (Date.now() < deadline) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const m = await measure(page, frame, id);
    const fits = m.style !== '' && Math.abs(parseFloat(m.style) - m.content) <= 2 && Math.abs(m.box - m.scroll) <= 2;
    streak = fits && last && last.style === m.style ? streak + 1 : fits ? 1 : 0;
    last = m;
    if (streak >= 2) return m;
    await page.waitForTimeout(100);
  }
  assert.fail(`#${id} never fitted its content: ${JSON.stringify(last)}`);
}

// Polled on a timer, not on animation frames: Chromium gives an iframe out of view (and
// cross-origin) no animation frames, and a wait polled on them stalls until it scrolls in.
const cardsShown = (frame, n) =>
  frame.waitForFunction((k) => document.querySelectorAll('.lede-page--list .lede-card').length === k, n, { timeout: TIMEOUT, polling: 100 });

test('the iframe follows its content height, and foreign or malformed messages are ignored', { timeout: 120_000 }, async () => {
  const { context, page, problems, frame } = await openFrames();
  try {
    const fa = await frame('fa');
    const sport = filtered(site.index, ['sport']).length;
    await cardsShown(fa, sport);
    const small = await fitted(page, fa, 'fa');
    assert.ok(small.content > 200, `the frame has content: ${JSON.stringify(small)}`);

    // More content: the iframe grows with it.
    await fa.getByRole('button', { name: topicLabel(site.index, 'sport'), exact: true }).click();
    await cardsShown(fa, site.index.articles.length);
    const large = await fitted(page, fa, 'fa');
    assert.ok(large.content > small.content + 200, `taller with every article: ${small.content} -> ${large.content}`);
    // Less content: it shrinks back.
    await fa.getByRole('button', { name: topicLabel(site.index, 'sport'), exact: true }).click();
    await cardsShown(fa, sport);
    const again = await fitted(page, fa, 'fa');
    assert.ok(Math.abs(again.content - small.content) <= 2, `back to the sport list's height: ${small.content} vs ${again.content}`);
    const settled = again.style;
    const height = () => page.evaluate(() => document.getElementById('fa').style.height);
    const received = () => page.evaluate(() => window.received);

    // A third origin's frame posts {type:'lede:height', height:5} (on load, and when asked).
    await until(page, "the foreign frame's message", () => window.received.some((m) => m.from === 'foreign'));
    await page.evaluate(() => document.getElementById('foreign').contentWindow.postMessage('spoof again', '*'));
    await until(page, "the foreign frame's second message", () => window.received.filter((m) => m.from === 'foreign').length === 2);
    const foreign = (await received()).filter((m) => m.from === 'foreign');
    assert.deepEqual(foreign.map((m) => [m.origin, m.data]), [
      [site.foreign.origin, { type: 'lede:height', height: 5 }],
      [site.foreign.origin, { type: 'lede:height', height: 5 }],
    ]);
    assert.equal(await height(), settled, 'a foreign origin cannot resize the frame');

    // The host page's own window.
    await page.evaluate(() => window.postMessage({ type: 'lede:height', height: 7 }, '*'));
    await until(page, 'the self-posted message', () => window.received.some((m) => m.from === 'self'));
    assert.equal(await height(), settled, "a message from the host's own window does not resize the frame");

    // From the Lede frame itself, but not exactly {type, height:<finite 0..100000>}.
    const malformed = await fa.evaluate((target) => {
      const messages = [
        { type: 'lede:height', height: 9, extra: 1 },
        { type: 'lede:height', height: '9' },
        { type: 'lede:height', height: -1 },
        { type: 'lede:height', height: 100001 },
        { type: 'lede:height', height: null },
        { type: 'lede-height', height: 9 },
        { height: 9 },
        ['lede:height', 9],
        'lede:height 9',
      ];
      for (const message of messages) window.top.postMessage(message, target);
      return messages.length;
    }, site.host.origin);
    const before = (await received()).filter((m) => m.from === 'fa').length;
    await fa.evaluate((target) => {
      window.top.postMessage({ type: 'lede:height', height: Infinity }, target);
      window.top.postMessage({ type: 'lede:height', height: NaN }, target);
    }, site.host.origin);
    await until(
      page,
      'the malformed messages from the Lede frame',
      (n) => window.received.filter((m) => m.from === 'fa').length >= n,
      before + 2,
    );
    assert.ok(malformed > 0);
    assert.equal(await height(), settled, 'malformed messages from the frame are ignored');

    // Control: a well-formed message from the frame is applied, so the checks above meant something.
    await fa.evaluate((target) => window.top.postMessage({ type: 'lede:height', height: 321 }, target), site.host.origin);
    await until(page, 'the well-formed message to apply', () => document.getElementById('fa').style.height === '321px');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('height messages go to the parent origin only: ?parent=, else the referrer; never "*"', { timeout: 120_000 }, async () => {
  const { context, page, problems, frame } = await openFrames();
  try {
    const [fa, fb, fc] = await Promise.all(['fa', 'fb', 'fc'].map(frame));
    await cardsShown(fa, filtered(site.index, ['sport']).length);
    await cardsShown(fb, filtered(site.index, ['africa']).length);
    await cardsShown(fc, filtered(site.index, ['asia']).length);
    // #fb has no ?parent=: the origin comes from document.referrer, and it is sized all the same.
    await fitted(page, fb, 'fb');
    await fitted(page, fa, 'fa');
    // #fc names another parent: it reports, but the browser delivers nothing to this page.
    await fc.waitForFunction(() => window.targetOrigins?.length > 0, null, { timeout: TIMEOUT, polling: 100 });

    const targets = {};
    for (const [id, f] of [['fa', fa], ['fb', fb], ['fc', fc]]) targets[id] = [...new Set(await f.evaluate(() => window.targetOrigins))];
    assert.deepEqual(targets, {
      fa: [site.host.origin],
      fb: [site.host.origin],
      fc: [site.foreign.origin],
    });
    const fromFc = (await page.evaluate(() => window.received)).filter((m) => m.from === 'fc');
    assert.deepEqual(fromFc, [], 'nothing addressed to another origin reaches the host');
    assert.equal(await page.evaluate(() => document.getElementById('fc').style.height), '', '#fc is never sized');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("no postMessage(…, '*') in the viewer's scripts (static check of the build)", () => {
  const scripts = readdirSync(site.dist).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.includes('frame.js') && scripts.includes('embed.js') && scripts.includes('frame-parent.js'), scripts.join(', '));
  const calls = [];
  for (const name of scripts) {
    const source = readFileSync(join(site.dist, name), 'utf8');
    for (const match of source.matchAll(/\bpostMessage\s*\(/g)) {
      // The call's arguments, up to the matching parenthesis.
      let depth = 1;
      let i = match.index + match[0].length;
      const start = i;
      for (; i < source.length && depth > 0; i += 1) {
        if ('([{'.includes(source[i])) depth += 1;
        else if (')]}'.includes(source[i])) depth -= 1;
      }
      calls.push({ name, args: source.slice(start, i - 1) });
    }
  }
  assert.ok(calls.some((c) => c.name === 'frame.js'), 'frame.js posts the height');
  const star = calls.filter((c) => /,\s*(['"`])\*\1\s*(,|$)/.test(c.args));
  assert.deepEqual(star, [], "no postMessage call targets '*'");
  const frameJs = readFileSync(join(site.dist, 'frame.js'), 'utf8');
  assert.doesNotMatch(frameJs, /targetOrigin\s*:\s*['"`]\*/, "no { targetOrigin: '*' } either");
});
