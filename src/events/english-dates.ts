/**
 * Dates in English questions ("in 2018", "July 2016", "April 23", "the 23rd of April", "early 2018",
 * "last week", "yesterday", "3 days ago", "last Friday"), each with its position in the question.
 */
import { addDays, daysInMonth, isoDay, monthRange, parseIsoDay, shiftMonth, weekday as weekdayOf, yearRange } from './calendar.ts';
import { type Range, thirdOf } from './dates.ts';
import { ENGLISH_COUNTED, SEASON_MONTHS } from './lexicon.ts';
import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS } from '../text/months.ts';
import { ENGLISH_CARDINALS } from '../text/numbers.ts';

const EN_MONTHS = ENGLISH_MONTHS;
const EN_WEEKDAYS = ENGLISH_WEEKDAYS;
const EN_MONTH = [...EN_MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
// "a week ago": the article counts one.
const EN_NUMBER_WORDS: ReadonlyMap<string, number> = new Map([['a', 1], ['an', 1], ...ENGLISH_CARDINALS]);

export interface EnglishDate extends Range {
  index: number;
  length: number;
  yearless?: { month: number; day?: number };
}

/** Date expressions in an English question, each with its position. */
export function englishDates(question: string, now: string): EnglishDate[] {
  const text = question.toLowerCase();
  const p = parseIsoDay(now);
  const found: EnglishDate[] = [];
  const add = (match: RegExpExecArray, range: Range, yearless?: EnglishDate['yearless']): void => {
    found.push({ ...range, index: match.index, length: match[0].length, ...(yearless ? { yearless } : {}) });
  };
  const inferYear = (month: number, day?: number): number =>
    month < p.month || (month === p.month && (day === undefined || day <= p.day)) ? p.year : p.year - 1;
  const dayRange = (year: number, month: number, day: number): Range | null => {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    const iso = isoDay(year, month, day);
    return { start: iso, end: iso, precision: 'day' };
  };
  const partOf = (part: string | undefined): 'early' | 'mid' | 'late' | null => {
    if (!part) return null;
    if (/early|beginning|start/.test(part)) return 'early';
    if (/mid|middle/.test(part)) return 'mid';
    return 'late';
  };
  const PART = '(?:(early|mid|late|the (?:beginning|start|middle|end) of)[\\s-]+)?';
  let m: RegExpExecArray | null;

  const iso = /\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b/g;
  while ((m = iso.exec(text))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (m[3]) {
      const range = dayRange(year, month, Number(m[3]));
      if (range) add(m, range);
    } else if (month >= 1 && month <= 12) add(m, { ...monthRange(year, month), precision: 'month' });
  }
  const slashed = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
  while ((m = slashed.exec(text))) {
    // Day first unless that is impossible (13/4 is a day; 4/13 must be month first).
    const a = Number(m[1]);
    const b = Number(m[2]);
    const range = dayRange(Number(m[3]), a > 12 ? b : b > 12 ? a : b, a > 12 ? a : b > 12 ? b : a);
    if (range) add(m, range);
  }
  const dayMonth = new RegExp(`\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${EN_MONTH})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'g');
  while ((m = dayMonth.exec(text))) {
    const month = EN_MONTHS.get(m[2] ?? '') ?? 0;
    const day = Number(m[1]);
    const year = m[3] ? Number(m[3]) : inferYear(month, day);
    const range = dayRange(year, month, day);
    if (range) add(m, range, m[3] ? undefined : { month, day });
  }
  const monthDay = new RegExp(`\\b(${EN_MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4})\\b)?`, 'g');
  while ((m = monthDay.exec(text))) {
    const month = EN_MONTHS.get(m[1] ?? '') ?? 0;
    const day = Number(m[2]);
    const year = m[3] ? Number(m[3]) : inferYear(month, day);
    const range = dayRange(year, month, day);
    if (range) add(m, range, m[3] ? undefined : { month, day });
  }
  const monthYear = new RegExp(`\\b${PART}(${EN_MONTH})\\.?(?:,|\\s+of)?\\s+(\\d{4})\\b`, 'g');
  while ((m = monthYear.exec(text))) {
    const month = EN_MONTHS.get(m[2] ?? '') ?? 0;
    const range: Range = { ...monthRange(Number(m[3]), month), precision: 'month' };
    const part = partOf(m[1]);
    add(m, part ? thirdOf(range, part) : range);
  }
  // A month alone: "in July", "last July", "July?" ("may" and "march" need a preposition before them).
  const monthAlone = new RegExp(`\\b(?:(in|during|since|from|until|till|by|of|before|after|last|this|next)\\s+)?${PART}(${EN_MONTH})\\b(?!\\.?(?:,|\\s+of)?\\s+\\d)`, 'g');
  while ((m = monthAlone.exec(text))) {
    const word = m[3] ?? '';
    if ((word === 'may' || word === 'march' || word === 'mar') && !m[1] && !m[2]) continue;
    const month = EN_MONTHS.get(word) ?? 0;
    const which = m[1];
    const year = which === 'last' ? (month < p.month ? p.year : p.year - 1)
      : which === 'next' ? (month > p.month ? p.year : p.year + 1)
        : which === 'this' ? p.year : inferYear(month);
    const range: Range = { ...monthRange(year, month), precision: 'month' };
    const part = partOf(m[2]);
    const yearless = which === 'last' || which === 'next' || which === 'this' ? undefined : { month };
    add(m, part ? thirdOf(range, part) : range, yearless);
  }
  const year = new RegExp(`\\b${PART}((?:19|20)\\d{2})\\b(?![-/]\\d{1,2}\\b)`, 'g');
  while ((m = year.exec(text))) {
    const value = Number(m[2]);
    if (value > p.year + 1) continue;
    const following = /^\s+(\w+)/.exec(text.slice(m.index + m[0].length))?.[1] ?? '';
    if (ENGLISH_COUNTED.test(following)) continue;
    const range: Range = { ...yearRange(value), precision: 'year' };
    const part = partOf(m[1]);
    add(m, part ? thirdOf(range, part) : range);
  }
  // "the summer of 2020": its months, as صيف 2020 (winter straddles two years and stays the year).
  const season = /\b(spring|summer|autumn|fall)(?: of)? ((?:19|20)\d{2})\b/g;
  while ((m = season.exec(text))) {
    const months = SEASON_MONTHS.get(m[1] === 'spring' ? 'ربيع' : m[1] === 'summer' ? 'صيف' : 'خريف');
    if (months) add(m, { start: monthRange(Number(m[2]), months[0]).start, end: monthRange(Number(m[2]), months[1]).end, precision: 'approximate' });
  }
  const words: [RegExp, () => Range][] = [
    [/\bthe day before yesterday\b/g, () => ({ start: addDays(now, -2), end: addDays(now, -2), precision: 'day' })],
    [/\byesterday\b/g, () => ({ start: addDays(now, -1), end: addDays(now, -1), precision: 'day' })],
    [/\b(?:today|tonight|this (?:morning|afternoon|evening))\b/g, () => ({ start: now, end: now, precision: 'day' })],
    [/\b(?:last|past|previous) (?:week|seven days)\b/g, () => ({ start: addDays(now, -7), end: addDays(now, -1), precision: 'approximate' })],
    [/\bthis week\b/g, () => ({ start: addDays(now, -6), end: now, precision: 'approximate' })],
    [/\b(?:last|past|previous) month\b/g, () => {
      const s = shiftMonth(p.year, p.month, -1);
      return { ...monthRange(s.year, s.month), precision: 'month' };
    }],
    [/\bthis month\b/g, () => ({ ...monthRange(p.year, p.month), precision: 'month' })],
    [/\b(?:last|past|previous) year\b/g, () => ({ ...yearRange(p.year - 1), precision: 'year' })],
    [/\bthis year\b/g, () => ({ ...yearRange(p.year), precision: 'year' })],
  ];
  for (const [pattern, range] of words) while ((m = pattern.exec(text))) add(m, range());
  const ago = /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several)\s+(day|week|month|year)s?\s+ago\b/g;
  while ((m = ago.exec(text))) {
    const countWord = m[1] ?? '';
    const vague = /few|several/.test(countWord);
    const count = vague ? 0 : Number(countWord) || EN_NUMBER_WORDS.get(countWord) || 1;
    const unit = m[2];
    if (unit === 'day' && !vague) add(m, { start: addDays(now, -count), end: addDays(now, -count), precision: 'day' });
    else if (unit === 'day') add(m, { start: addDays(now, -7), end: addDays(now, -2), precision: 'approximate' });
    else if (unit === 'week') {
      const [min, max] = vague ? [14, 42] : [7 * count - count, 7 * count + count];
      add(m, { start: addDays(now, -max), end: addDays(now, -min), precision: 'approximate' });
    } else if (unit === 'month' && !vague) {
      const s = shiftMonth(p.year, p.month, -count);
      add(m, { ...monthRange(s.year, s.month), precision: 'month' });
    } else if (unit === 'year' && !vague) add(m, { ...yearRange(p.year - count), precision: 'year' });
  }
  const weekdayPattern = /\b(?:(last|on|this past)\s+)(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/g;
  while ((m = weekdayPattern.exec(text))) {
    const target = EN_WEEKDAYS.get(m[2] ?? '') ?? 0;
    let back = (weekdayOf(now) - target + 7) % 7;
    if (m[1] !== 'on' && back === 0) back = 7;
    const iso = addDays(now, -back);
    add(m, { start: iso, end: iso, precision: 'day' });
  }
  return found;
}
