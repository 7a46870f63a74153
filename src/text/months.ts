/**
 * Month names, Arabic and English: the one home of them. Arabic names are stored normalised (see
 * `normalizeArabic`): Levantine/Syriac, Egyptian/Gulf, Maghrebi and Algerian; كانون and تشرين are
 * two-word names (كانون الثاني) whose second word is an ordinal.
 */
import { normalizeArabic } from './arabic.ts';

function table<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries).map(([word, value]) => [normalizeArabic(word), value]));
}

/** One-word Arabic month names. */
export const MONTHS = table<number>({
  // Levantine / Syriac (كانون and تشرين are two words: see MONTH_PAIRS)
  شباط: 2, اذار: 3, نيسان: 4, ايار: 5, حزيران: 6, تموز: 7, اب: 8, ايلول: 9,
  // Egyptian / Gulf (from the European names), with the common spelling variants
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  اغسطس: 8, اغسطوس: 8, سبتمبر: 9, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  // Maghrebi and Algerian
  ماي: 5, يوليوز: 7, غشت: 8, شتنبر: 9, نونبر: 11, دجنبر: 12,
  جانفي: 1, فيفري: 2, افريل: 4, جوان: 6, جويليه: 7, اوت: 8,
});

/**
 * Month names that are also everyday words (ماي, أوت): accepted only beside a day, a year or the word
 * شهر, never on their own.
 */
export const WEAK_MONTHS: ReadonlySet<string> = new Set(['ماي', 'اوت'].map(normalizeArabic));

/** Two-word Levantine months: first word, then the ordinal that follows (with or without ال). */
export const MONTH_PAIRS = table<ReadonlyMap<string, number>>({
  كانون: table({ الثاني: 1, ثاني: 1, الاول: 12, اول: 12 }),
  تشرين: table({ الاول: 10, اول: 10, الثاني: 11, ثاني: 11 }),
});

/** English month names and their usual abbreviations. */
export const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** English weekday names, Sunday first (0, as Date.getUTCDay counts). */
export const ENGLISH_WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/** The full English month names (no abbreviations: "mar", "dec" are also other words). */
export const ENGLISH_MONTH_NAMES: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

/** True when a normalised word is (or starts) a month name in either language; abbreviations excluded. */
export function isMonthWord(word: string | undefined): boolean {
  return word !== undefined && (MONTHS.has(word) || MONTH_PAIRS.has(word) || ENGLISH_MONTH_NAMES.includes(word));
}
