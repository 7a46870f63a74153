/**
 * Persisted per-article analyses in DATA_DIR, so a start loads what earlier starts computed:
 *
 *   <dataDir>/analysis/<pipeline fingerprint>/manifest.json   meta file → sizes, mtimes and content hash
 *   <dataDir>/analysis/<pipeline fingerprint>/<hash>.json     one article's analysis (article-analysis.ts)
 *
 * An article's hash covers its metadata, its text and the pipeline fingerprint, so an edited article
 * or a changed pipeline (code or knowledge) is analysed again; the manifest only saves re-reading and
 * re-hashing files whose size and modification time did not change. Files are written to a temporary
 * name and renamed, so a crash never leaves half an analysis. Analyses of another fingerprint sit in
 * their own folder and are removed once the new one is complete.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ArticleMeta } from '../corpus/article.ts';
import { articleMetaSchema, CorpusError } from '../corpus/load.ts';
import type { ArticleAnalysis } from './article-analysis.ts';

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

const manifestSchema = z.record(z.string(), z.object({
  metaSize: z.number(), metaMtime: z.number(), textFile: z.string(), textSize: z.number(), textMtime: z.number(), hash: z.string(),
}));

function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

function readManifest(file: string): Record<string, ManifestEntry> {
  if (!existsSync(file)) return {};
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : {};
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

/**
 * Every article of the corpus with its analysis: loaded from the store when present, analysed and
 * stored otherwise. Sorted by publication date, then id (the corpus order of loadCorpus).
 */
export function loadAnalyses(options: AnalysisStoreOptions): StoredArticle[] {
  const root = join(options.dataDir, 'analysis');
  const dir = join(root, options.fingerprint);
  mkdirSync(dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = readManifest(manifestFile);
  const next: Record<string, ManifestEntry> = {};
  const metaNames = readdirSync(options.corpusDir).filter((name) => name.endsWith('.json')).sort();

  // First pass: which articles are known (cheap: stat calls), which must be read and hashed.
  const known: { name: string; hash: string }[] = [];
  const toAnalyse: { name: string; meta: ArticleMeta; text: string; hash: string }[] = [];
  for (const name of metaNames) {
    const metaFile = join(options.corpusDir, name);
    const metaStat = statSync(metaFile);
    const entry = manifest[name];
    if (entry && entry.metaSize === metaStat.size && entry.metaMtime === metaStat.mtimeMs) {
      const textPath = join(options.corpusDir, entry.textFile);
      const textStat = existsSync(textPath) ? statSync(textPath) : undefined;
      if (textStat && entry.textSize === textStat.size && entry.textMtime === textStat.mtimeMs && existsSync(join(dir, `${entry.hash}.json`))) {
        next[name] = entry;
        known.push({ name, hash: entry.hash });
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
    if (existsSync(join(dir, `${hash}.json`))) known.push({ name, hash });
    else toAnalyse.push({ name, meta, text, hash });
  }

  const stored: StoredArticle[] = [];
  for (const { hash } of known) {
    stored.push({ hash, analysis: JSON.parse(readFileSync(join(dir, `${hash}.json`), 'utf8')) as ArticleAnalysis });
  }
  toAnalyse.forEach(({ meta, text, hash }, i) => {
    const analysis = options.analyse(meta, text);
    writeAtomically(join(dir, `${hash}.json`), JSON.stringify(analysis));
    stored.push({ hash, analysis });
    options.progress?.(i + 1, toAnalyse.length);
  });
  const manifestText = JSON.stringify(next);
  if (manifestText !== JSON.stringify(manifest)) writeAtomically(manifestFile, manifestText);
  // Analyses of edited or removed articles, and of an older pipeline, are dead weight.
  const live = new Set(Object.values(next).map((entry) => `${entry.hash}.json`));
  for (const name of readdirSync(dir)) if (name.endsWith('.json') && name !== 'manifest.json' && !live.has(name)) rmSync(join(dir, name), { force: true });
  for (const other of readdirSync(root)) if (other !== options.fingerprint) rmSync(join(root, other), { recursive: true, force: true });

  const seen = new Set<string>();
  for (const { analysis } of stored) {
    if (seen.has(analysis.meta.id)) throw new CorpusError(`duplicate article id ${analysis.meta.id}`, options.corpusDir);
    seen.add(analysis.meta.id);
  }
  return stored.sort((a, b) => a.analysis.meta.published.localeCompare(b.analysis.meta.published) || a.analysis.meta.id.localeCompare(b.analysis.meta.id));
}
