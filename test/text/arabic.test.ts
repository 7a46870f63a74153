import { describe, expect, it } from 'vitest';
import { normalizeArabic, stemArabic, stripClitics } from '../../src/text/arabic.ts';

describe('normalizeArabic', () => {
  it('removes tashkeel, shadda, sukun, tanween, superscript alef and tatweel', () => {
    expect(normalizeArabic('قُتِلَ')).toBe('قتل');
    expect(normalizeArabic('عنصرًا')).toBe('عنصر'); // the alef that only carries the tanween goes too
    expect(normalizeArabic('بياناً')).toBe('بيان');
    expect(normalizeArabic('جداً')).toBe('جدا'); // short words keep it: جد is another word
    expect(normalizeArabic('محمّد')).toBe('محمد');
    expect(normalizeArabic('رحمٰن')).toBe('رحمن');
    expect(normalizeArabic('قـــسد')).toBe('قسد');
  });

  it('unifies alef forms, alef maqsura, taa marbuta and hamza seats', () => {
    expect(normalizeArabic('أسايش إسرائيل آب ٱلله')).toBe('اسايش اسراييل اب الله');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('مدينة')).toBe('مدينه');
    expect(normalizeArabic('مؤقت')).toBe('موقت');
    expect(normalizeArabic('رئيس')).toBe('رييس');
  });

  it('turns Eastern Arabic and Persian digits into ASCII and lowercases Latin', () => {
    expect(normalizeArabic('٢٥ نيسان ٢٠٢١')).toBe('25 نيسان 2021');
    expect(normalizeArabic('۱۸')).toBe('18');
    expect(normalizeArabic('Qamishli SDF')).toBe('qamishli sdf');
  });

  it('composes to NFC and drops bidi and zero-width characters', () => {
    expect(normalizeArabic('\u200Fقسد\u200E\u200B')).toBe('قسد');
    expect(normalizeArabic('e\u0301')).toBe('é');
  });

  it('is idempotent and keeps an empty string empty', () => {
    const once = normalizeArabic('“قسد” و”الدفاع الوطني” يستأنفان الاشتباكات');
    expect(normalizeArabic(once)).toBe(once);
    expect(normalizeArabic('')).toBe('');
  });
});

describe('stripClitics', () => {
  it('strips article and preposition/conjunction combinations, longest first', () => {
    expect(stripClitics('الدفاع')).toBe('دفاع');
    expect(stripClitics('والدفاع')).toBe('دفاع');
    expect(stripClitics('بالقامشلي')).toBe('قامشلي');
    expect(stripClitics('وبالمطار')).toBe('مطار');
    expect(stripClitics('فبالمطار')).toBe('مطار');
    expect(stripClitics('وللمطار')).toBe('مطار');
    expect(stripClitics('للقامشلي')).toBe('قامشلي');
    expect(stripClitics('كالمطار')).toBe('مطار');
  });

  it('strips a bare conjunction or preposition only when three letters remain', () => {
    expect(stripClitics('وقوات')).toBe('قوات');
    expect(stripClitics('بمطار')).toBe('مطار');
    expect(stripClitics('ولد')).toBe('ولد');
    expect(stripClitics('بين')).toBe('بين');
  });

  it('keeps a two-letter noun after the article but protects والد-like words', () => {
    expect(stripClitics('الحي')).toBe('حي');
    expect(stripClitics('بالحي')).toBe('حي');
    expect(stripClitics('والده')).not.toBe('ده');
    expect(stripClitics('والي')).not.toBe('ي');
  });

  it('does not strip a bare kaf (كبير, كندا)', () => {
    expect(stripClitics('كبير')).toBe('كبير');
    expect(stripClitics('كندا')).toBe('كندا');
  });

  it('reads Levantine عالـ as على الـ but keeps the عالم family', () => {
    expect(stripClitics('عالمطار')).toBe('مطار');
    expect(stripClitics('عالحي')).toBe('حي');
    expect(stripClitics('عالم')).toBe('عالم');
    expect(stripClitics('عالميه')).toBe('عالميه');
    expect(stripClitics('عالجت')).toBe('عالجت');
  });
});

describe('stemArabic', () => {
  it('brings the forms of سيطر together', () => {
    const stems = ['يسيطر', 'تسيطر', 'سيطرت', 'سيطرته', 'سيطره', 'سيطرة', 'وتسيطر', 'بيسيطر'].map(stemArabic);
    expect(new Set(stems)).toEqual(new Set(['سيطر']));
  });

  it('conflates present-tense prefixes on short verbs (تحد / يحد, تقع / يقع)', () => {
    expect(stemArabic('تحدها')).toBe(stemArabic('يحده'));
    expect(stemArabic('تقع')).toBe(stemArabic('يقع'));
  });

  it('gives one stem for a noun with and without article, conjunction or hamza', () => {
    expect(stemArabic('المطار')).toBe(stemArabic('مطار'));
    expect(stemArabic('والمطار')).toBe(stemArabic('مطار'));
    expect(stemArabic('عالمطار')).toBe(stemArabic('المطار'));
    expect(stemArabic('الأسايش')).toBe(stemArabic('أسايش'));
    expect(stemArabic('كبيرة')).toBe(stemArabic('الكبير'));
    expect(stemArabic('القامشلي')).toBe(stemArabic('بالقامشلي'));
  });

  it('ignores diacritics and spelling variants of the same word', () => {
    expect(stemArabic('قُتِلَ')).toBe(stemArabic('قتل'));
    expect(stemArabic('العسكرى')).toBe(stemArabic('العسكري'));
    expect(stemArabic('مدينة')).toBe(stemArabic('مدينه'));
  });

  it('meets a noun in -اء and its relative adjective with the hamza on a yaa', () => {
    expect(stemArabic('الكهربائية')).toBe(stemArabic('الكهرباء'));
    expect(stemArabic('الغذائية')).toBe(stemArabic('غذاء'));
    expect(stemArabic('القضائي')).toBe(stemArabic('القضاء'));
    expect(stemArabic('قضايا')).not.toBe(stemArabic('القضاء'));
  });

  it('leaves the typo الموجهات one edit away from المواجهات (the index matches it fuzzily)', () => {
    const typo = stemArabic('الموجهات');
    const correct = stemArabic('المواجهات');
    expect(typo).not.toBe('');
    expect(correct.length - typo.length).toBe(1);
    expect(correct.replace('ا', '')).toBe(typo);
  });

  it('never returns an empty stem for a non-empty Arabic word', () => {
    for (const word of ['ال', 'و', 'في', 'ب', 'ة', 'اا']) expect(stemArabic(word).length).toBeGreaterThan(0);
  });
});

describe('normalizeArabic: a hamza on the line inside a word', () => {
  it('reads ء between letters as the ئ it usually stands for', () => {
    expect(normalizeArabic('الطاءرات')).toBe(normalizeArabic('الطائرات'));
    expect(normalizeArabic('سماء')).toBe('سماء'); // a final hamza stays
  });
});
