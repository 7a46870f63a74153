import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article, ArticleMeta, Corpus, Sentence } from './article.ts';
import { articleKey, sentenceKey } from './ids.ts';
import { splitSentences } from './sentences.ts';

export class CorpusError extends Error {
  constructor(message: string, readonly file: string, options?: ErrorOptions) {
    super(`${file}: ${message}`, options);
    this.name = 'CorpusError';
  }
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** The metadata file's schema (also read by the analysis store). */
export const articleMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  textFile: z.string().min(1),
  language: z.enum(['ar', 'en']),
  published: isoDate,
  publisher: z.string().min(1).nullable(),
  url: z.url().nullable(),
  titleEn: z.string().min(1).optional(),
  english: z.record(z.string().regex(/^\d+$/), z.string().min(1)).optional(),
  story: z.string().min(1).optional(),
  ingestedAt: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
});

/** Validates parsed JSON as article metadata; throws `CorpusError` naming the bad field. */
export function parseArticleMeta(raw: unknown, file: string): ArticleMeta {
  const parsed = articleMetaSchema.safeParse(raw);
  if (!parsed.success) throw new CorpusError(z.prettifyError(parsed.error), file);
  return parsed.data;
}

/**
 * Builds an article from its metadata and verbatim text: the first non-empty line is the headline
 * (sentence 0), every later non-empty line a paragraph split into sentences numbered from 1.
 */
export function parseArticle(meta: ArticleMeta, text: string, firstRef = 0): Article {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const [headline, ...paragraphs] = lines;
  if (headline === undefined) throw new CorpusError('article text is empty', meta.textFile);
  const english = meta.english ?? {};
  const sentences: Sentence[] = [];
  const push = (text: string, paragraph: number): void => {
    const number = sentences.length;
    sentences.push({
      id: `${meta.id}#${number}`,
      key: sentenceKey(meta.id, number),
      articleId: meta.id,
      number,
      ref: firstRef + number,
      paragraph,
      text,
      english: english[String(number)] ?? null,
    });
  };
  push(headline.trim(), 0);
  paragraphs.forEach((paragraph, index) => {
    for (const sentence of splitSentences(paragraph, meta.language)) push(sentence, index + 1);
  });
  return {
    id: meta.id,
    title: headline.trim(),
    titleEn: meta.titleEn ?? english['0'] ?? null,
    language: meta.language,
    published: meta.published,
    publisher: meta.publisher,
    url: meta.url,
    ...(meta.story ? { story: meta.story } : {}),
    sentences,
  };
}

/** Reads every `*.json` article in `dir` (sorted by publication date, then id) into a corpus. */
export function loadCorpus(dir: string): Corpus {
  // Dot files are temporary files of a write in progress (see write.ts).
  const metaFiles = readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  const metas = metaFiles.map((name) => {
    const file = join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new CorpusError('not valid JSON', file, { cause: error });
    }
    return parseArticleMeta(raw, file);
  });
  metas.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
  const seen = new Set<string>();
  const keys = new Map<string, string>();
  const articles: Article[] = [];
  let ref = 0;
  for (const meta of metas) {
    if (seen.has(meta.id)) throw new CorpusError(`duplicate article id ${meta.id}`, dir);
    seen.add(meta.id);
    // Sentence keys must name one article: refuse the (astronomically unlikely) clash loudly.
    const key = articleKey(meta.id);
    const clash = keys.get(key);
    if (clash !== undefined) throw new CorpusError(`articles ${clash} and ${meta.id} share the key ${key}; rename one`, dir);
    keys.set(key, meta.id);
    const textPath = join(dir, meta.textFile);
    let text: string;
    try {
      text = readFileSync(textPath, 'utf8');
    } catch (error) {
      throw new CorpusError('text file cannot be read', textPath, { cause: error });
    }
    const article = parseArticle(meta, text, ref);
    ref += article.sentences.length;
    articles.push(article);
  }
  return { articles, sentences: articles.flatMap((article) => article.sentences) };
}
