/**
 * Duplicates and stories. The same URL, the same text, or a near-identical text (a republished wire
 * story, a corrected typo) is a duplicate and never added. A different report of the same story (two
 * publishers, a few days apart, telling the same events in their own words) is kept, and grouped with
 * the first report as one story: that is where disagreements are found.
 *
 * Near-identical texts are found with word 3-shingles and MinHash (Broder 1997). It is a few lines,
 * so it is written here rather than taken from a package: a corpus of hundreds of articles needs no
 * LSH index, only signatures compared pairwise, and the words go through the project's own Arabic
 * normalisation first, which a general-purpose package would not do.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../corpus/article.ts';
import { analyze } from '../text/analyze.ts';
import { normalizeArabic } from '../text/arabic.ts';
import { tokenize } from '../text/tokenize.ts';

/** Estimated resemblance at or above which two texts are the same text. */
export const NEAR_DUPLICATE = 0.8;
/** Shared content stems (Jaccard) at or above which two reports of nearby dates tell one story. */
export const SAME_STORY = 0.2;
/** Reports of one story are at most this many days apart. */
export const STORY_DAYS = 3;

const PERMUTATIONS = 64;
const SHINGLE = 3;

/** Lower-cased host, no fragment, no tracking parameters, no trailing slash: one URL, one form. */
export function normalizeUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = '';
    url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
    for (const name of [...url.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/.test(name)) url.searchParams.delete(name);
    url.protocol = 'https:';
    return url.href.replace(/\/$/, '');
  } catch {
    return raw.trim();
  }
}

function words(text: string): string[] {
  return tokenize(text).map((word) => normalizeArabic(word).toLowerCase());
}

/** A hash of the text's words, blind to spacing, punctuation, diacritics and letter variants. */
export function textHash(text: string): string {
  return createHash('sha256').update(words(text).join(' ')).digest('hex');
}

// FNV-1a: cheap, well spread, deterministic.
function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

// The permutations: each shingle is hashed once, then mixed with one odd multiplier and one offset per
// permutation and scrambled (murmur3's finaliser), so a signature costs 64 integer mixes per shingle.
const MULTIPLIERS = Array.from({ length: PERMUTATIONS }, (_, p) => (Math.imul(p + 1, 0x9e3779b1) | 1) >>> 0);
const OFFSETS = Array.from({ length: PERMUTATIONS }, (_, p) => Math.imul(p + 7, 0x85ebca6b) >>> 0);

function mix(hash: number, p: number): number {
  let h = (Math.imul(hash, MULTIPLIERS[p] as number) + (OFFSETS[p] as number)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function minHash(text: string): Uint32Array {
  const list = words(text);
  const shingles = new Set<string>();
  if (list.length < SHINGLE) shingles.add(list.join(' '));
  for (let i = 0; i + SHINGLE <= list.length; i += 1) shingles.add(list.slice(i, i + SHINGLE).join(' '));
  const signature = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const shingle of shingles) {
    const hash = fnv(shingle);
    for (let p = 0; p < PERMUTATIONS; p += 1) {
      const value = mix(hash, p);
      if (value < (signature[p] as number)) signature[p] = value;
    }
  }
  return signature;
}

/** Estimated Jaccard resemblance of the two texts' shingle sets. */
export function resemblance(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let p = 0; p < PERMUTATIONS; p += 1) if (a[p] === b[p]) same += 1;
  return same / PERMUTATIONS;
}

function stems(text: string): Set<string> {
  return new Set(analyze(text));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

const dayDistance = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

export interface Fingerprint {
  id: string;
  url: string | null;
  textHash: string;
  signature: Uint32Array;
  stems: Set<string>;
  published: string;
  publisher: string | null;
  story: string;
}

export function fingerprint(article: Pick<Article, 'id' | 'url' | 'published' | 'publisher' | 'story'>, text: string): Fingerprint {
  return {
    id: article.id,
    url: article.url ? normalizeUrl(article.url) : null,
    textHash: textHash(text),
    signature: minHash(text),
    stems: stems(text),
    published: article.published,
    publisher: article.publisher,
    story: article.story ?? article.id,
  };
}

export type DuplicateReason = 'url' | 'text' | 'near-duplicate';

export interface Duplicate {
  of: string;
  reason: DuplicateReason;
  similarity: number;
}

/** The first existing article the candidate duplicates, if any. */
export function findDuplicate(candidate: Fingerprint, existing: readonly Fingerprint[]): Duplicate | null {
  for (const other of existing) if (candidate.url !== null && other.url === candidate.url) return { of: other.id, reason: 'url', similarity: 1 };
  for (const other of existing) if (other.textHash === candidate.textHash) return { of: other.id, reason: 'text', similarity: 1 };
  let best: Duplicate | null = null;
  for (const other of existing) {
    const similarity = resemblance(candidate.signature, other.signature);
    if (similarity >= NEAR_DUPLICATE && (best === null || similarity > best.similarity)) best = { of: other.id, reason: 'near-duplicate', similarity };
  }
  return best;
}

/** The story the candidate belongs to: the most similar report of a nearby date, else a story of its own. */
export function findStory(candidate: Fingerprint, existing: readonly Fingerprint[]): string | null {
  let best: { story: string; score: number } | null = null;
  for (const other of existing) {
    if (dayDistance(candidate.published, other.published) > STORY_DAYS) continue;
    const score = jaccard(candidate.stems, other.stems);
    if (score >= SAME_STORY && (best === null || score > best.score)) best = { story: other.story, score };
  }
  return best?.story ?? null;
}
