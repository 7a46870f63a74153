/**
 * The three ways in: a local file (plain text or HTML), a page URL, and a feed URL whose new items
 * are fetched and added one by one. Each returns what happened; bad input throws `IngestError`.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { addArticle, articleWithUrl, type AddOptions, type AddResult, type Candidate } from './add.ts';
import { IngestError } from './errors.ts';
import { readFeed, type FeedItem } from './feed.ts';
import { DEFAULT_FETCH, fetchResource, type FetchOptions } from './fetch.ts';
import { extractPage, MIN_ARTICLE_CHARS } from './page.ts';

/** What the person gave on the command line; each wins over what the file or page says. */
export interface Overrides {
  title?: string;
  published?: string;
  publisher?: string;
  url?: string;
}

export interface IngestOptions extends AddOptions {
  fetch?: FetchOptions;
  /** Largest local file read (the same cap as a fetched page). */
  maxFileBytes?: number;
}

function withOverrides(candidate: Candidate, overrides: Overrides): Candidate {
  return {
    ...candidate,
    title: overrides.title ?? candidate.title,
    published: overrides.published ?? candidate.published,
    publisher: overrides.publisher ?? candidate.publisher,
    url: overrides.url ?? candidate.url,
  };
}

/** A text file (first line the headline, one paragraph a line) or a saved HTML page. */
export function ingestFile(corpusDir: string, path: string, overrides: Overrides = {}, options: IngestOptions = {}): AddResult {
  const full = resolve(path);
  const cap = options.maxFileBytes ?? (options.fetch ?? DEFAULT_FETCH).maxBytes;
  let size: number;
  try {
    const stat = statSync(full);
    if (!stat.isFile()) throw new IngestError('bad-input', `${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('bad-input', `cannot read ${path}`, { cause: error });
  }
  if (size > cap) throw new IngestError('too-large', `${path} is larger than the ${Math.round(cap / 1024)} KB cap`);
  const content = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  const extension = extname(full).toLowerCase();
  let candidate: Candidate;
  if (extension === '.html' || extension === '.htm') {
    const page = extractPage(content, overrides.url ?? null);
    candidate = { ...page, source: full };
  } else if (extension === '.txt' || extension === '') {
    const [headline, ...paragraphs] = content.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    if (headline === undefined) throw new IngestError('no-text', `${path} is empty`);
    candidate = { title: headline, paragraphs, published: null, publisher: null, url: null, source: full };
    if (paragraphs.join(' ').length < MIN_ARTICLE_CHARS / 2) throw new IngestError('no-text', `${path} holds a headline but hardly any article text`);
  } else {
    throw new IngestError('bad-input', `${path}: give a .txt or .html file`);
  }
  return addArticle(corpusDir, withOverrides(candidate, overrides), options);
}

/** A news page: fetched carefully, its article extracted, then added. A URL already stored is not fetched again. */
export async function ingestPage(corpusDir: string, url: string, overrides: Overrides = {}, options: IngestOptions = {}, fallback: Partial<Candidate> = {}): Promise<AddResult> {
  const known = articleWithUrl(corpusDir, overrides.url ?? url);
  if (known !== null) return { status: 'duplicate', id: known, reason: 'url', similarity: 1, title: '' };
  const fetched = await fetchResource(url, 'html', options.fetch ?? DEFAULT_FETCH);
  if (fetched.notModified) throw new IngestError('http', `${url} answered 304 to an unconditional request`);
  const page = extractPage(fetched.body, fetched.url);
  const candidate: Candidate = {
    ...page,
    published: page.published ?? fallback.published ?? null,
    publisher: page.publisher ?? fallback.publisher ?? null,
    title: page.title || fallback.title || '',
    source: url,
  };
  return addArticle(corpusDir, withOverrides(candidate, overrides), options);
}

export interface FeedItemOutcome {
  item: FeedItem;
  result?: AddResult;
  error?: IngestError;
}

export interface FeedOutcome {
  notModified: boolean;
  title: string | null;
  items: FeedItemOutcome[];
  etag: string | null;
  lastModified: string | null;
}

export interface FeedReadOptions extends IngestOptions {
  etag?: string | null;
  lastModified?: string | null;
  /** Items already handled on an earlier read (by key): skipped without a fetch. */
  seen?: (key: string) => boolean;
  /** The feed's own title stands in for an unknown publisher. */
  publisher?: string;
}

/**
 * Reads a feed and adds each item not seen before (oldest first, so ids and stories form in the
 * order things happened). One bad item is reported and does not stop the others; a bad feed throws.
 */
export async function ingestFeed(corpusDir: string, feedUrl: string, options: FeedReadOptions = {}): Promise<FeedOutcome> {
  const fetched = await fetchResource(feedUrl, 'feed', { ...(options.fetch ?? DEFAULT_FETCH), etag: options.etag, lastModified: options.lastModified });
  if (fetched.notModified) return { notModified: true, title: null, items: [], etag: options.etag ?? null, lastModified: options.lastModified ?? null };
  const feed = readFeed(fetched.body, fetched.url);
  const items = [...feed.items].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  const outcomes: FeedItemOutcome[] = [];
  for (const item of items) {
    if (options.seen?.(item.key)) continue;
    try {
      const result = await ingestPage(corpusDir, item.url, {}, options, {
        published: item.published,
        title: item.title ?? undefined,
        publisher: options.publisher ?? feed.title,
      });
      outcomes.push({ item, result });
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      outcomes.push({ item, error });
    }
  }
  return { notModified: false, title: feed.title, items: outcomes, etag: fetched.etag, lastModified: fetched.lastModified };
}
