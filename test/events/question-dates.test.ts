import { describe, expect, it } from 'vitest';
import { parseQuestionDate, questionDateMatches, questionTimeFlags } from '../../src/events/question-dates.ts';

const now = '2021-04-25';
const ar = (question: string, events?: { start: string; end: string }[]) => parseQuestionDate(question, { now, lang: 'ar', events });
const en = (question: string, events?: { start: string; end: string }[]) => parseQuestionDate(question, { now, lang: 'en', events });
const range = (d: { start: string; end: string } | null): string | null => (d ? `${d.start}/${d.end}` : null);

describe('parseQuestionDate: Arabic', () => {
  it.each([
    ['ماذا حدث في تموز 2016؟', '2016-07-01/2016-07-31', 'month'],
    ['شو صار بتموز 2016؟', '2016-07-01/2016-07-31', 'month'],
    ['ماذا حدث في ايلول 2018؟', '2018-09-01/2018-09-30', 'month'],
    ['كم عنصر قتل في ايلوال 2018', '2018-09-01/2018-09-30', 'month'], // misspelt month
    ['قديش واحد مات بمعركة 2018؟', '2018-01-01/2018-12-31', 'year'], // bare year after a noun
    ['شو صار ب ٢٠١٨', '2018-01-01/2018-12-31', 'year'],
    ['ماذا حدث في 23 من نيسان؟', '2021-04-23/2021-04-23', 'day'],
    ['شو صار مبارح؟ لا، أمس', '2021-04-24/2021-04-24', 'day'],
    ['شو صار الأسبوع الماضي', '2021-04-18/2021-04-24', 'approximate'],
    ['ما الذي جرى الشهر الماضي', '2021-03-01/2021-03-31', 'month'],
  ])('%s', (question, expected, precision) => {
    const date = ar(question);
    expect(range(date)).toBe(expected);
    expect(date?.precision).toBe(precision);
  });

  it('keeps the date words as the label', () => {
    expect(ar('ماذا حدث في تموز 2016؟')?.label).toBe('تموز 2016');
  });

  it('returns null when the question has no date', () => {
    expect(ar('ما هي أكبر الاشتباكات بين الطرفين؟')).toBeNull();
    expect(ar('كم عدد القتلى؟')).toBeNull();
    expect(ar('من يسيطر على حي حلكو؟')).toBeNull();
  });

  it('marks a month without a year as yearless and places it in the year of a known event', () => {
    const date = ar('ماذا حدث في تموز؟', [{ start: '2016-07-01', end: '2016-07-31' }, { start: '2021-04-25', end: '2021-04-25' }]);
    expect(date).toMatchObject({ start: '2016-07-01', end: '2016-07-31', precision: 'month', yearless: { month: 7 } });
    // Without events: the latest July not after now.
    expect(range(ar('ماذا حدث في تموز؟'))).toBe('2020-07-01/2020-07-31');
  });

  it('spans several dates', () => {
    expect(ar('ماذا حدث بين 2016 و2018؟')).toMatchObject({ start: '2016-01-01', end: '2018-12-31', precision: 'approximate' });
  });
});

describe('parseQuestionDate: English', () => {
  it.each([
    ['What happened in July 2016 in Qamishli?', '2016-07-01/2016-07-31', 'month'],
    ['How many people were killed in September 2018?', '2018-09-01/2018-09-30', 'month'],
    ['what happened in 2018', '2018-01-01/2018-12-31', 'year'],
    ['what happened on April 23?', '2021-04-23/2021-04-23', 'day'],
    ['what happened on the 17th of April 2021', '2021-04-17/2021-04-17', 'day'],
    ['Sept 2018 clashes', '2018-09-01/2018-09-30', 'month'],
    ['What happened last week?', '2021-04-18/2021-04-24', 'approximate'],
    ['what happened yesterday', '2021-04-24/2021-04-24', 'day'],
    ['what happened 3 days ago', '2021-04-22/2021-04-22', 'day'],
    ['what happened last month', '2021-03-01/2021-03-31', 'month'],
    ['fighting in early 2018', '2018-01-01/2018-04-30', 'approximate'],
    ['what happened on 2021-04-20', '2021-04-20/2021-04-20', 'day'],
    ['what happened last Friday', '2021-04-23/2021-04-23', 'day'],
  ])('%s', (question, expected, precision) => {
    const date = en(question);
    expect(range(date)).toBe(expected);
    expect(date?.precision).toBe(precision);
  });

  it('does not take "may" the verb, counted numbers or other words for dates', () => {
    expect(en('May I ask who controls Halko?')).toBeNull();
    expect(en('Were 2000 people displaced?')).toBeNull();
    expect(en('Who controls the airport?')).toBeNull();
  });

  it('marks "in July" as yearless', () => {
    expect(en('what happened in July?', [{ start: '2016-07-01', end: '2016-07-31' }])).toMatchObject({
      start: '2016-07-01', yearless: { month: 7 },
    });
  });
});

describe('questionDateMatches', () => {
  it('overlaps ranges', () => {
    const date = { start: '2018-01-01', end: '2018-12-31', precision: 'year' as const, label: '2018' };
    expect(questionDateMatches(date, { start: '2018-09-01', end: '2018-09-30' })).toBe(true);
    expect(questionDateMatches(date, { start: '2016-07-01', end: '2016-07-31' })).toBe(false);
  });

  it('matches a yearless month in any year', () => {
    const date = { start: '2020-07-01', end: '2020-07-31', precision: 'month' as const, label: 'تموز', yearless: { month: 7 } };
    expect(questionDateMatches(date, { start: '2016-07-01', end: '2016-07-31' })).toBe(true);
    expect(questionDateMatches(date, { start: '2018-09-01', end: '2018-09-30' })).toBe(false);
  });

  it('does not match a yearless day against a whole year or century, which holds every day', () => {
    const date = { start: '2021-04-10', end: '2021-04-10', precision: 'day' as const, label: '10 April', yearless: { month: 4, day: 10 } };
    expect(questionDateMatches(date, { start: '2019-04-08', end: '2019-04-12' })).toBe(true);
    expect(questionDateMatches(date, { start: '1923-01-01', end: '1923-12-31' })).toBe(false);
    expect(questionDateMatches(date, { start: '1700-01-01', end: '1799-12-31' })).toBe(false);
  });
});

describe('questionTimeFlags', () => {
  it.each([
    ['ما هي أكبر الاشتباكات بين الطرفين؟', { biggest: true }],
    ['ما اعنف المواجهات؟', { biggest: true }],
    ['What was the biggest clash between the two sides before this?', { biggest: true, background: true }],
    ['which were the deadliest clashes?', { biggest: true }],
    ['هل هذه أول مرة يتقاتل فيها الطرفان؟', { first: true }],
    ['is this the first time?', { first: true }],
    ['how did this start?', { background: true, first: true }],
    ['ما خلفية الاشتباكات؟', { background: true }],
    ['what is the background of the clashes?', { background: true }],
    ['ما آخر الأخبار؟', { latest: true }],
    ['what is the latest?', { latest: true }],
  ])('%s', (question, flags) => {
    expect(questionTimeFlags(question, { now })).toEqual({ biggest: false, first: false, background: false, latest: false, ...flags });
  });

  it('raises no flag for month names and relative dates that contain the same words', () => {
    expect(questionTimeFlags('ماذا حدث في تشرين الأول 2019؟', { now })).toEqual({ biggest: false, first: false, background: false, latest: false });
    expect(questionTimeFlags('what happened last week?', { now }).latest).toBe(false);
    expect(questionTimeFlags('من يسيطر على حي حلكو؟', { now })).toEqual({ biggest: false, first: false, background: false, latest: false });
  });
});

describe('seasons', () => {
  it('reads a season with its year as its months, in either language', () => {
    expect(en('How did the shutdown in the summer of 2020 end?')).toMatchObject({ start: '2020-06-01', end: '2020-08-31', label: 'summer of 2020' });
    expect(ar('كيف انتهى توقف المحطة في صيف 2020؟')).toMatchObject({ start: '2020-06-01', end: '2020-08-31', label: 'صيف 2020' });
  });
});
