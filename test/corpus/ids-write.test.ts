import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleKey, newArticleId, SENTENCE_KEY_PATTERN, sentenceKey } from '../../src/corpus/ids.ts';
import { CorpusError, loadCorpus } from '../../src/corpus/load.ts';
import { writeArticle } from '../../src/corpus/write.ts';
import { dirHash, tempCorpus } from '../helpers/corpus-dir.ts';

const meta = (id: string) => ({ id, textFile: `${id}.ar.txt`, language: 'ar' as const, published: '2026-11-27', publisher: null, url: null });
const TEXT = 'عنوان الخبر\nفقرة أولى من الخبر. وجملة ثانية فيها.\n';

describe('stable ids', () => {
  it('derive from the article id and sentence number only, and fit callback data', () => {
    expect(sentenceKey('qamishli-2021-04-25', 16)).toBe(sentenceKey('qamishli-2021-04-25', 16));
    expect(sentenceKey('qamishli-2021-04-25', 16)).not.toBe(sentenceKey('qamishli-2021-04-25', 15));
    expect(sentenceKey('a', 1)).not.toBe(sentenceKey('b', 1));
    expect(articleKey('qamishli-2021-04-25')).toHaveLength(6);
    for (const n of [0, 35, 36, 1295, 46655]) expect(sentenceKey('x', n)).toMatch(SENTENCE_KEY_PATTERN);
    expect(newArticleId('2026-11-29', 'https://example.org/a')).toMatch(/^2026-11-29-[0-9a-z]{8}$/);
    expect(newArticleId('2026-11-29', 'https://example.org/a')).toBe(newArticleId('2026-11-29', 'https://example.org/a'));
  });

  it('are what the loader gives each sentence', () => {
    const dir = tempCorpus();
    writeArticle(dir, meta('2026-11-27-test'), TEXT);
    for (const sentence of loadCorpus(dir).sentences) expect(sentence.key).toBe(sentenceKey(sentence.articleId, sentence.number));
  });
});

describe('writeArticle', () => {
  it('writes text and metadata with no temporary file left behind', () => {
    const dir = tempCorpus(false);
    writeArticle(dir, meta('2026-11-27-test'), TEXT);
    expect(readdirSync(dir).sort()).toEqual(['2026-11-27-test.ar.txt', '2026-11-27-test.json']);
    expect(loadCorpus(dir).articles[0]?.sentences).toHaveLength(3);
  });

  it('refuses to overwrite an article or to write one the loader could not read, changing nothing', () => {
    const dir = tempCorpus();
    writeArticle(dir, meta('2026-11-27-test'), TEXT);
    const before = dirHash(dir);
    expect(() => writeArticle(dir, meta('2026-11-27-test'), 'another\ntext here')).toThrow(CorpusError);
    expect(() => writeArticle(dir, { ...meta('Bad Id'), textFile: 'x.txt' }, TEXT)).toThrow(CorpusError);
    expect(() => writeArticle(dir, meta('2026-11-27-empty'), '\n\n')).toThrow(CorpusError);
    expect(dirHash(dir)).toBe(before);
  });

  it('the loader ignores temporary dot files of a write in progress', () => {
    const dir = tempCorpus();
    writeFileSync(join(dir, '.2026-11-27-x.json.123.abcd.tmp'), '{ half');
    writeFileSync(join(dir, '.half.json'), '{ half');
    expect(loadCorpus(dir).articles).toHaveLength(1);
  });
});

describe('the corpus lock', () => {
  it('lets one writer in at a time, and takes over a stale lock', async () => {
    const { withCorpusLock, LOCK_FILE } = await import('../../src/corpus/lock.ts');
    const dir = tempCorpus();
    const inner = withCorpusLock(dir, () => {
      expect(readdirSync(dir)).toContain(LOCK_FILE);
      return (() => {
        try {
          withCorpusLock(dir, () => 'second', { waitMs: 100 });
          return 'got in';
        } catch (error) {
          return (error as Error).name;
        }
      })();
    });
    expect(inner).toBe('CorpusError');
    expect(readdirSync(dir)).not.toContain(LOCK_FILE);
    writeFileSync(join(dir, LOCK_FILE), '999999\n');
    expect(withCorpusLock(dir, () => 'taken over', { waitMs: 1000, staleMs: 0 })).toBe('taken over');
  });
});
