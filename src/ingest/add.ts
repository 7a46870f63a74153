/**
 * Adds one article to the corpus directory, or says why not: a duplicate changes nothing, bad input
 * is an `IngestError`, and either way the directory is exactly as it was (see corpus/write.ts).
 */
import { createHash } from 'node:crypto';
import type { ArticleMeta, Language } from '../corpus/article.ts';
import { newArticleId } from '../corpus/ids.ts';
import { loadCorpus } from '../corpus/load.ts';
import { withCorpusLock } from '../corpus/lock.ts';
import { writeArticle } from '../corpus/write.ts';
import { normalizePublished } from './dates.ts';
import { findDuplicate, findStory, fingerprint, normalizeUrl, type Fingerprint, type DuplicateReason } from './dedup.ts';
import { IngestError } from './errors.ts';
import { detectArticleLanguage } from './language.ts';

/** An article as read from a file, a page or a feed item, before it is checked and stored. */
export interface Candidate {
  title: string;
  paragraphs: string[];
  /** As given or as the page states it; normalised to YYYY-MM-DD here. */
  published: string | null;
  publisher: string | null;
  url: string | null;
  /** Where it came from (a path, a page URL, a feed URL), recorded in the metadata. */
  source: string;
}

export type AddResult =
  | { status: 'added'; id: string; title: string; published: string; publisher: string | null; language: Language; story: string | null }
  | { status: 'duplicate'; id: string; reason: DuplicateReason; similarity: number; title: string };

export interface AddOptions {
  now?: Date;
}

// Fingerprinting (stemming, MinHash) costs far more than reading: a feed read adds many items and the
// bot adds for hours, so fingerprints are kept, keyed by everything they depend on (an edited article
// gets a new one). Bounded; the oldest are forgotten first.
const FINGERPRINT_CACHE = 5000;
const cache = new Map<string, Fingerprint>();

/** Fingerprints of every article in the corpus (read fresh: another process may have added some). */
export function corpusFingerprints(corpusDir: string): Fingerprint[] {
  return loadCorpus(corpusDir).articles.map((article) => {
    const text = article.sentences.map((s) => s.text).join('\n');
    const key = createHash('sha256').update(JSON.stringify([article.id, article.url, article.published, article.publisher, article.story ?? null, text])).digest('base64');
    const known = cache.get(key);
    if (known) return known;
    const made = fingerprint(article, text);
    cache.set(key, made);
    if (cache.size > FINGERPRINT_CACHE) cache.delete(cache.keys().next().value as string);
    return made;
  });
}

/** The article already stored under this URL, if any (checked before fetching it again). */
export function articleWithUrl(corpusDir: string, url: string): string | null {
  const wanted = normalizeUrl(url);
  return loadCorpus(corpusDir).articles.find((a) => a.url !== null && normalizeUrl(a.url) === wanted)?.id ?? null;
}

const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim();

export function addArticle(corpusDir: string, candidate: Candidate, options: AddOptions = {}): AddResult {
  const now = options.now ?? new Date();
  const title = oneLine(candidate.title);
  const paragraphs = candidate.paragraphs.map(oneLine).filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (title === '' || paragraphs.length === 0) throw new IngestError('no-text', `no article text in ${candidate.source}`);
  if (candidate.published === null) {
    throw new IngestError('bad-date', `${candidate.source} states no publication date; give one with --published YYYY-MM-DD`);
  }
  const published = normalizePublished(candidate.published, now);
  const text = [title, ...paragraphs].join('\n');
  const language = detectArticleLanguage(text);
  const url = candidate.url === null ? null : new URL(candidate.url).href;

  return withCorpusLock(corpusDir, () => addChecked(corpusDir, { title, text, published, language, url, publisher: candidate.publisher, source: candidate.source }, now));
}

interface Checked {
  title: string;
  text: string;
  published: string;
  language: Language;
  url: string | null;
  publisher: string | null;
  source: string;
}

/** The duplicate check and the write, under the corpus lock. */
function addChecked(corpusDir: string, candidate: Checked, now: Date): AddResult {
  const { title, text, published, language, url } = candidate;
  const existing = corpusFingerprints(corpusDir);
  const probe = fingerprint({ id: '', url, published, publisher: candidate.publisher }, text);
  const duplicate = findDuplicate(probe, existing);
  if (duplicate !== null) return { status: 'duplicate', id: duplicate.of, reason: duplicate.reason, similarity: duplicate.similarity, title };

  const story = findStory(probe, existing);
  const id = newArticleId(published, url ?? probe.textHash);
  const meta: ArticleMeta = {
    id,
    textFile: `${id}.${language}.txt`,
    language,
    published,
    publisher: candidate.publisher ? oneLine(candidate.publisher) : null,
    url,
    ...(story !== null ? { story } : {}),
    ingestedAt: now.toISOString(),
    source: candidate.source,
  };
  writeArticle(corpusDir, meta, `${text}\n`);
  return { status: 'added', id, title, published, publisher: meta.publisher, language, story };
}
