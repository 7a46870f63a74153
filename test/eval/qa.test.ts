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
  // Measured: Arabic 0.871, English 0.833, unanswerable abstained 1.000, wrongly abstained 0.075 (0.903 / 0.889 / 0.950 / 0.063
  // before the concept lexicon and gazetteer replaced the seed's own lists).
  { file: 'qa-heldout.jsonl', minQuestions: 100, arabicTop1: 0.84, englishTop1: 0.8, unanswerableAbstained: 0.9, wronglyAbstainedAtMost: 0.1 },
  // Multi-article sets over the whole test corpus (nine articles of the seed's region on other topics, five more unread).
  // Never read, by a third author. Measured: Arabic 0.644, English 0.526, unanswerable abstained 0.815, wrongly abstained 0.181.
  { file: 'qa-heldout-multi.jsonl', minQuestions: 100, arabicTop1: 0.6, englishTop1: 0.47, unanswerableAbstained: 0.75, wronglyAbstainedAtMost: 0.23 },
  // Scored blind first (0.676 / 0.423 / 0.450 / 0.167), then studied. Measured: 0.706 / 0.692 / 0.850 / 0.067.
  { file: 'qa-blind-multi.jsonl', minQuestions: 80, arabicTop1: 0.65, englishTop1: 0.63, unanswerableAbstained: 0.78, wronglyAbstainedAtMost: 0.11 },
  // Written for development by another author and used for tuning. Measured: 0.745 / 0.744 / 0.833 / 0.089.
  { file: 'qa-dev-multi.jsonl', minQuestions: 120, arabicTop1: 0.69, englishTop1: 0.69, unanswerableAbstained: 0.77, wronglyAbstainedAtMost: 0.14 },
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
