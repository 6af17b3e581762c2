// Lede's iframe mode, inside the frame (embed.html): configures the viewer from this page's
// query string, starts it, and reports the content height to the parent page so that it can
// size the iframe. Messages go only to the parent's origin, named by `?parent=` or else taken
// from document.referrer; never to '*'. Without a known parent origin nothing is sent.

import init from './lede.js';

const params = new URLSearchParams(location.search);
const point = document.querySelector('[data-lede]');
for (const [param, attribute] of [
  ['src', 'data-corpus'],
  ['topic', 'data-topic'],
  ['match', 'data-match'],
  ['article', 'data-article'],
  ['entity', 'data-entity'],
]) {
  const value = params.get(param);
  if (value !== null) point.setAttribute(attribute, value);
}
// The viewer's start-up code mounts every [data-lede] element.
await init({ module_or_path: new URL('lede_bg.wasm', import.meta.url) });

function parentOrigin() {
  for (const candidate of [params.get('parent'), document.referrer]) {
    try {
      const origin = new URL(candidate).origin;
      if (origin.startsWith('http')) return origin;
    } catch {
      // not a URL: try the next source
    }
  }
  return null;
}

const target = window.parent !== window ? parentOrigin() : null;
if (target) {
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'lede:height', height }, target);
  };
  new ResizeObserver(report).observe(document.documentElement);
  // Chromium does not render (so never resizes) a cross-origin frame that is off screen; DOM
  // changes still happen there, and measuring forces layout, so report on those too.
  new MutationObserver(report).observe(document.body, { childList: true, subtree: true, characterData: true });
  report();
}
