/**
 * The persisted sentence index: SQLite FTS5 (through better-sqlite3) over the same analysed terms as
 * the lunr index, behind the SentenceSearchIndex interface of src/search. Adapter level, because
 * the engine's folders may not import a database; the composition root hands it to createEngine.
 *
 * Why FTS5 beyond small corpora (README "Scale"): it opens in milliseconds whatever its size (lunr
 * must deserialise its whole index into memory), adds one article without a rebuild, and keeps its
 * postings on disk instead of in the heap.
 *
 * Terms are analysed in JavaScript (src/search/index-terms.ts) and stored space-separated, so FTS5's
 * tokenizer only splits on spaces: columns w (analysed terms and answer-type markers), x (exact
 * forms), p (phrases, joined by "_") and g (character 3-grams). Column weights in bm25() stand for
 * lunr's clause weights; a boosted term is repeated in the query (bm25 sums over query phrases).
 * FTS5's bm25 has fixed k1 = 1.2 and b = 0.75 (lunr is tuned to 0.5 / 0): BM25 only gathers candidates
 * and adds a small share of the rank, so coverage, not these constants, decides the answer.
 */
import Database from 'better-sqlite3';
import { answerTypeMarkers } from '../search/answer-type.ts';
import { analyzeToken, analyzeWithSurface } from '../text/analyze.ts';
import {
  DEFAULT_QUERY_WEIGHTS,
  EXACT_PREFIX,
  MAX_QUERY_WORDS,
  PHRASE_JOINER,
  charGrams,
  documentTerms,
  exactTerm,
  isPlainTerm,
  queryClauses,
} from '../search/index-terms.ts';
import { DEFAULT_COVERAGE } from '../search/sentence-index.ts';
import type { SearchOptions, SentenceDoc, SentenceHit, SentenceSearchIndex } from '../search/types.ts';

/** Bumped whenever the stored terms change meaning; an index of another version is rebuilt. */
export const FTS5_INDEX_VERSION = '1';

const COLUMN_WEIGHTS = { w: 1, x: 0.3, p: 0.3, g: 0.15 } as const;
type Column = keyof typeof COLUMN_WEIGHTS;
/** Grams in more than this share of the sentences cost much and tell little: left out of queries. */
const MAX_GRAM_SHARE = 0.02;
/**
 * Any term in more than this share of the sentences is left out too: its BM25 weight is near zero,
 * while reading its postings is most of a query's time in a large corpus.
 */
const MAX_TERM_SHARE = 0.1;
/** ... and any term in more than this many: scoring one matching row costs ~10 µs, so this bounds a query. */
const MAX_TERM_DOCS = 3000;
/** At most this many clauses reach SQLite, whatever the question's length. */
const MAX_CLAUSES = 160;
/**
 * At most this many postings (rows matching some clause, summed over clauses) are scored per query:
 * scoring a row costs about a microsecond, so this bounds a question's time in any corpus. Clauses
 * come in order of importance (the question's own words first), so a long tail of expansions is what
 * the budget drops (measured beside 999 other articles: the seed sets score no lower with it).
 */
const MAX_POSTINGS = 3000;
/** Vocabulary counts kept (see `documentsWith`). */
const VOCAB_CACHE = 50_000;
/** Repetitions of a question's own word in the query, against one for each of its expansions. */
const OWN_WORD_BOOST = 2;

export class Fts5IndexError extends Error {
  override readonly name = 'Fts5IndexError';
}

export interface Fts5IndexOptions {
  /** The database file; ':memory:' for a throwaway index. */
  file: string;
  /**
   * The current corpus position of a stable sentence key (`<articleId>#<number>`), or undefined when
   * the sentence is no longer in the corpus. Positions move when an older article is added, keys do not.
   */
  refOf?: (key: string) => number | undefined;
}

/** One stored document: its stable key (default `#<ref>`) and the article it belongs to. */
export interface Fts5Doc extends SentenceDoc {
  key?: string;
  articleId?: string;
}

const BM25 = `bm25(fts, ${COLUMN_WEIGHTS.w}, ${COLUMN_WEIGHTS.x}, ${COLUMN_WEIGHTS.p}, ${COLUMN_WEIGHTS.g})`;

const quote = (term: string): string => `"${term.replaceAll('"', '""')}"`;

export class Fts5SentenceIndex implements SentenceSearchIndex {
  readonly kind = 'sqlite-fts5';
  private readonly db: Database.Database;
  private refOf: (key: string) => number | undefined;
  private readonly insertDoc: Database.Statement;
  private readonly insertFts: Database.Statement;
  private readonly countDocs: Database.Statement;
  private readonly vocabDocs: Database.Statement;
  private readonly hasKey: Database.Statement;
  private readonly searchDocs: Database.Statement;
  private docCount: number;
  /** Sentence counts of terms looked up in the vocabulary, until the index changes. */
  private readonly vocabCache = new Map<string, number>();

  private constructor(db: Database.Database, refOf: ((key: string) => number | undefined) | undefined) {
    this.db = db;
    this.refOf = refOf ?? ((key) => (key.startsWith('#') ? Number(key.slice(1)) : undefined));
    this.insertDoc = db.prepare('INSERT INTO docs(key, article, words) VALUES (?, ?, ?)');
    this.insertFts = db.prepare('INSERT INTO fts(rowid, w, x, p, g) VALUES (?, ?, ?, ?, ?)');
    this.countDocs = db.prepare('SELECT count(*) AS n FROM docs').pluck();
    this.vocabDocs = db.prepare('SELECT doc FROM vocab WHERE term = ? AND col = ?').pluck();
    this.hasKey = db.prepare('SELECT 1 FROM docs WHERE key = ?').pluck();
    // Prepared once: every question runs it.
    this.searchDocs = db.prepare(
      // bm25() called with its weights costs about half of the configured rank function (measured).
      `SELECT d.key AS key, d.words AS words, -f.score AS score
         FROM (SELECT rowid, ${BM25} AS score FROM fts WHERE fts MATCH ? ORDER BY score LIMIT ?) AS f
         JOIN docs d ON d.id = f.rowid`,
    );
    this.docCount = this.countDocs.get() as number;
  }

  /** Opens (creating if needed) an index file; a file of another version is emptied and recreated. */
  static open(options: Fts5IndexOptions): Fts5SentenceIndex {
    let db: Database.Database;
    try {
      db = new Database(options.file);
    } catch (error) {
      throw new Fts5IndexError(`cannot open the sentence index ${options.file}`, { cause: error });
    }
    // Another process on the same DATA_DIR (a second bot, an `ask` beside it) waits for its writer
    // instead of failing at once; a first build's long write still ends in a named error below.
    db.pragma('busy_timeout = 10000');
    try {
      Fts5SentenceIndex.prepare(db);
    } catch (error) {
      db.close();
      throw new Fts5IndexError(`cannot prepare the sentence index ${options.file} (another process may be writing it)`, { cause: error });
    }
    return new Fts5SentenceIndex(db, options.refOf);
  }

  /** Schema and version: a file of another version is emptied and recreated. */
  private static prepare(db: Database.Database): void {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // An index of this version is only read here: a start takes no write lock (a writer elsewhere
    // does not block it, and it blocks no one).
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").pluck().get() !== undefined;
    const version = hasMeta ? (db.prepare("SELECT value FROM meta WHERE key = 'version'").pluck().get() as string | undefined) : undefined;
    const ready = db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('docs', 'articles', 'fts', 'vocab')").pluck().get() === 4;
    if (version === FTS5_INDEX_VERSION && ready) return;
    db.exec('CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    if (version !== FTS5_INDEX_VERSION) {
      db.exec('DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS vocab; DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS articles;');
    }
    db.exec(`
      CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, article TEXT NOT NULL, words TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS docs_article ON docs(article);
      CREATE TABLE IF NOT EXISTS articles(id TEXT PRIMARY KEY, hash TEXT NOT NULL);
      CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(w, x, p, g, content='', contentless_delete=1,
        tokenize = "unicode61 remove_diacritics 0 tokenchars '=#_' separators ' '");
    `);
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, 'col');`);
    db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('version', ?)").run(FTS5_INDEX_VERSION);
  }

  /** A throwaway in-memory index over docs (tests, benches). */
  static build(docs: readonly Fts5Doc[]): Fts5SentenceIndex {
    const index = Fts5SentenceIndex.open({ file: ':memory:' });
    index.add(docs);
    return index;
  }

  get size(): number {
    return this.docCount;
  }

  /** Points stored keys at current corpus positions (after articles were added or removed). */
  bind(refOf: (key: string) => number | undefined): void {
    this.refOf = refOf;
  }

  has(ref: number): boolean {
    return this.hasKey.get(`#${ref}`) !== undefined;
  }

  hasKeyed(key: string): boolean {
    return this.hasKey.get(key) !== undefined;
  }

  /** Article id → the analysis hash it was indexed with. */
  articleHashes(): Map<string, string> {
    const rows = this.db.prepare('SELECT id, hash FROM articles').all() as { id: string; hash: string }[];
    return new Map(rows.map((row) => [row.id, row.hash]));
  }

  /** Replaces one article's sentences in one transaction (a crash leaves the old or the new, never half). */
  putArticle(articleId: string, hash: string, docs: readonly Fts5Doc[]): void {
    this.db.transaction(() => {
      this.removeArticleNow(articleId);
      this.addNow(docs.map((doc) => ({ ...doc, articleId })));
      this.db.prepare('INSERT OR REPLACE INTO articles(id, hash) VALUES (?, ?)').run(articleId, hash);
    })();
  }

  removeArticle(articleId: string): void {
    this.db.transaction(() => {
      this.removeArticleNow(articleId);
      this.db.prepare('DELETE FROM articles WHERE id = ?').run(articleId);
    })();
  }

  add(docs: readonly Fts5Doc[]): void {
    this.db.transaction(() => this.addNow(docs))();
  }

  /**
   * Merges the index's segments into one. A bulk build leaves several, and each query term is looked
   * up in every segment: one segment reads fewer pages per question (measured beside 9,999 synthetic
   * articles: about a fifth of a query's time). Results are identical: the merge only rewrites the
   * postings. Takes seconds on a large index, so worth it after a large change only.
   */
  optimize(): void {
    this.db.exec("INSERT INTO fts(fts) VALUES('optimize')");
  }

  /** Runs work in one transaction (many articles at a first build: one commit, not thousands). */
  batch(work: () => void): void {
    try {
      this.db.transaction(work)();
    } finally {
      this.docCount = this.countDocs.get() as number; // a rolled-back batch leaves the old count
    }
  }

  private removeArticleNow(articleId: string): void {
    this.vocabCache.clear();
    const ids = this.db.prepare('SELECT id FROM docs WHERE article = ?').pluck().all(articleId) as number[];
    const deleteFts = this.db.prepare('DELETE FROM fts WHERE rowid = ?');
    for (const id of ids) deleteFts.run(id);
    this.db.prepare('DELETE FROM docs WHERE article = ?').run(articleId);
    this.docCount -= ids.length;
  }

  private addNow(docs: readonly Fts5Doc[]): void {
    this.vocabCache.clear();
    for (const doc of docs) {
      const key = doc.key ?? `#${doc.ref}`;
      if (this.hasKey.get(key) !== undefined) continue;
      const arabic = documentTerms(doc.text, answerTypeMarkers);
      const english = doc.english ? documentTerms(doc.english, answerTypeMarkers, false) : null;
      const words = [...arabic.words, ...(english?.words ?? [])];
      const exact = [...arabic.exact, ...(english?.exact ?? [])];
      const phrases = [...arabic.phrases, ...(english?.phrases ?? [])].map((p) => p.replaceAll(PHRASE_JOINER, '_'));
      const plain = [...new Set(words.filter(isPlainTerm))].join(' ');
      const result = this.insertDoc.run(key, doc.articleId ?? '', plain);
      this.insertFts.run(result.lastInsertRowid, words.join(' '), exact.join(' '), phrases.join(' '), arabic.grams.join(' '));
      this.docCount += 1;
    }
  }

  search(question: string, options: SearchOptions = {}): SentenceHit[] {
    const limit = options.limit ?? 10;
    if (limit <= 0 || this.docCount === 0) return [];
    const extra = (options.extraTerms ?? []).flatMap((text) => analyzeWithSurface(text));
    const clauses = queryClauses(question, extra, options.boosts ?? {}, { ...DEFAULT_QUERY_WEIGHTS, ...options.weights, fuzzy: 0 });
    // Same term in the same column: one phrase, boosted by repetition (bm25 sums over phrases).
    const weighted = new Map<string, { column: Column; term: string; boost: number }>();
    // The question's own words count twice against their expansions and translations (each earns
    // less than the word itself), so in a large corpus the expansions alone cannot fill the top-K.
    const own = new Set(analyzeWithSurface(question).flatMap(({ surface, term }) => [term, exactTerm(surface)]));
    for (const clause of clauses) {
      let column: Column = 'w';
      let term = clause.term;
      if (clause.field === 'grams') column = 'g';
      else if (term.startsWith(EXACT_PREFIX)) column = 'x';
      else if (term.includes(PHRASE_JOINER)) {
        column = 'p';
        term = term.replaceAll(PHRASE_JOINER, '_');
      }
      const id = `${column}:${term}`;
      const boost = column !== 'g' && own.has(clause.term) ? clause.boost * OWN_WORD_BOOST : clause.boost;
      const entry = weighted.get(id);
      if (entry) entry.boost = Math.max(entry.boost, boost);
      else weighted.set(id, { column, term, boost });
    }
    // Character grams stand in for words the index does not know (typos, derivations): a known word
    // is found by its own term, and its grams would only add long postings.
    for (const [id, entry] of weighted) if (entry.column === 'g') weighted.delete(id);
    for (const { surface, term } of analyzeWithSurface(question).slice(0, MAX_QUERY_WORDS)) {
      if ((options.documentFrequency?.(term) ?? this.documentsWith(term, 'w')) > 0) continue;
      for (const gram of charGrams(surface)) if (!weighted.has(`g:${gram}`)) weighted.set(`g:${gram}`, { column: 'g', term: gram, boost: options.boosts?.[term] ?? 1 });
    }
    const maxGramDocs = Math.max(5, MAX_GRAM_SHARE * this.docCount);
    const maxTermDocs = Math.min(MAX_TERM_DOCS, Math.max(50, MAX_TERM_SHARE * this.docCount));
    // The caller's statistics answer for analysed terms and (through their stems) exact forms; the
    // index is asked only about grams, phrases and markers.
    const known = options.documentFrequency;
    const documents = (term: string, column: Column): number => {
      if (known && column === 'w' && isPlainTerm(term)) return known(term);
      if (known && column === 'x') return known(analyzeToken(term.slice(EXACT_PREFIX.length)) ?? '');
      if (column === 'p') return 1; // phrases are rare by nature; looking each up would cost more than it saves
      return this.documentsWith(term, column);
    };
    const parts: string[] = [];
    const plainQueryTerms = new Set<string>();
    let postings = MAX_POSTINGS;
    for (const { column, term, boost } of weighted.values()) {
      if (parts.length >= MAX_CLAUSES) break;
      const found = documents(term, column);
      if (found === 0 || found > (column === 'g' ? maxGramDocs : maxTermDocs) || found > postings) continue;
      postings -= found;
      if (column === 'w' && isPlainTerm(term)) plainQueryTerms.add(term);
      const repeat = Math.max(1, Math.min(3, Math.round(boost)));
      for (let i = 0; i < repeat; i += 1) parts.push(`${column} : ${quote(term)}`);
    }
    if (parts.length === 0) return [];
    let rows: { key: string; words: string; score: number }[];
    try {
      rows = this.searchDocs.all(parts.join(' OR '), limit * 2 + 10) as { key: string; words: string; score: number }[];
    } catch (error) {
      // Quoted terms cannot be read as syntax; anything else is a broken index, not the user's fault.
      throw new Fts5IndexError('sentence index query failed', { cause: error });
    }
    // The same coordination factor as the lunr index (sentence-index.ts): the score scaled by the
    // share of the query's analysed terms the sentence holds.
    const queryTerms = new Set([...weighted.values()].filter((e) => e.column === 'w' && isPlainTerm(e.term)).map((e) => e.term));
    const coverage = options.coverage ?? DEFAULT_COVERAGE;
    const hits: SentenceHit[] = [];
    for (const row of rows) {
      const ref = this.refOf(row.key);
      if (ref === undefined) continue;
      const matchedTerms = row.words.split(' ').filter((t) => plainQueryTerms.has(t));
      const share = queryTerms.size === 0 ? 1 : matchedTerms.length / queryTerms.size;
      hits.push({ ref, score: row.score * (1 - coverage + coverage * share), matchedTerms });
    }
    return hits.sort((a, b) => b.score - a.score || a.ref - b.ref).slice(0, limit);
  }

  /** In how many sentences a term occurs in a column (0 when never); asked again and again for grams and markers. */
  private documentsWith(term: string, column: Column): number {
    const id = `${column}:${term}`;
    let n = this.vocabCache.get(id);
    if (n === undefined) {
      if (this.vocabCache.size >= VOCAB_CACHE) this.vocabCache.clear();
      n = (this.vocabDocs.get(term, column) as number | undefined) ?? 0;
      this.vocabCache.set(id, n);
    }
    return n;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
