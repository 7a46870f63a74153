/**
 * ISO calendar arithmetic on `YYYY-MM-DD` strings (proleptic Gregorian, UTC, no time zones), and the
 * `TimelineEvent.date` notation.
 */
import type { DatePrecision } from './types.ts';

export class InvalidDateError extends Error {
  constructor(readonly value: string) {
    super(`not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    this.name = 'InvalidDateError';
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` for a calendar day (month 1-12). */
export function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Splits an ISO day into numbers, throwing `InvalidDateError` on anything else. */
export function parseIsoDay(iso: string): { year: number; month: number; day: number } {
  const match = ISO_DAY.exec(iso);
  if (!match) throw new InvalidDateError(iso);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new InvalidDateError(iso);
  return { year, month, day };
}

export function isIsoDay(value: string): boolean {
  try {
    parseIsoDay(value);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  // Arithmetic, not a Date: date questions call this for every year a corpus has events in.
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function toUtc(iso: string): number {
  const { year, month, day } = parseIsoDay(iso);
  return Date.UTC(year, month - 1, day);
}

function fromUtc(ms: number): string {
  const date = new Date(ms);
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(toUtc(iso)).getUTCDay();
}

/** First and last day of a month. */
export function monthRange(year: number, month: number): { start: string; end: string } {
  return { start: isoDay(year, month, 1), end: isoDay(year, month, daysInMonth(year, month)) };
}

export function yearRange(year: number): { start: string; end: string } {
  return { start: isoDay(year, 1, 1), end: isoDay(year, 12, 31) };
}

/** The month `offset` months from (year, month). */
export function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Today's date in UTC, ISO. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The `TimelineEvent.date` notation: `2021-04-23` for a day, `2018-09` for a month, `2016` for a
 * year, and `start/end` for an approximate range (or the single day when the range is one day).
 */
export function formatEventDate(precision: DatePrecision, start: string, end: string): string {
  switch (precision) {
    case 'day':
      return start;
    case 'month':
      return start.slice(0, 7);
    case 'year':
      return start.slice(0, 4);
    case 'approximate':
      return start === end ? start : `${start}/${end}`;
  }
}
