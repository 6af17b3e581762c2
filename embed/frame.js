// Lede's iframe mode, inside the frame (embed.html): configures the viewer from this page's
// query string, starts it, and reports the content height to the parent page so that it can
// size the iframe. Messages go only to the parent's origin, named by `?parent=` or else taken
// from document.referrer; never to '*'. Without a known parent origin nothing is sent.
//
// `?src=` is checked before anything is fetched: this page runs on the publisher's origin and
// looks like the publisher's own news, so anyone able to link to it could otherwise make it show
// their articles (content spoofing). Allowed are corpora on this page's origin and those the
// publisher lists in `data-allow-corpus` on the [data-lede] element (README, "Embedding").
//
// The scheme: `?theme=light|dark` forces it. Otherwise (`auto`, the default) the frame takes the
// parent page's scheme, which it cannot see itself: frame-parent.js sends the iframe element's
// computed `color-scheme` as { type: "lede:color-scheme", colorScheme }, accepted only from the
// parent window and origin that height reports go to. Until then, or without it, light.

const params = new URLSearchParams(location.search);
const point = document.querySelector('[data-lede]');

/** Why the viewer may not load the corpus at `url` (a URL), or null when it may. */
function refusal(url) {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'it is not an http(s) URL';
  if (url.origin === location.origin) return null;
  for (const entry of (point.getAttribute('data-allow-corpus') || '').split(/\s+/).filter(Boolean)) {
    let allowed;
    try {
      allowed = new URL(entry);
    } catch {
      allowed = null;
    }
    if (!allowed || (allowed.protocol !== 'https:' && allowed.protocol !== 'http:')) {
      console.warn(`lede: embed.html: data-allow-corpus entry "${entry}" is not an absolute http(s) URL; ignored`);
      continue;
    }
    if (allowed.origin !== url.origin) continue;
    // A path ending in "/" (an origin alone is "/") allows what is under it; any other path
    // allows exactly that file. Both URLs are normalised by the URL parser ("..", "%2e", case,
    // default port), and an escaped slash or backslash is refused under a prefix, since some
    // servers decode it into a path separator, which could step out of the prefix; so is a
    // `..;` or `.;` segment, which the URL parser keeps but Tomcat-style servers read as `..`.
    const path = url.pathname;
    if (allowed.pathname.endsWith('/')) {
      if (path.startsWith(allowed.pathname) && !/%2f|%5c|\/\.\.?;/i.test(path)) return null;
    } else if (path === allowed.pathname && url.search === allowed.search) {
      return null;
    }
  }
  return 'only this site\u2019s corpora, and those its publisher lists in data-allow-corpus, may be shown here';
}

/** Puts a problem where the viewer would have been: a message, not a blank frame. */
function showProblem(heading, detailText, advice) {
  const panel = document.createElement('div');
  panel.className = 'lede-error';
  panel.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.className = 'lede-error__title';
  title.textContent = heading;
  const detail = document.createElement('p');
  detail.className = 'lede-error__detail';
  const code = document.createElement('code');
  code.textContent = detailText; // text, never markup: it may be the requester's
  detail.append(code);
  const more = document.createElement('p');
  more.textContent = advice;
  panel.append(title, detail, more);
  const app = document.createElement('div');
  app.className = 'lede-app';
  app.append(panel);
  point.replaceChildren(app);
}

function showRefusal(src, reason) {
  console.error(`lede: embed.html refuses the corpus "${src}": ${reason} (README, "Embedding")`);
  showProblem('These articles cannot be shown here', src, `This news frame refused the corpus above: ${reason}.`);
}

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

/** `data-theme` for a `color-scheme` value: both schemes → the reader's setting. */
function themeFor(colorScheme) {
  const schemes = colorScheme.split(/\s+/);
  if (schemes.includes('dark')) return schemes.includes('light') ? 'auto' : 'dark';
  return 'light';
}

const theme = (params.get('theme') || 'auto').trim().toLowerCase();
if (theme === 'light' || theme === 'dark') {
  point.setAttribute('data-theme', theme);
} else if (target) {
  // Registered before anything loads, so that the scheme is there as early as it can be.
  addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || event.origin !== target) return;
    if (data === null || typeof data !== 'object' || data.type !== 'lede:color-scheme') return;
    if (typeof data.colorScheme !== 'string' || data.colorScheme.length > 100 || Object.keys(data).length !== 2) return;
    point.setAttribute('data-theme', themeFor(data.colorScheme));
  });
}

const src = (params.get('src') || '').trim();
let corpus = null; // the corpus to load, resolved; null for the default one
let refused = null;
if (src) {
  try {
    corpus = new URL(src, document.baseURI);
    refused = refusal(corpus);
  } catch {
    refused = 'it is not a URL';
  }
}

if (refused) {
  showRefusal(src, refused);
} else {
  // The URL as checked, so the viewer loads exactly what was allowed.
  if (corpus) point.setAttribute('data-corpus', corpus.href);
  for (const [param, attribute] of [
    ['topic', 'data-topic'],
    ['match', 'data-match'],
    ['article', 'data-article'],
    ['entity', 'data-entity'],
    // Presentation, as the element's attributes (README, "Widget attributes").
    ['heading', 'data-heading'],
    ['controls', 'data-controls'],
    ['search', 'data-search'],
    ['limit', 'data-limit'],
    ['more-href', 'data-more-href'],
    ['layout', 'data-layout'],
    ['lang', 'data-lang'],
  ]) {
    const value = params.get(param);
    if (value !== null) point.setAttribute(attribute, value);
  }
  // The viewer's start-up code mounts every [data-lede] element. The glue is imported here, not
  // statically, so that a glue that cannot load is a message in the frame too, not a blank page.
  try {
    const glue = import('./lede.js');
    const { default: init } = await glue;
    await init({ module_or_path: new URL('lede_bg.wasm', import.meta.url) });
  } catch (error) {
    console.error(`lede: embed.html could not start the viewer: ${error?.message || error}`);
    showProblem(
      'The news cannot be shown here',
      String(error?.message || error),
      'The viewer did not start in this frame. Reloading the page may help.',
    );
  }
}

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
