import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadQaSet, runQaSet, scoreQa, type QaScores } from '../../src/eval/qa-eval.ts';
import { seedEngine, sharedEngine } from '../helpers/engine.ts';

// Floors a little under what the engine measures (see README "Measured" and `npm run bench`), so a
// regression fails while noise in one question does not.
const SETS = [
  // Written first and used for tuning. Measured: Arabic 0.922, English 0.971, unanswerable abstained 0.906, wrongly abstained 0.008.
  { file: 'qa.jsonl', minQuestions: 100, arabicTop1: 0.87, englishTop1: 0.92, unanswerableAbstained: 0.86, wronglyAbstainedAtMost: 0.04 },
  // Written later by another author; its failures were studied. Measured: Arabic 0.927, English 1.0, unanswerable abstained 0.867, wrongly abstained 0.027.
  { file: 'qa-blind.jsonl', minQuestions: 90, arabicTop1: 0.88, englishTop1: 0.95, unanswerableAbstained: 0.8, wronglyAbstainedAtMost: 0.06 },
  // Written last by a third author and never read by the developer: only its scores were looked at.
  // Measured: Arabic 0.903, English 0.889, unanswerable abstained 0.950, wrongly abstained 0.063.
  { file: 'qa-heldout.jsonl', minQuestions: 100, arabicTop1: 0.86, englishTop1: 0.83, unanswerableAbstained: 0.9, wronglyAbstainedAtMost: 0.09 },
];

describe.each(SETS)('the question set test/eval/$file', (set) => {
  let scores: QaScores;
  beforeAll(async () => {
    // The seed's sets were written for the seed alone: a test article on bread prices rightly answers
    // what they call unanswerable. The multi-article sets are asked of the whole test corpus.
    const engine = set.file.includes('-multi') ? await sharedEngine() : await seedEngine();
    scores = scoreQa(await runQaSet(engine, loadQaSet(join(import.meta.dirname, set.file))));
  });

  it('is large enough to mean something', () => {
    expect(scores.questions).toBeGreaterThanOrEqual(set.minQuestions);
  });
  it('answers Arabic questions with a gold sentence first', () => {
    expect(scores.arabicTop1).toBeGreaterThanOrEqual(set.arabicTop1);
  });
  it('answers English questions with a gold sentence first', () => {
    expect(scores.englishTop1).toBeGreaterThanOrEqual(set.englishTop1);
  });
  it('abstains on questions the article cannot answer', () => {
    expect(scores.unanswerableAbstained).toBeGreaterThanOrEqual(set.unanswerableAbstained);
  });
  it('rarely abstains on answerable questions', () => {
    expect(scores.answerableWronglyAbstained).toBeLessThanOrEqual(set.wronglyAbstainedAtMost);
  });
});
