import { mkdtempSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexedArticle } from '../../src/answer/create-engine.ts';
import { Fts5SentenceIndex } from '../../src/index-store/fts5-index.ts';
import { indexFile, openPersistedIndex } from '../../src/index-store/persisted-index.ts';
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

  it('merges a large build into one segment, finding the same sentences with the same scores', () => {
    // 120 articles, each in its own transaction's segment before the merge.
    const articles = Array.from({ length: 120 }, (_, a) => article(`a${a}`, `h${a}`, SEED_DOCS.map((d) => d.text), a * SEED_DOCS.length));
    const dataDir = mkdtempSync(join(tmpdir(), 'qamishli-index-'));
    const index = openPersistedIndex({ dataDir })(articles);
    const db = new Database(indexFile(dataDir), { readonly: true });
    expect(db.prepare('SELECT count(DISTINCT segid) FROM fts_idx').pluck().get()).toBe(1);
    db.close();
    const unmerged = Fts5SentenceIndex.build(articles.flatMap((a) => a.sentences.map((s) => ({ ref: s.ref, text: s.text }))));
    for (const question of ['وساطة روسية', 'من يسيطر على المطار؟', 'اشتباكات حي طي']) {
      expect(index.search(question, { limit: 20 })).toEqual(unmerged.search(question, { limit: 20 }));
    }
    index.close();
    unmerged.close();
  });
});
