/**
 * Number words, Arabic and English: cardinals, tens, hundreds and thousands, the collective counts
 * (عشرات، مئات، آلاف، dozens), fractions, duals and ordinals. The one home of these words: the date
 * grammar, the answer-type markers of the index and the evidence of a quantity all read them here.
 * Arabic entries are stored normalised (see `normalizeArabic`), as tokens are.
 */
import { normalizeArabic } from './arabic.ts';

function table(entries: Record<string, number>): ReadonlyMap<string, number> {
  return new Map(Object.entries(entries).map(([word, value]) => [normalizeArabic(word), value]));
}

/** Arabic cardinals, masculine and feminine, with the Levantine spellings (تلاتة، تمنة). */
export const ARABIC_CARDINALS = table({
  واحد: 1, واحدة: 1, اثنين: 2, اثنان: 2, اثنتين: 2, اثنتان: 2, اتنين: 2, تنين: 2,
  ثلاث: 3, ثلاثة: 3, تلات: 3, تلاتة: 3, أربع: 4, أربعة: 4, خمس: 5, خمسة: 5, ست: 6, ستة: 6, سبع: 7, سبعة: 7,
  ثمان: 8, ثماني: 8, ثمانية: 8, تمان: 8, تمنة: 8, تسع: 9, تسعة: 9, عشر: 10, عشرة: 10, عشرين: 20, عشرون: 20,
  ثلاثين: 30, ثلاثون: 30, تلاتين: 30, أربعين: 40, أربعون: 40, خمسين: 50, خمسون: 50, ستين: 60, ستون: 60,
  سبعين: 70, سبعون: 70, ثمانين: 80, ثمانون: 80, تسعين: 90, تسعون: 90, مئة: 100, مائة: 100, مية: 100,
  مئتين: 200, مئتان: 200, ميتين: 200, ألف: 1000, ألفين: 2000, ألفان: 2000, مليون: 1e6, مليونين: 2e6, مليار: 1e9,
  // The dual before the counted noun drops its ن (construct state): ألفي ليرة، مئتا شخص، مليوني دولار.
  مئتا: 200, مئتي: 200, ألفا: 2000, ألفي: 2000, مليونا: 2e6, مليوني: 2e6,
});

/** Counts without a value: tens, hundreds, thousands of; a few. */
export const ARABIC_COLLECTIVES: ReadonlySet<string> = new Set(
  ['عشرات', 'مئات', 'الاف', 'آلاف', 'ملايين', 'بضع', 'بضعة', 'عدة', 'عشرات الالاف'].map(normalizeArabic),
);

/** Fractions and multiplicatives: half, a third, twice. */
export const ARABIC_FRACTIONS: ReadonlySet<string> = new Set(
  ['نصف', 'ربع', 'ثلث', 'خمس', 'مرة', 'مرتين', 'مرات', 'ضعف', 'أضعاف', 'بالمئة', 'بالمائة', 'المئة', 'المائة'].map(normalizeArabic),
);

/** Arabic ordinals with and without the article, masculine and feminine: الثامن، الثالثة، أول. */
export const ARABIC_ORDINALS: ReadonlyMap<string, number> = (() => {
  const stems: Record<string, number> = {
    أول: 1, اول: 1, أولى: 1, حادي: 1, ثاني: 2, ثالث: 3, رابع: 4, خامس: 5, سادس: 6, سابع: 7, ثامن: 8, تاسع: 9, عاشر: 10,
  };
  const forms: Record<string, number> = {};
  for (const [stem, value] of Object.entries(stems)) {
    for (const form of [stem, `ال${stem}`, `${stem}ة`, `ال${stem}ة`]) forms[form] = value;
  }
  return table(forms);
})();

export const ENGLISH_CARDINALS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['fifteen', 15], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['hundred', 100], ['thousand', 1000], ['million', 1e6], ['billion', 1e9],
]);

export const ENGLISH_COLLECTIVES: ReadonlySet<string> = new Set([
  'dozen', 'dozens', 'hundreds', 'thousands', 'millions', 'several', 'twice', 'once', 'half', 'quarter', 'third', 'percent',
]);

export const ENGLISH_ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10],
]);

/** Arabic duals of counted nouns: قنبلتين، يومين، شهرين، طفلين (three letters of noun at least). */
const ARABIC_DUAL = /^\p{Script=Arabic}{3,}(?:تين|تان|ين|ان)$/u;
/** Duals of time and count nouns that are known to be duals, not plurals in -ين (ساعتين، يومين، شخصين). */
const DUAL_COUNT = /^(?:ساعت|يوم|اسبوع|شهر|عام|سنت|مرت|شخص|طفل|عنصر|قتيل|جريح|منزل|قذيفت|قنبلت|طايرت|سيارت|عايلت|الف|مليون)(?:ين|ان)$/;

/** The value of a normalised number word (cardinal, Arabic or English), or undefined. */
export function cardinalValue(word: string): number | undefined {
  return ARABIC_CARDINALS.get(word) ?? ENGLISH_CARDINALS.get(word);
}

/** The value of a normalised ordinal word (الثامن، الثالثة، third), or undefined. */
export function ordinalValue(word: string): number | undefined {
  return ARABIC_ORDINALS.get(word) ?? ENGLISH_ORDINALS.get(word);
}

/**
 * True when a normalised word states a quantity by itself: a cardinal, a collective count, a fraction
 * or multiplicative, or a dual of a counted noun (ساعتين، شخصين). Ordinals are not quantities: they say
 * which one, not how many.
 */
export function isQuantityWord(word: string): boolean {
  const bare = word.replace(/^[وب]/, '');
  return (
    cardinalValue(word) !== undefined ||
    ARABIC_CARDINALS.has(bare) ||
    ARABIC_COLLECTIVES.has(word) ||
    ARABIC_COLLECTIVES.has(bare) ||
    ARABIC_FRACTIONS.has(word) ||
    ENGLISH_COLLECTIVES.has(word) ||
    DUAL_COUNT.test(bare)
  );
}

/** True when the word looks like the dual of a noun (used where a dual counts, as in "مرتين"). */
export function isArabicDual(word: string): boolean {
  return ARABIC_DUAL.test(word) && /(?:تين|تان)$/.test(word);
}

/**
 * True when a normalised quantity word gives no value (عشرات، مئات، آلاف، بضعة، dozens, several):
 * "tens of families" does not tell how many.
 */
export function isVagueCount(word: string): boolean {
  const bare = word.replace(/^[وب]/, '');
  return ARABIC_COLLECTIVES.has(word) || ARABIC_COLLECTIVES.has(bare) || ENGLISH_COLLECTIVES.has(word);
}
