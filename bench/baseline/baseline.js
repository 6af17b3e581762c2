// The benchmark's floor: a minimal, hand-written vanilla-JS page that does what Lede's list does
// with the same index.json and the same markup and classes (so lede.css lays it out the same):
// the list newest first (the first `visible` results), topic toggles with counts of the current
// result, any/all matching, a results line, "Show more" (the next `visible` results, appended), and
// an article page with what Lede's shows (below). No framework,
// no virtual DOM, no validation beyond JSON.parse: the least a browser must do for this view.
//
// Order and counts follow src/core/topics.rs and src/core/dates.rs: newest first, ties by
// headline then id; a topic's count is the number of articles in the current result carrying it.

const host = document.querySelector('main[data-lede]');
// Pages go where Lede's go: in `.lede-app`, inside the `.lede` root (index.html).
const root = host.querySelector('.lede-app');
const params = new URLSearchParams(location.search);
const visibleSetting = params.get('visible') || host.dataset.visible || '30';
const VISIBLE = visibleSetting === 'all' ? Infinity : Math.max(1, Number(visibleSetting) || 30);
const indexUrl = new URL(host.dataset.corpus, location.href);

let index = null; // the parsed index
let order = []; // article positions, newest first
let topicPos = new Map(); // topic id -> position in index.topics
let articleTopics = []; // per article: topic positions
const state = { selected: [], mode: 'any' };
const formatters = new Map();

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, v);
  for (const c of children) if (c != null) node.append(c);
  return node;
}

function timestamp(text) {
  // Date-only and zone-less date-times are UTC, as in src/core/dates.rs.
  const zoned = text.length > 10 && !/(Z|z|[+-]\d\d:?\d\d)$/.test(text) ? `${text}Z` : text;
  const t = Date.parse(zoned);
  return Number.isNaN(t) ? -Infinity : t;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb', 'syr', 'iw']);
const direction = (lang) => (lang && RTL.has(lang.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr');

function formatDate(published, lang) {
  const key = `${lang}|${published.length === 10}`;
  let f = formatters.get(key);
  if (!f) {
    const options = { year: 'numeric', month: 'long', day: 'numeric' };
    if (published.length === 10) options.timeZone = 'UTC';
    try {
      f = new Intl.DateTimeFormat(lang || undefined, options);
    } catch {
      f = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, f);
  }
  return f.format(timestamp(published));
}

let languageNames = null;
/** A language's name in English (`Intl.DisplayNames`, made once), or null: no badge, as in Lede. */
function languageName(tag) {
  try {
    languageNames ||= new Intl.DisplayNames(['en'], { type: 'language' });
    return languageNames.of(tag) || null;
  } catch {
    return null;
  }
}

function matches(i) {
  const sel = state.selected;
  if (sel.length === 0) return true;
  const ts = articleTopics[i];
  return state.mode === 'any' ? sel.some((t) => ts.includes(t)) : sel.every((t) => ts.includes(t));
}

function viewHref(params) {
  const q = new URLSearchParams();
  for (const t of state.selected) q.append('topic', index.topics[t].id);
  if (state.mode === 'all' && state.selected.length) q.set('match', 'all');
  for (const [k, v] of Object.entries(params)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : location.pathname;
}

// ---- the list -------------------------------------------------------------------------------

let list, results, buttons, counts, clear, more;
let found = []; // the current result, newest first
let shown = 0; // how many of `found` have a card

function card(a) {
  const lang = a.language || null;
  const badge = lang && lang.split('-')[0].toLowerCase() !== 'en' ? languageName(lang) : null;
  const link = el('a', { href: viewHref({ article: a.id }) }, a.headline);
  const text = el(
    'div',
    { class: 'lede-card__text' },
    el('h3', { class: 'lede-card__headline' }, link),
    a.standfirst ? el('p', { class: 'lede-card__standfirst' }, a.standfirst) : null,
    // As Lede's card: the date in the interface's language, the publisher, the reading time, the
    // article's language when it is not the interface's, and its topics as links.
    el(
      'p',
      { class: 'lede-card__meta' },
      el('time', { class: 'lede-date', lang: 'en', datetime: a.published }, formatDate(a.published, 'en')),
      a.source_name ? el('span', { class: 'lede-card__source' }, a.source_name) : null,
      a.reading_minutes ? el('span', { lang: 'en' }, `${a.reading_minutes} min read`) : null,
      badge ? el('span', { class: 'lede-card__lang', lang: 'en' }, badge) : null,
      a.topics?.length ? topicLinks(a.topics, 'lede-card__topics') : null,
    ),
  );
  let thumb = null;
  const src = a.thumbnail ? resolveUrl(a.thumbnail.url, indexUrl) : null;
  if (src) {
    const t = a.thumbnail;
    const box = el('div', { class: 'lede-image' });
    box.style.aspectRatio = ratio(t.width, t.height);
    const img = el('img', {
      src,
      alt: t.alt || '',
      width: t.width,
      height: t.height,
      loading: 'lazy',
      decoding: 'async',
      referrerpolicy: 'no-referrer',
    });
    img.addEventListener('error', () => box.classList.add('lede-image--failed'));
    box.append(img, el('span', { class: 'lede-image__placeholder', 'aria-hidden': 'true', lang: 'en' }, 'Image unavailable'));
    thumb = el('div', { class: 'lede-card__thumb' }, box);
  }
  const card = el('article', { class: 'lede-card', lang, dir: direction(lang) }, text, thumb);
  followLinks(card);
  return card;
}

function update() {
  found = [];
  const c = new Array(index.topics.length).fill(0);
  for (const i of order) {
    if (!matches(i)) continue;
    found.push(i);
    for (const t of articleTopics[i]) c[t]++;
  }
  const total = index.articles.length;
  results.textContent = state.selected.length ? `Showing ${found.length} of ${total} articles` : `${total} articles`;
  buttons.forEach((b, t) => {
    b.setAttribute('aria-pressed', String(state.selected.includes(t)));
    counts[t].textContent = String(c[t]);
  });
  clear.disabled = state.selected.length === 0;
  shown = 0;
  list.replaceChildren();
  showMore();
  list.hidden = found.length === 0;
  const q = viewHref({});
  if (location.search !== (q.startsWith('?') ? q : '')) history.replaceState(null, '', q);
}

/** Appends the next `VISIBLE` cards (the cards already there stay) and updates "Show more". */
function showMore() {
  const next = Math.min(found.length, shown + VISIBLE);
  const items = document.createDocumentFragment();
  for (let k = shown; k < next; k++) items.append(el('li', null, card(index.articles[found[k]])));
  list.append(items);
  shown = next;
  const rest = found.length - shown;
  more.hidden = rest === 0;
  more.textContent = `Show ${Math.min(rest, VISIBLE)} more`;
}

function listPage() {
  const title = el('h1', { class: 'lede-page__title', tabindex: '-1' }, index.title || 'Articles');
  document.title = index.title || 'Articles';
  buttons = [];
  counts = [];
  const toggles = el('ul', { class: 'lede-filter__topics' });
  index.topics.forEach((topic, t) => {
    const count = el('span', { class: 'lede-topic__count', 'aria-hidden': 'true' }, '0');
    const b = el('button', { type: 'button', class: 'lede-topic', 'aria-pressed': 'false' }, el('span', { class: 'lede-topic__label' }, topic.label), count);
    b.addEventListener('click', () => {
      const at = state.selected.indexOf(t);
      if (at >= 0) state.selected.splice(at, 1);
      else state.selected.push(t);
      update();
    });
    buttons.push(b);
    counts.push(count);
    toggles.append(el('li', null, b));
  });
  const radio = (mode, label) => {
    const input = el('input', { type: 'radio', name: 'match', value: mode });
    input.checked = state.mode === mode;
    input.addEventListener('change', () => {
      state.mode = mode;
      update();
    });
    return el('label', { class: 'lede-match__option' }, input, label);
  };
  clear = el('button', { type: 'button', class: 'lede-button lede-button--quiet' }, 'Clear topics');
  clear.addEventListener('click', () => {
    state.selected = [];
    update();
  });
  const filter = el(
    'section',
    { class: 'lede-filter', 'aria-label': 'Topics' },
    el('h2', { class: 'lede-filter__heading' }, 'Topics'),
    toggles,
    el(
      'div',
      { class: 'lede-filter__controls' },
      el('fieldset', { class: 'lede-match' }, el('legend', null, 'Show articles with'), radio('any', 'any selected topic'), radio('all', 'all selected topics')),
      clear,
    ),
  );
  results = el('p', { class: 'lede-results', role: 'status' });
  list = el('ol', { class: 'lede-list' });
  more = el('button', { type: 'button', class: 'lede-button lede-button--quiet lede-more' });
  more.addEventListener('click', showMore);
  const page = el('div', { class: 'lede-page lede-page--list' }, title, filter, results, list, more);
  root.replaceChildren(page);
  update();
}

// ---- an article -------------------------------------------------------------------------------
// What Lede's article page shows when its body is painted, in the same markup: the header, "In
// this article" (the entities by kind, as links, with a switch per kind), the byline line with the
// publisher, date and reading time, the lead picture with its caption and credit, the body with
// the first mention of each entity a link and the later ones marks, and the footer (topics,
// source, rights). Not "More on", which Lede builds after that paint.

const KINDS = [
  ['person', 'People', 'Person', 'Link people in the text'],
  ['place', 'Places', 'Place', 'Link places in the text'],
  ['organisation', 'Organisations', 'Organisation', 'Link organisations in the text'],
  ['event', 'Events', 'Event', 'Link events in the text'],
  ['other', 'Other', 'Other', 'Link the others in the text'],
];
/** A picture box's `aspect-ratio` from untrusted sizes, clamped to 1:4..4:1 as Lede's is. */
function ratio(w, h) {
  if (!(w > 0 && h > 0)) return '3 / 2';
  if (w > 4 * h) return '4 / 1';
  if (h > 4 * w) return '1 / 4';
  return `${w} / ${h}`;
}
/** `url` resolved against `base`, or null (an unsafe scheme, or not a URL): as Lede's `resolve`. */
function resolveUrl(url, base) {
  if (!safeUrl(url)) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}
const kindOf = (e) => (KINDS.some(([k]) => k === e.type) ? e.type : 'other');
const safeUrl = (url) => typeof url === 'string' && /^(https?:|[^:]*$)/i.test(url.trim());

/** Follows a plain click on a link in `box` in place, as the list's links are. */
function followLinks(box) {
  box.addEventListener('click', (e) => {
    const a = e.target.closest('a[href]:not([href*="entity="])');
    if (!a || new URL(a.href).origin !== location.origin || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    render();
  });
}

function paragraph(p, entities, linked) {
  const node = el('p');
  const mentions = p.mentions || [];
  if (mentions.length === 0) {
    node.textContent = p.text;
    return node;
  }
  // Code-point offsets -> UTF-16 indices, in one pass.
  const cps = [0];
  for (let i = 0; i < p.text.length; ) {
    i += p.text.codePointAt(i) > 0xffff ? 2 : 1;
    cps.push(i);
  }
  let cursor = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const e = entities.get(m.entity);
    if (!e || m.start < cursor || m.end <= m.start || m.end >= cps.length) continue;
    if (m.start > cursor) node.append(p.text.slice(cps[cursor], cps[m.start]));
    const kind = kindOf(e);
    const text = p.text.slice(cps[m.start], cps[m.end]);
    if (linked.has(e.id)) {
      node.append(el('span', { class: `lede-mention-mark lede-mention--${kind}`, 'data-entity': e.id }, text));
    } else {
      linked.add(e.id);
      node.append(el('a', { class: `lede-mention lede-mention--${kind}`, href: viewHref({ entity: e.id }), 'aria-describedby': `kind-${kind}`, 'data-entity': e.id }, text));
    }
    cursor = m.end;
  }
  if (cps[cursor] < p.text.length) node.append(p.text.slice(cps[cursor]));
  return node;
}

function inThisArticle(full) {
  const section = el('section', { class: 'lede-in-article', 'aria-labelledby': 'in-article' }, el('h2', { class: 'lede-in-article__title', id: 'in-article' }, 'In this article'));
  for (const [kind, plural, , toggle] of KINDS) {
    const members = full.entities.filter((e) => kindOf(e) === kind);
    if (!members.length) continue;
    const button = el('button', { type: 'button', class: 'lede-in-article__toggle', 'aria-pressed': 'true' }, toggle);
    const list = el('ul', { class: 'lede-in-article__list' });
    for (const e of members) list.append(el('li', null, el('a', { class: `lede-chip lede-mention--${kind}`, href: viewHref({ entity: e.id }) }, e.name)));
    section.append(el('div', { class: `lede-in-article__group lede-in-article__group--${kind}` }, el('h3', { class: 'lede-in-article__kind' }, `${plural} (${members.length})`), button, list));
  }
  section.append(el('div', { class: 'lede-kinds' }, ...KINDS.map(([kind, , label]) => el('span', { id: `kind-${kind}` }, label))));
  return section;
}

function figure(image, articleUrl) {
  const src = resolveUrl(image.url, articleUrl);
  const box = src ? el('div', { class: 'lede-image' }) : null;
  if (box) {
    box.style.aspectRatio = ratio(image.width, image.height);
    const img = el('img', { src, alt: image.alt || '', width: image.width, height: image.height, loading: 'eager', decoding: 'async', referrerpolicy: 'no-referrer' });
    img.addEventListener('error', () => box.classList.add('lede-image--failed'));
    box.append(img, el('span', { class: 'lede-image__placeholder', 'aria-hidden': 'true' }, 'Image unavailable'));
  }
  const caption =
    image.caption || image.credit
      ? el(
          'figcaption',
          { class: 'lede-figure__caption' },
          image.caption ? el('span', null, image.caption) : null,
          image.caption ? ' ' : null,
          image.credit ? el('span', { class: 'lede-figure__credit' }, el('span', { class: 'lede-figure__credit-label', lang: 'en' }, 'Photo: '), image.credit) : null,
        )
      : null;
  return el('figure', { class: 'lede-figure' }, box, caption);
}

function readingMinutes(full) {
  let words = 0;
  for (const p of full.body) words += p.text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 230));
}

function topicLinks(topics, cls) {
  const span = el('span', { class: cls }, el('span', { class: 'lede-visually-hidden', lang: 'en' }, 'Topics: '));
  topics.forEach((t, i) => {
    if (i > 0) span.append(' · ');
    const pos = topicPos.get(t);
    span.append(el('a', { href: `?${new URLSearchParams({ topic: t })}` }, pos === undefined ? t : index.topics[pos].label));
  });
  return span;
}

async function articlePage(id) {
  const summary = index.articles.find((a) => a.id === id);
  if (!summary) {
    root.replaceChildren(el('p', null, `No article ${id}.`));
    return;
  }
  const back = el('a', { href: viewHref({}) }, '← All articles');
  const reader = el('details', { class: 'lede-reader' }, el('summary', null, 'Text and theme'), el('div', { class: 'lede-reader__panel' }));
  const lang = summary.language || null;
  const body = el('div', { class: 'lede-article__body' });
  const headline = el('h1', { class: 'lede-page__title lede-article__headline', id: 'heading', tabindex: '-1' }, summary.headline);
  const article = el(
    'article',
    { class: 'lede-article', lang, dir: direction(lang), 'aria-labelledby': 'heading' },
    el('header', { class: 'lede-article__header' }, headline, summary.standfirst ? el('p', { class: 'lede-article__standfirst' }, summary.standfirst) : null),
    body,
  );
  const page = el('div', { class: 'lede-page lede-page--article' }, el('div', { class: 'lede-back' }, back, reader), article);
  followLinks(page);
  root.replaceChildren(page);
  document.title = summary.headline;
  const articleUrl = new URL(summary.url, indexUrl);
  const full = await (await fetch(articleUrl)).json();
  const entities = new Map(full.entities.map((e) => [e.id, e]));
  const meta = el(
    'p',
    { class: 'lede-article__meta' },
    full.byline ? el('span', { class: 'lede-article__byline' }, full.byline) : null,
    full.source_name ? el('span', { class: 'lede-article__publisher' }, full.source_name) : null,
    el('time', { class: 'lede-date', datetime: full.published, lang: lang || 'en' }, formatDate(full.published, lang)),
    el('span', { lang: 'en' }, `${readingMinutes(full)} min read`),
  );
  body.before(...[full.entities.length ? inThisArticle(full) : null, meta, full.image ? figure(full.image, articleUrl) : null].filter(Boolean));
  const linked = new Set();
  const frag = document.createDocumentFragment();
  for (const p of full.body) frag.append(paragraph(p, entities, linked));
  body.append(frag);
  const footer = el(
    'footer',
    { class: 'lede-article__footer' },
    full.topics?.length ? el('p', null, topicLinks(full.topics, 'lede-article__topics')) : null,
    safeUrl(full.source_url) && /^https?:/i.test(full.source_url) ? el('p', { class: 'lede-article__source' }, el('span', null, 'First published by '), el('a', { href: full.source_url, target: '_blank', rel: 'noopener noreferrer' }, full.source_name || full.source_url)) : null,
    full.rights ? el('p', { class: 'lede-article__rights' }, full.rights) : null,
  );
  article.append(footer);
}

// ---- routing ----------------------------------------------------------------------------------

function render() {
  const q = new URLSearchParams(location.search);
  state.selected = q.getAll('topic').map((t) => topicPos.get(t)).filter((t) => t !== undefined);
  state.mode = q.get('match') === 'all' ? 'all' : 'any';
  const id = q.get('article');
  if (id) articlePage(id);
  else listPage();
}

async function start() {
  root.replaceChildren(el('p', { class: 'lede-loading' }, 'Loading…'));
  const response = await fetch(indexUrl);
  const text = await response.text();
  const t0 = performance.now();
  index = JSON.parse(text);
  window.__baselineParseMs = performance.now() - t0;
  index.topics.forEach((t, i) => topicPos.set(t.id, i));
  articleTopics = index.articles.map((a) => (a.topics || []).map((t) => topicPos.get(t)).filter((t) => t !== undefined));
  const keys = index.articles.map((a) => timestamp(a.published));
  order = index.articles.map((_, i) => i);
  const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  order.sort((a, b) => keys[b] - keys[a] || cmp(index.articles[a].headline, index.articles[b].headline) || cmp(index.articles[a].id, index.articles[b].id));
  addEventListener('popstate', render);
  render();
}

start().catch((error) => {
  root.replaceChildren(el('p', { class: 'lede-error' }, `baseline: ${error.message}`));
});
