import { describe, expect, it } from 'vitest';
import { ANSWER_TYPE_MARKER, answerTypeMarkers, questionAnswerType } from '../../src/search/answer-type.ts';
import { analyze } from '../../src/text/analyze.ts';

describe('questionAnswerType', () => {
  it('recognises when-questions in MSA, Levantine and English', () => {
    expect(questionAnswerType('متى سيطرت أسايش على شارع السلام؟')).toBe('date');
    expect(questionAnswerType('ايمتى صارت الاشتباكات')).toBe('date');
    expect(questionAnswerType('في أي عام قتل 18 عنصرا؟')).toBe('date');
    expect(questionAnswerType('When did the clashes start?')).toBe('date');
  });

  it('recognises how-many questions', () => {
    expect(questionAnswerType('كم عنصرا قتل في 2018؟')).toBe('number');
    expect(questionAnswerType('قديش عنصر انقتل')).toBe('number');
    expect(questionAnswerType('How many fighters were killed?')).toBe('number');
  });

  it('returns null for other questions', () => {
    expect(questionAnswerType('من يسيطر على المطار؟')).toBeNull();
    expect(questionAnswerType('')).toBeNull();
  });
});

describe('answerTypeMarkers', () => {
  it('marks years and month names as dates and digits as numbers', () => {
    const [year] = analyze('2018');
    const [month] = analyze('نيسان');
    const [count] = analyze('18');
    expect(answerTypeMarkers(year as string)).toEqual([ANSWER_TYPE_MARKER.date, ANSWER_TYPE_MARKER.number]);
    expect(answerTypeMarkers(month as string)).toEqual([ANSWER_TYPE_MARKER.date]);
    expect(answerTypeMarkers(count as string)).toEqual([ANSWER_TYPE_MARKER.number]);
    expect(answerTypeMarkers(analyze('المطار')[0] as string)).toEqual([]);
  });
});
