/** Reads one of Debian's FreeDict dictionaries (dictd index + dictzip data) for the build scripts. */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { readDictd, type DictdEntry } from '../src/nlu/dictd.ts';

export function readDictionary(dir: string, name: string): DictdEntry[] {
  const index = join(dir, `${name}.index`);
  const dict = join(dir, `${name}.dict.dz`);
  if (!existsSync(index) || !existsSync(dict)) {
    throw new Error(`${name} not found in ${dir}: apt-get install dict-${name}`);
  }
  // dictzip is gzip with an extra header field: plain gunzip reads it whole.
  return readDictd(readFileSync(index, 'utf8'), gunzipSync(readFileSync(dict)));
}
