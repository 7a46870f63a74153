/** Temporary corpus directories for tests, and a hash of a directory to prove it did not change. */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, SEED_ID } from './engine.ts';


/** A fresh temporary directory holding a copy of the seed article alone (or nothing). */
export function tempCorpus(withSeed = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  if (withSeed) for (const file of [`${SEED_ID}.json`, `${SEED_ID}.ar.txt`]) copyFileSync(join(CORPUS_DIR, file), join(dir, file));
  return dir;
}

/** Writes an article (headline first, one paragraph a line) with minimal metadata into a corpus directory. */
export function writeArticle(dir: string, id: string, published: string, lines: readonly string[]): void {
  writeFileSync(join(dir, `${id}.ar.txt`), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, `${id}.json`), JSON.stringify({ id, textFile: `${id}.ar.txt`, language: 'ar', published, publisher: null, url: null }));
}

/** Every file's name and bytes, dot files included, in one hash. */
export function dirHash(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  }
  return hash.digest('hex');
}
