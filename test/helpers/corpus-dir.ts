/** Temporary corpus directories for tests, and a hash of a directory to prove it did not change. */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SEED_CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

/** A fresh temporary directory holding a copy of the seed test corpus (or nothing). */
export function tempCorpus(withSeed = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  if (withSeed) cpSync(SEED_CORPUS, dir, { recursive: true });
  return dir;
}

/** Every file's name and bytes, dot files included, in one hash. */
export function dirHash(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  }
  return hash.digest('hex');
}
