import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SentenceIndex, SentenceIndexLoadError, type SentenceDoc } from '../../src/search/sentence-index.ts';
import { analyze } from '../../src/text/analyze.ts';

/** The seed article: headline is sentence 0, each later non-empty line one sentence. */
const SEED_DOCS: SentenceDoc[] = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'corpus', 'qamishli-2021-04-25.ar.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((text, ref) => ({ ref, text }));

const index = SentenceIndex.build(SEED_DOCS);

const QUESTIONS = [
  'من يسيطر على مطار القامشلي؟',
  'شو صار عالمطار',
  'أعنف المواجهات وين كانت؟',
  'تنفيذ ضربات',
  'متى سيطرت أسايش على شارع السلام؟',
  'كم عنصر قتل في 2018',
  'Who controls the airport?',
];

const HOSTILE = [
  '', ' ', 'title:', 'text:قسد', 'foo~a', '~*+-', '*', '+', '-قسد', 'قسد^2', 'قسد~1', '<b>قسد</b>', '"', "'",
  '👋🔥', '\u200F\u200E', '\\', ':', 'a:b:c', '٪٪', 'null', 'undefined', '__proto__', 'constructor',
  'المطار'.repeat(2_000).slice(0, 10_000), 'x'.repeat(10_000), 'قسد '.repeat(2_500),
];

function refs(question: string, target = index): number[] {
  return target.search(question, { limit: 5 }).map((hit) => hit.ref);
}

describe('SentenceIndex.search on the seed article', () => {
  it('finds who controls the airport in the sentences about the airport', () => {
    expect(refs('من يسيطر على مطار القامشلي؟')[0]).toBe(2);
    expect(refs('من يسيطر على مطار القامشلي؟')).toContain(16);
  });

  it('answers a Levantine question (عالمطار) like the MSA one', () => {
    expect(refs('شو صار عالمطار').slice(0, 2)).toEqual([2, 16]);
  });

  it('matches the correct spelling of the article typos (الموجهات, تنقيذ)', () => {
    expect(refs('أعنف المواجهات')[0]).toBe(2);
    expect(refs('تنفيذ')[0]).toBe(3);
  });

  it('finds dated events and counts', () => {
    expect(refs('متى سيطرت أسايش على شارع السلام؟')[0]).toBe(6);
    expect(refs('كم عنصر قتل في 2018')[0]).toBe(13);
  });

  it('reports the analysed terms that matched', () => {
    const [hit] = index.search('من يسيطر على مطار القامشلي؟', { limit: 1 });
    expect(hit?.matchedTerms.sort()).toEqual([...analyze('يسيطر مطار القامشلي')].sort());
  });

  it('ranks best first, honours the limit and returns nothing for stopword-only questions', () => {
    const hits = index.search('الاشتباكات في القامشلي', { limit: 4 });
    expect(hits).toHaveLength(4);
    for (let i = 1; i < hits.length; i++) expect((hits[i - 1] as { score: number }).score).toBeGreaterThanOrEqual((hits[i] as { score: number }).score);
    expect(index.search('شو هاد؟ مين؟ وين؟')).toEqual([]);
    expect(index.search('قسد', { limit: 0 })).toEqual([]);
  });

  it('lets extra terms and extra term boosts change the ranking', () => {
    const question = 'الاشتباكات في القامشلي';
    expect(refs(question)[0]).toBe(0);
    expect(refs(question, index)[0]).toBe(index.search(question, { extraTerms: [] })[0]?.ref);
    const withTruce = index.search(question, { extraTerms: ['وساطة روسية'], limit: 1 });
    expect(withTruce[0]?.ref).toBe(7);
    const [qamishli] = analyze('القامشلي');
    const includesQamishli = (hit: { matchedTerms: string[] }) => hit.matchedTerms.includes(qamishli as string);
    expect(index.search(question, { limit: 3 }).every(includesQamishli)).toBe(false);
    expect(index.search(question, { boosts: { [qamishli as string]: 10 }, limit: 3 }).every(includesQamishli)).toBe(true);
  });

  it('searches the English rendering as its own field', () => {
    const withEnglish = SentenceIndex.build([
      { ref: 1, text: 'استمرت المعارك في مدينة القامشلي', english: 'Fighting went on in the city of Qamishli' },
      { ref: 2, text: 'تسيطر أسايش على النصف الآخر من الحي', english: 'Asayish controls the other half of the neighbourhood' },
      { ref: 3, text: 'هدأت الاشتباكات بعد أيام', english: null },
    ]);
    expect(refs('Who controls the neighbourhood?', withEnglish)[0]).toBe(2);
    expect(refs('fighting in Qamishli', withEnglish)[0]).toBe(1);
  });
});

describe('SentenceIndex serialisation', () => {
  it('gives identical results after save and load through JSON', () => {
    const loaded = SentenceIndex.load(JSON.parse(JSON.stringify(index.toJSON())));
    for (const question of [...QUESTIONS, ...HOSTILE]) {
      expect(loaded.search(question, { limit: 20 })).toEqual(index.search(question, { limit: 20 }));
    }
  });

  it('serialises to the same JSON twice and after a round trip', () => {
    const json = JSON.stringify(index.toJSON());
    expect(JSON.stringify(SentenceIndex.build(SEED_DOCS).toJSON())).toBe(json);
    expect(JSON.stringify(SentenceIndex.load(JSON.parse(json)).toJSON())).toBe(json);
  });

  it('refuses anything that is not a serialised sentence index', () => {
    for (const bad of [null, 42, 'index', {}, { format: 'other', version: 1, lunr: {} }]) {
      expect(() => SentenceIndex.load(bad)).toThrow(SentenceIndexLoadError);
    }
    const stale = { ...(index.toJSON() as object), version: 0 };
    expect(() => SentenceIndex.load(stale)).toThrow(/version/);
    const broken = { ...(index.toJSON() as object), lunr: { version: '2.3.9' } };
    expect(() => SentenceIndex.load(broken)).toThrow(SentenceIndexLoadError);
  });
});

describe('SentenceIndex on hostile input', () => {
  it('never throws on query-syntax characters, markup, emoji, huge or empty questions', () => {
    for (const question of HOSTILE) {
      expect(() => index.search(question)).not.toThrow();
      expect(() => index.search(question, { extraTerms: [question], boosts: { [question]: 2 } })).not.toThrow();
    }
  });

  it('treats query syntax as plain words', () => {
    expect(refs('text:قسد')).toEqual(refs('text قسد'));
    expect(refs('-قسد')).toEqual(refs('قسد'));
  });

  it('builds an index over empty, hostile and huge sentences', () => {
    const docs = HOSTILE.map((text, ref) => ({ ref, text }));
    const built = SentenceIndex.build(docs);
    expect(built.search('قسد').length).toBeGreaterThan(0);
    expect(SentenceIndex.build([]).search('قسد')).toEqual([]);
  });
});

describe('SentenceIndex options', () => {
  it('rejects field boosts that lunr would misread', () => {
    expect(() => SentenceIndex.build(SEED_DOCS, { fieldBoosts: { grams: 0 } })).toThrow(RangeError);
    expect(() => SentenceIndex.build(SEED_DOCS, { fieldBoosts: { english: -1 } })).toThrow(RangeError);
  });

  it('uses BM25 settings: with length normalisation a short sentence sharing one word moves up', () => {
    const docs = [
      { ref: 1, text: 'سيطرت قوات أسايش على شارع السلام ومقر الدفاع الوطني واستولت على الأسلحة والذخائر في المقر' },
      { ref: 2, text: 'شارع طويل' },
    ];
    const question = 'شارع السلام';
    expect(SentenceIndex.build(docs).search(question)[0]?.ref).toBe(1);
    const flat = SentenceIndex.build(docs).search('شارع');
    const normalised = SentenceIndex.build(docs, { b: 1, k1: 1.2 }).search('شارع');
    expect(flat[0]?.ref).toBe(1); // b = 0: equal scores, the earlier ref wins the tie
    expect(normalised[0]?.ref).toBe(2);
  });

  it('scales a score by the share of the question words a sentence holds (coverage)', () => {
    const docs = [
      { ref: 1, text: 'سيطرت قوات أسايش على شارع السلام' },
      { ref: 2, text: 'شارع طويل' },
    ];
    const built = SentenceIndex.build(docs);
    const score = (coverage: number, ref: number): number | undefined =>
      built.search('شارع السلام', { coverage }).find((hit) => hit.ref === ref)?.score;
    // Sentence 2 holds one of the two words: full coverage halves its score, sentence 1 keeps its own.
    expect(score(1, 2)).toBeCloseTo((score(0, 2) ?? 0) / 2, 6);
    expect(score(1, 1)).toBeCloseTo(score(0, 1) ?? 0, 6);
  });
});
