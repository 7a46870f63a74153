/**
 * The interface every sentence index implements: lunr in memory (src/search/sentence-index.ts) and
 * the persisted SQLite FTS5 index (src/index-store/fts5-index.ts). One contract test suite
 * (test/search/contract.ts) runs against each, so the engine cannot tell them apart.
 */
import type { SearchOptions, SentenceDoc, SentenceHit } from './sentence-index.ts';

export type { SearchOptions, SentenceDoc, SentenceHit } from './sentence-index.ts';

export interface SentenceSearchIndex {
  /** Which implementation (for logs and benches). */
  readonly kind: string;
  /** Number of sentences indexed. */
  readonly size: number;
  /** Ranks sentences for a question, best first, ties to the lower ref. Never throws on user text. */
  search(question: string, options?: SearchOptions): SentenceHit[];
  /** Adds sentences (refs not yet in the index). Persisted implementations make this durable. */
  add(docs: readonly SentenceDoc[]): void;
  /** Refs already in the index (for incremental updates). */
  has(ref: number): boolean;
  /** Releases files or handles; a no-op in memory. */
  close(): void;
}
