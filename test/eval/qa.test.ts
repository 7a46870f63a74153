import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadQaSet, runQaSet, scoreQa, type QaScores } from '../../src/eval/qa-eval.ts';
import { sharedEngine } from '../helpers/engine.ts';

// Floors a little under what the engine measures on this set (measured: Arabic 0.856, English
// 0.971, unanswerable abstained 0.875, answerable abstained 0.040; see `npm run bench`), so a
// regression fails while noise in one question does not.
const FLOORS = { arabicTop1: 0.82, englishTop1: 0.92, unanswerableAbstained: 0.84, answerableWronglyAbstainedAtMost: 0.07 };

let scores: QaScores;
beforeAll(async () => {
  const items = loadQaSet(join(import.meta.dirname, 'qa.jsonl'));
  scores = scoreQa(await runQaSet(await sharedEngine(), items));
});

describe('the project question set (test/eval/qa.jsonl)', () => {
  it('has at least 100 questions', () => {
    expect(scores.questions).toBeGreaterThanOrEqual(100);
  });
  it('answers Arabic questions with a gold sentence first', () => {
    expect(scores.arabicTop1).toBeGreaterThanOrEqual(FLOORS.arabicTop1);
  });
  it('answers English questions with a gold sentence first', () => {
    expect(scores.englishTop1).toBeGreaterThanOrEqual(FLOORS.englishTop1);
  });
  it('abstains on questions the article cannot answer', () => {
    expect(scores.unanswerableAbstained).toBeGreaterThanOrEqual(FLOORS.unanswerableAbstained);
  });
  it('rarely abstains on answerable questions', () => {
    expect(scores.answerableWronglyAbstained).toBeLessThanOrEqual(FLOORS.answerableWronglyAbstainedAtMost);
  });
});
