import { describe, expect, it } from 'vitest';
import {
  arabicSkeleton,
  arabicSkeletons,
  createSkeletonMatcher,
  latinMatchesArabic,
  latinSkeletons,
  sameName,
} from '../../src/text/transliterate.ts';

describe('skeletons', () => {
  it('reduces an Arabic word to consonant classes: article, vowels, emphatics and the feminine ending go', () => {
    expect(arabicSkeleton('الحسكة')).toMatchObject({ core: 'هسك', final: '' });
    expect(arabicSkeleton('القامشلي')).toMatchObject({ core: 'كمسل', final: 'ي' });
    expect(arabicSkeleton('طي')).toMatchObject({ core: 'ت', final: 'ي' });
    expect(arabicSkeleton('الحَسَكَة').core).toBe('هسك'); // tashkeel changes nothing
  });

  it('records where the Arabic word writes a vowel', () => {
    expect(arabicSkeleton('عامودا').vowels.slice(0, 2)).toEqual([true, true]); // ع ا before م, و before د
    expect(arabicSkeleton('منبج').vowels.every((v) => !v)).toBe(true);
  });

  it('reduces a Latin word the same way, with one reading per ambiguous letter', () => {
    expect(latinSkeletons('Hassakeh').map((s) => s.core)).toEqual(['هسك']);
    expect(latinSkeletons('Hasakah').map((s) => s.core)).toEqual(['هسك']);
    expect(latinSkeletons('Qamishlo')[0]).toMatchObject({ core: 'كمسل', final: 'و' });
    expect(latinSkeletons('Tayy')[0]).toMatchObject({ core: 'ت', final: 'ي' });
    expect(latinSkeletons('Gaziantep').map((s) => s.core)).toEqual(['جسنتب', 'كسنتب']); // g: ج or غ
    expect(latinSkeletons('al-Hol')[0]?.core).toBe('هل'); // the article goes
    expect(latinSkeletons('123')).toEqual([]);
  });

  it('gives an Arabic word its readings with the article kept and a glued conjunction removed', () => {
    const cores = (w: string) => arabicSkeletons(w).map((s) => s.core);
    expect(cores('ألان')).toContain('لن');
    expect(cores('وديريك')).toContain('درك');
    expect(cores('بعامودا')).toContain('مد');
  });
});

describe('sameName on place names of north-east Syria', () => {
  const pairs: [string, string][] = [
    ['Hassakeh', 'الحسكة'], ['Hasakah', 'الحسكة'], ['Hasaka', 'بالحسكة'],
    ['Alouk', 'علوك'], ['Allouk', 'علوك'], ['Tai', 'طي'], ['Tayy', 'طي'],
    ['Qamishlo', 'القامشلي'], ['Kamishli', 'القامشلي'], ['Qamishli', 'والقامشلي'],
    ['Amuda', 'عامودا'], ['Derik', 'ديريك'], ['Tal', 'تل'], ['Tamr', 'تمر'],
    ['Raqqa', 'الرقة'], ['Kobani', 'كوباني'], ['Manbij', 'منبج'], ['Afrin', 'عفرين'],
    ['Deir', 'دير'], ['ez-Zor', 'الزور'], ['Abyad', 'أبيض'], ['Shaddadi', 'الشدادي'],
    ['Rmelan', 'رميلان'], ['Qahtaniyah', 'القحطانية'], ['al-Hol', 'الهول'], ['Hilaliyah', 'الهلالية'],
  ];
  it.each(pairs)('%s is %s', (latin, arabic) => {
    expect(sameName(latin, arabic)).toBe(true);
  });

  const different: [string, string][] = [
    ['Italy', 'بطولة'], // one begins with a vowel, the other does not
    ['Roman', 'أرمينيا'],
    ['Luther', 'الآثار'],
    ['Amuda', 'عاصمة'], // other consonants
    ['Derik', 'دير'],
    ['Ta', 'طي'], // one consonant needs the same final vowel
  ];
  it.each(different)('%s is not %s', (latin, arabic) => {
    expect(sameName(latin, arabic)).toBe(false);
  });

  it('needs a Latin vowel wherever the Arabic writes one inside the word', () => {
    const [bowl] = latinSkeletons('Bowl');
    expect(latinMatchesArabic(bowl!, arabicSkeleton('بول'))).toBe(true);
    const [blan] = latinSkeletons('Bln');
    expect(latinMatchesArabic(blan!, arabicSkeleton('بولن'))).toBe(false);
  });
});

describe('createSkeletonMatcher', () => {
  const vocabulary = 'وصلت القوات إلى عامودا ثم إلى تل تمر وديريك قرب القامشلي والحسكة وقرية علوك'.split(' ');
  const matcher = createSkeletonMatcher(vocabulary);

  it("finds a Latin name's Arabic spellings in the vocabulary", () => {
    expect(matcher.match('Amuda')).toEqual(['عامودا']);
    expect(matcher.match('Derik')).toEqual(['وديريك']);
    expect(matcher.match('Hassakeh')).toEqual(['والحسكة']);
    expect(matcher.match('Kamishli')).toEqual(['القامشلي']);
    expect(matcher.match('Allouk')).toEqual(['علوك']);
    expect(matcher.match('Tamr')).toEqual(['تمر']);
  });

  it('finds nothing for a name the vocabulary lacks', () => {
    expect(matcher.match('Kobani')).toEqual([]);
    expect(matcher.match('')).toEqual([]);
  });
});
