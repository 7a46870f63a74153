import { describe, expect, it } from 'vitest';
import { asksFuture, cleanQuestion, MAX_QUESTION_LENGTH, readQuestion } from '../../src/answer/question.ts';

describe('readQuestion', () => {
  it('removes bidi marks, zero-width characters and extra space', () => {
    expect(cleanQuestion('\u200f من  يسيطر\u200b على المطار؟\u200e ')).toBe('من يسيطر على المطار؟');
  });

  it.each([
    ['', 'empty'],
    ['   \u200f\u200e  ', 'empty'],
    ['😀🔥👍', 'no_words'],
    ['~*+-', 'no_words'],
    ['ا'.repeat(MAX_QUESTION_LENGTH + 1), 'too_long'],
  ])('refuses %j as %s', (text, reason) => {
    const read = readQuestion(text);
    expect(read.valid).toBe(false);
    if (!read.valid) expect(read.reason).toBe(reason);
  });

  it.each([
    ['من يسيطر على المطار؟', 'actor'],
    ['مين مسيطر عالمطار', 'actor'],
    ['لمن تتبع الأسايش؟', 'actor'],
    ['who controls the airport?', 'actor'],
    ['which side holds Halko?', 'actor'],
    ['كم عنصراً قتل عام 2018؟', 'number'],
    ['قديش واحد مات؟', 'number'],
    ['how many people were killed in 2018?', 'number'],
    ['متى بدأت الاشتباكات؟', 'date'],
    ['امتى بلشت المعارك', 'date'],
    ['when did the clashes start?', 'date'],
    ['أين تحشد قوات النظام تعزيزاتها؟', 'place'],
    ['وين عم يصير القتال', 'place'],
    ['where are the reinforcements?', 'place'],
    ['ماذا حدث في حي حلكو؟', 'other'],
    // A source may be a place or an agency (from Hasakah, from the FAO): no gate on either.
    ['من أين جاءت التعزيزات؟', 'other'],
    ['where did the vaccine doses come from?', 'other'],
    ['what happened in Halko?', 'other'],
  ])('expects %j to be answered by a %s', (text, type) => {
    const read = readQuestion(text);
    expect(read.valid && read.answerType).toBe(type);
  });

  it('detects the language by script', () => {
    expect(readQuestion('who controls Qamishli').lang).toBe('en');
    expect(readQuestion('من يسيطر على Qamishli').lang).toBe('ar');
  });
});

describe('asksFuture', () => {
  const words = (q: string): string[] => (readQuestion(q) as { words: string[] }).words;
  it('reads a when-question about what is yet to come, in either language', () => {
    expect(asksFuture(words('متى ستبدأ حملة التلقيح؟'))).toBe(true);
    expect(asksFuture(words('إيمتى رح ترجع الكهربا؟'))).toBe(true);
    expect(asksFuture(words('When will the pipeline be finished?'))).toBe(true);
    expect(asksFuture(words('When is the dam expected to return to full output?'))).toBe(true);
  });
  it('leaves a when-question about the past alone', () => {
    expect(asksFuture(words('متى سيطرت الأسايش على المقر؟'))).toBe(false);
    expect(asksFuture(words('When did the strike happen?'))).toBe(false);
  });
});
