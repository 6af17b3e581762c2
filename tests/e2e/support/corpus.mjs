// Expectations computed from the corpus the build serves (never hard-coded guesses).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_ID = 'us-troops-remain-in-iraq';

/**
 * The default corpus's index with its entity directory read in, as the viewer has it once an
 * entity is opened: `entities` listed, and each summary's `entities` filled in.
 */
export function loadIndex(dist) {
  const index = JSON.parse(readFileSync(join(dist, 'corpus', 'index.json'), 'utf8'));
  if (index.entity_file) {
    const directory = JSON.parse(readFileSync(join(dist, 'corpus', index.entity_file), 'utf8'));
    index.entities = directory.entities.map(({ articles, ...entity }) => entity);
    for (const summary of index.articles) {
      summary.entities = directory.entities.filter((e) => (e.articles || []).includes(summary.id)).map((e) => e.id);
    }
  }
  return index;
}

export function loadArticle(dist, index, id) {
  const summary = index.articles.find((a) => a.id === id);
  if (!summary) throw new Error(`no article ${id} in the index`);
  return JSON.parse(readFileSync(join(dist, 'corpus', summary.url), 'utf8'));
}

/** Seconds since the epoch as the format defines it: a date or time without a zone is UTC. */
export function timestamp(published) {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(published);
  const iso = published.length === 10 ? `${published}T00:00:00Z` : hasZone ? published : `${published}Z`;
  const ms = Date.parse(iso.replace(' ', 'T'));
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** Newest first; ties by headline, then id (code-unit order, as the viewer sorts). */
export function newestFirst(articles) {
  const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  return [...articles].sort(
    (a, b) => timestamp(b.published) - timestamp(a.published) || cmp(a.headline, b.headline) || cmp(a.id, b.id),
  );
}

/** How many of the list's first articles the viewer reads ahead, and the longest it reads, in
 * minutes (src/app/read_ahead.rs: ARTICLES_AHEAD, LONGEST_AHEAD_MINUTES). */
export const ARTICLES_AHEAD = 3;
export const LONGEST_AHEAD_MINUTES = 10;

/** The lead stories the viewer reads ahead, of a list of every article (newest first). */
export function readAhead(list) {
  return list.slice(0, ARTICLES_AHEAD).filter((a) => a.reading_minutes <= LONGEST_AHEAD_MINUTES);
}

/** The articles a topic selection shows, newest first. */
export function filtered(index, selected, mode = 'any') {
  const matches = (a) =>
    selected.length === 0 ||
    (mode === 'all' ? selected.every((t) => a.topics.includes(t)) : selected.some((t) => a.topics.includes(t)));
  return newestFirst(index.articles.filter(matches));
}

/** Per topic (index order): how many articles of the current result carry it. */
/**
 * The number each topic's toggle shows: for a topic not selected, how many articles the list
 * holds once a click adds it; for a selected one, how many results carry it.
 */
export function topicCounts(index, selected, mode = 'any') {
  const result = filtered(index, selected, mode);
  return index.topics.map((t) =>
    selected.length === 0 || selected.includes(t.id)
      ? result.filter((a) => a.topics.includes(t.id)).length
      : filtered(index, [...selected, t.id], mode).length,
  );
}

export function topicLabel(index, id) {
  return index.topics.find((t) => t.id === id).label;
}

/** The text of a mention: code-point offsets into the paragraph, end exclusive. */
export function mentionText(paragraphText, mention) {
  return Array.from(paragraphText).slice(mention.start, mention.end).join('');
}
