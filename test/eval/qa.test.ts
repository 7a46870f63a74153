import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadQaSet, runQaSet, scoreQa, type QaScores } from '../../src/eval/qa-eval.ts';
import { sharedEngine } from '../helpers/engine.ts';

// Floors a little under what the engine measures on this set (see `npm run bench`), so a
// regression fails while noise in one question does not.
const FLOORS = { arabicTop1: 0.85, englishTop1: 0.8, unanswerableAbstained: 0.85, answerableWronglyAbstainedAtMost: 0.08 };

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
