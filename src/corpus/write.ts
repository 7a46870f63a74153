/**
 * Adds an article to a corpus directory without ever leaving it half-written: each file is written
 * to a temporary dot file beside it and renamed into place (atomic on one file system); the metadata
 * goes last, because the loader only sees an article through its `.json`. On any failure the files
 * this call created are removed, so the directory is exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleMeta } from './article.ts';
import { CorpusError, parseArticle, parseArticleMeta } from './load.ts';

function tempName(dir: string, name: string): string {
  return join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `content` to `dir/name` through a temporary file and a rename. */
export function writeFileAtomic(dir: string, name: string, content: string): void {
  const temp = tempName(dir, name);
  try {
    writeFileSync(temp, content, { encoding: 'utf8', flag: 'wx' });
    renameSync(temp, join(dir, name));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a new article (`<id>.<lang>.txt` and `<id>.json`). Refuses to overwrite an existing article,
 * and checks the metadata and text parse as the loader will read them before touching the directory.
 */
export function writeArticle(dir: string, meta: ArticleMeta, text: string): void {
  const metaFile = `${meta.id}.json`;
  parseArticleMeta(meta, metaFile);
  parseArticle(meta, text);
  if (existsSync(join(dir, metaFile)) || existsSync(join(dir, meta.textFile))) {
    throw new CorpusError(`article ${meta.id} already exists`, join(dir, metaFile));
  }
  writeFileAtomic(dir, meta.textFile, text.endsWith('\n') ? text : `${text}\n`);
  try {
    writeFileAtomic(dir, metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  } catch (error) {
    rmSync(join(dir, meta.textFile), { force: true });
    throw error;
  }
}
