import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/answer/create-engine.ts';
import type { Engine } from '../../src/answer/types.ts';

export const CORPUS_DIR = join(import.meta.dirname, '..', 'fixtures', 'corpus');
export const SEED_ID = 'qamishli-2021-04-25';

let shared: Promise<Engine> | undefined;

/** One engine over the real corpus per test file (building it trains the intent model once). */
export function sharedEngine(): Promise<Engine> {
  shared ??= createEngine({ corpusDir: CORPUS_DIR, cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-test-')) });
  return shared;
}
