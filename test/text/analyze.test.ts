import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeToken, analyzeWithSurface } from '../../src/text/analyze.ts';

const SEED = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'corpus', 'qamishli-2021-04-25.ar.txt'), 'utf8');

describe('analyze', () => {
  it('analyses the headline with its glued quotes into content stems', () => {
    const headline = SEED.split('\n')[0] as string;
    expect(analyze(headline)).toEqual(['قسد', 'دفاع', 'وطن', 'استانف', 'اشتباك', 'قامشل', 'حرك', 'نزوح', 'جديد']);
  });

  it('gives a plural in -ات one term with and without article or conjunction', () => {
    expect(new Set(analyze('الاشتباكات اشتباكات واشتباكات والاشتباكات'))).toEqual(new Set(['اشتباك']));
  });

  it('drops MSA, question and Levantine function words', () => {
    expect(analyze('من هو الذي كان في هذا المكان؟')).toEqual(analyze('المكان'));
    expect(analyze('شو مين وين هلق لسا عم')).toEqual([]);
    expect(analyze('ماهي عاصمة سوريا')).toEqual(analyze('عاصمة سوريا'));
    expect(analyze('وهو فهذا بذلك')).toEqual([]);
  });

  it('gives the same terms to a Levantine question and the MSA sentence', () => {
    expect(analyze('شو صار عالمطار')).toEqual(analyze('المطار'));
    expect(analyze('مين عم يسيطر عالمطار هلق؟')).toEqual(analyze('يسيطر على المطار'));
  });

  it('finds the article verb forms of سيطر under one term', () => {
    const seedTerms = new Set(analyze(SEED));
    for (const question of ['مين بيسيطر على المطار', 'من سيطر على شارع السلام', 'سيطرة النظام']) {
      expect(seedTerms.has(analyze(question)[0] as string)).toBe(true);
    }
  });

  it('gives the same terms with and without hamzas, diacritics and Eastern digits', () => {
    expect(analyze('أسايش إطلاق النار ٢٠١٨')).toEqual(analyze('اسايش اطلاق النار 2018'));
    expect(analyze('قُتِلَ ١٨ عُنْصُرًا')).toEqual(analyze('قتل 18 عنصرا'));
  });

  it('stems English with Porter2 and drops English stopwords', () => {
    expect(analyze('Who controls the airports of Qamishli?')).toEqual(analyze('control airport qamishli'));
    expect(analyze('Who controls the airports?')).toEqual(['control', 'airport']);
  });

  it('keeps surfaces next to their terms', () => {
    expect(analyzeWithSurface('لـ”الدفاع الوطني')).toEqual([
      { surface: 'الدفاع', term: 'دفاع' },
      { surface: 'الوطني', term: 'وطن' },
    ]);
  });

  it('returns null for function words and single letters, a term otherwise', () => {
    expect(analyzeToken('في')).toBeNull();
    expect(analyzeToken('ل')).toBeNull();
    expect(analyzeToken('the')).toBeNull();
    expect(analyzeToken('المطار')).toBe('مطار');
  });

  it('copes with empty, emoji-only, RTL-marked and very long input', () => {
    expect(analyze('')).toEqual([]);
    expect(analyze('👋🔥')).toEqual([]);
    expect(analyze('\u200Fالمطار\u200E')).toEqual(analyze('المطار'));
    const long = SEED.repeat(4).slice(0, 10_000);
    expect(analyze(long).length).toBeGreaterThan(500);
  });
});
