import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_WEIGHTS, charGrams, exactTerm, isPlainTerm, queryClauses } from '../../src/search/index-terms.ts';
import { analyzeWithSurface } from '../../src/text/analyze.ts';

describe('index terms', () => {
  it('builds exact forms without proclitics or diacritics', () => {
    expect(exactTerm('والمطارِ')).toBe('=مطار');
    expect(isPlainTerm(exactTerm('المطار'))).toBe(false);
    expect(isPlainTerm('مطار')).toBe(true);
    expect(isPlainTerm('مطار قامشل')).toBe(false);
    expect(isPlainTerm('#date')).toBe(false);
  });

  it('cuts words into character 3-grams', () => {
    expect(charGrams('المطار')).toEqual(['مطا', 'طار']);
    expect(charGrams('حي')).toEqual(['حي']);
  });

  it('gives the typo and the correct spelling shared 3-grams', () => {
    const typo = new Set(charGrams('الموجهات'));
    expect(charGrams('المواجهات').filter((g) => typo.has(g)).length).toBeGreaterThan(0);
  });
});

describe('queryClauses', () => {
  it('adds exact, fuzzy, gram, phrase and answer-type clauses', () => {
    const clauses = queryClauses('متى اندلعت المواجهات في حلكو؟', [], {}, DEFAULT_QUERY_WEIGHTS);
    const terms = clauses.map((c) => c.term);
    expect(terms).toContain('=مواجهات');
    expect(terms).toContain('#date');
    expect(clauses.some((c) => c.editDistance === 1)).toBe(true);
    expect(clauses.some((c) => c.field === 'grams')).toBe(true);
    expect(terms.some((t) => t.includes(' '))).toBe(true);
  });

  it('applies extra boosts and extra terms, and can turn clause kinds off', () => {
    const [airport] = analyzeWithSurface('المطار');
    const extra = analyzeWithSurface('أسايش');
    const off = { fuzzy: 0, exact: 0, phrase: 0, answerType: 0 };
    const clauses = queryClauses('المطار', extra, { [airport?.term as string]: 3 }, off);
    expect(clauses.filter((c) => c.field === 'words')).toEqual([
      { term: airport?.term, field: 'words', boost: 3 },
      { term: extra[0]?.term, field: 'words', boost: 1 },
    ]);
  });

  it('returns no clauses for a question without content words', () => {
    expect(queryClauses('شو؟ 👋', [], {}, DEFAULT_QUERY_WEIGHTS)).toEqual([]);
  });
});
