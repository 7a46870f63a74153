import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PLURAL_TABLE_FILE,
  brokenPluralPattern,
  derivePluralPairs,
  englishPlurals,
  formatPluralTable,
  loadPluralTable,
  parsePluralTable,
} from '../../src/nlu/plurals.ts';
import { analyze } from '../../src/text/analyze.ts';

const stemOf = (word: string): string | null => {
  const terms = analyze(word);
  return terms.length === 1 ? (terms[0] as string) : null;
};

describe('broken-plural patterns', () => {
  it('accepts a plural that fits a pattern and shares the singular\'s root letters in order', () => {
    expect(brokenPluralPattern('شخص', 'أشخاص')).toBe('أفعال');
    expect(brokenPluralPattern('منزل', 'منازل')).toBe('مفاعل');
    expect(brokenPluralPattern('عنصر', 'عناصر')).toBe('فعالل');
    expect(brokenPluralPattern('مدرسة', 'مدارس')).toBe('مفاعل');
    expect(brokenPluralPattern('طفل', 'أطفال')).toBe('أفعال');
    expect(brokenPluralPattern('قرية', 'قرى')).toBe('فعلى');
    expect(brokenPluralPattern('سجين', 'سجناء')).toBe('فعلاء');
    expect(brokenPluralPattern('خيمة', 'خيام')).toBe('فعال');
    expect(brokenPluralPattern('قضية', 'قضايا')).not.toBeNull();
  });

  it('rejects words that share no root or fit no pattern', () => {
    expect(brokenPluralPattern('منزل', 'مدارس')).toBeNull();
    expect(brokenPluralPattern('سيارة', 'سيارات')).toBeNull();
  });

  it('never takes a verbal noun of the derived forms for a singular, nor an imperfect for a plural', () => {
    // إرسال has the letters of رسائل, اتصال those of صلات: both are verbal nouns with sound plurals.
    expect(brokenPluralPattern('إرسال', 'رسائل')).toBeNull();
    expect(brokenPluralPattern('اتصال', 'صلات')).toBeNull();
    expect(brokenPluralPattern('استقبال', 'قبائل')).toBeNull();
    expect(brokenPluralPattern('ناقش', 'يناقش')).toBeNull();
  });

  it('makes the English plurals a noun may have', () => {
    expect(englishPlurals('house')).toEqual(['houses']);
    expect(englishPlurals('city')).toEqual(['cities']);
    expect(englishPlurals('box')).toEqual(['boxes']);
    expect(englishPlurals('child')).toEqual(['children']);
    expect(englishPlurals('person')).toEqual(['people']);
  });
});

describe('deriving pairs from an English–Arabic word list', () => {
  const lexicon = new Map<string, string[]>([
    ['house', ['المنزل', 'البيت']],
    ['houses', ['المنازل', 'البيوت']],
    ['car', ['السيارة']],
    ['cars', ['السيارات']],
    ['announcement', ['إعلان']],
    ['announcements', ['إعلانات', 'علن']],
    ['mailing', ['إرسال']],
    ['mailings', ['رسائل']],
  ]);
  const pairs = derivePluralPairs(lexicon, stemOf);

  it('pairs a singular with its broken plural, and not with the other word\'s plural', () => {
    // بيت / بيوت is left out: فعول of a three-letter word is as often the verbal noun of a verb spelt
    // like the singular (صدر / صدور، عقد / عقود).
    expect(pairs.map((p) => `${p.singular}/${p.plural}`)).toEqual(['منزل/منازل']);
    expect(pairs[0]?.english).toBe('house/houses');
  });

  it('leaves out sound plurals the stemmer joins already and verbal nouns', () => {
    expect(pairs.some((p) => p.singular === 'سياره' || p.singular === 'اعلان' || p.singular === 'ارسال')).toBe(false);
  });

  it('writes a table the parser reads back', () => {
    const table = parsePluralTable(formatPluralTable(pairs, ['a header']));
    expect(table.size).toBe(1);
    expect(table.partners('المنزل')).toEqual(analyze('منازل'));
  });
});

describe('the committed table (knowledge/ar-plurals.tsv)', () => {
  const table = loadPluralTable();
  const text = readFileSync(PLURAL_TABLE_FILE, 'utf8');

  it('is sorted, one pair a line, under a header that names its source and licence', () => {
    const lines = text.split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines.every((l) => l.split('\t').length === 3)).toBe(true);
    expect([...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(lines);
    expect(text).toMatch(/^# .*\n# .*FreeDict.*\n# .*GPL-2\.0-or-later/);
  });

  it('joins a question\'s singular to the plural the articles write, and back', () => {
    const joins = (question: string, sentenceWord: string): boolean => table.expand(question).includes(analyze(sentenceWord)[0] as string);
    expect(joins('كم عدد الأطفال', 'طفل')).toBe(true);
    expect(joins('كم طفل قتل', 'الأطفال')).toBe(true);
    expect(joins('أين يقع المنزل', 'منازل')).toBe(true);
    expect(joins('كم شخصا اعتقل', 'الأشخاص')).toBe(true);
    expect(joins('كم عنصرا قتل', 'عناصر')).toBe(true);
    expect(joins('متى أغلقت مدرستها', 'المدارس')).toBe(true);
    expect(joins('كم قرية احترقت', 'القرى')).toBe(true);
    expect(joins('كم سجينا فر', 'السجناء')).toBe(true);
    expect(joins('هل اعتقل المدنيون في منازلهم', 'منزل')).toBe(true);
  });

  it('does not join a verbal noun or a stem-alike to an unrelated plural', () => {
    // مدني ("civil") stems like مدن ("cities"), قتل ("killing") like قتلة ("killers"): words are looked up as written.
    expect(table.expand('كم مدني قتل')).toEqual([]);
    expect(table.expand('متى بدأ الإرسال')).toEqual([]);
    expect(table.expand('هل انقطع الاتصال')).toEqual([]);
    expect(table.expand('متى صدر الإعلان')).toEqual([]);
    expect(table.expand('متى عقد الاجتماع')).toEqual([]);
  });

  it('adds nothing to English', () => {
    expect(table.expand('how many children were killed')).toEqual([]);
  });
});
