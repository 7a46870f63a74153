/**
 * What a question asks about in time: the date it names (Arabic through the articles' own grammar, English
 * through english-dates.ts), the events that date matches, and its superlative and ordinal time words.
 */
import type { Language } from '../corpus/article.ts';
import type { DatePrecision } from './types.ts';
import { normalizeArabic } from '../text/arabic.ts';
import { daysInMonth, isoDay, monthRange, parseIsoDay, todayIso } from './calendar.ts';
import { questionDateMentions, type Range } from './dates.ts';
import { englishDates } from './english-dates.ts';
import { EventCalendar } from './event-calendar.ts';

/** The date a question asks about. */
export interface QuestionDate {
  start: string;
  end: string;
  precision: DatePrecision;
  /** The date words as the user wrote them. */
  label: string;
  /**
   * Set when the user gave a month (and day) but no year ("في تموز", "what happened in July?"): any
   * year's July answers; `start`/`end` hold the most likely one (see `parseQuestionDate`).
   */
  yearless?: { month: number; day?: number };
}

export interface QuestionDateOptions {
  /** "Now" for relative words (yesterday, last week): the latest article's date. Default: today. */
  now?: string;
  lang: Language;
  /**
   * Known event dates: a yearless month or day resolves to the latest year, not after `now`, in which
   * one of them falls ("في تموز" → July 2016 when that is the only July in the corpus).
   */
  events?: readonly { start: string; end: string }[];
  /**
   * The same events bucketed by month, built once by the caller and only when a question's date has
   * no year: a look-up then reads a few months, not every event.
   */
  calendar?: () => EventCalendar<{ start: string; end: string }>;
}

/** Keeps the longest of overlapping matches, in reading order. */
function nonOverlapping<T extends { index: number; length: number }>(items: T[]): T[] {
  const sorted = [...items].sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: T[] = [];
  let reach = -1;
  for (const item of sorted) {
    if (item.index < reach) continue;
    kept.push(item);
    reach = item.index + item.length;
  }
  return kept;
}

interface FoundDate extends Range {
  index: number;
  length: number;
  yearless?: { month: number; day?: number };
}

function arabicQuestionDates(question: string, now: string): FoundDate[] {
  return questionDateMentions(question, now)
    .filter((mention) => mention.kind !== 'relative-to-event')
    .map((mention) => {
      const { written } = mention;
      const yearless = mention.kind === 'absolute' && written.year === undefined && written.month !== undefined
        ? { month: written.month, ...(written.day !== undefined ? { day: written.day } : {}) }
        : undefined;
      return {
        start: mention.start, end: mention.end, precision: mention.precision, index: mention.from,
        length: mention.to - mention.from, ...(yearless ? { yearless } : {}),
      };
    });
}

/** Moves a yearless month/day to the latest year (not after `now`) in which a known event falls. */
function placeYearless(found: FoundDate, now: string, calendar: EventCalendar<{ start: string; end: string }>): FoundDate {
  const { yearless } = found;
  if (!yearless) return found;
  const nowYear = parseIsoDay(now).year;
  for (const year of calendar.years()) {
    if (year > nowYear) continue;
    const range = yearlessRange(yearless, year);
    if (!range || range.start > now) continue;
    if (calendar.overlapping(range.start, range.end).length > 0) return { ...found, ...range };
  }
  return found;
}

/**
 * The events a question's date matches (as `questionDateMatches`), read from the months it names: a
 * yearless date ("23 April") reads that month of each year with events.
 */
export function questionDateEvents<E extends { start: string; end: string }>(date: QuestionDate, calendar: EventCalendar<E>): E[] {
  if (!date.yearless) return calendar.overlapping(date.start, date.end);
  const { yearless } = date;
  const found = new Set<E>(); // an event spanning several years overlaps each year's month
  for (const year of calendar.years()) {
    const range = yearlessRange(yearless, year);
    if (range) for (const event of calendar.overlapping(range.start, range.end)) found.add(event);
  }
  return [...found];
}

function yearlessRange(yearless: { month: number; day?: number }, year: number): Range | null {
  if (yearless.day === undefined) return { ...monthRange(year, yearless.month), precision: 'month' };
  if (yearless.day > daysInMonth(year, yearless.month)) return null;
  const iso = isoDay(year, yearless.month, yearless.day);
  return { start: iso, end: iso, precision: 'day' };
}

/**
 * The date a question asks about, or null. Arabic questions use the same grammar as the articles
 * (plus misspelt month names and bare years anywhere: "شو صار ب 2018", "ايلوال 2018"); English ones
 * understand "in 2018", "July 2016", "April 23", "the 23rd of April", "early 2018", "last week",
 * "yesterday", "3 days ago", "last Friday". Relative words count from `now` (the latest article date).
 * Several dates in one question ("between 2016 and 2018") give the span from the first to the last,
 * as 'approximate'. A month or day with no year is marked `yearless`.
 */
export function parseQuestionDate(question: string, options: QuestionDateOptions): QuestionDate | null {
  const now = options.now ?? todayIso();
  parseIsoDay(now);
  // Arabic grammar runs on every question: Arabic questions often carry English digits and vice versa.
  const arabic = arabicQuestionDates(question, now);
  const english = options.lang === 'en' || /[a-z]/i.test(question) ? englishDates(question, now) : [];
  const found = nonOverlapping<FoundDate>([...arabic, ...english]).map((item) => (item.yearless ? placeYearless(item, now, options.calendar?.() ?? new EventCalendar(options.events ?? [])) : item));
  const first = found[0];
  const last = found[found.length - 1];
  if (!first || !last) return null;
  const label = question.slice(first.index, last.index + last.length).trim();
  if (found.length === 1) {
    return {
      start: first.start, end: first.end, precision: first.precision, label,
      ...(first.yearless ? { yearless: first.yearless } : {}),
    };
  }
  const start = found.reduce((min, item) => (item.start < min ? item.start : min), first.start);
  const end = found.reduce((max, item) => (item.end > max ? item.end : max), first.end);
  return { start, end, precision: 'approximate', label };
}

/**
 * Longest event a yearless date ("10 April", "في تموز") is matched against: an event of a whole year, a
 * century or "a year later" holds every day of the year, so it says nothing of whether it fell on that one.
 */
const YEARLESS_MAX_EVENT_DAYS = 62;

/** True when an event's dates fall in the question's date; a yearless date matches that month (and day) in any year. */
export function questionDateMatches(date: QuestionDate, event: { start: string; end: string }): boolean {
  if (!date.yearless) return event.start <= date.end && event.end >= date.start;
  if ((Date.parse(event.end) - Date.parse(event.start)) / 86_400_000 > YEARLESS_MAX_EVENT_DAYS) return false;
  const from = parseIsoDay(event.start).year;
  const to = parseIsoDay(event.end).year;
  for (let year = from; year <= to; year += 1) {
    const range = yearlessRange(date.yearless, year);
    if (range && event.start <= range.end && event.end >= range.start) return true;
  }
  return false;
}

export interface QuestionTimeFlags {
  /** The biggest / fiercest / deadliest: أكبر، أعنف، أشد، أكثر دموية، biggest, worst, deadliest. */
  biggest: boolean;
  /** The first time / how it began: أول مرة، لأول مرة، بداية، first time, earliest, start. */
  first: boolean;
  /** Background, history, what came before: خلفية، تاريخ، سابقاً، كيف بدأ، background, how did this start. */
  background: boolean;
  /** The latest / most recent: آخر، مؤخراً، الأخيرة، latest, most recent. */
  latest: boolean;
}

const AR_BIGGEST = /(?:^|\s)[وفبل]?(?:اكبر|اعنف|اشد|اخطر|اضخم|اقوي|ادمي|اعنفها|اكبرها|اشدها|اخطرها|اكثرها عنفا|اكثر دمويه|اكثر عنفا|اكثرها دمويه)(?=\s|$)/;
const AR_FIRST = /(?:^|\s)[وفبل]?(?:اول|الاولي|اولي|بدايه|بدايات|بدا|بدات|بداو|بلش|بلشت|بلشو|انطلقت|اندلعت اول)(?=\s|$)/;
const AR_BACKGROUND = /(?:^|\s)[وفبل]?(?:خلفيه|خلفيات|تاريخ|تاريخيه|سابقا|السابقه|سابقه|جذور|اصل|اسباب|قبل هيك|قبل هذا|قبل ذلك|من قبل|كيف بدا|كيف بدات|كيف بلش|كيف بلشت|سبقت|سبق)(?=\s|$)/;
const AR_LATEST = /(?:^|\s)[وفبل]?(?:(?:اخر|احدث)(?=\s+\S)|الاخيره|الاخير|مؤخرا|موخرا|حديثا)(?=\s|$)/;
const EN_BIGGEST = /\b(?:biggest|largest|worst|deadliest|bloodiest|fiercest|heaviest|most (?:violent|serious|deadly|intense)|major)\b/;
const EN_FIRST = /\b(?:first|earliest|initially|originally|start(?:ed)?|began|begin|beginning|outbreak)\b/;
const EN_BACKGROUND = /\b(?:background|history|historical|previous|previously|past|before|earlier|origins?|roots?|led to|lead up|how did (?:this|it|the \w+|all this) (?:start|begin)|what started)\b/;
const EN_LATEST = /\b(?:latest|most recent|recent(?:ly)?|newest|lately)\b/;

/**
 * Superlative and ordinal words of a question, for ranking dated events: biggest, first, background,
 * latest. Date expressions are removed first, so "تشرين الأول" or "last week" raise no flag.
 */
export function questionTimeFlags(question: string, options: { now?: string; lang?: Language } = {}): QuestionTimeFlags {
  const now = options.now ?? todayIso();
  let text = question;
  const spans = nonOverlapping<FoundDate>([...arabicQuestionDates(question, now), ...englishDates(question, now)]);
  for (const span of [...spans].reverse()) text = text.slice(0, span.index) + ' ' + text.slice(span.index + span.length);
  const arabic = normalizeArabic(text).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  const english = text.toLowerCase();
  return {
    biggest: AR_BIGGEST.test(arabic) || EN_BIGGEST.test(english),
    first: AR_FIRST.test(arabic) || EN_FIRST.test(english),
    background: AR_BACKGROUND.test(arabic) || EN_BACKGROUND.test(english),
    latest: AR_LATEST.test(arabic) || EN_LATEST.test(english),
  };
}
