/**
 * SYNTHETIC articles for the scale bench only (never a test corpus, never committed as corpus):
 * Wikipedia paragraphs from the ARCD / XQuAD files recombined sentence by sentence into articles
 * with new ids (`synthetic-…`), new dates and the publisher "synthetic", so they read like
 * unrelated news beside the real corpus.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../corpus/sentences.ts';

interface SquadFile {
  data: { title: string; paragraphs: { context: string }[] }[];
}

/** A small deterministic generator, so two runs build the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Every sentence of the source paragraphs, with the titles as headline material. */
export function sourceSentences(files: readonly string[]): { titles: string[]; sentences: string[] } {
  const titles: string[] = [];
  const sentences: string[] = [];
  for (const file of files) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as SquadFile;
    for (const article of data.data) {
      titles.push(article.title);
      for (const paragraph of article.paragraphs) sentences.push(...splitSentences(paragraph.context, 'ar'));
    }
  }
  return { titles, sentences };
}

export interface SyntheticOptions {
  count: number;
  sources: readonly string[];
  seed?: number;
  /** Id offset, so articles can be added later without clashing. */
  first?: number;
}

/** Writes `count` synthetic articles into `dir` (created if needed); returns their ids. */
export function writeSyntheticArticles(dir: string, options: SyntheticOptions): string[] {
  mkdirSync(dir, { recursive: true });
  const { titles, sentences } = sourceSentences(options.sources);
  const next = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const ids: string[] = [];
  const start = Date.parse('2015-01-01');
  for (let i = 0; i < options.count; i += 1) {
    const n = (options.first ?? 0) + i;
    const id = `synthetic-${String(n).padStart(5, '0')}`;
    const published = new Date(start + Math.floor(next() * 2190) * 86_400_000).toISOString().slice(0, 10);
    const paragraphs: string[] = [];
    const paragraphCount = 3 + Math.floor(next() * 4);
    for (let p = 0; p < paragraphCount; p += 1) {
      const length = 1 + Math.floor(next() * 4);
      paragraphs.push(Array.from({ length }, () => pick(sentences).trim()).join(' '));
    }
    const headline = `${pick(titles)}: ${pick(sentences).slice(0, 80).trim()}`;
    writeFileSync(join(dir, `${id}.ar.txt`), `${headline}\n${paragraphs.join('\n')}\n`);
    writeFileSync(join(dir, `${id}.json`), JSON.stringify({
      id, textFile: `${id}.ar.txt`, language: 'ar', published, publisher: 'synthetic (recombined Wikipedia paragraphs)', url: null,
    }));
    ids.push(id);
  }
  return ids;
}

/** Copies every article of `from` into `to` (the real seed beside the synthetic ones). */
export function copyCorpus(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) if (!existsSync(join(to, name))) copyFileSync(join(from, name), join(to, name));
}
