import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysInMonth, formatEventDate, InvalidDateError, parseIsoDay, shiftMonth, weekday } from '../../src/events/calendar.ts';

describe('calendar', () => {
  it('knows the length of every month, leap years by the Gregorian rule', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([2024, 2000, 1900, 2100, 1600].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 28, 28, 29]);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2021-04-25', -8)).toBe('2021-04-17');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(daysBetween('2021-04-17', '2021-04-25')).toBe(8);
  });

  it('knows the weekday (25 April 2021 was a Sunday)', () => {
    expect(weekday('2021-04-25')).toBe(0);
    expect(weekday('2021-04-23')).toBe(5);
  });

  it('shifts months across years', () => {
    expect(shiftMonth(2021, 1, -1)).toEqual({ year: 2020, month: 12 });
    expect(shiftMonth(2021, 12, 1)).toEqual({ year: 2022, month: 1 });
  });

  it('formats event dates by precision', () => {
    expect(formatEventDate('day', '2021-04-23', '2021-04-23')).toBe('2021-04-23');
    expect(formatEventDate('month', '2018-09-01', '2018-09-30')).toBe('2018-09');
    expect(formatEventDate('year', '2016-01-01', '2016-12-31')).toBe('2016');
    expect(formatEventDate('approximate', '2021-04-09', '2021-04-11')).toBe('2021-04-09/2021-04-11');
  });

  it('rejects what is not a calendar day', () => {
    expect(() => parseIsoDay('2021-02-30')).toThrow(InvalidDateError);
    expect(() => parseIsoDay('25-04-2021')).toThrow(InvalidDateError);
  });
});
