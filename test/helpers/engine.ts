import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/answer/create-engine.ts';
import type { Engine } from '../../src/answer/types.ts';

/** The tests' own corpus: the seed article and articles written for tests (never the live corpus/). */
export const CORPUS_DIR = join(import.meta.dirname, '..', 'fixtures', 'corpus');
export const SEED_ID = 'qamishli-2021-04-25';

let shared: Promise<Engine> | undefined;
let seedOnly: Promise<Engine> | undefined;

/** One engine over the test corpus per test file (building it trains the intent model once). */
export function sharedEngine(): Promise<Engine> {
  shared ??= createEngine({ corpusDir: CORPUS_DIR, cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-test-')) });
  return shared;
}

/** One engine over the seed article alone, for tests that know its sentences and dates by heart. */
export function seedEngine(): Promise<Engine> {
  seedOnly ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qamishli-seed-'));
    for (const file of [`${SEED_ID}.json`, `${SEED_ID}.ar.txt`]) copyFileSync(join(CORPUS_DIR, file), join(dir, file));
    return createEngine({ corpusDir: dir, cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-test-')) });
  })();
  return seedOnly;
}
