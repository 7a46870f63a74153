import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DictdFormatError,
  arabicAlternatives,
  decodeDictdNumber,
  englishKey,
  mergeLexicon,
  parseDictdEntry,
  parseDictdIndex,
  parseReviewedSenses,
  readDictd,
  type DictdEntry,
} from '../../src/nlu/dictd.ts';

/** Encodes a number in dictd's base64, to build index lines for the tests. */
function encode(n: number): string {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  do {
    out = digits[n % 64] + out;
    n = Math.floor(n / 64);
  } while (n > 0);
  return out;
}

describe('dictd index', () => {
  it('decodes dictd base64 numbers (most significant digit first)', () => {
    expect(decodeDictdNumber('A')).toBe(0);
    expect(decodeDictdNumber('b')).toBe(27);
    expect(decodeDictdNumber('BA')).toBe(64);
    expect(decodeDictdNumber('PHz4')).toBe(15 * 64 ** 3 + 7 * 64 ** 2 + 51 * 64 + 56);
    expect(() => decodeDictdNumber('A*')).toThrow(DictdFormatError);
    expect(() => decodeDictdNumber('')).toThrow(DictdFormatError);
  });

  it('reads index lines and leaves out the 00database header entries', () => {
    const entries = parseDictdIndex('00databaseinfo\tc\tgN\nfire brigade\tBA\tk\nkill\tB\tb\n');
    expect(entries).toEqual([
      { headword: 'fire brigade', offset: 64, length: 36 },
      { headword: 'kill', offset: 1, length: 27 },
    ]);
    expect(() => parseDictdIndex('kill\tB\n')).toThrow(DictdFormatError);
  });

  it('reads entries at their byte offsets (Arabic is two bytes a letter)', () => {
    const first = 'Capital /kˈapɪtəl/\nالرأسمال\n';
    const second = 'Kill /kˈɪl/\n1. القتل\n2. قَتَلَ\n';
    const dict = Buffer.from(first + second, 'utf8');
    const firstBytes = Buffer.byteLength(first);
    const index = `capital\t${encode(0)}\t${encode(firstBytes)}\nkill\t${encode(firstBytes)}\t${encode(Buffer.byteLength(second))}\n`;
    expect(readDictd(index, dict)).toEqual([
      { headword: 'Capital', senses: ['الرأسمال'] },
      { headword: 'Kill', senses: ['القتل', 'قَتَلَ'] },
    ]);
    expect(() => readDictd(`kill\t${encode(10)}\t${encode(500)}\n`, dict)).toThrow(DictdFormatError);
  });
});

describe('dictd entries', () => {
  it('drops the pronunciation and the sense numbers', () => {
    expect(parseDictdEntry('A-bomb /ɐ bˈɒm/\n1. القنبلة النووية\n2. القنبلة الذرية\n')).toEqual({
      headword: 'A-bomb',
      senses: ['القنبلة النووية', 'القنبلة الذرية'],
    });
    expect(parseDictdEntry('Addis Ababa /ˈadɪs ˈabɐbə/\nأديس أبابا - عاصمة أثيوبيا').headword).toBe('Addis Ababa');
  });
});

describe('arabicAlternatives', () => {
  it('removes tashkeel and splits alternatives at Arabic and Latin commas', () => {
    expect(arabicAlternatives('مَوْقِف، مَكان')).toEqual(['موقف', 'مكان']);
    expect(arabicAlternatives('جيّدًا; حسن')).toEqual(['جيدا', 'حسن']);
  });

  it('drops notes in brackets, closed or cut off, and the gloss after a spaced dash', () => {
    expect(arabicAlternatives('الكيب (قارض جنوب أمريكيّ)')).toEqual(['الكيب']);
    expect(arabicAlternatives('بطريقة ساخرة (من طريق التقليد')).toEqual(['بطريقة ساخرة']);
    expect(arabicAlternatives('أديس أبابا - عاصمة أثيوبيا')).toEqual(['أديس أبابا']);
    expect(arabicAlternatives('آها -  فرقة بوب نرويجيّة')).toEqual(['آها']);
  });

  it('keeps only short all-Arabic alternatives (explanations and Latin leftovers go)', () => {
    expect(arabicAlternatives('حرف يسبق الكلمة ويعني في إتجاه كذا')).toEqual([]);
    expect(arabicAlternatives('triped المغناطيسي')).toEqual([]);
    expect(arabicAlternatives('أشخاص من الوزن ١٦٠')).toEqual([]);
    expect(arabicAlternatives('القتل، القتل')).toEqual(['القتل']);
  });
});

describe('englishKey', () => {
  it('lowercases plain words and phrases of up to four words', () => {
    expect(englishKey('Capital')).toBe('capital');
    expect(englishKey('Fire  Brigade')).toBe('fire brigade');
    expect(englishKey("death toll (of a disaster)")).toBe('death toll');
    expect(englishKey('A-bomb')).toBe('a-bomb');
  });

  it('refuses abbreviations with dots, prefixes, numbers and long phrases', () => {
    expect(englishKey('Ab-')).toBeNull();
    expect(englishKey('e.g.')).toBeNull();
    expect(englishKey('10th')).toBeNull();
    expect(englishKey('one two three four five')).toBeNull();
  });
});

describe('mergeLexicon', () => {
  const engAra: DictdEntry[] = [
    { headword: 'Capital', senses: ['الرأسمال'] },
    { headword: 'Kill', senses: ['القتل', 'قَتَلَ، اغتال'] },
    { headword: 'Ab-', senses: ['بعيدا عن'] },
  ];
  const araEng: DictdEntry[] = [
    { headword: 'عاصمة', senses: ['Capital'] },
    { headword: 'الإدارة', senses: ['Administration', 'Rotating', 'Looping', 'Management', 'Stewardship', 'Tending', 'Twiddling', 'Circling', 'Capital'] },
  ];

  it('puts the English→Arabic senses first, then the reversed Arabic→English entries', () => {
    const lexicon = mergeLexicon(engAra, araEng);
    expect(lexicon.get('capital')).toEqual(['الرأسمال', 'عاصمة']);
    expect(lexicon.get('kill')).toEqual(['القتل', 'قتل', 'اغتال']);
    expect(lexicon.has('ab-')).toBe(false);
  });

  it('leaves out a reversed pair that is a late sense of a long entry', () => {
    const lexicon = mergeLexicon(engAra, araEng);
    expect(lexicon.get('administration')).toEqual(['الإدارة']); // first of nine senses: kept
    expect(lexicon.has('twiddling')).toBe(false); // seventh of nine: noise
  });

  it('keeps at most maxAlternatives per key', () => {
    const many: DictdEntry[] = [{ headword: 'Word', senses: ['عين، باب', 'جمل، دار، بيت، سوق'] }];
    expect(mergeLexicon(many, [], { maxAlternatives: 3 }).get('word')).toEqual(['عين', 'باب', 'جمل']);
    expect(mergeLexicon(many, []).get('word')).toHaveLength(6);
  });

  it('puts reviewed senses before the dictionary\'s, and adds reviewed keys it lacks', () => {
    const reviewed = parseReviewedSenses('# news senses\nkill\tقتل|مقتل\nput out\tأخمد|إخماد\n');
    const lexicon = mergeLexicon(engAra, araEng, { reviewed });
    expect(lexicon.get('kill')).toEqual(['قتل', 'مقتل', 'القتل', 'اغتال']);
    expect(lexicon.get('put out')).toEqual(['أخمد', 'إخماد']);
  });
});

describe('parseReviewedSenses', () => {
  it('refuses a malformed line, a key not lowercased and a key listed twice', () => {
    expect(() => parseReviewedSenses('kill\n')).toThrow(DictdFormatError);
    expect(() => parseReviewedSenses('Kill\tقتل\n')).toThrow(/line 1/);
    expect(() => parseReviewedSenses('kill\tقتل\nkill\tمقتل\n')).toThrow(/twice/);
  });

  it('the committed file parses', () => {
    const senses = parseReviewedSenses(readFileSync(new URL('../../knowledge/en-ar-senses.tsv', import.meta.url), 'utf8'));
    expect(senses.size).toBeGreaterThan(100);
    expect(senses.get('take')?.[0]).toBe('أخذ');
  });
});
