/**
 * One writer at a time per corpus directory: the bot's feed follower and `npm run ingest` may run at
 * once, and the duplicate check and the write must not interleave (both would add the same article).
 * The lock is a dot file (invisible to the loader and the watcher) created exclusively; a lock older
 * than `staleMs` is a crashed writer's and is taken over.
 */
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusError } from './load.ts';

export const LOCK_FILE = '.ingest.lock';

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `work` holding the corpus lock; waits up to `waitMs` for another writer to finish. */
export function withCorpusLock<T>(dir: string, work: () => T, options: { waitMs?: number; staleMs?: number } = {}): T {
  const file = join(dir, LOCK_FILE);
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new CorpusError('cannot create the ingest lock', file, { cause: error });
      try {
        if (Date.now() - statSync(file).mtimeMs > (options.staleMs ?? 120_000)) rmSync(file, { force: true });
      } catch {
        // Released meanwhile: try again.
      }
      if (Date.now() > deadline) throw new CorpusError('another ingest holds the corpus lock', file);
      sleep(50);
    }
  }
  try {
    return work();
  } finally {
    rmSync(file, { force: true });
  }
}
