/**
 * Stable identifiers. An article's id is fixed when it is ingested and written into its file; a
 * sentence is named by its article and its number in that article, so neither changes when other
 * articles arrive, older or newer. Buttons and stored references use these, never a position in the
 * loaded corpus (a backdated article would shift every position after it).
 */
import { createHash } from 'node:crypto';

/** Characters of the article part of a sentence key: 36^6 ≈ 2·10^9 values, collisions are checked at load. */
export const ARTICLE_KEY_LENGTH = 6;

function hashBase36(text: string, length: number): string {
  const digest = createHash('sha256').update(text, 'utf8').digest();
  // 6 bytes = 48 bits, more than 36^8; enough for every length used here.
  const value = digest.readUIntBE(0, 6);
  return value.toString(36).padStart(length, '0').slice(-length);
}

/** A short, stable key of an article id (the first part of its sentence keys). */
export function articleKey(articleId: string): string {
  return hashBase36(articleId, ARTICLE_KEY_LENGTH);
}

/**
 * A sentence's stable short key: its article's key followed by the sentence number in base 36,
 * e.g. `k3x9a2c` (sentence 12). Short enough for several to fit in Telegram's 64-byte callback data.
 */
export function sentenceKey(articleId: string, number: number): string {
  return `${articleKey(articleId)}${number.toString(36)}`;
}

export const SENTENCE_KEY_PATTERN = /^[0-9a-z]{7,10}$/;

/**
 * The id of a newly ingested article: its publication date and a hash of what identifies it (its
 * URL when it has one, else its text), e.g. `2026-11-29-4fk2a9qz`. Computed once and stored.
 */
export function newArticleId(published: string, identity: string): string {
  return `${published}-${hashBase36(identity, 8)}`;
}
