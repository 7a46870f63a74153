/**
 * Persisted per-article analyses in DATA_DIR, so a start loads what earlier starts computed:
 *
 *   <dataDir>/analysis/<pipeline fingerprint>/manifest.json   meta file → sizes, mtimes and content hash
 *   <dataDir>/analysis/<pipeline fingerprint>/<hash>.json     one article's analysis (article-analysis.ts)
 *   <dataDir>/analysis/<pipeline fingerprint>/pack.json       what a start reads: every article's summary, term frequencies
 *
 * An article's hash covers its metadata, its text and the pipeline fingerprint, so an edited article
 * or a changed pipeline (code or knowledge) is analysed again; the manifest only saves re-reading and
 * re-hashing files whose size and modification time did not change. Files are written to a temporary
 * name and renamed, so a crash never leaves half an analysis. Analyses of another fingerprint sit in
 * their own folder and are removed once the new one is complete.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ArticleMeta } from '../corpus/article.ts';
import { articleMetaSchema, CorpusError } from '../corpus/load.ts';
import { tokenize } from '../text/tokenize.ts';
import type { TimelineEvent } from '../events/types.ts';
import { storedEvents, summariseAnalysis, type ArticleAnalysis, type ArticleSummary, type CompactEvidence } from './article-analysis.ts';

export interface StoredArticle {
  /** Content hash (metadata, text, pipeline fingerprint): the analysis file's name. */
  hash: string;
  analysis: ArticleAnalysis;
}

export interface AnalysisStoreOptions {
  corpusDir: string;
  /** DATA_DIR; analyses go under `<dataDir>/analysis/`. */
  dataDir: string;
  /** Changes whenever the analysis would: pipeline version, code and knowledge hashes. */
  fingerprint: string;
  analyse(meta: ArticleMeta, text: string): ArticleAnalysis;
  /** Called while articles are analysed (not when loaded): done, total to analyse. */
  progress?(done: number, total: number): void;
}

interface ManifestEntry {
  metaSize: number;
  metaMtime: number;
  textFile: string;
  textSize: number;
  textMtime: number;
  hash: string;
}

/**
 * Checked by hand, not with a schema: the manifest has an entry per article, and at a start of a large
 * corpus a schema's first (cold) pass over ten thousand of them cost about a tenth of a second.
 */
function isManifestEntry(value: unknown): value is ManifestEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.metaSize === 'number' && typeof entry.metaMtime === 'number' && typeof entry.textFile === 'string'
    && typeof entry.textSize === 'number' && typeof entry.textMtime === 'number' && typeof entry.hash === 'string';
}

/** The on-disk form of an analysis; a new form is a new folder, so files of the old one are never misread. */
const FILE_FORMAT = 2;
const folderOf = (fingerprint: string): string => `${fingerprint}-f${FILE_FORMAT}`;

/** The folder of one pipeline's analyses in DATA_DIR. */
export function analysisFolder(dataDir: string, fingerprint: string): string {
  return join(dataDir, 'analysis', folderOf(fingerprint));
}

/**
 * An analysis file keeps each sentence's evidence, the sentences and the events as JSON strings inside
 * the JSON: reading an article for one candidate sentence parses its term table and that sentence's
 * evidence, not the whole article (measured: about half the time per article).
 */
interface AnalysisFile extends Omit<ArticleAnalysis, 'sentences' | 'events' | 'evidence'> {
  sentences: string;
  events: string;
  evidence: string[];
}

function encodeAnalysis(analysis: ArticleAnalysis): string {
  const file: AnalysisFile = {
    ...analysis,
    sentences: JSON.stringify(analysis.sentences),
    events: JSON.stringify(analysis.events),
    evidence: analysis.evidence.map((item) => JSON.stringify(item)),
  };
  return JSON.stringify(file);
}

function decodeAnalysis(text: string): ArticleAnalysis {
  const { sentences: sentencesText, events: eventsText, evidence: evidenceTexts, ...rest } = JSON.parse(text) as AnalysisFile;
  let sentences: ArticleAnalysis['sentences'] | undefined;
  let events: ArticleAnalysis['events'] | undefined;
  const parsed: (CompactEvidence | undefined)[] = Array.from({ length: evidenceTexts.length });
  // An array whose items are parsed when first read (indexing, iteration and map all read by index).
  const evidence = new Proxy(parsed, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const i = Number(key);
        const raw = Number.isInteger(i) ? evidenceTexts[i] : undefined;
        if (raw !== undefined) return (target[i] ??= JSON.parse(raw) as CompactEvidence);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as CompactEvidence[];
  return {
    ...rest,
    get sentences() {
      return (sentences ??= JSON.parse(sentencesText) as ArticleAnalysis['sentences']);
    },
    get events() {
      return (events ??= JSON.parse(eventsText) as ArticleAnalysis['events']);
    },
    evidence,
  };
}

function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

function readManifest(file: string): Record<string, ManifestEntry> {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const manifest: Record<string, ManifestEntry> = {};
    for (const [name, e] of Object.entries(parsed)) {
      if (!isManifestEntry(e)) return {}; // as unreadable: re-hashing costs only time
      manifest[name] = { metaSize: e.metaSize, metaMtime: e.metaMtime, textFile: e.textFile, textSize: e.textSize, textMtime: e.textMtime, hash: e.hash };
    }
    return manifest;
  } catch {
    return {}; // an unreadable manifest only costs re-hashing
  }
}

function readMeta(file: string): ArticleMeta {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CorpusError('not valid JSON', file, { cause: error });
  }
  const parsed = articleMetaSchema.safeParse(raw);
  if (!parsed.success) throw new CorpusError(z.prettifyError(parsed.error), file);
  return parsed.data;
}

/** The corpus's analyses on disk: every article's hash, analysed now when new or changed. */
interface Catalogue {
  hashes: string[];
  read(hash: string): ArticleAnalysis;
  /** The same, not kept: for passes over many articles. */
  readOnce(hash: string): ArticleAnalysis;
  /** Removes analyses no longer in the corpus and other pipelines' folders (after any `read` of them). */
  cleanup(): void;
}

function catalogue(options: AnalysisStoreOptions): Catalogue {
  const root = join(options.dataDir, 'analysis');
  const dir = join(root, folderOf(options.fingerprint));
  mkdirSync(dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = readManifest(manifestFile);
  const next: Record<string, ManifestEntry> = {};
  const metaNames = readdirSync(options.corpusDir).filter((name) => name.endsWith('.json')).sort();
  // One listing instead of a lookup per article: a start of a large corpus is mostly these checks.
  const stored = new Set(readdirSync(dir));

  // First pass: which articles are known (cheap: stat calls), which must be read and hashed.
  const hashes: string[] = [];
  // Without their text: a first build of a large corpus would hold every article's text at once.
  const toAnalyse: { meta: ArticleMeta; textPath: string; hash: string }[] = [];
  for (const name of metaNames) {
    const metaFile = join(options.corpusDir, name);
    const metaStat = statSync(metaFile);
    const entry = manifest[name];
    if (entry && entry.metaSize === metaStat.size && entry.metaMtime === metaStat.mtimeMs) {
      const textStat = statSync(join(options.corpusDir, entry.textFile), { throwIfNoEntry: false });
      if (textStat && entry.textSize === textStat.size && entry.textMtime === textStat.mtimeMs && stored.has(`${entry.hash}.json`)) {
        next[name] = entry;
        hashes.push(entry.hash);
        continue;
      }
    }
    const meta = readMeta(metaFile);
    const textPath = join(options.corpusDir, meta.textFile);
    let text: string;
    try {
      text = readFileSync(textPath, 'utf8');
    } catch (error) {
      throw new CorpusError('text file cannot be read', textPath, { cause: error });
    }
    const hash = createHash('sha256').update(options.fingerprint).update('\0').update(JSON.stringify(meta)).update('\0').update(text).digest('hex').slice(0, 32);
    const textStat = statSync(textPath);
    next[name] = { metaSize: metaStat.size, metaMtime: metaStat.mtimeMs, textFile: meta.textFile, textSize: textStat.size, textMtime: textStat.mtimeMs, hash };
    hashes.push(hash);
    if (!stored.has(`${hash}.json`)) toAnalyse.push({ meta, textPath, hash });
  }

  // Written and let go one by one: a first build of a large corpus never holds every analysis at once.
  toAnalyse.forEach(({ meta, textPath, hash }, i) => {
    writeAtomically(join(dir, `${hash}.json`), encodeAnalysis(options.analyse(meta, readFileSync(textPath, 'utf8'))));
    options.progress?.(i + 1, toAnalyse.length);
  });
  const manifestText = JSON.stringify(next);
  if (manifestText !== JSON.stringify(manifest)) writeAtomically(manifestFile, manifestText);

  // The analyses questions read (their candidates' articles), kept parsed; the least recently used go.
  const recent = new Map<string, ArticleAnalysis>();
  const readOnce = (hash: string): ArticleAnalysis => recent.get(hash) ?? decodeAnalysis(readFileSync(join(dir, `${hash}.json`), 'utf8'));
  return {
    hashes,
    readOnce,
    read: (hash) => {
      let analysis = recent.get(hash);
      if (analysis) recent.delete(hash);
      else {
        analysis = readOnce(hash);
        if (recent.size >= READ_ARTICLES_LIMIT) recent.delete(recent.keys().next().value as string);
      }
      recent.set(hash, analysis);
      return analysis;
    },
    cleanup: () => {
      // Analyses of edited or removed articles, and of an older pipeline, are dead weight.
      const live = new Set([...Object.values(next).map((entry) => `${entry.hash}.json`), 'manifest.json', PACK_FILE, EVENTS_FILE]);
      for (const name of readdirSync(dir)) if (name.endsWith('.json') && !live.has(name)) rmSync(join(dir, name), { force: true });
      for (const other of readdirSync(root)) if (other !== folderOf(options.fingerprint)) rmSync(join(root, other), { recursive: true, force: true });
    },
  };
}

function checkUniqueIds(ids: Iterable<string>, corpusDir: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new CorpusError(`duplicate article id ${id}`, corpusDir);
    seen.add(id);
  }
}

const byPublication = (a: ArticleMeta, b: ArticleMeta): number => a.published.localeCompare(b.published) || a.id.localeCompare(b.id);

/**
 * Every article of the corpus with its analysis: loaded from the store when present, analysed and
 * stored otherwise. Sorted by publication date, then id (the corpus order of loadCorpus).
 */
export function loadAnalyses(options: AnalysisStoreOptions): StoredArticle[] {
  const found = catalogue(options);
  const stored = found.hashes.map((hash) => ({ hash, analysis: found.read(hash) }));
  found.cleanup();
  checkUniqueIds(stored.map((s) => s.analysis.meta.id), options.corpusDir);
  return stored.sort((a, b) => byPublication(a.analysis.meta, b.analysis.meta));
}

const PACK_FILE = 'pack.json';
/** Each article's events on a line of its own (`<hash>\t<json>`), so an update copies the lines it keeps. */
const EVENTS_FILE = 'events.jsonl';
/** Analyses kept parsed at once (see `read`). */
const READ_ARTICLES_LIMIT = 1_000;
const PACK_VERSION = 4;
const ARABIC_WORD = /\p{Script=Arabic}/u;

/** What a start needs of every article; the rest of its analysis is read when one of its sentences is a candidate. */
export interface PackedArticle {
  hash: string;
  summary: ArticleSummary;
}

/** The corpus as a start reads it: one file, plus the sentence frequency of every analysed term. */
export interface PackedCorpus {
  /** In corpus order (publication date, then id). */
  articles: PackedArticle[];
  /** In how many sentences each analysed term occurs, over the whole corpus. */
  documentFrequency: Map<string, number>;
  /** Every Arabic word of the articles as written, with its number of occurrences (typos and names look here). */
  words: Map<string, number>;
  /** One article's whole analysis (read from its file; the latest read are kept). */
  read(hash: string): ArticleAnalysis;
  /** The same, not kept: for passes over many articles. */
  readOnce(hash: string): ArticleAnalysis;
  /** Every article's events by analysis hash (`storedEvents`), read from `events.jsonl` when first called. */
  events(): Map<string, TimelineEvent[]>;
}

interface PackFile {
  version: number;
  articles: PackedArticle[];
  terms: string[];
  counts: number[];
  words: string[];
  wordCounts: number[];
}

function readPack(file: string): PackFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const pack = JSON.parse(readFileSync(file, 'utf8')) as PackFile;
    return pack.version === PACK_VERSION && Array.isArray(pack.articles) && pack.terms.length === pack.counts.length && pack.words.length === pack.wordCounts.length
      ? pack
      : undefined;
  } catch {
    return undefined; // an unreadable pack only costs rebuilding it
  }
}

/** Writes the pack piece by piece (one article at a time), never as one string of the whole corpus. */
function writePack(file: string, articles: readonly PackedArticle[], documentFrequency: ReadonlyMap<string, number>, words: ReadonlyMap<string, number>): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, `{"version":${PACK_VERSION},"articles":[`);
    articles.forEach((article, i) => writeSync(fd, `${i > 0 ? ',' : ''}${JSON.stringify(article)}`));
    writeSync(fd, ']');
    const table = (name: string, keys: string, values: string): string => `,"${name}":${keys},"${values}"`;
    const terms = [...documentFrequency.keys()];
    writeSync(fd, table('terms', JSON.stringify(terms), 'counts'));
    writeSync(fd, `:${JSON.stringify(terms.map((t) => documentFrequency.get(t) ?? 0))}`);
    const wordList = [...words.keys()];
    writeSync(fd, table('words', JSON.stringify(wordList), 'wordCounts'));
    writeSync(fd, `:${JSON.stringify(wordList.map((w) => words.get(w) ?? 0))}}`);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/**
 * The corpus from one packed file in DATA_DIR (`analysis/<fingerprint>/pack.json`), brought up to
 * date with the corpus: articles added or removed since it was written change it by their own
 * analyses alone, so adding one article to a large corpus reads one analysis, not all of them.
 */
export function loadPackedAnalyses(options: AnalysisStoreOptions): PackedCorpus {
  const found = catalogue(options);
  const dir = join(options.dataDir, 'analysis', folderOf(options.fingerprint));
  const packFile = join(dir, PACK_FILE);
  const old = readPack(packFile);
  const current = new Set(found.hashes);
  const kept = (old?.articles ?? []).filter((a) => current.has(a.hash));
  const keptHashes = new Set(kept.map((a) => a.hash));
  const removed = (old?.articles ?? []).filter((a) => !current.has(a.hash));

  const documentFrequency = new Map<string, number>();
  const words = new Map<string, number>();
  const tally = (map: Map<string, number>, key: string, sign: 1 | -1): void => {
    const n = (map.get(key) ?? 0) + sign;
    if (n > 0) map.set(key, n);
    else map.delete(key);
  };
  const count = (analysis: ArticleAnalysis, sign: 1 | -1): void => {
    for (const sentence of analysis.sentences) for (const word of tokenize(sentence.text)) if (ARABIC_WORD.test(word)) tally(words, word, sign);
    for (const item of analysis.evidence) {
      for (const t of item.t) tally(documentFrequency, analysis.terms[t] ?? '', sign);
    }
  };
  let articles = [...kept];
  let added = found.hashes.filter((hash) => !keptHashes.has(hash));
  try {
    if (old) {
      old.terms.forEach((term, i) => documentFrequency.set(term, old.counts[i] ?? 0));
      old.words.forEach((word, i) => words.set(word, old.wordCounts[i] ?? 0));
    }
    for (const article of removed) count(found.readOnce(article.hash), -1);
  } catch {
    // A removed article's analysis is gone (the store was cleaned without the pack): count afresh.
    documentFrequency.clear();
    words.clear();
    articles = [];
    added = found.hashes;
  }
  const addedEvents: string[] = [];
  for (const hash of added) {
    const analysis = found.readOnce(hash);
    count(analysis, 1);
    articles.push({ hash, summary: summariseAnalysis(analysis) });
    addedEvents.push(`${hash}\t${JSON.stringify(storedEvents(analysis))}\n`);
  }
  articles.sort((a, b) => byPublication(a.summary.meta, b.summary.meta));
  const eventsFile = join(dir, EVENTS_FILE);
  if (!old || added.length > 0 || removed.length > 0 || !existsSync(eventsFile)) {
    writeEvents(eventsFile, old && articles.length > added.length ? new Set(articles.map((a) => a.hash)) : null, addedEvents, found.readOnce, articles);
    writePack(packFile, articles, documentFrequency, words);
  }
  found.cleanup();
  checkUniqueIds(articles.map((a) => a.summary.meta.id), options.corpusDir);
  let events: Map<string, TimelineEvent[]> | undefined;
  return { articles, documentFrequency, words, read: found.read, readOnce: found.readOnce, events: () => (events ??= readEvents(eventsFile)) };
}

/**
 * Rewrites the events file: the lines of the articles kept (copied as text, never parsed) and the
 * added articles' lines. Without an earlier file to copy from, every article's analysis is read.
 */
function writeEvents(
  file: string,
  keep: ReadonlySet<string> | null,
  addedLines: readonly string[],
  read: (hash: string) => ArticleAnalysis,
  articles: readonly PackedArticle[],
): void {
  const lines: string[] = [];
  const have = new Set<string>();
  if (keep && existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const hash = line.slice(0, line.indexOf('\t'));
      if (keep.has(hash) && !have.has(hash)) {
        lines.push(`${line}\n`);
        have.add(hash);
      }
    }
  }
  for (const line of addedLines) {
    have.add(line.slice(0, line.indexOf('\t')));
    lines.push(line);
  }
  // An article neither copied nor added (a missing or older events file): from its analysis.
  for (const { hash } of articles) if (!have.has(hash)) lines.push(`${hash}\t${JSON.stringify(storedEvents(read(hash)))}\n`);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, lines.join(''));
  renameSync(temporary, file);
}

function readEvents(file: string): Map<string, TimelineEvent[]> {
  const events = new Map<string, TimelineEvent[]>();
  if (!existsSync(file)) return events;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) events.set(line.slice(0, tab), JSON.parse(line.slice(tab + 1)) as TimelineEvent[]);
  }
  return events;
}
