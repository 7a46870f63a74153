/**
 * Opens the persisted FTS5 sentence index in DATA_DIR and brings it up to date with the corpus:
 * articles whose analysis hash changed are replaced, new ones added, removed ones deleted, each
 * in its own transaction. Adding one article to a large corpus therefore touches one article's rows.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexedArticle } from '../answer/create-engine.ts';
import { Fts5SentenceIndex } from './fts5-index.ts';

/**
 * Articles changed at one start from which the index is merged into one segment (a first build, a new
 * pipeline, a large import); a few articles added now and then leave FTS5's own merging to keep it compact.
 */
const OPTIMIZE_AFTER = 100;

export interface PersistedIndexOptions {
  dataDir: string;
  progress?(line: string): void;
}

export function indexFile(dataDir: string): string {
  return join(dataDir, 'index', 'sentences.sqlite');
}

/** The `openIndex` option of createEngine for a persisted FTS5 index. */
export function openPersistedIndex(options: PersistedIndexOptions): (articles: readonly IndexedArticle[]) => Fts5SentenceIndex {
  return (articles) => {
    mkdirSync(join(options.dataDir, 'index'), { recursive: true });
    const index = Fts5SentenceIndex.open({ file: indexFile(options.dataDir) });
    const stored = index.articleHashes();
    const changed = articles.filter((article) => stored.get(article.id) !== article.hash);
    const present = new Set(articles.map((article) => article.id));
    const removed = [...stored.keys()].filter((id) => !present.has(id));
    const started = performance.now();
    index.batch(() => {
      for (const id of removed) index.removeArticle(id);
      changed.forEach((article, i) => {
        index.putArticle(article.id, article.hash, article.sentences.map((s) => ({ key: s.id, ref: s.ref, text: s.text, english: s.english })));
        if ((i + 1) % 500 === 0 || i + 1 === changed.length) {
          const seconds = (performance.now() - started) / 1000;
          options.progress?.(`indexing articles: ${i + 1}/${changed.length} (${seconds.toFixed(0)} s)`);
        }
      });
    });
    if (changed.length + removed.length >= OPTIMIZE_AFTER) index.optimize();
    // A key is `<articleId>#<number>`: its position is the article's first plus the number (one entry
    // per article, not per sentence, at every start).
    const placed = new Map<string, { first: number; count: number }>();
    for (const article of articles) placed.set(article.id, { first: article.sentences[0]?.ref ?? 0, count: article.sentences.length });
    index.bind((key) => {
      const at = key.lastIndexOf('#');
      const article = placed.get(key.slice(0, at));
      const number = Number(key.slice(at + 1));
      return article && Number.isInteger(number) && number >= 0 && number < article.count ? article.first + number : undefined;
    });
    return index;
  };
}

/**
 * The persisted index across engine rebuilds: each rebuild opens a new connection, and the one it
 * replaces is closed a little later, so that a question in flight on the old engine can finish.
 */
export class IndexGenerations {
  private current: Fts5SentenceIndex | null = null;
  private previous: Fts5SentenceIndex | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly openIndex: (articles: readonly IndexedArticle[]) => Fts5SentenceIndex,
    private readonly graceMs = 60_000,
  ) {}

  open(articles: readonly IndexedArticle[]): Fts5SentenceIndex {
    const index = this.openIndex(articles);
    this.previous = this.current;
    this.current = index;
    return index;
  }

  /** Called once the engine over the newest index is in place. */
  retirePrevious(): void {
    const old = this.previous;
    this.previous = null;
    if (!old) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      old.close();
    }, this.graceMs);
    timer.unref();
    this.timers.add(timer);
  }

  closeAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.previous?.close();
    this.current?.close();
    this.previous = this.current = null;
  }
}
