import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../src/events/event-calendar.ts';
import { parseQuestionDate, questionDateEvents, questionDateMatches } from '../../src/events/question-dates.ts';

const events = [
  { id: 'a', start: '2016-07-01', end: '2016-07-31' },
  { id: 'b', start: '2018-09-08', end: '2018-09-08' },
  { id: 'c', start: '2021-04-20', end: '2021-04-26' },
  { id: 'd', start: '2021-04-23', end: '2021-04-23' },
  // Longer than the calendar buckets: kept in the list every look-up reads.
  { id: 'long', start: '2011-01-01', end: '2019-12-31' },
  { id: 'newyear', start: '2019-12-30', end: '2020-01-02' },
];

const ids = (found: readonly { id: string }[]): string[] => found.map((e) => e.id).sort();

describe('the event calendar', () => {
  const calendar = new EventCalendar(events);

  it('finds exactly the events overlapping a span, as a scan of all would', () => {
    for (const [start, end] of [['2021-04-23', '2021-04-23'], ['2016-01-01', '2016-12-31'], ['2019-12-31', '2020-01-01'], ['2000-01-01', '2030-12-31'], ['2022-01-01', '2022-12-31']] as const) {
      const scanned = events.filter((e) => e.start <= end && e.end >= start);
      expect(ids(calendar.overlapping(start, end)), `${start}..${end}`).toEqual(ids(scanned));
    }
  });

  it('lists the years with events, latest first', () => {
    expect(calendar.years()[0]).toBe(2021);
    expect(calendar.years()).toContain(2015); // inside the long event
  });

  it('answers a question date as matching every event one by one does, a yearless one too', () => {
    for (const question of ['ماذا حدث في 23 نيسان؟', 'what happened in July 2016?', 'ماذا جرى في أيلول؟', 'شو صار ب 2019']) {
      const date = parseQuestionDate(question, { now: '2021-04-25', lang: /[a-z]/i.test(question) ? 'en' : 'ar', calendar: () => calendar });
      expect(date, question).not.toBeNull();
      if (!date) continue;
      const looked = questionDateEvents(date, calendar).filter((e) => questionDateMatches(date, e));
      expect(ids(looked), question).toEqual(ids(events.filter((e) => questionDateMatches(date, e))));
    }
  });

  it('places a yearless month in the latest year that has an event in it', () => {
    const date = parseQuestionDate('ماذا جرى في أيلول؟', { now: '2021-04-25', lang: 'ar', calendar: () => calendar });
    expect(date?.start).toBe('2019-09-01'); // the long event covers September 2019, later than 2018's
  });
});
