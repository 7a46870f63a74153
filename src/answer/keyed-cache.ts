import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A value kept in a file between starts: what the engine's composition root hands the pure code. */
export interface KeyedCache<T> {
  load(): T | undefined;
  save(value: T): void;
}

/**
 * A value computed from code and knowledge, kept in a JSON file under the cache directory with the
 * key it was computed for: a file of another key (changed code or data), missing or unreadable is
 * computed again; a read-only directory only costs computing it every time. Written aside and renamed.
 */
export function keyedCache<T>(file: string, key: string): KeyedCache<T> {
  return {
    load: () => {
      try {
        const cached = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; value?: T };
        return cached.key === key ? cached.value : undefined;
      } catch {
        return undefined;
      }
    },
    save: (value) => {
      try {
        mkdirSync(dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify({ key, value }));
        renameSync(temporary, file);
      } catch {
        // computed again next time
      }
    },
  };
}
