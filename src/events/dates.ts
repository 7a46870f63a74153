/**
 * Date expressions in Arabic news text, resolved to ISO day ranges; and the dates and time words of
 * user questions (Arabic and English), so the answer engine can narrow and rank by date.
 *
 * How each form resolves (documented here because the timeline depends on every choice):
 *
 * Absolute (written on the calendar):
 * - "23 من نيسان 2021", "الثالث والعشرين من نيسان", "25 نيسان/أبريل 2021", "25/4/2021" → that day.
 * - "أيلول 2018", "شهر 9 2018" → the month. "عام 2018", "في 2018", "2018م" → the year. A bare four-digit
 *   number is a year only after a time word (في، منذ، خلال، عام، حتى، ب ...) or when nothing counted follows
 *   it ("2000 شخص" is a quantity), and never after a quantity word (نحو، أكثر من).
 * - A month name alone is a date only after a cue (في نيسان، خلال آذار، شهر أيار) or with الماضي/الحالي/المقبل;
 *   آب, ماي and أوت (also everyday words) need a day, a year or شهر.
 * - Day or month without a year takes the latest such date not after publication ("في 23 من نيسان" in an
 *   article of 25 April 2021 is 2021-04-23; "في 28 من نيسان" would be 2020-04-28). "الحالي/الجاري" keeps the
 *   publication year; "نيسان الماضي" is the latest April strictly before the publication month.
 * - "مطلع/منتصف/أواخر" + month or year → the first, middle or last third of it (approximate).
 * - Two days of one month ("23 و24 من نيسان", "20-23 نيسان", "من 20 إلى 23 نيسان") → that range, as
 *   'approximate' (the precision type has no "span of days").
 *
 * Relative to publication (a word points at the time of writing):
 * - "اليوم" [weekday] [date] → the publication day (or the written date); "أمس/البارحة" → the day before;
 *   "أول أمس" → two days before; "يوم الجمعة" → the latest Friday not after publication, "الجمعة الماضي"
 *   the latest strictly before it.
 * - "منذ 20 من نيسان" → 20 April (the start of something still going on when the article was written).
 * - "الأسبوع الماضي" → the seven days before publication (approximate); "الشهر/العام الماضي" → the previous
 *   calendar month/year; "هذا الشهر/العام" → the current one.
 * - "قبل/منذ يومين" → publication − 2 days; "قبل أسبوع" → publication − 6..8 days (approximate);
 *   "قبل شهرين" → the calendar month two months back; "قبل أيام" → publication − 2..7 days.
 *
 * Relative to another event (the anchor: the previous date in the same text, else `context.anchor`,
 * typically the event of the previous sentence); mentions with no anchor are dropped:
 * - "قبل هذه الحادثة بنحو أسبوع", "قبل ذلك بأسبوع", "قبلها بأيام" → before the anchor; "بعد ذلك بيومين",
 *   "بعد يومين من الهجوم", "بعد أيام", "في اليوم التالي" → after it; "في اليوم نفسه" → the anchor itself.
 * - Offsets: n days exact → n (hedged with نحو/حوالي: ±15%, at least ±1); n weeks → 7n ± n days, so
 *   "نحو أسبوع" before 17 April is 9-11 April; "أكثر من أسبوع" → 8-13 days, "أقل من أسبوع" → 1-6;
 *   "أيام" → 2-7 days, "أيام قليلة" → 2-5, "بضعة/عدة أيام" → 3-9, "ساعات" → 0-1, "أسابيع" → 14-42,
 *   "أشهر" → 60-180; "سنوات" is too vague to date anything and is skipped.
 * - The result is [anchor start − max, anchor end − min] (before) or [anchor start + min, anchor end + max]
 *   (after); precision 'day' when that is a single day, else 'approximate'.
 * - "بعد أكثر من أسبوع من تصاعد التوتر" (من + a process, not an event noun) is a *duration*: it says how
 *   long the tension had lasted, and is marked `relation.duration` (the timeline makes no event of it).
 */
import type { DatePrecision } from './types.ts';
import type { Language } from '../corpus/article.ts';
import { normalizeArabic } from '../text/arabic.ts';
import {
  addDays, daysInMonth, formatEventDate, isoDay, monthRange, parseIsoDay, shiftMonth, todayIso, weekday as weekdayOf,
  yearRange,
} from './calendar.ts';
import {
  ABOUT_WORDS, COUNTED_NOUN_PREFIXES, DEMONSTRATIVES, type DurationUnit, EVENT_NOUNS, FEW_WORDS, MONTH_CUES, MONTH_PAIRS,
  MONTHS, NUMBER_WORDS, ONSET_NOUNS, ORDINAL_DAYS, ORDINAL_TENS, ORDINAL_UNITS, PART_WORDS, QUANTITY_WORDS, STRONG_MONTH_CUES,
  TIME_OF_DAY, UNIT_WORDS, WEAK_MONTHS, WEEKDAYS, YEAR_CUES,
} from './lexicon.ts';
import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS } from '../text/months.ts';
import { ENGLISH_CARDINALS } from '../text/numbers.ts';
import { type DateToken, dateTokens, wordForms } from './tokens.ts';
import { EventCalendar } from './event-calendar.ts';

export type DateMentionKind = 'absolute' | 'relative-to-publication' | 'relative-to-event';

/** How a relative-to-event mention stands to its anchor. */
export interface EventRelation {
  direction: 'before' | 'after' | 'same';
  /** The offset from the anchor, in days (0 for 'same'). */
  minDays: number;
  maxDays: number;
  /** Stated without a count ("بعد أيام"): an aftermath, not a precise date. */
  vague: boolean;
  /** "بعد أكثر من أسبوع من تصاعد التوتر": how long something lasted up to the anchor, not a new event. */
  duration: boolean;
  /** The anchor is an earlier date in the same text; otherwise it came from `context.anchor`. */
  anchorInText: boolean;
}

export interface DateMention {
  /** The matched text exactly as written, and its offsets in the text (end exclusive). */
  surface: string;
  from: number;
  to: number;
  kind: DateMentionKind;
  precision: DatePrecision;
  /** `TimelineEvent.date` notation: `2021-04-23`, `2018-09`, `2016`, `2021-04-09/2021-04-11`. */
  date: string;
  /** First and last day the expression can mean. */
  start: string;
  end: string;
  /** The calendar fields as written (absent when the expression has none, like "أمس"). */
  written: { year?: number; month?: number; day?: number };
  /** The year was not written and was taken from the publication date. */
  yearInferred: boolean;
  relation?: EventRelation;
}

export interface DateAnchor {
  start: string;
  end: string;
  precision: DatePrecision;
}

export interface DateContext {
  /** Publication date of the article, `YYYY-MM-DD`. */
  published: string;
  /** The event a "قبل هذه الحادثة"-style mention refers to when the text itself has no earlier date. */
  anchor?: DateAnchor | null;
}

/** Options that only questions use: users misspell month names and write bare years anywhere. */
interface ParseMode {
  question: boolean;
}

interface Range {
  start: string;
  end: string;
  precision: DatePrecision;
}

interface Candidate {
  startTok: number;
  endTok: number;
  kind: DateMentionKind;
  range?: Range;
  written: DateMention['written'];
  yearInferred: boolean;
  /** For relative-to-event candidates: resolved against the anchor once it is known. */
  offset?: Omit<EventRelation, 'anchorInText'> & { shift?: { unit: 'month' | 'year'; n: number } };
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Reads one text: the date grammar as small recursive-descent rules over `DateToken`s. */
// A season with its year (صيف 2020، ربيع 2019) is its months; winter straddles two years and stays the year.
const SEASON_MONTHS: ReadonlyMap<string, readonly [number, number]> = new Map([['ربيع', [3, 5]], ['صيف', [6, 8]], ['خريف', [9, 11]]]);
const SEASON_WORDS: ReadonlySet<string> = new Set(['ربيع', 'الربيع', 'صيف', 'الصيف', 'خريف', 'الخريف']);

class DateReader {
  private readonly published: { year: number; month: number; day: number };

  constructor(
    private readonly tokens: DateToken[],
    private readonly publishedIso: string,
    private readonly mode: ParseMode,
  ) {
    this.published = parseIsoDay(publishedIso);
  }

  // ---- token helpers -------------------------------------------------------------------------

  private tok(k: number): DateToken | undefined {
    return this.tokens[k];
  }

  /** The form of word k found in `set` (after removing a proclitic), with its clitic, or null. */
  private wordIn(k: number, set: { has(key: string): boolean }): { form: string; clitic: string } | null {
    const token = this.tok(k);
    if (token?.type !== 'word') return null;
    for (const form of wordForms(token.norm)) if (set.has(form.form)) return form;
    return null;
  }

  private isWord(k: number, ...words: string[]): boolean {
    return this.wordIn(k, new Set(words)) !== null;
  }

  /** Exactly this word, no clitic allowed. */
  private isBare(k: number, ...words: string[]): boolean {
    const token = this.tok(k);
    return token?.type === 'word' && words.includes(token.norm);
  }

  private isPunct(k: number, ...marks: string[]): boolean {
    const token = this.tok(k);
    return token?.type === 'punct' && marks.includes(token.norm);
  }

  private num(k: number, maxDigits: number): number | null {
    const token = this.tok(k);
    if (token?.type !== 'num' || token.norm.length > maxDigits) return null;
    return Number(token.norm);
  }

  private year(k: number): number | null {
    const token = this.tok(k);
    if (token?.type !== 'num' || token.norm.length !== 4) return null;
    const value = Number(token.norm);
    return value >= MIN_YEAR && value <= MAX_YEAR ? value : null;
  }

  // ---- pieces ----------------------------------------------------------------------------------

  private month(k: number): { month: number; next: number; weak: boolean; clitic: string } | null {
    const token = this.tok(k);
    if (token?.type !== 'word') return null;
    for (const { form, clitic } of wordForms(token.norm)) {
      const pair = MONTH_PAIRS.get(form);
      if (pair) {
        const second = this.tok(k + 1);
        const month = second?.type === 'word' ? pair.get(second.norm) : undefined;
        if (month !== undefined) return { month, next: k + 2, weak: false, clitic };
      }
      const month = MONTHS.get(form);
      if (month !== undefined) return { month, next: k + 1, weak: WEAK_MONTHS.has(form), clitic };
    }
    if (this.mode.question) {
      // Users misspell month names (ايلوال): one edit away from a name of five letters or more.
      for (const { form, clitic } of wordForms(token.norm)) {
        if (form.length < 5) continue;
        for (const [name, month] of MONTHS) {
          if (name.length >= 5 && withinOneEdit(form, name)) return { month, next: k + 1, weak: true, clitic };
        }
      }
    }
    return null;
  }

  /** A day of the month: 23, الـ23, الأول, الثالث والعشرين, الحادي عشر. */
  private day(k: number): { day: number; next: number } | null {
    const direct = this.num(k, 2);
    if (direct !== null) return direct >= 1 && direct <= 31 ? { day: direct, next: k + 1 } : null;
    if (this.isBare(k, 'ال')) {
      const after = this.num(k + 1, 2);
      if (after !== null && after >= 1 && after <= 31) return { day: after, next: k + 2 };
    }
    const unit = this.wordIn(k, ORDINAL_UNITS);
    if (unit) {
      const units = ORDINAL_UNITS.get(unit.form) ?? 0;
      const tensToken = this.tok(k + 1);
      if (tensToken?.type === 'word') {
        const tens = ORDINAL_TENS.get(tensToken.norm) ?? (tensToken.norm.startsWith('و') ? ORDINAL_TENS.get(tensToken.norm.slice(1)) : undefined);
        const joined = tensToken.norm === 'عشر' || tensToken.norm.startsWith('و');
        if (tens !== undefined && joined && units + tens <= 31) return { day: units + tens, next: k + 2 };
      }
    }
    const ordinal = this.wordIn(k, ORDINAL_DAYS);
    if (ordinal) return { day: ORDINAL_DAYS.get(ordinal.form) ?? 1, next: k + 1 };
    return null;
  }

  private weekday(k: number): number | null {
    const found = this.wordIn(k, WEEKDAYS);
    return found ? (WEEKDAYS.get(found.form) ?? null) : null;
  }

  /** A four-digit year after a month: "2018", "عام 2018", "من عام 2018", "2018م", ", 2018". */
  private yearAfterMonth(k: number): { year: number; next: number } | null {
    let j = k;
    if (this.isPunct(j, '،', ',') && this.year(j + 1) !== null) j += 1;
    if (this.isBare(j, 'من')) j += 1;
    if (this.isWord(j, 'عام', 'العام', 'سنه', 'السنه')) j += 1;
    const year = this.year(j);
    if (year === null) return null;
    return { year, next: this.skipEra(j + 1) };
  }

  private skipEra(k: number): number {
    return this.isBare(k, 'م', 'ميلادي', 'ميلاديه', 'للميلاد') ? k + 1 : k;
  }

  /** الحالي / الماضي / المقبل after a month name, or "من العام الحالي / الماضي" / "من هذا العام". */
  private monthDeixis(k: number): { deixis: 'current' | 'past' | 'next' | 'year-current' | 'year-past'; next: number } | null {
    if (this.isBare(k, 'الحالي', 'الجاري')) return { deixis: 'current', next: k + 1 };
    if (this.isBare(k, 'الماضي', 'المنصرم', 'الفايت', 'السابق')) return { deixis: 'past', next: k + 1 };
    if (this.isBare(k, 'المقبل', 'القادم')) return { deixis: 'next', next: k + 1 };
    if (this.isBare(k, 'من')) {
      if (this.isBare(k + 1, 'العام', 'السنه')) {
        if (this.isBare(k + 2, 'الحالي', 'الجاري', 'الحاليه', 'الجاريه')) return { deixis: 'year-current', next: k + 3 };
        if (this.isBare(k + 2, 'الماضي', 'المنصرم', 'الماضيه', 'المنصرمه', 'الفايت')) return { deixis: 'year-past', next: k + 3 };
      }
      if (this.isBare(k + 1, 'هذا', 'هذه') && this.isBare(k + 2, 'العام', 'السنه')) return { deixis: 'year-current', next: k + 3 };
    }
    return null;
  }

  /**
   * Durations: "يومين", "3 أيام", "ثلاثة أسابيع", "نحو أسبوع", "أكثر من أسبوع", "أيام", "بضعة أيام",
   * "ما يقارب شهرين". With `requireBa` the first word must carry the preposition ب (بنحو، بأسبوع).
   */
  private duration(k: number, requireBa: boolean): {
    next: number; unit: DurationUnit; count: number; minDays: number; maxDays: number; vague: boolean; exact: boolean;
  } | null {
    let j = k;
    let first = true;
    let hedge: 'none' | 'about' | 'more' | 'less' = 'none';
    const take = (set: { has(key: string): boolean }): string | null => {
      const token = this.tok(j);
      if (token?.type !== 'word') return null;
      const forms = wordForms(token.norm).filter((form) => (first && requireBa ? form.clitic === 'ب' : form.clitic === ''));
      const found = forms.find((form) => set.has(form.form));
      return found ? found.form : null;
    };
    const step = (): void => {
      j += 1;
      first = false;
    };
    // hedges
    if (take(ABOUT_WORDS)) {
      hedge = 'about';
      step();
    } else if (take(new Set(['ما']))) {
      if (this.isBare(j + 1, 'يقارب', 'يناهز')) {
        hedge = 'about';
        j += 2;
        first = false;
      } else if (this.isBare(j + 1, 'يزيد', 'يربو') && this.isBare(j + 2, 'عن', 'علي')) {
        hedge = 'more';
        j += 3;
        first = false;
      } else return null;
    } else if (take(new Set(['اكثر', 'اقل'])) && this.isBare(j + 1, 'من')) {
      hedge = this.tok(j)?.norm.endsWith('كثر') ? 'more' : 'less';
      j += 2;
      first = false;
    }
    // count
    let count: number | null = null;
    let few = false;
    const token = this.tok(j);
    const numberWord = take(NUMBER_WORDS);
    if (token?.type === 'num' && token.norm.length <= 3 && (!first || !requireBa)) {
      count = Number(token.norm);
      step();
    } else if (numberWord) {
      count = NUMBER_WORDS.get(numberWord) ?? null;
      step();
    } else if (take(FEW_WORDS)) {
      few = true;
      step();
    }
    const unitForm = take(UNIT_WORDS);
    const unitWord = unitForm ? UNIT_WORDS.get(unitForm) : undefined;
    if (!unitWord) return null;
    step();
    // "منذ عام 1037م", "قبل عام 2011": a unit word naming the number after it is that year, not a span.
    if (count === null && !few && this.tok(j)?.type === 'num') return null;
    if (count === null && !few) count = unitWord.count;
    let fewWords = false;
    if (this.isBare(j, 'قليله', 'معدوده')) {
      fewWords = true;
      j += 1;
    }
    if (this.isBare(j, 'تقريبا')) {
      hedge = hedge === 'none' ? 'about' : hedge;
      j += 1;
    }
    const unit = unitWord.unit;
    if (count === null) {
      // A plural with no count: "أيام", "بضعة أيام", "أيام قليلة".
      const vagueRanges: Record<DurationUnit, [number, number] | null> = {
        hour: [0, 1], day: fewWords ? [2, 5] : few ? [3, 9] : [2, 7], week: few ? [14, 56] : [14, 42], month: [60, 180], year: null,
      };
      const range = vagueRanges[unit];
      if (!range) return null;
      return { next: j, unit, count: 0, minDays: range[0], maxDays: range[1], vague: true, exact: false };
    }
    if (count <= 0) return null;
    const [base, tolerance] = ((): [number, number] => {
      switch (unit) {
        case 'hour': return [Math.ceil(count / 24), 0];
        case 'day': return [count, hedge === 'about' ? Math.max(1, Math.round(count * 0.15)) : 0];
        case 'week': return [7 * count, count];
        case 'month': return [Math.round(30.4 * count), 3 * count];
        case 'year': return [Math.round(365.25 * count), 15 * count];
      }
    })();
    let minDays = base - tolerance;
    let maxDays = base + tolerance;
    if (hedge === 'more') {
      minDays = base + 1;
      maxDays = Math.max(base + 1, Math.round(base * 1.9));
    } else if (hedge === 'less') {
      minDays = unit === 'hour' ? 0 : 1;
      maxDays = Math.max(minDays, base - 1);
    }
    const exact = hedge === 'none' && (unit === 'day' || unit === 'month' || unit === 'year');
    return { next: j, unit, count, minDays: Math.max(0, minDays), maxDays, vague: false, exact };
  }

  // ---- calendar resolution ---------------------------------------------------------------------

  /** The year for a month (and day) written without one: the latest such date not after publication. */
  private inferYear(month: number, day: number | undefined, deixis: string | null): number {
    const p = this.published;
    const notAfter = month < p.month || (month === p.month && (day === undefined || day <= p.day));
    switch (deixis) {
      case 'current':
      case 'year-current':
        return p.year;
      case 'year-past':
        return p.year - 1;
      case 'past':
        return month < p.month || (day !== undefined && month === p.month && day < p.day) ? p.year : p.year - 1;
      case 'next':
        return month > p.month || (day !== undefined && month === p.month && day > p.day) ? p.year : p.year + 1;
      default:
        return notAfter ? p.year : p.year - 1;
    }
  }

  private latestWeekday(target: number, mode: 'not-after' | 'before' | 'after'): string {
    const current = weekdayOf(this.publishedIso);
    let back = (current - target + 7) % 7;
    if (mode === 'before' && back === 0) back = 7;
    if (mode === 'after') return addDays(this.publishedIso, ((target - current + 7) % 7) || 7);
    return addDays(this.publishedIso, -back);
  }

  // ---- rules -----------------------------------------------------------------------------------

  /**
   * Calendar dates: [time of day] [اليوم|أمس] [يوم] [weekday] [day [من] [شهر]] month [/month] [year | deixis].
   */
  private calendar(i: number): Candidate | null {
    let k = i;
    let deictic: 'today' | 'yesterday' | null = null;
    if (this.isWord(k, 'اليوم')) {
      deictic = 'today';
      k += 1;
    } else if (this.isWord(k, 'امس', 'البارحه', 'الامس')) {
      deictic = 'yesterday';
      k += 1;
    }
    if (this.isWord(k, 'يوم')) k += 1;
    const weekday = this.weekday(k);
    if (weekday !== null) k += 1;
    const day = this.day(k);
    let shahr = false;
    let lastDay: number | null = null;
    if (day) {
      k = day.next;
      // Two days of one month: "23 و24 من نيسان", "20-23 نيسان", "من 20 إلى 23 نيسان".
      if (this.isBare(k, 'و', 'الي', 'حتي') || this.isPunct(k, '-', '–')) {
        const second = this.day(k + 1);
        if (second && second.day > day.day && (this.isBare(second.next, 'من') || this.month(second.next) || this.isWord(second.next, 'شهر'))) {
          lastDay = second.day;
          k = second.next;
        }
      }
      if (this.isBare(k, 'من')) k += 1;
    }
    if (this.isWord(k, 'شهر')) {
      shahr = true;
      k += 1;
    }
    if (day && !shahr) {
      const inMonth = this.dayOfDeicticMonth(i, k, day.day, deictic !== null);
      if (inMonth) return inMonth;
    }
    let month = this.month(k);
    if (!month && shahr) {
      const numeric = this.num(k, 2);
      if (numeric !== null && numeric >= 1 && numeric <= 12) month = { month: numeric, next: k + 1, weak: false, clitic: '' };
    }
    if (!month) return null;
    k = month.next;
    // "نيسان/أبريل", "نيسان (أبريل)", "نيسان-أبريل": the second name must agree with the first.
    if (this.isPunct(k, '/', '(', '-', '–')) {
      const second = this.month(k + 1);
      if (second && second.month === month.month) {
        k = second.next;
        if (this.isPunct(k, ')')) k += 1;
      }
    }
    const year = this.yearAfterMonth(k);
    let deixis: string | null = null;
    if (year) k = year.next;
    else {
      const found = this.monthDeixis(k);
      if (found) {
        deixis = found.deixis;
        k = found.next;
      }
    }
    if (!day && !year && !deixis && !shahr) {
      // A month name alone is a date only after a cue (في نيسان); users' questions need none.
      const cued = month.clitic === 'ب' || this.wordIn(i - 1, MONTH_CUES) !== null || this.wordIn(i - 1, PART_WORDS) !== null;
      if ((!cued && !this.mode.question) || month.weak) return null;
      if (month.month === 8 && this.tok(k - 1)?.norm.endsWith('اب') && !this.wordIn(i - 1, STRONG_MONTH_CUES)) return null;
    }
    if (month.weak && !day && !year && !shahr) return null;
    const written: DateMention['written'] = { month: month.month };
    if (day) written.day = day.day;
    if (year) written.year = year.year;
    const resolvedYear = year?.year ?? this.inferYear(month.month, day?.day, deixis);
    let range: Range;
    if (day) {
      const last = lastDay ?? day.day;
      if (last > daysInMonth(resolvedYear, month.month)) return null;
      const iso = isoDay(resolvedYear, month.month, day.day);
      range = lastDay === null ? { start: iso, end: iso, precision: 'day' }
        : { start: iso, end: isoDay(resolvedYear, month.month, last), precision: 'approximate' };
    } else {
      range = { ...monthRange(resolvedYear, month.month), precision: 'month' };
    }
    if (!day && (deictic || weekday !== null)) return null; // "اليوم الأحد نيسان" is not a form
    const relative = deictic !== null || deixis === 'past' || deixis === 'next' || deixis === 'year-past';
    return {
      startTok: i, endTok: k, kind: relative ? 'relative-to-publication' : 'absolute', range, written,
      yearInferred: !year && deixis === null,
    };
  }

  /** A day of the current or previous month: "17 من الشهر الجاري", "العاشر من هذا الشهر", "5 من الشهر الماضي". */
  private dayOfDeicticMonth(i: number, k: number, day: number, deictic: boolean): Candidate | null {
    let offset: number | null = null;
    let end = k;
    if (this.isBare(k, 'هذا') && this.isBare(k + 1, 'الشهر')) {
      offset = 0;
      end = k + 2;
    } else if (this.isBare(k, 'الشهر')) {
      if (this.isBare(k + 1, 'الجاري', 'الحالي')) offset = 0;
      else if (this.isBare(k + 1, 'الماضي', 'المنصرم', 'الفايت', 'السابق')) offset = -1;
      end = k + 2;
    }
    if (offset === null) return null;
    const { year, month } = shiftMonth(this.published.year, this.published.month, offset);
    if (day > daysInMonth(year, month)) return null;
    const iso = isoDay(year, month, day);
    return {
      startTok: i, endTok: end, kind: offset === 0 && !deictic ? 'absolute' : 'relative-to-publication',
      range: { start: iso, end: iso, precision: 'day' }, written: { day }, yearInferred: false,
    };
  }

  /** Numeric dates: 25/4/2021, 25-4-2021, 25.4.2021 (day first, as Arabic writes them), 2021-04-25, 2021/4/25. */
  private numeric(i: number): Candidate | null {
    const a = this.tok(i);
    if (a?.type !== 'num') return null;
    const separator = this.tok(i + 1);
    if (separator?.type !== 'punct' || !['/', '-', '.'].includes(separator.norm)) return null;
    if (!this.isPunct(i + 3, separator.norm)) return null;
    const b = this.num(i + 2, 2);
    const c = this.tok(i + 4);
    if (b === null || c?.type !== 'num') return null;
    let year: number;
    let month: number;
    let day: number;
    if (a.norm.length === 4 && c.norm.length <= 2) [year, month, day] = [Number(a.norm), b, Number(c.norm)];
    else if (a.norm.length <= 2 && c.norm.length === 4) [day, month, year] = [Number(a.norm), b, Number(c.norm)];
    else return null;
    if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    const iso = isoDay(year, month, day);
    return {
      startTok: i, endTok: i + 5, kind: 'absolute', range: { start: iso, end: iso, precision: 'day' },
      written: { year, month, day }, yearInferred: false,
    };
  }

  /** Years: "عام 2018", "العام 2018", "سنة 2018", and a bare 2018 where it reads as a year; "صيف 2020" its summer. */
  private yearRule(i: number): Candidate | null {
    const season = this.wordIn(i, SEASON_WORDS);
    if (season !== null) {
      const inner = this.yearRule(i + 1);
      const months = SEASON_MONTHS.get(season.form.replace(/^ال/, ''));
      const year = inner?.written.year;
      if (!inner || !months || year === undefined || inner.startTok !== i + 1) return inner;
      const range = { start: monthRange(year, months[0]).start, end: monthRange(year, months[1]).end, precision: 'approximate' as const };
      return { ...inner, startTok: i, range };
    }
    let k = i;
    const introduced = this.isWord(k, 'عام', 'العام', 'سنه', 'السنه', 'عامي', 'سنتي');
    if (introduced) k += 1;
    else if (this.isBare(k, 'ال') && this.year(k + 1) !== null) k += 1; // "ال2018" in questions
    const year = this.year(k);
    if (year === null) return null;
    if (!introduced && !this.bareYearReadsAsYear(k)) return null;
    const end = this.skipEra(k + 1);
    return {
      startTok: i, endTok: end, kind: 'absolute', range: { ...yearRange(year), precision: 'year' }, written: { year },
      yearInferred: false,
    };
  }

  private bareYearReadsAsYear(k: number): boolean {
    const before = this.tok(k - 1);
    const after = this.tok(k + 1);
    // Part of a longer number: 2,018 / 2018.5
    if (before?.type === 'punct' && (before.norm === ',' || before.norm === '.' || before.norm === '٫') && this.tok(k - 2)?.type === 'num') return false;
    if (after?.type === 'punct' && (after.norm === ',' || after.norm === '.' || after.norm === '٫') && this.tok(k + 2)?.type === 'num') return false;
    if (this.countedNounAt(k + 1)) return false;
    if (after?.type === 'word' && EN_COUNTED.test(after.norm)) return false; // "2000 people
    const quantity = this.wordIn(k - 1, QUANTITY_WORDS) !== null || (this.isBare(k - 1, 'من') && this.isWord(k - 2, 'اكثر', 'اقل'));
    if (quantity) return false;
    if (this.isBare(k + 1, 'م', 'ميلادي', 'ميلاديه', 'للميلاد')) return true;
    if (this.wordIn(k - 1, YEAR_CUES)) return true;
    // "عامي 2016 و2018", "2016-2018", "(2018)"
    if ((this.isBare(k - 1, 'و') || this.isPunct(k - 1, '-', '–')) && this.year(k - 2) !== null) return true;
    if (this.isPunct(k - 1, '(') && this.isPunct(k + 1, ')')) return true;
    return this.mode.question;
  }

  private countedNounAt(k: number): boolean {
    const token = this.tok(k);
    if (token?.type !== 'word') return false;
    return wordForms(token.norm).some(({ form, clitic }) => clitic === '' && COUNTED_NOUN_PREFIXES.some(
      (noun) => form === noun || (noun.length >= 3 && form.startsWith(noun)),
    ));
  }

  /** اليوم، أمس، أول أمس، غداً، يوم الجمعة، الجمعة الماضي، الأسبوع/الشهر/العام الماضي، هذا العام. */
  private deictic(i: number): Candidate | null {
    const p = this.publishedIso;
    const dayCandidate = (endTok: number, iso: string): Candidate => ({
      startTok: i, endTok, kind: 'relative-to-publication', range: { start: iso, end: iso, precision: 'day' }, written: {},
      yearInferred: true,
    });
    // أول أمس، أول من أمس
    if (this.isWord(i, 'اول')) {
      if (this.isBare(i + 1, 'امس')) return dayCandidate(this.afterWeekday(i + 2), addDays(p, -2));
      if (this.isBare(i + 1, 'من') && this.isBare(i + 2, 'امس')) return dayCandidate(this.afterWeekday(i + 3), addDays(p, -2));
      return null;
    }
    let k = i;
    if (this.isWord(k, 'يوم') && this.isBare(k + 1, 'امس')) k += 1;
    if (this.isWord(k, 'امس', 'البارحه', 'الامس')) {
      if (this.isBare(k + 1, 'الاول')) return dayCandidate(this.afterWeekday(k + 2), addDays(p, -2));
      return dayCandidate(this.afterWeekday(k + 1), addDays(p, -1));
    }
    if (this.isWord(i, 'غدا')) return dayCandidate(i + 1, addDays(p, 1));
    if (this.isWord(i, 'اليوم')) {
      const next = this.tok(i + 1);
      if (this.weekday(i + 1) !== null) return dayCandidate(i + 2, p);
      // "اليوم التالي", "اليوم الأول" are relative to an event; "حتى اليوم" is a span, not a date.
      if (next?.type === 'word' && next.norm.startsWith('ال')) return null;
      if (this.isWord(i - 1, 'حتي', 'الي', 'منذ', 'ذلك', 'هذا', 'في')) return null;
      return dayCandidate(i + 1, p);
    }
    // يوم الجمعة [الماضي|المقبل]; الجمعة الماضي
    const hasYawm = this.isWord(i, 'يوم');
    const weekdayAt = hasYawm ? i + 1 : i;
    const weekday = this.weekday(weekdayAt);
    if (weekday !== null) {
      const after = weekdayAt + 1;
      const past = this.isBare(after, 'الماضي', 'المنصرم', 'الفايت', 'السابق');
      const next = this.isBare(after, 'المقبل', 'القادم');
      const timeOfDay = this.wordIn(i - 1, TIME_OF_DAY) !== null;
      if (!hasYawm && !past && !next && !timeOfDay) return null;
      const iso = this.latestWeekday(weekday, past ? 'before' : next ? 'after' : 'not-after');
      return dayCandidate(past || next ? after + 1 : after, iso);
    }
    // الأسبوع / الشهر / العام الماضي؛ هذا الأسبوع / الشهر / العام
    let unitAt = i;
    let thisWord = false;
    if (this.isWord(i, 'هذا', 'هذه')) {
      thisWord = true;
      unitAt = i + 1;
    }
    // Levantine هال- is هذا / هذه written onto its noun: هالسنة، هالشهر، هالأسبوع.
    const fused = this.isWord(i, 'هالاسبوع', 'هالجمعه') ? 'week' : this.isWord(i, 'هالشهر') ? 'month'
      : this.isWord(i, 'هالسنه', 'هالعام') ? 'year' : null;
    if (fused) {
      thisWord = true;
      unitAt = i;
    }
    const unitName = fused ?? (this.isWord(unitAt, 'الاسبوع') ? 'week' : this.isWord(unitAt, 'الشهر') ? 'month'
      : this.isWord(unitAt, 'العام', 'السنه') ? 'year' : null);
    if (!unitName) return null;
    let relation: 'this' | 'past' | 'next' | null = thisWord ? 'this' : null;
    let end = unitAt + 1;
    if (!thisWord) {
      if (this.isBare(unitAt + 1, 'الماضي', 'الماضيه', 'المنصرم', 'المنصرمه', 'الفايت', 'الفايته', 'السابق', 'السابقه')) relation = 'past';
      else if (this.isBare(unitAt + 1, 'الحالي', 'الحاليه', 'الجاري', 'الجاريه')) relation = 'this';
      else if (this.isBare(unitAt + 1, 'المقبل', 'المقبله', 'القادم', 'القادمه')) relation = 'next';
      else return null;
      end = unitAt + 2;
    }
    const published = this.published;
    let range: Range;
    if (unitName === 'week') {
      range = relation === 'past' ? { start: addDays(p, -7), end: addDays(p, -1), precision: 'approximate' }
        : relation === 'next' ? { start: addDays(p, 1), end: addDays(p, 7), precision: 'approximate' }
          : { start: addDays(p, -6), end: p, precision: 'approximate' };
    } else if (unitName === 'month') {
      const offset = relation === 'past' ? -1 : relation === 'next' ? 1 : 0;
      const { year, month } = shiftMonth(published.year, published.month, offset);
      range = { ...monthRange(year, month), precision: 'month' };
    } else {
      const offset = relation === 'past' ? -1 : relation === 'next' ? 1 : 0;
      range = { ...yearRange(published.year + offset), precision: 'year' };
    }
    return { startTok: i, endTok: end, kind: 'relative-to-publication', range, written: {}, yearInferred: true };
  }

  /** A weekday right after أمس/اليوم belongs to the expression ("أمس السبت"). */
  private afterWeekday(k: number): number {
    return this.weekday(k) !== null ? k + 1 : k;
  }

  /**
   * قبل / بعد / منذ with a duration or an event: "قبل يومين" (ago), "منذ أسبوع", "بعد أيام",
   * "قبل هذه الحادثة بنحو أسبوع", "بعد ذلك بيومين", "بعد يومين من الهجوم", "بعد أكثر من أسبوع من تصاعد".
   */
  private beforeAfter(i: number): Candidate | null {
    const head = this.wordIn(i, new Set(['قبل', 'بعد', 'منذ', 'قبلها', 'بعدها', 'قبله', 'بعده', 'مذ']));
    if (!head) return null;
    const word = head.form;
    const direction: 'before' | 'after' = word.startsWith('بعد') ? 'after' : 'before';
    const since = word === 'منذ' || word === 'مذ';
    const base = { written: {}, yearInferred: true } as const;
    // Pronoun or demonstrative, then ب + duration: قبلها بأيام، قبل هذه الحادثة بنحو أسبوع، بعد ذلك بيومين
    let k = i + 1;
    const suffixed = word.endsWith('ها') || word.endsWith('ه');
    let pointed = suffixed;
    if (!since && !suffixed && this.wordIn(k, DEMONSTRATIVES)) {
      pointed = true;
      k += 1;
      const noun = this.tok(k);
      if (noun?.type === 'word' && noun.norm.startsWith('ال') && !this.wordIn(k, UNIT_WORDS)) k += 1;
    }
    if (pointed) {
      const duration = this.duration(k, true);
      if (!duration) return null;
      return {
        ...base, startTok: i, endTok: duration.next, kind: 'relative-to-event',
        offset: { direction, minDays: duration.minDays, maxDays: duration.maxDays, vague: duration.vague, duration: false },
      };
    }
    const duration = this.duration(i + 1, false);
    if (!duration) return null;
    k = duration.next;
    if (this.isBare(k, 'من', 'علي') && !since) {
      // بعد يومين من الهجوم / من اندلاع الاشتباكات / من ذلك: an offset from the event just told.
      let j = k + 1;
      if (this.wordIn(j, ONSET_NOUNS)) j += 1;
      const pointsBack = this.wordIn(j, DEMONSTRATIVES) !== null || this.wordIn(j, EVENT_NOUNS) !== null;
      if (pointsBack) {
        let end = j + 1;
        if (this.wordIn(j, DEMONSTRATIVES) && this.wordIn(end, EVENT_NOUNS)) end += 1;
        return {
          ...base, startTok: i, endTok: end, kind: 'relative-to-event',
          offset: { direction, minDays: duration.minDays, maxDays: duration.maxDays, vague: duration.vague, duration: false },
        };
      }
      if (direction === 'after') {
        // "بعد أكثر من أسبوع من تصاعد التوتر": the tension had lasted that long before the anchor.
        return {
          ...base, startTok: i, endTok: k, kind: 'relative-to-event',
          offset: { direction: 'before', minDays: duration.minDays, maxDays: duration.maxDays, vague: duration.vague, duration: true },
        };
      }
      return null; // "قبل أسبوع من الانتخابات": before something the text has not dated
    }
    if (direction === 'after') {
      return {
        ...base, startTok: i, endTok: k, kind: 'relative-to-event',
        offset: { direction, minDays: duration.minDays, maxDays: duration.maxDays, vague: duration.vague, duration: false },
      };
    }
    // قبل / منذ + duration: that long before publication.
    const range = this.agoRange(duration);
    if (!range) return null;
    return { ...base, startTok: i, endTok: k, kind: 'relative-to-publication', range };
  }

  private agoRange(duration: { unit: DurationUnit; count: number; minDays: number; maxDays: number; exact: boolean; vague: boolean }): Range | null {
    const p = this.publishedIso;
    const { year, month } = this.published;
    if (duration.exact && duration.unit === 'day') {
      const iso = addDays(p, -duration.count);
      return { start: iso, end: iso, precision: 'day' };
    }
    if (duration.exact && duration.unit === 'month') {
      const shifted = shiftMonth(year, month, -duration.count);
      return { ...monthRange(shifted.year, shifted.month), precision: 'month' };
    }
    if (duration.exact && duration.unit === 'year') return { ...yearRange(year - duration.count), precision: 'year' };
    if (duration.vague && (duration.unit === 'month' || duration.unit === 'year')) return null; // "منذ أشهر": not a date
    return { start: addDays(p, -duration.maxDays), end: addDays(p, -duration.minDays), precision: 'approximate' };
  }

  /** في اليوم التالي، اليوم نفسه، في الأسبوع التالي، الشهر التالي، العام التالي، اليوم السابق. */
  private nextDay(i: number): Candidate | null {
    const unit = this.isWord(i, 'اليوم', 'الليله') ? 'day' : this.isWord(i, 'الاسبوع') ? 'week'
      : this.isWord(i, 'الشهر') ? 'month' : this.isWord(i, 'العام', 'السنه') ? 'year' : null;
    if (!unit) return null;
    const following = this.isBare(i + 1, 'التالي', 'التاليه', 'اللاحق', 'اللاحقه', 'الموالي', 'المواليه', 'الثاني');
    const previous = this.isBare(i + 1, 'السابق', 'السابقه');
    const same = this.isBare(i + 1, 'نفسه', 'نفسها', 'ذاته', 'ذاتها', 'عينه');
    if (!following && !previous && !same) return null;
    if (unit !== 'day' && this.isBare(i + 1, 'الثاني')) return null;
    const base = { startTok: i, endTok: i + 2, kind: 'relative-to-event' as const, written: {}, yearInferred: true };
    if (same) return { ...base, offset: { direction: 'same', minDays: 0, maxDays: 0, vague: false, duration: false } };
    const direction = following ? 'after' : 'before';
    if (unit === 'month' || unit === 'year') {
      return { ...base, offset: { direction, minDays: 0, maxDays: 0, vague: false, duration: false, shift: { unit, n: following ? 1 : -1 } } };
    }
    const [minDays, maxDays] = unit === 'day' ? [1, 1] : [7, 13];
    return { ...base, offset: { direction, minDays, maxDays, vague: false, duration: false } };
  }

  /** Wrappers: منذ + date; مطلع/منتصف/أواخر + month or year; مساء/فجر + day. */
  private wrapped(i: number): Candidate | null {
    if (this.isWord(i, 'منذ', 'مذ')) {
      const inner = longest([this.wrapped(i + 1), this.calendarLike(i + 1)]);
      if (!inner?.range) return null;
      return { ...inner, startTok: i, kind: 'relative-to-publication' };
    }
    const part = this.wordIn(i, PART_WORDS);
    if (part) {
      let k = i + 1;
      if (this.isBare(k, 'عام', 'العام', 'سنه', 'السنه') && this.year(k + 1) !== null) k += 1;
      const inner = this.calendarLike(k) ?? this.bareYearAfterPart(k);
      if (!inner?.range || (inner.range.precision !== 'month' && inner.range.precision !== 'year')) return null;
      return { ...inner, startTok: i, range: thirdOf(inner.range, PART_WORDS.get(part.form) ?? 'mid') };
    }
    if (this.wordIn(i, TIME_OF_DAY)) {
      const inner = this.calendarLike(i + 1);
      if (!inner?.range || inner.range.precision !== 'day') return null;
      return { ...inner, startTok: i };
    }
    return null;
  }

  private bareYearAfterPart(k: number): Candidate | null {
    const year = this.year(k);
    if (year === null) return null;
    return {
      startTok: k, endTok: this.skipEra(k + 1), kind: 'absolute', range: { ...yearRange(year), precision: 'year' },
      written: { year }, yearInferred: false,
    };
  }

  private calendarLike(i: number): Candidate | null {
    return longest([this.numeric(i), this.calendar(i), this.yearRule(i), this.deictic(i)]);
  }

  /**
   * How many letters of the first word are a proclitic outside the expression (وقبل → و, بنيسان → ب),
   * so the quoted surface starts at the date word itself.
   */
  leadingClitic(i: number): number {
    const token = this.tok(i);
    if (token?.type !== 'word' || HEAD_WORDS.has(token.norm)) return 0;
    const form = wordForms(token.norm).find((candidate) => candidate.clitic !== '' && HEAD_WORDS.has(candidate.form));
    return form ? form.clitic.length : 0;
  }

  /** The longest candidate starting at token i, if any. */
  candidateAt(i: number): Candidate | null {
    return longest([this.wrapped(i), this.calendarLike(i), this.beforeAfter(i), this.nextDay(i)]);
  }

  /** Resolves a relative-to-event candidate against its anchor. */
  resolveOffset(offset: NonNullable<Candidate['offset']>, anchor: DateAnchor): Range {
    if (offset.shift) {
      const start = parseIsoDay(anchor.start);
      if (offset.shift.unit === 'year') return { ...yearRange(start.year + offset.shift.n), precision: 'year' };
      const shifted = shiftMonth(start.year, start.month, offset.shift.n);
      return { ...monthRange(shifted.year, shifted.month), precision: 'month' };
    }
    if (offset.direction === 'same') return { start: anchor.start, end: anchor.end, precision: anchor.precision };
    const [start, end] = offset.direction === 'before'
      ? [addDays(anchor.start, -offset.maxDays), addDays(anchor.end, -offset.minDays)]
      : [addDays(anchor.start, offset.minDays), addDays(anchor.end, offset.maxDays)];
    return { start, end, precision: start === end ? 'day' : 'approximate' };
  }
}

/** Every word a date expression can start with, for `leadingClitic`. */
const HEAD_WORDS: ReadonlySet<string> = new Set([
  'قبل', 'بعد', 'منذ', 'مذ', 'قبلها', 'بعدها', 'قبله', 'بعده', 'اليوم', 'امس', 'الامس', 'البارحه', 'غدا', 'يوم', 'اول',
  'عام', 'العام', 'سنه', 'السنه', 'عامي', 'سنتي', 'هذا', 'هذه', 'الاسبوع', 'الشهر', 'الليله', 'شهر',
  ...MONTHS.keys(), ...MONTH_PAIRS.keys(), ...WEEKDAYS.keys(), ...PART_WORDS.keys(), ...TIME_OF_DAY, ...ORDINAL_DAYS.keys(),
  ...ORDINAL_UNITS.keys(),
]);

function longest(candidates: (Candidate | null)[]): Candidate | null {
  let best: Candidate | null = null;
  for (const candidate of candidates) if (candidate && (!best || candidate.endTok > best.endTok)) best = candidate;
  return best;
}

/** The first, middle or last third of a month (days 1-10, 11-20, 21-end) or a year (Jan-Apr, May-Aug, Sep-Dec). */
function thirdOf(range: Range, part: 'early' | 'mid' | 'late'): Range {
  const { year, month } = parseIsoDay(range.start);
  if (range.precision === 'month') {
    const last = daysInMonth(year, month);
    const [from, to] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, last];
    return { start: isoDay(year, month, from), end: isoDay(year, month, to), precision: 'approximate' };
  }
  const [from, to] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
  return { start: isoDay(year, from, 1), end: isoDay(year, to, daysInMonth(year, to)), precision: 'approximate' };
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The offset after `count` letters from `from` (marks such as tashkeel and tatweel ride along). */
function skipLetters(text: string, from: number, count: number): number {
  let at = from;
  let seen = 0;
  while (seen < count && at < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(at) ?? 0);
    at += ch.length;
    if (normalizeArabic(ch) !== '') seen += 1;
  }
  while (at < text.length && normalizeArabic(text[at] ?? '') === '') at += 1;
  return at;
}

function scan(text: string, context: DateContext, mode: ParseMode): DateMention[] {
  const tokens = dateTokens(text);
  const reader = new DateReader(tokens, context.published, mode);
  const mentions: DateMention[] = [];
  let inText: DateAnchor | null = null;
  let i = 0;
  while (i < tokens.length) {
    const candidate = reader.candidateAt(i);
    if (!candidate) {
      i += 1;
      continue;
    }
    i = Math.max(candidate.endTok, i + 1);
    const first = tokens[candidate.startTok];
    const last = tokens[candidate.endTok - 1];
    if (!first || !last) continue;
    const from = skipLetters(text, first.from, reader.leadingClitic(candidate.startTok));
    let range = candidate.range;
    let relation: EventRelation | undefined;
    if (candidate.offset) {
      const anchor = inText ?? context.anchor ?? null;
      if (!anchor) continue;
      const { shift: _shift, ...offset } = candidate.offset;
      relation = { ...offset, anchorInText: inText !== null };
      range = reader.resolveOffset(candidate.offset, anchor);
    }
    if (!range) continue;
    const mention: DateMention = {
      surface: text.slice(from, last.to),
      from,
      to: last.to,
      kind: candidate.kind,
      precision: range.precision,
      date: formatEventDate(range.precision, range.start, range.end),
      start: range.start,
      end: range.end,
      written: candidate.written,
      yearInferred: candidate.yearInferred,
    };
    if (relation) mention.relation = relation;
    mentions.push(mention);
    if (!relation?.duration) inText = { start: range.start, end: range.end, precision: range.precision };
  }
  return mentions;
}

/**
 * Finds and resolves every date expression in a text (one sentence, typically), in reading order.
 * Day and month names without a year take the latest such date not after `context.published`;
 * relative-to-event expressions ("قبل هذه الحادثة بنحو أسبوع") resolve against the previous date in the
 * same text or else `context.anchor`, and are dropped when there is neither. See the module comment for
 * every form and the ranges chosen.
 */
export function extractDateMentions(text: string, context: DateContext): DateMention[] {
  parseIsoDay(context.published); // throws InvalidDateError on a bad publication date
  return scan(text, context, { question: false });
}

// ---- questions ---------------------------------------------------------------------------------

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

const EN_MONTHS = ENGLISH_MONTHS;
const EN_WEEKDAYS = ENGLISH_WEEKDAYS;
const EN_MONTH = [...EN_MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
const EN_COUNTED = /^(people|persons|fighters|members|soldiers|civilians|families|residents|troops|men|women|children|dollars|killed|dead|deaths|casualties|houses|homes|km|kilometres|kilometers|metres|meters|tons|displaced|refugees|times)\b/;
// "a week ago": the article counts one.
const EN_NUMBER_WORDS: ReadonlyMap<string, number> = new Map([['a', 1], ['an', 1], ...ENGLISH_CARDINALS]);

interface EnglishDate extends Range {
  index: number;
  length: number;
  yearless?: { month: number; day?: number };
}

/** Date expressions in an English question, each with its position. */
function englishDates(question: string, now: string): EnglishDate[] {
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
    if (EN_COUNTED.test(following)) continue;
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
  return scan(question, { published: now }, { question: true })
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

// ---- question flags ----------------------------------------------------------------------------

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
