import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadQaSet, runQaSet, scoreQa, type QaScores } from '../../src/eval/qa-eval.ts';
import { seedEngine, sharedEngine } from '../helpers/engine.ts';

// Floors a little under what the engine measures (see README "Measured" and `npm run bench`), so a
// regression fails while noise in one question does not.
const SETS = [
  // Written first and used for tuning. Measured: Arabic 0.911, English 1.000, unanswerable abstained 0.844, wrongly abstained 0.008.
  { file: 'qa.jsonl', minQuestions: 100, arabicTop1: 0.87, englishTop1: 0.95, unanswerableAbstained: 0.8, wronglyAbstainedAtMost: 0.04 },
  // Written later by another author; its failures were studied. Measured: Arabic 0.891, English 1.0, unanswerable abstained 0.867, wrongly abstained 0.027.
  { file: 'qa-blind.jsonl', minQuestions: 90, arabicTop1: 0.88, englishTop1: 0.95, unanswerableAbstained: 0.8, wronglyAbstainedAtMost: 0.06 },
  // Written last by a third author and never read by the developer: only its scores were looked at.
  // Measured: Arabic 0.887, English 0.833, unanswerable abstained 1.000, wrongly abstained 0.063.
  { file: 'qa-heldout.jsonl', minQuestions: 100, arabicTop1: 0.85, englishTop1: 0.8, unanswerableAbstained: 0.9, wronglyAbstainedAtMost: 0.1 },
  // Multi-article sets over the whole test corpus (the seed and 24 test articles; seven were added in session 18
  // and three in session 21, each time making every multi-article set harder: more sentences on neighbouring
  // topics to quote wrongly).
  // Never read, by an author who read no code, on the three newest articles and others. Measured when it
  // arrived: 0.596 / 0.531 / 0.708 / 0.313; after this session's merges 0.638 / 0.633 / 0.708 / 0.260.
  { file: 'qa-fresh2-multi.jsonl', minQuestions: 120, arabicTop1: 0.6, englishTop1: 0.59, unanswerableAbstained: 0.66, wronglyAbstainedAtMost: 0.3 },
  // Never read, by an author who read no code, on the seven articles of session 18 and others. Measured: 0.627 / 0.523 / 0.778 / 0.165.
  { file: 'qa-fresh-multi.jsonl', minQuestions: 120, arabicTop1: 0.59, englishTop1: 0.48, unanswerableAbstained: 0.74, wronglyAbstainedAtMost: 0.2 },
  // Never read, by a third author. Measured: 0.622 / 0.658 / 0.704 / 0.096.
  { file: 'qa-heldout-multi.jsonl', minQuestions: 100, arabicTop1: 0.59, englishTop1: 0.61, unanswerableAbstained: 0.67, wronglyAbstainedAtMost: 0.13 },
  // Scored blind first (0.676 / 0.423 / 0.450 / 0.167), then studied. Measured: 0.853 / 0.769 / 0.850 / 0.033.
  { file: 'qa-blind-multi.jsonl', minQuestions: 80, arabicTop1: 0.82, englishTop1: 0.73, unanswerableAbstained: 0.82, wronglyAbstainedAtMost: 0.07 },
  // Written for development by another author and used for tuning. Measured: 0.809 / 0.814 / 0.800 / 0.067.
  { file: 'qa-dev-multi.jsonl', minQuestions: 120, arabicTop1: 0.77, englishTop1: 0.78, unanswerableAbstained: 0.76, wronglyAbstainedAtMost: 0.1 },
  // Half English, on the seven newest articles, by an author who read no code; scored blind (0.489 / 0.535 / 0.727 /
  // 0.182), then studied. Measured: 0.844 / 0.721 / 0.727 / 0.045.
  { file: 'qa-dev2-multi.jsonl', minQuestions: 100, arabicTop1: 0.8, englishTop1: 0.68, unanswerableAbstained: 0.69, wronglyAbstainedAtMost: 0.08 },
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
