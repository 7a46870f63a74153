import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexedArticle } from '../../src/answer/create-engine.ts';
import { openPersistedIndex } from '../../src/index-store/persisted-index.ts';
import { SEED_DOCS } from '../search/contract.ts';

function article(id: string, hash: string, texts: readonly string[], firstRef: number): IndexedArticle {
  return { id, hash, sentences: texts.map((text, n) => ({ id: `${id}#${n}`, ref: firstRef + n, text, english: null })) };
}

const seed = article('seed', 'h1', SEED_DOCS.map((d) => d.text), 0);

describe('the persisted FTS5 index in DATA_DIR', () => {
  it('indexes only new or changed articles at a start, and follows moved positions', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qamishli-index-'));
    const lines: string[] = [];
    const open = openPersistedIndex({ dataDir, progress: (line) => lines.push(line) });
    let index = open([seed]);
    expect(index.size).toBe(SEED_DOCS.length);
    expect(index.search('وساطة روسية', { limit: 1 })[0]?.ref).toBe(7);
    index.close();

    // Next start, one older article added: only it is indexed; the seed's sentences moved by two.
    lines.length = 0;
    const older = article('older', 'h2', ['هدنة جديدة في حي طي', 'وساطة روسية جديدة بين الطرفين'], 0);
    const moved = { ...seed, sentences: seed.sentences.map((s) => ({ ...s, ref: s.ref + 2 })) };
    index = open([older, moved]);
    expect(lines).toEqual(['indexing articles: 1/1 (0 s)']);
    expect(index.size).toBe(SEED_DOCS.length + 2);
    const refs = index.search('وساطة روسية', { limit: 3 }).map((h) => h.ref);
    expect(refs).toContain(1);
    expect(refs).toContain(9);
    index.close();

    // An edited article is replaced, a removed one dropped.
    lines.length = 0;
    index = open([{ ...seed, hash: 'h1-edited', sentences: seed.sentences.slice(0, 3) }]);
    expect(lines).toEqual(['indexing articles: 1/1 (0 s)']);
    expect(index.size).toBe(3);
    expect(index.search('وساطة روسية')).toEqual([]);
    index.close();
  });
});
