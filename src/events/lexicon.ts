/**
 * Arabic date vocabulary, stored normalised (see `normalizeArabic`): month names (Levantine/Syriac,
 * Egyptian/Gulf, Maghrebi and Algerian), weekdays, ordinal days, number words, duration units and the
 * small function-word sets the date grammar leans on.
 */

import { normalizeArabic } from '../text/arabic.ts';

/** Lists are written in ordinary spelling and stored normalised, as tokens are (أوائل → اوايل, إلى → الي). */
function table<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries).map(([word, value]) => [normalizeArabic(word), value]));
}

function wordSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((word) => normalizeArabic(word)));
}

export { MONTHS, MONTH_PAIRS, WEAK_MONTHS } from '../text/months.ts';

/** آب is also "father": alone it is a month only after a strong time cue (في آب، خلال آب، منذ آب). */
export const STRONG_MONTH_CUES: ReadonlySet<string> = wordSet(['في', 'خلال', 'منذ', 'شهر', 'مطلع', 'اوايل', 'منتصف', 'اواسط', 'اواخر', 'حتي']);

/** 0 = Sunday ... 6 = Saturday (JavaScript's getUTCDay). */
export const WEEKDAYS = table<number>({
  الاحد: 0, الاثنين: 1, الاتنين: 1, الثلاثاء: 2, الثلاثا: 2, التلات: 2, الاربعاء: 3, الاربعا: 3,
  الخميس: 4, الجمعه: 5, السبت: 6,
});

const UNITS_ORDINAL: Record<string, number> = {
  الاول: 1, الحادي: 1, الثاني: 2, الثالث: 3, الرابع: 4, الخامس: 5, السادس: 6, السابع: 7, الثامن: 8, التاسع: 9,
};

/** Ordinal day words that stand alone: الأول (من نيسان) ... العاشر, العشرين, الثلاثين, and أول (أيار). */
export const ORDINAL_DAYS = table<number>({
  ...Object.fromEntries(Object.entries(UNITS_ORDINAL).filter(([word]) => word !== 'الحادي')),
  اول: 1, العاشر: 10, العشرين: 20, الثلاثين: 30,
});

/** Unit ordinals that take عشر / والعشرين / والثلاثين after them: الحادي عشر = 11, الثالث والعشرين = 23. */
export const ORDINAL_UNITS = table<number>(UNITS_ORDINAL);
export const ORDINAL_TENS = table<number>({ عشر: 10, العشرين: 20, الثلاثين: 30 });

/** Cardinal number words (ثلاثة أيام، عشرة أسابيع): see src/text/numbers.ts. */
export { ARABIC_CARDINALS as NUMBER_WORDS } from '../text/numbers.ts';

/** Words for "a few, several" before a plural unit (بضعة أيام، عدة أسابيع). */
export const FEW_WORDS: ReadonlySet<string> = wordSet(['بضعه', 'بضع', 'عده', 'بعض']);

export type DurationUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

/** A unit word: the unit, and how many it counts by itself (1 singular, 2 dual, null plural). */
export const UNIT_WORDS = table<{ unit: DurationUnit; count: number | null }>({
  ساعه: { unit: 'hour', count: 1 }, ساعتين: { unit: 'hour', count: 2 }, ساعتان: { unit: 'hour', count: 2 }, ساعات: { unit: 'hour', count: null },
  يوم: { unit: 'day', count: 1 }, يوما: { unit: 'day', count: 1 }, يومين: { unit: 'day', count: 2 }, يومان: { unit: 'day', count: 2 }, ايام: { unit: 'day', count: null },
  اسبوع: { unit: 'week', count: 1 }, اسبوعا: { unit: 'week', count: 1 }, اسبوعين: { unit: 'week', count: 2 }, اسبوعان: { unit: 'week', count: 2 }, اسابيع: { unit: 'week', count: null },
  شهر: { unit: 'month', count: 1 }, شهرا: { unit: 'month', count: 1 }, شهرين: { unit: 'month', count: 2 }, شهران: { unit: 'month', count: 2 }, اشهر: { unit: 'month', count: null }, شهور: { unit: 'month', count: null },
  عام: { unit: 'year', count: 1 }, عاما: { unit: 'year', count: 1 }, عامين: { unit: 'year', count: 2 }, عامان: { unit: 'year', count: 2 }, اعوام: { unit: 'year', count: null },
  سنه: { unit: 'year', count: 1 }, سنتين: { unit: 'year', count: 2 }, سنتان: { unit: 'year', count: 2 }, سنوات: { unit: 'year', count: null }, سنين: { unit: 'year', count: null },
});

/** "about": نحو، حوالي، قرابة، زهاء (and ما يقارب, handled as two words). */
export const ABOUT_WORDS: ReadonlySet<string> = wordSet(['نحو', 'حوالي', 'قرابه', 'زهاء', 'تقريبا']);

/** Words after which a bare month name is a date: في نيسان، خلال آذار، منذ تموز، شهر أيار، مطلع أيلول. */
export const MONTH_CUES: ReadonlySet<string> = wordSet([
  'في', 'خلال', 'منذ', 'حتي', 'شهر', 'مطلع', 'اوايل', 'بدايه', 'بدايات', 'منتصف', 'اواسط', 'اواخر', 'نهايه',
  'نهايات', 'طيله', 'طوال', 'قبل', 'بعد', 'مع', 'اثناء', 'لغايه',
]);

/** Words after which a bare four-digit number is a year: في 2018، منذ 2016، خلال 2019، صيف 2020. */
export const YEAR_CUES: ReadonlySet<string> = wordSet([
  ...MONTH_CUES, 'عام', 'العام', 'سنه', 'السنه', 'عامي', 'سنتي', 'ب', 'ل', 'من', 'الي', 'صيف', 'شتاء', 'ربيع',
  'خريف', 'اعوام', 'سنوات', 'بين',
]);

/** Words that make the number after them a quantity, not a year: نحو 2000، أكثر من 1500. */
export const QUANTITY_WORDS: ReadonlySet<string> = wordSet([
  'نحو', 'حوالي', 'قرابه', 'زهاء', 'اكثر', 'اقل', 'اكثر من', 'عدد', 'مجموع', 'اصل', 'رقم', 'بلغ', 'يبلغ',
]);

/**
 * Nouns that are counted, so a number before them is a quantity: 2000 شخص، 1500 عنصر. Entries of three
 * letters or more are prefixes of the normalised word (عنصر covers عنصرا; عناصر is listed on its own);
 * shorter ones (كم، طن) must match the whole word.
 */
export const COUNTED_NOUN_PREFIXES: readonly string[] = [
  'شخص', 'اشخاص', 'عنصر', 'عناصر', 'قتيل', 'قتلي', 'جريح', 'جرحي', 'مدني', 'عايل', 'اسر', 'منزل', 'منازل',
  'نازح', 'لاجي', 'دولار', 'ليره', 'يورو', 'متر', 'كيلو', 'كم', 'طن', 'برميل', 'مقاتل', 'جندي', 'جنود', 'سياره',
  'سيارات', 'طفل', 'اطفال', 'امراه', 'نساء', 'رجل', 'مواطن', 'معتقل', 'اسير', 'اسري', 'صاروخ', 'قذيف', 'غار',
  'هكتار', 'دونم', 'نسمه', 'ساكن', 'سكان', 'قطعه', 'موظف', 'طالب', 'طلاب', 'مره', 'مرات', 'ساعه', 'يوم', 'ايام',
];

/** Qualifiers of a month or year: the first, middle or last third of it. */
export const PART_WORDS = table<'early' | 'mid' | 'late'>({
  مطلع: 'early', اوائل: 'early', بدايه: 'early', بدايات: 'early', مستهل: 'early',
  منتصف: 'mid', اواسط: 'mid', اواسطه: 'mid',
  اواخر: 'late', نهايه: 'late', نهايات: 'late', ختام: 'late',
});

/** Times of day that may precede a date without changing it: مساء أمس، فجر اليوم، ليلة الجمعة. */
export const TIME_OF_DAY: ReadonlySet<string> = wordSet(['صباح', 'مساء', 'فجر', 'ليله', 'ظهر', 'عصر', 'ليل', 'ظهيره', 'صبيحه']);

export const DEMONSTRATIVES: ReadonlySet<string> = wordSet(['هذا', 'هذه', 'ذلك', 'تلك', 'ذاك', 'هذين', 'هاتين']);

/**
 * Event nouns a "قبل/بعد <duration> من" phrase may point back to (بعد يومين من الهجوم): with them the
 * phrase dates something relative to the event just told. Process nouns (تصاعد التوتر) are not listed:
 * "بعد أسبوع من تصاعد التوتر" says how long the tension lasted, not when a new event happened.
 */
export const EVENT_NOUNS: ReadonlySet<string> = wordSet([
  'الحادثه', 'الحادث', 'الهجوم', 'الاشتباكات', 'الاشتباك', 'المعارك', 'المعركه', 'المواجهات', 'الانفجار', 'التفجير',
  'الاتفاق', 'الهدنه', 'الاعتداء', 'القصف', 'الاغتيال', 'الاتهام', 'البيان', 'العمليه', 'الواقعه', 'الاجتماع',
  'الانسحاب', 'السيطره', 'الغاره', 'الضربه', 'المجزره', 'الاعلان', 'الحصار',
]);

/** Point-event verbal nouns that may stand between من and the event noun: بعد يومين من اندلاع الاشتباكات. */
export const ONSET_NOUNS: ReadonlySet<string> = wordSet(['وقوع', 'اندلاع', 'بدء', 'بدايه', 'انتهاء', 'توقيع', 'اعلان', 'حدوث']);

/** A season with its year (صيف 2020، ربيع 2019) is its months; winter straddles two years and stays the year. */
export const SEASON_MONTHS: ReadonlyMap<string, readonly [number, number]> = new Map([['ربيع', [3, 5]], ['صيف', [6, 8]], ['خريف', [9, 11]]]);

/** English nouns a number counts ("2000 people"): a four-digit number before them is a quantity, not a year. */
export const ENGLISH_COUNTED = /^(people|persons|fighters|members|soldiers|civilians|families|residents|troops|men|women|children|dollars|killed|dead|deaths|casualties|houses|homes|km|kilometres|kilometers|metres|meters|tons|displaced|refugees|times)\b/;
