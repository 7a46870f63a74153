/**
 * The SentenceSearchIndex contract: one suite, run against every implementation (lunr in
 * test/search/lunr-contract.test.ts, SQLite FTS5 in test/index-store/fts5-contract.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SentenceDoc, SentenceSearchIndex } from '../../src/search/types.ts';

/** The seed article: headline is sentence 0, each later non-empty line one sentence. */
export const SEED_DOCS: SentenceDoc[] = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'corpus', 'qamishli-2021-04-25.ar.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((text, ref) => ({ ref, text }));

const HOSTILE = [
  '', ' ', 'title:', 'text:قسد', 'foo~a', '~*+-', '*', '+', '-قسد', 'قسد^2', 'قسد~1', '<b>قسد</b>', '"', "'", 'NEAR(a b)', 'a AND b OR',
  '👋🔥', '\u200F\u200E', '\\', ':', 'a:b:c', '٪٪', 'null', 'undefined', '__proto__', 'constructor', 'w : "x"', '^قسد',
  'المطار'.repeat(2_000).slice(0, 10_000), 'x'.repeat(10_000), 'قسد '.repeat(2_500),
];

export function sentenceIndexContract(name: string, build: (docs: readonly SentenceDoc[]) => SentenceSearchIndex): void {
  describe(`${name}: the SentenceSearchIndex contract`, () => {
    const index = build(SEED_DOCS);
    const refs = (question: string, target = index): number[] => target.search(question, { limit: 5 }).map((hit) => hit.ref);

    it('knows its size', () => {
      expect(index.size).toBe(SEED_DOCS.length);
      expect(index.has(2)).toBe(true);
      expect(index.has(999)).toBe(false);
    });

    it('finds the sentences that answer seed questions among its first hits', () => {
      expect(refs('من يسيطر على مطار القامشلي؟').slice(0, 2)).toContain(2);
      expect(refs('من يسيطر على مطار القامشلي؟')).toContain(16);
      expect(refs('متى سيطرت أسايش على شارع السلام؟').slice(0, 2)).toContain(6);
      expect(refs('كم عنصر قتل في 2018').slice(0, 2)).toContain(13);
      expect(refs('شو صار عالمطار')).toContain(2);
    });

    it('finds a misspelt word through its character grams', () => {
      expect(refs('المواجهات')).toContain(2); // the article writes الموجهات
    });

    it('ranks best first, ties to the lower ref, honours the limit, and finds nothing for function words', () => {
      const hits = index.search('الاشتباكات في القامشلي', { limit: 4 });
      expect(hits).toHaveLength(4);
      for (let i = 1; i < hits.length; i++) {
        const [a, b] = [hits[i - 1], hits[i]] as [{ score: number; ref: number }, { score: number; ref: number }];
        expect(a.score > b.score || (a.score === b.score && a.ref < b.ref)).toBe(true);
      }
      expect(index.search('شو هاد؟ مين؟ وين؟')).toEqual([]);
      expect(index.search('قسد', { limit: 0 })).toEqual([]);
    });

    it('lets extra terms and boosts change the ranking', () => {
      expect(index.search('الاشتباكات في القامشلي', { extraTerms: ['وساطة روسية'], limit: 1 })[0]?.ref).toBe(7);
      const plain = refs('المطار الحي');
      const boosted = index.search('المطار الحي', { boosts: { حي: 3 }, limit: 5 }).map((h) => h.ref);
      expect(boosted).not.toEqual(plain);
    });

    it('reports matched analysed terms', () => {
      const [hit] = index.search('من يسيطر على مطار القامشلي؟', { limit: 1 });
      expect(hit?.matchedTerms.length).toBeGreaterThan(0);
    });

    it('searches English renderings', () => {
      const withEnglish = build([
        { ref: 1, text: 'استمرت المعارك في مدينة القامشلي', english: 'Fighting went on in the city of Qamishli' },
        { ref: 2, text: 'تسيطر أسايش على النصف الآخر من الحي', english: 'Asayish controls the other half of the neighbourhood' },
        { ref: 3, text: 'هدأت الاشتباكات بعد أيام', english: null },
      ]);
      expect(refs('Who controls the neighbourhood?', withEnglish)[0]).toBe(2);
      expect(refs('fighting in Qamishli', withEnglish)[0]).toBe(1);
      withEnglish.close();
    });

    it('adds sentences without losing the ones it had', () => {
      const growing = build(SEED_DOCS.slice(0, 5));
      expect(refs('وساطة روسية', growing)).not.toContain(7);
      growing.add(SEED_DOCS.slice(5));
      expect(growing.size).toBe(SEED_DOCS.length);
      expect(refs('وساطة روسية', growing)).toContain(7);
      expect(refs('من يسيطر على مطار القامشلي؟', growing)).toContain(2);
      growing.add(SEED_DOCS.slice(5)); // the same refs again change nothing
      expect(growing.size).toBe(SEED_DOCS.length);
      growing.close();
    });

    it('never throws on query syntax, markup, emoji, huge or empty questions, and reads syntax as words', () => {
      for (const question of HOSTILE) {
        expect(() => index.search(question)).not.toThrow();
        expect(() => index.search(question, { extraTerms: [question], boosts: { [question]: 2 } })).not.toThrow();
      }
      expect(refs('text:قسد')).toEqual(refs('text قسد'));
      expect(refs('-قسد')).toEqual(refs('قسد'));
    });

    it('indexes empty, hostile and huge sentences, and an empty index finds nothing', () => {
      const built = build(HOSTILE.map((text, ref) => ({ ref, text })));
      expect(built.search('قسد').length).toBeGreaterThan(0);
      built.close();
      const empty = build([]);
      expect(empty.search('قسد')).toEqual([]);
      empty.close();
    });
  });
}
